"""Conflicting facts found across modules, as warnings: one model or enum name in two modules.

Two handlers with one name and one variable read with two defaults are warned about where
they are merged (`assemble.routes`, `resolve.env`); see docs/conventions.md, "When the input is broken".
"""

from __future__ import annotations

from collections.abc import Iterable

from ..diagnostics import Diagnostic
from ..ir import EnumSpec, ModelSpec, Registry, TEnum, TModel, TVar, Type, walk
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
    """The models and enums the routes' request and response types reach, through fields and
    the fallbacks of unbound type variables."""
    pending: list[Type] = [t for route in routes for t in (route.request, route.response) if t is not None]
    seen: set[str] = set()
    found: list[ModelSpec | EnumSpec] = []
    while pending:
        for node in walk(pending.pop()):
            if isinstance(node, TVar) and node.fallback is not None:
                pending.append(node.fallback)
            if not isinstance(node, TModel | TEnum) or node.key in seen:
                continue
            seen.add(node.key)
            spec = registry.models.get(node.key) if isinstance(node, TModel) else registry.enums.get(node.key)
            found.extend([spec] if spec is not None else [])
            if isinstance(spec, ModelSpec):
                pending.extend(field.type for field in spec.fields)
                pending.extend([spec.serialization_type] if spec.serialization_type is not None else [])
    return found
