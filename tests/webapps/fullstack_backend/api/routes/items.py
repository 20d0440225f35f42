"""Items of the current user."""

import uuid
from typing import Any

from fastapi import APIRouter, HTTPException
from fullstack_backend.api.deps import CurrentUser, SessionDep
from fullstack_backend.models import Item, ItemCreate, ItemPublic, ItemsPublic, ItemUpdate, Message

router = APIRouter(prefix="/items", tags=["items"])


@router.get("/", response_model=ItemsPublic)
def read_items(session: SessionDep, current_user: CurrentUser, skip: int = 0, limit: int = 100) -> Any:
    """Retrieve items."""
    return ItemsPublic(data=[], count=0)


@router.get("/{id}", response_model=ItemPublic, responses={404: {"model": Message, "description": "Not found"}})
def read_item(session: SessionDep, current_user: CurrentUser, id: uuid.UUID) -> Any:
    """Get item by ID."""
    raise HTTPException(status_code=404, detail="Item not found")


@router.post("/", response_model=ItemPublic, status_code=201)
def create_item(*, session: SessionDep, current_user: CurrentUser, item_in: ItemCreate) -> Any:
    """Create new item."""
    return Item.model_validate(item_in, update={"owner_id": current_user.id})


@router.put("/{id}", response_model=ItemPublic)
def update_item(*, session: SessionDep, current_user: CurrentUser, id: uuid.UUID, item_in: ItemUpdate) -> Any:
    """Update an item."""
    raise HTTPException(status_code=404, detail="Item not found")


@router.delete("/{id}", deprecated=True)
def delete_item(session: SessionDep, current_user: CurrentUser, id: uuid.UUID) -> Message:
    """Delete an item."""
    return Message(message="Item deleted successfully")
