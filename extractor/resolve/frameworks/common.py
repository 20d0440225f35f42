"""Shared pieces of the web-framework readers: route facts, the reading context, small helpers."""

from __future__ import annotations

import http
import re
from dataclasses import dataclass, field
from typing import Any

from ...diagnostics import Unknown
from ...gather.expressions import Ref, Subscript, Value
from ...ir import Registry, TDict, TList, TModel, TPrim, TTuple, TUnion, Type
from ..classes import Hierarchy
from ..handlers import Route
from ..symbols import SymbolTable
from ..types import TypeResolver, canonical
from ..values import Resolver, to_json

_HTTP_CONSTANT = re.compile(r"^HTTP_(\d{3})(?:_|$)")


@dataclass
class RouteParam:
    """A path, query, header or cookie parameter; `expand` spreads a model's fields (query models)."""

    name: str
    python_name: str
    location: str  # "path" | "query" | "header" | "cookie"
    type: Type
    required: bool
    default: Any = None
    description: str | None = None
    deprecated: bool = False
    expand: bool = False


@dataclass
class FrameworkRoute(Route):
    """A handler that is a FastAPI or Flask route: its full path and HTTP-level facts."""

    framework: str = "fastapi"
    path: str | None = None
    status_code: int | None = None
    summary: str | None = None
    deprecated: bool = False
    tags: list[str] = field(default_factory=list)
    parameters: list[RouteParam] = field(default_factory=list)


@dataclass
class Reading:
    """What the readers share: the resolve stage's tables, the registry and the warnings."""

    symbols: SymbolTable
    hierarchy: Hierarchy
    types: TypeResolver
    resolver: Resolver
    registry: Registry
    warnings: list[tuple[str, str]] = field(default_factory=list)

    def text(self, raw: Value | None, what: str, location: str) -> str | None:
        """A static string argument; anything else is warned about and dropped."""
        if raw is None:
            return None
        value = self.resolver.evaluate(raw)
        if isinstance(value, str):
            return value
        self.warnings.append((location, f"{what} is not statically known"))
        return None

    def strings(self, raw: Value | None, what: str, location: str) -> list[str]:
        """A static list of strings (tags, methods; Enum members give their values)."""
        if raw is None:
            return []
        value = self.resolver.evaluate(raw)
        if isinstance(value, list) and all(isinstance(item, str) for item in value):
            return list(value)
        self.warnings.append((location, f"{what} is not a static list of strings"))
        return []

    def flag(self, raw: Value | None) -> bool:
        """True only for a static `True`."""
        return raw is not None and self.resolver.evaluate(raw) is True

    def json_default(self, raw: Value | None, what: str, location: str) -> Any:
        """A parameter default as JSON; a default that isn't static is warned about and shown as none."""
        value = to_json(self.resolver.evaluate(raw))
        if isinstance(value, Unknown):
            self.warnings.append((location, f"default of {what} is not statically known"))
            return None
        return value

    def status_code(self, raw: Value | None, location: str) -> int | None:
        """`201`, `status.HTTP_201_CREATED`, `HTTPStatus.CREATED`, or a constant holding one."""
        if raw is None:
            return None
        value = self.resolver.evaluate(raw)
        if isinstance(value, int) and not isinstance(value, bool):
            return value
        code = _named_status(raw.last) if isinstance(raw, Ref) else None
        if code is None:
            self.warnings.append((location, "status code is not statically known"))
        return code


def _named_status(name: str) -> int | None:
    match = _HTTP_CONSTANT.match(name)
    if match:
        return int(match.group(1))
    member = getattr(http.HTTPStatus, name, None)
    return int(member) if isinstance(member, http.HTTPStatus) else None


def split_annotated(annotation: Value | None) -> tuple[Value | None, tuple[Value, ...]]:
    """`Annotated[T, m1, m2]` → (T, (m1, m2)), nested `Annotated` flattened."""
    if not (isinstance(annotation, Subscript) and isinstance(annotation.value, Ref) and annotation.items):
        return annotation, ()
    if canonical(annotation.value.name) != "typing.Annotated":
        return annotation, ()
    inner, metadata = split_annotated(annotation.items[0])
    return inner, metadata + annotation.items[1:]


def without_none(type_: Type) -> Type:
    """`X | None` → `X` (a body or response that may be absent is documented as `X`)."""
    if isinstance(type_, TUnion):
        options = tuple(o for o in type_.options if o != TPrim("none"))
        if len(options) == 1:
            return options[0]
        return TUnion(options, type_.discriminator) if options else type_
    return type_


def is_scalar(type_: Type) -> bool:
    """True when FastAPI reads a parameter of this type from the query string by default."""
    if isinstance(type_, TUnion):
        return all(is_scalar(o) for o in type_.options)
    return not isinstance(type_, TList | TTuple | TDict | TModel)


def mentions_model(type_: Type) -> bool:
    """True when a model of the integration appears in the type (Flask response annotations)."""
    if isinstance(type_, TModel):
        return True
    if isinstance(type_, TList):
        return mentions_model(type_.item)
    if isinstance(type_, TUnion | TTuple):
        items = type_.options if isinstance(type_, TUnion) else type_.items
        return any(mentions_model(i) for i in items)
    return isinstance(type_, TDict) and mentions_model(type_.value)
