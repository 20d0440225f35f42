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
    convert_underscores: bool = False
    """A header model's fields are served with `_` as `-` (FastAPI's `convert_underscores`)."""
    constraints: dict[str, Any] = field(default_factory=dict)
    """`Query(ge=1, max_length=50)` and the like, by pydantic's keyword (`ge`, `max_length`)."""
    title: str | None = None
    """`Query(title=...)`: the title of the parameter's schema."""


SchemeKind: TypeAlias = Literal["oauth2", "apiKey", "http", "openIdConnect"]
JSON_MEDIA = "application/json"
FORM_MEDIA = "application/x-www-form-urlencoded"
MULTIPART_MEDIA = "multipart/form-data"
STREAM_MEDIA = "application/jsonl"
"""A stream of JSON items, one a line (FastAPI's media type of `-> AsyncIterable[Item]`)."""


@dataclass(frozen=True)
class SecurityScheme:
    """A security scheme a route depends on (`OAuth2PasswordBearer(tokenUrl=…)`, `APIKeyHeader(name=…)`,
    `HTTPBearer()`…), as FastAPI lists it under `components.securitySchemes`."""

    name: str
    """The scheme's key: `scheme_name=`, else the class name (FastAPI's rule)."""
    kind: SchemeKind
    scheme: str | None = None
    """`http`: `bearer` / `basic` / `digest`."""
    flow: str | None = None
    """`oauth2`: `password`, `authorizationCode`, `clientCredentials`, `implicit`."""
    token_url: str | None = None
    authorization_url: str | None = None
    refresh_url: str | None = None
    scopes: dict[str, str] = field(default_factory=dict)
    location: ParamSource | None = None
    """`apiKey`: `header`, `query` or `cookie`."""
    param_name: str | None = None
    """`apiKey`: the header, query or cookie name carrying the key."""
    bearer_format: str | None = None
    open_id_connect_url: str | None = None
    description: str | None = None


@dataclass(frozen=True)
class SecurityUse:
    """One use of a scheme by a route, with the scopes `Security(…, scopes=[…])` asks for."""

    scheme: SecurityScheme
    scopes: tuple[str, ...] = ()


@dataclass(frozen=True)
class ExtraResponse:
    """An entry of `responses={404: {"model": Message, "description": …}}`: status as written, its model."""

    status: str
    description: str | None = None
    model: Type | None = None
    media_type: str = JSON_MEDIA


@dataclass(frozen=True)
class HttpRoute:
    """The HTTP part of a route that a web framework (FastAPI, Flask) declares.

    `path` is the served path (include prefixes and router prefixes joined). `body_media_type` is
    the request body's media type when there is a body (`application/json`,
    `multipart/form-data` with a file, `application/x-www-form-urlencoded`); the body's type is
    `Route.request` (a form body is an object of its fields). `hidden` routes have
    `include_in_schema=False`: FastAPI leaves them out of its OpenAPI document, they are
    documented as hidden. `webhook` routes are `@app.webhooks.post(name)`: `path` is the name.
    """

    framework: Framework
    path: str | None
    status_code: int | None = None
    summary: str | None = None
    deprecated: bool = False
    tags: list[str] = field(default_factory=list)
    parameters: list[RouteParam] = field(default_factory=list)
    body_media_type: str | None = None
    body_required: bool = False
    """Whether the request body must be sent: the one body parameter is required, or any field of an
    embedded / form body is (FastAPI's `requestBody.required`)."""
    response_media_type: str | None = None
    """`application/json`; `application/jsonl` for `AsyncIterable[Item]`; the class's media type
    for a `StreamingResponse` / `HTMLResponse`… return; None when unknown."""
    stream: bool = False
    """The response is a stream of `Route.response` items (`-> AsyncIterable[Item]`)."""
    security: list[SecurityUse] = field(default_factory=list)
    responses: list[ExtraResponse] = field(default_factory=list)
    hidden: bool = False
    webhook: bool = False
    operation_id: str | None = None
    """FastAPI's `operation_id=`, as written (the OpenAPI document's `operationId`); None: FastAPI's
    generated one."""
    endpoint_name: str | None = None
    """FastAPI's route name: `name=`, else the function's name (its generated `operationId`)."""
    doc: str | None = None
    """The operation's whole description as FastAPI publishes it: `description=`, else the
    docstring cleaned, up to a form feed."""
    body_name: str | None = None
    """The wire name of a single, not embedded body parameter (FastAPI titles its schema)."""
    body_nullable: bool = False
    """That body parameter may be `None` (`Route.request` holds the type without it)."""
    response_nullable: bool = False
    """The response model may be `None` (`Route.response` holds the type without it)."""


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
