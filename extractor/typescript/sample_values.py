"""A JSON example valid for a type: field examples, then defaults, then a plausible value."""

from __future__ import annotations

import functools
import json
import math
from dataclasses import dataclass, field
from typing import Any

from ..ir import (
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
)
from ..secrets import SERIALIZED_SECRET
from .collect import WireField, is_alias, wire_fields
from .context import Context
from .fields import has_known_default, is_secret, known

CUT: Any = object()
"""A value left out because the type recurses into a model being built."""

PRIM_EXAMPLES: dict[str, Any] = {
    "str": "string",
    "bytes": "string",
    "datetime": "2024-01-01T12:00:00Z",
    "date": "2024-01-01",
    "time": "12:00:00",
    "timedelta": "PT1H",
    "uuid": "3fa85f64-5717-4562-b3fc-2c963f66afa6",
    "email": "user@example.com",
    "url": "https://example.com/",
    "secret": "secret",
    "path": "path/to/file",
    "int": 0,
    "float": 0.0,
    "decimal": "0.00",
    "bytesize": 0,
    "bool": True,
    "none": None,
}
"""Plausible values by primitive; `any`, `object`, `json` and unknown names give null."""


@dataclass
class _Walk:
    ctx: Context
    stack: list[TModel] = field(default_factory=list)


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
        examples = meta.pop("examples", None)
        if isinstance(examples, list) and examples and not constraints:
            return examples[0]
        constraints = {**meta, **constraints}
    value = PRIM_EXAMPLES.get(t.name)
    if isinstance(value, bool):
        return value
    if isinstance(value, int | float):
        return _number(value, constraints)
    if t.name == "str" and isinstance(value, str):
        return _string(value, constraints)
    return value


def _number(base: float, c: dict[str, Any]) -> float:
    """`base` moved inside `ge`/`gt`/`le`/`lt` bounds (integers stay integers)."""
    integer = isinstance(base, int)
    step = 1 if integer else 0.5
    bounds = {k: v for k, v in c.items()
              if k in ("ge", "gt", "le", "lt") and isinstance(v, int | float)}
    low = bounds["ge"] if "ge" in bounds else bounds["gt"] + step if "gt" in bounds else None
    high = bounds["le"] if "le" in bounds else bounds["lt"] - step if "lt" in bounds else None
    value = base
    if low is not None and high is not None and low > high:  # tight exclusive bounds
        value = (bounds.get("ge", bounds.get("gt", 0)) + bounds.get("le", bounds.get("lt", 0))) / 2
    elif low is not None and value < low:
        value = low
    elif high is not None and value > high:
        value = high
    return math.ceil(value) if integer else value


def _string(base: str, c: dict[str, Any]) -> str:
    """`base` repeated up to `min_length`, cut down to `max_length`; a pattern is matched."""
    pattern = c.get("pattern")
    if isinstance(pattern, str):
        matched = pattern_example(pattern, _limit(c, "min_length") or 0, _limit(c, "max_length"))
        if matched is not None:
            return matched
    text = base
    low = _limit(c, "min_length") or 0
    if len(text) < low:
        text = (base * (low // len(base) + 1))[:low]
    high = _limit(c, "max_length")
    return text[:high] if high is not None else text


@functools.lru_cache(maxsize=4096)
def pattern_example(pattern: str, low: int, high: int | None) -> str | None:
    """The shortest string of 32 seeded tries the regex `pattern` matches within the length
    bounds (deterministic), or None. Kept per process: a pattern (a shared `Annotated` alias)
    recurs in every model that uses it, and the tries are the slow part of an example."""
    import random
    import re

    import rstr

    try:
        compiled = re.compile(pattern)
    except re.error:
        return None
    found: list[str] = []
    for seed in range(32):
        try:
            text = rstr.Rstr(random.Random(seed)).xeger(pattern)
        except (re.error, ValueError, IndexError, OverflowError):
            return None
        if compiled.search(text) and len(text) >= low and (high is None or len(text) <= high):
            found.append(text)
    return min(found, key=len) if found else None


def _list(t: TList, walk: _Walk, constraints: dict[str, Any]) -> Any:
    item = _value(t.item, walk, {})
    if item is CUT:
        return []
    count = max(1, _limit(constraints, "min_length") or 1)
    high = _limit(constraints, "max_length")
    return [item] * (count if high is None else min(count, high))


def _limit(constraints: dict[str, Any], name: str) -> int | None:
    value = constraints.get(name)
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def _dict(t: TDict, walk: _Walk, constraints: dict[str, Any]) -> Any:
    value = _value(t.value, walk, {})
    if value is CUT or _limit(constraints, "max_length") == 0:
        return {}
    return {_dict_key(t.key, walk): value}


def _dict_key(t: Type, walk: _Walk) -> str:
    """A JSON object key for the key type: `"key"` for plain strings, else the key example."""
    if t == TPrim("str"):
        return "key"
    key = _value(t, walk, {})
    return key if isinstance(key, str) else json.dumps(key) if key is not CUT else "key"


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
        fields = wire_fields(t, walk.ctx.registry, walk.ctx.mode)
        if is_alias(walk.ctx.registry.models[t.key], walk.ctx.mode):
            return field_example(fields[0], walk) if fields else None
        out: dict[str, Any] = {}
        for f in fields:
            value = field_example(f, walk)
            if value is not CUT:
                out[f.name] = value
        return out
    finally:
        walk.stack.pop()


def field_example(f: WireField, walk: _Walk) -> Any:
    """A field's first example, else its default, else a value for its type (CUT: omit)."""
    examples = [e for e in f.spec.examples if known(e)]
    if examples:
        return examples[0]
    if has_known_default(f.spec) and not is_secret(f) and _fits(f):
        return _json_text(f.spec.default) if _is_json_text(f.type, walk) else f.spec.default
    value = _value(f.type, walk, _pydantic_names(f.spec.constraints))
    if value is not CUT or not f.required:
        return value
    return None if is_nullable(f.type) else {}


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
