"""Generic models: their type variables, and what each base's variables are bound to.

`class ItemPage(Page[Item])` binds `Page`'s `T` to `Item` for the fields `ItemPage` inherits;
`class ResultPage(Page[T], Generic[T])` keeps `T` free; `class Sub(Page)` inherits `T`.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import singledispatch

from ..gather.expressions import Ref, Subscript, Value
from ..ir import TDict, TList, TModel, TTuple, TUnion, TVar, Type
from .classes import GENERIC_BASES, MODEL_BASES, ClassInfo, Hierarchy, base_ref
from .types import TypeResolver

Env = Mapping[str, Type]


@singledispatch
def substitute(t: Type, env: Env) -> Type:
    """`t` with its type variables replaced by their values in `env` (unbound ones stay)."""
    return t


@substitute.register
def _(t: TVar, env: Env) -> Type:
    return env.get(t.name, t)


@substitute.register
def _(t: TList, env: Env) -> Type:
    return TList(substitute(t.item, env), t.unique)


@substitute.register
def _(t: TTuple, env: Env) -> Type:
    return TTuple(tuple(substitute(i, env) for i in t.items))


@substitute.register
def _(t: TDict, env: Env) -> Type:
    return TDict(substitute(t.key, env), substitute(t.value, env))


@substitute.register
def _(t: TUnion, env: Env) -> Type:
    return TUnion(tuple(substitute(o, env) for o in t.options), t.discriminator)


@substitute.register
def _(t: TModel, env: Env) -> Type:
    return TModel(t.key, tuple(substitute(a, env) for a in t.args))


def type_vars(t: Type) -> list[str]:
    """The type variables in `t`, left to right, each once."""
    if isinstance(t, TVar):
        return [t.name]
    inner: tuple[Type, ...] = ()
    match t:
        case TList(item=item):
            inner = (item,)
        case TTuple(items=items) | TUnion(options=items) | TModel(args=items):
            inner = items
        case TDict(key=key, value=value):
            inner = (key, value)
    return list(dict.fromkeys(name for child in inner for name in type_vars(child)))


class Generics:
    """Type parameters of models and the bindings of their bases' parameters."""

    def __init__(self, hierarchy: Hierarchy, types: TypeResolver) -> None:
        self.hierarchy = hierarchy
        self.types = types

    def type_params(self, info: ClassInfo, depth: int = 0) -> tuple[str, ...]:
        """`Generic[T, U]` (or `BaseModel[T]`-style) of the class itself; else the free
        variables of its parametrised bases and the parameters of its unparametrised ones."""
        own = [self._args(base, info) for base in info.cls.bases if _declares_params(base)]
        if own:
            return tuple(dict.fromkeys(name for args in own for t in args for name in type_vars(t)))
        found: list[str] = []
        for base, parent in self._model_bases(info):
            if isinstance(base, Subscript):
                found += [name for t in self._args(base, info) for name in type_vars(t)]
            elif depth < 32:
                found += self.type_params(parent, depth + 1)
        return tuple(dict.fromkeys(found))

    def base_envs(self, info: ClassInfo) -> dict[str, dict[str, Type]]:
        """For the class and each integration base: its type variables → their values, in
        terms of the class's own type variables (which stay `TVar`s)."""
        envs: dict[str, dict[str, Type]] = {info.key: {}}
        queue = [info]
        while queue and len(envs) < 64:
            current = queue.pop(0)
            env = envs[current.key]
            for base, parent in self._model_bases(current):
                if parent.key in envs:
                    continue
                if isinstance(base, Subscript):
                    args = [substitute(a, env) for a in self._args(base, current)]
                    envs[parent.key] = dict(zip(self.type_params(parent), args, strict=False))
                else:
                    envs[parent.key] = dict(env)
                queue.append(parent)
        return envs

    def root_type(self, info: ClassInfo) -> Type | None:
        """The `root` type a `RootModel[X]` base declares, or None."""
        for base in info.cls.bases:
            ref = base_ref(base)
            if ref is None or ref.last != "RootModel" or self.hierarchy.resolve_class(ref) is not None:
                continue
            args = self._args(base, info) if isinstance(base, Subscript) else ()
            return args[0] if args else None
        return None

    def _model_bases(self, info: ClassInfo) -> list[tuple[Value, ClassInfo]]:
        found = []
        for base in info.cls.bases:
            ref = base_ref(base)
            parent = self.hierarchy.resolve_class(ref) if ref else None
            if parent is not None and self.hierarchy.is_model(parent):
                found.append((base, parent))
        return found

    def _args(self, base: Value, info: ClassInfo) -> tuple[Type, ...]:
        if not isinstance(base, Subscript):
            return ()
        return tuple(self.types.resolve(item, info.cls.location) for item in base.items)


def _declares_params(base: Value) -> bool:
    """`Generic[T]`, or `BaseModel[T]` / `GenericModel[T]`-style external bases."""
    if not (isinstance(base, Subscript) and isinstance(base.value, Ref)):
        return False
    name = base.value
    return name.name in GENERIC_BASES or (name.last in MODEL_BASES and name.last != "RootModel")
