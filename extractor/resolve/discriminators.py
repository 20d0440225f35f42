"""Discriminated unions: `Field(discriminator="kind")`, `Discriminator("kind")` and a callable
`Discriminator(func)` on a union, wherever the union is annotated (field, alias, nested item)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from ..gather.expressions import Call, Ref, Value
from ..ir import CALLABLE_DISCRIMINATOR, TUnion, Type, non_null


def discriminator_of(item: Value, evaluate: Callable[[Value | None], Any]) -> str | None:
    """The discriminator an `Annotated` metadata item or a `Field(...)` call sets, or None."""
    if not (isinstance(item, Call) and isinstance(item.func, Ref)):
        return None
    if item.func.last == "Discriminator":
        value = evaluate(item.arg(0, "discriminator"))
        return value if isinstance(value, str) else CALLABLE_DISCRIMINATOR
    if item.func.last == "Field":
        raw = item.kwarg("discriminator")
        return None if raw is None else discriminator_value(raw, evaluate)
    return None


def discriminator_value(raw: Value, evaluate: Callable[[Value | None], Any]) -> str | None:
    """`discriminator=` as written: a field name, or a `Discriminator(...)` call."""
    if isinstance(raw, Call):
        return discriminator_of(raw, evaluate)
    value = evaluate(raw)
    return value if isinstance(value, str) else None


def discriminated(t: Type, name: str | None) -> Type:
    """`t` picked by `name` when it is a union of two members or more (null aside)."""
    if name is None or not isinstance(t, TUnion) or len(non_null(t)) < 2:
        return t
    return TUnion(t.options, name)
