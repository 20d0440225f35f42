"""One wire field → its interface line, its JSDoc comment and its `FieldEntry`."""

from __future__ import annotations

import inspect
import json
from collections.abc import Sequence
from typing import Any, Protocol

from ..diagnostics import Unknown
from ..ir import (
    NOTE_KEYS,
    FieldSpec,
    Mode,
    ModelSpec,
    Registry,
    TDict,
    TList,
    TModel,
    TPrim,
    TTuple,
    Type,
    is_nullable,
    models_in,
    non_null,
)
from ..secrets import MASK
from .collect import WireField, is_alias, wire_fields
from .context import Context, Site
from .naming import ALIAS_GENERATORS, ts_key
from .records import FieldEntry
from .types import ts_type

_NUMBER_CONSTRAINTS = {
    "ge": "minimum",
    "gt": "exclusiveMinimum",
    "le": "maximum",
    "lt": "exclusiveMaximum",
    "multiple_of": "multipleOf",
}
_LENGTH_CONSTRAINTS = {
    "string": {"min_length": "minLength", "max_length": "maxLength"},
    "array": {"min_length": "minItems", "max_length": "maxItems"},
    "object": {"min_length": "minProperties", "max_length": "maxProperties"},
}
DECIMAL = TPrim("decimal")
_STRING_FORM_ONLY: dict[str, frozenset[str]] = {"bytesize": frozenset({"pattern"})}
"""Constraints of a scalar's string form (`ByteSize`'s "1 GiB"), said only where pydantic
accepts that form: in validation (serialized it is a number)."""
_NOT_ON_THE_WIRE = {"strict", "allow_inf_nan", "union_mode", "fail_fast", "coerce_numbers_to_str"}


def known(value: Any) -> bool:
    """False for values the resolver could not read (`ir.Unknown`)."""
    return not isinstance(value, Unknown)


def has_known_default(spec: FieldSpec) -> bool:
    """True when the field's default is known: a plain default, or a default factory whose
    value the resolver could evaluate (`default_factory=list` → `[]`)."""
    if not known(spec.default):
        return False
    if spec.default_factory:
        return spec.default is not None
    return spec.has_default


def field_default(field: WireField) -> Any:
    """The JSON default of a field, `"***"` for secrets, None when absent, unknown or changed
    by a serializer."""
    if not has_known_default(field.spec) or field.serialized:
        return None
    if field.spec.default is not None and is_secret(field):
        return MASK
    return field.spec.default


def is_secret(field: WireField) -> bool:
    """True when the field holds a secret (`SecretStr`, `SecretStr | None`)."""
    return any(isinstance(o, TPrim) and o.name == "secret" for o in non_null(field.type))


def constraints(field: WireField, mode: Mode = "validation") -> dict[str, Any]:
    """Field constraints under their JSON Schema names (`ge` → `minimum`, `max_length` →
    `maxLength` / `maxItems` / `maxProperties` by the field's type). A serialized `Decimal`
    is a string: its number bounds are not said (pydantic's schema leaves them out too). A
    `Decimal`'s string form has no `pattern`, as in pydantic 2.14 and later (2.13 alone gave
    it one)."""
    lengths = _LENGTH_CONSTRAINTS[_length_kind(field.type)]
    scalar = _scalar(field.type)
    declared = {**_scalar_meta(scalar), **field.spec.constraints}
    as_text = mode == "serialization" and scalar == DECIMAL
    string_form = _STRING_FORM_ONLY.get(scalar.name, frozenset()) if scalar and mode == "serialization" else frozenset()
    out: dict[str, Any] = {}
    for name, value in declared.items():
        if name in _NOT_ON_THE_WIRE or not known(value) or (as_text and name in _NUMBER_CONSTRAINTS):
            continue
        if name in string_form:
            continue
        mapped = _NUMBER_CONSTRAINTS.get(name) or lengths.get(name)
        out[mapped or ALIAS_GENERATORS["to_camel"](name)] = value
    return out


def _scalar(t: Type) -> TPrim | None:
    """The one scalar of a type, `None` aside (`Optional[Decimal]` → decimal), or None."""
    options = non_null(t)
    return options[0] if len(options) == 1 and isinstance(options[0], TPrim) else None


def _scalar_meta(scalar: TPrim | None) -> dict[str, Any]:
    """Constraints a field's scalar type carries (`Optional[ShortStr]`, `PositiveInt`)."""
    return {} if scalar is None else {key: json.loads(text) for key, text in scalar.meta if key not in NOTE_KEYS}


def _length_kind(t: Type) -> str:
    """What `min_length` / `max_length` measure: pydantic applies them to the non-null type."""
    options = non_null(t)
    if options and all(isinstance(o, TList | TTuple) for o in options):
        return "array"
    if options and all(isinstance(o, TDict) for o in options):
        return "object"
    return "string"


def field_entry(field: WireField, ctx: Context, model_name: str) -> FieldEntry:
    """The entry of a wire field: its wire name, TypeScript type and documented facts."""
    spec = field.spec
    text = ts_type(field.type, ctx, Site(spec.location, f"{model_name}.{spec.python_name}"))
    return FieldEntry(
        name=field.name,
        python_name=spec.python_name,
        ts_type=text,
        required=field.required,
        nullable=is_nullable(field.type),
        default=field_default(field),
        description=clean_text(spec.description),
        deprecated=spec.deprecated,
        examples=[e for e in spec.examples if known(e)],
        constraints=constraints(field, ctx.mode),
        location=spec.location or None,
    )


def clean_text(text: str | None) -> str | None:
    """A docstring or description with its indentation removed; None when empty."""
    if text is None:
        return None
    cleaned = inspect.cleandoc(text).strip()
    return cleaned or None


def field_doc_lines(field: WireField, entry: FieldEntry) -> list[str]:
    """The JSDoc lines of a field: description, `@deprecated`, `@default`, constraints,
    `@example`."""
    lines = entry.description.splitlines() if entry.description else []
    if entry.deprecated:
        lines.append("@deprecated")
    if has_known_default(field.spec) and not field.required and not field.serialized:
        lines.append(f"@default {json_text(entry.default)}")
    lines += [f"@{name} {json_text(value)}" for name, value in entry.constraints.items()]
    lines += [f"@example {json_text(example)}" for example in entry.examples]
    return lines


def json_text(value: Any) -> str:
    """Compact one-line JSON for a JSDoc tag (non-JSON leftovers shown with `str`)."""
    try:
        return json.dumps(value, ensure_ascii=False)
    except (TypeError, ValueError):
        return str(value)


def jsdoc(lines: list[str], indent: str) -> list[str]:
    """A `/** … */` comment; `*/` inside the text is escaped so it can't close the comment."""
    safe = [line.replace("*/", "*\\/").rstrip() for line in lines]
    if not safe:
        return []
    if len(safe) == 1:
        return [f"{indent}/** {safe[0]} */"]
    body = [f"{indent} * {line}".rstrip() for line in safe]
    return [f"{indent}/**", *body, f"{indent} */"]


def field_lines(field: WireField, entry: FieldEntry, extra: Sequence[str] = ()) -> list[str]:
    """The interface lines of one field: its JSDoc (then the `extra` lines), then `\\tkey?: type;`."""
    readonly = "readonly " if field.readonly else ""
    optional = "" if field.required else "?"
    declaration = f"\t{readonly}{ts_key(field.name)}{optional}: {entry.ts_type};"
    return [*jsdoc([*field_doc_lines(field, entry), *extra], "\t"), declaration]


class WireEntry(Protocol):
    """What a one-line object needs of a field (a `FieldEntry`, or the doc model's `ModelField`)."""

    name: str
    ts_type: str
    required: bool


def described_models(root: Type, registry: Registry, mode: Mode, depth: int = 0) -> list[TModel]:
    """The models whose fields describe a root in the JSON output: the root model; the
    models of a `list[Model]`, a union, an `Optional`; through a `RootModel` or a type alias
    to what it holds. Each once, in the order the root names them."""
    found: list[TModel] = []
    for model in models_in(root, mode):
        spec = registry.models.get(model.key)
        if spec is None or model in found:
            continue
        if not is_alias(spec, mode):
            found.append(model)
        elif depth < 16:
            inner = wire_fields(model, registry, mode)
            found += [m for m in described_models(inner[0].type, registry, mode, depth + 1) if m not in found] \
                if inner else []
    return found


def merged_fields(groups: Sequence[Sequence[FieldEntry]]) -> list[FieldEntry]:
    """The fields of several models as one list, each wire name once (the first one's)."""
    found: dict[str, FieldEntry] = {}
    for entries in groups:
        for entry in entries:
            found.setdefault(entry.name, entry)
    return list(found.values())


def index_signature(spec: ModelSpec, ctx: Context) -> str | None:
    """The index signature of a model that accepts other keys: `extra="allow"` (any value),
    a TypedDict's `extra_items=X` (values of type X); None when it doesn't."""
    if spec.config.extra != "allow":
        return None
    extra = spec.config.extra_items
    value = "unknown" if extra is None else ts_type(extra, ctx, Site(spec.location, f"{spec.name} extra_items"))
    return f"\t[key: string]: {value};"


def inline_object(fields: Sequence[WireEntry]) -> str:
    """Fields on one line, `{ id: string; note?: string }` (an event's payload in a table
    cell); `{}` without fields."""
    members = [f"{ts_key(f.name)}{'' if f.required else '?'}: {f.ts_type}" for f in fields]
    return "{ " + "; ".join(members) + " }" if members else "{}"
