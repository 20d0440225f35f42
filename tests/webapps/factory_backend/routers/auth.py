"""Login with a form model, token with OAuth2's own form."""

from typing import Annotated

from factory_backend.schemas import LoginForm, Token
from fastapi import APIRouter, Depends, Form
from fastapi.security import OAuth2PasswordRequestFormStrict

router = APIRouter(prefix="/auth", tags=["auth"])


@router.post("/login")
def login(data: Annotated[LoginForm, Form()]) -> Token:
    """Log in with a form."""
    return Token(access_token=data.username)


@router.post("/token")
def token(form: Annotated[OAuth2PasswordRequestFormStrict, Depends()]) -> Token:
    """OAuth2 token."""
    return Token(access_token=form.username)
