"""Corpus: serializers change the serialization shape (field_serializer, PlainSerializer,
model_serializer); validation keeps the declared types."""

from datetime import datetime
from decimal import Decimal
from typing import Annotated, Any

from pydantic import BaseModel, PlainSerializer, field_serializer, model_serializer

Timestamp = Annotated[datetime, PlainSerializer(lambda v: v.timestamp(), return_type=float)]


class Serialized(BaseModel):
    created: datetime
    updated: datetime | None = None
    price: Decimal = Decimal("1.50")
    untyped: datetime
    stamp: Timestamp
    inline: Annotated[int, PlainSerializer(str, return_type=str)] = 0

    @field_serializer("created", "updated")
    def _as_epoch(self, value: datetime | None) -> int | None:
        return int(value.timestamp()) if value else None

    @field_serializer("price", mode="plain")
    def _price(self, value: Decimal) -> float:
        return float(value)

    @field_serializer("untyped")
    def _untyped(self, value: datetime):  # type: ignore[no-untyped-def]
        return value.isoformat()


class ChildSerialized(Serialized):
    extra: str = ""


class Flattened(BaseModel):
    """Serialized as a flat mapping by its model serializer."""

    name: str
    values: list[int] = []

    @model_serializer
    def _flat(self) -> dict[str, Any]:
        return {"name": self.name, **{str(i): v for i, v in enumerate(self.values)}}


class UsesFlattened(BaseModel):
    inner: Flattened
    items: list[Flattened] = []
