"""pydantic field semantics: `Field(...)`, `Annotated` metadata, defaults, ClassVar and privates."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from ..diagnostics import Diagnostic, Unknown
from ..gather.expressions import Call, EllipsisV, Ref, Subscript, Value
from ..gather.facts import Assign, Function
from ..ir import FieldSpec, TPrim, TUnion, Type
from .constants import Resolver, to_json
from .discriminators import discriminated, discriminator_of, discriminator_value
from .markers import MARKERS, marker_constraints
from .types import TypeResolver, canonical, union

CONSTRAINTS = ("gt", "ge", "lt", "le", "multiple_of", "min_length", "max_length", "pattern",
               "max_digits", "decimal_places", "min_items", "max_items", "regex")
ANNOTATED_TYPES = {"Gt": "gt", "Ge": "ge", "Lt": "lt", "Le": "le", "MultipleOf": "multiple_of",
                   "MinLen": "min_length", "MaxLen": "max_length"}
SKIPPED_WRAPPERS = frozenset({"typing.ClassVar", "typing.Final"})
FIELD_CALLS = frozenset({"Field", "field"})
"""pydantic's `Field(…)`; a dataclass's `field(default=…, default_factory=…)`."""
SERIALIZERS = frozenset({"PlainSerializer", "WrapSerializer"})
PRIVATE_CALLS = frozenset({"PrivateAttr", "Relationship"})
"""Not fields: pydantic private attributes; SQLModel relationships (FastAPI leaves them out too)."""


def _string(value: Any) -> str | None:
    return value if isinstance(value, str) else None


class FieldReader:
    """Builds `FieldSpec`s from annotated class attributes and `@computed_field` methods."""

    def __init__(self, types: TypeResolver, resolver: Resolver) -> None:
        self.types = types
        self.resolver = resolver
        self.warnings: list[Diagnostic] = []

    def is_field(self, assign: Assign, *, v1: bool = False) -> bool:
        """Annotated (`x: None` too), public (v1's `__root__` too), not ClassVar, not
        `model_config`, not a PrivateAttr."""
        private = assign.name.startswith("_") and not (v1 and assign.name == "__root__")
        if private or assign.name == "model_config" or not assign.annotated:
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
        spec = FieldSpec(assign.name, TPrim("any"), assign.location, comment=assign.comment)
        annotation, metadata = self._split_annotated(assign.annotation)
        spec.type = self.types.resolve(annotation, assign.location)
        if isinstance(annotation, Call) and _last(annotation.func).startswith("con"):
            self._string_constraints(spec, annotation)  # constr(...), conint(...), conlist(...)
        for item in metadata:
            self._metadata(spec, item)
        if spec.serialization_type is not None and self._serializer_keeps_none(metadata):
            spec.serialization_type = _with_none(spec.serialization_type, spec.type)
        if assign.has_value:
            self._value(spec, assign.value)
        if v1 and not spec.has_default and _is_optional(spec.type):
            spec.has_default, spec.default = True, None
        if spec.description is None:
            spec.description = assign.docstring or None
        self._mask_secret(spec)
        return spec

    def _mask_secret(self, spec: FieldSpec) -> None:
        """A field's default and examples as they may be shown (`extractor.secrets`)."""
        names = (spec.python_name, spec.alias, spec.validation_alias, spec.serialization_alias)
        secrets = self.resolver.secrets
        if not isinstance(spec.default, Unknown):
            spec.default = secrets.named(spec.default, *names)
        spec.examples = [secrets.named(example, *names) for example in spec.examples]

    def computed(self, method: Function) -> FieldSpec | None:
        """A `@computed_field` property as a serialization-only field."""
        decorator = next((d for d in method.decorators if _callee(d) == "computed_field"), None)
        if decorator is None:
            return None
        spec = FieldSpec(method.name, self.types.resolve(method.returns, method.location),
                         method.location, kind="computed")
        if isinstance(decorator, Call):
            self._apply_field_kwargs(spec, decorator)
        if spec.description is None and method.docstring:
            spec.description = method.docstring
        return spec

    def serializer_type(self, function: Function, field_type: Type, when_used: Any) -> Type | None:
        """What a serializer function returns (None without a return annotation: pydantic
        then keeps the field's type); `when_used="unless-none"` keeps a nullable field's null."""
        if function.returns is None:
            return None
        returned = self.types.resolve(function.returns, function.location)
        keeps_none = isinstance(when_used, str) and when_used.endswith("unless-none")
        return _with_none(returned, field_type) if keeps_none else returned

    def _split_annotated(self, annotation: Value | None, depth: int = 0) -> tuple[Value | None, tuple[Value, ...]]:
        """`Annotated[T, m1, m2]` → (T, (m1, m2)), nested Annotated flattened, module-level
        aliases (`PositiveInt = Annotated[int, Field(gt=0)]`) followed."""
        if isinstance(annotation, Ref) and depth < 16:
            symbol = self.types.hierarchy.symbols.lookup(annotation.name)
            if symbol is not None and isinstance(symbol.definition, Assign) and not symbol.rest:
                value = symbol.definition.value
                if is_annotated(value):
                    return self._split_annotated(value, depth + 1)
        if not is_annotated(annotation):
            return annotation, ()
        assert isinstance(annotation, Subscript)
        inner, metadata = self._split_annotated(annotation.items[0], depth + 1)
        return inner, metadata + annotation.items[1:]

    def _metadata(self, spec: FieldSpec, item: Value) -> None:
        if isinstance(item, Call):
            handler = _METADATA.get(_last(item.func))
            if handler is not None:
                handler(self, spec, item)

    def _annotated_type(self, spec: FieldSpec, call: Call) -> None:
        for key, raw in marker_constraints(call):
            spec.constraints[key] = to_json(self.resolver.evaluate(raw))

    def _discriminator(self, spec: FieldSpec, call: Call) -> None:
        spec.type = discriminated(spec.type, discriminator_of(call, self.resolver.evaluate))

    def _string_constraints(self, spec: FieldSpec, call: Call) -> None:
        for key, raw in call.kwargs:
            if key in CONSTRAINTS:
                spec.constraints[key] = to_json(self.resolver.evaluate(raw))

    def _serializer(self, spec: FieldSpec, call: Call) -> None:
        """`PlainSerializer(func, return_type=X)` / `WrapSerializer`: the serialized type."""
        returned = call.arg(1, "return_type")
        if returned is not None:
            spec.serialization_type = self.types.resolve(returned, spec.location)
            return
        func = call.arg(0, "func")
        symbol = self.types.hierarchy.symbols.lookup(func.name) if isinstance(func, Ref) else None
        if symbol is not None and isinstance(symbol.definition, Function) and symbol.definition.returns is not None:
            spec.serialization_type = self.types.resolve(symbol.definition.returns, symbol.definition.location)

    def _serializer_keeps_none(self, metadata: tuple[Value, ...]) -> bool:
        for item in metadata:
            if isinstance(item, Call) and _last(item.func) in SERIALIZERS:
                when = self.resolver.evaluate(item.kwarg("when_used"))
                return isinstance(when, str) and when.endswith("unless-none")
        return False

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
            self.warnings.append(Diagnostic(spec.location, f"default of `{spec.python_name}`: {resolved.reason}"))
        spec.default = resolved

    def _field_call(self, spec: FieldSpec, call: Call) -> None:
        if call.has(0, "default"):
            self._default(spec, call.arg(0, "default"))
        if call.kwarg("default_factory") is not None:
            spec.has_default, spec.default_factory = True, True
        self._apply_field_kwargs(spec, call)

    def _apply_field_kwargs(self, spec: FieldSpec, call: Call) -> None:
        for key, raw in call.kwargs:
            if key == "**":
                self.warnings.append(Diagnostic(spec.location, f"`**` arguments of `{spec.python_name}`'s field are "
                                                "not statically known; what they set is not documented"))
                continue
            setter = _KWARGS.get(key)
            if key == "discriminator":
                spec.type = discriminated(spec.type, discriminator_value(raw, self.resolver.evaluate))
            elif setter is not None:
                setter(spec, self.resolver.evaluate(raw))
            elif key in CONSTRAINTS:
                spec.constraints[key] = to_json(self.resolver.evaluate(raw))


def _last(value: Value) -> str:
    return value.last if isinstance(value, Ref) else ""


def _callee(value: Value) -> str:
    """The last name of a decorator, called (`@computed_field(...)`) or not."""
    return _last(value.func) if isinstance(value, Call) else _last(value)


def is_annotated(value: Value | None) -> bool:
    """`Annotated[T, …]`, by whatever name it is imported."""
    return (isinstance(value, Subscript) and isinstance(value.value, Ref) and bool(value.items)
            and canonical(value.value.name) == "typing.Annotated")


def _with_none(returned: Type, field_type: Type) -> Type:
    """A serializer skipped for `None` (`when_used="unless-none"`): null stays possible."""
    return union(returned, TPrim("none")) if _is_optional(field_type) else returned


def _is_optional(type_: Type) -> bool:
    return isinstance(type_, TUnion) and TPrim("none") in type_.options


def _alias_paths(value: Any) -> list[list[Any]] | None:
    """A validation alias as pydantic's list of paths (`AliasChoices("a", AliasPath("b", 0))`
    → `[["a"], ["b", 0]]`); None when it isn't static."""
    if isinstance(value, str):
        return [[value]]
    if isinstance(value, Call) and _last(value.func) == "AliasPath":
        return [list(value.args)]
    if isinstance(value, Call) and _last(value.func) == "AliasChoices":
        paths = [_alias_paths(arg) for arg in value.args]
        return None if any(p is None for p in paths) else [p for group in paths if group for p in group]
    return None


def _set_validation_alias(spec: FieldSpec, value: Any) -> None:
    """The key pydantic's validation schema uses: the first one-string path of the alias,
    else the Python name (`AliasPath("a", "b")` is not a key, the schema says the name)."""
    paths = _alias_paths(value)
    if paths is None:
        return
    keys = [p[0] for p in paths if len(p) == 1 and isinstance(p[0], str)]
    spec.validation_alias = keys[0] if keys else spec.python_name


def schema_extra_examples(value: Any) -> list[Any]:
    """The examples a `json_schema_extra` dict gives (`examples: [...]`, or one `example`)."""
    data = to_json(value)
    if not isinstance(data, dict):
        return []
    examples = data.get("examples", [data["example"]] if "example" in data else [])
    return [e for e in examples if not isinstance(e, Unknown)] if isinstance(examples, list) else []


def _set_schema_extra(spec: FieldSpec, value: Any) -> None:
    """`json_schema_extra={...}`: its examples (when none are given), and the dict itself
    when every value is static (a function is not read)."""
    if not spec.examples:
        _set_examples(spec, schema_extra_examples(value))
    data = to_json(value)
    if isinstance(data, dict) and not _has_unknown(data):
        spec.json_schema_extra = data


def _has_unknown(data: Any) -> bool:
    if isinstance(data, dict):
        return any(_has_unknown(v) for v in data.values())
    if isinstance(data, list):
        return any(_has_unknown(v) for v in data)
    return isinstance(data, Unknown)


def _set_examples(spec: FieldSpec, value: Any) -> None:
    data = to_json(value)
    if isinstance(data, list):
        spec.examples = data


_METADATA: dict[str, Callable[[FieldReader, FieldSpec, Call], None]] = {
    **dict.fromkeys(FIELD_CALLS, FieldReader._field_call),
    **dict.fromkeys([*MARKERS, "Len", "Interval"], FieldReader._annotated_type),
    **dict.fromkeys(SERIALIZERS, FieldReader._serializer),
    "StringConstraints": FieldReader._string_constraints,
    "Discriminator": FieldReader._discriminator,
}
"""`Annotated` metadata by the called name."""

_KWARGS: dict[str, Callable[[FieldSpec, Any], None]] = {
    "alias": lambda s, v: setattr(s, "alias", _string(v)),
    "validation_alias": _set_validation_alias,
    "serialization_alias": lambda s, v: setattr(s, "serialization_alias", _string(v)),
    "description": lambda s, v: setattr(s, "description", _string(v)),
    "examples": _set_examples,
    "example": lambda s, v: _set_examples(s, [v]),
    "json_schema_extra": _set_schema_extra,
    "title": lambda s, v: setattr(s, "title", _string(v)),
    "deprecated": lambda s, v: setattr(s, "deprecated", bool(v) if not isinstance(v, Unknown) else True),
    "exclude": lambda s, v: setattr(s, "exclude", v is True),
}
