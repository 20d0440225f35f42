"""Corpus: the other module with a model named `Item`."""

from typing import Optional

from pydantic import BaseModel


class Item(BaseModel):
    code: int
    note: Optional[str] = None
