"""Where credential-shaped text is: detect-secrets' plugin patterns plus the shapes they miss.

The catalogue is not kept by hand: every regex-based plugin of Yelp's detect-secrets (AWS,
Azure storage, GitHub, GitLab, Slack tokens and webhooks, Stripe, SendGrid, OpenAI, Twilio,
npm, PyPI, JWT, Telegram, Discord, Mailchimp, Square, Artifactory, IBM, SoftLayer, Cloudant
…) is taken from the library as data (`secret_patterns.json`, regenerated from the installed
library by `python -m extractor.cli.secret_catalogue`; tests/test_secrets.py fails when it drifts
from the detect-secrets the tests install). Added here, for shapes it does not cover: whole PEM and
PGP private key blocks (the plugin only flags the header line), URL passwords (any characters,
`@` and `/` included, up to the host), `?access_token=`-like query values, `Basic`/`Bearer`
values, `password=`/`pwd=` and `AccountKey=`/`SharedAccessKey=` in connection strings, and the
newer OpenAI (`sk-proj-…`), Anthropic (`sk-ant-…`) and Stripe restricted/test keys.

`secret_spans(text)` gives the spans to mask; `extractor.secrets` (the one policy) masks them.
"""

from __future__ import annotations

import json
import re
from functools import lru_cache
from pathlib import Path
from typing import Any, Final

_PLUGINS_LEFT_OUT: Final = frozenset({"Public IP (ipv4)", "Private Key"})
"""An IP address is not a secret; private keys are masked as whole blocks below."""

_OWN_PATTERNS: Final = (
    r"-----BEGIN[A-Z ]*PRIVATE KEY(?: BLOCK)?-----(?s:.*?)(?:-----END[A-Z ]*PRIVATE KEY(?: BLOCK)?-----|\Z)",
    r"PuTTY-User-Key-File-\d+:(?s:.*?)(?:Private-MAC: *\S+|\Z)",
    r"\b(?:sk|rk|pk)_(?:live|test)_[0-9A-Za-z]{8,}",
    r"\bwhsec_[0-9A-Za-z+/=]{8,}",
    r"\bgh[pousr]_[0-9A-Za-z]{20,}",
    r"\bgithub_pat_[0-9A-Za-z_]{20,}",
    r"\bglpat-[0-9A-Za-z_-]{20,}",
    r"\bxox[abposr]-[0-9A-Za-z-]{10,}",
    r"\bnpm_[0-9A-Za-z]{36}\b",
    r"\bAIza[0-9A-Za-z_-]{35}",
    r"\b[0-9]{6,12}:AA[0-9A-Za-z_-]{30,}",
    r"\beyJ[0-9A-Za-z_-]{5,}\.eyJ[0-9A-Za-z_-]{5,}\.[0-9A-Za-z_-]{5,}",
    r"\bsk-(?:proj|svcacct|admin|None)-[0-9A-Za-z_-]{16,}",
    r"\bsk-ant-(?:api|admin|sid)\d{2}-[0-9A-Za-z_-]{16,}",
    r"\bsk-[0-9A-Za-z]{32,}",
    r"\bSG\.[0-9A-Za-z_-]{16,}\.[0-9A-Za-z_-]{16,}",
    r"https://hooks\.slack\.com/(?:services|workflows|triggers)/[0-9A-Za-z_/-]{10,}",
    r"https://discord(?:app)?\.com/api/webhooks/[0-9A-Za-z_/-]{10,}",
)
"""Whole-match shapes."""

_VALUE_PATTERNS: Final = (
    # scheme://user:PASSWORD@host: the password may hold `@`, `/`, `:`; greedy, it ends at the
    # last `@` of the word that a host follows.
    r"(?<=://)[^\s/:@'\"<>]*:(?P<value>[^\s'\"<>]+)@[^\s@/'\"<>]+",
    r"(?i)[?&#;](?:access_?token|refresh_?token|id_?token|token|api_?key|apikey|key|secret|client_?secret|"
    r"password|passwd|pwd|auth|sig|signature|x-amz-signature)=(?P<value>[^&#;\s'\"<>]+)",
    r"(?i)\bbasic\s+(?P<value>[0-9A-Za-z+/]{8,}={0,2})",
    # a bearer token has a digit or is long (`Bearer YOUR_TOKEN` is a placeholder)
    r"(?i)\b(?:bearer|token|digest)\s+(?P<value>(?=[0-9A-Za-z+/=._~-]*\d|[0-9A-Za-z+/=._~-]{20})[0-9A-Za-z+/=._~-]{8,})",
    r"(?i)\b(?:password|passwd|pwd|pass)\s*[=:]\s*(?P<value>[^;\s'\"<>,]+)",
    r"(?i)\b(?:AccountKey|SharedAccessKey|SharedAccessSignature|SharedSecret|ClientSecret)\s*=\s*(?P<value>[^;\s'\"<>]+)",
)
"""Shapes whose `value` group alone is the secret (the name or the user stays)."""


CATALOGUE: Final = Path(__file__).with_name("secret_patterns.json")
"""detect-secrets' plugin regexes as data, written by `python -m extractor.cli.secret_catalogue`
(importing the library's plugins costs ~0.4 s per process; reading this file ~1 ms)."""


def library_catalogue() -> dict[str, Any]:
    """The denylist regexes of every regex-based plugin of the installed detect-secrets, as the
    data `CATALOGUE` holds: `{"detect-secrets": version, "patterns": [[regex, flags], …]}`."""
    from importlib.metadata import version

    from detect_secrets.core.plugins.util import get_mapping_from_secret_type_to_class
    from detect_secrets.plugins.base import RegexBasedDetector

    patterns: list[list[Any]] = []
    plugins: dict[str, Any] = get_mapping_from_secret_type_to_class()
    for name, plugin in sorted(plugins.items()):
        if name in _PLUGINS_LEFT_OUT or not issubclass(plugin, RegexBasedDetector):
            continue
        patterns.extend([pattern.pattern, pattern.flags] for pattern in plugin().denylist)
    return {"detect-secrets": version("detect-secrets"), "patterns": patterns}


@lru_cache(maxsize=1)
def _library_patterns() -> tuple[re.Pattern[str], ...]:
    """The catalogue's regexes, compiled once per process."""
    data = json.loads(CATALOGUE.read_text(encoding="utf-8"))
    return tuple(re.compile(pattern, flags) for pattern, flags in data["patterns"])


OWN_SHAPES: Final = re.compile("|".join(f"(?:{pattern})" for pattern in _OWN_PATTERNS))
"""The whole-match shapes added here, as one regex."""
_VALUES: Final = tuple(re.compile(pattern) for pattern in _VALUE_PATTERNS)
_SHORTEST: Final = 7
"""No shape is shorter (`://a:b@`): shorter text is never searched."""


def _library_span(match: re.Match[str]) -> tuple[int, int]:
    """The secret in a plugin's match: its longest group when the pattern marks one after a
    keyword or a user name (`aws_key = "…"`, `://user:pw@`), else the whole match (a group at
    the start is a prefix, as `ghp` of a GitHub token)."""
    groups = [index for index in range(1, (match.re.groups or 0) + 1) if match.group(index)]
    best = max(groups, key=lambda index: len(match.group(index)), default=0)
    if best and (match.start(best) > match.start() or len(match.group(best)) >= 8):
        return match.span(best)
    return match.span()


def secret_spans(text: str) -> list[tuple[int, int]]:
    """The credential-shaped parts of `text`, as merged `(start, end)` spans in order."""
    if len(text) < _SHORTEST:
        return []
    spans = [match.span() for match in OWN_SHAPES.finditer(text)]
    spans += [match.span("value") for pattern in _VALUES for match in pattern.finditer(text)]
    spans += [_library_span(match) for pattern in _library_patterns() for match in pattern.finditer(text)]
    merged: list[tuple[int, int]] = []
    for start, end in sorted(span for span in spans if span[1] > span[0]):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return merged
