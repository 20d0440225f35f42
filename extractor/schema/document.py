"""A whole JSON Schema of one root type, as `model_json_schema(mode=...)` returns it."""

from __future__ import annotations

from collections import Counter
from typing import Any

from ..diagnostics import Diagnostic
from ..ir import Mode, Registry, Type
from .generate import Definitions
from .types import JsonSchema


def json_schema(root: Type, registry: Registry, mode: Mode = "validation") -> tuple[JsonSchema, list[Diagnostic]]:
    """pydantic's JSON Schema of `root` in `mode`, and warnings for what can't be read.

    A root that is a model referenced once is written inline (its definition unpacked); the
    definitions nothing references are dropped; the rest are named as pydantic names them."""
    defs = Definitions(registry)
    top = defs.generator(mode).schema(root)
    counts = Counter(_refs(top) + [r for s in defs.schemas.values() for r in _refs(s)])
    ref = top.get("$ref")
    if isinstance(ref, str) and set(top) == {"$ref"} and counts[ref] == 1:
        top = dict(defs.schemas[ref.rsplit("/", 1)[1]])
    reachable = _reachable(top, defs)
    defs.schemas = {name: schema for name, schema in defs.schemas.items() if name in reachable}
    (top,), finished = defs.finish(top)
    return ({**top, "$defs": finished} if finished else top), defs.warnings


def _refs(value: Any) -> list[str]:
    if isinstance(value, dict):
        own = [value["$ref"]] if isinstance(value.get("$ref"), str) else []
        return own + [r for item in value.values() for r in _refs(item)]
    if isinstance(value, list):
        return [r for item in value for r in _refs(item)]
    return []


def _reachable(top: JsonSchema, defs: Definitions) -> set[str]:
    found: set[str] = set()
    pending = [r.rsplit("/", 1)[1] for r in _refs(top)]
    while pending:
        name = pending.pop()
        if name not in found and name in defs.schemas:
            found.add(name)
            pending += [r.rsplit("/", 1)[1] for r in _refs(defs.schemas[name])]
    return found
