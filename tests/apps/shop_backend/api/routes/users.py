"""Users: sign-up, listing and reading."""

from typing import Annotated, Optional

from fastapi import APIRouter, Header, HTTPException, Path, Query, status

from ...models import Message, Page, Role, User, UserCreate

router = APIRouter(prefix="/users", tags=["users"])


@router.get("/", response_model=Page[User])
def read_users(
    skip: Annotated[int, Query(ge=0)] = 0,
    limit: Annotated[int, Query(ge=1, le=100, description="Page size")] = 100,
    role: Optional[Role] = None,
) -> Page[User]:
    """Retrieve users.

    Admins see everyone.
    """
    return Page(data=[], count=0)


@router.post("/signup", status_code=status.HTTP_201_CREATED)
def register_user(user_in: UserCreate, user_agent: Annotated[Optional[str], Header()] = None) -> User:
    """Create a new user without the need to be logged in."""
    raise HTTPException(status_code=400)


@router.get("/{user_id}", summary="Read one user")
def read_user_by_id(user_id: Annotated[int, Path(ge=1, description="The user's id")]) -> User:
    """A specific user by id."""
    raise HTTPException(status_code=404)


@router.delete("/{user_id}", deprecated=True)
def delete_user(user_id: int) -> Message:
    """Delete a user."""
    return Message(message="User deleted successfully")
