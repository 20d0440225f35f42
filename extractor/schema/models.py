"""A model's definition: its properties, required keys, title, description, extra keys."""

from __future__ import annotations

import inspect
from typing import Any

from ..ir import FieldSpec, ModelSpec, TModel, TPrim, non_null
from ..typescript import WireField, wire_fields
from ..typescript.collect import is_alias
from ..typescript.fields import has_known_default
from .constraints import apply
from .titles import model_title, title_from_name, titled
from .types import Generator, JsonSchema

SECRET_DEFAULT = "**********"
"""How pydantic writes a secret's default in its schema."""


def model_schema(t: TModel, gen: Generator) -> JsonSchema:
    """The definition of a model instance in the generator's mode."""
    spec = gen.registry.models[t.key]
    fields = wire_fields(t, gen.registry, gen.mode)
    if spec.declared is not None:  # `TypeAliasType` / `NamedTuple`: the type's own schema, untitled
        return _declared(spec, fields[0], gen) if fields else {}
    generic = bool(t.args)  # a parametrised class is made by pydantic, without the docstring
    doc = {"description": inspect.cleandoc(spec.docstring)} if spec.docstring and not generic else {}
    if is_alias(spec, gen.mode):
        root = field_schema(fields[0], gen, titled_field=False) if fields else {}
        if not spec.is_root:  # a `@model_serializer`: the serializer's type alone
            return root
        return {**root, "title": model_title(t, gen.registry), **doc}
    schema: JsonSchema = {
        "properties": {f.name: field_schema(f, gen) for f in fields},
        "title": model_title(t, gen.registry),
        "type": "object",
        **doc,
    }
    required = [f.name for f in fields if f.required]
    if required:
        schema["required"] = required
    if spec.config.extra != "ignore":
        schema["additionalProperties"] = _extra(spec, gen)
    return schema


def _extra(spec: ModelSpec, gen: Generator) -> JsonSchema | bool:
    """Other keys: allowed or not; a TypedDict's `extra_items=X`, values of X's schema."""
    if spec.config.extra == "allow" and spec.config.extra_items is not None:
        return gen.schema(spec.config.extra_items) or True
    return spec.config.extra == "allow"


def _declared(spec: ModelSpec, root: WireField, gen: Generator) -> JsonSchema:
    """An alias's value schema; a NamedTuple's `prefixItems`, each titled after its item."""
    schema = field_schema(root, gen, titled_field=False)
    if spec.declared == "namedtuple" and "prefixItems" in schema:
        schema["prefixItems"] = [{**_item(item, gen), "title": title_from_name(item.python_name)}
                                 for item in spec.items]
    return schema


def _item(item: FieldSpec, gen: Generator) -> JsonSchema:
    schema = apply(gen.schema(item.type), item.constraints, gen.mode)
    if item.has_default and has_known_default(item) and not item.default_factory:
        schema["default"] = item.default
    return {**schema, "description": item.description} if item.description else schema


def field_schema(f: WireField, gen: Generator, *, titled_field: bool = True) -> JsonSchema:
    """One property: the type's schema with the field's constraints, title, description,
    default, examples, deprecation and (computed fields) `readOnly`."""
    spec = f.spec
    schema = gen.schema(f.type)
    if not f.serialized:
        schema = apply(schema, spec.constraints, gen.mode)
    if spec.title is not None:
        schema["title"] = spec.title
    elif titled_field and titled(f.type, gen.registry):
        schema["title"] = title_from_name(f.name)
    if spec.description:
        schema["description"] = spec.description
    if spec.deprecated:
        schema["deprecated"] = True
    if spec.kind == "field" and has_known_default(spec) and not spec.default_factory and not f.serialized:
        schema["default"] = default_value(f)
    if spec.examples:
        schema["examples"] = spec.examples
    if spec.kind == "computed":
        schema["readOnly"] = True
    return {**schema, **spec.json_schema_extra}


def default_value(f: WireField) -> Any:
    """A field's default as pydantic writes it (a secret's masked)."""
    secret = any(isinstance(o, TPrim) and o.name == "secret" for o in non_null(f.type))
    return SECRET_DEFAULT if secret and f.spec.default is not None else f.spec.default
