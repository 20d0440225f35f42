"""TypedDicts inside models: pydantic validates a TypedDict without its own config with the
config of the model it is used in (alias generator, `extra`), so each distinct config gets
its own registry entry (`<key>.in_<Model>`)."""

from __future__ import annotations

import copy
from collections.abc import Mapping

from ..diagnostics import Diagnostic
from ..ir import ModelConfig, ModelSpec, Registry, TModel, Type, transform
from .alias_generators import AliasGen, apply_generator

_INHERITED = ("alias_generator", "extra", "populate_by_name", "serialization_defaults_required")
"""What a TypedDict takes from the config of the model it is used in."""


class TypedDictBinder:
    """Rebinds the TypedDicts each model uses to the entries that carry the model's config."""

    def __init__(self, registry: Registry, generators: Mapping[str, AliasGen]) -> None:
        self.registry = registry
        self.generators = generators
        self.variants: dict[tuple[str, tuple[object, ...], AliasGen | None], str] = {}
        self.warnings: list[Diagnostic] = []

    def bind_all(self) -> None:
        """Rebind the fields of every model (TypedDicts used alone keep no config)."""
        for spec in list(self.registry.models.values()):
            if not spec.inherits_config:
                self._bind(spec, spec.config, self.generators.get(spec.key))

    def _bind(self, spec: ModelSpec, config: ModelConfig, generator: AliasGen | None) -> None:
        for field in spec.fields:
            field.type = self._rebound(field.type, config, generator)
            if field.serialization_type is not None:
                field.serialization_type = self._rebound(field.serialization_type, config, generator)
        if spec.serialization_type is not None:
            spec.serialization_type = self._rebound(spec.serialization_type, config, generator)

    def _rebound(self, t: Type, config: ModelConfig, generator: AliasGen | None) -> Type:
        def replace(node: Type) -> Type | None:
            if not isinstance(node, TModel):
                return None
            args = tuple(self._rebound(a, config, generator) for a in node.args)
            return TModel(self._variant(node.key, config, generator), args)
        return transform(t, replace)

    def _variant(self, key: str, config: ModelConfig, generator: AliasGen | None) -> str:
        """The key of TypedDict `key` under `config` (itself when the config changes nothing)."""
        spec = self.registry.models.get(key)
        signature = tuple(getattr(config, name) for name in _INHERITED)
        if spec is None or not spec.inherits_config or signature == _DEFAULT:
            return key
        found = self.variants.get((key, signature, generator))
        if found is not None:
            return found
        variant = copy.deepcopy(spec)
        variant.key = found = self.variants[(key, signature, generator)] = f"{key}.in_{_owner_label(config)}"
        variant.inherits_config, variant.variant_of = False, key
        for name in _INHERITED:
            if name != "extra" or spec.config.extra == "ignore":  # `closed=` / `extra_items=` stay
                setattr(variant.config, name, getattr(config, name))
        self.registry.models[found] = variant
        if generator is not None:
            reason = apply_generator(generator, variant.fields)
            if reason is not None:
                self.warnings.append(Diagnostic(variant.location, f"`{variant.name}`: alias_generator: {reason}"))
        self._bind(variant, config, generator)
        return found


_DEFAULT = tuple(getattr(ModelConfig(), name) for name in _INHERITED)


def _owner_label(config: ModelConfig) -> str:
    """A key suffix naming the config (`camel_forbid`)."""
    parts = [config.alias_generator or "", "" if config.extra == "ignore" else config.extra]
    return "_".join(p.removeprefix("to_") for p in parts if p) or "config"
