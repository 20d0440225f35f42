"""Limitations the code states: timeouts and retries (default args) and request field limits."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Final, Literal, TypeAlias

from ..model import Handler, JsonValue, Limitation

CodeLimit: TypeAlias = Literal["timeout", "retries", "max_length", "max_items", "maximum"]

DEFAULT_ARG_LIMITS: Final[dict[str, CodeLimit]] = {"timeout": "timeout", "retries": "retries"}
"""Default args that limit a call, by name."""

FIELD_LIMITS: Final[dict[str, CodeLimit]] = {"maxLength": "max_length", "maxItems": "max_items", "maximum": "maximum"}
"""Request field constraints (JSON Schema names) that cap what a caller may send."""


def _number(value: JsonValue) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def default_arg_limits(integration_args: dict[str, JsonValue], handlers: Iterable[Handler]) -> list[Limitation]:
    """The integration's timeout and retries, then each handler's that differ from them."""
    found = [Limitation(kind=kind, value=integration_args[key]) for key, kind in DEFAULT_ARG_LIMITS.items()
             if _number(integration_args.get(key))]
    for handler in handlers:
        found += [Limitation(kind=kind, handler=handler.name, value=handler.default_args[key])
                  for key, kind in DEFAULT_ARG_LIMITS.items()
                  if _number(handler.default_args.get(key)) and handler.default_args[key] != integration_args.get(key)]
    return found


def field_limits(handlers: Iterable[Handler]) -> list[Limitation]:
    """Caps on request fields: longest text, most items, largest number (a page size, an amount)."""
    found: list[Limitation] = []
    for handler in handlers:
        model = handler.request
        if model is None:
            continue
        found += [Limitation(kind=kind, handler=handler.name, field=field.name, model=model.interface,
                             value=field.constraints[key])
                  for field in model.fields for key, kind in FIELD_LIMITS.items()
                  if _number(field.constraints.get(key))]
    return found
