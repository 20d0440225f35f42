"""Resolve stage: imports between modules, inheritance, constants → integration-level facts."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ..conventions import Conventions
from ..gather.facts import ModuleFacts
from ..ir import Registry
from ..model import Credential, EnvVar, ErrorDoc, Secret
from .classes import Hierarchy
from .conflicts import duplicate_names
from .env import EnvCollector
from .errors import ErrorCollector
from .fields import FieldReader
from .frameworks import FrameworkFinder
from .handlers import Route, RouteFinder
from .integration import IntegrationFinder, IntegrationObject
from .models import ModelBuilder
from .symbols import SymbolTable
from .types import TypeResolver
from .values import Resolver


@dataclass
class Resolved:
    """What the integration declares, with types resolved and values evaluated."""

    modules: list[ModuleFacts]
    registry: Registry
    declaration: IntegrationObject | None
    credentials: list[Credential] = field(default_factory=list)
    secrets: list[Secret] = field(default_factory=list)
    default_args: dict[str, Any] = field(default_factory=dict)
    routes: list[Route] = field(default_factory=list)
    env_vars: list[EnvVar] = field(default_factory=list)
    errors: list[ErrorDoc] = field(default_factory=list)
    warnings: list[tuple[str, str]] = field(default_factory=list)
    secret_values: set[str] = field(default_factory=set)
    """Defaults of secret environment variables: never printed (`extractor.redact`)."""


def resolve(modules: list[ModuleFacts], options: Conventions) -> Resolved:
    """Resolve the gathered facts of one integration's modules."""
    symbols = SymbolTable(modules)
    hierarchy = Hierarchy(symbols)
    resolver = Resolver(symbols)
    types = TypeResolver(hierarchy, resolver)
    registry = ModelBuilder(hierarchy, resolver, FieldReader(types, resolver)).registry()
    finder = IntegrationFinder(hierarchy, resolver, options)
    declarations = finder.find()
    result = Resolved(modules, registry, declarations[0] if declarations else None)
    for extra in declarations[1:]:
        result.warnings.append((extra.location, "another integration declaration; the first one "
                                f"({declarations[0].location}) is documented"))
    if result.declaration is not None:
        result.credentials = finder.credentials(result.declaration)
        result.secrets = finder.secrets(result.declaration)
        result.default_args = finder.default_args(result.declaration)
    routes = RouteFinder(finder, types, resolver, options)
    result.routes = routes.find()
    frameworks = FrameworkFinder(symbols, hierarchy, types, resolver, registry)
    result.routes.extend(frameworks.routes())
    result.declaration = result.declaration or frameworks.declaration()
    keys = {c.key: c.description for c in result.credentials}
    keys.update({s.key: s.description for s in result.secrets})
    env = EnvCollector(resolver, keys, options.secret_name_suffixes)
    for model in registry.models.values():
        if model.is_settings:
            env.add_settings(model)
    env.add_reads(modules)
    result.env_vars = env.env_vars()
    result.secret_values = env.secret_values
    result.warnings.extend(duplicate_names(registry, result.routes))
    errors = ErrorCollector(hierarchy, resolver, options.error_bases)
    result.errors = errors.errors()
    for source in (types, finder, routes, frameworks, env, errors):
        result.warnings.extend(source.warnings)
    return result


__all__ = ["Resolved", "Route", "resolve"]
