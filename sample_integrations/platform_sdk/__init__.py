"""A small runtime SDK of the integration platform, so that the sample integrations run.

The extractor never imports it: it reads integrations statically. Tests import the samples
and compare this SDK's registry with what was extracted.
"""

from .integration import Integration, event, handler, integration_for, integrations
from .specs import (
    Context,
    Credential,
    EventSpec,
    HandlerSpec,
    IntegrationError,
    Secret,
    kebab_case,
)

__all__ = [
    "Context",
    "Credential",
    "EventSpec",
    "HandlerSpec",
    "Integration",
    "IntegrationError",
    "Secret",
    "event",
    "handler",
    "integration_for",
    "integrations",
    "kebab_case",
]
