"""One wire field → its interface line, its JSDoc comment and its `ModelField` entry."""

from __future__ import annotations

import inspect
import json
from typing import Any

from extractor.diagnostics import Unknown
from extractor.ir import FieldSpec, TDict, TList, TPrim, TTuple, TUnion, Type
from extractor.model import ModelField
from extractor.secrets import MASK
from extractor.typescript.collect import WireField, is_nullable
from extractor.typescript.context import Context, Site
from extractor.typescript.naming import ALIAS_GENERATORS, Mode, ts_key
from extractor.typescript.types import ts_type

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
    t = field.type
    options = t.options if isinstance(t, TUnion) else (t,)
    return any(isinstance(o, TPrim) and o.name == "secret" for o in options)


def constraints(field: WireField, mode: Mode = "validation") -> dict[str, Any]:
    """Field constraints under their JSON Schema names (`ge` → `minimum`, `max_length` →
    `maxLength` / `maxItems` / `maxProperties` by the field's type). A serialized `Decimal`
    is a string: its number bounds are not said (pydantic's schema leaves them out too)."""
    lengths = _LENGTH_CONSTRAINTS[_length_kind(field.type)]
    as_text = mode == "serialization" and _scalar(field.type) == TPrim("decimal")
    out: dict[str, Any] = {}
    for name, value in {**_scalar_meta(field.type), **field.spec.constraints}.items():
        if name in _NOT_ON_THE_WIRE or not known(value) or (as_text and name in _NUMBER_CONSTRAINTS):
            continue
        mapped = _NUMBER_CONSTRAINTS.get(name) or lengths.get(name)
        out[mapped or ALIAS_GENERATORS["to_camel"](name)] = value
    return out


def _scalar(t: Type) -> TPrim | None:
    """The one scalar of a type, `None` aside (`Optional[Decimal]` → decimal), or None."""
    options = [o for o in t.options if o != TPrim("none")] if isinstance(t, TUnion) else [t]
    return options[0] if len(options) == 1 and isinstance(options[0], TPrim) else None


def _scalar_meta(t: Type) -> dict[str, Any]:
    """Constraints a field's scalar type carries (`Optional[ShortStr]`, `PositiveInt`)."""
    scalar = _scalar(t)
    return {} if scalar is None else {key: json.loads(text) for key, text in scalar.meta if key != "examples"}


def _length_kind(t: Type) -> str:
    """What `min_length` / `max_length` measure: pydantic applies them to the non-null type."""
    options = [o for o in t.options if o != TPrim("none")] if isinstance(t, TUnion) else [t]
    if options and all(isinstance(o, TList | TTuple) for o in options):
        return "array"
    if options and all(isinstance(o, TDict) for o in options):
        return "object"
    return "string"


def model_field(field: WireField, ctx: Context, model_name: str) -> ModelField:
    """The doc model's entry for a wire field."""
    spec = field.spec
    text = ts_type(field.type, ctx, Site(spec.location, f"{model_name}.{spec.python_name}"))
    return ModelField(
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


def field_doc_lines(field: WireField, entry: ModelField) -> list[str]:
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


def field_lines(field: WireField, entry: ModelField) -> list[str]:
    """The interface lines of one field: its JSDoc, then `\\tkey?: type;`."""
    readonly = "readonly " if field.readonly else ""
    optional = "" if field.required else "?"
    declaration = f"\t{readonly}{ts_key(field.name)}{optional}: {entry.ts_type};"
    return [*jsdoc(field_doc_lines(field, entry), "\t"), declaration]
