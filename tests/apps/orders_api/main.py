"""Orders: modes that differ (Decimal, computed fields), a generic envelope, a form-feed docstring."""

from decimal import Decimal
from typing import Annotated, Generic, Literal, Optional, TypeVar, Union

from fastapi import APIRouter, FastAPI, Header, Query
from pydantic import BaseModel, ConfigDict, Field, computed_field

from .other import Item as OtherItem

T = TypeVar("T")


class Price(BaseModel):
    """A price.\f internal notes, cut by FastAPI"""

    value: Decimal
    note: Optional[str] = None


class Line(BaseModel):
    price: Price
    qty: int = Field(1, ge=1, le=10, examples=[2])


class Order(BaseModel):
    model_config = ConfigDict(extra="forbid")
    lines: list[Line]

    @computed_field  # type: ignore[prop-decorator]
    @property
    def count(self) -> int:
        return len(self.lines)


class Envelope(BaseModel, Generic[T]):
    data: T
    ok: bool = True


class Item(BaseModel):
    name: str


class Cat(BaseModel):
    kind: Literal["cat"]


class Dog(BaseModel):
    kind: Literal["dog"]


class Pets(BaseModel):
    pet: Union[Cat, Dog]


app = FastAPI(title="Orders", description="Orders and their lines.", version="3.0")
shop = APIRouter()


@app.post("/orders", response_model=Envelope[Order])
def create(order: Order, dry: Annotated[bool, Query(description="Dry run", deprecated=True)] = False):
    """Create an order.

    Lines are priced now.
    \f
    Internal: not published.
    """
    return {"data": order}


@app.get("/orders/{oid}/lines")
def lines(oid: int, ids: Annotated[list[int], Query()] = [], limit: int = Query(10, le=50, title="Page size")
          ) -> list[Line]:
    return []


@app.get("/prices/latest")
async def latest() -> Price:
    return Price(value=Decimal(1))


@shop.get("/items", response_model=list[OtherItem])
def items(x_request_id: Annotated[str, Header()] = "") -> list[OtherItem]:
    return []


@shop.post("/items")
def pair(item: Item, other: OtherItem) -> Pets:
    raise NotImplementedError


@shop.post("/echo")
def echo(payload: dict[str, int], flag: bool = False) -> dict[str, int]:
    return payload


app.include_router(shop, prefix="/shop", tags=["shop"])
