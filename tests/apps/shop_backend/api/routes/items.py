"""Items: a body with embedded fields, a request model split from its response."""

from typing import Annotated

from fastapi import APIRouter, Body, Response

from ...models import Item, ItemIn, Money, Page

router = APIRouter(prefix="/items", tags=["items"])


@router.get("/", response_model=Page[Item])
def read_items(skip: int = 0, limit: int = 100) -> Page[Item]:
    """Retrieve items."""
    return Page(data=[], count=0)


@router.post("/", response_model=Item, status_code=201)
def create_item(item_in: ItemIn) -> Item:
    """Create new item."""
    return Item(id=1, owner_id=1, **item_in.model_dump())


@router.put("/{id}/price", name="set-price")
def update_price(id: int, price: Money, reason: Annotated[str, Body(max_length=200)] = "") -> Item:
    """Update an item's price."""
    raise NotImplementedError


@router.delete("/{id}", status_code=204)
def delete_item(id: int) -> Response:
    """Delete an item."""
    return Response(status_code=204)
