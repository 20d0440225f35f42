"""Corpus: every sequence, set, tuple and mapping spelling."""

from collections import deque
from collections.abc import Mapping, MutableMapping, Sequence
from collections.abc import Set as AbstractSet
from typing import Deque, Dict, FrozenSet, List, Optional, Set, Tuple

from pydantic import BaseModel, Field


class Sequences(BaseModel):
    names: list[str]
    seq: Sequence[int]
    old_list: List[float]
    deq: Deque[int]
    deq_new: deque[str] = Field(default_factory=deque)
    nested: list[list[int]]
    optional_items: list[int | None]
    optional_list: list[str] | None = None
    bare_list: list
    bounded: list[int] = Field(default=[], min_length=0, max_length=10)


class Sets(BaseModel):
    ids: set[int]
    frozen: frozenset[str]
    old_set: Set[str]
    old_frozen: FrozenSet[int] = frozenset()
    abstract: AbstractSet[str] = set()
    bare_set: set


class Tuples(BaseModel):
    variadic: tuple[int, ...]
    pair: tuple[str, int]
    single: tuple[bool]
    old_variadic: Tuple[str, ...]
    old_pair: Tuple[int, str]
    bare_tuple: tuple
    nested: tuple[tuple[int, int], ...] = ()
    with_optional: tuple[str, Optional[int]]
    empty: tuple[()] = ()


class Mappings(BaseModel):
    counts: dict[str, int]
    mapping: Mapping[str, str]
    int_keys: dict[int, str]
    nested: dict[str, list[dict[str, float]]]
    bare: dict
    old: Dict[str, bool]
    optional: Optional[dict[str, int]] = None
    mutable: MutableMapping[str, bool] = {}
    values_optional: dict[str, int | None] = {}
