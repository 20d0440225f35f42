"""The backend's models: a computed field and a Decimal make request and response shapes differ."""

from datetime import datetime
from decimal import Decimal
from enum import Enum
from typing import Generic, Optional, TypeVar

from pydantic import BaseModel, ConfigDict, Field, computed_field
from pydantic.alias_generators import to_camel

T = TypeVar("T")


class Role(str, Enum):
    """What a user may do."""

    ADMIN = "admin"
    MEMBER = "member"


class UserBase(BaseModel):
    email: str = Field(max_length=255, description="Login e-mail")
    full_name: Optional[str] = Field(None, max_length=255)
    role: Role = Role.MEMBER


class UserCreate(UserBase):
    password: str = Field(min_length=8, max_length=40)


class User(UserBase):
    """A user as the API returns it."""

    id: int
    created_at: datetime


class Money(BaseModel):
    """An amount in a currency."""

    amount: Decimal = Field(ge=0)
    currency: str = Field("RUB", pattern=r"^[A-Z]{3}$")


class ItemIn(BaseModel):
    model_config = ConfigDict(alias_generator=to_camel, populate_by_name=True)

    title: str = Field(min_length=1, max_length=100)
    unit_price: Money
    quantity: int = Field(1, ge=1)
    tags: list[str] = []


class Item(ItemIn):
    id: int
    owner_id: int

    @computed_field  # type: ignore[prop-decorator]
    @property
    def total_cents(self) -> int:
        """The line total in cents."""
        return int(self.unit_price.amount * 100) * self.quantity


class Page(BaseModel, Generic[T]):
    """One page of a listing."""

    data: list[T]
    count: int


class Message(BaseModel):
    message: str
