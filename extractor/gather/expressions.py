"""Static values: the plain-data form of Python expressions, before cross-module resolution.

Names become `Ref`s to qualified names through the module's imports; what has no static
meaning (f-strings with format specs, lambdas, comprehensions, `**kwargs`) becomes `Unknown`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TypeAlias

from ..diagnostics import Unknown


@dataclass(frozen=True)
class Ref:
    """A name resolved through imports: `typing.Optional`, `pkg.models.Deal`, `os.environ`."""

    name: str

    @property
    def last(self) -> str:
        """The last dotted component (recognition by name)."""
        return self.name.rpartition(".")[2]


@dataclass(frozen=True)
class Call:
    """A call with its arguments; `kwargs` keeps order, `**x` is the key `**`."""

    func: Value
    args: tuple[Value, ...]
    kwargs: tuple[tuple[str, Value], ...]
    location: str

    def kwarg(self, name: str) -> Value | None:
        """The keyword argument `name`, or None."""
        for key, value in self.kwargs:
            if key == name:
                return value
        return None

    def arg(self, index: int, name: str) -> Value | None:
        """An argument given by position `index` or by keyword `name`."""
        if index < len(self.args):
            return self.args[index]
        return self.kwarg(name)

    def has(self, index: int, name: str) -> bool:
        """True when the argument is given, by position or keyword (even as `None`)."""
        return index < len(self.args) or any(key == name for key, _ in self.kwargs)


@dataclass(frozen=True)
class Subscript:
    """`value[items]`, mostly generic types."""

    value: Value
    items: tuple[Value, ...]


@dataclass(frozen=True)
class Attr:
    """An attribute of something that isn't a name (`f().x`)."""

    value: Value
    attr: str


@dataclass(frozen=True)
class BinOp:
    """A binary operation left for the resolver (`A | B`, `TIMEOUT * 2`)."""

    op: str
    left: Value
    right: Value


@dataclass(frozen=True)
class ListV:
    """A list, tuple or set display."""

    items: tuple[Value, ...]
    kind: str = "list"


@dataclass(frozen=True)
class DictV:
    """A dict display."""

    items: tuple[tuple[Value, Value], ...]


@dataclass(frozen=True)
class FString:
    """An f-string with fields, left for the resolver: text parts and the fields' values
    (`f"{settings.API_V1_STR}/login"`); it is known when every field is a constant."""

    parts: tuple[Value, ...]
    location: str | None = None


@dataclass(frozen=True)
class EllipsisV:
    """`...` (required field marker, variadic tuples)."""


@dataclass(frozen=True)
class Code:
    """A lambda's parameters and body expression, as source text: kept for the resolver's
    restricted string evaluator (alias generators); never run."""

    params: tuple[str, ...]
    body: str
    location: str


Value: TypeAlias = (
    str | int | float | bool | bytes | Ref | Call | Subscript | Attr | BinOp | FString | ListV | DictV | EllipsisV
    | Code | Unknown | None
)

