"""Serializers that change a model's serialized shape: `@field_serializer`, `@model_serializer`.

pydantic's serialization schema follows a serializer's return annotation; without one it keeps
the declared type (field) or the model's own schema (model).
"""

from __future__ import annotations

from collections.abc import Mapping

from ..gather.expressions import Call, Ref, Value
from ..gather.facts import Function
from ..ir import FieldSpec, Type, substitute
from .classes import ClassInfo
from .fields import FieldReader


def _callee(decorator: Value) -> str:
    func = decorator.func if isinstance(decorator, Call) else decorator
    return func.last if isinstance(func, Ref) else ""


def _decorator(method: Function, name: str) -> Value | None:
    return next((d for d in method.decorators if _callee(d) == name), None)


def apply_field_serializers(chain: list[ClassInfo], fields: Mapping[str, FieldSpec], reader: FieldReader,
                            envs: Mapping[str, Mapping[str, Type]]) -> None:
    """Set `serialization_type` of the fields a `@field_serializer("a", "b")` (or `"*"`)
    with a return annotation serializes, bases first so a subclass's serializer wins."""
    for item in chain:
        for method in item.cls.methods:
            decorator = _decorator(method, "field_serializer")
            if not isinstance(decorator, Call):
                continue
            names = [a for a in decorator.args if isinstance(a, str)]
            when_used = reader.resolver.evaluate(decorator.kwarg("when_used"))
            for name, spec in fields.items():
                if name in names or "*" in names:
                    found = reader.serializer_type(method, spec.type, when_used)
                    if found is not None:
                        spec.serialization_type = substitute(found, envs.get(item.key, {}))


def model_serializer_type(chain: list[ClassInfo], reader: FieldReader) -> Type | None:
    """The return type of the last `@model_serializer` of the chain (plain or wrap, any
    `when_used`); None without a return annotation: pydantic's serialization schema then
    keeps the model's own fields."""
    found: Type | None = None
    for item in chain:
        for method in item.cls.methods:
            if _decorator(method, "model_serializer") is not None:
                returns = method.returns
                found = reader.types.resolve(returns, method.location) if returns is not None else None
    return found
