"""Types declared by a call or a tuple class, held in the registry by name as pydantic names
them in its JSON Schema: `TypeAliasType(...)` / `type X = …`, `NamedTuple` (class and call)."""

from __future__ import annotations

from ..gather.expressions import Call, ListV, Ref, Value
from ..gather.facts import Assign, ModuleFacts
from ..ir import FieldSpec, ModelSpec, TPrim, TTuple
from .classes import ClassInfo
from .constants import to_json
from .fields import FieldReader


class DeclaredTypes:
    """Registry entries (`is_root` specs: one `root` field) of aliases and named tuples."""

    def __init__(self, fields: FieldReader) -> None:
        self.fields = fields

    def from_assign(self, module: ModuleFacts, assign: Assign, kind: str) -> ModelSpec:
        """The entry of `X = TypeAliasType("X", …)` ("alias") or `P = NamedTuple("P", …)`."""
        assert isinstance(assign.value, Call)
        call = assign.value
        key = f"{module.module}.{assign.name}"
        if kind == "alias":
            return self._alias(key, assign, call)
        items = self._call_items(call, assign.location)
        root = FieldSpec("root", _tuple(items), assign.location)
        return ModelSpec(key=key, name=assign.name, location=assign.location, fields=[root], is_root=True,
                         declared="namedtuple", items=items)

    def _alias(self, key: str, assign: Assign, call: Call) -> ModelSpec:
        """An alias: its value as the root field (an `Annotated` value's constraints kept),
        its `type_params` as the entry's type parameters."""
        params = _param_names(call.kwarg("type_params"))
        local = [name for name, is_local in params if is_local]
        target = Assign("root", None, assign.location, call.arg(1, "value"), annotated=True, has_value=False)
        with self.fields.types.local_params(local):
            root = self.fields.field(target, v1=False)
        return ModelSpec(key=key, name=assign.name, location=assign.location, fields=[root], is_root=True,
                         type_params=tuple(name for name, _ in params), declared="alias")

    def _call_items(self, call: Call, location: str) -> list[FieldSpec]:
        """`NamedTuple("P", [("x", int)])`, `NamedTuple("P", x=int)`, `namedtuple("P", "x y")`."""
        fields = call.arg(1, "fields")
        if isinstance(call.func, Ref) and call.func.last == "namedtuple":
            names = fields.replace(",", " ").split() if isinstance(fields, str) else \
                [n for n in (fields.items if isinstance(fields, ListV) else ()) if isinstance(n, str)]
            items = [FieldSpec(name, TPrim("any"), location) for name in names]
            defaults = call.kwarg("defaults")
            values = defaults.items if isinstance(defaults, ListV) else ()
            for item, value in zip(reversed(items), reversed(values), strict=False):  # the last ones
                item.has_default, item.default = True, to_json(self.fields.resolver.evaluate(value))
            return items
        pairs = [p.items for p in fields.items if isinstance(p, ListV) and len(p.items) == 2] \
            if isinstance(fields, ListV) else [(k, v) for k, v in call.kwargs]
        return [FieldSpec(str(name), self.fields.types.resolve(t, location), location) for name, t in pairs]

    def named_tuple(self, info: ClassInfo) -> ModelSpec:
        """A `class P(NamedTuple)`: its annotated attributes in order; those after the first
        default may be left out (pydantic's `minItems`)."""
        with self.fields.types.within(info):
            items = [self.fields.field(assign, v1=False) for assign in info.cls.attrs
                     if assign.annotated and not assign.name.startswith("_")]
        root = FieldSpec("root", _tuple(items), info.cls.location)
        return ModelSpec(key=info.key, name=info.cls.name, location=info.cls.location, docstring=info.cls.docstring,
                         fields=[root], is_root=True, declared="namedtuple", items=items)


def _tuple(items: list[FieldSpec]) -> TTuple:
    """The tuple type of a NamedTuple's items: those after the first default may be left out."""
    required = next((index for index, item in enumerate(items) if item.has_default), None)
    return TTuple(tuple(item.type for item in items), required)


def _param_names(value: Value | None) -> list[tuple[str, bool]]:
    """The names of `type_params=(T, U)`: (name, declared by the statement itself)."""
    items = value.items if isinstance(value, ListV) else ()
    found: list[tuple[str, bool]] = []
    for item in items:
        if isinstance(item, Ref):
            found.append((item.last, False))
        elif isinstance(item, Call) and item.args and isinstance(item.args[0], str):
            found.append((item.args[0], True))
    return found
