"""Models reachable from a root type: generic substitution, wire fields, interface names."""

from __future__ import annotations

from collections import Counter, deque
from collections.abc import Mapping
from dataclasses import dataclass
from functools import singledispatch

from extractor.ir import (
    FieldSpec,
    ModelSpec,
    Registry,
    TDict,
    TJson,
    TList,
    TLiteral,
    TModel,
    TPrim,
    TTuple,
    TUnion,
    TVar,
    Type,
)
from extractor.typescript.context import MODE_SUFFIX, SharedNames
from extractor.typescript.labels import model_name, named_keys, type_label
from extractor.typescript.naming import Mode, wire_name

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


def substitute(t: Type, env: Mapping[str, Type]) -> Type:
    """Replace the type variables of `t` by their values in `env` (unbound ones stay)."""
    return _substitute(t, env) if env else t


@singledispatch
def _substitute(t: Type, env: Mapping[str, Type]) -> Type:
    return t


@_substitute.register
def _(t: TVar, env: Mapping[str, Type]) -> Type:
    return env.get(t.name, t)


@_substitute.register
def _(t: TList, env: Mapping[str, Type]) -> Type:
    return TList(_substitute(t.item, env), t.unique)


@_substitute.register
def _(t: TTuple, env: Mapping[str, Type]) -> Type:
    return TTuple(tuple(_substitute(i, env) for i in t.items))


@_substitute.register
def _(t: TDict, env: Mapping[str, Type]) -> Type:
    return TDict(_substitute(t.key, env), _substitute(t.value, env))


@_substitute.register
def _(t: TUnion, env: Mapping[str, Type]) -> Type:
    return TUnion(tuple(_substitute(o, env) for o in t.options), t.discriminator)


@_substitute.register
def _(t: TModel, env: Mapping[str, Type]) -> Type:
    return TModel(t.key, tuple(_substitute(a, env) for a in t.args))


@_substitute.register
def _(t: TJson, env: Mapping[str, Type]) -> Type:
    return TJson(_substitute(t.inner, env))


def children(t: Type, mode: Mode | None = None) -> tuple[Type, ...]:
    """The types directly inside `t` (not looking into models); in validation mode a
    `Json[X]` is a string, nothing inside."""
    match t:
        case TJson(inner=inner):
            return () if mode == "validation" else (inner,)
        case TVar(fallback=fallback):
            return () if fallback is None else (fallback,)
        case TList(item=item):
            return (item,)
        case TTuple(items=items) | TUnion(options=items):
            return items
        case TDict(key=key, value=value):
            return (key, value)
    return ()


def is_nullable(t: Type) -> bool:
    """True when `None` is a valid value of `t` (Optional, `X | None`, `Literal[None]`)."""
    match t:
        case TPrim(name=name):
            return name == "none"
        case TLiteral(values=values):
            return any(v is None for v in values)
        case TUnion(options=options):
            return any(is_nullable(o) for o in options)
    return False


def wire_fields(model: TModel, registry: Registry, mode: Mode) -> list[WireField]:
    """The fields of a model instance on the wire in `mode`, in declaration order.

    Validation: computed fields are absent; a field is required when it has neither a
    default nor a default factory. Serialization: `exclude=True` fields are absent, computed
    fields are present, required and read-only; fields with defaults stay optional, as in
    pydantic's own serialization schema (unless `json_schema_serialization_defaults_required`);
    a serializer's return type replaces the field's type. A `RootModel`'s one field is its
    `root`; a `@model_serializer` model serialized is one field of the serializer's type.
    """
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


def models_in(t: Type, mode: Mode | None = None) -> list[TModel]:
    """The model instances named in a type's text, left to right (not looking inside them)."""
    if isinstance(t, TModel):
        return [t]
    return [m for child in children(t, mode) for m in models_in(child, mode)]


def interface_names(models: list[TModel], registry: Registry, root_name: str, root: Type, *,
                    mode: Mode = "validation", shared: SharedNames | None = None) -> dict[TModel, str]:
    """Interface names for the models: the root model gets `root_name`, the others `I` + model
    name (`IPageItem` for `Page[Item]`). Two models of the block (or of the document, per
    `shared`) with one class name are both named module-qualified (`IShopAItem`); a model the
    document shows in both modes with two shapes gets pydantic's mode suffix (`IAmountInput`,
    `IAmountOutput`); a name still taken gets a numeric suffix."""
    shared = shared or SharedNames()
    names: dict[TModel, str] = {}
    if isinstance(root, TModel) and root in models:
        names[root] = root_name
    others = [m for m in models if m not in names]
    ambiguous = ambiguous_keys(others, registry) | shared.qualified
    suffix = {m: MODE_SUFFIX[mode] if m in shared.split else "" for m in others}
    short = {m: "I" + type_label(m, registry, ambiguous) + suffix[m] for m in others}
    counts = Counter(short.values())
    taken = {root_name}
    for m in others:
        name = short[m]
        if counts[name] > 1 or name in taken:
            name = "I" + type_label(m, registry, qualified=True) + suffix[m]
        base, n = name, 2
        while name in taken:
            name, n = f"{base}{n}", n + 1
        taken.add(name)
        names[m] = name
    return names


def ambiguous_keys(models: list[TModel], registry: Registry) -> set[str]:
    """Keys of models and enums sharing their class name with another key of `models`."""
    keys = set().union(*(named_keys(m) for m in models))
    by_name: dict[str, set[str]] = {}
    for key in keys:
        by_name.setdefault(model_name(key, registry), set()).add(key)
    return {key for group in by_name.values() if len(group) > 1 for key in group}
