"""Constraints (`ge`, `max_length`, `pattern`, …) under their JSON Schema names, where pydantic puts them."""

from __future__ import annotations

import json
from typing import Any

from ..diagnostics import Unknown
from ..ir import NOTE_KEYS, Mode, TPrim

JsonSchema = dict[str, Any]

NUMBER: dict[str, str] = {
    "ge": "minimum", "gt": "exclusiveMinimum", "le": "maximum", "lt": "exclusiveMaximum",
    "multiple_of": "multipleOf",
}
LENGTH: dict[str, dict[str, str]] = {
    "string": {"min_length": "minLength", "max_length": "maxLength"},
    "array": {"min_length": "minItems", "max_length": "maxItems"},
    "object": {"min_length": "minProperties", "max_length": "maxProperties"},
}
OTHER: dict[str, str] = {"pattern": "pattern"}
_V1_NAMES = {"min_items": "min_length", "max_items": "max_length", "regex": "pattern"}
"""Every other constraint (`strict`, `max_digits`, `allow_inf_nan`, …) is checked by pydantic
but absent from its JSON Schema."""


def apply_meta(schema: JsonSchema, prim: TPrim, mode: Mode) -> JsonSchema:
    """A scalar's own `Annotated` constraints (`PositiveInt`, `constr(...)`) on its schema."""
    declared = {key: json.loads(text) for key, text in prim.meta}
    notes = {key: declared.pop(key) for key in NOTE_KEYS & set(declared)}
    notes.pop("sample", None)  # a value for documents' examples, not in pydantic's schema
    return {**apply(schema, declared, mode), **notes}


def apply(schema: JsonSchema, declared: dict[str, Any], mode: Mode) -> JsonSchema:
    """`schema` with the declared constraints on the member pydantic puts them on: the type
    itself, the non-null member of an Optional, a Decimal's number form (validation; a
    serialized Decimal, a string, has none), each member of a union."""
    known = {_V1_NAMES.get(k, k): v for k, v in declared.items() if not isinstance(v, Unknown)}
    if not known:
        return schema
    if "anyOf" in schema:
        options = schema["anyOf"]
        if _is_decimal(options):
            options = [_constrained(options[0], known, as_float=True), *options[1:]]
        else:
            options = [o if o.get("type") == "null" else apply(o, known, mode) for o in options]
        return {**schema, "anyOf": options}
    return _constrained(schema, known)


def _is_decimal(options: list[JsonSchema]) -> bool:
    return len(options) >= 2 and options[0] == {"type": "number"} and options[1] == {"type": "string"}


def _constrained(schema: JsonSchema, declared: dict[str, Any], *, as_float: bool = False) -> JsonSchema:
    kind = schema.get("type")
    out = dict(schema)
    for name, value in declared.items():
        if name in NUMBER and kind in ("integer", "number"):
            out[NUMBER[name]] = float(value) if as_float else value
        elif name in LENGTH["string"] and kind in LENGTH:
            out[LENGTH[str(kind)][name]] = value
        elif name in OTHER and kind == "string":
            out[OTHER[name]] = value
    return out
