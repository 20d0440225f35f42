"""One JSON Schema generation: the shared definitions, refs to models and enums, the finish.

A `Definitions` holds every definition made so far under a provisional name (pydantic's
module-qualified one); `Generator` makes schemas in one mode against it; `finish` picks the
final names (`names.remap`) and rewrites the refs, as pydantic's `generate` and
`generate_definitions` do.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from ..diagnostics import Diagnostic
from ..ir import CALLABLE_DISCRIMINATOR, Mode, Registry, TEnum, TLiteral, TModel, TUnknown, TVar, Type, non_null
from ..typescript import wire_fields
from .models import model_schema
from .names import DefNames, remap, rename_refs
from .titles import core_ref
from .types import JsonSchema, enum_schema, type_schema

DEFS_TEMPLATE = "#/$defs/{model}"
COMPONENTS_TEMPLATE = "#/components/schemas/{model}"


@dataclass
class Definitions:
    """The definitions of one schema or one OpenAPI document, by provisional name."""

    registry: Registry
    template: str = DEFS_TEMPLATE
    schemas: dict[str, JsonSchema] = field(default_factory=dict)
    names: DefNames = field(default_factory=DefNames)
    refs: dict[tuple[Any, Mode], str] = field(default_factory=dict)
    warnings: list[Diagnostic] = field(default_factory=list)
    primitives: dict[str, JsonSchema] = field(default_factory=dict)
    """Primitive schemas that replace pydantic's (FastAPI's `bytes`: `contentMediaType`)."""

    def ref(self, name: str) -> str:
        """The JSON pointer of a definition."""
        return self.template.format(model=name)

    def generator(self, mode: Mode) -> Generator:
        """A generator of schemas in `mode` adding to these definitions."""
        return Generator(self, mode)

    def finish(self, *schemas: JsonSchema) -> tuple[list[Any], dict[str, JsonSchema]]:
        """`schemas` and the definitions with their final names (pydantic's remapping)."""
        mapping = remap(self.schemas, self.names.choices, self.ref)
        defs = {mapping[name]: rename_refs(schema, mapping, self.ref) for name, schema in self.schemas.items()}
        return [rename_refs(s, mapping, self.ref) for s in schemas], defs


@dataclass
class Generator:
    """Schemas in one mode; models and enums become refs to shared definitions."""

    defs: Definitions
    mode: Mode

    @property
    def registry(self) -> Registry:
        """The integration's models and enums."""
        return self.defs.registry

    @property
    def primitives(self) -> dict[str, JsonSchema]:
        """Primitive schemas that replace pydantic's in this generation."""
        return self.defs.primitives

    def schema(self, t: Type) -> JsonSchema:
        """The schema of `t` (refs still provisional until `Definitions.finish`)."""
        return type_schema(t, self)

    def model_ref(self, t: TModel) -> JsonSchema:
        """`{"$ref": …}` to the model's definition, made on first use."""
        spec = self.registry.models.get(t.key)
        if spec is None:
            return self.unknown(TUnknown(f"model `{t.key}` is not known"))
        if t.args == tuple(TVar(name) for name in spec.type_params):
            t = TModel(t.key)  # `Tree[T]` inside `Tree`: the unparametrised class itself
        return self._ref(("model", t), core_ref(t, self.registry), lambda: model_schema(t, self))

    def enum_ref(self, key: str) -> JsonSchema:
        """`{"$ref": …}` to the enum's definition, made on first use."""
        spec = self.registry.enums.get(key)
        if spec is None or not spec.members:
            return self.unknown(TUnknown(f"enum `{key}` is not known"))

        def make() -> JsonSchema:
            schema = {**enum_schema([value for _, value in spec.members]), "title": spec.name}
            return {**schema, "description": spec.docstring} if spec.docstring else schema

        return self._ref(("enum", key), core_ref(TEnum(key), self.registry), make)

    def named_ref(self, name: str, schema: JsonSchema) -> JsonSchema:
        """`{"$ref": …}` to a definition named `name` (pydantic's own type alias, `JsonValue`)."""
        return self._ref(("named", name), name, lambda: schema)

    def _ref(self, identity: Any, core: str, make: Any) -> JsonSchema:
        name = self.defs.refs.get((identity, self.mode))
        if name is None:
            name = self.defs.names.provisional(core, json.dumps(identity, default=repr), self.mode)
            self.defs.refs[(identity, self.mode)] = name
            self.defs.schemas[name] = {}
            self.defs.schemas[name] = make()
        return {"$ref": self.defs.ref(name)}

    def discriminated(self, options: list[Type], name: str) -> JsonSchema:
        """A tagged union: `oneOf` the members, and the `discriminator` with its mapping from
        each tag value to its member (pydantic's `tagged_union_schema`)."""
        if name == CALLABLE_DISCRIMINATOR:  # tags picked by a function: the members alone
            return {"oneOf": _unique([self.schema(option) for option in options])}
        generated: dict[str, JsonSchema] = {}
        property_name: str | None = None
        for option in options:
            schema = self.schema(option)
            tags, wire = self._tags(option, name)
            property_name = property_name or wire
            for tag in tags:
                generated.setdefault(str(tag), schema)
        one_of = _unique(list(generated.values()))
        mapping = {tag: schema.get("$ref", schema) for tag, schema in generated.items()}
        return {"discriminator": {"mapping": mapping, "propertyName": property_name or name}, "oneOf": one_of}

    def _tags(self, option: Type, name: str) -> tuple[list[Any], str | None]:
        """The discriminator values a member answers to, and the field's wire name."""
        if not isinstance(option, TModel) or option.key not in self.registry.models:
            return [], None
        found = next((f for f in wire_fields(option, self.registry, "validation") if f.spec.python_name == name),
                     None)
        if found is None:
            return [], None
        values: list[Any] = []
        for t in non_null(found.type):
            if isinstance(t, TLiteral):
                values += list(t.values)
            elif isinstance(t, TEnum) and t.key in self.registry.enums:
                values += [value for _, value in self.registry.enums[t.key].members]
        return values, found.name

    def unknown(self, t: TUnknown) -> JsonSchema:
        """`{}` (any value) for a type that can't be read, and a warning."""
        warning = Diagnostic(t.location, f"type can't be read statically ({t.reason}), any value in the schema")
        if warning not in self.defs.warnings:
            self.defs.warnings.append(warning)
        return {}


def _unique(schemas: list[JsonSchema]) -> list[JsonSchema]:
    """`schemas` in order, each once (pydantic's `oneOf` of a tagged union)."""
    found: list[JsonSchema] = []
    for schema in schemas:
        if schema not in found:
            found.append(schema)
    return found
