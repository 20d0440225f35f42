"""Corpus: one of two modules with a model named `Item`."""

from pydantic import BaseModel


class Item(BaseModel):
    code: str
