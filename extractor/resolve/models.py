"""Model registry: every pydantic model and Enum of the integration, fields flattened over bases."""

from __future__ import annotations

from typing import Any

from ..gather.facts import ClassDef
from ..gather.values import Call, DictV, Ref
from ..ir import EnumSpec, FieldSpec, ModelConfig, ModelSpec, Registry, Unknown
from .classes import ClassInfo, Hierarchy
from .fields import FieldReader
from .values import Resolver

EXTRA = {"allow": "allow", "forbid": "forbid", "ignore": "ignore"}


class ModelBuilder:
    """Builds the `Registry` of models and enums."""

    def __init__(self, hierarchy: Hierarchy, resolver: Resolver, fields: FieldReader) -> None:
        self.hierarchy = hierarchy
        self.resolver = resolver
        self.fields = fields

    def registry(self) -> Registry:
        """Every model and enum, keyed by `module.ClassName`."""
        registry = Registry()
        for info in self.hierarchy.all_classes:
            if self.hierarchy.is_model(info):
                registry.models[info.key] = self.model(info)
            elif self.hierarchy.is_enum(info):
                registry.enums[info.key] = self.enum(info)
        return registry

    def model(self, info: ClassInfo) -> ModelSpec:
        """One model with inherited fields (base order kept, overrides in place) and config."""
        chain = list(reversed(self.hierarchy.mro(info)))
        config = ModelConfig(pydantic_v1=self._is_v1(chain))
        fields: dict[str, FieldSpec] = {}
        for item in chain:
            self._config(item.cls, config)
        for item in chain:
            for assign in item.cls.attrs:
                if self.fields.is_field(assign):
                    fields[assign.name] = self.fields.field(assign, v1=config.pydantic_v1)
            for method in item.cls.methods:
                computed = self.fields.computed(method)
                if computed is not None:
                    fields[method.name] = computed
        return ModelSpec(
            key=info.key, name=info.cls.name, location=info.cls.location,
            docstring=info.cls.docstring, fields=list(fields.values()), config=config,
            type_params=self.hierarchy.type_params(info),
            is_settings=self.hierarchy.derives_from(info, ("BaseSettings",)),
        )

    def _is_v1(self, chain: list[ClassInfo]) -> bool:
        external = [n for item in chain for n in self.hierarchy.external_bases(item)]
        return any(".v1." in n or n.endswith("GenericModel") for n in external) or any(
            "Config" in item.cls.inner for item in chain
        )

    def _config(self, cls: ClassDef, config: ModelConfig) -> None:
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
        return spec


def _apply_config(config: ModelConfig, options: dict[str, Any], resolver: Resolver) -> None:
    for key, raw in options.items():
        value = resolver.evaluate(raw) if not isinstance(raw, str | bool | int | None) else raw
        name = raw.last if isinstance(raw, Ref) else value
        if key == "alias_generator" and isinstance(raw, Ref):
            config.alias_generator = raw.last
        elif key in {"populate_by_name", "allow_population_by_field_name", "validate_by_name"}:
            config.populate_by_name = value is True
        elif key == "env_prefix" and isinstance(value, str):
            config.env_prefix = value
        elif key == "extra":
            extra = name if isinstance(name, str) else None
            config.extra = EXTRA.get(extra or "", config.extra)  # type: ignore[assignment]
