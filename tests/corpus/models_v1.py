"""Corpus: pydantic v1 style through `pydantic.v1`: Optional implies a `None` default."""

from typing import Dict, List, Optional

from pydantic.v1 import BaseModel, Extra, Field


class LegacyItem(BaseModel):
    """A v1 model."""

    name: str
    note: Optional[str]
    count: int = 0
    tags: List[str] = []


class LegacyOrder(BaseModel):
    order_id: str = Field(..., alias="orderId")
    items: List[LegacyItem]
    parent: Optional["LegacyOrder"]
    meta: Dict[str, int] = Field(default_factory=dict)

    class Config:
        allow_population_by_field_name = True
        extra = Extra.forbid


class LegacyOpen(BaseModel):
    value: Optional[int] = Field(None, description="Optional with a Field default")
    required_value: int

    class Config:
        extra = "allow"
