"""Items: header models, cookies, aliases, scopes, extra responses, streams."""

from collections.abc import AsyncIterable
from typing import Annotated

from factory_backend.schemas import CommonHeaders, Item, ItemIn, Problem, Receipt
from factory_backend.security import Writer, service
from fastapi import APIRouter, Body, Cookie, Depends, Header, Query, status


class Paging:
    def __init__(self, page: int = 1, size: Annotated[int, Query(alias="per-page", le=100)] = 20) -> None:
        self.page = page
        self.size = size


router = APIRouter(tags=["items"])


@router.get("/")
def list_items(paging: Annotated[Paging, Depends()], headers: Annotated[CommonHeaders, Header()]) -> list[Item]:
    """List items."""
    return []


@router.get("/stream")
async def stream_items(session_id: Annotated[str | None, Cookie()] = None) -> AsyncIterable[Item]:
    """Stream items as JSON lines."""
    yield Item(id=1, name="a", price=1)


@router.post("/", status_code=status.HTTP_201_CREATED, responses={409: {"model": Problem, "description": "Exists"}})
def create_item(item: ItemIn, user: Writer) -> Item:
    """Create an item (needs the items:write scope)."""
    return Item(id=1, name=item.name, price=item.price)


@router.put("/{item_id}/price", dependencies=[Depends(service)])
def set_price(item_id: int, price: Annotated[float, Body(embed=True, gt=0)]) -> Item:
    """Set the price (service token)."""
    return Item(id=item_id, name="x", price=price)


@router.delete("/{item_id}", status_code=204)
def delete_item(
    item_id: int, user: Writer, x_reason: Annotated[str | None, Header(convert_underscores=False)] = None
) -> None:
    """Delete an item."""


@router.post("/receipts")
def add_receipt(receipt: Receipt) -> Receipt:
    """A dataclass in and out."""
    return receipt
