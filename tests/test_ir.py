"""The type operations of `extractor.ir`, and every per-type rule handling every variant."""

from __future__ import annotations

import typing

import pytest

from extractor.ir import (
    NONE,
    Mode,
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
    children,
    is_nullable,
    models_in,
    non_null,
    substitute,
    type_vars,
    walk,
)
from extractor.typescript.context import Context, Site
from extractor.typescript.labels import python_label, type_label
from extractor.typescript.sample_values import example_value
from extractor.typescript.types import ts_type

S, INT = TPrim("str"), TPrim("int")
T, U = TVar("T"), TVar("U")
ITEM, PAGE_T = TModel("m.Item"), TModel("m.Page", (T,))

ONE_OF_EACH: dict[type, Type] = {
    TPrim: S, TList: TList(T), TTuple: TTuple((T, INT)), TDict: TDict(S, U),
    TUnion: TUnion((T, NONE)), TLiteral: TLiteral(("a", None)), TModel: PAGE_T,
    TEnum: TEnum("m.Color"), TVar: T, TJson: TJson(T), TUnknown: TUnknown("dynamic", "m.py:1"),
}


def test_one_of_each_covers_every_variant() -> None:
    assert set(ONE_OF_EACH) == set(typing.get_args(Type))


CHILDREN: list[tuple[Type, tuple[Type, ...]]] = [
    (S, ()), (TList(T), (T,)), (TTuple((T, INT)), (T, INT)), (TDict(S, U), (S, U)),
    (TUnion((T, NONE)), (T, NONE)), (TLiteral(("a",)), ()), (PAGE_T, (T,)), (TEnum("m.Color"), ()),
    (TVar("T", fallback=ITEM), ()), (TJson(T), (T,)), (TUnknown("x"), ()),
]


@pytest.mark.parametrize(("t", "expected"), CHILDREN)
def test_children(t: Type, expected: tuple[Type, ...]) -> None:
    assert children(t) == expected


def test_walk_is_depth_first_left_to_right() -> None:
    t = TUnion((TList(TDict(S, ITEM)), TJson(PAGE_T)))
    assert list(walk(t)) == [t, TList(TDict(S, ITEM)), TDict(S, ITEM), S, ITEM, TJson(PAGE_T), PAGE_T, T]


ENV = {"T": INT, "U": ITEM}
SUBSTITUTIONS: list[tuple[Type, Type]] = [
    (T, INT), (TVar("V"), TVar("V")), (TList(T, unique=True), TList(INT, unique=True)),
    (TTuple((T, U)), TTuple((INT, ITEM))), (TDict(S, U), TDict(S, ITEM)),
    (TUnion((T, NONE), "kind"), TUnion((INT, NONE), "kind")), (PAGE_T, TModel("m.Page", (INT,))),
    (TJson(T), TJson(INT)), (TJson(TList(U)), TJson(TList(ITEM))),
    (S, S), (TLiteral((1,)), TLiteral((1,))), (TEnum("m.Color"), TEnum("m.Color")), (TUnknown("x"), TUnknown("x")),
]


@pytest.mark.parametrize(("t", "expected"), SUBSTITUTIONS)
def test_substitute(t: Type, expected: Type) -> None:
    assert substitute(t, ENV) == expected
    assert substitute(t, {}) is t


@pytest.mark.parametrize(("t", "expected"), [
    (S, []), (TDict(U, TList(T)), ["U", "T"]), (TUnion((T, TJson(T), TModel("m.P", (U,)))), ["T", "U"]),
    (TJson(TVar("V")), ["V"]), (TVar("T", fallback=TVar("W")), ["T"]),
])
def test_type_vars(t: Type, expected: list[str]) -> None:
    assert type_vars(t) == expected


MODELS_IN: list[tuple[Type, Mode, list[TModel]]] = [
    (TModel("m.Page", (ITEM,)), "validation", [TModel("m.Page", (ITEM,))]),
    (TDict(S, TList(TUnion((ITEM, NONE)))), "validation", [ITEM]),
    (TTuple((ITEM, TModel("m.Other"))), "serialization", [ITEM, TModel("m.Other")]),
    (TJson(ITEM), "validation", []),
    (TJson(ITEM), "serialization", [ITEM]),
    (TVar("T", fallback=ITEM), "validation", [ITEM]),
    (T, "validation", []),
    (TEnum("m.Color"), "validation", []),
]


@pytest.mark.parametrize(("t", "mode", "expected"), MODELS_IN)
def test_models_in(t: Type, mode: Mode, expected: list[TModel]) -> None:
    assert models_in(t, mode) == expected


@pytest.mark.parametrize(("t", "nullable", "options"), [
    (NONE, True, ()), (TLiteral(("a", None)), True, (TLiteral(("a", None)),)),
    (TUnion((S, NONE)), True, (S,)), (TUnion((S, TUnion((INT, NONE)))), True, (S, TUnion((INT, NONE)))),
    (S, False, (S,)), (TList(NONE), False, (TList(NONE),)), (TVar("T", fallback=NONE), False, (TVar("T"),)),
])
def test_is_nullable_and_non_null(t: Type, nullable: bool, options: tuple[Type, ...]) -> None:
    assert is_nullable(t) is nullable
    assert non_null(t) == options


@pytest.mark.parametrize("variant", list(ONE_OF_EACH))
@pytest.mark.parametrize("mode", ["validation", "serialization"])
def test_every_rule_handles_every_variant(variant: type, mode: Mode) -> None:
    """mypy proves each `match` exhaustive; this runs each one once per variant."""
    t = ONE_OF_EACH[variant]
    registry = Registry()
    ctx = Context(registry=registry, mode=mode)
    assert isinstance(ts_type(t, ctx, Site("m.py:1", "M.f")), str)
    assert type_label(t, registry) and python_label(t, registry)
    example_value(t, ctx)
    substitute(t, ENV)
    models_in(t, mode)
    is_nullable(t)
