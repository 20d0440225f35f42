"""Framework objects: `FastAPI(…)` / `APIRouter(…)` / `Flask(…)` / `Blueprint(…)`, and where they are mounted.

An object is recognised by the last name of the class it is created from (through import
aliases, or an integration class deriving from one); `include_router` / `register_blueprint`
statements at module level mount routers on apps (and on other routers), in any module.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from functools import cached_property

from ...gather.expressions import Call, ListV, Ref, Value
from ...gather.facts import Assign, Function, ModuleFacts
from ..classes import ClassInfo
from ..integration import IntegrationObject
from .reading import Reading

CLASSES: dict[str, tuple[str, str]] = {
    "FastAPI": ("fastapi", "app"), "APIRouter": ("fastapi", "router"),
    "Flask": ("flask", "app"), "Blueprint": ("flask", "router"),
}
INCLUDES = {"include_router": ("fastapi", "router"), "register_blueprint": ("flask", "blueprint")}
APP_VALUES = {"title": "name", "description": "description", "version": "version"}
MAX_NESTING = 16


@dataclass(frozen=True)
class AppObject:
    """An app, router or blueprint: its registry-like key (`module.variable`) and creation call."""

    key: str
    framework: str  # "fastapi" | "flask"
    role: str  # "app" | "router"
    call: Call
    module: ModuleFacts
    assign: Assign
    factory: Function | None = None
    """The application factory that creates the object (`def create_app(): app = Flask(…)`)."""


@dataclass(frozen=True)
class Mount:
    """One place an object's routes end up: the path prefix and what the includes add to routes."""

    prefix: str = ""
    tags: tuple[str, ...] = ()
    deprecated: bool = False
    dependencies: tuple[Value, ...] = ()
    hidden: bool = False
    included: bool = True
    responses: tuple[Value, ...] = ()
    """`responses={…}` of the routers and includes on the way, outermost first (FastAPI: inner wins)."""


@dataclass(frozen=True)
class Include:
    """`parent.include_router(child, …)` / `parent.register_blueprint(child, …)`."""

    parent: str
    child: str
    call: Call


class AppFinder:
    """Finds the framework objects and computes every mount of each one."""

    def __init__(self, reading: Reading) -> None:
        self.reading = reading

    @cached_property
    def objects(self) -> dict[str, AppObject]:
        """Every framework object assigned at module level, by key, in module order; an app an
        application factory creates and returns is keyed `module.factory()`."""
        found: dict[str, AppObject] = {}
        for module in self.reading.symbols.modules.values():
            for assign in module.assigns.values():
                kind = self._kind(assign.value)
                if kind is not None and isinstance(assign.value, Call):
                    key = f"{module.module}.{assign.name}"
                    found[key] = AppObject(key, kind[0], kind[1], assign.value, module, assign)
            for function in module.functions:
                created = self._factory(module, function)
                if created is not None:
                    found[created.key] = created
        return found

    def _factory(self, module: ModuleFacts, function: Function) -> AppObject | None:
        """`def create_app(): app = FastAPI(…); …; return app`: the app the factory returns."""
        returned = next((s.value for s in function.body if isinstance(s, Assign) and s.name == "return"), None)
        local = returned.last if isinstance(returned, Ref) else None
        for statement in function.body:
            if isinstance(statement, Assign) and statement.name == local and isinstance(statement.value, Call):
                kind = self._kind(statement.value)
                if kind is not None:
                    key = f"{module.module}.{function.name}()"
                    return AppObject(key, kind[0], kind[1], statement.value, module, statement, function)
        return None

    def _kind(self, value: Value | None) -> tuple[str, str] | None:
        if not (isinstance(value, Call) and isinstance(value.func, Ref)):
            return None
        info = self.reading.hierarchy.resolve_class(value.func)
        if info is None:
            return CLASSES.get(value.func.last)
        return self._derived_kind(info)

    def _derived_kind(self, info: ClassInfo) -> tuple[str, str] | None:
        for base in self.reading.hierarchy.external_bases(info):
            kind = CLASSES.get(base.rpartition(".")[2])
            if kind is not None:
                return kind
        return None

    def lookup(self, ref: Value | None) -> AppObject | None:
        """The framework object a name stands for (through imports and re-exports); a name
        assigned the result of an application factory (`app = create_app()`) stands for its app."""
        if not isinstance(ref, Ref):
            return None
        symbol = self.reading.symbols.lookup(ref.name)
        if symbol is None or symbol.rest:
            return None
        if isinstance(symbol.definition, Function):
            return self.objects.get(f"{symbol.key}()")
        if not isinstance(symbol.definition, Assign):
            return None
        value = symbol.definition.value
        if isinstance(value, Call) and not value.args and not value.kwargs and symbol.key not in self.objects:
            return self.lookup(value.func)
        return self.objects.get(symbol.key)

    def owner(self, func: Ref) -> AppObject | None:
        """The object whose method `func` is (`app` of `app.get`)."""
        return self.lookup(Ref(func.name.rpartition(".")[0]))

    @cached_property
    def includes(self) -> list[Include]:
        """Every include statement whose parent and child are both known objects: at module level,
        and in an application factory's body on the app it creates."""
        found = []
        for module in self.reading.symbols.modules.values():
            for call in module.calls:
                found.append(self._include(call, None))
        for obj in self.objects.values():
            if obj.factory is not None:
                found.extend(self._include(c, obj) for c in obj.factory.body if isinstance(c, Call))
        return [i for i in found if i is not None]

    def _include(self, call: Call, factory: AppObject | None) -> Include | None:
        if not isinstance(call.func, Ref) or call.func.last not in INCLUDES:
            return None
        owner = call.func.name.rpartition(".")[0]
        if factory is not None:
            if owner.rpartition(".")[2] != factory.assign.name:
                return None
            parent: AppObject | None = factory
        else:
            parent = self.owner(call.func)
        child = self.lookup(call.arg(0, INCLUDES[call.func.last][1]))
        if parent is not None and child is not None:
            return Include(parent.key, child.key, call)
        self.reading.warn(call.location, f"`{call.func.last}` of an object that is "
                          "not statically known; its routes are not placed")
        return None

    def mounts(self, obj: AppObject, depth: int = 0) -> list[Mount]:
        """Every mount of an object; a router included nowhere is mounted at its own prefix."""
        own = self._own(obj)
        if obj.role == "app":
            return [own]
        includes = [i for i in self.includes if i.child == obj.key]
        if not includes or depth > MAX_NESTING:
            return [replace(own, included=False)]
        mounts = []
        for include in includes:
            for outer in self.mounts(self.objects[include.parent], depth + 1):
                mounts.append(self._combine(obj, outer, include.call, own))
        return mounts

    def _own(self, obj: AppObject) -> Mount:
        call, at = obj.call, obj.assign.location
        prefix_key = "prefix" if obj.framework == "fastapi" else "url_prefix"
        prefix = call.arg(5, prefix_key) if obj.framework == "flask" else call.kwarg(prefix_key)
        return Mount(
            prefix=self.reading.text(prefix, f"`{prefix_key}` of `{obj.assign.name}`", at) or "",
            tags=tuple(self.reading.strings(call.kwarg("tags"), f"tags of `{obj.assign.name}`", at)),
            deprecated=self.reading.flag(call.kwarg("deprecated")),
            dependencies=listed(call.kwarg("dependencies")),
            hidden=self.reading.resolver.evaluate(call.kwarg("include_in_schema")) is False,
            responses=_present(call.kwarg("responses")),
        )

    def _combine(self, obj: AppObject, outer: Mount, call: Call, own: Mount) -> Mount:
        where = call.location
        if obj.framework == "fastapi":
            added = self.reading.text(call.kwarg("prefix"), "include prefix", where) or ""
            prefix = outer.prefix + added + own.prefix
        else:
            given = self.reading.text(call.kwarg("url_prefix"), "`url_prefix`", where)
            prefix = _flask_prefix(outer.prefix, given if given is not None else own.prefix)
        tags = self.reading.strings(call.kwarg("tags"), "include tags", where)
        return Mount(
            prefix=prefix,
            tags=(*outer.tags, *tags, *own.tags),
            deprecated=outer.deprecated or own.deprecated or self.reading.flag(call.kwarg("deprecated")),
            dependencies=(*outer.dependencies, *listed(call.kwarg("dependencies")), *own.dependencies),
            hidden=outer.hidden or own.hidden or self.reading.resolver.evaluate(call.kwarg("include_in_schema"))
            is False,
            included=outer.included,
            responses=(*outer.responses, *_present(call.kwarg("responses")), *own.responses),
        )

    def declaration(self) -> IntegrationObject | None:
        """The first app as the integration's declaration: `FastAPI(title=…, version=…)`."""
        app = next((o for o in self.objects.values() if o.role == "app"), None)
        if app is None:
            return None
        values = {}
        for key, name in APP_VALUES.items():
            value = self.reading.resolver.evaluate(app.call.kwarg(key))
            if isinstance(value, str) and app.framework == "fastapi":
                values[name] = value
        return IntegrationObject(app.module, app.assign.location, values)


def flask_join(prefix: str, rule: str) -> str:
    """Flask's joining of a blueprint prefix and a rule (`/api/` + `/x` → `/api/x`)."""
    if not prefix:
        return rule
    if not rule:
        return prefix
    return prefix.rstrip("/") + "/" + rule.lstrip("/")


def _flask_prefix(outer: str, child: str) -> str:
    """A blueprint's prefix where it is registered: nested blueprints join their parent's."""
    if outer and child:
        return (outer.rstrip("/") + "/" + child.lstrip("/")).rstrip("/")
    return child or outer


def listed(value: Value | None) -> tuple[Value, ...]:
    """The items of a list or tuple display (`dependencies=[Depends(auth)]`), else none."""
    return value.items if isinstance(value, ListV) else ()


def _present(value: Value | None) -> tuple[Value, ...]:
    """The value as a one-item tuple when it is written, else empty."""
    return (value,) if value is not None else ()
