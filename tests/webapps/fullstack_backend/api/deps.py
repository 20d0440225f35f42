"""Dependencies shared by the routes: the session, the token and the current user."""

from collections.abc import Generator
from typing import Annotated

from fastapi import Depends, Header, HTTPException, Security
from fastapi.security import APIKeyHeader, OAuth2PasswordBearer
from fullstack_backend.core.config import settings
from fullstack_backend.core.db import engine
from fullstack_backend.models import User
from sqlmodel import Session

reusable_oauth2 = OAuth2PasswordBearer(tokenUrl=f"{settings.API_V1_STR}/login/access-token")
api_key_header = APIKeyHeader(name="X-Service-Key", auto_error=False)


def get_db() -> Generator[Session, None, None]:
    with Session(engine) as session:
        yield session


SessionDep = Annotated[Session, Depends(get_db)]
TokenDep = Annotated[str, Depends(reusable_oauth2)]


def get_current_user(session: SessionDep, token: TokenDep) -> User:
    user = session.get(User, token)
    if not user:
        raise HTTPException(status_code=404, detail="User not found")
    return user


CurrentUser = Annotated[User, Depends(get_current_user)]


def get_current_active_superuser(current_user: CurrentUser) -> User:
    if not current_user.is_superuser:
        raise HTTPException(status_code=403, detail="The user doesn't have enough privileges")
    return current_user


def service_key(key: str | None = Security(api_key_header)) -> str | None:
    return key


class RateLimiter:
    """A class dependency: the instance is called with the request's own parameters."""

    def __init__(self, per_minute: int) -> None:
        self.per_minute = per_minute

    def __call__(self, x_client_id: Annotated[str | None, Header()] = None) -> None:
        return None


limiter = RateLimiter(60)
