"""FastAPI endpoint signatures: parameters by location, dependencies, security and body fields.

Parameters are classified as FastAPI classifies them: `Depends` / `Security` are dependencies
(functions, classes, instances with `__call__`, FastAPI's own `OAuth2PasswordRequestForm`,
security-scheme instances), whose own parameters count, recursively; dependency aliases
(`SessionDep = Annotated[Session, Depends(get_db)]`, in any module) are expanded first.
`Request`, `Response`, `BackgroundTasks`… are injected; a name in the path is a path
parameter; `Query` / `Path` / `Header` / `Cookie` / `Body` / `Form` / `File` say where a
parameter is read, `UploadFile` is a file; otherwise a scalar is a query parameter and
anything else (a model, a list, a dict) is the body.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from typing import Any, Literal, cast

from ...gather.expressions import Call, EllipsisV, Ref, Value
from ...gather.facts import Assign, ClassDef, Function, Param
from ...ir import TModel, TPrim, Type
from ..constants import to_json
from ..fields import CONSTRAINTS
from ..handlers import without_none
from ..records import FORM_MEDIA, JSON_MEDIA, MULTIPART_MEDIA, ParamSource, RouteParam, SecurityUse
from .known import known_initialisers
from .reading import Reading, is_scalar, mentions_file, split_annotated, swap_files
from .security import read_scheme, scheme_class

MARKERS = {"Query": "query", "Path": "path", "Header": "header", "Cookie": "cookie", "Body": "body",
           "Form": "form", "File": "file", "Depends": "depends", "Security": "depends"}
INJECTED = frozenset({"Request", "Response", "WebSocket", "HTTPConnection", "BackgroundTasks", "SecurityScopes"})
SOURCES: tuple[ParamSource, ...] = ("path", "query", "header", "cookie")
PATH_PARAM = re.compile(r"{([^{}:]+)(?::[^{}]*)?}")
MAX_ALIAS = 8
BodyKind = Literal["json", "form", "file"]


@dataclass
class BodyField:
    """One body parameter: the body itself, or one key of an embedded (or form) body."""

    name: str
    wire: str
    type: Type
    required: bool
    default: Any = None
    description: str | None = None
    examples: list[Any] = field(default_factory=list)
    embed: bool = False
    constraints: dict[str, Any] = field(default_factory=dict)
    kind: BodyKind = "json"
    media_type: str | None = None
    """`Body(media_type=…)` as written."""
    json_schema_extra: dict[str, Any] = field(default_factory=dict)
    """`Form(json_schema_extra={"format": "password"})` as written."""


@dataclass
class Signature:
    """Parameters, body fields and security of an endpoint and of its dependencies, in FastAPI's order."""

    path_names: frozenset[str]
    params: list[RouteParam] = field(default_factory=list)
    bodies: list[BodyField] = field(default_factory=list)
    security: list[SecurityUse] = field(default_factory=list)
    seen: set[str] = field(default_factory=set)

    def parameters(self) -> list[RouteParam]:
        """Grouped path, query, header, cookie; one per (location, name), required if any is."""
        unique: dict[tuple[str, str], RouteParam] = {}
        for param in sorted(self.params, key=lambda p: SOURCES.index(p.in_)):
            first = unique.setdefault((param.in_, param.name), param)
            if param.required and not first.required:
                unique[param.in_, param.name] = replace(first, required=True)
        return list(unique.values())

    def body_fields(self) -> list[BodyField]:
        """Body parameters, one per name (FastAPI counts them by name)."""
        unique: dict[str, BodyField] = {}
        for body in self.bodies:
            unique.setdefault(body.name, body)
        return list(unique.values())

    def embedded(self) -> bool:
        """FastAPI's rule: several fields, `embed=True`, or one form field that is not a model."""
        bodies = self.body_fields()
        if len(bodies) != 1:
            return len(bodies) > 1
        first = bodies[0]
        return first.embed or (first.kind != "json" and not isinstance(without_none(first.type), TModel))

    def body_name(self) -> str | None:
        """The wire name of the one body parameter when it is the body itself (FastAPI titles its schema)."""
        bodies = self.body_fields()
        return bodies[0].wire if bodies and not self.embedded() else None

    def body_nullable(self) -> bool:
        """The one body parameter is the body itself and may be `None` (`item: Item | None = None`)."""
        bodies = self.body_fields()
        return bool(bodies) and not self.embedded() and without_none(bodies[0].type) != bodies[0].type

    def media_type(self) -> str | None:
        """`multipart/form-data` with a file, `x-www-form-urlencoded` with a form field, else JSON."""
        kinds = {b.kind for b in self.body_fields()}
        if not kinds:
            return None
        if "file" in kinds:
            return MULTIPART_MEDIA
        if "form" in kinds:
            return FORM_MEDIA
        written = {b.media_type for b in self.body_fields()}
        return written.pop() if len(written) == 1 and None not in written else JSON_MEDIA

    def body_required(self) -> bool:
        """`requestBody.required`: the one body field's, or any field's of an embedded body."""
        return any(b.required for b in self.body_fields())

    def use(self, found: SecurityUse) -> None:
        """Add a security requirement once."""
        if found not in self.security:
            self.security.append(found)


def _last(value: Value | None) -> str:
    return value.last if isinstance(value, Ref) else ""


def marker_of(value: Value | None) -> Call | None:
    """`Query(…)`, `Depends(…)`… when `value` is one of FastAPI's parameter functions."""
    return value if isinstance(value, Call) and _last(value.func) in MARKERS else None


@dataclass(frozen=True)
class Dependency:
    """What `Depends(target)` / `Security(target, scopes=[…])` names."""

    target: Value
    scopes: tuple[str, ...] = ()


class SignatureReader:
    """Reads the signature of an endpoint: its parameters, those of its dependencies, its body."""

    def __init__(self, reading: Reading) -> None:
        self.reading = reading

    def read(self, function: Function, path: str | None, dependencies: tuple[Value, ...]) -> Signature:
        """The parameters and body fields of an endpoint with its route-level dependencies."""
        signature = Signature(frozenset(PATH_PARAM.findall(path or "")))
        found = (self._listed(d) for d in dependencies)
        self._function(function, signature, tuple(d for d in found if d is not None), ())
        return signature

    def _listed(self, value: Value) -> Dependency | None:
        """What a `dependencies=[Depends(f)]` item calls."""
        marker = marker_of(value)
        if marker is None or MARKERS[_last(marker.func)] != "depends":
            return None
        return self._dependency_of(marker, None)

    def _dependency_of(self, marker: Call, annotation: Value | None) -> Dependency | None:
        target = marker.arg(0, "dependency") if marker.has(0, "dependency") else annotation
        if target is None:
            return None
        scopes = self.reading.resolver.evaluate(marker.kwarg("scopes")) if _last(marker.func) == "Security" else []
        return Dependency(target, tuple(s for s in scopes if isinstance(s, str)) if isinstance(scopes, list) else ())

    def _function(self, function: Function, signature: Signature, extra: tuple[Dependency, ...],
                  scopes: tuple[str, ...], skip: int = 0) -> None:
        dependencies = list(extra)
        for param in function.params[skip:]:
            found = self._param(function, param, signature)
            if found is not None:
                dependencies.append(found)
        for dependency in dependencies:
            self._dependency(dependency, function, signature, (*scopes, *dependency.scopes))

    def _param(self, function: Function, param: Param, signature: Signature) -> Dependency | None:
        """Add one parameter to the signature; return the dependency it names, if it is one."""
        annotation, metadata = split_annotated(self.reading.expand_alias(param.annotation))
        markers = [m for m in map(marker_of, metadata) if m is not None]
        marker = markers[-1] if markers else marker_of(param.default)
        kind = MARKERS[_last(marker.func)] if marker is not None else None
        if kind == "depends":
            assert marker is not None
            return self._dependency_of(marker, annotation)
        if kind is None and _last(annotation) in INJECTED:
            return None
        if marker is not None and self.reading.resolver.evaluate(marker.kwarg("include_in_schema")) is False:
            return None
        if kind in (None, "form") and mentions_file(annotation):
            kind = "file"
        where = function.location
        type_ = self.reading.types.resolve(swap_files(annotation), where) if annotation is not None else TPrim("any")
        if kind in (None, "path") and param.name in signature.path_names:
            kind = "path"
        elif kind is None:
            kind = "query" if is_scalar(type_) else "body"
        found = self._read(function, param, marker, kind, type_)
        if isinstance(found, BodyField):
            signature.bodies.append(found)
        else:
            signature.params.append(found)
        return None

    def _read(self, function: Function, param: Param, marker: Call | None, kind: str,
              type_: Type) -> RouteParam | BodyField:
        """The parameter or body field `param` is, once its kind and type are known."""
        raw, has_default = self._default(param, marker)
        what = f"`{param.name}` of `{function.name}`"
        default = self.reading.json_default(raw, what, function.location) if has_default else None

        def kw(name: str) -> Value | None:
            return marker.kwarg(name) if marker is not None else None

        alias = self.reading.text(kw("alias"), f"alias of {what}", function.location)
        description = self.reading.text(kw("description"), f"description of {what}", function.location)
        default = self.reading.resolver.secrets.named(default, param.name, alias)
        required = kind == "path" or not has_default
        if kind in ("body", "form", "file"):
            body = BodyField(param.name, alias or param.name, type_, required, default, description,
                             kind="json" if kind == "body" else cast(BodyKind, kind))
            return self._body_details(body, kw)
        converts = self.reading.resolver.evaluate(kw("convert_underscores")) is not False
        model = without_none(type_)
        expand = kind != "path" and isinstance(model, TModel)
        if kind == "header" and alias is None and converts and not expand:
            alias = param.name.replace("_", "-")
        source = cast(ParamSource, kind)  # bodies returned above; "depends" never gets here
        title = self.reading.text(kw("title"), f"title of {what}", function.location)
        return RouteParam(alias or param.name, param.name, source, model if expand else type_, required, default,
                          description, self.reading.flag(kw("deprecated")), expand,
                          convert_underscores=kind == "header" and expand and converts,
                          constraints=self._constraints(kw), title=title)

    def _body_details(self, body: BodyField, kw: Callable[[str], Value | None]) -> BodyField:
        """A body field's examples, `embed=`, constraints, `media_type=` and `json_schema_extra=` as its
    marker writes them."""
        alias = body.wire if body.wire != body.name else None
        examples = self.reading.resolver.secrets.named(self.reading.resolver.evaluate(kw("examples")),
                                                       body.name, alias)
        body.examples = examples if isinstance(examples, list) else []
        body.embed = self.reading.flag(kw("embed"))
        body.constraints = self._constraints(kw)
        media = self.reading.resolver.evaluate(kw("media_type")) if body.kind == "json" else None
        body.media_type = media if isinstance(media, str) else None
        extra = to_json(self.reading.resolver.evaluate(kw("json_schema_extra")))
        body.json_schema_extra = extra if isinstance(extra, dict) else {}
        return body

    def _constraints(self, kw: Callable[[str], Value | None]) -> dict[str, Any]:
        """`ge=1`, `max_length=50`… as the marker writes them, by pydantic's keyword."""
        return {key: to_json(self.reading.resolver.evaluate(kw(key))) for key in CONSTRAINTS if kw(key) is not None}

    def _default(self, param: Param, marker: Call | None) -> tuple[Value | None, bool]:
        """The written default: in the marker (`Query(10)`) or after `=` (`Annotated[…] = 10`)."""
        if marker is not None and marker is param.default:
            if marker.has(0, "default"):
                raw = marker.arg(0, "default")
                return raw, not isinstance(raw, EllipsisV)
            return None, marker.kwarg("default_factory") is not None
        if param.has_default:
            return param.default, not isinstance(param.default, EllipsisV)
        return None, False

    # ------------------------------------------------------------------ dependencies

    def _dependency(self, dependency: Dependency, function: Function, signature: Signature,
                    scopes: tuple[str, ...]) -> None:
        target = dependency.target
        if isinstance(target, Call):  # `Depends(HTTPBearer())`: a scheme created in place
            cls = scheme_class(target, self.reading)
            if cls is not None:
                signature.use(SecurityUse(read_scheme(target, cls, self.reading, function.location), scopes))
            return
        if not isinstance(target, Ref):
            return
        symbol = self.reading.symbols.lookup(target.name)
        if symbol is None:
            self._external(target, function, signature, scopes)
            return
        key = f"{symbol.key}{'.' + '.'.join(symbol.rest) if symbol.rest else ''}|{','.join(scopes)}"
        if symbol.rest or key in signature.seen:
            return
        signature.seen.add(key)
        definition = symbol.definition
        if isinstance(definition, Function):
            self._function(definition, signature, (), scopes)
        elif isinstance(definition, ClassDef):
            self._method(definition, "__init__", signature, scopes)
        elif isinstance(definition, Assign) and isinstance(definition.value, Call):
            self._instance(definition, function, signature, scopes)

    def _external(self, target: Ref, function: Function, signature: Signature, scopes: tuple[str, ...]) -> None:
        known = known_initialisers().get(target.last)
        if known is not None:
            self._function(known, signature, (), scopes, skip=1)
            return
        self.reading.warn(function.location, f"dependency `{target.name}` is not part of the "
                          "integration; its parameters are not documented")

    def _method(self, cls: ClassDef, name: str, signature: Signature, scopes: tuple[str, ...]) -> None:
        method = next((m for m in cls.methods if m.name == name), None)
        if method is not None:
            self._function(method, signature, (), scopes, skip=1)

    def _instance(self, assign: Assign, function: Function, signature: Signature, scopes: tuple[str, ...]) -> None:
        """`Depends(oauth2_scheme)`: a security scheme; `Depends(limiter)`: the class's `__call__`."""
        call = assign.value
        assert isinstance(call, Call)
        cls = scheme_class(call, self.reading)
        if cls is not None:
            signature.use(SecurityUse(read_scheme(call, cls, self.reading, assign.location), scopes))
            return
        info = self.reading.hierarchy.resolve_class(call.func) if isinstance(call.func, Ref) else None
        if info is None:
            self.reading.warn(function.location, f"dependency `{assign.name}` is not an instance of a class "
                              "of the integration; its parameters are not documented")
            return
        for item in self.reading.hierarchy.mro(info):
            if any(m.name == "__call__" for m in item.cls.methods):
                self._method(item.cls, "__call__", signature, scopes)
                return
