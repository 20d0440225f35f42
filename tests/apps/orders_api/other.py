"""Catalogue items: a second class named `Item` (module-qualified components)."""

from pydantic import BaseModel


class Item(BaseModel):
    code: int
