"""Conflicting facts found across modules, as warnings: one model or enum name in two modules.

Two handlers with one name and one variable read with two defaults are warned about where
they are merged (`assemble.routes`, `resolve.env`); see docs/conventions.md, "When the input is broken".
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable

from ..diagnostics import Diagnostic
from ..ir import EnumSpec, ModelSpec, Registry, TEnum, TModel
from ..resolve import Route
from ..typescript.naming import qualified_pascal


def duplicate_names(registry: Registry, routes: Iterable[Route]) -> list[Diagnostic]:
    """A warning for every class name that more than one of the models and enums in the
    document (those the handlers and events reach) uses."""
    by_name: dict[str, dict[str, ModelSpec | EnumSpec]] = {}
    for spec in _reached(registry, routes):
        by_name.setdefault(spec.name, {}).setdefault(spec.location, spec)
    warnings: list[Diagnostic] = []
    for name, places in sorted(by_name.items()):
        if len(places) < 2:
            continue
        locations = sorted(places)
        example = f"I{qualified_pascal(places[locations[0]].key)}"
        warnings.append(Diagnostic(locations[0], f"`{name}` is defined {len(places)} times ({', '.join(locations)}); "
                                   f"both are documented, their interfaces carry the module (`{example}`)"))
    return warnings


def _reached(registry: Registry, routes: Iterable[Route]) -> list[ModelSpec | EnumSpec]:
    """The models and enums the routes' request and response types reach, through fields."""
    pending: list[object] = [t for route in routes for t in (route.request, route.response) if t is not None]
    seen: set[str] = set()
    found: list[ModelSpec | EnumSpec] = []
    while pending:
        item = pending.pop()
        if isinstance(item, TModel | TEnum) and item.key not in seen:
            seen.add(item.key)
            spec = registry.models.get(item.key) if isinstance(item, TModel) else registry.enums.get(item.key)
            found.extend([spec] if spec is not None else [])
            if isinstance(spec, ModelSpec):
                pending.extend([*(field.type for field in spec.fields), spec.serialization_type])
        pending.extend(_parts(item))
    return found


def _parts(item: object) -> list[object]:
    """What a type is made of: the items of a tuple, the fields of an IR dataclass."""
    if isinstance(item, tuple | list):
        return list(item)
    if dataclasses.is_dataclass(item) and not isinstance(item, type):
        return [getattr(item, field.name) for field in dataclasses.fields(item)]
    return []
