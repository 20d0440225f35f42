"""The integration object, its decorators, and the registry of integrations by package."""

from __future__ import annotations

import asyncio
import inspect
import logging
import sys
from collections.abc import Callable, Iterable, Mapping
from typing import Any, ClassVar, TypeVar

from pydantic import BaseModel

from .specs import (
    HTTP_METHODS,
    Context,
    Credential,
    Declaration,
    EventSpec,
    HandlerSpec,
    ModelType,
    Secret,
    first_paragraph,
    kebab_case,
)

F = TypeVar("F", bound=Callable[..., Any])
DECLARATIONS_ATTR = "__platform_declarations__"

_INTEGRATIONS: dict[str, Integration] = {}
"""Every integration created, by scope: the package (or top-level module) that created it."""

_PENDING: list[tuple[str, Declaration, Callable[..., Any]]] = []
"""Bare `@handler` / `@event` registrations made before their integration existed."""


class Integration:
    """An integration: its settings for the platform, its handlers and its events.

    Subclasses may declare handlers as methods decorated with the bare `@handler(...)`.
    """

    _class_declarations: ClassVar[tuple[tuple[str, Declaration], ...]] = ()

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        found = list(cls._class_declarations)
        for attr, value in vars(cls).items():
            found.extend((attr, decl) for decl in getattr(value, DECLARATIONS_ATTR, ()))
        cls._class_declarations = tuple(found)

    def __init__(
        self,
        name: str | None = None,
        *,
        description: str | None = None,
        version: str | None = None,
        credentials: Iterable[Credential] = (),
        secrets: Iterable[Secret] = (),
        default_args: Mapping[str, Any] | None = None,
    ) -> None:
        self.scope = _caller_scope()
        self.name = name or self.scope.rsplit(".", 1)[-1]
        module = sys.modules.get(self.scope)
        self.description = description or first_paragraph(module.__doc__ if module else None)
        self.version = version
        self.credentials = tuple(credentials)
        self.secrets = tuple(secrets)
        self.default_args: dict[str, Any] = dict(default_args or {})
        self.handlers: dict[str, HandlerSpec] = {}
        self.events: dict[str, EventSpec] = {}
        _INTEGRATIONS[self.scope] = self
        for attr, decl in type(self)._class_declarations:
            self._register(decl, getattr(self, attr))
        self._claim_pending()

    def handler(
        self,
        name: str | None = None,
        *,
        method: str = "POST",
        request_model: ModelType | None = None,
        response_model: ModelType | None = None,
        description: str | None = None,
        **default_args: Any,
    ) -> Callable[[F], F]:
        """Registers a webhook handler; extra keyword arguments override `default_args`."""
        decl = Declaration(
            "handler", name, method, request_model, response_model, None, description, default_args
        )
        return self._decorator(decl)

    def get(self, name: str | None = None, **kwargs: Any) -> Callable[[F], F]:
        """`handler(..., method="GET")`."""
        return self.handler(name, method="GET", **kwargs)

    def post(self, name: str | None = None, **kwargs: Any) -> Callable[[F], F]:
        """`handler(..., method="POST")`."""
        return self.handler(name, method="POST", **kwargs)

    def put(self, name: str | None = None, **kwargs: Any) -> Callable[[F], F]:
        """`handler(..., method="PUT")`."""
        return self.handler(name, method="PUT", **kwargs)

    def patch(self, name: str | None = None, **kwargs: Any) -> Callable[[F], F]:
        """`handler(..., method="PATCH")`."""
        return self.handler(name, method="PATCH", **kwargs)

    def delete(self, name: str | None = None, **kwargs: Any) -> Callable[[F], F]:
        """`handler(..., method="DELETE")`."""
        return self.handler(name, method="DELETE", **kwargs)

    def event(
        self, name: str, *, payload_model: ModelType | None = None, description: str | None = None
    ) -> Callable[[F], F]:
        """Registers the handler of an incoming event."""
        return self._decorator(Declaration("event", name, payload_model=payload_model,
                                           description=description))

    def invoke(self, name: str, payload: Mapping[str, Any] | None = None) -> Any:
        """Runs a handler as the platform does: validate, call (await), dump the response."""
        spec = self.handlers[name]
        ctx = Context(self.name, name, spec.default_args, logging.getLogger(f"{self.scope}.{name}"))
        model = spec.request_model
        args = (model.model_validate(payload or {}), ctx) if model else (ctx,)
        result = spec.func(*args)
        if inspect.isawaitable(result):
            result = asyncio.run(_awaited(result))
        if isinstance(result, BaseModel):
            return result.model_dump(mode="json", by_alias=True)
        return result

    def _decorator(self, decl: Declaration) -> Callable[[F], F]:
        def decorate(func: F) -> F:
            self._register(decl, func)
            return func

        return decorate

    def _register(self, decl: Declaration, func: Callable[..., Any]) -> None:
        description = decl.description or first_paragraph(func.__doc__)
        if decl.kind == "event":
            assert decl.name is not None, "an event needs a name"
            _add_unique(self.events, decl.name, EventSpec(decl.name, func, description,
                                                          decl.payload_model))
            return
        method = decl.method.upper()
        if method not in HTTP_METHODS:
            raise ValueError(f"{func.__name__}: unknown HTTP method {decl.method!r}")
        name = decl.name or kebab_case(func.__name__)
        spec = HandlerSpec(name, method, func, description, {**self.default_args, **decl.extra_args},
                           decl.request_model, decl.response_model)
        _add_unique(self.handlers, name, spec)

    def _claim_pending(self) -> None:
        for entry in [entry for entry in _PENDING if _within(entry[0], self.scope)]:
            _PENDING.remove(entry)
            self._register(entry[1], entry[2])


def handler(
    name: str | None = None,
    *,
    method: str = "POST",
    request_model: ModelType | None = None,
    response_model: ModelType | None = None,
    description: str | None = None,
    **default_args: Any,
) -> Callable[[F], F]:
    """Bare handler decorator: registers on the integration of the same package (or class)."""
    return _deferred(Declaration(
        "handler", name, method, request_model, response_model, None, description, default_args
    ))


def event(
    name: str, *, payload_model: ModelType | None = None, description: str | None = None
) -> Callable[[F], F]:
    """Bare event decorator: registers on the integration of the same package (or class)."""
    return _deferred(Declaration("event", name, payload_model=payload_model,
                                 description=description))


def integration_for(module: str) -> Integration | None:
    """The integration whose package holds `module` (the innermost one)."""
    scopes = [scope for scope in _INTEGRATIONS if _within(module, scope)]
    return _INTEGRATIONS[max(scopes, key=len)] if scopes else None


def integrations() -> dict[str, Integration]:
    """Every integration created so far, by scope."""
    return dict(_INTEGRATIONS)


def _deferred(decl: Declaration) -> Callable[[F], F]:
    def decorate(func: F) -> F:
        qualname = func.__qualname__
        if qualname != func.__name__ and "<locals>" not in qualname:  # a method: class claims it
            setattr(func, DECLARATIONS_ATTR, (*getattr(func, DECLARATIONS_ATTR, ()), decl))
            return func
        owner = integration_for(func.__module__)
        if owner is None:
            _PENDING.append((func.__module__, decl, func))
        else:
            owner._register(decl, func)
        return func

    return decorate


def _add_unique(table: dict[str, Any], name: str, spec: Any) -> None:
    if name in table and table[name].func != spec.func:
        raise ValueError(f"{name!r} is registered twice")
    table[name] = spec


def _within(module: str, scope: str) -> bool:
    return module == scope or module.startswith(scope + ".")


def _caller_scope() -> str:
    """The package of the first caller outside this SDK (a top-level module: its name)."""
    frame = sys._getframe(1)
    while frame.f_back is not None and frame.f_globals.get("__name__", "").startswith(
        "platform_sdk"
    ):
        frame = frame.f_back
    scope = frame.f_globals.get("__package__") or frame.f_globals.get("__name__", "__main__")
    return str(scope)


async def _awaited(awaitable: Any) -> Any:
    return await awaitable
