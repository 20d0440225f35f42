"""Class hierarchy: integration bases, external bases, and what kind of class each one is."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from functools import cached_property

from ..gather.expressions import Call, Ref, Subscript, Value
from ..gather.facts import ClassDef, ModuleFacts
from .symbols import Symbol, SymbolTable

MODEL_BASES = frozenset({"BaseModel", "BaseSettings", "GenericModel", "RootModel", "SQLModel"})
TYPED_DICT_BASES = frozenset({"TypedDict"})
NAMED_TUPLE_BASES = frozenset({"NamedTuple"})
ENUM_BASES = frozenset({"Enum", "IntEnum", "StrEnum", "Flag", "IntFlag"})
GENERIC_BASES = frozenset({"typing.Generic", "typing_extensions.Generic"})


@dataclass(frozen=True)
class ClassInfo:
    """A class of the integration with its module and registry key."""

    cls: ClassDef
    module: ModuleFacts
    outer: str = ""
    """The dotted names of the classes whose bodies define this one (`Message` for
    `Message.ToolCall`); empty at module level."""

    @property
    def key(self) -> str:
        """`module.ClassName` (`module.Outer.Inner` for a nested class), unique in the integration."""
        return f"{self.module.module}.{self.qualname}"

    @property
    def qualname(self) -> str:
        """`ClassName`, `Outer.Inner`."""
        return f"{self.outer}.{self.cls.name}" if self.outer else self.cls.name

    def nested(self) -> list[ClassInfo]:
        """The classes defined in this class's body."""
        return [ClassInfo(inner, self.module, self.qualname) for inner in self.cls.inner.values()]


def base_ref(base: Value) -> Ref | None:
    """The class a base expression names (`Page[T]` names `Page`)."""
    if isinstance(base, Subscript):
        base = base.value
    return base if isinstance(base, Ref) else None


def _decorator_name(value: Value) -> str:
    """`dataclass` of `@dataclass` and of `@dataclasses.dataclass(frozen=True)`."""
    target = value.func if isinstance(value, Call) else value
    return target.last if isinstance(target, Ref) else ""


def _nested(info: ClassInfo, rest: tuple[str, ...]) -> ClassInfo | None:
    """The class `Outer.Inner.…` names from `Outer` (None when a part isn't a nested class)."""
    for name in rest:
        inner = info.cls.inner.get(name)
        if inner is None:
            return None
        info = ClassInfo(inner, info.module, info.qualname)
    return info


class Hierarchy:
    """Answers which integration classes are models, enums, settings, errors or integrations."""

    def __init__(self, symbols: SymbolTable) -> None:
        self.symbols = symbols
        self._external: dict[str, tuple[str, ...]] = {}
        """`external_bases` by class key: the symbols don't change once read."""

    def resolve_class(self, ref: Ref, depth: int = 0) -> ClassInfo | None:
        """The integration class `ref` names, following aliases like `RefundIn = RefundRequest`."""
        symbol: Symbol | None = self.symbols.lookup(ref.name)
        if symbol is None or depth > 16 or (symbol.rest and not isinstance(symbol.definition, ClassDef)):
            return None
        if isinstance(symbol.definition, ClassDef):
            return _nested(ClassInfo(symbol.definition, symbol.module), symbol.rest)
        value = getattr(symbol.definition, "value", None)
        if isinstance(value, Ref) and getattr(symbol.definition, "annotation", None) is None:
            return self.resolve_class(value, depth + 1)
        return None

    def mro(self, info: ClassInfo) -> list[ClassInfo]:
        """The class and its integration bases, depth-first left to right, each once."""
        seen: dict[str, ClassInfo] = {}
        self._walk(info, seen, 0)
        return list(seen.values())

    def _walk(self, info: ClassInfo, seen: dict[str, ClassInfo], depth: int) -> None:
        if info.key in seen or depth > 32:
            return
        seen[info.key] = info
        for base in info.cls.bases:
            ref = base_ref(base)
            found = self.resolve_class(ref) if ref else None
            if found is not None:
                self._walk(found, seen, depth + 1)

    def external_bases(self, info: ClassInfo) -> tuple[str, ...]:
        """Qualified names of the bases outside the integration, over the whole hierarchy
        (worked out once per class)."""
        found = self._external.get(info.key)
        if found is None:
            found = self._external[info.key] = tuple(self._external_bases(info))
        return found

    def _external_bases(self, info: ClassInfo) -> Iterator[str]:
        for item in self.mro(info):
            for base in item.cls.bases:
                ref = base_ref(base)
                if ref is not None and self.resolve_class(ref) is None:
                    yield ref.name

    def derives_from(self, info: ClassInfo, names: frozenset[str] | tuple[str, ...]) -> bool:
        """True when an external base's last name component is one of `names`."""
        return any(name.rpartition(".")[2] in names for name in self.external_bases(info))

    @cached_property
    def all_classes(self) -> list[ClassInfo]:
        """Every class of the integration, nested ones (`Outer.Inner`) after their outer class."""
        found: list[ClassInfo] = []
        pending = [ClassInfo(cls, module) for module, cls in self.symbols.classes()]
        while pending:
            info = pending.pop(0)
            found.append(info)
            pending[:0] = info.nested()
        return found

    def in_scope(self, ref: Ref, scope: ClassInfo | None) -> ClassInfo | None:
        """The class `ref` names where `scope`'s body is read: a class of an enclosing class
        body (`tool_calls: list[ToolCall]` inside `Message`) before the module's."""
        prefix = f"{scope.module.module}." if scope is not None else ""
        if scope is not None and ref.name.startswith(prefix):
            path = scope.qualname.split(".")
            for cut in range(len(path), 0, -1):
                found = self.resolve_class(Ref(prefix + ".".join([*path[:cut], ref.name[len(prefix):]])))
                if found is not None:
                    return found
        return self.resolve_class(ref)

    def is_model(self, info: ClassInfo) -> bool:
        """A pydantic model (BaseModel, BaseSettings, v1 GenericModel, SQLModel), directly or via bases."""
        return self.derives_from(info, MODEL_BASES) or self.is_dataclass(info)

    def is_dataclass(self, info: ClassInfo) -> bool:
        """A class decorated `@dataclass` (stdlib or pydantic's): FastAPI reads it as a model."""
        return any(_decorator_name(d) == "dataclass" for d in info.cls.decorators)

    def is_typed_dict(self, info: ClassInfo) -> bool:
        """A `TypedDict` (pydantic validates it like a model without config)."""
        return self.derives_from(info, TYPED_DICT_BASES)

    def is_named_tuple(self, info: ClassInfo) -> bool:
        """A `NamedTuple` class (a fixed tuple in JSON Schema)."""
        return self.derives_from(info, NAMED_TUPLE_BASES)

    def is_registered(self, info: ClassInfo) -> bool:
        """A class the registry holds as a model: pydantic model, TypedDict or NamedTuple."""
        return self.is_model(info) or self.is_typed_dict(info) or self.is_named_tuple(info)

    def is_enum(self, info: ClassInfo) -> bool:
        """An Enum / IntEnum / StrEnum."""
        return self.derives_from(info, ENUM_BASES)
