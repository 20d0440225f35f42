"""Generic models: their type parameters, and what each base's parameters are bound to.

`class ItemPage(Page[Item])` binds `Page`'s `T` to `Item` for the fields `ItemPage` inherits;
`class ResultPage(Page[T], Generic[T])` keeps `T` free; `class Sub(Page)` inherits `T`.
"""

from __future__ import annotations

from ..gather.expressions import Ref, Subscript, Value
from ..ir import Type, substitute, type_vars
from .classes import GENERIC_BASES, MODEL_BASES, ClassInfo, Hierarchy, base_ref
from .types import TypeResolver


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
        with self.types.within(info):
            return tuple(self.types.resolve(item, info.cls.location) for item in base.items)


def _declares_params(base: Value) -> bool:
    """`Generic[T]`, or `BaseModel[T]` / `GenericModel[T]`-style external bases."""
    if not (isinstance(base, Subscript) and isinstance(base.value, Ref)):
        return False
    name = base.value
    return name.name in GENERIC_BASES or (name.last in MODEL_BASES and name.last != "RootModel")
