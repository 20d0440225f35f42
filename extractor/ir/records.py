"""The records of one integration's models and enums: fields, config, the registry."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

from .types import Scalar, Type


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
    comment: str | None = None
    """The comment on the field's line or the line right above: a pydantic-settings field's
    variable is described by it when nothing else does."""
    examples: list[Any] = field(default_factory=list)
    constraints: dict[str, Any] = field(default_factory=dict)
    deprecated: bool = False
    exclude: bool = False
    kind: Literal["field", "computed"] = "field"
    generated_aliases: tuple[str, str] | None = None
    """The keys the model's `alias_generator` gives the field (validation, serialization),
    applied where no explicit alias wins; None: no generator."""
    serialization_type: Type | None = None
    """The type a serializer gives the field (`@field_serializer` return annotation,
    `PlainSerializer(return_type=...)`); None: serialized as `type`."""
    json_schema_extra: dict[str, Any] = field(default_factory=dict)
    """`json_schema_extra={...}` as written: keys pydantic adds to the field's schema last."""
    title: str | None = None
    """`Field(title=...)`: the field's schema title in place of the one made from its name."""


@dataclass
class ModelConfig:
    """What of `model_config` / `class Config` changes the wire shape."""

    alias_generator: str | None = None
    """The generator's label: a `pydantic.alias_generators` helper name ("to_camel"), or the
    name of a custom function read statically (its results are in `FieldSpec.generated_aliases`)."""
    populate_by_name: bool = False
    extra: Literal["ignore", "allow", "forbid"] = "ignore"
    pydantic_v1: bool = False
    serialization_defaults_required: bool = False
    """`json_schema_serialization_defaults_required`: serialized fields with defaults are required."""
    env_prefix: str = ""  # pydantic-settings
    extra_items: Type | None = None
    """A TypedDict's `extra_items=X` (PEP 728): other keys allowed, their values of type X."""
    examples: list[Any] = field(default_factory=list)
    """Whole-object examples of `json_schema_extra={"examples": [...]}` (an example request)."""


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
    variant_of: str | None = None
    """The key of the TypedDict this entry copies under a using model's config (not a class)."""
    inherits_config: bool = False
    """A TypedDict without its own config: pydantic applies the config of the model using it."""
    declared: Literal["alias", "namedtuple"] | None = None
    """A type declared by a call or a tuple class (`TypeAliasType`, `NamedTuple`): its schema
    is the type's own, untitled; None: a class."""
    items: list[FieldSpec] = field(default_factory=list)
    """A NamedTuple's items as fields (names, types, defaults), in order."""


@dataclass
class EnumSpec:
    """An Enum / IntEnum / StrEnum: member names and their values."""

    key: str
    name: str
    location: str
    members: list[tuple[str, Scalar]] = field(default_factory=list)
    docstring: str | None = None
    member_docs: dict[str, str] = field(default_factory=dict)
    """A member's attribute docstring, else its comment (`INDIVIDUAL = 1  # Физлицо`)."""


@dataclass
class Registry:
    """Every model and enum of one integration, by key."""

    models: dict[str, ModelSpec] = field(default_factory=dict)
    enums: dict[str, EnumSpec] = field(default_factory=dict)
    derived: dict[Any, Any] = field(default_factory=dict, compare=False, repr=False)
    """Facts later stages derive from the registry once it is complete (the wire fields of a
    model instance in a mode), kept so that each is worked out once per integration."""
