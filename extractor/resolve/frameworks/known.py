"""FastAPI's own dependency classes whose parameters an endpoint gets: read from their signature as written here.

`OAuth2PasswordRequestForm` (and its strict variant) are classes of FastAPI used as
`Annotated[OAuth2PasswordRequestForm, Depends()]`: their `__init__` parameters are `Form()`
fields, so the operation gets an `application/x-www-form-urlencoded` body. Their signatures
are copied from FastAPI (0.165; the strict form has no `format: password`) and read by
the same gather stage as the integration's code.
"""

from __future__ import annotations

from functools import cache

from ...gather.facts import Function
from ...gather.module import gather_module
from ...parse import parse_source

SOURCE = '''
from typing import Annotated, Union
from fastapi import Form

class OAuth2PasswordRequestForm:
    def __init__(
        self,
        *,
        grant_type: Annotated[Union[str, None], Form(pattern="^password$")] = None,
        username: Annotated[str, Form()],
        password: Annotated[str, Form(json_schema_extra={"format": "password"})],
        scope: Annotated[str, Form()] = "",
        client_id: Annotated[Union[str, None], Form()] = None,
        client_secret: Annotated[Union[str, None], Form(json_schema_extra={"format": "password"})] = None,
    ): ...

class OAuth2PasswordRequestFormStrict:
    def __init__(
        self,
        grant_type: Annotated[str, Form(pattern="^password$")],
        username: Annotated[str, Form()],
        password: Annotated[str, Form()],
        scope: Annotated[str, Form()] = "",
        client_id: Annotated[Union[str, None], Form()] = None,
        client_secret: Annotated[Union[str, None], Form()] = None,
    ): ...
'''


@cache
def known_initialisers() -> dict[str, Function]:
    """FastAPI's dependency classes by name → their `__init__` (with `self`)."""
    facts = gather_module(parse_source(SOURCE, "fastapi/security/oauth2.py", "fastapi.security.oauth2"))
    return {name: cls.methods[0] for name, cls in facts.classes.items()}
