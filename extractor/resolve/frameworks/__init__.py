"""Web-framework integrations: FastAPI and Flask routes recognised as handlers, statically.

Apps, routers and blueprints are found by the class they are created from (`FastAPI(`,
`APIRouter(`, `Flask(`, `Blueprint(`, through import aliases); the framework is never
imported. Every decorated view (`@app.get(…)`, `@router.post(…)`, `@bp.route(…)`) and every
`add_api_route` / `add_url_rule` statement becomes a `Route` with its HTTP part, per mount and method.
"""

from __future__ import annotations

from dataclasses import replace

from ...gather.expressions import Call, ListV, Ref
from ...gather.facts import Function, ModuleFacts
from ...ir import Registry
from ..classes import Hierarchy
from ..constants import Resolver
from ..integration import IntegrationObject
from ..records import Route
from ..symbols import SymbolTable
from ..types import TypeResolver
from . import fastapi, flask
from .apps import AppFinder, AppObject, Mount
from .reading import Reading

ROUTE_ATTRS = {"fastapi": fastapi.ROUTE_ATTRS, "flask": flask.ROUTE_ATTRS}
REGISTRATIONS = {"add_api_route": ("api_route", 1, "endpoint"), "add_url_rule": ("route", 2, "view_func")}


class FrameworkFinder:
    """Finds the routes of FastAPI and Flask apps, and the app that declares the integration."""

    def __init__(
        self, symbols: SymbolTable, hierarchy: Hierarchy, types: TypeResolver, resolver: Resolver, registry: Registry
    ) -> None:
        self.reading = Reading(symbols, hierarchy, types, resolver, registry)
        self.apps = AppFinder(self.reading)
        self.fastapi = fastapi.FastAPIReader(self.reading)
        self.flask = flask.FlaskReader(self.reading)
        self.warnings = self.reading.warnings

    def declaration(self) -> IntegrationObject | None:
        """The first app, as the integration's declaration (name from `FastAPI(title=…)`)."""
        return self.apps.declaration()

    def routes(self) -> list[Route]:
        """Every route, in module and source order; names made unique."""
        if not self.apps.objects:
            return []
        found: list[Route] = []
        for module in self.reading.symbols.modules.values():
            for function in module.functions:
                for decorator in function.decorators:
                    if isinstance(decorator, Call):
                        found.extend(self._routes(module, function, decorator))
            for call in module.calls:
                found.extend(self._registered(call))
        return self._unique(found)

    def _routes(self, module: ModuleFacts, function: Function, call: Call) -> list[Route]:
        if not isinstance(call.func, Ref):
            return []
        webhooks = self._webhooks(call.func)
        if webhooks is not None:
            return self.fastapi.routes(module, function, call, call.func.last, [Mount()], webhook=True)
        obj = self.apps.owner(call.func)
        attr = call.func.last
        if obj is None or attr not in ROUTE_ATTRS[obj.framework]:
            return []
        mounts = self.apps.mounts(obj)
        if not all(m.included for m in mounts):
            self._not_included(obj)
        if obj.framework == "flask":
            return self.flask.routes(function, call, attr, mounts)
        return self.fastapi.routes(module, function, call, attr, mounts)

    def _class_view(self, call: Call, view: Call, attr: str) -> list[Route]:
        """`add_url_rule(rule, view_func=NoteList.as_view("notes"), methods=[…])`: a Flask `MethodView`
        gives one route per HTTP method it defines (its `get`, `post`… method), a `View` its
        `dispatch_request`; the methods are `methods=`, else the class's `methods`, else those defined."""
        assert isinstance(view.func, Ref) and isinstance(call.func, Ref)
        info = self.reading.hierarchy.resolve_class(Ref(view.func.name.rpartition(".")[0]))
        if info is None or attr != "route" or not self.reading.hierarchy.derives_from(info, flask.VIEW_BASES):
            self.reading.warn(call.location, "the view of `add_url_rule` is not a class-based view of the "
                              "integration; the route is not documented")
            return []
        endpoint = self.reading.text(view.arg(0, "name"), "name of `as_view`", call.location)
        methods = self.flask.view_methods(info, call)
        found = []
        for method in methods:
            function = self.flask.view_function(info, method)
            if function is None:
                continue
            kwargs = (("methods", ListV((method,))), *((("endpoint", endpoint),) if endpoint else ()))
            decorator = Call(Ref(call.func.name.rpartition(".")[0] + ".route"), call.args[:1], kwargs, call.location)
            routes = self._routes(info.module, function, decorator)
            found += [replace(r, name=f"{r.name}-{method.lower()}") if len(methods) > 1 else r for r in routes]
        return found

    def _webhooks(self, func: Ref) -> AppObject | None:
        """The FastAPI app of `@app.webhooks.post(name)`, else None."""
        owner, _, attr = func.name.rpartition(".")
        app = self.apps.lookup(Ref(owner.removesuffix(".webhooks"))) if owner.endswith(".webhooks") else None
        return app if app is not None and app.framework == "fastapi" and attr in fastapi.METHODS else None

    def _registered(self, call: Call) -> list[Route]:
        """`app.add_api_route(path, endpoint, …)` / `app.add_url_rule(rule, endpoint, view_func, …)`."""
        if not isinstance(call.func, Ref) or call.func.last not in REGISTRATIONS:
            return []
        attr, index, keyword = REGISTRATIONS[call.func.last]
        view = call.arg(index, keyword)
        if isinstance(view, Call) and isinstance(view.func, Ref) and view.func.last == "as_view":
            return self._class_view(call, view, attr)
        symbol = self.reading.symbols.lookup(view.name) if isinstance(view, Ref) else None
        if symbol is None or not isinstance(symbol.definition, Function):
            self.reading.warn(call.location, f"the view of `{call.func.last}` is not a function "
                              "of the integration; the route is not documented")
            return []
        kwargs = [(k, v) for k, v in call.kwargs if k != keyword]
        if attr == "route" and len(call.args) > 1:
            kwargs.append(("endpoint", call.args[1]))
        decorator = Call(Ref(call.func.name.rpartition(".")[0] + "." + attr), call.args[:1], tuple(kwargs),
                         call.location)
        return self._routes(symbol.module, symbol.definition, decorator)

    def _not_included(self, obj: AppObject) -> None:
        self.reading.warn(obj.assign.location, f"`{obj.assign.name}` is not included in an app statically; "
                          "its routes are shown under its own prefix")

    def _unique(self, routes: list[Route]) -> list[Route]:
        used: set[str] = set()
        unique = []
        for route in routes:
            name, number = route.name, 2
            while name in used:
                name, number = f"{route.name}-{number}", number + 1
            if name != route.name:
                self.reading.warn(route.location, f"handler name `{route.name}` is taken; "
                                  f"this route is documented as `{name}`")
            used.add(name)
            unique.append(replace(route, name=name))
        return unique

__all__ = ["FrameworkFinder"]
