"""The documentation model: plain pydantic data with `file:line` positions, also the JSON output.

This module is the public `--format json` interface (schema_version 2: full descriptions,
docstring sections, errors per handler, limitations, and changelog changes as a list). It knows nothing of
libcst or Jinja2: the gather/resolve stages fill it, the renderer reads it.
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

SCHEMA_VERSION: Literal[2] = 2

JsonValue = Any
"""A JSON value: str, int, float, bool, None, list or dict of JSON values."""


class _Doc(BaseModel):
    model_config = ConfigDict(extra="forbid", populate_by_name=True)


class DocWarning(_Doc):
    """Something that could not be read statically, or conflicting facts; never a guess."""

    location: str = Field(description="`path:line`, path relative to the integration folder")
    message: str


class Credential(_Doc):
    """A credential the user adds in Шаг 2."""

    key: str
    description: str = ""
    where: str | None = Field(default=None, description="Where to get it")
    location: str | None = None


class Secret(_Doc):
    """A secret the user adds in Шаг 3."""

    key: str
    description: str = ""
    format: str | None = None
    location: str | None = None


class ModelField(_Doc):
    """One field of a request, response or payload model, as it appears on the wire."""

    name: str = Field(description="The key on the wire (alias applied)")
    python_name: str
    ts_type: str
    required: bool
    nullable: bool = False
    default: JsonValue = None
    description: str | None = None
    deprecated: bool = False
    examples: list[JsonValue] = Field(default_factory=list)
    constraints: dict[str, JsonValue] = Field(default_factory=dict)
    location: str | None = Field(
        default=None, description="`path:line` of the field's definition (for lint findings)"
    )


class DocModel(_Doc):
    """A pydantic model turned into a TypeScript interface block."""

    model: str = Field(description="The Python class name")
    interface: str = Field(description="The TypeScript interface name used in the document")
    description: str | None = None
    location: str | None = None
    mode: Literal["validation", "serialization"] = "validation"
    fields: list[ModelField] = Field(default_factory=list)
    typescript: str = Field(description="The interface block, nested interfaces included")
    declarations: str = Field(
        default="",
        description="What the page declares in this block: the alias and the interfaces no earlier "
        "block declared (all blocks' declarations of a document together are one TypeScript module)",
    )
    example: JsonValue = Field(default=None, description="A JSON value valid for the model")


class Parameter(_Doc):
    """A path, query, header or cookie parameter of a web-framework route (FastAPI, Flask)."""

    name: str = Field(description="The name in the URL or header (alias applied)")
    python_name: str
    in_: Literal["path", "query", "header", "cookie"] = Field(alias="in", serialization_alias="in")
    ts_type: str
    required: bool
    default: JsonValue = None
    description: str | None = None
    deprecated: bool = False


class AuthScheme(_Doc):
    """How a route is authenticated: a FastAPI security scheme it depends on."""

    name: str = Field(description="The scheme's name (`scheme_name=`, else the class name)")
    type: Literal["oauth2", "apiKey", "http", "openIdConnect"]
    scheme: str | None = Field(default=None, description="`http`: bearer, basic or digest")
    in_: Literal["header", "query", "cookie"] | None = Field(
        default=None, alias="in", serialization_alias="in", description="`apiKey`: where the key goes"
    )
    param_name: str | None = Field(default=None, description="`apiKey`: the header, query or cookie name")
    token_url: str | None = Field(default=None, description="`oauth2`: the token URL, when static")
    scopes: list[str] = Field(default_factory=list, description="Scopes the route asks for")
class Note(_Doc):
    """A `Note:` / `Примечание:` or `Warning:` / `Внимание:` section of a docstring."""

    kind: Literal["info", "warning"]
    text: str = Field(description="Markdown, paragraphs separated by a blank line")


class HandlerError(_Doc):
    """An error a handler can return: an entry of its docstring's `Raises:` / `Ошибки:`."""

    class_name: str = Field(alias="class", serialization_alias="class")
    code: str | None = Field(default=None, description="The error's `code` when it is an error of the integration")
    description: str = Field(default="", description="What the docstring says of it")


class Limitation(_Doc):
    """One limitation: written in a docstring (`text`), or stated by the code (`kind` and `value`)."""

    kind: Literal["text", "timeout", "retries", "max_length", "max_items", "maximum"]
    text: str = Field(default="", description="Markdown, for `text`")
    handler: str | None = Field(default=None, description="The handler it applies to; None: the whole integration")
    field: str | None = Field(default=None, description="The field (name on the wire) of a field limit")
    model: str | None = Field(default=None, description="The interface of that field")
    value: JsonValue = None


class Handler(_Doc):
    """A webhook handler (Шаг 4, Webhook URL, API Reference)."""

    name: str
    method: str = "POST"
    description: str = Field(default="", description="The summary: the docstring's first paragraph")
    details: str = Field(default="", description="The whole description: every paragraph, Markdown")
    function: str
    location: str
    path: str | None = Field(default=None, description="Framework route path, when there is one")
    request: DocModel | None = None
    response: DocModel | None = None
    default_args: dict[str, JsonValue] = Field(default_factory=dict)
    framework: Literal["fastapi", "flask"] | None = Field(
        default=None, description="The web framework of a route; None for an SDK handler"
    )
    status_code: int | None = Field(default=None, description="Success status code, when it is static")
    summary: str | None = None
    deprecated: bool = False
    tags: list[str] = Field(default_factory=list)
    parameters: list[Parameter] = Field(
        default_factory=list, description="Path, query, header and cookie parameters of a route"
    )
    content_type: str | None = Field(
        default=None, description="Media type of a route's request body (JSON, multipart/form-data, urlencoded form)"
    )
    files: list[str] = Field(default_factory=list, description="Fields of a multipart body that are uploaded files")
    security: list[AuthScheme] = Field(default_factory=list, description="Security schemes of a route")
    hidden: bool = Field(default=False, description="`include_in_schema=False`: not in the app's OpenAPI document")
    webhook: bool = Field(default=False, description="An OpenAPI webhook the app sends (`@app.webhooks.post`)")
    errors: list[HandlerError] = Field(default_factory=list, description="From `Raises:` / `Ошибки:`")
    examples: list[str] = Field(default_factory=list, description="Hand-written `Example:` / `Пример:` (Markdown)")
    notes: list[Note] = Field(default_factory=list)


class Event(_Doc):
    """An incoming event the integration handles."""

    name: str
    description: str = Field(default="", description="The summary: the docstring's first paragraph")
    details: str = Field(default="", description="The whole description: every paragraph, Markdown")
    function: str | None = None
    payload: DocModel | None = None
    location: str
    notes: list[Note] = Field(default_factory=list)


class ErrorDoc(_Doc):
    """An error of the integration (Частые ошибки)."""

    code: str
    cause: str = ""
    solution: str = ""
    class_name: str = Field(alias="class", serialization_alias="class")
    location: str | None = None


class EnvVar(_Doc):
    """An environment variable the integration reads (one row however often it is read)."""

    name: str
    required: bool
    default: str | None = Field(default=None, description='"***" when the variable is secret')
    description: str = ""
    secret: bool = False
    locations: list[str] = Field(default_factory=list)


ChangeCategory = Literal["added", "changed", "fixed", "removed", "deprecated", "security"]


class Change(_Doc):
    """One change of a version: a Keep a Changelog bullet and its category."""

    category: ChangeCategory | None = Field(
        default=None, description="The Keep a Changelog section (`### Added` → `added`); None outside one"
    )
    text: str = Field(description="The bullet as written: inline Markdown")


class ChangelogEntry(_Doc):
    """One version of the Changelog table."""

    version: str
    date: str | None = None
    changes: list[Change] = Field(default_factory=list)
    first: bool = Field(
        default=False, description="The integration's first version: a row without changes reads «Начальная версия»"
    )


class Integration(_Doc):
    """Everything the template needs about one integration."""

    schema_version: Literal[2] = SCHEMA_VERSION
    name: str
    slug: str
    location: str | None = Field(default=None, description="`path:line` of the integration's declaration")
    description: str = Field(
        default="", description="The summary (`description=`, else the docstring's first paragraph)"
    )
    details: str = Field(default="", description="The whole description: every paragraph, Markdown")
    capabilities: list[str] = Field(default_factory=list, description="Обзор bullets")
    capabilities_written: bool = Field(
        default=False, description="The capabilities come from the docstring, not from the handlers' summaries"
    )
    requirements: list[str] = Field(default_factory=list, description="Требования bullets")
    limitations: list[Limitation] = Field(default_factory=list, description="Ограничения")
    see_also: list[str] = Field(default_factory=list, description="Следующие шаги: `Смотрите также:` (Markdown)")
    notes: list[Note] = Field(default_factory=list)
    version: str | None = None
    credentials: list[Credential] = Field(default_factory=list)
    secrets: list[Secret] = Field(default_factory=list)
    default_args: dict[str, JsonValue] = Field(default_factory=dict)
    handlers: list[Handler] = Field(default_factory=list)
    events: list[Event] = Field(default_factory=list)
    errors: list[ErrorDoc] = Field(default_factory=list)
    env_vars: list[EnvVar] = Field(default_factory=list)
    changelog: list[ChangelogEntry] = Field(default_factory=list)
    warnings: list[DocWarning] = Field(default_factory=list)
    incomplete: list[DocWarning] = Field(
        default_factory=list,
        description="Files and statements that could not be read (also in `warnings`): "
        "what they declare is missing from the document, which says so",
    )
