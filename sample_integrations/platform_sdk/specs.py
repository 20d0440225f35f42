"""Plain declarations of the SDK: credentials, secrets, errors, the handler context, handler/event specs."""

from __future__ import annotations

import collections.abc
import inspect
import logging
import re
import types
import typing
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any, ClassVar, Literal

from pydantic import BaseModel

ModelType = type[BaseModel]
HTTP_METHODS = frozenset({"GET", "POST", "PUT", "PATCH", "DELETE"})
_WRAPPERS: tuple[Any, ...] = (
    typing.Annotated,
    typing.Union,
    types.UnionType,
    collections.abc.Awaitable,
    collections.abc.Coroutine,
)


@dataclass(frozen=True)
class Credential:
    """A credential the user adds to the integration (Шаг 2): API keys, logins, tokens."""

    key: str
    description: str
    where: str | None = None


@dataclass(frozen=True)
class Secret:
    """A secret the user adds to the integration (Шаг 3): webhook signing keys and the like."""

    key: str
    description: str
    format: str | None = None


class IntegrationError(Exception):
    """Root of the errors an integration raises; subclasses set `code` and `solution`."""

    code: ClassVar[str] = "integration_error"
    solution: ClassVar[str] = ""


@dataclass(frozen=True)
class Context:
    """What a handler gets besides its request: who calls it and its effective default args."""

    integration: str
    handler: str
    args: Mapping[str, Any]
    logger: logging.Logger


@dataclass(frozen=True)
class Declaration:
    """What a decorator said, before it is bound to an integration."""

    kind: Literal["handler", "event"]
    name: str | None
    method: str = "POST"
    request_model: ModelType | None = None
    response_model: ModelType | None = None
    payload_model: ModelType | None = None
    description: str | None = None
    extra_args: Mapping[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class HandlerSpec:
    """A registered handler; models not given explicitly are read lazily from annotations."""

    name: str
    method: str
    func: Callable[..., Any]
    description: str
    default_args: Mapping[str, Any]
    explicit_request: ModelType | None = None
    explicit_response: ModelType | None = None

    @property
    def function(self) -> str:
        """The Python name of the handler function."""
        return self.func.__name__

    @property
    def request_model(self) -> ModelType | None:
        """`request_model=` or the first parameter annotated with (a wrapper of) a model."""
        return self.explicit_request or first_param_model(self.func)

    @property
    def response_model(self) -> ModelType | None:
        """`response_model=` or the model the return annotation is or wraps."""
        return self.explicit_response or return_model(self.func)


@dataclass(frozen=True)
class EventSpec:
    """A registered event handler."""

    name: str
    func: Callable[..., Any]
    description: str
    explicit_payload: ModelType | None = None

    @property
    def function(self) -> str:
        """The Python name of the event handler function."""
        return self.func.__name__

    @property
    def payload_model(self) -> ModelType | None:
        """`payload_model=` or the first parameter annotated with (a wrapper of) a model."""
        return self.explicit_payload or first_param_model(self.func)


def model_in(annotation: Any) -> ModelType | None:
    """The pydantic model an annotation is, or wraps in Annotated/Optional/Union/Awaitable."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    if typing.get_origin(annotation) not in _WRAPPERS:
        return None
    for arg in typing.get_args(annotation):
        found = model_in(arg)
        if found is not None:
            return found
    return None


def first_param_model(func: Callable[..., Any]) -> ModelType | None:
    """The model of the first parameter whose annotation is or wraps one."""
    hints = typing.get_type_hints(func, include_extras=True)
    for param in inspect.signature(func).parameters:
        found = model_in(hints.get(param))
        if found is not None:
            return found
    return None


def return_model(func: Callable[..., Any]) -> ModelType | None:
    """The model the return annotation is or wraps; None for no annotation or `-> None`."""
    return model_in(typing.get_type_hints(func, include_extras=True).get("return"))


def kebab_case(name: str) -> str:
    """`create_refund` / `createRefund` → `create-refund`."""
    spaced = re.sub(r"(?<=[a-z0-9])(?=[A-Z])", "-", name)
    return spaced.replace("_", "-").strip("-").lower()


def first_paragraph(doc: str | None) -> str:
    """The first paragraph of a docstring, its lines joined by spaces."""
    if not doc:
        return ""
    paragraph = inspect.cleandoc(doc).split("\n\n", 1)[0]
    return " ".join(line.strip() for line in paragraph.splitlines())
