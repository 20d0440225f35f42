"""Corpus: edge cases: bound and constrained TypeVars, recursive generics, aliases of Literal
and Union, keys that are TypeScript keywords, a default that doesn't fit its type, TypedDict."""

from typing import Annotated, Generic, Literal, Optional, TypeVar, Union

from pydantic import BaseModel, Field, JsonValue, StringConstraints
from typing_extensions import NotRequired, Required, TypedDict


class Item(BaseModel):
    id: int


Bound = TypeVar("Bound", bound=Item)
Constrained = TypeVar("Constrained", int, str)
T = TypeVar("T")

Kind = Literal["a", "b"]
Identifier = Union[int, str]
Lower = Annotated[str, StringConstraints(min_length=2, max_length=10, to_lower=True)]


class Boxed(BaseModel, Generic[Bound, Constrained]):
    """Unparametrised: a bound TypeVar is its bound, a constrained one the union."""

    item: Bound
    key: Constrained
    items: list[Bound] = []


class Tree(BaseModel, Generic[T]):
    value: T
    children: list["Tree[T]"] = []


class Forest(BaseModel):
    trees: list[Tree[int]]
    named: Tree[str]
    boxed: Boxed[Item, int]


class Keywords(BaseModel):
    kind: Kind
    ident: Identifier
    optional_kind: Optional[Kind] = None
    lower: Lower = "ab"
    anything: JsonValue = None
    class_: str = Field(alias="class")
    default: int = 0
    function: str = ""
    constructor: str = ""
    delete: bool = False


class BadDefault(BaseModel):
    """pydantic doesn't check defaults: `None` for an `int` is optional `number` in its schema."""

    count: int = None  # type: ignore[assignment]
    name: str = Field(default=None)  # type: ignore[arg-type]


class Point(TypedDict):
    x: int
    y: int
    label: NotRequired[str]


class Options(TypedDict, total=False):
    verbose: bool
    level: Required[int]


class Drawing(BaseModel):
    origin: Point
    points: list[Point] = []
    options: Optional[Options] = None
