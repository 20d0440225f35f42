"""Handlers and events: decorated functions and methods, their models and default args."""

from __future__ import annotations

import re
from typing import Any

from ..conventions import Conventions
from ..diagnostics import Diagnostic, Unknown
from ..gather.expressions import Call, Ref, Value
from ..gather.facts import Assign, ClassDef, Function, ModuleFacts
from ..ir import TModel, TPrim, TUnion, Type
from .constants import Resolver, to_json
from .integration import IntegrationFinder
from .records import Route, RouteKind
from .types import TypeResolver

RESERVED = frozenset({"name", "method", "request_model", "response_model", "description",
                      "payload_model", "path", "summary", "tags"})


def kebab(name: str) -> str:
    """`create_payment` / `createPayment` → `create-payment`."""
    spaced = re.sub(r"(?<=[a-z0-9])(?=[A-Z])", "_", name.strip("_"))
    return re.sub(r"[_\s]+", "-", spaced).lower()


def first_paragraph(text: str | None) -> str:
    """The docstring's first paragraph, folded to one line."""
    if not text:
        return ""
    return " ".join(text.strip().split("\n\n", 1)[0].split())


class RouteFinder:
    """Recognises handler and event decorators by shape and name, through import aliases."""

    def __init__(
        self, finder: IntegrationFinder, types: TypeResolver, resolver: Resolver, options: Conventions
    ) -> None:
        self.finder = finder
        self.types = types
        self.resolver = resolver
        self.options = options
        self.warnings: list[Diagnostic] = []

    def find(self) -> list[Route]:
        """Every handler and event of the integration, in module and source order."""
        routes: list[Route] = []
        for module in self.finder.hierarchy.symbols.modules.values():
            functions = list(module.functions)
            functions += [m for c in module.classes.values() for m in c.methods]
            for function in functions:
                routes.extend(self._routes(module, function))
        return routes

    def _routes(self, module: ModuleFacts, function: Function) -> list[Route]:
        found = []
        for decorator in function.decorators:
            kind, method = self._kind(module, decorator)
            if kind is not None:
                found.append(self._route(kind, method, decorator, function))
        return found

    def _kind(self, module: ModuleFacts, decorator: Value) -> tuple[RouteKind | None, str]:
        """What the decorator declares (None: nothing), and the HTTP method a shorthand names."""
        func = decorator.func if isinstance(decorator, Call) else decorator
        if not isinstance(func, Ref):
            return None, ""
        if func.last in self.options.handler_decorators:
            return "handler", ""
        if func.last in self.options.event_decorators:
            return "event", ""
        if func.last in self.options.method_shorthands and self._on_integration(module, func):
            return "handler", func.last.upper()
        return None, ""

    def _on_integration(self, module: ModuleFacts, func: Ref) -> bool:
        owner = func.name.rpartition(".")[0]
        if owner.rpartition(".")[2] in {"self", "cls"}:
            return True
        symbol = self.finder.hierarchy.symbols.lookup(owner)
        if symbol is None:
            return False
        definition = symbol.definition
        if isinstance(definition, Assign) and isinstance(definition.value, Call):
            return self.finder.is_integration_call(definition.value)
        if isinstance(definition, ModuleFacts):
            declared = definition.assigns.get(owner.rpartition(".")[2])
            return declared is not None and isinstance(declared.value, Call) and self.finder.is_integration_call(
                declared.value
            )
        return isinstance(definition, ClassDef)

    def _route(self, kind: RouteKind, method: str, decorator: Value, function: Function) -> Route:
        call = decorator if isinstance(decorator, Call) else Call(decorator, (), (), function.location)
        model_kw = "payload_model" if kind == "event" else "request_model"
        is_handler = kind == "handler"
        return Route(
            kind, self._name(call, function), function.name, function.location,
            method=method or self._method(call, function),
            description=self._text(call.kwarg("description"), function) or first_paragraph(function.docstring),
            request=self._model(call.kwarg(model_kw), function) or self._param_model(function),
            response=self._response(call.kwarg("response_model"), function) if is_handler else None,
            overrides=self._overrides(call, function) if is_handler else {},
            docstring=function.docstring,
        )

    def _name(self, call: Call, function: Function) -> str:
        raw = call.args[0] if call.args else call.kwarg("name")
        if raw is None:
            return kebab(function.name)
        value = self.resolver.evaluate(raw)
        if isinstance(value, str):
            return value
        self.warnings.append(Diagnostic(function.location, f"name of `{function.name}` is not statically known; "
                                        f"shown as `{kebab(function.name)}`"))
        return kebab(function.name)

    def _method(self, call: Call, function: Function) -> str:
        raw = call.kwarg("method")
        value = self.resolver.evaluate(raw) if raw is not None else "POST"
        if isinstance(value, str):
            return value.upper()
        self.warnings.append(Diagnostic(function.location, f"method of `{function.name}` is not statically known"))
        return "POST"

    def _text(self, raw: Value | None, function: Function) -> str:
        value = self.resolver.evaluate(raw) if raw is not None else None
        if raw is not None and not isinstance(value, str):
            self.warnings.append(Diagnostic(function.location, f"description of `{function.name}` is not static"))
        return value if isinstance(value, str) else ""

    def _model(self, raw: Value | None, function: Function) -> Type | None:
        if raw is None:
            return None
        return self.types.resolve(raw, function.location)

    def _param_model(self, function: Function) -> Type | None:
        for param in function.params:
            if param.annotation is None or param.name in {"self", "cls"}:
                continue
            probed = self.types.probe(param.annotation, function.location)
            if isinstance(without_none(probed), TModel):
                return probed  # `Model | None` stays: the body may be null
        return None

    def _response(self, raw: Value | None, function: Function) -> Type | None:
        if raw is not None:
            return self.types.resolve(raw, function.location)
        if function.returns is None:
            return None
        resolved = self.types.resolve(function.returns, function.location)
        return None if without_none(resolved) == TPrim("none") else resolved  # `X | None` stays

    def _overrides(self, call: Call, function: Function) -> dict[str, Any]:
        overrides: dict[str, Any] = {}
        for key, raw in call.kwargs:
            if key in RESERVED:
                continue
            value = to_json(self.resolver.evaluate(raw))
            if isinstance(value, Unknown):
                self.warnings.append(Diagnostic(function.location, f"default arg `{key}` of `{function.name}` "
                                                f"is not statically known: {value.reason}"))
                continue
            overrides[key] = self.resolver.secrets.named(value, key)
        return overrides


def without_none(type_: Type) -> Type:
    """`X | None` → `X` (a body or response that may be absent is documented as `X`)."""
    if isinstance(type_, TUnion):
        options = tuple(o for o in type_.options if o != TPrim("none"))
        if len(options) == 1:
            return options[0]
        return TUnion(options, type_.discriminator) if options else type_
    return type_
