"""Annotations → resolved types (extractor.ir): dispatch tables over canonical type names."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator
from contextlib import AbstractContextManager, contextmanager
from typing import Any

from ..diagnostics import Unknown
from ..gather.expressions import BinOp, Call, EllipsisV, ListV, Ref, Subscript, Value
from ..gather.facts import Assign
from ..ir import (
    TDict,
    TEnum,
    TJson,
    TList,
    TLiteral,
    TModel,
    TPrim,
    TTuple,
    TUnion,
    TUnknown,
    TVar,
    Type,
)
from .classes import ClassInfo, Hierarchy
from .constants import Resolver, to_json
from .discriminators import discriminated, discriminator_of
from .known_types import CONSTRAINED_CALLS, known_type
from .markers import declared_kind, marker_constraints

META_CALLS = frozenset({"Field", "StringConstraints"})
META_KEYS = frozenset({"examples", "description", "pattern", "min_length", "max_length", "gt", "ge", "lt", "le",
                       "multiple_of", "max_digits", "decimal_places"})

_PREFIXES = (
    ("typing_extensions.", "typing."), ("collections.abc.", "typing."),
    ("pydantic.v1.", "pydantic."), ("pydantic.types.", "pydantic."),
    ("pydantic.networks.", "pydantic."), ("pydantic_extra_types.", "pydantic."),
)
LISTS = {"typing.List": False, "builtins.list": False, "typing.Sequence": False,
         "typing.MutableSequence": False, "typing.Iterable": False, "typing.Collection": False,
         "typing.Deque": False, "collections.deque": False, "typing.Set": True,
         "builtins.set": True, "typing.FrozenSet": True, "builtins.frozenset": True,
         "typing.AbstractSet": True, "typing.MutableSet": True}
DICTS = frozenset({"typing.Dict", "builtins.dict", "typing.Mapping", "typing.MutableMapping",
                   "typing.OrderedDict", "collections.OrderedDict", "typing.DefaultDict",
                   "collections.defaultdict"})
WRAPPERS = frozenset({"typing.Annotated", "typing.Required", "typing.NotRequired",
                      "typing.ReadOnly", "typing.Final", "typing.ClassVar", "typing.Awaitable",
                      "typing.Type"})
TYPEVAR = frozenset({"typing.TypeVar"})
JSON = "pydantic.Json"
"""`Json[X]` (bare `Json` is in `known_types`)."""


def canonical(name: str) -> str:
    """`typing_extensions.List` → `typing.List`, `pydantic.networks.HttpUrl` → `pydantic.HttpUrl`."""
    for old, new in _PREFIXES:
        if name.startswith(old):
            return new + name[len(old):]
    return name


class TypeResolver:
    """Turns annotation values into `Type`s; what can't be resolved is `TUnknown` + warning."""

    def __init__(self, hierarchy: Hierarchy, resolver: Resolver) -> None:
        self.hierarchy = hierarchy
        self.resolver = resolver
        self.warnings: list[tuple[str, str]] = []
        self.scope: ClassInfo | None = None
        """The class whose body is being read (its nested classes are visible)."""
        self.params: set[str] = set()
        """Type parameters of a `type X[T] = …` statement being read."""

    def resolve(self, value: Value | None, location: str, depth: int = 0) -> Type:
        """The type an annotation value denotes."""
        if depth > 48:
            return self._unknown("type nests too deeply", location)
        handler = _DISPATCH.get(type(value))
        if handler is None:
            return self._unknown(f"annotation `{value!r}` is not a type", location)
        return handler(self, value, location, depth)

    def probe(self, value: Value | None, location: str) -> Type:
        """Resolve without warnings (to test whether a parameter is a model)."""
        count = len(self.warnings)
        try:
            return self.resolve(value, location)
        finally:
            del self.warnings[count:]

    def _unknown(self, reason: str, location: str) -> TUnknown:
        self.warnings.append((location, reason))
        return TUnknown(reason, location)

    def _none(self, value: None, location: str, depth: int) -> Type:
        return TPrim("none")

    @contextmanager
    def within(self, scope: ClassInfo) -> Iterator[None]:
        """Resolve names as in `scope`'s body (its nested classes are visible)."""
        outer, self.scope = self.scope, scope
        try:
            yield
        finally:
            self.scope = outer

    def local_params(self, names: Iterable[str]) -> AbstractContextManager[None]:
        """Resolve `names` as type variables (a `type X[T] = …` statement's parameters)."""
        return _bound(self.params, names)

    def _ref(self, value: Ref, location: str, depth: int) -> Type:
        info = self.hierarchy.in_scope(value, self.scope)
        if info is not None:
            if self.hierarchy.is_registered(info):
                return TModel(info.key)
            if self.hierarchy.is_enum(info):
                return TEnum(info.key)
            return self._unknown(f"`{info.cls.name}` is neither a pydantic model nor an Enum", location)
        return self._name(value, location, depth)

    def _name(self, value: Ref, location: str, depth: int) -> Type:
        """A name that is not a class: a module-level alias, a type parameter, an external type."""
        symbol = self.hierarchy.symbols.lookup(value.name)
        if symbol is not None and isinstance(symbol.definition, Assign) and not symbol.rest:
            if declared_kind(symbol.definition) is not None:
                return TModel(symbol.key)
            return self._alias(symbol.definition, location, depth)
        if symbol is None and value.last in self.params:
            return TVar(value.last)
        return self._external(canonical(value.name), location)

    def _alias(self, assign: Assign, location: str, depth: int) -> Type:
        value = assign.value
        if isinstance(value, Call) and isinstance(value.func, Ref) and canonical(value.func.name) in TYPEVAR:
            return TVar(assign.name, self._fallback(value, assign.location, depth))
        return self.resolve(value, assign.location, depth + 1)

    def _fallback(self, typevar: Call, location: str, depth: int) -> Type | None:
        """What pydantic validates an unbound TypeVar as: its default, else its constraints'
        union, else its bound (None: anything)."""
        default, bound = typevar.kwarg("default"), typevar.kwarg("bound")
        if default is not None:
            return self.resolve(default, location, depth + 1)
        if len(typevar.args) > 1:
            return union(*(self.resolve(arg, location, depth + 1) for arg in typevar.args[1:]))
        return self.resolve(bound, location, depth + 1) if bound is not None else None

    def _external(self, name: str, location: str) -> Type:
        found = _external_type(name)
        return found if found is not None else self._unknown(f"type `{name}` can't be resolved statically", location)

    def _binop(self, value: BinOp, location: str, depth: int) -> Type:
        if value.op != "|":
            return self._unknown(f"`{value.op}` in an annotation", location)
        left = self.resolve(value.left, location, depth + 1)
        right = self.resolve(value.right, location, depth + 1)
        return union(left, right)

    def _call(self, value: Call, location: str, depth: int) -> Type:
        name = canonical(value.func.name) if isinstance(value.func, Ref) else ""
        last = name.rpartition(".")[2]
        if last in {"conlist", "conset", "confrozenset"}:
            item = value.arg(0, "item_type")
            return TList(self.resolve(item, location, depth + 1), unique=last != "conlist")
        if name.startswith("pydantic.") and last in CONSTRAINED_CALLS:
            return TPrim(CONSTRAINED_CALLS[last], self._meta(value.kwargs))
        return self._unknown(f"call `{name or '?'}(...)` in an annotation", location)

    def _meta(self, kwargs: Iterable[tuple[str, Value]]) -> tuple[tuple[str, str], ...]:
        """Constraints and examples of a nested scalar as `TPrim.meta` pairs."""
        meta: list[tuple[str, str]] = []
        for key, raw in kwargs:
            data = to_json(self.resolver.evaluate(raw))
            if key in META_KEYS and not isinstance(data, Unknown):
                meta.append((key, json.dumps(data, ensure_ascii=False)))
        return tuple(meta)

    def _subscript(self, value: Subscript, location: str, depth: int) -> Type:
        if not isinstance(value.value, Ref):
            return self._unknown("subscript of a non-name in an annotation", location)
        info = self.hierarchy.in_scope(value.value, self.scope)
        name = canonical(value.value.name)
        items = value.items[:1] if name == "typing.Annotated" else value.items
        items = tuple(i for i in items if not isinstance(i, EllipsisV) and not _empty_tuple(i))
        args = () if name == "typing.Literal" else tuple(self.resolve(i, location, depth + 1) for i in items)
        if info is not None and self.hierarchy.is_registered(info):
            return TModel(info.key, args)
        symbol = self.hierarchy.symbols.lookup(value.value.name)
        if symbol is not None and isinstance(symbol.definition, Assign) and declared_kind(symbol.definition):
            return TModel(symbol.key, args)  # a generic `TypeAliasType` (`Pair[int]`)
        return self._generic(name, value, args, location)

    def _generic(self, name: str, value: Subscript, args: tuple[Type, ...], location: str) -> Type:
        """`typing` / builtin generics by canonical name."""
        generic = _GENERICS.get(name)
        if generic is not None:
            return generic(self, value, args, location)
        if name in LISTS:
            return TList(args[0] if args else TPrim("any"), unique=LISTS[name])
        if name in DICTS:
            return TDict(args[0], args[1]) if len(args) == 2 else TDict(TPrim("str"), TPrim("any"))
        return self._unknown(f"generic type `{name}` can't be resolved statically", location)

    def _literal(self, value: Subscript, args: tuple[Type, ...], location: str) -> Type:
        values: list[object] = []
        for item in value.items:
            resolved = self.resolver.evaluate(item)
            if resolved is not None and not isinstance(resolved, str | int | float | bool):
                return self._unknown("Literal value is not statically known", location)
            values.append(resolved)
        return TLiteral(tuple(values))  # type: ignore[arg-type]

    def _tuple(self, value: Subscript, args: tuple[Type, ...], location: str) -> Type:
        if len(value.items) == 2 and isinstance(value.items[1], EllipsisV):
            return TList(args[0])
        return TTuple(args)

    def _optional(self, value: Subscript, args: tuple[Type, ...], location: str) -> Type:
        return union(*args, TPrim("none"))

    def _union(self, value: Subscript, args: tuple[Type, ...], location: str) -> Type:
        return union(*args)

    def _annotated(self, value: Subscript, args: tuple[Type, ...], location: str) -> Type:
        inner = self._first(value, args, location)
        for item in value.items[1:]:
            inner = discriminated(inner, discriminator_of(item, self.resolver.evaluate))
        if not isinstance(inner, TPrim):
            return inner
        meta = list(inner.meta)
        for item in value.items[1:]:
            if isinstance(item, Call) and isinstance(item.func, Ref) and item.func.last in META_CALLS:
                meta += self._meta(item.kwargs)
            elif isinstance(item, Call):
                meta += self._meta(marker_constraints(item))
        return TPrim(inner.name, tuple(meta)) if meta else inner

    def _json(self, value: Subscript, args: tuple[Type, ...], location: str) -> Type:
        return TJson(args[0] if args else TPrim("any"))

    def _first(self, value: Subscript, args: tuple[Type, ...], location: str) -> Type:
        return args[0] if args else self._unknown("empty wrapper type", location)

    def _last(self, value: Subscript, args: tuple[Type, ...], location: str) -> Type:
        return args[-1] if args else self._unknown("empty wrapper type", location)

    def _unknown_value(self, value: Unknown, location: str, depth: int) -> Type:
        return self._unknown(value.reason, value.location or location)


def _external_type(name: str) -> Type | None:
    """The type an external (not integration) name denotes, or None when it's not known."""
    found = known_type(name)
    if found is not None:
        return found
    if name in LISTS:
        return TList(TPrim("any"), unique=LISTS[name])
    return TDict(TPrim("str"), TPrim("any")) if name in DICTS else None


def _empty_tuple(item: Value) -> bool:
    """`()` in `tuple[()]`, the empty tuple type."""
    return isinstance(item, ListV) and not item.items


@contextmanager
def _bound(params: set[str], names: Iterable[str]) -> Iterator[None]:
    added = set(names) - params
    params |= added
    try:
        yield
    finally:
        params -= added


def union(*options: Type) -> Type:
    """A flattened, de-duplicated union (a single option is returned as itself); a
    discriminated union made Optional keeps its discriminator."""
    flat: list[Type] = []
    for option in options:
        for item in option.options if isinstance(option, TUnion) else (option,):
            if item not in flat:
                flat.append(item)
    picked = [o.discriminator for o in options if isinstance(o, TUnion) and o.discriminator is not None]
    rest = [o for o in options if not (isinstance(o, TUnion) and o.discriminator is not None)]
    discriminator = picked[0] if len(picked) == 1 and all(o == TPrim("none") for o in rest) else None
    return flat[0] if len(flat) == 1 else TUnion(tuple(flat), discriminator)


_GENERICS: dict[str, Callable[[TypeResolver, Subscript, tuple[Type, ...], str], Type]] = {
    "typing.Literal": TypeResolver._literal,
    "typing.Optional": TypeResolver._optional,
    "typing.Union": TypeResolver._union,
    "builtins.tuple": TypeResolver._tuple,
    "typing.Tuple": TypeResolver._tuple,
    "typing.Coroutine": TypeResolver._last,
    **{name: TypeResolver._first for name in WRAPPERS},
    "typing.Annotated": TypeResolver._annotated,
    JSON: TypeResolver._json,
}
_DISPATCH: dict[type, Callable[[TypeResolver, Any, str, int], Type]] = {
    type(None): TypeResolver._none,
    Ref: TypeResolver._ref,
    BinOp: TypeResolver._binop,
    Call: TypeResolver._call,
    Subscript: TypeResolver._subscript,
    Unknown: TypeResolver._unknown_value,
}
