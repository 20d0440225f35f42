"""Resolve stage: imports between modules, inheritance, constants → the integration's IR records."""

from __future__ import annotations

from collections.abc import Iterable

from ..conventions import Conventions
from ..diagnostics import Diagnostic
from ..gather.facts import ModuleFacts
from ..ir import Registry
from ..secrets import SecretPolicy
from .classes import Hierarchy
from .constants import Resolver
from .env import EnvCollector
from .error_classes import ErrorCollector
from .fields import FieldReader
from .frameworks import FrameworkFinder
from .handlers import RouteFinder
from .integration import IntegrationFinder, integration_docstring
from .masking import mask_known
from .models import ModelBuilder
from .records import (
    CredentialRecord,
    EnvVarRecord,
    ErrorRecord,
    ExtraResponse,
    Finding,
    HttpRoute,
    Route,
    RouteParam,
    SecretRecord,
    SecurityScheme,
    SecurityUse,
    as_diagnostic,
)
from .resolved import Resolved
from .symbols import SymbolTable
from .types import TypeResolver


def resolve(modules: list[ModuleFacts], options: Conventions) -> Resolved:
    """Resolve the gathered facts of one integration's modules."""
    symbols = SymbolTable(modules)
    hierarchy = Hierarchy(symbols)
    resolver = Resolver(symbols, SecretPolicy(options.secret_name_suffixes))
    types = TypeResolver(hierarchy, resolver)
    fields = FieldReader(types, resolver)
    builder = ModelBuilder(hierarchy, resolver, fields)
    registry = builder.registry()
    finder = IntegrationFinder(hierarchy, resolver, options)
    result = _declared(finder, registry, resolver.secrets)
    routes = RouteFinder(finder, types, resolver, options)
    frameworks = FrameworkFinder(symbols, hierarchy, types, resolver, registry)
    result.routes = [*routes.find(), *frameworks.routes()]
    result.declaration = result.declaration or frameworks.declaration()
    result.docstring = integration_docstring(result.declaration, modules)
    env = _environment(result, registry, modules, resolver, options)
    errors = ErrorCollector(hierarchy, resolver, options.error_bases)
    result.errors = errors.errors()
    for source in (builder.warnings, types.warnings, fields.warnings, finder.warnings, routes.warnings,
                   frameworks.warnings, env.warnings, errors.warnings):
        result.warnings.extend(_diagnostics(source))
    return mask_known(result)


def _declared(finder: IntegrationFinder, registry: Registry, policy: SecretPolicy) -> Resolved:
    """The first integration declaration with its credentials, secrets and default args;
    every further declaration is a warning."""
    declarations = finder.find()
    if not declarations:
        return Resolved(registry, None, policy=policy)
    first = declarations[0]
    return Resolved(
        registry, first, policy=policy,
        credentials=finder.credentials(first), secrets=finder.secrets(first), default_args=finder.default_args(first),
        warnings=[Diagnostic(extra.location, f"another integration declaration; the first one ({first.location}) "
                             "is documented") for extra in declarations[1:]],
    )


def _environment(
    result: Resolved, registry: Registry, modules: list[ModuleFacts], resolver: Resolver, options: Conventions
) -> EnvCollector:
    """Read every environment variable (settings fields, then env reads) into `result`."""
    keys = {c.key: c.description for c in result.credentials}
    keys.update({s.key: s.description for s in result.secrets})
    resolver.secrets.declare(keys)
    env = EnvCollector(resolver.unmasked(), keys)
    for model in registry.models.values():
        if model.is_settings:
            env.add_settings(model)
    env.add_reads(modules)
    result.env_vars = env.env_vars()
    return env


def _diagnostics(items: Iterable[Diagnostic | Finding | tuple[str, str]]) -> list[Diagnostic]:
    """Warnings of the type resolver and the env collector (still `(location, message)` pairs) as diagnostics."""
    return [as_diagnostic(item) for item in items]


__all__ = [
    "CredentialRecord", "EnvVarRecord", "ErrorRecord", "ExtraResponse", "HttpRoute", "Resolved", "Route", "RouteParam",
    "SecretRecord", "SecurityScheme", "SecurityUse",
    "resolve",
]
