"""Corpus: `from __future__ import annotations`, every annotation a string."""

from __future__ import annotations

from typing import Optional

from pydantic import BaseModel, Field


class Order(BaseModel):
    id: int
    lines: list[OrderLine]
    customer: Customer | None = None
    meta: dict[str, list[int]] = {}


class OrderLine(BaseModel):
    sku: str
    qty: int = Field(1, ge=1)
    order: Optional[Order] = None


class Customer(BaseModel):
    name: str
    orders: list[Order] = []
