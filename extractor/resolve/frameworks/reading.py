"""What the web-framework readers share: the reading context (tables, registry, diagnostics), small helpers."""

from __future__ import annotations

import http
import re
from dataclasses import dataclass, field, replace
from typing import Any

from ...diagnostics import Diagnostic, Unknown
from ...gather.expressions import BinOp, Ref, Subscript, Value
from ...gather.facts import Assign
from ...ir import Registry, TDict, TList, TModel, TTuple, TUnion, Type, walk
from ..classes import Hierarchy
from ..constants import Resolver, to_json
from ..fields import is_annotated
from ..records import Route
from ..symbols import SymbolTable
from ..types import TypeResolver

MAX_ALIAS = 8
FILES = frozenset({"UploadFile"})
_HTTP_CONSTANT = re.compile(r"^HTTP_(\d{3})(?:_|$)")


@dataclass
class Reading:
    """What the readers share: the resolve stage's tables, the registry and the warnings."""

    symbols: SymbolTable
    hierarchy: Hierarchy
    types: TypeResolver
    resolver: Resolver
    registry: Registry
    warnings: list[Diagnostic] = field(default_factory=list)

    def warn(self, location: str, message: str) -> None:
        """Report what could not be read, once."""
        diagnostic = Diagnostic(location, message)
        if diagnostic not in self.warnings:
            self.warnings.append(diagnostic)

    def text(self, raw: Value | None, what: str, location: str) -> str | None:
        """A static string argument; anything else is warned about and dropped."""
        if raw is None:
            return None
        value = self.resolver.evaluate(raw)
        if isinstance(value, str):
            return value
        self.warn(location, f"{what} is not statically known")
        return None

    def strings(self, raw: Value | None, what: str, location: str) -> list[str]:
        """A static list of strings (tags, methods; Enum members give their values)."""
        if raw is None:
            return []
        value = self.resolver.evaluate(raw)
        if isinstance(value, list) and all(isinstance(item, str) for item in value):
            return list(value)
        self.warn(location, f"{what} is not a static list of strings")
        return []

    def flag(self, raw: Value | None) -> bool:
        """True only for a static `True`."""
        return raw is not None and self.resolver.evaluate(raw) is True

    def json_default(self, raw: Value | None, what: str, location: str) -> Any:
        """A parameter default as JSON; a default that isn't static is warned about and shown as none."""
        value = to_json(self.resolver.evaluate(raw))
        if isinstance(value, Unknown):
            self.warn(location, f"default of {what} is not statically known")
            return None
        return value

    def expand_alias(self, annotation: Value | None, depth: int = 0) -> Value | None:
        """`SessionDep` → `Annotated[Session, Depends(get_db)]` when the name is a module-level alias
        of an `Annotated` form (in any module of the integration; aliases of aliases followed)."""
        if not isinstance(annotation, Ref) or depth > MAX_ALIAS:
            return annotation
        symbol = self.symbols.lookup(annotation.name)
        if symbol is None or symbol.rest or not isinstance(symbol.definition, Assign):
            return annotation
        value = symbol.definition.value
        if is_annotated(value):
            return value
        return self.expand_alias(value, depth + 1) if isinstance(value, Ref) else annotation

    def status_code(self, raw: Value | None, location: str) -> int | None:
        """`201`, `status.HTTP_201_CREATED`, `HTTPStatus.CREATED`, or a constant holding one."""
        if raw is None:
            return None
        value = self.resolver.evaluate(raw)
        if isinstance(value, int) and not isinstance(value, bool):
            return value
        code = _named_status(raw.last) if isinstance(raw, Ref) else None
        if code is None:
            self.warn(location, "status code is not statically known")
        return code


def per_method(route: Route, methods: list[str]) -> list[Route]:
    """The route once per HTTP method; with several, each name ends in its method (`sync-get`)."""
    if len(methods) == 1:
        return [replace(route, method=methods[0])]
    return [replace(route, name=f"{route.name}-{method.lower()}", method=method) for method in methods]


def _named_status(name: str) -> int | None:
    match = _HTTP_CONSTANT.match(name)
    if match:
        return int(match.group(1))
    member = getattr(http.HTTPStatus, name, None)
    return int(member) if isinstance(member, http.HTTPStatus) else None


def split_annotated(annotation: Value | None) -> tuple[Value | None, tuple[Value, ...]]:
    """`Annotated[T, m1, m2]` → (T, (m1, m2)), nested `Annotated` flattened (aliases not followed)."""
    if not is_annotated(annotation):
        return annotation, ()
    assert isinstance(annotation, Subscript)
    inner, metadata = split_annotated(annotation.items[0])
    return inner, metadata + annotation.items[1:]


def is_scalar(type_: Type) -> bool:
    """True when FastAPI reads a parameter of this type from the query string by default."""
    if isinstance(type_, TUnion):
        return all(is_scalar(o) for o in type_.options)
    return not isinstance(type_, TList | TTuple | TDict | TModel)


def mentions_model(type_: Type) -> bool:
    """True when a model of the integration appears in the type (Flask response annotations)."""
    return any(isinstance(node, TModel) for node in walk(type_))


def swap_files(value: Value | None) -> Value | None:
    """The annotation with `UploadFile` read as `bytes` (FastAPI's schema: a binary string)."""
    if isinstance(value, Ref) and value.last in FILES:
        return Ref("builtins.bytes")
    if isinstance(value, Subscript):
        return replace(value, items=tuple(swap_files(i) for i in value.items))
    if isinstance(value, BinOp):
        return replace(value, left=swap_files(value.left), right=swap_files(value.right))
    return value


def mentions_file(value: Value | None) -> bool:
    """True when `UploadFile` appears in the annotation (`list[UploadFile]`, `UploadFile | None`)."""
    if isinstance(value, Ref):
        return value.last in FILES
    if isinstance(value, Subscript):
        return any(mentions_file(i) for i in value.items)
    if isinstance(value, BinOp):
        return mentions_file(value.left) or mentions_file(value.right)
    return False
