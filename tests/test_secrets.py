"""Nothing leaked: credentials planted in an integration's source, as defaults and literals,
never appear in any output (Markdown, JSON, files written, the cache, warnings, errors).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from extractor.secrets import MASK as REDACTED
from extractor.secrets import is_secret_name
from extractor.secrets import mask_text as redact_text

from .hostile_kit import assert_clean, diagnostics, run_cli

# Tokens of known shapes (fakes, in the providers' documented formats), and a secret whose
# only tell is its name. Each is searched for by a distinctive part of it.
TOKENS = {
    "stripe": "sk_live_51HxQ2eKz8RmT3vLp9WnY4bDc",
    "stripe_webhook": "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw",
    "github": "ghp_A1b2C3d4E5f6G7h8I9j0K1l2M3n4O5p6Q7r8",
    "jwt": "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0"
           ".dBjftJeZ4CVPmB92K27uhbUJU1p1r_wW1gFWFOEjXk",
    "aws": "AKIAIOSFODNN7EXAMPLE",
    "slack": "xoxb-1234567890-abcdefghijklmnopqrst",
    "google": "AIzaSyA1b2C3d4E5f6G7h8I9j0K1l2M3n4O5p6Q",
    "telegram": "123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw9",
    "pem": "-----BEGIN RSA PRIVATE KEY-----\\nMIIEowIBAAKCAQEA7bqSecretPemBody0123456789\\n"
           "-----END RSA PRIVATE KEY-----",
    "named": "correct-horse-battery-staple",
    "url_password": "hunter2pass",
}
# Issue 15: shapes and names that leaked (each value is its own needle).
MORE_TOKENS = {
    "url_at_slash": "postgres://app:p@ss/w0rd-in-url@db.example.com:5432/app",
    "openai_project": "sk-proj-Ab3dEf6hIj9kLm2nOp5qRs8tUv1wXy4z",
    "anthropic": "sk-ant-api03-Zx9Yw8Vu7Ts6Rq5Po4Nm3Lk2Ji1Hg0Fe",
    "slack_webhook": "https://hooks.slack.com/services/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",
    "sendgrid": "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",
    "basic": "Basic YWxhZGRpbjpvcGVuc2VzYW1l",
    "bearer": "Bearer 9f8e7d6c5b4a39281706f5e4d3c2b1a0",
    "connection_password": "Server=db;User Id=app;Password=Tr0ub4dor-and-3;",
    "azure_account_key": "DefaultEndpointsProtocol=https;AccountName=acc;"
                         "AccountKey=Zm9vYmFyYmF6cXV4Zm9vYmFyYmF6cXV4==;",
    "pgp": "-----BEGIN PGP PRIVATE KEY BLOCK-----\\n\\nlQOYBGPgpSecretBody0123\\n-----END PGP PRIVATE KEY BLOCK-----",
    "access_token": "https://api.example.com/v1/items?access_token=at-7c6b5a4d3e2f1&page=2",
}
MORE_NEEDLES = {
    "url_at_slash": "ss/w0rd-in-url", "openai_project": "Ab3dEf6hIj9kLm2nOp5qRs8tUv1wXy4z",
    "anthropic": "Zx9Yw8Vu7Ts6Rq5Po4Nm3Lk2Ji1Hg0Fe", "slack_webhook": "q1w2e3r4t5y6u7i8o9p0a1s2",
    "sendgrid": "Tu8vWx1yZa4bCd7eFg0hIj3kLm6nOp9qRs2tUv5wXy8", "basic": "YWxhZGRpbjpvcGVuc2VzYW1l",
    "bearer": "9f8e7d6c5b4a39281706f5e4d3c2b1a0", "connection_password": "Tr0ub4dor-and-3",
    "azure_account_key": "Zm9vYmFyYmF6cXV4Zm9vYmFyYmF6cXV4", "pgp": "lQOYBGPgpSecretBody",
    "access_token": "at-7c6b5a4d3e2f1",
    "DB_PASS": "dbpass-value-1", "apikey": "apikey-value-2", "API_KEYS": "apikeys-value-3",
    "SECRET_KEY_BASE": "skb-value-4", "Authorization": "authz-value-5", "X-Api-Key": "xapikey-value-6",
    "nested default_args": "nested-value-7", "nested dict default": "nested-value-8",
}
NEEDLES = {name: value for name, value in TOKENS.items()} | MORE_NEEDLES
NEEDLES["pem"] = "MIIEowIBAAKCAQEA7bqSecretPemBody"
NEEDLES["jwt"] = "dBjftJeZ4CVPmB92K27uhbUJU1p1r"

INIT = f'''"""Платежи: пример с секретами в коде.

Интеграция позволяет:
- принимать платежи.

Для отладки: ключ {TOKENS["stripe"]}.
{TOKENS["pem"]}
"""

import os

from platform_sdk import Credential, Integration, Secret

SERVICE_AUTH = os.getenv("SERVICE_AUTH", "{TOKENS["jwt"]}")
DEBUG_HEADER = os.getenv("DEBUG_HEADER", "{TOKENS["github"]}")  # заголовок отладки
UPSTREAM = os.getenv("UPSTREAM_URL", "https://bot:{TOKENS["url_password"]}@example.com/api")
API_KEY = os.getenv("PAYMENTS_API_KEY", "{TOKENS["stripe"]}")
DB_PASSWORD = os.environ.get("DB_PASSWORD", "{TOKENS["named"]}")
PREFIX = os.environ["PREFIX"]
COMPUTED_TOKEN = os.getenv("COMPUTED_TOKEN", PREFIX + "{TOKENS["github"]}")

integration = Integration(
    name="Payments",
    version="1.0.0",
    credentials=[Credential("PAYMENTS_API_KEY", "Ключ API, например {TOKENS["stripe"]}",
                            where="Dashboard; тестовый: {TOKENS["aws"]}")],
    secrets=[Secret("WEBHOOK_SECRET", "Секрет подписи", format="{TOKENS["stripe_webhook"]}")],
    default_args={{"timeout": 5000, "token": "{TOKENS["slack"]}", "region": "{TOKENS["aws"]}"}},
)

from . import handlers, more, other  # noqa: E402,F401
'''

MORE = "\n".join([
    '"""Ещё секреты (issue 15).',
    *[f"{name}: {value}" for name, value in MORE_TOKENS.items()],
    '"""',
    "import os",
    "from pydantic import BaseModel",
    "from . import integration",
    *[f'{name.upper()} = os.getenv("{name.upper()}_URL", "{value}")  # {value}' for name, value in MORE_TOKENS.items()],
    'DB_PASS = os.getenv("DB_PASS", "dbpass-value-1")',
    'API_KEYS = os.getenv("API_KEYS", "apikeys-value-3")',
    'SECRET_KEY_BASE = os.getenv("SECRET_KEY_BASE", "skb-value-4")',
    "class Upstream(BaseModel):",
    '    """Запрос к сервису."""',
    '    apikey: str = "apikey-value-2"',
    '    headers: dict[str, str] = {"Authorization": "authz-value-5", "X-Api-Key": "xapikey-value-6"}',
    '    options: dict[str, dict[str, str]] = {"db": {"password": "nested-value-8"}}',
    '@integration.handler("sync", default_args={"db": {"conn": {"password": "nested-value-7"}}})',
    "def sync(request: Upstream) -> None:",
    '    """Синхронизирует."""',
    "",
])

OTHER = f'''import os

from pydantic_settings import BaseSettings

SERVICE_AUTH = os.getenv("SERVICE_AUTH", "{TOKENS["google"]}")
DB_PASSWORD = os.environ.get("DB_PASSWORD", "other-password-value")


class Settings(BaseSettings):
    webhook_secret: str = "{TOKENS["stripe_webhook"]}"
    bot_token: str = "{TOKENS["telegram"]}"
'''

HANDLERS = f'''from pydantic import BaseModel, Field

from . import integration


class ChargeRequest(BaseModel):
    """Платёж. Тестовый токен: {TOKENS["github"]}."""

    amount: int = Field(description="Сумма")
    api_key: str = "{TOKENS["stripe"]}"
    password: str = Field("{TOKENS["named"]}", description="Пароль")
    clientSecret: str = Field("short", description="Секрет клиента")
    note: str = Field("{TOKENS["aws"]}", description="Заметка; пример {TOKENS["slack"]}")
    signing: str = Field(examples=["{TOKENS["pem"]}"], description="Подпись")
    callback: str = "https://hook:{TOKENS["url_password"]}@example.com/cb"


@integration.handler("charge", timeout=1000, auth_token="{TOKENS["telegram"]}")
def charge(request: ChargeRequest) -> ChargeRequest:
    """Списывает платёж ключом {TOKENS["stripe"]}.

    JWT для теста: {TOKENS["jwt"]}
    """
'''


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("secrets")
    folder = root / "payments"
    folder.mkdir()
    (folder / "__init__.py").write_text(INIT, encoding="utf-8")
    (folder / "handlers.py").write_text(HANDLERS, encoding="utf-8")
    (folder / "other.py").write_text(OTHER, encoding="utf-8")
    (folder / "more.py").write_text(MORE, encoding="utf-8")
    (folder / "broken.py").write_text(f'TOKEN = "{TOKENS["github"]}" +\n', encoding="utf-8")
    return root


def _outputs(project: Path) -> dict[str, str]:
    """Every output of the tool on the planted integration: streams of several runs, the
    files written, the cache."""
    texts: dict[str, str] = {}
    runs = {
        "markdown": ("payments",),
        "json": ("payments", "--format", "json"),
        "strict github": ("payments", "--strict", "--annotations", "github"),
        "files": ("payments", "-o", "out/"),
        "json files": ("payments", "--format", "json", "-o", "json/"),
    }
    for name, args in runs.items():
        result = run_cli(project, *args, cache=name == "files")
        assert_clean(result)
        texts[f"{name} stdout"], texts[f"{name} stderr"] = result.stdout, result.stderr
    assert (project / ".extract-docs-cache").is_dir()
    for folder in ("out", "json", ".extract-docs-cache"):
        for path in (project / folder).rglob("*"):
            if path.is_file():
                texts[str(path.relative_to(project))] = path.read_text(encoding="utf-8")
    return texts


def test_planted_credentials_never_appear_in_any_output(project: Path) -> None:
    texts = _outputs(project)
    assert len(texts) >= 12
    leaks = [(name, where) for where, text in texts.items() for name, needle in NEEDLES.items() if needle in text]
    assert leaks == []
    assert "other-password-value" not in "".join(texts.values())


def test_the_search_would_find_them_without_the_redaction(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Control: the planted tokens do reach the doc model, so the search above is not vacuous."""
    import extractor.pipeline
    import extractor.secrets
    from extractor.discover import find_integrations

    monkeypatch.setattr(extractor.secrets, "secret_spans", lambda text: [])  # no credential shape
    monkeypatch.setattr(extractor.secrets.SecretPolicy, "is_secret", lambda self, name: False)  # no secret name
    doc = extractor.pipeline.extract(find_integrations(project / "payments")[0])
    text = doc.model_dump_json() + "".join(w.message for w in doc.warnings)
    assert [name for name, needle in NEEDLES.items() if needle not in text] == []


def test_what_is_redacted_is_still_documented(project: Path) -> None:
    result = run_cli(project, "payments", "--format", "json")
    doc = json.loads(result.stdout)
    env = {row["name"]: row for row in doc["env_vars"]}
    assert env["PAYMENTS_API_KEY"]["default"] == REDACTED and env["PAYMENTS_API_KEY"]["secret"]
    assert env["DB_PASSWORD"]["default"] == REDACTED
    assert env["WEBHOOK_SECRET"]["default"] == REDACTED and env["BOT_TOKEN"]["default"] == REDACTED
    assert env["DEBUG_HEADER"]["default"] == REDACTED  # not secret by name, but shaped like a token
    assert env["UPSTREAM_URL"]["default"] == f"https://bot:{REDACTED}@example.com/api"
    fields = {field["python_name"]: field for field in doc["handlers"][0]["request"]["fields"]}
    assert fields["api_key"]["default"] == REDACTED and fields["password"]["default"] == REDACTED
    assert fields["clientSecret"]["default"] == REDACTED
    assert fields["note"]["default"] == REDACTED and fields["signing"]["examples"] == [REDACTED]
    assert doc["handlers"][0]["request"]["example"]["clientSecret"] == REDACTED
    assert doc["default_args"] == {"timeout": 5000, "token": REDACTED, "region": REDACTED}
    assert doc["handlers"][0]["default_args"]["auth_token"] == REDACTED
    assert doc["credentials"][0]["description"] == f"Ключ API, например {REDACTED}"


def test_warnings_about_secret_values_name_them_without_showing_them(project: Path) -> None:
    result = run_cli(project, "payments", "--format", "json")
    lines = diagnostics(result.stderr)
    # `SERVICE_AUTH` is secret by its name (`*_AUTH`, issue 11 drift bug 3): its values are not listed
    assert "payments/__init__.py:14: warning: `SERVICE_AUTH` is read with different defaults; " \
           "the first one is documented" in lines
    assert "payments/__init__.py:18: warning: `DB_PASSWORD` is read with different defaults; the first one is " \
           "documented" in lines
    assert "payments/__init__.py:20: warning: default of `COMPUTED_TOKEN` is not statically known" in lines
    assert any(line.startswith("payments/broken.py:1: warning: syntax error") for line in lines)


@pytest.mark.parametrize("name", ["API_KEY", "apiKey", "client_secret", "password", "bot_token", "AUTH",
                                  "privateKey", "DB_PASSWD", "credentials"])
def test_secret_like_names(name: str) -> None:
    assert is_secret_name(name)


@pytest.mark.parametrize("name", ["amount", "author", "keyboard", "monkey_patch", "tokenizer", "description"])
def test_names_that_are_not_secret(name: str) -> None:
    assert not is_secret_name(name)


@pytest.mark.parametrize("token", sorted(set(TOKENS.values()) - {TOKENS["named"], TOKENS["url_password"]}))
def test_every_token_shape_is_redacted_inside_text(token: str) -> None:
    text = f"before «{token}» after"
    assert redact_text(text) == f"before «{REDACTED}» after"


def test_the_pattern_catalogue_is_the_installed_detect_secrets() -> None:
    """`extractor/secret_patterns.json` holds every regex of detect-secrets' plugins as data:
    stale (a library upgrade) fails here until `python -m extractor.cli.secret_catalogue` runs."""
    from extractor.cli.secret_catalogue import main
    from extractor.secret_detector import CATALOGUE, library_catalogue

    assert main(["--check"]) == 0
    patterns = library_catalogue()["patterns"]
    assert len(patterns) >= 30
    assert json.loads(CATALOGUE.read_text(encoding="utf-8"))["patterns"] == patterns
