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
ENUM_BASES = frozenset({"Enum", "IntEnum", "StrEnum", "Flag", "IntFlag"})
GENERIC_BASES = frozenset({"typing.Generic", "typing_extensions.Generic"})


@dataclass(frozen=True)
class ClassInfo:
    """A class of the integration with its module and registry key."""

    cls: ClassDef
    module: ModuleFacts

    @property
    def key(self) -> str:
        """`module.ClassName`, unique in the integration."""
        return f"{self.module.module}.{self.cls.name}"


def base_ref(base: Value) -> Ref | None:
    """The class a base expression names (`Page[T]` names `Page`)."""
    if isinstance(base, Subscript):
        base = base.value
    return base if isinstance(base, Ref) else None


def _decorator_name(value: Value) -> str:
    """`dataclass` of `@dataclass` and of `@dataclasses.dataclass(frozen=True)`."""
    target = value.func if isinstance(value, Call) else value
    return target.last if isinstance(target, Ref) else ""


class Hierarchy:
    """Answers which integration classes are models, enums, settings, errors or integrations."""

    def __init__(self, symbols: SymbolTable) -> None:
        self.symbols = symbols
        self._external: dict[str, tuple[str, ...]] = {}
        """`external_bases` by class key: the symbols don't change once read."""

    def resolve_class(self, ref: Ref, depth: int = 0) -> ClassInfo | None:
        """The integration class `ref` names, following aliases like `RefundIn = RefundRequest`."""
        symbol: Symbol | None = self.symbols.lookup(ref.name)
        if symbol is None or symbol.rest or depth > 16:
            return None
        if isinstance(symbol.definition, ClassDef):
            return ClassInfo(symbol.definition, symbol.module)
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
        """Every class of the integration."""
        return [ClassInfo(cls, module) for module, cls in self.symbols.classes()]

    def is_model(self, info: ClassInfo) -> bool:
        """A pydantic model (BaseModel, BaseSettings, v1 GenericModel, SQLModel), directly or via bases."""
        return self.derives_from(info, MODEL_BASES) or self.is_dataclass(info)

    def is_dataclass(self, info: ClassInfo) -> bool:
        """A class decorated `@dataclass` (stdlib or pydantic's): FastAPI reads it as a model."""
        return any(_decorator_name(d) == "dataclass" for d in info.cls.decorators)

    def is_typed_dict(self, info: ClassInfo) -> bool:
        """A `TypedDict` (pydantic validates it like a model without config)."""
        return self.derives_from(info, TYPED_DICT_BASES)

    def is_enum(self, info: ClassInfo) -> bool:
        """An Enum / IntEnum / StrEnum."""
        return self.derives_from(info, ENUM_BASES)
