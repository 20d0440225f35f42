"""Corpus: custom alias generators as SDK authors write them (functions, lambdas,
`AliasGenerator`, pydantic's helpers composed), `serialize_by_alias`, `validate_by_name`,
v1-style `class Config`, explicit aliases winning over the generator."""

import re
from typing import Dict, List, Literal, Optional

from pydantic import AliasChoices, AliasGenerator, BaseModel, ConfigDict, Field
from pydantic.alias_generators import to_camel, to_pascal, to_snake


def to_kebab(name: str) -> str:
    return name.replace("_", "-")


def to_lower_camel(string: str) -> str:
    """fooBarBaz from foo_bar_baz, the way many SDKs wrote it before pydantic had one."""
    words = string.split("_")
    return words[0] + "".join(word.capitalize() for word in words[1:])


def to_upper_snake(name: str) -> str:
    return name.upper()


def camel_with_ids(name: str) -> str:
    first, *rest = name.split("_")
    parts = [first] + [part.upper() if part in ("id", "url", "api") else part.title() for part in rest]
    return "".join(parts)


def dotted(name: str) -> str:
    if name.startswith("meta_"):
        return "meta." + name[len("meta_"):]
    return name


def regex_camel(name: str) -> str:
    return re.sub(r"_([a-z])", lambda m: m.group(1).upper(), name)


def enumerate_camel(snake: str) -> str:
    return "".join(w if i == 0 else w[:1].upper() + w[1:] for i, w in enumerate(snake.split("_")))


def pascal_then_prefixed(name: str) -> str:
    return f"x{to_pascal(name)}"


class KebabParams(BaseModel):
    model_config = ConfigDict(alias_generator=to_kebab, populate_by_name=True)
    page_size: int = 50
    sort_order: Literal["asc", "desc"] = "asc"
    include_archived: bool = False


class LowerCamel(BaseModel):
    model_config = ConfigDict(alias_generator=to_lower_camel)
    account_id: str
    display_name: Optional[str] = None
    created_at_ms: int


class UpperSnake(BaseModel):
    model_config = ConfigDict(alias_generator=to_upper_snake, validate_by_name=True)
    api_key_hint: str
    region: str = "eu"


class WithIds(BaseModel):
    model_config = ConfigDict(alias_generator=camel_with_ids)
    user_id: str
    avatar_url: Optional[str] = None
    public_api: bool = False
    full_name: str


class Dotted(BaseModel):
    model_config = ConfigDict(alias_generator=dotted)
    meta_source: str
    meta_version: int = 1
    name: str


class LambdaUpper(BaseModel):
    model_config = ConfigDict(alias_generator=lambda s: s.upper())
    first_name: str
    last_name: str


class LambdaComposed(BaseModel):
    model_config = ConfigDict(alias_generator=lambda field_name: to_camel(field_name).replace("Id", "ID"))
    order_id: str
    customer_id: Optional[str] = None
    total: float


class RegexCamel(BaseModel):
    model_config = ConfigDict(alias_generator=regex_camel)
    shipping_address_line: str
    zip_code: Optional[str] = None


class Enumerated(BaseModel):
    model_config = ConfigDict(alias_generator=enumerate_camel)
    max_retry_count: int = 3
    backoff_factor: float = 0.5


class Prefixed(BaseModel):
    model_config = ConfigDict(alias_generator=pascal_then_prefixed)
    request_id: str
    trace_span: Optional[str] = None


class SplitModes(BaseModel):
    model_config = ConfigDict(
        alias_generator=AliasGenerator(validation_alias=to_camel, serialization_alias=to_pascal),
    )
    invoice_number: str
    due_date: Optional[str] = None
    line_items: List[str] = []


class AliasAndSerialization(BaseModel):
    model_config = ConfigDict(alias_generator=AliasGenerator(alias=to_kebab, serialization_alias=to_snake))
    retry_policy: str
    max_attempts: int = 5


class ExplicitWins(BaseModel):
    model_config = ConfigDict(alias_generator=to_camel, serialize_by_alias=True, populate_by_name=True)
    external_id: str = Field(alias="extId")
    webhook_url: str = Field(validation_alias=AliasChoices("webhookUrl", "webhook"))
    secret_token: Optional[str] = Field(None, serialization_alias="token")
    retry_count: int = 0


class SnakeFromCamel(BaseModel):
    model_config = ConfigDict(alias_generator=to_snake, populate_by_name=True)
    userName: str
    isActive: bool = True
    lastLoginAt: Optional[str] = None


class LegacyConfig(BaseModel):
    class Config:
        alias_generator = to_lower_camel
        allow_population_by_field_name = True

    customer_name: str
    loyalty_points: int = 0


class ChildOfKebab(KebabParams):
    cursor_token: Optional[str] = None


class Envelope(BaseModel):
    model_config = ConfigDict(alias_generator=to_camel)
    request_meta: WithIds
    items_by_key: Dict[str, LowerCamel] = {}
    nested_params: Optional[KebabParams] = None
