"""Values the templates need that are derived from the doc model (examples, URLs, bullets)."""

from __future__ import annotations

from dataclasses import dataclass

from ..model import EnvVar, Handler, Integration, JsonValue
from ..russian import same_lemma
from . import code_examples
from .anchors import unique_slugs
from .filters import fold


@dataclass(frozen=True)
class HandlerView:
    """One handler with its per-handler parts ready for the templates."""

    handler: Handler
    title: str
    """The handler's name for sub-headings (its function name when the name is blank)."""
    method: str
    endpoint: str
    webhook_url: str
    usage: str
    curl: str
    own_default_args: dict[str, JsonValue] | None
    """The handler's effective default args when they differ from the integration's."""
    anchor: str = "handler"
    """The slug of the handler's sub-headings' anchors (`{#usage-<anchor>}` …), unique."""


@dataclass(frozen=True)
class Requirement:
    """A Требования bullet: `label` + `key` (inline code) + `description`, or free text
    (`description` alone). The label is empty when the description starts with its word
    («`X` — секрет подписи», not «секрет `X` — секрет подписи»)."""

    label: str
    key: str
    description: str

    @classmethod
    def of(cls, label: str, key: str, description: str) -> Requirement:
        """A key's bullet, its label dropped when the description repeats it."""
        words = description.split(maxsplit=1)
        repeated = bool(words) and same_lemma(label.split(maxsplit=1)[0], words[0].strip(",.:;"))
        return cls("" if repeated else label, key, description)


@dataclass(frozen=True)
class DocView:
    """Everything derived, next to the model itself (`doc`) in the template context."""

    title: str
    """The integration's name (its slug when the name is blank)."""
    several: bool
    capabilities: list[str]
    handlers: list[HandlerView]
    requirements: list[Requirement]
    secret_env_vars: list[EnvVar]
    raised_by: dict[str, list[str]]
    """Error class name → the handlers whose docstrings say they return it (Troubleshooting)."""


def handler_title(handler: Handler) -> str:
    """The handler's name for sub-headings: its name, else its function name."""
    return fold(handler.name) or fold(handler.function) or "handler"


def handler_view(
    doc: Integration, handler: Handler, base_url: str | None, anchor: str = "handler"
) -> HandlerView:
    """The derived parts of one handler; `anchor` is its unique sub-heading slug."""
    own = handler.default_args if handler.default_args != doc.default_args else None
    return HandlerView(
        handler=handler,
        title=handler_title(handler),
        method=code_examples.method_of(handler),
        endpoint=code_examples.endpoint_path(handler),
        webhook_url=code_examples.webhook_url(handler, base_url),
        usage=code_examples.usage_example(handler),
        curl=code_examples.curl_example(handler, base_url),
        own_default_args=own,
        anchor=anchor,
    )


def handler_views(doc: Integration, base_url: str | None) -> list[HandlerView]:
    """Every handler's view, each with an anchor slug no other handler of the doc has."""
    anchors = unique_slugs(handler_title(handler) for handler in doc.handlers)
    return [
        handler_view(doc, handler, base_url, anchor)
        for handler, anchor in zip(doc.handlers, anchors, strict=True)
    ]


def requirements(doc: Integration) -> list[Requirement]:
    """Требования: the docstring's own bullets, then always the credentials, secrets and
    required env vars."""
    items = [Requirement("", "", item) for item in doc.requirements if fold(item)]
    items += [Requirement.of("ключ", item.key, item.description) for item in doc.credentials]
    items += [Requirement.of("секрет", item.key, item.description) for item in doc.secrets]
    known = {item.key for item in items}
    items += [
        Requirement.of("переменная окружения", var.name, var.description)
        for var in doc.env_vars
        if var.required and var.name not in known
    ]
    return items


def raised_by(doc: Integration) -> dict[str, list[str]]:
    """Error class name → the names of the handlers that list it under `Raises:`."""
    found: dict[str, list[str]] = {}
    for handler in doc.handlers:
        for error in handler.errors:
            found.setdefault(error.class_name, []).append(handler_title(handler))
    return found


def secret_env_vars(doc: Integration) -> list[EnvVar]:
    """Secret environment variables that are not already credentials or secrets."""
    known = {item.key for item in doc.credentials} | {item.key for item in doc.secrets}
    return [var for var in doc.env_vars if var.secret and var.name not in known]


def build_view(doc: Integration, base_url: str | None) -> DocView:
    """The derived values of the whole document."""
    return DocView(
        title=fold(doc.name) or fold(doc.slug) or "Интеграция",
        several=len(doc.handlers) > 1,
        capabilities=[item for item in doc.capabilities if fold(item)],
        handlers=handler_views(doc, base_url),
        requirements=requirements(doc),
        secret_env_vars=secret_env_vars(doc),
        raised_by=raised_by(doc),
    )
