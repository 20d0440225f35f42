"""Known secret values masked in what the resolve stage hands on (`extractor.secrets`).

Resolve meets a secret value (a secret-named default, example or default arg) as it reads it,
and text read before may hold the same value (another field's example, a URL constant, a
description). Once every secret is known, the value and text slots the later stages build the
document from are masked: field defaults, examples and descriptions, model and enum
docstrings and enum values, the declaration's name, description and version, the docstring,
routes, default args, credentials, secrets, errors, env vars and warnings. Nothing is done when
no secret value was met (the usual case). Credential shapes were masked where the text entered
(gather).
"""

from __future__ import annotations

import dataclasses
from typing import Any, TypeVar

from ..diagnostics import Diagnostic
from ..ir import Registry
from ..secrets import SecretPolicy
from .records import Route, RouteParam
from .resolved import Resolved

Record = TypeVar("Record")
TEXT_ATTRS = ("description", "where", "format", "cause", "solution", "default", "summary", "path")
"""The text slots of records that may hold a secret value."""


def mask_known(resolved: Resolved) -> Resolved:
    """`resolved` with the known secret values masked in every slot the later stages read."""
    policy = resolved.policy
    if not policy.known:
        return resolved
    _registry(resolved.registry, policy)
    if resolved.declaration is not None:
        values = resolved.declaration.values
        values.update({key: policy.value(values[key]) for key in ("name", "description", "version")
                       if isinstance(values.get(key), str)})
    return dataclasses.replace(
        resolved,
        docstring=_text(resolved.docstring, policy),
        default_args=policy.value(resolved.default_args),
        routes=[_route(route, policy) for route in resolved.routes],
        credentials=[_record(item, policy) for item in resolved.credentials],
        secrets=[_record(item, policy) for item in resolved.secrets],
        errors=[_record(item, policy) for item in resolved.errors],
        env_vars=[_record(item, policy) for item in resolved.env_vars],
        warnings=[Diagnostic(w.location, policy.text(w.message)) for w in resolved.warnings],
    )


def _registry(registry: Registry, policy: SecretPolicy) -> None:
    for model in registry.models.values():
        model.docstring = _text(model.docstring, policy)
        for spec in model.fields:
            spec.description = _text(spec.description, policy)
            spec.default = policy.value(spec.default)
            spec.examples = policy.value(spec.examples)
    for enum in registry.enums.values():
        enum.docstring = _text(enum.docstring, policy)
        enum.members = [(name, policy.value(value)) for name, value in enum.members]


def _route(route: Route, policy: SecretPolicy) -> Route:
    http = route.http
    if http is not None:
        http = dataclasses.replace(_record(http, policy), tags=policy.value(http.tags),
                                   parameters=[_param(param, policy) for param in http.parameters])
    return dataclasses.replace(route, description=policy.text(route.description),
                               overrides=policy.value(route.overrides), http=http)


def _param(param: RouteParam, policy: SecretPolicy) -> RouteParam:
    return dataclasses.replace(param, description=_text(param.description, policy),
                               default=policy.value(param.default))


def _record(item: Record, policy: SecretPolicy) -> Record:
    """A frozen record with its text slots masked."""
    changes: dict[str, Any] = {}
    for name in TEXT_ATTRS:
        value = getattr(item, name, None)
        if isinstance(value, str):
            changes[name] = policy.text(value)
    return dataclasses.replace(item, **changes) if changes else item  # type: ignore[type-var]


def _text(text: str | None, policy: SecretPolicy) -> str | None:
    return policy.text(text) if text is not None else None

