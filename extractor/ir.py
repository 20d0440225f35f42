"""Resolved facts shared by the resolve and typescript stages: types, models, enums (no libcst).

`resolve` builds these from what `gather` read; `typescript` turns them into interfaces. A type
is a small tree of frozen dataclasses; models and enums are referenced by `key`
(`module.QualName`) and looked up in a `Registry`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal, TypeAlias

Scalar: TypeAlias = str | int | float | bool | None


@dataclass(frozen=True)
class TPrim:
    """A scalar type by canonical name: str int float bool none bytes datetime date time
    timedelta uuid decimal email url secret path any object json."""

    name: str
    meta: tuple[tuple[str, str], ...] = field(default=(), compare=False)
    """`Annotated` metadata of a nested scalar (constraints, examples) as (key, JSON text) pairs;
    not part of the type's identity."""


@dataclass(frozen=True)
class TList:
    """list / Sequence / set / frozenset / tuple[X, ...]; `unique` for sets."""

    item: Type
    unique: bool = False


@dataclass(frozen=True)
class TTuple:
    """A fixed-length tuple `tuple[A, B]`."""

    items: tuple[Type, ...]


@dataclass(frozen=True)
class TDict:
    """dict / Mapping: an index signature keyed by `key`."""

    key: Type
    value: Type


@dataclass(frozen=True)
class TUnion:
    """`A | B`, Optional (with TPrim('none')), discriminated unions (`discriminator` field name)."""

    options: tuple[Type, ...]
    discriminator: str | None = None


@dataclass(frozen=True)
class TLiteral:
    """`Literal[...]` values (Enum members already replaced by their values)."""

    values: tuple[Scalar, ...]


@dataclass(frozen=True)
class TModel:
    """A pydantic model of the integration, by registry key; `args` for generic models."""

    key: str
    args: tuple[Type, ...] = ()


@dataclass(frozen=True)
class TEnum:
    """An Enum of the integration, by registry key."""

    key: str


@dataclass(frozen=True)
class TVar:
    """A type variable of a generic model, substituted when the model is parametrised."""

    name: str
    fallback: Type | None = field(default=None, compare=False)
    """What pydantic uses while it is unbound: the TypeVar's default, else the union of its
    constraints, else its bound; None: `Any`."""


@dataclass(frozen=True)
class TJson:
    """pydantic's `Json[X]`: a string holding JSON when validated, the `X` value when
    serialized; bare `Json` is `Json[Any]`."""

    inner: Type


@dataclass(frozen=True)
class TUnknown:
    """A type that can't be resolved statically (`unknown` in TypeScript, plus a warning)."""

    reason: str
    location: str = ""


Type: TypeAlias = (
    TPrim | TList | TTuple | TDict | TUnion | TLiteral | TModel | TEnum | TVar | TJson | TUnknown
)


@dataclass
class FieldSpec:
    """One model field as pydantic sees it; `default` is a JSON-able value or Unknown."""

    python_name: str
    type: Type
    location: str
    has_default: bool = False
    default: Any = None
    default_factory: bool = False
    alias: str | None = None
    validation_alias: str | None = None
    serialization_alias: str | None = None
    description: str | None = None
    examples: list[Any] = field(default_factory=list)
    constraints: dict[str, Any] = field(default_factory=dict)
    deprecated: bool = False
    exclude: bool = False
    kind: Literal["field", "computed"] = "field"
    serialization_type: Type | None = None
    """The type a serializer gives the field (`@field_serializer` return annotation,
    `PlainSerializer(return_type=...)`); None: serialized as `type`."""


@dataclass
class ModelConfig:
    """What of `model_config` / `class Config` changes the wire shape."""

    alias_generator: str | None = None  # "to_camel" | "to_pascal" | "to_snake" | None
    populate_by_name: bool = False
    extra: Literal["ignore", "allow", "forbid"] = "ignore"
    pydantic_v1: bool = False
    serialization_defaults_required: bool = False
    """`json_schema_serialization_defaults_required`: serialized fields with defaults are required."""
    env_prefix: str = ""  # pydantic-settings


@dataclass
class ModelSpec:
    """A pydantic model with its fields flattened over its bases (bases first, overrides kept)."""

    key: str
    name: str
    location: str
    docstring: str | None = None
    fields: list[FieldSpec] = field(default_factory=list)
    config: ModelConfig = field(default_factory=ModelConfig)
    type_params: tuple[str, ...] = ()
    is_settings: bool = False
    is_root: bool = False
    """A `RootModel` (or v1 `__root__` model): its one field is the whole value."""
    serialization_type: Type | None = None
    """The return type of a `@model_serializer`: the whole serialized value; None: fields."""


@dataclass
class EnumSpec:
    """An Enum / IntEnum / StrEnum: member names and their values."""

    key: str
    name: str
    location: str
    members: list[tuple[str, Scalar]] = field(default_factory=list)
    docstring: str | None = None


@dataclass
class Registry:
    """Every model and enum of one integration, by key."""

    models: dict[str, ModelSpec] = field(default_factory=dict)
    enums: dict[str, EnumSpec] = field(default_factory=dict)
