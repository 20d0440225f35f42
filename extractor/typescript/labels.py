"""Readable names of IR types: PascalCase labels for generic instances, Python-like labels."""

from __future__ import annotations

from collections.abc import Set as AbstractSet

from ..ir import (
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
    assert_never,
    children,
    walk,
)
from .naming import qualified_pascal, to_pascal

_LABEL_PREFIX: dict[type, str] = {
    TList: "List", TTuple: "Tuple", TDict: "Dict", TUnion: "Union", TJson: "Json",
}

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
        case TList() | TTuple() | TDict() | TUnion() | TJson():
            inner = "".join(type_label(c, registry, qualified) for c in children(t))
            return _LABEL_PREFIX[type(t)] + inner
        case _:
            assert_never(t)


def named_keys(t: Type) -> set[str]:
    """The keys of the models and enums that appear in a type's label."""
    return {node.key for node in walk(t) if isinstance(node, TModel | TEnum)}


_PY_PRIMS = {"none": "None", "any": "Any", "secret": "SecretStr"}


def python_label(t: Type, registry: Registry) -> str:  # noqa: PLR0911 (one case a variant)
    """A Python-like spelling of a type for the doc model (`list[Item]`, `Page[Item]`)."""
    match t:
        case TModel(key=key, args=args):
            base = model_name(key, registry)
            return f"{base}[{_py_args(args, registry)}]" if args else base
        case TEnum(key=key):
            return model_name(key, registry)
        case TPrim(name=name):
            return _PY_PRIMS.get(name, name)
        case TVar(name=name):
            return name
        case TLiteral(values=values):
            return f"Literal[{', '.join(map(repr, values))}]"
        case TUnion(options=options):
            return " | ".join(python_label(o, registry) for o in options)
        case TList(item=item, unique=unique):
            return f"{'set' if unique else 'list'}[{python_label(item, registry)}]"
        case TTuple(items=items):
            return f"tuple[{_py_args(items, registry) or '()'}]"
        case TJson(inner=inner):
            return f"Json[{python_label(inner, registry)}]"
        case TDict(key=key, value=value):
            return f"dict[{_py_args((key, value), registry)}]"
        case TUnknown():
            return "Any"
        case _:
            assert_never(t)


def _py_args(types: tuple[Type, ...], registry: Registry) -> str:
    return ", ".join(python_label(a, registry) for a in types)
