"""No silent `unknown`: every field of every corpus and sample model (each model reachable,
both modes) whose TypeScript says `unknown` where pydantic's schema says more carries a
warning with `file:line` and the reason; pydantic's own `Any` (`{}`) is `unknown` in both."""

from __future__ import annotations

import functools

import pytest

from extractor.conventions import Conventions
from extractor.diagnostics import Diagnostic
from extractor.ir import Registry, TEnum, TModel, TPrim, TUnknown, TVar, Type, walk
from extractor.pipeline import gather_files
from extractor.resolve import Resolved, resolve
from extractor.typescript import build_interfaces
from extractor.typescript.collect import reachable_models, wire_fields
from extractor.typescript.types import PRIM_TS

from .conftest import sample_root
from .corpus_cases import MODES, corpus_resolved
from .test_corpus import ALL_SAMPLES

ANY_PRIMS = frozenset({"any", "object", "json"})
"""Primitives pydantic's JSON Schema leaves open (`{}`): `unknown` is their exact type."""


@functools.cache
def sample_resolved(name: str) -> Resolved:
    """A sample integration resolved statically."""
    modules, _ = gather_files(sample_root(name))
    return resolve(modules, Conventions())


def unexplained(t: Type, registry: Registry) -> list[Type]:
    """The parts of `t` that render `unknown` for a reason other than pydantic's own `Any`."""
    found: list[Type] = []
    for node in walk(t):
        match node:
            case TUnknown():
                found.append(node)
            case TPrim(name=name) if name not in ANY_PRIMS and name not in PRIM_TS:
                found.append(node)
            case TModel(key=key) if key not in registry.models:
                found.append(node)
            case TEnum(key=key) if key not in registry.enums or not registry.enums[key].members:
                found.append(node)
            case TVar(fallback=fallback) if fallback is not None:
                found += unexplained(fallback, registry)
    return found


def silent_unknowns(resolved: Resolved) -> list[str]:
    """`file:line field` of every unexplained `unknown` without a warning at that place."""
    registry = resolved.registry
    warned: set[str] = {w.location for w in resolved.warnings}
    silent: list[str] = []
    for key, spec in registry.models.items():
        if spec.type_params or spec.variant_of is not None:
            continue  # generic models are judged by their parametrisations, variants inside their users
        for mode in MODES:
            _, warnings = build_interfaces(TModel(key), registry, interface="IRoot", mode=mode)
            seen = warned | {w.location for w in warnings}
            for model in reachable_models(TModel(key), registry, mode):
                for field in wire_fields(model, registry, mode):
                    for part in unexplained(field.type, registry):
                        where = part.location if isinstance(part, TUnknown) and part.location else field.spec.location
                        if where not in seen:
                            silent.append(f"{where} {model.key}.{field.spec.python_name} ({mode})")
    return sorted(set(silent))


def test_no_silent_unknown_in_the_corpus() -> None:
    assert silent_unknowns(corpus_resolved()) == []


@pytest.mark.parametrize("name", ALL_SAMPLES)
def test_no_silent_unknown_in_the_samples(name: str) -> None:
    assert silent_unknowns(sample_resolved(name)) == []


def test_the_walk_sees_an_unknown() -> None:
    """The check itself: the corpus's uninstalled types are unexplained, and warned."""
    resolved = corpus_resolved()
    spec = resolved.registry.models["corpus.models_unresolvable.Priced"]
    parts = [p for f in spec.fields for p in unexplained(f.type, resolved.registry)]
    assert parts and all(isinstance(p, TUnknown) for p in parts)
    locations = {w.location for w in resolved.warnings if isinstance(w, Diagnostic)}
    assert {p.location for p in parts if isinstance(p, TUnknown)} <= locations
