"""Corpus: a type from a third-party package that isn't installed; read, never imported."""

from typing import Optional

from money_lib_not_installed import Money
from pydantic import BaseModel


class Priced(BaseModel):
    name: str
    price: Money
    discounts: list[Money] = []
    optional: Optional[Money] = None
