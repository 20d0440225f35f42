"""FastAPI routes: `@app.get(…)`, `@router.post(…)`, `@app.api_route(…)`; parameters, body, response.

Parameters are classified as FastAPI does: `Depends` / `Security` are dependencies (their own
parameters count, recursively); `Request`, `Response`, `BackgroundTasks`… are injected;
a name in the path is a path parameter; `Query` / `Path` / `Header` / `Cookie` / `Body`
say where a parameter is read; otherwise a scalar is a query parameter and anything else
(a model, a list, a dict) is the body. One body parameter is the body itself; several, or
`Body(embed=True)`, make an object keyed by parameter names: a synthetic `Body_<function>`
model added to the registry.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from typing import Any, cast

from ...gather.expressions import Call, EllipsisV, Ref, Value
from ...gather.facts import ClassDef, Function, ModuleFacts, Param
from ...ir import FieldSpec, ModelSpec, TModel, TPrim, Type
from ..constants import to_json
from ..fields import CONSTRAINTS
from ..handlers import first_paragraph, kebab, without_none
from ..records import HttpRoute, ParamSource, Route, RouteParam
from .apps import Mount, listed
from .reading import Reading, is_scalar, per_method, split_annotated

METHODS = frozenset({"get", "post", "put", "patch", "delete", "options", "head", "trace"})
ROUTE_ATTRS = METHODS | {"api_route"}
MARKERS = {"Query": "query", "Path": "path", "Header": "header", "Cookie": "cookie", "Body": "body",
           "Form": "form", "File": "form", "Depends": "depends", "Security": "depends"}
INJECTED = frozenset({"Request", "Response", "WebSocket", "HTTPConnection", "BackgroundTasks", "SecurityScopes"})
FILES = frozenset({"UploadFile"})
SOURCES: tuple[ParamSource, ...] = ("path", "query", "header", "cookie")
_PATH_PARAM = re.compile(r"{([^{}:]+)(?::[^{}]*)?}")


@dataclass
class BodyField:
    """One body parameter: the body itself, or one key of an embedded body."""

    name: str
    wire: str
    type: Type
    required: bool
    default: Any = None
    description: str | None = None
    examples: list[Any] = field(default_factory=list)
    embed: bool = False
    constraints: dict[str, Any] = field(default_factory=dict)


@dataclass
class Signature:
    """Parameters and body fields of an endpoint and of its dependencies, in FastAPI's order."""

    path_names: frozenset[str]
    params: list[RouteParam] = field(default_factory=list)
    bodies: list[BodyField] = field(default_factory=list)
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


def path_format(path: str) -> str:
    """`/files/{name:path}` → `/files/{name}`, as the OpenAPI document shows it."""
    return _PATH_PARAM.sub(lambda m: "{" + m.group(1) + "}", path)


def _last(value: Value | None) -> str:
    return value.last if isinstance(value, Ref) else ""


def _marker(value: Value | None) -> Call | None:
    return value if isinstance(value, Call) and _last(value.func) in MARKERS else None


def _dependency_target(value: Value) -> Value | None:
    """What `Depends(target)` / `Security(target)` in a `dependencies=[…]` list calls."""
    marker = _marker(value)
    if marker is None or MARKERS[_last(marker.func)] != "depends":
        return None
    return marker.arg(0, "dependency")


class FastAPIReader:
    """Reads the routes one decorator (or `add_api_route`) declares."""

    def __init__(self, reading: Reading) -> None:
        self.reading = reading

    def routes(
        self, module: ModuleFacts, function: Function, call: Call, attr: str, mounts: list[Mount]
    ) -> list[Route]:
        """One route per mount and HTTP method (`api_route` may list several)."""
        if self.reading.resolver.evaluate(call.kwarg("include_in_schema")) is False:
            return []
        where = function.location
        path = self.reading.text(call.arg(0, "path"), f"path of `{function.name}`", where)
        methods = [attr.upper()] if attr != "api_route" else self._methods(call, function)
        name = self._name(call, function)
        status = self.reading.status_code(call.kwarg("status_code"), where) or 200
        visible = [m for m in mounts if not m.hidden]
        if not visible:
            return []
        summary, description = self._texts(call, function)
        tags = self.reading.strings(call.kwarg("tags"), "tags", where)
        route = Route("handler", name, function.name, where, description=description,
                      http=HttpRoute("fastapi", path, status, summary, tags=tags), docstring=function.docstring)
        return [
            each for mount in visible
            for each in per_method(self._mounted(route, module, function, call, mount), methods)
        ]

    def _mounted(self, route: Route, module: ModuleFacts, function: Function, call: Call, mount: Mount) -> Route:
        """The route where one mount puts it: prefix, tags, deprecation and dependencies added."""
        http = route.http
        assert http is not None
        full = mount.prefix + http.path if http.path is not None else None
        signature = self.signature(function, full, (*mount.dependencies, *listed(call.kwarg("dependencies"))))
        mounted = replace(
            http, path=path_format(full) if full is not None else None, tags=[*mount.tags, *http.tags],
            deprecated=mount.deprecated or self.reading.flag(call.kwarg("deprecated")),
            parameters=signature.parameters(),
        )
        return replace(route, request=self._request(module, function, signature),
                       response=self._response(call, function, http.status_code or 200), http=mounted)

    def _methods(self, call: Call, function: Function) -> list[str]:
        methods = self.reading.strings(call.kwarg("methods"), f"methods of `{function.name}`", function.location)
        return [m.upper() for m in methods] or ["GET"]

    def _name(self, call: Call, function: Function) -> str:
        for key in ("name", "operation_id"):
            text = self.reading.text(call.kwarg(key), f"`{key}` of `{function.name}`", function.location)
            if text:
                return text
        return kebab(function.name)

    def _texts(self, call: Call, function: Function) -> tuple[str | None, str]:
        """The route's summary, and its description (the summary when there is nothing else)."""
        where = function.location
        summary = self.reading.text(call.kwarg("summary"), f"summary of `{function.name}`", where)
        description = self.reading.text(call.kwarg("description"), f"description of `{function.name}`", where)
        return summary, description or first_paragraph(function.docstring) or summary or ""

    # ------------------------------------------------------------------ parameters

    def signature(self, function: Function, path: str | None, dependencies: tuple[Value, ...]) -> Signature:
        """The parameters and body fields of an endpoint with its route-level dependencies."""
        signature = Signature(frozenset(_PATH_PARAM.findall(path or "")))
        targets = (_dependency_target(d) for d in dependencies)
        self._function(function, signature, tuple(t for t in targets if t is not None))
        return signature

    def _function(self, function: Function, signature: Signature, extra: tuple[Value, ...] = (),
                  skip: int = 0) -> None:
        dependencies = list(extra)
        for param in function.params[skip:]:
            target = self._param(function, param, signature)
            if target is not None:
                dependencies.append(target)
        for target in dependencies:
            self._dependency(target, function, signature)

    def _param(self, function: Function, param: Param, signature: Signature) -> Value | None:
        """Add one parameter to the signature; return the dependency it names, if it is one."""
        annotation, metadata = split_annotated(param.annotation)
        markers = [m for m in map(_marker, metadata) if m is not None]
        marker = markers[-1] if markers else _marker(param.default)
        kind = MARKERS[_last(marker.func)] if marker is not None else None
        if kind == "depends":
            assert marker is not None
            return marker.arg(0, "dependency") if marker.has(0, "dependency") else annotation
        if kind is None and _last(annotation) in INJECTED:
            return None
        if kind == "form" or _last(annotation) in FILES:
            self.reading.warn(function.location, f"form or file parameter `{param.name}` of "
                              f"`{function.name}` is not documented")
            return None
        if marker is not None and self.reading.resolver.evaluate(marker.kwarg("include_in_schema")) is False:
            return None
        type_ = self.reading.types.resolve(annotation, function.location) if annotation is not None else TPrim("any")
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
        if kind == "body":
            examples = self.reading.resolver.secrets.named(self.reading.resolver.evaluate(kw("examples")),
                                                           param.name, alias)
            constraints = {key: to_json(self.reading.resolver.evaluate(kw(key)))
                           for key in CONSTRAINTS if kw(key) is not None}
            return BodyField(param.name, alias or param.name, type_, required, default, description,
                             examples if isinstance(examples, list) else [], self.reading.flag(kw("embed")),
                             constraints)
        converts = self.reading.resolver.evaluate(kw("convert_underscores")) is not False
        if kind == "header" and alias is None and converts:
            alias = param.name.replace("_", "-")
        model = without_none(type_)
        expand = kind != "path" and isinstance(model, TModel)
        source = cast(ParamSource, kind)  # "body" returned above; "form" and "depends" never get here
        return RouteParam(alias or param.name, param.name, source, model if expand else type_, required, default,
                          description, self.reading.flag(kw("deprecated")), expand)

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

    def _dependency(self, target: Value, function: Function, signature: Signature) -> None:
        if not isinstance(target, Ref):
            return
        symbol = self.reading.symbols.lookup(target.name)
        if symbol is None:
            self.reading.warn(function.location, f"dependency `{target.name}` is not part of the "
                              "integration; its parameters are not documented")
            return
        if symbol.rest or symbol.key in signature.seen:
            return
        signature.seen.add(symbol.key)
        definition = symbol.definition
        if isinstance(definition, Function):
            self._function(definition, signature)
        elif isinstance(definition, ClassDef):
            init = next((m for m in definition.methods if m.name == "__init__"), None)
            if init is not None:
                self._function(init, signature, skip=1)

    # ------------------------------------------------------------------ models

    def _request(self, module: ModuleFacts, function: Function, signature: Signature) -> Type | None:
        bodies = signature.body_fields()
        if not bodies:
            return None
        if len(bodies) == 1 and not bodies[0].embed:
            return without_none(bodies[0].type)
        name = f"Body_{function.name}"
        key = f"{module.module}.{name}"
        fields = [FieldSpec(b.name, b.type, function.location, has_default=not b.required, default=b.default,
                            alias=b.wire if b.wire != b.name else None, description=b.description,
                            examples=b.examples, constraints=b.constraints) for b in bodies]
        self.reading.registry.models[key] = ModelSpec(key, name, function.location, fields=fields)
        return TModel(key)

    def _response(self, call: Call, function: Function, status: int) -> Type | None:
        if status < 200 or status in {204, 304}:
            return None
        if any(key == "response_model" for key, _ in call.kwargs):
            raw = call.kwarg("response_model")
            return None if raw is None else without_none(self.reading.types.resolve(raw, function.location))
        returns = function.returns
        if returns is None or self._response_class(returns):
            return None
        resolved = without_none(self.reading.types.resolve(returns, function.location))
        return None if resolved == TPrim("none") else resolved

    def _response_class(self, returns: Value) -> bool:
        """`-> JSONResponse` and other framework responses: no response model."""
        return (isinstance(returns, Ref) and returns.last.endswith("Response")
                and self.reading.hierarchy.resolve_class(returns) is None)
