"""The resolved type tree: its variants, and every operation over them, each written once.

`resolve` builds these types from annotations; `typescript` renders them. A type is a small
tree of frozen dataclasses; models and enums are referenced by `key` (`module.QualName`) and
looked up in a `Registry` (`ir.records`). Each operation here is one `match` over the variants
ending in `assert_never`, so a new variant makes mypy list every place that must handle it;
code elsewhere walks types only through these functions.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import Literal, NoReturn, TypeAlias

Scalar: TypeAlias = str | int | float | bool | None

Mode: TypeAlias = Literal["validation", "serialization"]
"""pydantic's two JSON Schema modes: what a model accepts, and what it serializes to."""


@dataclass(frozen=True)
class TPrim:
    """A scalar type by canonical name: str int float bool none bytes datetime date time
    timedelta uuid decimal email url secret path any object json."""

    name: str
    meta: tuple[tuple[str, str], ...] = field(default=(), compare=False)
    """`Annotated` metadata of a nested scalar (constraints, examples) as (key, JSON text) pairs;
    not part of the type's identity. `NOTE_KEYS` document the value, the others constrain it."""


@dataclass(frozen=True)
class TList:
    """list / Sequence / set / frozenset / tuple[X, ...]; `unique` for sets."""

    item: Type
    unique: bool = False


@dataclass(frozen=True)
class TTuple:
    """A fixed-length tuple `tuple[A, B]`; a `NamedTuple` with defaults accepts its first
    `required` items alone too (None: all items are required)."""

    items: tuple[Type, ...]
    required: int | None = None


@dataclass(frozen=True)
class TDict:
    """dict / Mapping: an index signature keyed by `key`."""

    key: Type
    value: Type


@dataclass(frozen=True)
class TUnion:
    """`A | B`, Optional (with TPrim('none')), discriminated unions (`discriminator` field name)."""

    options: tuple[Type, ...]
    discriminator: str | None = None
    """The field whose value picks the member (`Field(discriminator="kind")`);
    `CALLABLE_DISCRIMINATOR` for a callable `Discriminator(func)` (members tagged, no field)."""


@dataclass(frozen=True)
class TLiteral:
    """`Literal[...]` values (Enum members already replaced by their values)."""

    values: tuple[Scalar, ...]


@dataclass(frozen=True)
class TModel:
    """A pydantic model of the integration, by registry key; `args` for generic models."""

    key: str
    args: tuple[Type, ...] = ()


@dataclass(frozen=True)
class TEnum:
    """An Enum of the integration, by registry key."""

    key: str


@dataclass(frozen=True)
class TVar:
    """A type variable of a generic model, substituted when the model is parametrised."""

    name: str
    fallback: Type | None = field(default=None, compare=False)
    """What pydantic uses while it is unbound: the TypeVar's default, else the union of its
    constraints, else its bound; None: `Any`."""


@dataclass(frozen=True)
class TJson:
    """pydantic's `Json[X]`: a string holding JSON when validated, the `X` value when
    serialized; bare `Json` is `Json[Any]`."""

    inner: Type


@dataclass(frozen=True)
class TUnknown:
    """A type that can't be resolved statically (`unknown` in TypeScript, plus a warning)."""

    reason: str
    location: str = ""


Type: TypeAlias = (
    TPrim | TList | TTuple | TDict | TUnion | TLiteral | TModel | TEnum | TVar | TJson | TUnknown
)


def assert_never(value: NoReturn, /) -> NoReturn:
    """The end of an exhaustive `match` over `Type` (`typing.assert_never` is Python 3.11+):
    mypy rejects the call while a variant is left unhandled."""
    raise AssertionError(f"unhandled type variant: {value!r}")


def children(t: Type) -> tuple[Type, ...]:
    """The types directly inside `t`: an item, the items or options, a key and a value, a
    model's type arguments, `Json`'s inner type. A type variable's fallback is not part of
    the tree (it is what pydantic uses while the variable is unbound)."""
    match t:
        case TList(item=item) | TJson(inner=item):
            return (item,)
        case TTuple(items=items) | TUnion(options=items) | TModel(args=items):
            return items
        case TDict(key=key, value=value):
            return (key, value)
        case TPrim() | TLiteral() | TEnum() | TVar() | TUnknown():
            return ()
        case _:
            assert_never(t)


def walk(t: Type) -> Iterator[Type]:
    """`t` and every type inside it (see `children`), depth first, left to right."""
    yield t
    for child in children(t):
        yield from walk(child)


def substitute(t: Type, env: Mapping[str, Type]) -> Type:
    """`t` with its type variables replaced by their values in `env` (unbound ones stay)."""
    if not env:
        return t
    return transform(t, lambda node: env.get(node.name, node) if isinstance(node, TVar) else None)


def transform(t: Type, replace: Callable[[Type], Type | None]) -> Type:  # noqa: PLR0911 (one case a variant)
    """`t` rebuilt with `replace(node)` wherever it gives a type (that node is not descended
    into); elsewhere the node is rebuilt from its transformed children."""
    found = replace(t)
    if found is not None:
        return found
    match t:
        case TList(item=item, unique=unique):
            return TList(transform(item, replace), unique)
        case TTuple(items=items, required=required):
            return TTuple(_transformed(items, replace), required)
        case TDict(key=key, value=value):
            return TDict(transform(key, replace), transform(value, replace))
        case TUnion(options=options, discriminator=discriminator):
            return TUnion(_transformed(options, replace), discriminator)
        case TModel(key=key, args=args):
            return TModel(key, _transformed(args, replace))
        case TJson(inner=inner):
            return TJson(transform(inner, replace))
        case TPrim() | TLiteral() | TEnum() | TVar() | TUnknown():
            return t
        case _:
            assert_never(t)


def _transformed(types: tuple[Type, ...], replace: Callable[[Type], Type | None]) -> tuple[Type, ...]:
    return tuple(transform(item, replace) for item in types)


def type_vars(t: Type) -> list[str]:
    """The names of the type variables in `t`, left to right, each once."""
    return list(dict.fromkeys(node.name for node in walk(t) if isinstance(node, TVar)))


def models_in(t: Type, mode: Mode) -> list[TModel]:
    """The model instances `t`'s text names in `mode`, left to right (not looking inside a
    model: `Page[Item]` is one). A validated `Json[X]` is a string, naming nothing; an unbound
    type variable names what its fallback names."""
    match t:
        case TModel():
            return [t]
        case TJson(inner=inner):
            return [] if mode == "validation" else models_in(inner, mode)
        case TVar(fallback=fallback):
            return [] if fallback is None else models_in(fallback, mode)
        case TList() | TTuple() | TDict() | TUnion():
            return [model for child in children(t) for model in models_in(child, mode)]
        case TPrim() | TLiteral() | TEnum() | TUnknown():
            return []
        case _:
            assert_never(t)


NOTE_KEYS = frozenset({"examples", "sample", "description", "format", "named"})
"""`TPrim.meta` keys that document a value rather than constrain it: `examples` and
`description` as written (`Annotated[int, Field(description=...)]`), `sample` (a value a known
type accepts, for documents' examples), `format` (pydantic's JSON Schema format of a known type),
`named` (the name of pydantic's own type alias, `JsonValue`: a definition in its schema)."""

CALLABLE_DISCRIMINATOR = "()"
"""`TUnion.discriminator` of a union picked by a function: no field name is statically known."""

NONE = TPrim("none")
"""`None` as a type (`X | None` is `TUnion((X, NONE))`)."""


def is_nullable(t: Type) -> bool:
    """True when `None` is a valid value of `t` (Optional, `X | None`, `Literal[None]`)."""
    match t:
        case TPrim(name=name):
            return name == "none"
        case TLiteral(values=values):
            return None in values
        case TUnion(options=options):
            return any(is_nullable(option) for option in options)
        case TList() | TTuple() | TDict() | TModel() | TEnum() | TVar() | TJson() | TUnknown():
            return False
        case _:
            assert_never(t)


def non_null(t: Type) -> tuple[Type, ...]:
    """The options of `t` other than `None`: `X | None` → `(X,)`, `X` → `(X,)`."""
    options = t.options if isinstance(t, TUnion) else (t,)
    return tuple(option for option in options if option != NONE)
