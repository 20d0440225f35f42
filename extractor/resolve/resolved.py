"""What the resolve stage returns for one integration: the registry and its IR records."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ..diagnostics import Diagnostic
from ..ir import Registry
from ..secrets import SecretPolicy
from .integration import IntegrationObject
from .records import CredentialRecord, EnvVarRecord, ErrorRecord, Route, SecretRecord


@dataclass
class Resolved:
    """What the integration declares, with types resolved and values evaluated: IR records only."""

    registry: Registry
    declaration: IntegrationObject | None
    docstring: str | None = None
    """The docstring that describes the integration (`integration_docstring`)."""
    credentials: list[CredentialRecord] = field(default_factory=list)
    secrets: list[SecretRecord] = field(default_factory=list)
    default_args: dict[str, Any] = field(default_factory=dict)
    routes: list[Route] = field(default_factory=list)
    env_vars: list[EnvVarRecord] = field(default_factory=list)
    errors: list[ErrorRecord] = field(default_factory=list)
    warnings: list[Diagnostic] = field(default_factory=list)
    policy: SecretPolicy = field(default_factory=SecretPolicy)
    """The secret policy, with every secret value met (`extractor.secrets`)."""
