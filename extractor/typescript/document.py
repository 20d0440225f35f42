"""Naming across one document: the same model in both modes, class names shared by two keys.

A document shows requests and payloads in validation mode and responses in serialization
mode. When one model is nested on both sides and its two shapes differ (a `Decimal` is
`number | string` in, `string` out; a computed field appears only out), one name can't
declare both: like pydantic's `models_json_schema` (`Amount-Input` / `Amount-Output`), the
two interfaces are named `IAmountInput` and `IAmountOutput`. A model whose nested model is
split is split too, since its text names the suffixed interfaces.
"""

from __future__ import annotations

from collections.abc import Iterable

from ..ir import Mode, Registry, TModel, Type, models_in
from .collect import ambiguous_keys, reachable_models, wire_fields
from .context import Context, SharedNames, Site
from .types import ts_type

MODES: tuple[Mode, Mode] = ("validation", "serialization")
Shape = tuple[bool, tuple[tuple[str, bool, bool, str], ...]]


def shared_names(uses: Iterable[tuple[Type | None, Mode]], registry: Registry) -> SharedNames:
    """The document-wide naming for blocks built from these (root type, mode) uses."""
    reached = [(mode, reachable_models(root, registry, mode)) for root, mode in uses if root is not None]
    return shared_from_reached(reached, registry)


def shared_from_reached(reached: Iterable[tuple[Mode, list[TModel]]], registry: Registry) -> SharedNames:
    """`shared_names` from the models each use reaches (in its mode), already collected."""
    by_mode: dict[Mode, dict[TModel, None]] = {mode: {} for mode in MODES}
    for mode, models in reached:
        by_mode[mode].update(dict.fromkeys(models))
    both = [m for m in by_mode["validation"] if m in by_mode["serialization"]]
    every = list(dict.fromkeys([*by_mode["validation"], *by_mode["serialization"]]))
    return SharedNames(split=frozenset(_split(both, every, registry)),
                       qualified=frozenset(ambiguous_keys(every, registry)))


def _split(both: list[TModel], every: list[TModel], registry: Registry) -> set[TModel]:
    placeholders = {m: repr(m) for m in every}
    split = {m for m in both if _shape(m, "validation", registry, placeholders)
             != _shape(m, "serialization", registry, placeholders)}
    changed = True
    while changed:
        changed = False
        for model in both:
            if model not in split and any(ref in split for ref in _references(model, registry)):
                split.add(model)
                changed = True
    return split


def _shape(model: TModel, mode: Mode, registry: Registry, names: dict[TModel, str]) -> Shape:
    """What the interface says in `mode`, nested models named the same in both modes."""
    ctx = Context(registry=registry, mode=mode, names=names)
    fields = tuple((f.name, f.required, f.readonly, ts_type(f.type, ctx, Site("", "")))
                   for f in wire_fields(model, registry, mode))
    return registry.models[model.key].config.extra == "allow", fields


def _references(model: TModel, registry: Registry) -> set[TModel]:
    return {ref for mode in MODES for f in wire_fields(model, registry, mode)
            for ref in models_in(f.type, mode)}
