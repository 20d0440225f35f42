"""Users: administration, sign-up, the current user's avatar and documents."""

import uuid
from typing import Annotated, Any

from fastapi import APIRouter, Depends, File, Form, UploadFile
from fullstack_backend.api.deps import CurrentUser, SessionDep, get_current_active_superuser
from fullstack_backend.models import Message, UserCreate, UserPublic, UserRegister, UsersPublic, UserUpdateMe

router = APIRouter(prefix="/users", tags=["users"])


@router.get("/", dependencies=[Depends(get_current_active_superuser)], response_model=UsersPublic)
def read_users(session: SessionDep, skip: int = 0, limit: int = 100) -> Any:
    """Retrieve users."""
    return UsersPublic(data=[], count=0)


@router.post("/", dependencies=[Depends(get_current_active_superuser)], response_model=UserPublic)
def create_user(*, session: SessionDep, user_in: UserCreate) -> Any:
    """Create new user."""
    return user_in


@router.patch("/me", response_model=UserPublic)
def update_user_me(*, session: SessionDep, user_in: UserUpdateMe, current_user: CurrentUser) -> Any:
    """Update own user."""
    return current_user


@router.post("/signup", response_model=UserPublic)
def register_user(session: SessionDep, user_in: UserRegister) -> Any:
    """Create new user without the need to be logged in."""
    return user_in


@router.post("/me/avatar")
async def upload_avatar(current_user: CurrentUser, file: UploadFile) -> Message:
    """Upload the current user's avatar."""
    return Message(message=file.filename or "")


@router.post("/{user_id}/documents")
async def upload_documents(
    user_id: uuid.UUID,
    session: SessionDep,
    files: Annotated[list[UploadFile], File(description="Scanned pages")],
    note: Annotated[str, Form()] = "",
) -> Message:
    """Attach documents to a user."""
    return Message(message=str(len(files)))
