"""Web-framework integrations: FastAPI and Flask routes read statically, checked against the frameworks.

Inline tables cover each recognised form (resolve stage); the samples `fastapi_shop` and
`flask_tickets` are then imported for real and what was extracted is compared with FastAPI's
own `app.openapi()` and Flask's `url_map`, operation by operation and field by field.
"""

from __future__ import annotations

import functools
import importlib
import re
import warnings
from typing import Any

import pytest

from extractor.diagnostics import Diagnostic
from extractor.discover import IntegrationRoot
from extractor.gather.expressions import Call, Ref
from extractor.ir import TModel, TPrim, Type
from extractor.model import Handler, Integration
from extractor.resolve import HttpRoute, Resolved, Route, RouteParam

from .conftest import SAMPLES
from .helpers import gather, resolve_code
from .test_samples_runtime import root_named

FASTAPI_HEADER = """
from typing import Annotated, Optional
from fastapi import APIRouter, BackgroundTasks, Body, Cookie, Depends, FastAPI, Header, Path, Query, Request, status
from fastapi.responses import JSONResponse
from pydantic import BaseModel

class Item(BaseModel):
    name: str
    price: float = 0

class Other(BaseModel):
    flag: bool

app = FastAPI(title="Shop")
"""


def routes_of(resolved: Resolved) -> list[Route]:
    """The framework routes of a resolve result (SDK routes, without an HTTP part, left out)."""
    return [r for r in resolved.routes if r.http is not None]


def model_key(type_: Type | None) -> str | None:
    """The registry key of a model type, else the type's repr (None stays None)."""
    return type_.key if isinstance(type_, TModel) else (None if type_ is None else repr(type_))


def http(route: Route) -> HttpRoute:
    """The HTTP part of a framework route."""
    assert route.http is not None
    return route.http


def params(route: Route) -> list[tuple[str, str, bool, Any]]:
    """(name, in, required, default) of each parameter, in order."""
    return [(p.name, p.in_, p.required, p.default) for p in http(route).parameters]


def one_route(code: str) -> Route:
    """The only framework route of one inline module (after FASTAPI_HEADER)."""
    found = routes_of(resolve_code(FASTAPI_HEADER + code))
    assert len(found) == 1, found
    return found[0]


# ---------------------------------------------------------------- gather


def test_module_level_call_statements_are_gathered() -> None:
    code = ("from fastapi import FastAPI\napp = FastAPI()\napp.include_router(r, prefix='/a')\nx = f()\n"
            "if True:\n    app.mount('/m', sub)\n")
    assert gather(code).calls == [
        Call(Ref("pkg.mod.app.include_router"), (Ref("pkg.mod.r"),), (("prefix", "/a"),), "mod.py:3"),
        Call(Ref("pkg.mod.app.mount"), ("/m", Ref("pkg.mod.sub")), (), "mod.py:6"),
    ]


def test_parameter_defaults_tell_none_from_absent() -> None:
    function = gather("def f(a, b=None, c: int = 1): ...\n").functions[0]
    assert [(p.name, p.has_default, p.default) for p in function.params] == [
        ("a", False, None), ("b", True, None), ("c", True, 1),
    ]


# ---------------------------------------------------------------- FastAPI: decorators


@pytest.mark.parametrize(
    ("code", "expected"),
    [
        ('@app.get("/items")\nasync def list_items() -> list[Item]: ...',
         ("list-items", "GET", "/items", 200, None, "TList(item=TModel(key='pkg.Item', args=()), unique=False)")),
        ('@app.post("/items", status_code=201)\nasync def create_item(item: Item) -> Item: ...',
         ("create-item", "POST", "/items", 201, "pkg.Item", "pkg.Item")),
        ('@app.put("/i/{item_id}", name="replace")\ndef put_item(item_id: int, item: Item) -> None: ...',
         ("replace", "PUT", "/i/{item_id}", 200, "pkg.Item", None)),
        ('@app.patch("/i", operation_id="patchItem", response_model=Other)\ndef p(item: Item) -> dict: ...',
         ("patchItem", "PATCH", "/i", 200, "pkg.Item", "pkg.Other")),
        ('@app.delete("/i/{id}", status_code=status.HTTP_204_NO_CONTENT, response_model=Item)\ndef d(id: int): ...',
         ("d", "DELETE", "/i/{id}", 204, None, None)),
        ('@app.get("/x", response_model=None)\ndef x() -> Item: ...', ("x", "GET", "/x", 200, None, None)),
        ('@app.get("/x")\ndef x() -> JSONResponse: ...', ("x", "GET", "/x", 200, None, None)),
        ('@app.get("/x")\ndef x() -> Optional[Item]: ...', ("x", "GET", "/x", 200, None, "pkg.Item")),
        ('from http import HTTPStatus\n@app.post("/x", status_code=HTTPStatus.ACCEPTED)\ndef x(): ...',
         ("x", "POST", "/x", 202, None, None)),
        ('CREATED = 201\n@app.post("/x", status_code=CREATED)\ndef x(): ...', ("x", "POST", "/x", 201, None, None)),
        ('@app.get("/files/{file_path:path}")\ndef read_file(file_path: str): ...',
         ("read-file", "GET", "/files/{file_path}", 200, None, None)),
    ],
)
def test_fastapi_decorators(code: str, expected: tuple[Any, ...]) -> None:
    route = one_route(code)
    found = (route.name, route.method, http(route).path, http(route).status_code, model_key(route.request),
             model_key(route.response))
    assert found == expected
    assert http(route).framework == "fastapi" and route.kind == "handler"


def test_fastapi_texts_tags_and_deprecation() -> None:
    route = one_route('''
@app.get("/x", summary="Кратко", tags=["a", "b"], deprecated=True)
def x():
    """Первый абзац
    докстринга.

    Второй абзац."""
''')
    assert (http(route).summary, route.description, http(route).tags, http(route).deprecated) == (
        "Кратко", "Первый абзац докстринга.", ["a", "b"], True)
    explicit = one_route('@app.get("/y", description="Явное описание")\ndef y():\n    """Докстринг."""\n')
    assert (http(explicit).summary, explicit.description) == (None, "Явное описание")


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        ("from fastapi import FastAPI as Api\napp = Api()\n", ["GET /a"]),
        ("import fastapi as fa\napp = fa.FastAPI()\n", ["GET /a"]),
        ("import fastapi\nclass MyApp(fastapi.FastAPI):\n    pass\napp = MyApp()\n", ["GET /a"]),
        ("class FastAPI:\n    def get(self, path): ...\napp = FastAPI()\n", []),
        ("from platform_sdk import Integration\napp = Integration(name='X')\n", []),
    ],
)
def test_app_objects_are_recognised_by_class_name_through_aliases(header: str, expected: list[str]) -> None:
    resolved = resolve_code(header + '@app.get("/a")\ndef a(): ...\n')
    assert [f"{r.method} {http(r).path}" for r in routes_of(resolved)] == expected


def test_api_route_gives_one_handler_per_method_and_hidden_routes_are_marked() -> None:
    found = routes_of(resolve_code(FASTAPI_HEADER + '''
@app.api_route("/sync", methods=["get", "POST"])
def sync(): ...
@app.api_route("/only-get")
def only_get(): ...
@app.get("/internal", include_in_schema=False)
def internal(): ...
'''))
    assert [(r.name, r.method, http(r).path, http(r).hidden) for r in found] == [
        ("sync-get", "GET", "/sync", False), ("sync-post", "POST", "/sync", False),
        ("only-get", "GET", "/only-get", False), ("internal", "GET", "/internal", True),
    ]


def test_routers_across_modules_with_prefixes_tags_and_dependencies() -> None:
    resolved = resolve_code({
        "pkg/__init__.py": "",
        "pkg/deps.py": "from fastapi import Header\ndef auth(x_key: str = Header()) -> None: ...\n",
        "pkg/items.py": '''
from fastapi import APIRouter, Depends
from .deps import auth
router = APIRouter(prefix="/items", tags=["items"], dependencies=[Depends(auth)])
@router.get("/{item_id}", tags=["read"])
def get_item(item_id: int): ...
''',
        "pkg/admin.py": '''
from fastapi import APIRouter
from . import items
admin = APIRouter(prefix="/admin", deprecated=True)
admin.include_router(items.router, prefix="/v2", tags=["admin"])
''',
        "pkg/main.py": '''
from fastapi import FastAPI as Api
from .items import router as items_router
from .admin import admin
app = Api(title="Магазин", version="1.2.0", description="Описание")
app.include_router(items_router, prefix="/api")
app.include_router(admin)
''',
    })
    found = routes_of(resolved)
    assert [(r.name, http(r).path, http(r).tags, http(r).deprecated, params(r)) for r in found] == [
        ("get-item", "/admin/v2/items/{item_id}", ["admin", "items", "read"], True,
         [("item_id", "path", True, None), ("x-key", "header", True, None)]),
        ("get-item-2", "/api/items/{item_id}", ["items", "read"], False,
         [("item_id", "path", True, None), ("x-key", "header", True, None)]),
    ]
    assert resolved.declaration is not None
    assert resolved.declaration.values == {"name": "Магазин", "version": "1.2.0", "description": "Описание"}
    assert resolved.warnings == [
        Diagnostic("items.py:6", "handler name `get-item` is taken; this route is documented as `get-item-2`")]


def test_a_router_included_nowhere_keeps_its_prefix_with_a_warning() -> None:
    resolved = resolve_code("from fastapi import APIRouter\nr = APIRouter(prefix='/r')\n@r.get('/x')\ndef x(): ...\n")
    assert [http(r).path for r in routes_of(resolved)] == ["/r/x"]
    assert resolved.warnings == [Diagnostic("__init__.py:2", "`r` is not included in an app statically; "
                                            "its routes are shown under its own prefix")]
    assert resolved.declaration is None


def test_add_api_route_statement() -> None:
    route = one_route('def ping(q: int = 1) -> Item: ...\napp.add_api_route("/ping", ping, methods=["POST"])\n')
    assert (route.name, route.method, http(route).path, params(route), model_key(route.response)) == (
        "ping", "POST", "/ping", [("q", "query", False, 1)], "pkg.Item")


# ---------------------------------------------------------------- FastAPI: parameters


@pytest.mark.parametrize(
    ("signature", "expected"),
    [
        ("q: int = 5", [("q", "query", False, 5)]),
        ("q: Optional[str] = None", [("q", "query", False, None)]),
        ("q: Optional[str]", [("q", "query", True, None)]),
        ("q", [("q", "query", True, None)]),
        ("item_id: int", [("item_id", "path", True, None)]),
        ("item_id: Annotated[int, Path(ge=1)]", [("item_id", "path", True, None)]),
        ("q: str = Query(..., alias='search')", [("search", "query", True, None)]),
        ("q: str = Query('a')", [("q", "query", False, "a")]),
        ("q: str = Query(default='a')", [("q", "query", False, "a")]),
        ("q: Annotated[list[str], Query()] = []", [("q", "query", False, [])]),
        ("q: list[str] = Query(default_factory=list)", [("q", "query", False, None)]),
        ("user_agent: Annotated[Optional[str], Header()] = None", [("user-agent", "header", False, None)]),
        ("x: str = Header(alias='X-Key')", [("X-Key", "header", True, None)]),
        ("x_y: str = Header(convert_underscores=False)", [("x_y", "header", True, None)]),
        ("session: Annotated[str, Cookie()]", [("session", "cookie", True, None)]),
        ("request: Request, tasks: BackgroundTasks", []),
        ("ids: list[int]", []),
        ("tok: str = Query(include_in_schema=False)", []),
        ("h: Annotated[str, Header()], item_id: int, q: int = 1",
         [("item_id", "path", True, None), ("q", "query", False, 1), ("h", "header", True, None)]),
    ],
)
def test_fastapi_parameters(signature: str, expected: list[tuple[str, str, bool, Any]]) -> None:
    route = one_route(f'@app.get("/i/{{item_id}}")\ndef f({signature}): ...\n')
    assert params(route) == expected


def test_fastapi_parameter_description_type_and_deprecation() -> None:
    route = one_route('@app.get("/x")\ndef f(q: Annotated[int, Query(description="Номер", deprecated=True)] = 1): ...')
    (param,) = http(route).parameters
    assert (param.description, param.deprecated, param.type, param.python_name) == (
        "Номер", True, TPrim("int"), "q")


def test_dependencies_add_their_parameters_once_in_fastapi_order() -> None:
    route = one_route('''
def common(skip: int = 0, limit: int = 10): ...
def auth(token: Annotated[str, Header()], c: Annotated[dict, Depends(common)]): ...
class Paging:
    def __init__(self, page: int = 1): ...
@app.get("/x", dependencies=[Depends(auth)])
def f(q: str, c=Depends(common), p: Annotated[Paging, Depends()] = None, r: Request = None): ...
''')
    assert params(route) == [
        ("q", "query", True, None), ("skip", "query", False, 0), ("limit", "query", False, 10),
        ("page", "query", False, 1), ("token", "header", True, None),
    ]


def test_dependency_outside_the_integration_is_warned_about() -> None:
    resolved = resolve_code(FASTAPI_HEADER + "from auth_lib import current_user\n"
                            "@app.get('/me')\ndef me(user=Depends(current_user)): ...\n")
    assert http(routes_of(resolved)[0]).parameters == []
    assert any("`auth_lib.current_user` is not part of the integration" in w.message for w in resolved.warnings)


def test_query_parameter_models_are_expanded_at_assembly() -> None:
    route = one_route("@app.get('/x')\ndef f(filters: Annotated[Item, Query()]): ...")
    assert http(route).parameters == [RouteParam("filters", "filters", "query", TModel("pkg.Item"), True, expand=True)]


# ---------------------------------------------------------------- FastAPI: body


@pytest.mark.parametrize(
    ("signature", "root", "fields"),
    [
        ("item: Item", "pkg.Item", None),
        ("item: Annotated[Item, Body()]", "pkg.Item", None),
        ("item: Optional[Item] = None", "pkg.Item", None),
        ("item: Item = Body(embed=True)", "pkg.Body_f", [("item", None, True)]),
        ("item: Item, other: Other", "pkg.Body_f", [("item", None, True), ("other", None, True)]),
        ("item: Item, n: Annotated[int, Body(alias='count')] = 2", "pkg.Body_f",
         [("item", None, True), ("n", "count", False)]),
        ("item: Item, request: Request, user: str = Depends(lambda: 'u')", "pkg.Item", None),
        ("ids: list[int]", "TList(item=TPrim(name='int', meta=()), unique=False)", None),
    ],
)
def test_fastapi_request_body(signature: str, root: str, fields: list[tuple[str, str | None, bool]] | None) -> None:
    resolved = resolve_code(FASTAPI_HEADER + f"@app.post('/x')\ndef f({signature}): ...\n")
    route = routes_of(resolved)[0]
    assert model_key(route.request) == root
    if fields is not None:
        spec = resolved.registry.models[root]
        assert spec.name == "Body_f"
        assert [(f.python_name, f.alias, not f.has_default) for f in spec.fields] == fields


def test_dependency_body_parameters_join_the_body() -> None:
    resolved = resolve_code(FASTAPI_HEADER + "def dep(other: Other): ...\n"
                            "@app.post('/x')\ndef f(item: Item, d=Depends(dep)): ...\n")
    spec = resolved.registry.models[model_key(routes_of(resolved)[0].request) or ""]
    assert [f.python_name for f in spec.fields] == ["item", "other"]


# ---------------------------------------------------------------- FastAPI: as real backends write it (issue 14)

FORMS = "from fastapi import File, Form, UploadFile\nfrom fastapi.security import OAuth2PasswordRequestForm\n"


@pytest.mark.parametrize(
    ("signature", "media", "root", "fields"),
    [
        ("file: UploadFile", "multipart/form-data", "pkg.Body_f", [("file", "TPrim(name='bytes', meta=())", True)]),
        ("files: list[UploadFile]", "multipart/form-data", "pkg.Body_f",
         [("files", "TList(item=TPrim(name='bytes', meta=()), unique=False)", True)]),
        ("f: Annotated[bytes, File()], note: Annotated[str, Form()] = ''", "multipart/form-data", "pkg.Body_f",
         [("f", "TPrim(name='bytes', meta=())", True), ("note", "TPrim(name='str', meta=())", False)]),
        ("name: str = Form(), age: int = Form(1)", "application/x-www-form-urlencoded", "pkg.Body_f",
         [("name", "TPrim(name='str', meta=())", True), ("age", "TPrim(name='int', meta=())", False)]),
        ("data: Annotated[Item, Form()]", "application/x-www-form-urlencoded", "pkg.Item", None),
        ("form: Annotated[OAuth2PasswordRequestForm, Depends()]", "application/x-www-form-urlencoded", "pkg.Body_f",
         [("grant_type", None, False), ("username", None, True), ("password", None, True), ("scope", None, False),
          ("client_id", None, False), ("client_secret", None, False)]),
        ("item: Item", "application/json", "pkg.Item", None),
        ("item: Annotated[Item, Body(media_type='application/vnd.api+json')]", "application/vnd.api+json",
         "pkg.Item", None),
    ],
)
def test_form_and_file_bodies(
    signature: str, media: str, root: str, fields: list[tuple[str, Any, bool]] | None
) -> None:
    resolved = resolve_code(FASTAPI_HEADER + FORMS + f"@app.post('/x')\ndef f({signature}): ...\n")
    (route,) = routes_of(resolved)
    assert (http(route).body_media_type, model_key(route.request)) == (media, root)
    assert not any("form or file" in w.message for w in resolved.warnings)
    if fields is not None:
        spec = resolved.registry.models[root]
        assert [(f.python_name, repr(f.type) if fields[0][1] else None, not f.has_default)
                for f in spec.fields] == fields


DEPS = {
    "pkg/__init__.py": "",
    "pkg/config.py": """
from pydantic_settings import BaseSettings
class Base(BaseSettings):
    API_V1_STR: str = "/api/v1"
class Settings(Base):
    PROJECT: str = "x"
settings = Settings()
""",
    "pkg/deps.py": """
from typing import Annotated
from fastapi import Depends, Header, Security
from fastapi.security import APIKeyHeader, HTTPBearer, OAuth2PasswordBearer
from sqlmodel import Session
oauth2 = OAuth2PasswordBearer(tokenUrl="/login", scopes={"me": "Read me"})
api_key = APIKeyHeader(name="X-Key", scheme_name="Key")
def get_db(): ...
SessionDep = Annotated[Session, Depends(get_db)]
def current_user(session: SessionDep, token: Annotated[str, Depends(oauth2)], lang: str = "ru"): ...
CurrentUser = Annotated[dict, Depends(current_user)]
Alias = CurrentUser
class Limiter:
    def __init__(self, n: int) -> None: ...
    def __call__(self, x_client_id: Annotated[str | None, Header()] = None): ...
limiter = Limiter(5)
def keyed(key: str = Security(api_key)): ...
def bearer(c = Depends(HTTPBearer())): ...
""",
    "pkg/main.py": """
from typing import Annotated
from fastapi import APIRouter, Depends, FastAPI, Security
from pkg.config import settings
from pkg.deps import Alias, CurrentUser, SessionDep, bearer, current_user, keyed, limiter
router = APIRouter(prefix="/items", dependencies=[Depends(limiter)])
@router.get("/")
def read(session: SessionDep, user: CurrentUser, skip: int = 0): ...
@router.get("/me", dependencies=[Depends(keyed), Depends(bearer)])
def me(user: Annotated[dict, Security(current_user, scopes=["me"])], again: Alias): ...
def create_app():
    application = FastAPI()
    application.include_router(router, prefix=settings.API_V1_STR)
    return application
app = create_app()
""",
}


def test_dependency_aliases_instances_security_and_a_factory_built_prefix() -> None:
    resolved = resolve_code(DEPS)
    found = {r.name: r for r in routes_of(resolved)}
    assert {name: (http(r).path, params(r)) for name, r in found.items()} == {
        "read": ("/api/v1/items/", [("skip", "query", False, 0), ("lang", "query", False, "ru"),
                                    ("x-client-id", "header", False, None)]),
        "me": ("/api/v1/items/me", [("lang", "query", False, "ru"), ("x-client-id", "header", False, None)]),
    }
    assert all(r.request is None for r in found.values())
    assert [(u.scheme.name, u.scheme.kind, u.scheme.flow, u.scheme.token_url, u.scheme.scopes, u.scopes)
            for u in http(found["read"]).security] == [
        ("OAuth2PasswordBearer", "oauth2", "password", "/login", {"me": "Read me"}, ())]
    assert [(u.scheme.name, u.scheme.kind, u.scheme.location, u.scheme.param_name, u.scopes)
            for u in http(found["me"]).security] == [
        ("Key", "apiKey", "header", "X-Key", ()), ("HTTPBearer", "http", None, None, ()),
        ("OAuth2PasswordBearer", "oauth2", None, None, ("me",)),
        ("OAuth2PasswordBearer", "oauth2", None, None, ())]
    assert resolved.warnings == []


@pytest.mark.parametrize(
    ("code", "expected"),
    [
        ('@app.get("/x", include_in_schema=False)\ndef x(): ...', ("hidden", True)),
        ('r = APIRouter(include_in_schema=False)\n@r.get("/x")\ndef x(): ...\napp.include_router(r)',
         ("hidden", True)),
        ('@app.webhooks.post("new-order")\ndef x(body: Item): ...', ("webhook", True)),
        ('@app.get("/x", responses={404: {"model": Other, "description": "Нет"}, "5XX": {"description": "Сбой"}})'
         '\ndef x(): ...', ("responses", [("404", "Нет", "pkg.Other"), ("5XX", "Сбой", None)])),
        ('@app.get("/x")\nasync def x() -> AsyncIterable[Item]: ...', ("stream", (True, "application/jsonl"))),
        ('@app.get("/x", response_class=HTMLResponse)\ndef x() -> str: ...', ("stream", (False, "text/html"))),
        ('@app.get("/x", operation_id="getX")\ndef x(): ...', ("operation_id", "getX")),
    ],
)
def test_route_facts_for_openapi(code: str, expected: tuple[str, Any]) -> None:
    header = "from collections.abc import AsyncIterable\nfrom fastapi.responses import HTMLResponse\n"
    route = one_route(header + code)
    key, value = expected
    got: dict[str, Any] = {
        "hidden": http(route).hidden, "webhook": http(route).webhook, "operation_id": http(route).operation_id,
        "responses": [(r.status, r.description, model_key(r.model)) for r in http(route).responses],
        "stream": (http(route).stream, http(route).response_media_type),
    }
    assert got[key] == value


def test_header_models_are_served_with_hyphens() -> None:
    resolved = resolve_code(FASTAPI_HEADER + "class H(BaseModel):\n    x_trace_id: str\n"
                            "@app.get('/x')\ndef f(h: Annotated[H, Header()]): ...\n")
    from extractor.assemble.routes import RouteAssembler

    handlers, _ = RouteAssembler(resolved).routes()
    assert [(p.name, p.python_name, p.in_) for p in handlers[0].parameters] == [("x-trace-id", "x_trace_id", "header")]


def test_sqlmodel_classes_are_models_without_their_relationships() -> None:
    resolved = resolve_code(FASTAPI_HEADER + """
from sqlmodel import Field, Relationship, SQLModel
class HeroBase(SQLModel):
    name: str = Field(index=True)
class Hero(HeroBase, table=True):
    id: int | None = Field(default=None, primary_key=True)
    team: "Team | None" = Relationship(back_populates="heroes")
class HeroCreate(HeroBase):
    secret_name: str
@app.post("/heroes")
def create(hero: HeroCreate) -> Hero: ...
""")
    (route,) = routes_of(resolved)
    assert (model_key(route.request), model_key(route.response)) == ("pkg.HeroCreate", "pkg.Hero")
    assert [f.python_name for f in resolved.registry.models["pkg.Hero"].fields] == ["name", "id"]
    assert [f.python_name for f in resolved.registry.models["pkg.HeroCreate"].fields] == ["name", "secret_name"]


def test_flask_class_based_views() -> None:
    found = routes_of(resolve_code(FLASK_HEADER + """
from flask.views import MethodView, View
class Base(MethodView):
    def get(self, tid: int) -> Ticket: ...
class Tickets(Base):
    def delete(self, tid: int): ...
class Ping(View):
    def dispatch_request(self): ...
bp = Blueprint("t", __name__, url_prefix="/t")
bp.add_url_rule("/<int:tid>", view_func=Tickets.as_view("ticket"))
bp.add_url_rule("/only/<int:tid>", view_func=Tickets.as_view("only"), methods=["GET"])
app.add_url_rule("/ping", view_func=Ping.as_view("ping"))
def create_app():
    application = Flask(__name__)
    application.register_blueprint(bp, url_prefix="/v1")
    return application
"""))
    assert [(r.name, r.method, http(r).path, r.function, model_key(r.response)) for r in found] == [
        ("ticket-get", "GET", "/v1/{tid}", "get", "pkg.Ticket"),
        ("ticket-delete", "DELETE", "/v1/{tid}", "delete", None),
        ("only", "GET", "/v1/only/{tid}", "get", "pkg.Ticket"),
        ("ping", "GET", "/ping", "dispatch_request", None),
    ]


# ---------------------------------------------------------------- Flask


FLASK_HEADER = """
from flask import Blueprint, Flask
from pydantic import BaseModel
class Ticket(BaseModel):
    id: int
class TicketIn(BaseModel):
    subject: str
class Filter(BaseModel):
    page: int = 1
app = Flask(__name__)
"""


@pytest.mark.parametrize(
    ("code", "expected"),
    [
        ('@app.route("/t")\ndef list_t(): ...', [("list-t", "GET", "/t", [], None, None, None)]),
        ('@app.route("/t", methods=["POST", "put"])\ndef save(body: TicketIn) -> Ticket: ...',
         [("save-post", "POST", "/t", [], "pkg.TicketIn", "pkg.Ticket", None),
          ("save-put", "PUT", "/t", [], "pkg.TicketIn", "pkg.Ticket", None)]),
        ('@app.get("/t/<int:tid>")\ndef get(tid: int) -> tuple[Ticket, int]: ...',
         [("get", "GET", "/t/{tid}", [("tid", "path", True, None)], None, "pkg.Ticket", None)]),
        ('@app.delete("/t/<tid>", endpoint="remove")\ndef d(tid): ...',
         [("remove", "DELETE", "/t/{tid}", [("tid", "path", True, None)], None, None, None)]),
        ('@app.post("/t")\n@validate(on_success_status=201)\ndef c(body: TicketIn, query: Filter) -> Ticket: ...',
         [("c", "POST", "/t", [("query", "query", True, None)], "pkg.TicketIn", "pkg.Ticket", 201)]),
        ('@app.post("/t")\n@validate(body=TicketIn, query=Filter)\ndef c(): ...',
         [("c", "POST", "/t", [("query", "query", True, None)], "pkg.TicketIn", None, None)]),
        ('@app.get("/t")\ndef t() -> str: ...', [("t", "GET", "/t", [], None, None, None)]),
    ],
)
def test_flask_routes(code: str, expected: list[tuple[Any, ...]]) -> None:
    resolved = resolve_code(FLASK_HEADER + "from flask_pydantic import validate\n" + code + "\n")
    found = [(r.name, r.method, http(r).path, params(r), model_key(r.request), model_key(r.response),
              http(r).status_code) for r in routes_of(resolved)]
    assert found == expected
    assert all(http(r).framework == "flask" for r in routes_of(resolved))


@pytest.mark.parametrize(
    ("rule", "path", "types"),
    [
        ("/a/<int:x>/<float:y>", "/a/{x}/{y}", [TPrim("int"), TPrim("float")]),
        ("/a/<path:p>/<string(length=2):s>", "/a/{p}/{s}", [TPrim("str"), TPrim("str")]),
        ("/a/<uuid:u>", "/a/{u}", [TPrim("uuid")]),
    ],
)
def test_flask_converters(rule: str, path: str, types: list[Type]) -> None:
    route = routes_of(resolve_code(FLASK_HEADER + f'@app.get("{rule}")\ndef v(): ...\n'))[0]
    assert http(route).path == path and [p.type for p in http(route).parameters] == types


def test_flask_blueprints_prefixes_and_add_url_rule() -> None:
    resolved = resolve_code({
        "pkg/__init__.py": "",
        "pkg/views.py": '''
from flask import Blueprint
bp = Blueprint("t", __name__, url_prefix="/tickets")
child = Blueprint("c", __name__, url_prefix="/comments")
@bp.route("/")
def index(): ...
@child.post("/<int:cid>")
def comment(cid: int): ...
def ping(): ...
''',
        "pkg/app.py": '''
from flask import Flask
from .views import bp, child, ping
app = Flask(__name__)
bp.register_blueprint(child)
app.register_blueprint(bp, url_prefix="/api/v1/")
app.register_blueprint(bp, name="legacy")
app.add_url_rule("/ping", "health", ping, methods=["HEAD"])
''',
    })
    assert [(r.name, r.method, http(r).path) for r in routes_of(resolved)] == [
        ("index", "GET", "/api/v1/"), ("index-2", "GET", "/tickets/"),
        ("comment", "POST", "/api/v1/comments/{cid}"), ("comment-2", "POST", "/tickets/comments/{cid}"),
        ("health", "HEAD", "/ping"),
    ]
    assert resolved.declaration is not None and resolved.declaration.values == {}


def test_sdk_handlers_and_framework_routes_side_by_side() -> None:
    resolved = resolve_code('''
from platform_sdk import Integration
from fastapi import FastAPI
integration = Integration(name="SDK")
app = FastAPI(title="API")
@integration.get("ping")
def ping(): ...
@app.get("/pong")
def pong(): ...
''')
    assert [(r.http.framework if r.http else None, r.name, r.method) for r in resolved.routes] == [
        (None, "ping", "GET"), ("fastapi", "pong", "GET")]
    assert resolved.declaration is not None and resolved.declaration.values["name"] == "SDK"


# ---------------------------------------------------------------- the samples against the frameworks


def sample(name: str) -> Integration:
    """The static extraction of a framework sample."""
    from extractor.pipeline import extract

    path = SAMPLES / name
    files = tuple(sorted(p for p in path.rglob("*.py") if "__pycache__" not in p.parts))
    changelog = path / "CHANGELOG.md"
    return extract(IntegrationRoot(path, name, files, changelog if changelog.is_file() else None))


@functools.cache
def shop_openapi() -> dict[str, Any]:
    """FastAPI's own OpenAPI document of the shop sample."""
    module = importlib.import_module("fastapi_shop.main")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # FastAPI warns about the shared operation id of `api_route`
        return module.app.openapi()  # type: ignore[no-any-return]


_INTERFACE = re.compile(r"^interface (\w+) \{$")
_PROPERTY = re.compile(r"""^\t(?:readonly )?("[^"]*"|[A-Za-z_$][\w$]*)(\?)?: """)


def ts_interfaces(block: str) -> dict[str, dict[str, bool]]:
    """Interface name → {property on the wire: required}, read from a TypeScript block."""
    found: dict[str, dict[str, bool]] = {}
    current: dict[str, bool] | None = None
    for line in block.splitlines():
        if match := _INTERFACE.match(line):
            current = found.setdefault(match.group(1), {})
        elif line.startswith("}"):
            current = None
        elif current is not None and (match := _PROPERTY.match(line)):
            current[match.group(1).strip('"')] = match.group(2) is None
    return found


def component(ref: str) -> tuple[str, dict[str, Any]]:
    """The name (without FastAPI's `-Input` / `-Output` suffix) and schema of a `$ref`."""
    name = ref.rpartition("/")[2]
    return re.sub(r"-(Input|Output)$", "", name), shop_openapi()["components"]["schemas"][name]


def refs(schema: Any) -> list[str]:
    """Every `$ref` inside a schema, in order."""
    if isinstance(schema, dict):
        own = [schema["$ref"]] if "$ref" in schema else []
        return own + [r for value in schema.values() for r in refs(value)]
    if isinstance(schema, list):
        return [r for item in schema for r in refs(item)]
    return []


def expected_interfaces(schema: dict[str, Any], root: str) -> dict[str, dict[str, bool]]:
    """Interface name → wire fields, for the body schema and every object model it reaches."""
    found: dict[str, dict[str, bool]] = {}
    pending = [(root, schema["$ref"])] if "$ref" in schema else [(None, r) for r in refs(schema)]
    while pending:
        name, ref = pending.pop(0)
        title, definition = component(ref)
        name = name or f"I{title}"
        if name in found or "properties" not in definition:
            continue
        required = set(definition.get("required", []))
        found[name] = {prop: prop in required for prop in definition["properties"]}
        pending += [(None, r) for r in refs(definition["properties"])]
    return found


def shop_operations() -> list[tuple[str, str]]:
    """(METHOD, path) of every operation of the shop's OpenAPI document."""
    return [(method.upper(), path) for path, item in shop_openapi()["paths"].items() for method in item]


@functools.cache
def shop_handlers() -> dict[tuple[str, str], Handler]:
    """The extracted handlers of the shop, by (METHOD, path)."""
    return {(h.method, h.path or ""): h for h in sample("fastapi_shop").handlers if not h.hidden}


def test_shop_operations_are_exactly_fastapis() -> None:
    assert sorted(shop_handlers()) == sorted(shop_operations())


@pytest.mark.parametrize(("method", "path"), shop_operations())
def test_shop_operation_matches_openapi(method: str, path: str) -> None:
    operation = shop_openapi()["paths"][path][method.lower()]
    handler = shop_handlers()[(method, path)]
    success = [code for code in operation["responses"] if code.startswith("2")]
    assert [str(handler.status_code)] == success
    assert handler.deprecated == operation.get("deprecated", False)
    assert handler.tags == operation.get("tags", [])
    if handler.summary is not None:
        assert handler.summary == operation["summary"]
    assert [(p.name, p.in_, p.required, p.description) for p in handler.parameters] == [
        (p["name"], p["in"], p["required"], p.get("description")) for p in operation.get("parameters", [])]
    for ours, theirs in zip(handler.parameters, operation.get("parameters", []), strict=True):
        schema = theirs["schema"]
        assert ours.default == schema.get("default")
        if schema.get("type") in SCALAR_TS:
            assert ours.ts_type == SCALAR_TS[schema["type"]]
    body = operation.get("requestBody", {}).get("content", {}).get("application/json", {}).get("schema")
    assert (handler.request is None) == (body is None)
    if handler.request is not None and body is not None:
        block = handler.request.typescript
        name = handler.request.interface
        assert root_named(ts_interfaces(block), block, name) == expected_interfaces(body, name)
    content = operation["responses"][success[0]].get("content", {}).get("application/json", {})
    response = content.get("schema") if content.get("schema") not in (None, {}) else None
    assert (handler.response is None) == (response is None)
    if handler.response is not None and response is not None:
        block = handler.response.typescript
        name = handler.response.interface
        assert root_named(ts_interfaces(block), block, name) == expected_interfaces(response, name)


SCALAR_TS = {"integer": "number", "number": "number", "string": "string", "boolean": "boolean"}


def test_shop_document_level_facts() -> None:
    doc = sample("fastapi_shop")
    info = shop_openapi()["info"]
    assert (doc.name, doc.version, doc.description) == (info["title"], info["version"], info["description"])
    assert doc.capabilities[0] == "искать товары в каталоге и заводить новые"
    assert {e.name: e.required for e in doc.env_vars} == {
        "SHOP_API_KEY": True, "SHOP_CURRENCY": False, "SHOP_DATABASE_URL": False, "SHOP_PAYMENT_WEBHOOK_URL": False,
    }
    assert [c.version for c in doc.changelog] == ["2.1.0", "2.0.0", "1.0.0"]
    assert doc.warnings == []
    by_name = {h.name: h for h in doc.handlers}
    assert by_name["pay-order"].request is not None and by_name["pay-order"].request.model == "Body_pay_order"
    assert by_name["get-order"].function == "read_order"
    assert {"cancel-order-post", "cancel-order-delete", "create-product"} <= set(by_name)


def test_tickets_routes_are_exactly_flasks(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TICKETS_DATABASE_URL", "sqlite://")
    app = importlib.import_module("flask_tickets.app").app
    expected = set()
    for rule in app.url_map.iter_rules():
        methods = sorted(rule.methods - {"HEAD", "OPTIONS"})
        name = rule.endpoint.rpartition(".")[2].replace("_", "-")
        for method in methods if rule.endpoint != "static" else ():
            suffix = f"-{method.lower()}" if len(methods) > 1 else ""
            expected.add((method, re.sub(r"<(?:[^:>]+:)?(\w+)>", r"{\1}", rule.rule), name + suffix))
    doc = sample("flask_tickets")
    assert {(h.method, h.path, h.name) for h in doc.handlers} == expected
    assert doc.warnings == []


def test_tickets_models_and_parameters() -> None:
    by_name = {h.name: h for h in sample("flask_tickets").handlers}
    assert by_name["list-tickets"].request is None
    assert [(p.name, p.in_, p.required) for p in by_name["list-tickets"].parameters] == [
        ("status", "query", False), ("priority", "query", False), ("page", "query", False)]
    created = by_name["create-ticket"]
    assert created.status_code == 201 and created.request is not None and created.response is not None
    assert [(f.name, f.required) for f in created.request.fields] == [
        ("subject", True), ("body", True), ("authorEmail", True), ("priority", False)]
    assert by_name["daily-report"].parameters[0].ts_type == '"today" | "yesterday"'
    assert by_name["close-ticket"].response is None
    assert {by_name["update-ticket-put"].method, by_name["update-ticket-patch"].method} == {"PUT", "PATCH"}
