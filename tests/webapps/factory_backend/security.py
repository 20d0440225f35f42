"""Authentication: a scoped OAuth2 scheme, an HTTP bearer scheme, a client header check."""

from typing import Annotated

from fastapi import Depends, Header, Security
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer, OAuth2PasswordBearer

oauth2 = OAuth2PasswordBearer(tokenUrl="/api/auth/token", scopes={"items:write": "Change items"})
bearer = HTTPBearer(scheme_name="ServiceToken")


def verify_client(x_client: Annotated[str, Header()]) -> str:
    return x_client


def current_user(token: Annotated[str, Depends(oauth2)]) -> str:
    return token


def writer(user: Annotated[str, Security(current_user, scopes=["items:write"])]) -> str:
    return user


def service(credentials: Annotated[HTTPAuthorizationCredentials, Depends(bearer)]) -> str:
    return credentials.credentials


Writer = Annotated[str, Depends(writer)]
