"""The interface text of one model (`interface IName { … }`), enum members named in its JSDoc."""

from __future__ import annotations

import json

from ..ir import TEnum, TList, TModel, TUnion, Type
from .collect import WireField, is_alias, wire_fields
from .context import Context
from .fields import clean_text, field_entry, field_lines, index_signature, jsdoc
from .records import FieldEntry


def interface_block(model: TModel, ctx: Context) -> tuple[str, list[FieldEntry]]:
    """`interface IName { … }` for one model instance, and its fields' doc entries; a
    `RootModel` is `type IName = <its root type>;` (the value is the root, not an object)."""
    spec = ctx.registry.models[model.key]
    lines = jsdoc((clean_text(spec.docstring) or "").splitlines(), "")
    fields = wire_fields(model, ctx.registry, ctx.mode)
    entries = [field_entry(field, ctx, spec.name) for field in fields]
    if is_alias(spec, ctx.mode):
        root_type = entries[0].ts_type if entries else "unknown"
        return "\n".join([*lines, f"type {ctx.names[model]} = {root_type};"]) + "\n", entries
    lines.append(f"interface {ctx.names[model]} {{")
    for field, entry in zip(fields, entries, strict=True):
        lines += field_lines(field, entry, enum_lines(field, ctx))
    extra = index_signature(spec, ctx)
    if extra is not None:
        lines.append(extra)
    lines.append("}")
    return "\n".join(lines) + "\n", entries


def enum_lines(field: WireField, ctx: Context) -> list[str]:
    """`1 = Физлицо` per member of the enums a field holds, when a value alone doesn't say
    what it means: the member's own description, else its name. Members whose value is
    their name (`"common"` of `COMMON`) say it already and add nothing."""
    lines: list[str] = []
    for key in _enum_keys(field.type):
        spec = ctx.registry.enums.get(key)
        if spec is None or all(str(value).casefold() == name.casefold() for name, value in spec.members):
            continue
        lines += [f"{_literal(value)} = {spec.member_docs.get(name) or name}" for name, value in spec.members]
    return lines


def _enum_keys(t: Type) -> list[str]:
    match t:
        case TEnum(key=key):
            return [key]
        case TList(item=item):
            return _enum_keys(item)
        case TUnion(options=options):
            return list(dict.fromkeys(k for o in options for k in _enum_keys(o)))
    return []


def _literal(value: object) -> str:
    return json.dumps(value, ensure_ascii=False)
