"""FastAPI's OpenAPI document, one feature at a time: security schemes, form and file bodies,
response classes and streams, extra responses, `Optional` bodies and responses, webhooks and
hidden routes. Each inline app is read statically and imported for real; the whole static
document must equal `app.openapi()` (key order aside) and be valid OpenAPI.
"""

from __future__ import annotations

import importlib.util
import json
import sys
import textwrap
import warnings
from pathlib import Path
from typing import Any

import pytest
from openapi_spec_validator import OpenAPIV32SpecValidator, validate

from extractor.assemble.openapi import openapi_document

from .helpers import resolve_code
from .openapi_oracle import differences

HEADER = """
from collections.abc import AsyncIterable
from typing import Annotated, Optional
from fastapi import Body, Depends, FastAPI, File, Form, Header, Security, UploadFile
from fastapi.responses import HTMLResponse, PlainTextResponse, StreamingResponse
from fastapi.security import (APIKeyCookie, APIKeyHeader, APIKeyQuery, HTTPBasic, HTTPBearer,
    OAuth2AuthorizationCodeBearer, OAuth2PasswordBearer, OAuth2PasswordRequestForm, OpenIdConnect)
from pydantic import BaseModel

app = FastAPI()


class Item(BaseModel):
    name: str


class Problem(BaseModel):
    detail: str
"""

CASES = {
    "security schemes and scopes": """
password = OAuth2PasswordBearer(tokenUrl="/token", scopes={"read": "Read", "write": "Write"})
code = OAuth2AuthorizationCodeBearer("/authorize", "/token", refreshUrl="/refresh", scheme_name="Code")
header_key = APIKeyHeader(name="X-Key", description="The service key")
query_key = APIKeyQuery(name="key")
cookie_key = APIKeyCookie(name="session")
bearer = HTTPBearer(bearerFormat="JWT")
basic = HTTPBasic()
oidc = OpenIdConnect(openIdConnectUrl="https://id.example/.well-known/openid-configuration")


def reader(token: Annotated[str, Security(password, scopes=["read"])]) -> str:
    return token


@app.get("/items")
def list_items(token: Annotated[str, Depends(reader)],
               again: Annotated[str, Security(password, scopes=["write", "read"])]) -> list[Item]:
    return []


@app.get("/keys", dependencies=[Depends(header_key), Depends(query_key), Depends(cookie_key)])
def keys(c: Annotated[str, Depends(code)], b=Depends(bearer), u=Depends(basic), o=Depends(oidc)) -> Item:
    return Item(name="x")
""",
    "form and file bodies": """
@app.post("/login")
def login(form: Annotated[OAuth2PasswordRequestForm, Depends()]) -> Item:
    return Item(name=form.username)


@app.post("/upload")
def upload(file: UploadFile, raw: Annotated[bytes, File()], files: list[UploadFile],
           note: Annotated[str, Form(max_length=20)] = "") -> Item:
    return Item(name=note)


@app.post("/note")
def note(text: Annotated[str, Form()]) -> None:
    pass
""",
    "responses, classes and streams": """
@app.post("/items", status_code=201,
          responses={404: {"model": Problem, "description": "Missing"}, "4XX": {"model": Problem},
                     "default": {"description": "Anything else"}, 201: {"description": "Made"}})
def create(item: Item) -> Item:
    return item


@app.get("/page", response_class=HTMLResponse, responses={503: {"model": Problem}})
def page() -> str:
    return "<p></p>"


@app.get("/text", response_class=PlainTextResponse)
def text(q: str) -> str:
    return q


@app.get("/download")
def download() -> StreamingResponse:
    return StreamingResponse(iter([b""]))


@app.get("/stream")
async def stream() -> AsyncIterable[Item]:
    yield Item(name="x")


@app.delete("/items/{item_id}", status_code=204)
def delete(item_id: int) -> None:
    pass
""",
    "optional bodies and responses": """
@app.put("/items/{item_id}")
def put(item_id: int, item: Optional[Item] = None) -> Optional[Item]:
    return item


@app.post("/several")
def several(item: Item | None = Body(None, embed=True), count: int = Body(1)) -> Item | None:
    return item


@app.post("/list")
def many(items: list[Item]) -> list[Item]:
    return items
""",
    "responses of routers and includes": """
from fastapi import APIRouter

inner = APIRouter(prefix="/inner", responses={404: {"description": "Inner missing"}, 418: {"model": Problem}})
outer = APIRouter(prefix="/outer")


@inner.get("/thing", responses={404: {"model": Problem}})
def thing() -> Item:
    return Item(name="x")


outer.include_router(inner, responses={404: {"description": "Outer missing"}, 409: {"description": "Conflict"}})
app.include_router(outer, responses={500: {"model": Problem}})
""",
    "webhooks and hidden routes": """
@app.webhooks.post("item-created")
def item_created(body: Item) -> None:
    \"\"\"An item was created.\"\"\"


@app.get("/internal", include_in_schema=False)
def internal() -> Item:
    return Item(name="x")


@app.get("/public")
def public(x_trace: Annotated[str | None, Header()] = None) -> Item:
    return Item(name="x")
""",
}


def _runtime(source: str, tmp_path: Path, name: str) -> dict[str, Any]:
    path = tmp_path / f"{name}.py"
    path.write_text(source, encoding="utf-8")
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    try:
        spec.loader.exec_module(module)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            document: dict[str, Any] = module.app.openapi()
    finally:
        del sys.modules[name]
    return document


@pytest.mark.parametrize("case", sorted(CASES))
def test_the_document_equals_app_openapi(case: str, tmp_path: Path) -> None:
    source = textwrap.dedent(HEADER) + textwrap.dedent(CASES[case])
    ours, found = openapi_document(resolve_code(source), "app")
    theirs = _runtime(source, tmp_path, "inline_" + case.replace(" ", "_").replace(",", ""))
    assert differences(json.loads(json.dumps(ours)), theirs) == []
    assert found == []
    if "itemSchema" in json.dumps(ours):  # FastAPI's stream: OpenAPI 3.2's keyword in a 3.1 document
        validate({**ours, "openapi": "3.2.0"}, cls=OpenAPIV32SpecValidator)
    else:
        validate(ours)


def test_a_flow_without_its_url_is_left_out_and_warned() -> None:
    source = HEADER + "\nprefix = input()\nscheme = OAuth2PasswordBearer(tokenUrl=prefix + '/token')\n" + """
@app.get("/me")
def me(token: Annotated[str, Depends(scheme)]) -> Item:
    return Item(name=token)
"""
    resolved = resolve_code(source)
    document, _ = openapi_document(resolved, "app")
    assert document["components"]["securitySchemes"] == {"OAuth2PasswordBearer": {"type": "oauth2", "flows": {}}}
    assert document["paths"]["/me"]["get"]["security"] == [{"OAuth2PasswordBearer": []}]
    assert any("tokenUrl" in w.message for w in resolved.warnings)
    validate(document)
