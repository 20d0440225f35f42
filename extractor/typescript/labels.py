"""Readable names of IR types: PascalCase labels for generic instances, Python-like labels."""

from __future__ import annotations

from collections.abc import Set as AbstractSet
from functools import singledispatch

from extractor.ir import (
    Registry,
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
from extractor.typescript.naming import qualified_pascal, to_pascal

_LABEL_PREFIX: dict[type, str] = {
    TList: "List", TTuple: "Tuple", TDict: "Dict", TUnion: "Union", TJson: "Json",
}


def _inner(t: Type) -> tuple[Type, ...]:
    match t:
        case TList(item=item) | TJson(inner=item):
            return (item,)
        case TTuple(items=items) | TUnion(options=items):
            return items
        case TDict(key=key, value=value):
            return (key, value)
    return ()


Qualify = bool | AbstractSet[str]
"""Which keys get module-qualified names: all (True), none (False), or those in the set."""


def model_name(key: str, registry: Registry, qualified: Qualify = False) -> str:
    """A model's or enum's class name (`Item`), or its module-qualified PascalCase name."""
    spec = registry.models.get(key) or registry.enums.get(key)
    wanted = qualified if isinstance(qualified, bool) else key in qualified
    return qualified_pascal(key) if wanted or spec is None else spec.name


def type_label(t: Type, registry: Registry, qualified: Qualify = False) -> str:
    """A PascalCase label of a type, used to name generic instances (`Page[Item]` → `PageItem`)."""
    match t:
        case TModel(key=key, args=args):
            base = model_name(key, registry, qualified)
            return base + "".join(type_label(a, registry, qualified) for a in args)
        case TEnum(key=key):
            return model_name(key, registry, qualified)
        case TPrim(name=name) | TVar(name=name):
            return to_pascal(name)
        case TLiteral() | TUnknown():
            return type(t).__name__[1:]
    inner = "".join(type_label(c, registry, qualified) for c in _inner(t))
    return _LABEL_PREFIX[type(t)] + inner


def named_keys(t: Type) -> set[str]:
    """The keys of the models and enums that appear in a type's label."""
    match t:
        case TModel(key=key, args=args):
            return {key}.union(*(named_keys(a) for a in args))
        case TEnum(key=key):
            return {key}
    return set().union(*(named_keys(c) for c in _inner(t)))


_PY_PRIMS = {"none": "None", "any": "Any", "secret": "SecretStr"}


@singledispatch
def python_label(t: Type, registry: Registry) -> str:
    """A Python-like spelling of a type for the doc model (`list[Item]`, `Page[Item]`)."""
    return "Any"


@python_label.register
def _(t: TModel, registry: Registry) -> str:
    base = model_name(t.key, registry)
    return f"{base}[{_py_args(t.args, registry)}]" if t.args else base


@python_label.register
def _(t: TEnum, registry: Registry) -> str:
    return model_name(t.key, registry)


@python_label.register
def _(t: TPrim, registry: Registry) -> str:
    return _PY_PRIMS.get(t.name, t.name)


@python_label.register
def _(t: TVar, registry: Registry) -> str:
    return t.name


@python_label.register
def _(t: TLiteral, registry: Registry) -> str:
    return f"Literal[{', '.join(map(repr, t.values))}]"


@python_label.register
def _(t: TUnion, registry: Registry) -> str:
    return " | ".join(python_label(o, registry) for o in t.options)


@python_label.register
def _(t: TList, registry: Registry) -> str:
    return f"{'set' if t.unique else 'list'}[{python_label(t.item, registry)}]"


@python_label.register
def _(t: TTuple, registry: Registry) -> str:
    return f"tuple[{_py_args(t.items, registry) or '()'}]"


@python_label.register
def _(t: TJson, registry: Registry) -> str:
    return f"Json[{python_label(t.inner, registry)}]"


@python_label.register
def _(t: TDict, registry: Registry) -> str:
    return f"dict[{_py_args((t.key, t.value), registry)}]"


def _py_args(types: tuple[Type, ...], registry: Registry) -> str:
    return ", ".join(python_label(a, registry) for a in types)
