"""What the resolve stage hands on besides the type registry: plain records, no doc-model objects.

Credentials, secrets, environment variables, errors and routes as resolve found them; the
assembling stage (`extractor.assemble`) turns them into the public doc model, in one place each.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal, Protocol, TypeAlias

from ..diagnostics import Diagnostic
from ..ir import Type

RouteKind: TypeAlias = Literal["handler", "event"]
Framework: TypeAlias = Literal["fastapi", "flask"]
ParamSource: TypeAlias = Literal["path", "query", "header", "cookie"]


@dataclass(frozen=True)
class CredentialRecord:
    """`Credential(key, description, where=…)` of the integration object."""

    key: str
    description: str
    where: str | None
    location: str


@dataclass(frozen=True)
class SecretRecord:
    """`Secret(key, description, format=…)` of the integration object."""

    key: str
    description: str
    format: str | None
    location: str


@dataclass(frozen=True)
class EnvVarRecord:
    """One environment variable, however often it is read; `default` is masked when secret."""

    name: str
    required: bool
    default: str | None
    description: str
    secret: bool
    locations: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class ErrorRecord:
    """An `IntegrationError` subclass with its own `code`."""

    code: str
    cause: str
    solution: str
    class_name: str
    location: str


@dataclass(frozen=True)
class RouteParam:
    """A path, query, header or cookie parameter; `expand` spreads a model's fields (query models)."""

    name: str
    python_name: str
    in_: ParamSource
    type: Type
    required: bool
    default: Any = None
    description: str | None = None
    deprecated: bool = False
    expand: bool = False


@dataclass(frozen=True)
class HttpRoute:
    """The HTTP part of a route that a web framework (FastAPI, Flask) declares."""

    framework: Framework
    path: str | None
    status_code: int | None = None
    summary: str | None = None
    deprecated: bool = False
    tags: list[str] = field(default_factory=list)
    parameters: list[RouteParam] = field(default_factory=list)


@dataclass(frozen=True)
class Route:
    """A handler or an event: an SDK-decorated function, or a framework route (`http` set)."""

    kind: RouteKind
    name: str
    function: str
    location: str
    method: str = "POST"
    description: str = ""
    request: Type | None = None
    """The request model of a handler; the payload model of an event."""
    response: Type | None = None
    overrides: dict[str, Any] = field(default_factory=dict)
    """The handler's own default args (decorator keywords), over the integration's."""
    http: HttpRoute | None = None
    docstring: str | None = None
    """The function's docstring, whole (its sections are read by `gather.docstrings`)."""


class Finding(Protocol):
    """A warning of a stage that hands over its own type (the doc model's `DocWarning`)."""

    @property
    def location(self) -> str:
        """`file:line`."""

    @property
    def message(self) -> str:
        """What could not be read."""


def as_diagnostic(item: Diagnostic | Finding | tuple[str, str]) -> Diagnostic:
    """A warning handed over by a stage as a `(location, message)` pair or another type, as a `Diagnostic`."""
    if isinstance(item, Diagnostic):
        return item
    if isinstance(item, tuple):
        return Diagnostic(*item)
    return Diagnostic(item.location, item.message)
