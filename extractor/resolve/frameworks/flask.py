"""Flask routes: `@app.route(…, methods=[…])`, `@bp.get(…)`; `<int:id>` path parameters and models.

Flask has no typed signature of its own, so request and response models are read where the
code annotates them: a pydantic-annotated parameter is the body (`query` / `headers` /
`cookies` spread a model's fields as parameters, as flask-pydantic and flask-openapi3 read
them), the return annotation is the response; `@validate(body=…, query=…)` of
flask-pydantic names them explicitly.
"""

from __future__ import annotations

import re

from ...gather.expressions import Call, Ref, Value
from ...gather.facts import Function, Param
from ...ir import TLiteral, TModel, TPrim, TTuple, Type
from ..classes import ClassInfo
from ..handlers import first_paragraph, kebab, without_none
from ..records import HttpRoute, ParamSource, Route, RouteParam
from .apps import Mount, flask_join
from .reading import Reading, mentions_model, per_method

METHODS = frozenset({"get", "post", "put", "patch", "delete"})
ROUTE_ATTRS = METHODS | {"route"}
VALIDATE = "validate"
VIEW_BASES = frozenset({"MethodView", "View"})
VIEW_METHODS = ("get", "post", "put", "patch", "delete", "trace")
"""A `MethodView`'s method functions, in Flask's order of `http_method_funcs` (HEAD and OPTIONS,
which Flask adds itself, left out as for function views)."""
MODEL_PARAMS: dict[str, ParamSource] = {
    "query": "query", "headers": "header", "header": "header", "cookies": "cookie", "cookie": "cookie",
}
FORM_PARAMS = frozenset({"form", "files"})
CONVERTERS: dict[str, Type] = {"int": TPrim("int"), "float": TPrim("float"), "uuid": TPrim("uuid")}
_RULE_PARAM = re.compile(r"<(?:(?P<converter>\w+)(?:\((?P<args>[^)]*)\))?:)?(?P<name>\w+)>")


def rule_params(rule: str) -> tuple[str, list[RouteParam]]:
    """`/tickets/<int:id>` → (`/tickets/{id}`, the path parameters with their converter types)."""
    params = []
    for match in _RULE_PARAM.finditer(rule):
        converter, args = match.group("converter") or "string", match.group("args") or ""
        type_ = CONVERTERS.get(converter, TPrim("str"))
        if converter == "any":
            type_ = TLiteral(tuple(a.strip().strip("'\"") for a in args.split(",") if a.strip()))
        params.append(RouteParam(match.group("name"), match.group("name"), "path", type_, True))
    return _RULE_PARAM.sub(lambda m: "{" + m.group("name") + "}", rule), params


def _validate(function: Function) -> Call | None:
    for decorator in function.decorators:
        func = decorator.func if isinstance(decorator, Call) else decorator
        if isinstance(func, Ref) and func.last == VALIDATE:
            return decorator if isinstance(decorator, Call) else Call(func, (), (), function.location)
    return None


class FlaskReader:
    """Reads the routes one Flask decorator (or `add_url_rule`) declares."""

    def __init__(self, reading: Reading) -> None:
        self.reading = reading

    def routes(
        self, function: Function, call: Call, attr: str, mounts: list[Mount]
    ) -> list[Route]:
        """One route per mount and HTTP method."""
        where = function.location
        rule = self.reading.text(call.arg(0, "rule"), f"rule of `{function.name}`", where)
        methods = [attr.upper()] if attr != "route" else self._methods(call, function)
        name = self.reading.text(call.kwarg("endpoint"), f"endpoint of `{function.name}`", where)
        name = name or kebab(function.name)
        validate = _validate(function)
        status = self.reading.status_code(validate.kwarg("on_success_status"), where) if validate else None
        found: list[Route] = []
        for mount in mounts:
            path, path_params = rule_params(flask_join(mount.prefix, rule)) if rule is not None else (None, [])
            request, model_params = self._models(function, validate, {p.name for p in path_params})
            http = HttpRoute("flask", path, status, parameters=[*path_params, *model_params])
            route = Route("handler", name, function.name, where, description=first_paragraph(function.docstring),
                          request=request, response=self._response(function), http=http,
                          docstring=function.docstring)
            found.extend(per_method(route, methods))
        return found

    def view_methods(self, info: ClassInfo, call: Call) -> list[str]:
        """The methods of a class-based view: `methods=` of `add_url_rule`, else the class's
        `methods` attribute, else the method functions a `MethodView` defines (`View`: GET)."""
        written = call.kwarg("methods")
        if written is None:
            written = next((a.value for item in self.reading.hierarchy.mro(info)
                            if (a := item.cls.attr("methods")) is not None), None)
        if written is not None:
            listed = self.reading.strings(written, f"methods of `{info.cls.name}`", info.cls.location)
            return [m.upper() for m in listed if m.upper() not in {"HEAD", "OPTIONS"}]
        if not self.reading.hierarchy.derives_from(info, ("MethodView",)):
            return ["GET"]
        defined = {m.name for item in self.reading.hierarchy.mro(info) for m in item.cls.methods}
        return [name.upper() for name in VIEW_METHODS if name in defined]

    def view_function(self, info: ClassInfo, method: str) -> Function | None:
        """The function serving `method`: the `MethodView`'s method of that name, else `dispatch_request`."""
        for name in (method.lower(), "dispatch_request"):
            for item in self.reading.hierarchy.mro(info):
                found = next((m for m in item.cls.methods if m.name == name), None)
                if found is not None:
                    return found
        return None

    def _methods(self, call: Call, function: Function) -> list[str]:
        methods = self.reading.strings(call.kwarg("methods"), f"methods of `{function.name}`", function.location)
        return [m.upper() for m in methods] or ["GET"]

    def _models(
        self, function: Function, validate: Call | None, path: set[str]
    ) -> tuple[Type | None, list[RouteParam]]:
        """The body model and the parameter models of a view function."""
        request: Type | None = None
        params: list[RouteParam] = []
        named = {key: value for key, value in (validate.kwargs if validate else ()) if key in {"body", "query"}}
        if "body" in named:
            request = without_none(self.reading.types.resolve(named["body"], function.location))
        if "query" in named:
            params.append(self._model_param("query", "query", named["query"], function))
        for param in function.params:
            if param.name in path or param.annotation is None or param.name in named:
                continue
            request = self._param(function, param, request, params)
        return request, params

    def _param(self, function: Function, param: Param, request: Type | None,
               params: list[RouteParam]) -> Type | None:
        probe = without_none(self.reading.types.probe(param.annotation, function.location))
        if not mentions_model(probe):
            return request
        if param.name in MODEL_PARAMS and isinstance(probe, TModel):
            params.append(RouteParam(param.name, param.name, MODEL_PARAMS[param.name], probe, True, expand=True))
        elif param.name in FORM_PARAMS:
            self.reading.warn(function.location, f"form parameter `{param.name}` of "
                              f"`{function.name}` is not documented")
        elif request is None:
            return without_none(self.reading.types.resolve(param.annotation, function.location))
        else:
            self.reading.warn(function.location, f"`{function.name}` has more than one body model; "
                              f"`{param.name}` is not documented")
        return request

    def _model_param(self, name: str, source: ParamSource, raw: Value, function: Function) -> RouteParam:
        type_ = without_none(self.reading.types.resolve(raw, function.location))
        return RouteParam(name, name, source, type_, True, expand=isinstance(type_, TModel))

    def _response(self, function: Function) -> Type | None:
        """The return annotation when it names a model (`-> Ticket`, `-> tuple[Ticket, int]`)."""
        if function.returns is None:
            return None
        if not mentions_model(_body_of(self.reading.types.probe(function.returns, function.location))):
            return None
        return _body_of(self.reading.types.resolve(function.returns, function.location))


def _body_of(returned: Type) -> Type:
    """The body of a view's return type: `(body, status)` tuples give their first item."""
    returned = without_none(returned)
    return returned.items[0] if isinstance(returned, TTuple) and returned.items else returned
