"""The secret policy: which names and text are secret, the mask, and the maskers the stages call.

Secrets never leave the tool: they are masked where values are produced, so no later stage,
no output (Markdown, JSON, files, the cache) and no warning or error ever holds them. Three
rules, one place:

- **Named values.** A value whose name is secret-like (`is_secret_name`: the words of
  `SECRET_WORDS` and the configured suffixes, in snake, camel, kebab or upper case: `api_key`,
  `clientSecret`, `x-auth-token`, `DB_PASSWD`, `AUTH`) is replaced by `MASK` where it is
  produced: an environment variable's default (resolve/env), a model field's default and
  examples (resolve/fields, FastAPI bodies and parameters), a `default_args` entry of the
  integration or of a handler decorator, at any depth of a dict (resolve/integration,
  resolve/handlers). Strings and numbers are masked, containers keep their shape, booleans and
  `None` stay (a flag is not a secret). The real values are remembered as *known* secrets.
- **Credential-shaped text.** Every shape of detect-secrets' plugins (AWS, Azure, GitHub,
  GitLab, Slack, Stripe, SendGrid, OpenAI, Twilio, npm, PyPI, JWT, Telegram …) plus the ones
  `secret_detector` adds (PEM/PGP private key blocks, URL passwords, `?access_token=`,
  `Basic`/`Bearer` values, `password=` and `AccountKey=` in connection strings, `sk-proj-`,
  `sk-ant-`, Slack webhooks) are masked in any text, whatever its name, where text enters the
  tool: every string literal,
  docstring and comment as it is gathered, every string the resolver folds from parts
  (`"sk_live_" + KEY`), the changelog, every warning and error message, and again on the way
  out of the cache (`app.cache`).
- **Known values.** A known secret (at least `MIN_KNOWN_LENGTH` characters) that re-appears
  elsewhere (another field's example, a URL constant, a docstring, a description) is masked in
  every value and text slot resolve hands on (`resolve.masking`), in the docstrings the
  document is summarised from, and in every warning.

`SecretStr` fields are masked by type as well (`typescript.fields`), and pydantic serializes
them as `SERIALIZED_SECRET`.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable
from functools import lru_cache
from typing import Any

from .secret_detector import OWN_SHAPES, secret_spans

MASK = "***"
SERIALIZED_SECRET = "**********"
"""How pydantic serializes a `SecretStr` (a fact of pydantic, shown in response examples)."""
MIN_KNOWN_LENGTH = 6
"""Shorter known secrets are masked where they stand, not searched for in other text."""
SECRET_WORDS = frozenset({"KEY", "SECRET", "TOKEN", "PASSWORD", "PASSWD", "PWD", "CREDENTIALS",
                          "PASSPHRASE", "PRIVATE_KEY", "API_KEY", "ACCESS_KEY", "AUTH"})
DEFAULT_SUFFIXES = ("_KEY", "_SECRET", "_TOKEN", "_PASSWORD")
LAST_WORDS = SECRET_WORDS | {"KEYS", "TOKENS", "PASS", "APIKEY", "APIKEYS", "AUTHORIZATION", "SECRETS",
                             "PASSWORDS", "COOKIE", "SIGNATURE", "DSN"}
"""Words that make a name secret when they end it (`DB_PASS`, `API_KEYS`, `X_API_KEY`)."""
ANYWHERE_WORDS = frozenset({"SECRET", "SECRETS", "PASSWORD", "PASSWORDS", "PASSWD", "PASSPHRASE", "APIKEY",
                            "APIKEYS", "CREDENTIALS", "AUTHORIZATION"})
"""Words that make a name secret wherever they stand (`SECRET_KEY_BASE`, `PASSWORD_HASH_SALT`)."""
ANYWHERE_PAIRS = frozenset({("API", "KEY"), ("API", "KEYS"), ("PRIVATE", "KEY"), ("ACCESS", "KEY"),
                            ("ACCESS", "TOKEN"), ("AUTH", "TOKEN"), ("CLIENT", "SECRET")})
"""Two words in a row that make a name secret wherever they stand (`API_KEY_ID`)."""

CREDENTIAL = OWN_SHAPES
"""The shapes this module adds to detect-secrets' plugins, as one regex (see `secret_detector`)."""
_WORD_BREAK = re.compile(r"(?<=[a-z0-9])(?=[A-Z])|[-.\s]+")


@lru_cache(maxsize=4096)
def _upper_name(name: str) -> str:
    return _WORD_BREAK.sub("_", name).upper().strip("_")


def is_secret_name(name: str, suffixes: Iterable[str] = DEFAULT_SUFFIXES) -> bool:
    """True for names like a secret: `API_KEY`, `clientSecret`, `x-auth-token`, `password`,
    `DB_PASSWD`, `DB_PASS`, `apikey`, `API_KEYS`, `SECRET_KEY_BASE`, `Authorization`,
    `X-Api-Key`, `AUTH`; also names ending with one of the configured `suffixes`."""
    upper = _upper_name(name)
    words = upper.split("_")
    return (upper in SECRET_WORDS or words[-1] in LAST_WORDS
            or any(word in ANYWHERE_WORDS for word in words)
            or any(pair in ANYWHERE_PAIRS for pair in itertools.pairwise(words))
            or upper.endswith(tuple(suffix.upper() for suffix in suffixes)))


_SURROGATES = re.compile("[\ud800-\udfff]")


def mask_text(text: str) -> str:
    """`text` with every credential-shaped part (`secret_detector.secret_spans`) replaced by
    `***`; a URL keeps its user and host, `password=` its name. Text enters the tool here, so
    a lone surrogate (`"\\udcff"` in a literal: no UTF-8 can hold it) becomes `\\ufffd`.
    The same text when there is nothing to change."""
    if _SURROGATES.search(text):
        text = _SURROGATES.sub("\ufffd", text)
    spans = secret_spans(text)
    if not spans:
        return text
    parts: list[str] = []
    done = 0
    for start, end in spans:
        parts += [text[done:start], MASK]
        done = end
    return "".join(parts) + text[done:]


class SecretPolicy:
    """The policy for one integration: the name rule (configured suffixes, declared keys)
    and the secret values met so far, masked wherever they re-appear."""

    def __init__(self, suffixes: Iterable[str] = DEFAULT_SUFFIXES, declared: Iterable[str] = ()) -> None:
        self.suffixes = tuple(suffix.upper() for suffix in suffixes) or DEFAULT_SUFFIXES
        self.declared = {key.upper() for key in declared}
        self._verdicts: dict[str, bool] = {}
        self.known: set[str] = set()
        """Real values of named secrets (`MIN_KNOWN_LENGTH` or longer), to search for."""
        self._pattern: re.Pattern[str] | None = None

    def declare(self, keys: Iterable[str]) -> None:
        """Keys the integration declares as credentials or secrets: secret by declaration."""
        self.declared.update(key.upper() for key in keys)
        self._verdicts.clear()

    def is_secret(self, name: str) -> bool:
        """True for a declared key or a secret-like name (`is_secret_name`)."""
        verdict = self._verdicts.get(name)
        if verdict is None:
            verdict = name.upper() in self.declared or is_secret_name(name, self.suffixes)
            self._verdicts[name] = verdict
        return verdict

    def hide(self, value: Any) -> Any:
        """A secret value masked (strings and numbers; containers keep their shape, booleans
        and None stay), its strings remembered as known secrets."""
        if isinstance(value, dict):
            return {key: self.hide(item) for key, item in value.items()}
        if isinstance(value, list):
            return [self.hide(item) for item in value]
        if isinstance(value, str) and value != MASK:
            self.remember(value)
        return MASK if isinstance(value, str | int | float) and not isinstance(value, bool) else value

    def named(self, value: Any, *names: str | None) -> Any:
        """The value of a name (a field's python name and aliases, say) as it may be shown:
        hidden when a name is secret, else with the secret-named entries of its dicts hidden
        (at any depth)."""
        if value is None or isinstance(value, bool):
            return value
        if any(self.is_secret(name) for name in names if name):
            return self.hide(value)
        if isinstance(value, dict):
            return {key: self.named(item, str(key)) for key, item in value.items()}
        if isinstance(value, list):
            return [self.named(item) for item in value]
        return mask_text(value) if isinstance(value, str) else value

    def remember(self, value: str) -> None:
        """A secret value to search for in other text (too short ones are not searched)."""
        if len(value) >= MIN_KNOWN_LENGTH and value not in self.known:
            self.known.add(value)
            self._pattern = None

    def text(self, text: str) -> str:
        """`text` with credential shapes and known secret values masked."""
        text = mask_text(text)
        if not self.known:
            return text
        if self._pattern is None:
            ordered = sorted(self.known, key=len, reverse=True)
            self._pattern = re.compile("|".join(re.escape(value) for value in ordered))
        return self._pattern.sub(MASK, text)

    def value(self, value: Any) -> Any:
        """A JSON value with every string (and key) through `text`."""
        if isinstance(value, str):
            return self.text(value)
        if isinstance(value, list):
            return [self.value(item) for item in value]
        if isinstance(value, dict):
            return {self.value(key): self.value(item) for key, item in value.items()}
        return value
