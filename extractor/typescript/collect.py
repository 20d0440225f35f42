"""Models reachable from a root type: wire fields with type arguments bound, interface names."""

from __future__ import annotations

from collections import deque
from collections.abc import Mapping
from dataclasses import dataclass

from ..ir import FieldSpec, Mode, ModelSpec, Registry, TModel, Type, is_nullable, models_in, substitute
from .labels import model_name, named_keys
from .naming import wire_name

ROOT_FIELDS = frozenset({"root", "__root__"})
"""The one field of a `RootModel` (v1: a `__root__` model): the whole value."""


@dataclass(frozen=True)
class WireField:
    """A field as it appears on the wire in one mode, its type with type variables replaced."""

    spec: FieldSpec
    name: str
    type: Type
    required: bool
    readonly: bool
    serialized: bool = False
    """A serializer gives the type: the Python default is not what goes on the wire."""


def wire_fields(model: TModel, registry: Registry, mode: Mode) -> list[WireField]:
    """The fields of a model instance on the wire in `mode`, in declaration order.

    Validation: computed fields are absent; a field is required when it has neither a
    default nor a default factory. Serialization: `exclude=True` fields are absent, computed
    fields are present, required and read-only; fields with defaults stay optional, as in
    pydantic's own serialization schema (unless `json_schema_serialization_defaults_required`);
    a serializer's return type replaces the field's type. A `RootModel`'s one field is its
    `root`; a `@model_serializer` model serialized is one field of the serializer's type.
    """
    key = ("wire_fields", model, mode)
    found: tuple[WireField, ...] | None = registry.derived.get(key)
    if found is None:
        found = registry.derived[key] = tuple(_wire_fields(model, registry, mode))
    return list(found)


def _wire_fields(model: TModel, registry: Registry, mode: Mode) -> list[WireField]:
    spec = registry.models[model.key]
    env = dict(zip(spec.type_params, model.args, strict=False))
    if mode == "serialization" and spec.serialization_type is not None:
        whole = FieldSpec("root", spec.serialization_type, spec.location)
        return [WireField(whole, "root", substitute(whole.type, env), required=True, readonly=False)]
    return [_wire_field(f, spec, env, mode) for f in spec.fields if _shown(f, spec, mode)]


def is_alias(spec: ModelSpec, mode: Mode) -> bool:
    """True when the model is not an object in `mode` but one value (`type IName = …`): a
    `RootModel`, or a `@model_serializer` model when serialized; its one wire field is it."""
    return spec.is_root or (mode == "serialization" and spec.serialization_type is not None)


def _shown(f: FieldSpec, spec: ModelSpec, mode: Mode) -> bool:
    if spec.is_root:
        return f.python_name in ROOT_FIELDS
    if f.kind == "computed":
        return mode == "serialization"
    return not (mode == "serialization" and f.exclude)


def _wire_field(f: FieldSpec, spec: ModelSpec, env: Mapping[str, Type], mode: Mode) -> WireField:
    serialized = f.serialization_type if mode == "serialization" else None
    t = substitute(serialized or f.type, env)
    computed = f.kind == "computed"
    implicit_default = spec.config.pydantic_v1 and is_nullable(t)
    has_default = f.has_default or f.default_factory or implicit_default
    always = mode == "serialization" and spec.config.serialization_defaults_required
    return WireField(
        spec=f,
        name=wire_name(f, spec.config, mode),
        type=t,
        required=computed or always or not has_default,
        readonly=computed,
        serialized=serialized is not None,
    )


def reachable_models(root: Type, registry: Registry, mode: Mode) -> list[TModel]:
    """Model instances reachable from `root` through the fields shown in `mode`, each once,
    in the order a reader meets their names: the root, then the models the root's text
    names, then those their interfaces name, …; models missing from the registry are skipped."""
    order: list[TModel] = []
    queue = deque(models_in(root, mode))
    while queue:
        model = queue.popleft()
        if model in order or model.key not in registry.models:
            continue
        order.append(model)
        for f in wire_fields(model, registry, mode):
            queue.extend(models_in(f.type, mode))
    return order


def ambiguous_keys(models: list[TModel], registry: Registry) -> set[str]:
    """Keys of models and enums sharing their class name with another key of `models`."""
    keys = set().union(*(named_keys(m) for m in models))
    by_name: dict[str, set[str]] = {}
    for key in keys:
        by_name.setdefault(model_name(key, registry), set()).add(key)
    return {key for group in by_name.values() if len(group) > 1 for key in group}
