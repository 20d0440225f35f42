"""Model registry: every pydantic model and Enum of the integration, fields flattened over bases."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from ..diagnostics import Diagnostic, Unknown
from ..gather.expressions import Call, DictV, Ref, Subscript, Value
from ..gather.facts import Assign, ClassDef
from ..ir import EnumSpec, FieldSpec, ModelConfig, ModelSpec, Registry, substitute
from .alias_generators import AliasGen, AliasGenerators, apply_generator
from .classes import ClassInfo, Hierarchy
from .constants import Resolver
from .declared import DeclaredTypes
from .fields import FieldReader, schema_extra_examples
from .generics import Generics
from .markers import declared_kind
from .serializers import apply_field_serializers, model_serializer_type
from .typed_dicts import TypedDictBinder
from .types import canonical

EXTRA = {"allow": "allow", "forbid": "forbid", "ignore": "ignore"}
V1_MODULES = ("pydantic.v1.", "pydantic.generics.")
"""Bases that make a model pydantic v1 (the platform runs pydantic 2: `class Config` alone
doesn't, pydantic 2 reads it with v2 semantics)."""


class ModelBuilder:
    """Builds the `Registry` of models and enums."""

    def __init__(self, hierarchy: Hierarchy, resolver: Resolver, fields: FieldReader) -> None:
        self.hierarchy = hierarchy
        self.resolver = resolver
        self.fields = fields
        self.generics = Generics(hierarchy, fields.types)
        self.alias_generators = AliasGenerators(hierarchy.symbols)
        self.declared = DeclaredTypes(fields)
        self.generators: dict[str, AliasGen] = {}
        """The alias generator of each model that has one (TypedDicts inside take it too)."""
        self.warnings: list[Diagnostic] = []

    def registry(self) -> Registry:
        """Every model and enum, keyed by `module.ClassName`."""
        registry = Registry()
        for module in self.hierarchy.symbols.modules.values():
            for assign in module.assigns.values():
                kind = declared_kind(assign)
                if kind is not None:
                    spec = self.declared.from_assign(module, assign, kind)
                    registry.models[spec.key] = spec
        for info in self.hierarchy.all_classes:
            if self.hierarchy.is_model(info):
                registry.models[info.key] = self.model(info)
            elif self.hierarchy.is_typed_dict(info):
                registry.models[info.key] = self.typed_dict(info)
            elif self.hierarchy.is_named_tuple(info):
                registry.models[info.key] = self.declared.named_tuple(info)
            elif self.hierarchy.is_enum(info):
                registry.enums[info.key] = self.enum(info)
        binder = TypedDictBinder(registry, self.generators)
        binder.bind_all()
        self.warnings += binder.warnings
        return registry

    def model(self, info: ClassInfo) -> ModelSpec:
        """One model with inherited fields (base order kept, overrides in place) and config;
        the type variables of parametrised bases (`Page[Item]`) bound in inherited fields."""
        chain = list(reversed(self.hierarchy.mro(info)))
        config = ModelConfig(pydantic_v1=self._is_v1(info))
        generator: tuple[Value, ClassInfo] | None = None
        for item in chain:
            raw = self._config(item.cls, config)
            generator = (raw, item) if raw is not None else generator
        envs = self.generics.base_envs(info)
        fields: dict[str, FieldSpec] = {}
        for item in chain:
            with self.fields.types.within(item):
                own = self._own_fields(item, config)
            for spec in own:
                spec.type = substitute(spec.type, envs.get(item.key, {}))
                fields[spec.python_name] = spec
        apply_field_serializers(chain, fields, self.fields, envs)
        if generator is not None:
            self._generate_aliases(info, config, fields.values(), *generator)
        is_root = self.hierarchy.derives_from(info, ("RootModel",)) or "__root__" in fields
        return ModelSpec(
            key=info.key, name=info.cls.name, location=info.cls.location,
            docstring=info.cls.docstring, fields=list(fields.values()), config=config,
            type_params=self.generics.type_params(info),
            is_settings=self.hierarchy.derives_from(info, ("BaseSettings",)),
            is_root=is_root, serialization_type=model_serializer_type(chain, self.fields),
        )

    def typed_dict(self, info: ClassInfo) -> ModelSpec:
        """A `TypedDict` as pydantic validates it: keys required unless `total=False` or
        `NotRequired[...]` (`Required[...]` wins over `total=False`), inherited keys kept;
        `extra_items=X` (PEP 728) allows other keys of type X. Without its own
        `__pydantic_config__` it takes the config of the model using it (`typed_dicts`)."""
        fields: dict[str, FieldSpec] = {}
        config = ModelConfig()
        own: Assign | None = None
        for item in reversed(self.hierarchy.mro(info)):
            keywords = dict(item.cls.keywords)
            total = self.resolver.evaluate(keywords.get("total", True)) is not False
            if "extra_items" in keywords:
                config.extra_items = self.fields.types.resolve(keywords["extra_items"], item.cls.location)
                config.extra = "allow"
            if self.resolver.evaluate(keywords.get("closed", False)) is True:
                config.extra = "forbid"
            own = own or item.cls.attr("__pydantic_config__")
            for assign in item.cls.attrs:
                if not assign.annotated or assign.name == "__pydantic_config__":
                    continue
                with self.fields.types.within(item):
                    spec = self.fields.field(assign, v1=False)
                wrapper = _wrapper(assign.annotation)
                if wrapper == "typing.NotRequired" or (not total and wrapper != "typing.Required"):
                    spec.has_default, spec.default = True, Unknown("a TypedDict key may be left out")
                fields[assign.name] = spec
        if own is not None and isinstance(own.value, Call):
            _apply_config(config, dict(own.value.kwargs), self.resolver)
            raw = own.value.kwarg("alias_generator")
            if raw is not None:
                self._generate_aliases(info, config, fields.values(), raw, info)
        return ModelSpec(key=info.key, name=info.cls.name, location=info.cls.location,
                         docstring=info.cls.docstring, fields=list(fields.values()), config=config,
                         type_params=self.generics.type_params(info), inherits_config=own is None)

    def _generate_aliases(self, info: ClassInfo, config: ModelConfig, fields: Iterable[FieldSpec],
                          raw: Value, owner: ClassInfo) -> None:
        """Apply the `alias_generator` to the fields; what can't be read is a warning naming
        the model (the Python names are documented then)."""
        found = self.alias_generators.read(raw, owner.module)
        reason = found if isinstance(found, str) else apply_generator(found, fields)
        if not isinstance(found, str):
            config.alias_generator = found.label
            self.generators[info.key] = found
        if reason is not None:
            config.alias_generator = None
            self.warnings.append(Diagnostic(owner.cls.location, f"`{info.cls.name}`: its alias_generator can't be "
                                            f"read statically ({reason}); the Python field names are documented"))

    def _own_fields(self, item: ClassInfo, config: ModelConfig) -> list[FieldSpec]:
        """The fields a class declares itself: a `RootModel[X]` base's `root`, annotated
        attributes (v1's `__root__` too), `@computed_field` properties."""
        found: list[FieldSpec] = []
        root = self.generics.root_type(item)
        if root is not None:
            found.append(FieldSpec("root", root, item.cls.location))
        for assign in item.cls.attrs:
            if self.fields.is_field(assign, v1=config.pydantic_v1):
                found.append(self.fields.field(assign, v1=config.pydantic_v1))
        for method in item.cls.methods:
            computed = self.fields.computed(method)
            if computed is not None:
                found.append(computed)
        return found

    def _is_v1(self, info: ClassInfo) -> bool:
        return any(name.startswith(V1_MODULES) or name.endswith("GenericModel")
                   for name in self.hierarchy.external_bases(info))

    def _config(self, cls: ClassDef, config: ModelConfig) -> Value | None:
        """Apply a class's config options; its raw `alias_generator` value, if it sets one."""
        options: dict[str, Any] = {}
        assign = cls.attr("model_config")
        if assign is not None and isinstance(assign.value, Call):
            options.update(assign.value.kwargs)
        elif assign is not None and isinstance(assign.value, DictV):
            options.update((k, v) for k, v in assign.value.items if isinstance(k, str))
        inner = cls.inner.get("Config")
        if inner is not None:
            options.update({a.name: a.value for a in inner.attrs})
        options.update(cls.keywords)
        _apply_config(config, options, self.resolver)
        generator: Value | None = options.get("alias_generator")
        return generator

    def enum(self, info: ClassInfo) -> EnumSpec:
        """An Enum's members with their values (`auto()` numbered as Python does)."""
        spec = EnumSpec(info.key, info.cls.name, info.cls.location, docstring=info.cls.docstring)
        is_str = self.hierarchy.derives_from(info, ("StrEnum",))
        for index, assign in enumerate(a for a in info.cls.attrs if not a.name.startswith("_")):
            value = self.resolver.evaluate(assign.value)
            if isinstance(value, Call) and isinstance(value.func, Ref) and value.func.last == "auto":
                value = assign.name.lower() if is_str else index + 1
            if isinstance(value, Unknown | Call | list | dict):
                continue
            spec.members.append((assign.name, value))
            if assign.docstring or assign.comment:
                spec.member_docs[assign.name] = (assign.docstring or assign.comment or "").strip()
        return spec


def _apply_config(config: ModelConfig, options: dict[str, Any], resolver: Resolver) -> None:
    for key, raw in options.items():
        value = resolver.evaluate(raw) if not isinstance(raw, str | bool | int | None) else raw
        name = raw.last if isinstance(raw, Ref) else value
        if key in {"populate_by_name", "allow_population_by_field_name", "validate_by_name"}:
            config.populate_by_name = value is True
        elif key == "json_schema_serialization_defaults_required":
            config.serialization_defaults_required = value is True
        elif key == "json_schema_extra":
            config.examples = schema_extra_examples(value)
        elif key == "env_prefix" and isinstance(value, str):
            config.env_prefix = value
        elif key == "extra":
            extra = name if isinstance(name, str) else None
            config.extra = EXTRA.get(extra or "", config.extra)  # type: ignore[assignment]


def _wrapper(annotation: Value | None) -> str | None:
    """`typing.Required` / `typing.NotRequired` around a TypedDict key's type, else None."""
    if isinstance(annotation, Subscript) and isinstance(annotation.value, Ref):
        return canonical(annotation.value.name)
    return None
