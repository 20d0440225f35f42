"""Secrets never leave the tool: the last pass over a doc model before anything is printed.

Two kinds of text are redacted to `***`, in every string of the doc model (descriptions,
defaults, examples, the TypeScript text, warnings), so in Markdown, JSON and warnings alike:

- values of secret-like names: defaults and examples of model fields and `default_args`
  entries named like a secret (`api_key`, `clientSecret`, `password`, `*_TOKEN`, …), and
  the defaults of secret environment variables (`secret_values`, from the resolve stage),
  wherever else they show up;
- text shaped like a credential, whatever its name: Stripe, GitHub, GitLab, Slack, npm,
  Google and Telegram tokens, AWS access key ids, JWTs, PEM private keys, and the password
  of a `scheme://user:password@host` URL.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from .model import Integration

REDACTED = "***"
MIN_KNOWN_LENGTH = 6
"""Shorter secret values are redacted where they stand, not searched for in other text."""
SECRET_WORDS = frozenset({"KEY", "SECRET", "TOKEN", "PASSWORD", "PASSWD", "PWD", "CREDENTIALS",
                          "PASSPHRASE", "PRIVATE_KEY", "API_KEY", "ACCESS_KEY", "AUTH"})

TOKEN_PATTERNS: tuple[re.Pattern[str], ...] = tuple(
    re.compile(pattern, flags)
    for pattern, flags in (
        (r"-----BEGIN[A-Z ]*PRIVATE KEY-----.*?(?:-----END[A-Z ]*PRIVATE KEY-----|\Z)", re.DOTALL),
        (r"\b(?:sk|rk|pk)_(?:live|test)_[0-9A-Za-z]{8,}", 0),
        (r"\bwhsec_[0-9A-Za-z+/=]{8,}", 0),
        (r"\bgh[pousr]_[0-9A-Za-z]{20,}", 0),
        (r"\bgithub_pat_[0-9A-Za-z_]{20,}", 0),
        (r"\bglpat-[0-9A-Za-z_-]{20,}", 0),
        (r"\bxox[abposr]-[0-9A-Za-z-]{10,}", 0),
        (r"\bnpm_[0-9A-Za-z]{36}\b", 0),
        (r"\bAIza[0-9A-Za-z_-]{35}", 0),
        (r"\b(?:AKIA|ASIA)[0-9A-Z]{16}\b", 0),
        (r"\b[0-9]{6,12}:AA[0-9A-Za-z_-]{30,}", 0),
        (r"\beyJ[0-9A-Za-z_-]{5,}\.eyJ[0-9A-Za-z_-]{5,}\.[0-9A-Za-z_-]{5,}", 0),
    )
)
_URL_PASSWORD = re.compile(r"(?<=://)([^\s/:@]*):[^\s/@]+(?=@)")
_CAMEL = re.compile(r"(?<=[a-z0-9])(?=[A-Z])")


def is_secret_name(name: str, suffixes: Iterable[str] = ("_KEY", "_SECRET", "_TOKEN", "_PASSWORD")) -> bool:
    """True for names like a secret: `API_KEY`, `clientSecret`, `password`, `x_token`."""
    upper = _CAMEL.sub("_", name).upper().strip("_")
    return upper in SECRET_WORDS or upper.endswith(tuple(suffixes)) or any(
        upper.endswith("_" + word) for word in SECRET_WORDS
    )


def redact_text(text: str, known: Iterable[str] = ()) -> str:
    """`text` with credential-shaped parts and the `known` secret values replaced by `***`."""
    for pattern in TOKEN_PATTERNS:
        text = pattern.sub(REDACTED, text)
    text = _URL_PASSWORD.sub(lambda m: f"{m.group(1)}:{REDACTED}", text)
    for value in known:
        text = text.replace(value, REDACTED)
    return text


def redact(doc: Integration, secret_values: Iterable[str] = (), suffixes: Iterable[str] = ()) -> Integration:
    """A copy of `doc` without secrets (see the module docstring)."""
    names = tuple(suffixes) or ("_KEY", "_SECRET", "_TOKEN", "_PASSWORD")
    data = doc.model_dump(mode="json", by_alias=True)
    known: set[str] = {value for value in secret_values if isinstance(value, str)}
    _secret_fields(data, names, known)
    _secret_args(data, names, known)
    searched = sorted((value for value in known if len(value) >= MIN_KNOWN_LENGTH), key=len, reverse=True)
    return Integration.model_validate(_scrub(data, searched))


def _secret_fields(data: Any, names: tuple[str, ...], known: set[str]) -> None:
    """Model fields named like a secret: default and examples become `***` (values kept in
    `known`, to be searched for in the rest of the document)."""
    if isinstance(data, dict):
        if "python_name" in data and "ts_type" in data and _field_is_secret(data, names):
            for value in [data.get("default"), *data.get("examples", [])]:
                known.update(_strings(value))
            if data.get("default") is not None:
                data["default"] = REDACTED
            if "examples" in data:
                data["examples"] = [REDACTED for _ in data["examples"]]
        for value in data.values():
            _secret_fields(value, names, known)
        if "example" in data and "fields" in data:  # a DocModel, its fields seen above
            data["example"] = _secret_keys(data["example"], names, known)
    elif isinstance(data, list):
        for item in data:
            _secret_fields(item, names, known)


def _secret_keys(value: Any, names: tuple[str, ...], known: set[str]) -> Any:
    """A JSON example with the secret values of secret-like keys (however short) replaced by
    `***`; generated placeholders (`"string"`) are not secrets and stay."""
    if isinstance(value, list):
        return [_secret_keys(item, names, known) for item in value]
    if not isinstance(value, dict):
        return value
    result: dict[str, Any] = {}
    for key, item in value.items():
        if is_secret_name(key, names) and isinstance(item, str) and item in known:
            result[key] = REDACTED
        else:
            result[key] = _secret_keys(item, names, known)
    return result


def _field_is_secret(data: dict[str, Any], names: tuple[str, ...]) -> bool:
    return any(is_secret_name(str(data.get(key, "")), names) for key in ("name", "python_name"))


def _secret_args(data: dict[str, Any], names: tuple[str, ...], known: set[str]) -> None:
    """`default_args` entries named like a secret, on the integration and its handlers."""
    holders = [data, *data.get("handlers", [])]
    for holder in holders:
        args = holder.get("default_args")
        if not isinstance(args, dict):
            continue
        for key, value in args.items():
            if is_secret_name(key, names) and value is not None:
                known.update(_strings(value))
                args[key] = REDACTED


def _strings(value: Any) -> list[str]:
    """Every string in a JSON value."""
    if isinstance(value, str):
        return [value]
    if isinstance(value, list):
        return [text for item in value for text in _strings(item)]
    if isinstance(value, dict):
        return [text for item in value.values() for text in _strings(item)]
    return []


def _scrub(value: Any, known: list[str]) -> Any:
    """Every string of a JSON value (and every key) through `redact_text`."""
    if isinstance(value, str):
        return redact_text(value, known)
    if isinstance(value, list):
        return [_scrub(item, known) for item in value]
    if isinstance(value, dict):
        return {_scrub(key, known): _scrub(item, known) for key, item in value.items()}
    return value
