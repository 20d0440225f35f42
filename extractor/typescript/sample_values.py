"""A JSON example valid for a type: field examples, then defaults, then a realistic value.

Deterministic: the same code gives the same example. Where the code gives nothing, the
value follows the field's name (`named_values`), its format (email, URL, UUID, dates) and
its constraints (bounds, `multiple_of`, lengths, `pattern`). A request example leaves out
the optional fields nothing gives a value to (never sent as `null`); a response example
shows every field, with a value rather than a `null` default.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from ..ir import (
    NOTE_KEYS,
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
    is_nullable,
    models_in,
)
from ..secrets import SERIALIZED_SECRET
from .collect import WireField, is_alias, wire_fields
from .constrained import MAX_EXAMPLE_SIZE, constrained_number, constrained_string, limit
from .context import Context
from .fields import has_known_default, is_secret, known
from .named_values import named_number, named_string

CUT: Any = object()
"""A value left out because the type recurses into a model being built."""

PRIM_EXAMPLES: dict[str, Any] = {
    "datetime": "2026-01-15T10:30:00Z",
    "date": "2026-01-15",
    "time": "10:30:00",
    "timedelta": "PT1H",
    "uuid": "3fa85f64-5717-4562-b3fc-2c963f66afa6",
    "email": "user@example.com",
    "url": "https://example.com/",
    "path": "docs/report.pdf",
    "bool": True,
    "none": None,
}
"""Values by format; strings and numbers follow the field's name (`named_values`); `any`,
`object`, `json` and unknown names give null."""

NAMED_STRINGS = frozenset({"str", "bytes", "secret"})
NUMBERS: dict[str, type] = {"int": int, "float": float, "decimal": str, "bytesize": int}


@dataclass
class _Walk:
    ctx: Context
    stack: list[TModel] = field(default_factory=list)
    name: str = ""
    """The name of the field being filled: what a value is derived from."""
    owner: str = ""
    """The class name of the model whose field is being filled."""


def example_value(root: Type, ctx: Context) -> Any:
    """A JSON value valid for `root` in `ctx.mode` (recursion cut: `[]`, `null`, or omitted)."""
    value = _value(root, _Walk(ctx), {})
    return None if value is CUT else value


def _value(t: Type, walk: _Walk, constraints: dict[str, Any]) -> Any:  # noqa: PLR0911 (one case a variant)
    match t:
        case TPrim():
            return _prim(t, walk, constraints)
        case TList():
            return _list(t, walk, constraints)
        case TTuple():
            items = [_value(item, walk, {}) for item in t.items]
            return CUT if any(i is CUT for i in items) else items
        case TDict():
            return _dict(t, walk, constraints)
        case TUnion():
            return _union(t, walk, constraints)
        case TLiteral():
            return t.values[0] if t.values else None
        case TEnum():
            spec = walk.ctx.registry.enums.get(t.key)
            return spec.members[0][1] if spec and spec.members else None
        case TModel():
            return _model(t, walk)
        case TJson():
            return _json(t, walk)
        case TVar():
            return None if t.fallback is None else _value(t.fallback, walk, constraints)
        case TUnknown():
            return None
        case _:
            assert_never(t)


def _prim(t: TPrim, walk: _Walk, constraints: dict[str, Any]) -> Any:
    if t.name == "secret" and walk.ctx.mode == "serialization":
        return SERIALIZED_SECRET
    if t.meta:
        meta = {key: json.loads(text) for key, text in t.meta}
        examples = meta.get("examples", meta.get("sample"))
        if isinstance(examples, list) and examples and not constraints:
            return examples[0]
        constraints = {**{k: v for k, v in meta.items() if k not in NOTE_KEYS}, **constraints}
    if t.name in NAMED_STRINGS:
        return _string(walk, constraints)
    kind = NUMBERS.get(t.name)
    if kind is int:
        return constrained_number(named_number(walk.name), constraints)
    if kind is not None:
        number = constrained_number(float(named_number(walk.name)), constraints)
        return f"{number:.2f}" if kind is str else number
    return PRIM_EXAMPLES.get(t.name)


def _string(walk: _Walk, constraints: dict[str, Any]) -> str | None:
    """A string named after its field, inside its constraints (None: too long to build)."""
    if _oversized(constraints, walk):
        return None
    return constrained_string(named_string(walk.name, walk.owner), constraints)


def _list(t: TList, walk: _Walk, constraints: dict[str, Any]) -> Any:
    item = _value(t.item, walk, {})
    if item is CUT:
        return []
    if _oversized(constraints, walk):
        return []
    count = max(1, limit(constraints, "min_length") or 1)
    high = limit(constraints, "max_length")
    return [item] * (count if high is None else min(count, high))


def _oversized(constraints: dict[str, Any], walk: _Walk) -> bool:
    """Whether `min_length` asks for more than an example holds (bounded work); warned."""
    low = limit(constraints, "min_length") or 0
    if low <= MAX_EXAMPLE_SIZE:
        return False
    spec = walk.ctx.registry.models.get(walk.stack[-1].key) if walk.stack else None
    where = f"{walk.owner}.{walk.name}" if walk.owner else walk.name or "a value"
    walk.ctx.warn(spec.location if spec else "", f"the example of `{where}` is left out: min_length {low:,} is "
                  f"over the {MAX_EXAMPLE_SIZE:,} an example holds")
    return True


DICT_KEY = "order_id"
"""The key of a free-form mapping's example (`metadata: dict[str, str]`): what such maps hold."""


def _dict(t: TDict, walk: _Walk, constraints: dict[str, Any]) -> Any:
    if limit(constraints, "max_length") == 0:
        return {}
    key = _dict_key(t.key, walk)
    outer, walk.name = walk.name, key
    try:
        value = _value(t.value, walk, {})
    finally:
        walk.name = outer
    return {} if value is CUT else {key: value}


def _dict_key(t: Type, walk: _Walk) -> str:
    """A JSON object key for the key type: a realistic key for plain strings, else the key
    example."""
    if t == TPrim("str") or (isinstance(t, TPrim) and t.name == "str"):
        return DICT_KEY
    key = _value(t, walk, {})
    return key if isinstance(key, str) else json.dumps(key) if key is not CUT else DICT_KEY


def _union(t: TUnion, walk: _Walk, constraints: dict[str, Any]) -> Any:
    for option in sorted(t.options, key=is_nullable):
        value = _value(option, walk, constraints)
        if value is not CUT:
            return value
    return CUT


def _model(t: TModel, walk: _Walk) -> Any:
    if t in walk.stack:
        return CUT
    if t.key not in walk.ctx.registry.models:
        return None
    walk.stack.append(t)
    try:
        spec = walk.ctx.registry.models[t.key]
        if spec.config.examples and walk.ctx.mode == "validation" and not t.args:
            return spec.config.examples[0]  # the model's own example request
        fields = wire_fields(t, walk.ctx.registry, walk.ctx.mode)
        if is_alias(spec, walk.ctx.mode):
            return field_example(fields[0], walk) if fields else None
        out: dict[str, Any] = {}
        for f in fields:
            if not _sent(f, walk):
                continue
            value = field_example(f, walk)
            if value is not CUT:
                out[f.name] = value
        return out
    finally:
        walk.stack.pop()


OBJECT_MEMBERS = frozenset({"constructor", "toString", "toLocaleString", "valueOf", "hasOwnProperty",
                            "isPrototypeOf", "propertyIsEnumerable"})
"""Keys every JavaScript object has: TypeScript checks an object literal without them against
the inherited member (`constructor: Function`), so an example always sends them."""


def _sent(f: WireField, walk: _Walk) -> bool:
    """Whether an example shows the field: a response shows every field; a request the
    required ones and the optional ones the code gives a value (an example, or a default
    that says something: not `None`, `0`, `False`, `[]`, `{}` or `""`; or a model inside it
    with examples)."""
    if f.required or walk.ctx.mode == "serialization" or _examples(f) or f.name in OBJECT_MEMBERS:
        return True
    if has_known_default(f.spec) and bool(f.spec.default) and _usable_default(f):
        return True
    return _examples_inside(f, walk)


def _examples_inside(f: WireField, walk: _Walk) -> bool:
    """True when a model the field holds has examples of its own (the code shows what to send)."""
    for model in models_in(f.type, walk.ctx.mode):
        spec = walk.ctx.registry.models.get(model.key)
        if spec is not None and model not in walk.stack and (
                spec.config.examples or any(known(e) for field in spec.fields for e in field.examples)):
            return True
    return False


def _examples(f: WireField) -> list[Any]:
    return [e for e in f.spec.examples if known(e)]


def field_example(f: WireField, walk: _Walk) -> Any:
    """A field's first example, else its default, else a value for its type (CUT: omit).

    A `None`, `[]` or `{}` default gives way to a value of the type (a response shows what a
    field holds when it holds something)."""
    examples = _examples(f)
    if examples:
        return examples[0]
    if has_known_default(f.spec) and not _empty(f.spec.default) and _usable_default(f):
        return _json_text(f.spec.default) if _is_json_text(f.type, walk) else f.spec.default
    outer = walk.name, walk.owner
    walk.name, walk.owner = f.spec.python_name, _owner(walk)
    try:
        value = _value(f.type, walk, _pydantic_names(f.spec.constraints))
    finally:
        walk.name, walk.owner = outer
    if value is not CUT or not f.required:
        return value
    return None if is_nullable(f.type) else {}


def _empty(value: Any) -> bool:
    return value is None or (isinstance(value, list | dict) and not value)


def _owner(walk: _Walk) -> str:
    """The class name of the model being filled (the innermost one)."""
    return walk.ctx.registry.models[walk.stack[-1].key].name if walk.stack else ""


def _usable_default(f: WireField) -> bool:
    return not is_secret(f) and _fits(f)


_FROM_SCHEMA_NAMES = {
    "minimum": "ge",
    "exclusiveMinimum": "gt",
    "maximum": "le",
    "exclusiveMaximum": "lt",
    "minLength": "min_length",
    "maxLength": "max_length",
    "minItems": "min_length",
    "maxItems": "max_length",
}


def _pydantic_names(constraints: dict[str, Any]) -> dict[str, Any]:
    """Constraints under pydantic's `Field` names, whichever spelling the resolver used."""
    return {_FROM_SCHEMA_NAMES.get(k, k): v for k, v in constraints.items() if known(v)}


def _json(t: TJson, walk: _Walk) -> Any:
    """`Json[X]`: the JSON text of an `X` example when validated, the example itself when
    serialized."""
    value = _value(t.inner, walk, {})
    if walk.ctx.mode == "serialization":
        return value
    return _json_text(None if value is CUT else value)


def _fits(f: WireField) -> bool:
    """False for a `None` default of a type without null (pydantic doesn't check defaults,
    an example must be valid), and for a default a serializer turns into something else."""
    if f.serialized:
        return False
    return f.spec.default is not None or is_nullable(f.type) or isinstance(f.type, TJson)


def _is_json_text(t: Type, walk: _Walk) -> bool:
    """A `Json[X]` field in validation mode: its Python default is sent as JSON text."""
    return isinstance(t, TJson) and walk.ctx.mode == "validation"


def _json_text(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False)
