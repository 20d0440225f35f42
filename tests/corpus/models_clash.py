"""Corpus: two models with one class name in one block get distinct interface names."""

from pydantic import BaseModel

from . import shop_b
from .shop_a import Item


class Pair(BaseModel):
    left: Item
    right: shop_b.Item
    both: list[Item | shop_b.Item] = []


class Item2(BaseModel):
    """Named like a numbered interface name (`IItem2`)."""

    value: Item
