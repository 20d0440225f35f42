"""IR type → JSON Schema, one rule per IR variant and per primitive, as pydantic writes them."""

from __future__ import annotations

import json
import math
from typing import Any, Protocol

from ..ir import (
    NONE,
    Mode,
    Registry,
    Scalar,
    TDict,
    TEnum,
    TJson,
    TList,
    TLiteral,
    TModel,
    TPrim,
    TTuple,
    TUnion,
    TUnknown,
    TVar,
    Type,
    assert_never,
)
from .constraints import apply_meta

JsonSchema = dict[str, Any]


class Generator(Protocol):
    """What the rules need of a generation (`generate.Generator`): the mode, the registry,
    and refs to shared definitions."""

    @property
    def mode(self) -> Mode:
        """validation or serialization."""

    @property
    def registry(self) -> Registry:
        """The integration's models and enums."""

    @property
    def primitives(self) -> dict[str, JsonSchema]:
        """Primitive schemas that replace pydantic's (`PRIM_SCHEMA`)."""

    def schema(self, t: Type) -> JsonSchema:
        """The schema of a type."""

    def model_ref(self, t: TModel) -> JsonSchema:
        """A ref to a model's definition."""

    def enum_ref(self, key: str) -> JsonSchema:
        """A ref to an enum's definition."""

    def named_ref(self, name: str, schema: JsonSchema) -> JsonSchema:
        """A ref to a named definition of `schema` (pydantic's own type aliases)."""

    def discriminated(self, options: list[Type], name: str) -> JsonSchema:
        """A tagged union."""

    def unknown(self, t: TUnknown) -> JsonSchema:
        """Any value, and a warning."""

PRIM_SCHEMA: dict[str, JsonSchema] = {
    "str": {"type": "string"},
    "int": {"type": "integer"},
    "float": {"type": "number"},
    "bool": {"type": "boolean"},
    "none": {"type": "null"},
    "bytes": {"type": "string", "format": "binary"},
    "datetime": {"type": "string", "format": "date-time"},
    "date": {"type": "string", "format": "date"},
    "time": {"type": "string", "format": "time"},
    "timedelta": {"type": "string", "format": "duration"},
    "uuid": {"type": "string", "format": "uuid"},
    "email": {"type": "string", "format": "email"},
    "url": {"type": "string", "format": "uri", "minLength": 1},
    "secret": {"type": "string", "format": "password", "writeOnly": True},
    "path": {"type": "string", "format": "path"},
    "decimal": {"type": "string"},
    "bytesize": {"type": "integer"},
    "any": {},
    "object": {},
    "json": {},
}
"""Primitive → pydantic's serialization JSON Schema."""

PRIM_SCHEMA_VALIDATION: dict[str, JsonSchema] = {
    "decimal": {"anyOf": [{"type": "number"}, {"type": "string"}]},
    "bytesize": {"anyOf": [{"type": "string"}, {"type": "integer"}]},
}
"""Where the validation schema differs (a Decimal accepts numbers and strings)."""

_JSON_TYPES: dict[type, str] = {str: "string", bool: "boolean", int: "integer", float: "number"}


def type_schema(t: Type, gen: Generator) -> JsonSchema:  # noqa: PLR0911 (one case a variant)
    """The JSON Schema of `t` in the generator's mode; models and enums as `$ref`."""
    match t:
        case TPrim():
            return _prim(t, gen)
        case TList() | TTuple():
            return _array(t, gen)
        case TDict():
            return _dict(t, gen)
        case TUnion():
            return _union(t, gen)
        case TLiteral(values=values):
            return literal_schema(values)
        case TEnum(key=key):
            return gen.enum_ref(key)
        case TModel():
            return gen.model_ref(t)
        case TJson(inner=inner):
            if gen.mode == "serialization":
                return type_schema(inner, gen)
            return {"contentMediaType": "application/json", "contentSchema": type_schema(inner, gen),
                    "type": "string"}
        case TVar(fallback=fallback):
            return {} if fallback is None else type_schema(fallback, gen)
        case TUnknown():
            return gen.unknown(t)
        case _:
            assert_never(t)


def _array(t: TList | TTuple, gen: Generator) -> JsonSchema:
    if isinstance(t, TList):
        return {"items": type_schema(t.item, gen), "type": "array", **({"uniqueItems": True} if t.unique else {})}
    prefix = {"prefixItems": [type_schema(i, gen) for i in t.items]} if t.items else {}
    least = len(t.items) if t.required is None else t.required
    return {"maxItems": len(t.items), "minItems": least, **prefix, "type": "array"}


def _prim(t: TPrim, gen: Generator) -> JsonSchema:
    table = PRIM_SCHEMA_VALIDATION if gen.mode == "validation" else {}
    found = gen.primitives.get(t.name) or table.get(t.name) or PRIM_SCHEMA.get(t.name)
    if found is None:
        return gen.unknown(TUnknown(f"type `{t.name}` is not known"))
    schema = {key: list(value) if isinstance(value, list) else value for key, value in found.items()}
    if "anyOf" in schema:
        schema["anyOf"] = [dict(option) for option in schema["anyOf"]]
    named = named_alias(t)
    if named is not None:  # pydantic's own type alias (`JsonValue`): a shared definition
        return gen.named_ref(named, apply_meta(schema, TPrim(t.name, tuple(m for m in t.meta if m[0] != "named")),
                                               gen.mode))
    return apply_meta(schema, t, gen.mode)


def named_alias(t: Type) -> str | None:
    """The definition name of a scalar that is pydantic's own type alias (`JsonValue`), or None."""
    text = dict(t.meta).get("named") if isinstance(t, TPrim) else None
    return str(json.loads(text)) if text is not None else None


def _dict(t: TDict, gen: Generator) -> JsonSchema:
    value = type_schema(t.value, gen)
    schema: JsonSchema = {"additionalProperties": value if value else True, "type": "object"}
    if isinstance(t.key, TEnum):
        schema["propertyNames"] = gen.enum_ref(t.key.key)
    elif isinstance(t.key, TLiteral) or (isinstance(t.key, TPrim) and t.key.meta):
        keys = type_schema(t.key, gen)
        keys.pop("type", None) if keys.get("type") == "string" else None
        if keys:
            schema["propertyNames"] = keys
    return schema


def _union(t: TUnion, gen: Generator) -> JsonSchema:
    options = [o for o in t.options if o != NONE]
    nullable = len(options) < len(t.options)
    if t.discriminator is not None and options:
        inner = gen.discriminated(options, t.discriminator)
    else:
        inner = flattened([type_schema(o, gen) for o in options])
    if not nullable:
        return inner
    return flattened([inner, {"type": "null"}]) if options else {"type": "null"}


def flattened(schemas: list[JsonSchema]) -> JsonSchema:
    """pydantic's `get_flattened_anyof`: nested bare `anyOf`s opened, duplicates kept once."""
    members: list[JsonSchema] = []
    for schema in schemas:
        inner = schema["anyOf"] if set(schema) == {"anyOf"} else [schema]
        members += [m for m in inner if m not in members]
    if len(members) == 1 and len(schemas) == 1:
        return members[0]
    return {"anyOf": members}


def literal_schema(values: tuple[Scalar, ...]) -> JsonSchema:
    """`Literal[...]`: `const` for one value, else `enum`; `type` when all values share one."""
    expected = [v for v in dict.fromkeys((type(v), v) for v in values)]
    unique = [v for _, v in expected]
    types = {_json_type(v) for v in unique}
    schema: JsonSchema = {"const": unique[0]} if len(unique) == 1 else {"enum": unique}
    if len(types) == 1 and None not in types:
        schema["type"] = types.pop()
    return schema


def _json_type(value: Scalar) -> str | None:
    if value is None:
        return "null"
    if isinstance(value, float) and not math.isfinite(value):
        return "number"
    return _JSON_TYPES.get(type(value))


def enum_schema(values: list[Scalar]) -> JsonSchema:
    """An Enum's values with their JSON type when they share one."""
    types = {_json_type(v) for v in values}
    schema: JsonSchema = {"enum": values}
    if len(types) == 1 and None not in types:
        schema["type"] = types.pop()
    return schema
