"""Corpus: generic models, their parametrisations, and subclasses of parametrised generics."""

from typing import Generic, Optional, TypeVar

from pydantic import BaseModel

T = TypeVar("T")
K = TypeVar("K")
V = TypeVar("V")


class Item(BaseModel):
    id: int
    name: str


class Page(BaseModel, Generic[T]):
    items: list[T]
    total: int
    next_cursor: Optional[str] = None


class Pair(BaseModel, Generic[K, V]):
    key: K
    value: V


class Envelope(BaseModel, Generic[T]):
    data: T
    meta: dict[str, str] = {}


class ItemPage(Page[Item]):
    """A subclass of a parametrised generic: `items` are `Item`s."""

    source: str = ""


class ResultPage(Page[T], Generic[T]):
    """A generic subclass of a generic model."""

    cursor: str


class Catalog(BaseModel):
    page: Page[Item]
    pairs: list[Pair[str, int]]
    envelope: Envelope[Page[Item]]
    optional: Optional[Envelope[list[Item]]] = None
    results: ResultPage[Item]
    swapped: Pair[Item, str]
    own_page: ItemPage
