"""Known secret values masked in what the resolve stage hands on (`extractor.secrets`).

Resolve meets a secret value (a secret-named default, example or default arg) as it reads it,
and text read before may hold the same value (another field's example, a URL constant, a
description). Once every secret is known, the value and text slots the later stages build the
document from are masked: field defaults, examples and descriptions, model and enum
docstrings and enum values, the declaration's name, description and version, routes, default
args, credentials, secrets, errors and env vars. Nothing is done when no secret value was met
(the usual case). Credential shapes were masked where the text entered (gather).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ..ir import Registry
from ..secrets import SecretPolicy
from .frameworks.common import FrameworkRoute

if TYPE_CHECKING:
    from . import Resolved


def mask_known(resolved: Resolved) -> None:
    """Mask the known secret values in every slot of `resolved` the later stages read."""
    policy = resolved.policy
    if not policy.known:
        return
    _registry(resolved.registry, policy)
    if resolved.declaration is not None:
        values = resolved.declaration.values
        values.update({key: policy.value(values[key]) for key in ("name", "description", "version")
                       if isinstance(values.get(key), str)})
    resolved.default_args = policy.value(resolved.default_args)
    for route in resolved.routes:
        route.description = policy.text(route.description)
        route.overrides = policy.value(route.overrides)
        if isinstance(route, FrameworkRoute):
            _framework(route, policy)
    for item in [*resolved.credentials, *resolved.secrets, *resolved.errors, *resolved.env_vars]:
        _text_attrs(item, policy, ("description", "where", "format", "cause", "solution", "default"))


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


def _framework(route: FrameworkRoute, policy: SecretPolicy) -> None:
    route.path, route.summary = _text(route.path, policy), _text(route.summary, policy)
    route.tags = policy.value(route.tags)
    for param in route.parameters:
        param.description = _text(param.description, policy)
        param.default = policy.value(param.default)


def _text_attrs(item: Any, policy: SecretPolicy, names: tuple[str, ...]) -> None:
    for name in names:
        value = getattr(item, name, None)
        if isinstance(value, str):
            setattr(item, name, policy.text(value))


def _text(text: str | None, policy: SecretPolicy) -> str | None:
    return policy.text(text) if text is not None else None
