"""The one secret policy (`extractor.secrets`): one name rule in every place a value is
produced (issue 11, drift bug 3), credential shapes, and known secrets wherever they re-appear."""

from __future__ import annotations

import json
import re

import pytest

from extractor.assemble import Assembler
from extractor.model import Integration
from extractor.secrets import CREDENTIAL, MASK, SecretPolicy, is_secret_name, mask_text

from .helpers import resolve_code

SECRET = "hunter2hunter2"

HEADER = """
import os
from pydantic import BaseModel, Field
from pydantic_settings import BaseSettings
from platform_sdk import Integration
"""


def document(code: str) -> Integration:
    """The doc model of one inline integration module."""
    return Assembler(resolve_code(HEADER + code), "pkg", []).integration()


def _env(doc: Integration, name: str) -> object:
    return next(var.default for var in doc.env_vars if var.name == name)


def _request(doc: Integration) -> dict[str, object]:
    assert doc.handlers[0].request is not None
    return doc.handlers[0].request.model_dump()


PLACES = {
    "env var default": (
        'X = os.getenv("{name}", "{value}")\nintegration = Integration(name="x")\n',
        _env,
    ),
    "BaseSettings field default": (
        'class S(BaseSettings):\n    {name}: str = "{value}"\nintegration = Integration(name="x")\n',
        lambda doc, name: _env(doc, name.upper()),
    ),
    "model field default": (
        'class R(BaseModel):\n    {name}: str = "{value}"\nintegration = Integration(name="x")\n'
        '@integration.handler("h")\ndef h(request: R) -> None:\n    ...\n',
        lambda doc, name: _request(doc)["fields"][0]["default"],
    ),
    "model field example": (
        'class R(BaseModel):\n    {name}: str = Field(examples=["{value}"])\nintegration = Integration(name="x")\n'
        '@integration.handler("h")\ndef h(request: R) -> None:\n    ...\n',
        lambda doc, name: _request(doc)["fields"][0]["examples"][0],
    ),
    "integration default_args": (
        'integration = Integration(name="x", default_args={{"{name}": "{value}"}})\n',
        lambda doc, name: doc.default_args[name],
    ),
    "handler decorator default_args": (
        'integration = Integration(name="x")\n'
        '@integration.handler("h", {name}="{value}")\ndef h() -> None:\n    ...\n',
        lambda doc, name: doc.handlers[0].default_args[name],
    ),
}
NAMES = ["DB_PASSWD", "AUTH", "API_KEY", "db_passwd", "auth", "apiKey", "clientSecret", "SERVICE_AUTH", "bot_token"]


@pytest.mark.parametrize("place", sorted(PLACES))
@pytest.mark.parametrize("name", NAMES)
def test_one_name_rule_in_every_place_a_value_is_produced(place: str, name: str) -> None:
    template, slot = PLACES[place]
    doc = document(template.format(name=name, value=SECRET))
    assert slot(doc, name) == MASK
    assert SECRET not in doc.model_dump_json() + "".join(w.message for w in doc.warnings)


@pytest.mark.parametrize("place", sorted(PLACES))
def test_a_plain_name_keeps_its_value(place: str) -> None:
    template, slot = PLACES[place]
    assert slot(document(template.format(name="region", value="eu-west-1")), "region") == "eu-west-1"


def test_known_secrets_are_masked_wherever_they_reappear() -> None:
    code = f'''
PASSWORD = os.getenv("DB_PASSWORD", "{SECRET}")
DB_URL = os.getenv("DB_URL", "postgres://db/{SECRET}")  # default {SECRET}


class Mode(BaseModel):
    """Mode, e.g. {SECRET}."""

    note: str = Field("x {SECRET}", description="Use {SECRET}", examples=["{SECRET}!"])


integration = Integration(name="x", description="Login: {SECRET}", default_args={{"hint": "{SECRET}"}})


@integration.handler("h", hint="{SECRET}")
def h(request: Mode) -> None:
    """Handler, password {SECRET}."""
'''
    doc = document(code)
    text = doc.model_dump_json()
    assert SECRET not in text
    assert _env(doc, "DB_URL") == f"postgres://db/{MASK}"
    assert doc.default_args == {"hint": MASK} and doc.handlers[0].description == f"Handler, password {MASK}."
    assert f"@example \"{MASK}!\"" in _request(doc)["typescript"]


def test_a_token_folded_from_parts_is_masked() -> None:
    code = '''
PREFIX = "sk_live_"
class R(BaseModel):
    note: str = PREFIX + "51HxQ2eKz8RmT3vLp9WnY4bDc"
integration = Integration(name="x")
@integration.handler("h")
def h(request: R) -> None:
    ...
'''
    doc = document(code)
    assert _request(doc)["fields"][0]["default"] == MASK and "51HxQ2eKz8" not in doc.model_dump_json()


def test_secret_entries_of_nested_dicts_are_masked() -> None:
    doc = document('integration = Integration(name="x", default_args={"headers": {"X-Api-Key": "abc123456", '
                   '"Accept": "json"}, "retries": 3})\n')
    assert doc.default_args == {"headers": {"X-Api-Key": MASK, "Accept": "json"}, "retries": 3}


@pytest.mark.parametrize("name", ["x-auth-token", "X-Api-Key", "clientSecret", "PRIVATE_KEY", "db.password",
                                  "webhookSigningSecret", "KEY"])
def test_camel_kebab_and_dotted_names_are_secret(name: str) -> None:
    assert is_secret_name(name)


def test_configured_suffixes_extend_the_words() -> None:
    policy = SecretPolicy(("_CERT",))
    assert policy.is_secret("CLIENT_CERT") and policy.is_secret("API_KEY") and not policy.is_secret("CERTAIN")
    policy.declare(["WEBHOOK"])
    assert policy.is_secret("webhook")


def test_a_url_password_keeps_its_user_and_host() -> None:
    assert mask_text("see https://bot:pa55word@example.com/x") == f"see https://bot:{MASK}@example.com/x"


def test_plain_text_is_returned_as_is() -> None:
    text = "Сумма платежа в копейках; see https://example.com/docs"
    assert mask_text(text) is text


def test_credential_shapes_are_one_regex() -> None:
    assert isinstance(CREDENTIAL, re.Pattern) and CREDENTIAL.pattern.count("|") >= 12


def test_hidden_values_keep_their_shape_and_are_remembered() -> None:
    policy = SecretPolicy()
    hidden = policy.named({"token": ["abcdefgh", 7, True, None]}, "config")
    assert hidden == {"token": [MASK, MASK, True, None]}
    assert policy.text(json.dumps({"copy": "abcdefgh"})) == json.dumps({"copy": MASK})
