"""pydantic field semantics: `Field(...)`, `Annotated` metadata, defaults, ClassVar and privates."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from ..gather.facts import Assign, Function
from ..gather.values import Call, EllipsisV, Ref, Subscript, Value
from ..ir import FieldSpec, TPrim, TUnion, Type, Unknown
from .types import TypeResolver, canonical
from .values import Resolver, to_json

CONSTRAINTS = ("gt", "ge", "lt", "le", "multiple_of", "min_length", "max_length", "pattern",
               "max_digits", "decimal_places", "min_items", "max_items", "regex")
ANNOTATED_TYPES = {"Gt": "gt", "Ge": "ge", "Lt": "lt", "Le": "le", "MultipleOf": "multiple_of",
                   "MinLen": "min_length", "MaxLen": "max_length"}
SKIPPED_WRAPPERS = frozenset({"typing.ClassVar", "typing.Final"})
FIELD_CALLS = frozenset({"Field"})
PRIVATE_CALLS = frozenset({"PrivateAttr"})


def _string(value: Any) -> str | None:
    return value if isinstance(value, str) else None


class FieldReader:
    """Builds `FieldSpec`s from annotated class attributes and `@computed_field` methods."""

    def __init__(self, types: TypeResolver, resolver: Resolver) -> None:
        self.types = types
        self.resolver = resolver

    def is_field(self, assign: Assign) -> bool:
        """Annotated, public, not ClassVar, not `model_config`, not a PrivateAttr."""
        if assign.annotation is None or assign.name.startswith("_") or assign.name == "model_config":
            return False
        annotation = assign.annotation
        if isinstance(annotation, Subscript) and isinstance(annotation.value, Ref):
            annotation = annotation.value
        if isinstance(annotation, Ref) and canonical(annotation.name) in SKIPPED_WRAPPERS:
            return False
        value = assign.value
        return not (isinstance(value, Call) and _last(value.func) in PRIVATE_CALLS)

    def field(self, assign: Assign, *, v1: bool) -> FieldSpec:
        """The field an annotated class attribute declares."""
        spec = FieldSpec(assign.name, TPrim("any"), assign.location)
        annotation, metadata = _split_annotated(assign.annotation)
        spec.type = self.types.resolve(annotation, assign.location)
        for item in metadata:
            self._metadata(spec, item)
        if assign.has_value:
            self._value(spec, assign.value)
        if v1 and not spec.has_default and _is_optional(spec.type):
            spec.has_default, spec.default = True, None
        if spec.description is None:
            spec.description = assign.docstring or None
        return spec

    def computed(self, method: Function) -> FieldSpec | None:
        """A `@computed_field` property as a serialization-only field."""
        decorator = next((d for d in method.decorators if _last(d) == "computed_field"), None)
        if decorator is None:
            return None
        spec = FieldSpec(method.name, self.types.resolve(method.returns, method.location),
                         method.location, kind="computed")
        if isinstance(decorator, Call):
            self._apply_field_kwargs(spec, decorator)
        if spec.description is None and method.docstring:
            spec.description = method.docstring
        return spec

    def _metadata(self, spec: FieldSpec, item: Value) -> None:
        if isinstance(item, Call) and _last(item.func) in FIELD_CALLS:
            self._field_call(spec, item)
        elif isinstance(item, Call) and _last(item.func) in ANNOTATED_TYPES and item.args:
            spec.constraints[ANNOTATED_TYPES[_last(item.func)]] = to_json(self.resolver.evaluate(item.args[0]))

    def _value(self, spec: FieldSpec, value: Value | None) -> None:
        if isinstance(value, Call) and _last(value.func) in FIELD_CALLS:
            self._field_call(spec, value)
            return
        self._default(spec, value)

    def _default(self, spec: FieldSpec, value: Value | None) -> None:
        if isinstance(value, EllipsisV):
            return
        spec.has_default = True
        resolved = to_json(self.resolver.evaluate(value))
        if isinstance(resolved, Unknown):
            self.types.warnings.append((spec.location, f"default of `{spec.python_name}`: {resolved.reason}"))
        spec.default = resolved

    def _field_call(self, spec: FieldSpec, call: Call) -> None:
        if call.has(0, "default"):
            self._default(spec, call.arg(0, "default"))
        if call.kwarg("default_factory") is not None:
            spec.has_default, spec.default_factory = True, True
        self._apply_field_kwargs(spec, call)

    def _apply_field_kwargs(self, spec: FieldSpec, call: Call) -> None:
        for key, raw in call.kwargs:
            setter = _KWARGS.get(key)
            if setter is not None:
                setter(spec, self.resolver.evaluate(raw))
            elif key in CONSTRAINTS:
                spec.constraints[key] = to_json(self.resolver.evaluate(raw))


def _last(value: Value) -> str:
    return value.last if isinstance(value, Ref) else ""


def _split_annotated(annotation: Value | None) -> tuple[Value | None, tuple[Value, ...]]:
    """`Annotated[T, m1, m2]` → (T, (m1, m2)), nested Annotated flattened."""
    if not (isinstance(annotation, Subscript) and isinstance(annotation.value, Ref) and annotation.items):
        return annotation, ()
    if canonical(annotation.value.name) != "typing.Annotated":
        return annotation, ()
    inner, metadata = _split_annotated(annotation.items[0])
    return inner, metadata + annotation.items[1:]


def _is_optional(type_: Type) -> bool:
    return isinstance(type_, TUnion) and TPrim("none") in type_.options


def _alias_value(value: Any) -> str | None:
    if isinstance(value, str):
        return value
    if isinstance(value, Call) and _last(value.func) == "AliasChoices" and value.args:
        return _string(value.args[0])
    return None


def _set_examples(spec: FieldSpec, value: Any) -> None:
    data = to_json(value)
    if isinstance(data, list):
        spec.examples = data


_KWARGS: dict[str, Callable[[FieldSpec, Any], None]] = {
    "alias": lambda s, v: setattr(s, "alias", _string(v)),
    "validation_alias": lambda s, v: setattr(s, "validation_alias", _alias_value(v)),
    "serialization_alias": lambda s, v: setattr(s, "serialization_alias", _string(v)),
    "description": lambda s, v: setattr(s, "description", _string(v)),
    "examples": _set_examples,
    "example": lambda s, v: _set_examples(s, [v]),
    "deprecated": lambda s, v: setattr(s, "deprecated", bool(v) if not isinstance(v, Unknown) else True),
    "exclude": lambda s, v: setattr(s, "exclude", v is True),
}
