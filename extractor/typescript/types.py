"""IR type → TypeScript type text, one rule per IR node and per primitive name.

A type renders to the list of its union members (`["string", "null"]`), so unions flatten,
deduplicate and put `null` last, and arrays know when to parenthesise (`(A | B)[]`).
The mapping follows what pydantic's `model_json_schema(mode=...)` says for each type.
"""

from __future__ import annotations

import json
import math

from ..ir import (
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
from .context import Context, Site

Members = list[str]

_STRING_PRIMS = [  # also pydantic's `Base64*`, `IPvAny*`, paths, `Color`: canonical "str"
    "str", "bytes", "datetime", "date", "time", "timedelta",
    "uuid", "email", "url", "secret", "path",
]

PRIM_TS: dict[str, tuple[str, ...]] = {
    **{name: ("string",) for name in _STRING_PRIMS},
    "int": ("number",),
    "float": ("number",),
    "decimal": ("string",),
    "bool": ("boolean",),
    "none": ("null",),
    "any": ("unknown",),
    "object": ("unknown",),
    "json": ("unknown",),
    "bytesize": ("number",),
}
"""Primitive → TypeScript, as pydantic's serialization JSON Schema says."""

PRIM_TS_VALIDATION: dict[str, tuple[str, ...]] = {
    "decimal": ("number", "string"),
    "bytesize": ("string", "number"),
}
"""Where pydantic's validation JSON Schema differs (Decimal accepts numbers and strings)."""


def ts_type(t: Type, ctx: Context, site: Site) -> str:
    """The TypeScript text of `t`: `string`, `(A | B)[]`, `{ [key: string]: number }`, …"""
    return " | ".join(members(t, ctx, site))


def members(t: Type, ctx: Context, site: Site) -> Members:
    """The union members of `t`'s TypeScript type, deduplicated, `null` last."""
    rendered = _rendered(t, ctx, site)
    if "unknown" in rendered:
        return ["unknown"]
    unique = list(dict.fromkeys(rendered))
    return [m for m in unique if m != "null"] + [m for m in unique if m == "null"]


def _rendered(t: Type, ctx: Context, site: Site) -> Members:  # noqa: PLR0911 (one case a variant)
    match t:
        case TPrim():
            return _prim(t, ctx, site)
        case TList():
            return _list(t, ctx, site)
        case TTuple():
            return _tuple(t, ctx, site)
        case TDict():
            return _dict(t, ctx, site)
        case TUnion():
            return [m for option in t.options for m in members(option, ctx, site)]
        case TLiteral():
            return [literal_ts(v) for v in t.values] or ["never"]
        case TEnum():
            values = enum_values(t.key, ctx, site)
            return ["unknown"] if values is None else [literal_ts(v) for v in values]
        case TModel():
            return _model(t, ctx, site)
        case TJson():  # a string of JSON text when validated, the `X` value when serialized
            return ["string"] if ctx.mode == "validation" else members(t.inner, ctx, site)
        case TVar():  # unparametrised: its default, constraints or bound, else `Any`
            return ["unknown"] if t.fallback is None else members(t.fallback, ctx, site)
        case TUnknown():
            return _unknown(t, ctx, site)
        case _:
            assert_never(t)


def literal_ts(value: Scalar) -> str:
    """A JSON value as a TypeScript literal type (`"a"`, `1`, `true`, `null`)."""
    if isinstance(value, float) and not math.isfinite(value):
        return "number"
    return json.dumps(value, ensure_ascii=False)


def enum_values(key: str, ctx: Context, site: Site) -> list[Scalar] | None:
    """The member values of a registered enum, or None (and a warning) when it is missing."""
    spec = ctx.registry.enums.get(key)
    if spec is None or not spec.members:
        ctx.warn(site.location, f"{site.label}: enum `{key}` is not known, shown as `unknown`")
        return None
    return [value for _, value in spec.members]


def _prim(t: TPrim, ctx: Context, site: Site) -> Members:
    table = PRIM_TS_VALIDATION if ctx.mode == "validation" else {}
    found = table.get(t.name) or PRIM_TS.get(t.name)
    if found is None:
        ctx.warn(site.location, f"{site.label}: type `{t.name}` is not known, shown as `unknown`")
        return ["unknown"]
    return list(found)


def _list(t: TList, ctx: Context, site: Site) -> Members:
    item = members(t.item, ctx, site)
    text = " | ".join(item)
    return [f"({text})[]" if len(item) > 1 else f"{text}[]"]


def _tuple(t: TTuple, ctx: Context, site: Site) -> Members:
    """`[A, B]`; a tuple whose last items may be left out is the union of its accepted
    lengths, `[A] | [A, B]` (what its `minItems` / `maxItems` say)."""
    items = [ts_type(item, ctx, site) for item in t.items]
    shortest = len(items) if t.required is None else t.required
    return ["[" + ", ".join(items[:length]) + "]" for length in range(shortest, len(items) + 1)]


def _dict(t: TDict, ctx: Context, site: Site) -> Members:
    """`{ [key: string]: V }`; enum and string-literal keys (pydantic's `propertyNames`)
    restrict the keys, none of them required: `Partial<Record<"a" | "b", V>>`."""
    value = ts_type(t.value, ctx, site)
    keys = _restricted_keys(t.key, ctx, site)
    if keys is None:
        return [f"{{ [key: string]: {value} }}"]
    return [f"Partial<Record<{' | '.join(keys)}, {value}>>"]


def _restricted_keys(key: Type, ctx: Context, site: Site) -> Members | None:
    if isinstance(key, TEnum):
        values = enum_values(key.key, ctx, site)
        return None if values is None else list(dict.fromkeys(map(literal_ts, values)))
    if isinstance(key, TLiteral) and key.values and all(isinstance(v, str) for v in key.values):
        return list(dict.fromkeys(map(literal_ts, key.values)))
    return None


def _model(t: TModel, ctx: Context, site: Site) -> Members:
    name = ctx.names.get(t)
    if name is None:
        ctx.warn(site.location, f"{site.label}: model `{t.key}` is not known, shown as `unknown`")
        return ["unknown"]
    return [name]


def _unknown(t: TUnknown, ctx: Context, site: Site) -> Members:
    where = t.location or site.location
    ctx.warn(where, f"{site.label}: type can't be read statically ({t.reason}), "
                    "shown as `unknown`")
    return ["unknown"]


