"""Resolve-stage tests: types, fields, handlers, integration object, env vars, errors."""

from __future__ import annotations

import ast
from pathlib import Path
from typing import Any

import pytest

from extractor.assemble import Assembler
from extractor.conventions import Conventions
from extractor.diagnostics import Diagnostic
from extractor.ir import (
    TDict,
    TEnum,
    TList,
    TLiteral,
    TModel,
    TPrim,
    TTuple,
    TUnion,
    TUnknown,
    TVar,
    is_nullable,
)
from extractor.model import DocWarning
from extractor.resolve import CredentialRecord, EnvVarRecord, ErrorRecord, HttpRoute, Route, SecretRecord
from extractor.resolve.frameworks.reading import per_method
from extractor.resolve.handlers import without_none
from extractor.resolve.records import as_diagnostic

from .helpers import resolve_code

ROOT = Path(__file__).resolve().parent.parent

MODELS_HEADER = """
from __future__ import annotations
import datetime, uuid, decimal
from enum import Enum, IntEnum
from typing import Any, Annotated, Dict, Generic, List, Literal, Optional, Sequence, Set, Tuple, TypeVar, Union
from pydantic import BaseModel, EmailStr, Field, HttpUrl, conint, constr

T = TypeVar("T")
class Color(str, Enum):
    RED = "red"
class Item(BaseModel):
    x: int
"""


@pytest.mark.parametrize(
    ("annotation", "expected"),
    [
        ("str", TPrim("str")),
        ("int | None", TUnion((TPrim("int"), TPrim("none")))),
        ("Optional[float]", TUnion((TPrim("float"), TPrim("none")))),
        ("Union[int, str, None]", TUnion((TPrim("int"), TPrim("str"), TPrim("none")))),
        ("List[Item]", TList(TModel("pkg.Item"))),
        ("list['Item']", TList(TModel("pkg.Item"))),
        ("Sequence[int]", TList(TPrim("int"))),
        ("Set[str]", TList(TPrim("str"), unique=True)),
        ("frozenset[str]", TList(TPrim("str"), unique=True)),
        ("tuple[int, ...]", TList(TPrim("int"))),
        ("Tuple[int, str]", TTuple((TPrim("int"), TPrim("str")))),
        ("Dict[str, Item]", TDict(TPrim("str"), TModel("pkg.Item"))),
        ("dict", TDict(TPrim("str"), TPrim("any"))),
        ("Any", TPrim("any")),
        ("Literal['a', 1, True, None]", TLiteral(("a", 1, True, None))),
        ("Literal[Color.RED]", TLiteral(("red",))),
        ("Color", TEnum("pkg.Color")),
        ("Annotated[int, Field(gt=0)]", TPrim("int")),
        ("datetime.datetime", TPrim("datetime")),
        ("uuid.UUID", TPrim("uuid")),
        ("decimal.Decimal", TPrim("decimal")),
        ("EmailStr", TPrim("email")),
        ("HttpUrl", TPrim("url")),
        ("constr(min_length=1)", TPrim("str")),
        ("conint(gt=0)", TPrim("int")),
        ("T", TVar("T")),
        ("'Item'", TModel("pkg.Item")),
    ],
)
def test_annotation_types(annotation: str, expected: Any) -> None:
    resolved = resolve_code(MODELS_HEADER + f"class M(BaseModel):\n    f: {annotation}\n")
    field = resolved.registry.models["pkg.M"].fields[0]
    assert field.type == expected
    assert not resolved.warnings


def test_unresolvable_type_is_unknown_with_a_location() -> None:
    resolved = resolve_code("from pydantic import BaseModel\nfrom thirdparty import Money\n"
                            "class M(BaseModel):\n    price: Money\n")
    field = resolved.registry.models["pkg.M"].fields[0]
    assert isinstance(field.type, TUnknown)
    assert resolved.warnings == [Diagnostic("__init__.py:4", "type `thirdparty.Money` can't be resolved statically")]


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("a: int", {"has_default": False}),
        ("a: int = 5", {"has_default": True, "default": 5}),
        ("a: int = Field(5, description='d')", {"default": 5, "description": "d"}),
        ("a: int = Field(..., alias='A')", {"has_default": False, "alias": "A"}),
        ("a: list[int] = Field(default_factory=list)", {"has_default": True, "default_factory": True}),
        ("a: Annotated[int, Field(ge=1, description='x')] = 3",
         {"default": 3, "description": "x", "constraints": {"ge": 1}}),
        ("a: str = Field(serialization_alias='A', validation_alias='aa')",
         {"serialization_alias": "A", "validation_alias": "aa"}),
        ("a: int = Field(examples=[1, 2], deprecated=True)", {"examples": [1, 2], "deprecated": True}),
        ("a: int = Field(exclude=True)", {"exclude": True}),
        ("a: Color = Color.RED", {"default": "red"}),
        ("a: int = LIMIT * 2", {"default": 20}),
        ('a: int\n    """Doc of a."""', {"description": "Doc of a."}),
    ],
)
def test_field_semantics(body: str, expected: dict[str, Any]) -> None:
    code = MODELS_HEADER + f"LIMIT = 10\nclass M(BaseModel):\n    {body}\n"
    field = resolve_code(code).registry.models["pkg.M"].fields[0]
    for key, value in expected.items():
        assert getattr(field, key) == value, key


def test_non_fields_are_skipped_and_computed_fields_kept() -> None:
    code = MODELS_HEADER + """
from typing import ClassVar
from pydantic import PrivateAttr, computed_field
class M(BaseModel):
    model_config = {"extra": "allow"}
    kind: ClassVar[str] = "m"
    _secret: str = PrivateAttr()
    a: int

    @computed_field
    @property
    def double(self) -> int:
        \"\"\"Twice a.\"\"\"
        return self.a * 2
"""
    model = resolve_code(code).registry.models["pkg.M"]
    assert [(f.python_name, f.kind) for f in model.fields] == [("a", "field"), ("double", "computed")]
    assert model.fields[1].description == "Twice a."
    assert model.config.extra == "allow"


def test_inheritance_across_modules_overrides_in_place() -> None:
    resolved = resolve_code({
        "pkg/__init__.py": "",
        "pkg/base.py": "from pydantic import BaseModel\nclass Base(BaseModel):\n    id: int\n    name: str\n",
        "pkg/models.py": "from .base import Base\nclass Child(Base):\n    name: str = 'x'\n    extra: bool\n",
    })
    fields = resolved.registry.models["pkg.models.Child"].fields
    assert [(f.python_name, f.has_default) for f in fields] == [("id", False), ("name", True), ("extra", False)]


@pytest.mark.parametrize(
    ("config", "expected"),
    [
        ("model_config = ConfigDict(alias_generator=to_camel, populate_by_name=True)",
         {"alias_generator": "to_camel", "populate_by_name": True}),
        # pydantic 2 reads `class Config` with v2 semantics: only `pydantic.v1` bases are v1
        ("class Config:\n        allow_population_by_field_name = True\n        extra = Extra.forbid",
         {"populate_by_name": True, "extra": "forbid", "pydantic_v1": False}),
        ("model_config = ConfigDict(json_schema_serialization_defaults_required=True)",
         {"serialization_defaults_required": True}),
        ("model_config = SettingsConfigDict(env_prefix='APP_')", {"env_prefix": "APP_"}),
    ],
)
def test_model_config(config: str, expected: dict[str, Any]) -> None:
    code = ("from pydantic import BaseModel, ConfigDict, Extra\nfrom pydantic.alias_generators import to_camel\n"
            "from pydantic_settings import SettingsConfigDict\n"
            f"class M(BaseModel):\n    {config}\n    a: int\n")
    model = resolve_code(code).registry.models["pkg.M"]
    for key, value in expected.items():
        assert getattr(model.config, key) == value, key


def test_pydantic_v1_optional_implies_default_none() -> None:
    code = "from typing import Optional\nfrom pydantic.v1 import BaseModel\nclass M(BaseModel):\n    a: Optional[int]\n"
    field = resolve_code(code).registry.models["pkg.M"].fields[0]
    assert field.has_default and field.default is None


def test_enums_and_generic_models() -> None:
    code = MODELS_HEADER + """
from enum import auto
class Level(IntEnum):
    LOW = 1
    HIGH = 2
class Auto(Enum):
    A = auto()
    B = auto()
class Page(BaseModel, Generic[T]):
    items: list[T]
class Uses(BaseModel):
    page: Page[Item]
"""
    registry = resolve_code(code).registry
    assert registry.enums["pkg.Level"].members == [("LOW", 1), ("HIGH", 2)]
    assert registry.enums["pkg.Auto"].members == [("A", 1), ("B", 2)]
    assert registry.models["pkg.Page"].type_params == ("T",)
    assert registry.models["pkg.Uses"].fields[0].type == TModel("pkg.Page", (TModel("pkg.Item"),))


SDK_CODE = '''
"""Demo."""
import platform_sdk as sdk
from platform_sdk import Integration, Credential, Secret, handler, event as on
from pydantic import BaseModel
from typing import Annotated, Optional

TIMEOUT = 5000
CREDS = [Credential("API_KEY", "Ключ API", where="Кабинет")]

integration = Integration(
    name="Demo",
    version="1.0.0",
    credentials=CREDS,
    secrets=[Secret(key="HOOK_SECRET", description="Подпись", format="hex")],
    default_args={"timeout": TIMEOUT, "retries": 3},
)

class Req(BaseModel):
    a: int
class Resp(BaseModel):
    b: str
RequestAlias = Req
'''


def _model_key(t: Any) -> str | None:
    """The key of a route's model, `Model | None` read as the model (its `None` is tested apart)."""
    found = without_none(t) if t is not None else None
    return found.key if isinstance(found, TModel) else None


@pytest.mark.parametrize(("signature", "nullable"), [
    ("(req: Optional[Req]) -> Optional[Resp]", True), ("(req: Req) -> Resp", False),
    ("(req: Req | None) -> Resp | None", True),
])
def test_optional_request_and_response_keep_null(signature: str, nullable: bool) -> None:
    code = SDK_CODE + f"\n@integration.handler\nasync def do_it{signature}:\n    pass\n"
    route = resolve_code(code).routes[0]
    assert [is_nullable(t) for t in (route.request, route.response)] == [nullable, nullable]


@pytest.mark.parametrize(
    ("decorator", "signature", "expected"),
    [
        ('@integration.handler("create-x", method="put", timeout=TIMEOUT * 2)',
         "(req: Req, ctx) -> Resp", ("handler", "create-x", "PUT", "pkg.Req", "pkg.Resp", {"timeout": 10000})),
        ("@integration.get()", "(req: Optional[Req]) -> None", ("handler", "do-it", "GET", "pkg.Req", None, {})),
        ("@integration.handler", "(req: Annotated[Req, 'x']) -> Optional[Resp]",
         ("handler", "do-it", "POST", "pkg.Req", "pkg.Resp", {})),
        ('@handler(name="n", request_model=RequestAlias, response_model=Resp)', "(payload: dict) -> dict",
         ("handler", "n", "POST", "pkg.Req", "pkg.Resp", {})),
        ('@sdk.handler("s", retries=0)', "(r: 'Req')", ("handler", "s", "POST", "pkg.Req", None, {"retries": 0})),
        ('@on("deal.created")', "(payload: Req, ctx) -> None", ("event", "deal.created", "POST", "pkg.Req", None, {})),
        ('@integration.event(name="e", payload_model=Resp)', "(p)", ("event", "e", "POST", "pkg.Resp", None, {})),
        ("@app.get('/x')", "(req: Req)", None),
        ("@staticmethod", "(req: Req)", None),
    ],
)
def test_handlers_and_events(decorator: str, signature: str, expected: tuple[Any, ...] | None) -> None:
    code = SDK_CODE + f"\n{decorator}\nasync def do_it{signature}:\n    '''Делает.\n\n    Подробно.'''\n"
    routes = resolve_code(code).routes
    if expected is None:
        assert routes == []
        return
    route = routes[0]
    request, response = (_model_key(t) for t in (route.request, route.response))
    assert (route.kind, route.name, route.method, request, response, route.overrides) == expected
    assert route.description == "Делает."
    assert route.location == f"__init__.py:{code.count(chr(10)) - 3}"


def test_integration_object_credentials_secrets_default_args() -> None:
    resolved = resolve_code(SDK_CODE)
    assert resolved.declaration is not None and resolved.declaration.values["name"] == "Demo"
    assert [(c.key, c.description, c.where) for c in resolved.credentials] == [("API_KEY", "Ключ API", "Кабинет")]
    assert [(s.key, s.description, s.format) for s in resolved.secrets] == [("HOOK_SECRET", "Подпись", "hex")]
    assert resolved.default_args == {"timeout": 5000, "retries": 3}


def test_class_based_integration() -> None:
    code = '''
from platform_sdk import Integration, handler
from pydantic import BaseModel
class Req(BaseModel):
    a: int
class Shop(Integration):
    name = "Shop"
    default_args = {"timeout": 1000}
    @handler("buy")
    async def buy(self, req: Req) -> None:
        """Buys."""
'''
    resolved = resolve_code(code)
    assert resolved.declaration is not None and resolved.declaration.values["name"] == "Shop"
    assert [(r.name, r.function) for r in resolved.routes] == [("buy", "buy")]


def test_custom_names_from_options() -> None:
    code = "from my_sdk import App, endpoint\napp = App(name='X')\n@endpoint('e')\ndef f(): ...\n"
    options = Conventions(integration_classes=("Integration", "App"), handler_decorators=("handler", "endpoint"))
    resolved = resolve_code(code, options)
    assert resolved.declaration is not None and [r.name for r in resolved.routes] == ["e"]


def test_env_vars_merge_redact_and_settings() -> None:
    code = '''
import os
from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict
A = os.getenv("SERVICE_URL", "https://a")  # Адрес сервиса
B = os.environ["SERVICE_URL"]
C = os.getenv("API_TOKEN", "sk_live_123")
D = os.getenv("MODE", "a")
E = os.getenv("MODE", "b")
class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="APP_")
    port: int = Field(8080, description="Порт")
    db_password: str
    region: str = Field("eu", alias="CLOUD_REGION")
'''
    resolved = resolve_code(code)
    rows = {e.name: (e.required, e.default, e.description, e.secret) for e in resolved.env_vars}
    assert rows == {
        "API_TOKEN": (False, "***", "", True),
        "APP_DB_PASSWORD": (True, None, "", True),
        "APP_PORT": (False, "8080", "Порт", False),
        "CLOUD_REGION": (False, "eu", "", False),
        "MODE": (False, "a", "", False),
        "SERVICE_URL": (True, "https://a", "Адрес сервиса", False),
    }
    assert any("MODE" in w.message and "different defaults" in w.message for w in resolved.warnings)
    assert all("sk_live_123" not in w.message for w in resolved.warnings)


@pytest.mark.parametrize(
    ("field", "description"),
    [
        ("    token: str  # Токен бота\n", "Токен бота"),
        ("    # Токен бота\n    token: str\n", "Токен бота"),
        ('    token: str = Field(description="Из Field")  # комментарий\n', "Из Field"),
        ('    token: str = Field(  # Токен бота\n        "x",\n    )\n', "Токен бота"),
        ("    # далеко\n\n    token: str\n", ""),
        ("    token: str\n", ""),
    ],
    ids=["same line", "line above", "Field description wins", "first line of several", "not attached", "none"],
)
def test_a_comment_describes_a_settings_variable(field: str, description: str) -> None:
    code = ("from pydantic import Field\nfrom pydantic_settings import BaseSettings\n"
            f"class Settings(BaseSettings):\n{field}")
    (row,) = resolve_code(code).env_vars
    assert (row.name, row.description) == ("TOKEN", description)


def test_errors_hierarchy() -> None:
    code = '''
from platform_sdk import IntegrationError
class BaseErr(IntegrationError):
    """Base."""
    solution = "Повторите позже."
class Declined(BaseErr):
    """Банк отклонил карту.

    Подробнее."""
    code = "card_declined"
class Expired(Declined):
    code = "card_expired"
    message = "Карта просрочена."
    solution = "Другая карта."
class NotAnError:
    code = "nope"
'''
    resolved = resolve_code(code)
    errors = resolved.errors
    assert [(e.code, e.cause, e.solution, e.class_name) for e in errors] == [
        ("card_declined", "Банк отклонил карту.", "", "Declined"),
        ("card_expired", "Карта просрочена.", "Другая карта.", "Expired"),
    ]
    assert any("`Declined` states its own cause but no `solution`" in w.message for w in resolved.warnings)


@pytest.mark.parametrize(
    ("child", "solution", "warned"),
    [
        ('    code = "child"\n', "Повторите позже.", False),  # only the code changes: cause and solution inherited
        ('    """Сделка не найдена."""\n    code = "child"\n', "", True),  # its own cause: not the base's answer
        ('    code = "child"\n    message = "Нет доступа."\n', "", True),
        ('    """Сделка не найдена."""\n    code = "child"\n    solution = "Проверьте id."\n', "Проверьте id.", False),
    ],
)
def test_a_solution_is_inherited_only_with_its_cause(child: str, solution: str, warned: bool) -> None:
    code = (
        "from platform_sdk import IntegrationError\n"
        "class BaseErr(IntegrationError):\n"
        '    """Сервис недоступен."""\n'
        '    code = "base"\n'
        '    solution = "Повторите позже."\n'
        f"class Child(BaseErr):\n{child}"
    )
    resolved = resolve_code(code)
    assert {e.class_name: e.solution for e in resolved.errors}["Child"] == solution
    assert any("`Child` states its own cause" in w.message for w in resolved.warnings) == warned


def test_not_static_values_are_warned_never_guessed() -> None:
    code = '''
import os
from platform_sdk import Integration, Credential
from somewhere import KEY_NAME
integration = Integration(name="X", credentials=[Credential(KEY_NAME, "d")], default_args={"timeout": os.cpu_count()})
@integration.handler(f"{KEY_NAME}-x")
def h(): ...
'''
    resolved = resolve_code(code)
    assert resolved.credentials == [] and resolved.default_args == {}
    assert resolved.routes[0].name == "h"
    messages = [w.message for w in resolved.warnings]
    assert any("key is not statically known" in m for m in messages)
    assert any("default_args" in m for m in messages)
    assert any("name of `h` is not statically known" in m for m in messages)


def test_positional_none_default_is_a_default() -> None:
    code = MODELS_HEADER + "class M(BaseModel):\n    a: Optional[str] = Field(None, description='d')\n"
    field = resolve_code(code).registry.models["pkg.M"].fields[0]
    assert field.has_default and field.default is None


def test_class_based_integration_instantiated_once_is_one_declaration() -> None:
    code = '''
import platform_sdk as sdk
class Shop(sdk.Integration):
    version = "2.0.0"
integration = Shop(name="Shop")
'''
    resolved = resolve_code(code)
    assert resolved.declaration is not None
    assert resolved.declaration.values == {"version": "2.0.0", "name": "Shop"}
    assert resolved.warnings == []


def test_non_model_parameters_draw_no_warning() -> None:
    code = SDK_CODE + "\n@integration.handler('x')\nasync def x(ctx: sdk.Context, req: Req) -> None: ...\n"
    resolved = resolve_code(code)
    assert resolved.routes[0].request == TModel("pkg.Req") and resolved.warnings == []


def test_shorthand_on_integration_imported_from_a_submodule_of_the_same_name() -> None:
    resolved = resolve_code({
        "pkg/__init__.py": "",
        "pkg/integration.py": "from sdk import Integration\nintegration = Integration(name='X')\n",
        "pkg/handlers.py": "from . import integration\n@integration.get('g')\ndef g(): ...\n",
    })
    assert [(r.name, r.method) for r in resolved.routes] == [("g", "GET")]


def test_literal_none_default_is_a_default() -> None:
    code = MODELS_HEADER + "class M(BaseModel):\n    a: Optional[Item] = None\n    b: Optional[Item]\n"
    fields = resolve_code(code).registry.models["pkg.M"].fields
    assert [(f.has_default, f.default) for f in fields] == [(True, None), (False, None)]


@pytest.mark.parametrize(
    ("expr", "expected"),
    [
        ("Decimal('0.10')", "0.10"),
        ("decimal.Decimal(5)", "5"),
        ("uuid.UUID('3fa85f64-5717-4562-b3fc-2c963f66afa6')", "3fa85f64-5717-4562-b3fc-2c963f66afa6"),
        ("list((1, 2))", [1, 2]),
        ("dict(a=1)", {"a": 1}),
    ],
)
def test_pure_constructors_are_static(expr: str, expected: Any) -> None:
    code = MODELS_HEADER + f"from decimal import Decimal\nclass M(BaseModel):\n    a: Any = {expr}\n"
    field = resolve_code(code).registry.models["pkg.M"].fields[0]
    assert field.default == expected


def test_none_annotation_is_a_field_and_a_plain_attribute_is_not() -> None:
    code = MODELS_HEADER + "class M(BaseModel):\n    a: None = None\n    b: None\n    c = 5\n"
    fields = resolve_code(code).registry.models["pkg.M"].fields
    assert [(f.python_name, f.type, f.has_default) for f in fields] == [
        ("a", TPrim("none"), True), ("b", TPrim("none"), False),
    ]


# ---------------------------------------------------------------- the stage order: records in, doc model out

FORBIDDEN_IMPORTS = {
    "extractor/resolve": ("extractor.model", "extractor.typescript", "extractor.assemble", "extractor.render"),
}


def _imports(path: Path) -> set[str]:
    """The absolute module names a file of the `extractor` package imports (relative imports resolved)."""
    package = path.relative_to(ROOT).with_suffix("").parts[:-1]
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = package[: len(package) - node.level + 1] if node.level else ()
            module = ".".join((*base, *(node.module.split(".") if node.module else ())))
            names.update([module, *(f"{module}.{alias.name}" for alias in node.names)])
    return names


@pytest.mark.parametrize(("folder", "forbidden"), FORBIDDEN_IMPORTS.items())
def test_resolve_imports_no_later_stage(folder: str, forbidden: tuple[str, ...]) -> None:
    offending = {
        f"{path.relative_to(ROOT)}: {name}"
        for path in sorted((ROOT / folder).rglob("*.py")) for name in _imports(path)
        if name.startswith(forbidden)
    }
    assert offending == set()


def test_resolve_returns_records_not_doc_model_objects() -> None:
    code = SDK_CODE + '''
import os
from platform_sdk import IntegrationError
class Boom(IntegrationError):
    """Взрыв."""
    code = "BOOM"
TOKEN = os.getenv("API_TOKEN")
@integration.handler("h")
def h(req: Req) -> Resp: ...
'''
    resolved = resolve_code(code)
    assert resolved.credentials == [CredentialRecord("API_KEY", "Ключ API", "Кабинет", "__init__.py:9")]
    assert resolved.secrets == [SecretRecord("HOOK_SECRET", "Подпись", "hex", "__init__.py:11")]
    assert resolved.errors == [ErrorRecord("BOOM", "Взрыв.", "", "Boom", "__init__.py:27")]
    assert resolved.env_vars == [EnvVarRecord("API_TOKEN", False, None, "", True, ["__init__.py:30"])]
    assert resolved.routes == [Route("handler", "h", "h", "__init__.py:32", request=TModel("pkg.Req"),
                                     response=TModel("pkg.Resp"))]
    assert resolved.docstring == "Demo."
    assert all(isinstance(w, Diagnostic) for w in resolve_code(code + "x = Integration(name='again')\n").warnings)


@pytest.mark.parametrize(
    ("item", "expected"),
    [
        (("a.py:3", "m"), Diagnostic("a.py:3", "m")),
        (Diagnostic("a.py:3", "m"), Diagnostic("a.py:3", "m")),
        (DocWarning(location="a.py:3", message="m"), Diagnostic("a.py:3", "m")),
    ],
)
def test_warnings_of_other_stages_become_diagnostics(item: Any, expected: Diagnostic) -> None:
    assert as_diagnostic(item) == expected


@pytest.mark.parametrize(
    ("methods", "expected"),
    [
        (["GET"], [("sync", "GET")]),
        (["GET", "POST"], [("sync-get", "GET"), ("sync-post", "POST")]),
    ],
)
def test_one_route_per_method(methods: list[str], expected: list[tuple[str, str]]) -> None:
    route = Route("handler", "sync", "sync", "a.py:1", http=HttpRoute("fastapi", "/sync"))
    assert [(r.name, r.method) for r in per_method(route, methods)] == expected


def test_assembler_builds_the_model_complete_in_its_constructor() -> None:
    code = SDK_CODE + '''
from fastapi import FastAPI
app = FastAPI()
@integration.handler("h", retries=5)
def h(req: Req) -> Resp: ...
@app.get("/items/{item_id}", status_code=202, tags=["t"], summary="S")
def get_item(item_id: int) -> Resp: ...
'''
    unreadable = [("broken.py:1", "can't parse; the file is not documented")]
    doc = Assembler(resolve_code(code), "demo", [], unreadable).integration()
    sdk, route = doc.handlers
    assert (sdk.framework, sdk.path, sdk.status_code, sdk.tags, sdk.parameters) == (None, None, None, [], [])
    assert sdk.default_args == {"timeout": 5000, "retries": 5}
    assert (route.framework, route.path, route.status_code, route.summary, route.tags) == (
        "fastapi", "/items/{item_id}", 202, "S", ["t"])
    assert [(p.name, p.in_, p.ts_type, p.required) for p in route.parameters] == [("item_id", "path", "number", True)]
    assert route.response is not None and route.response.interface == "IGetItemResponse"
    assert doc.incomplete == [DocWarning(location="broken.py:1", message="can't parse; the file is not documented")]
    assert DocWarning(location="broken.py:1", message="can't parse; the file is not documented") in doc.warnings



F_STRING_HEADER = (
    "import os\nfrom pydantic_settings import BaseSettings\nfrom platform_sdk import Integration\n"
    "API = '/api/v1'\nN = 3\n"
    "class Settings(BaseSettings):\n    API_V1_STR: str = '/api/v1'\n"
    "settings = Settings()\n"
)


@pytest.mark.parametrize(
    ("expr", "expected"),
    [
        ('f"{API}/login"', "/api/v1/login"),
        ('f"{settings.API_V1_STR}/login/access-token"', "/api/v1/login/access-token"),
        ('f"{{literal}} {API!s}-{N}"', "{literal} /api/v1-3"),
        ('rf"\\d{{2}}{API}"', "\\d{2}/api/v1"),
        ('f"a\\tb{N}"', "a\tb3"),
        ('f"{API}" f"/x{N * 2}"', "/api/v1/x6"),
    ],
)
def test_f_strings_of_constants_are_folded(expr: str, expected: str) -> None:
    code = F_STRING_HEADER + f"integration = Integration(name='X', default_args={{'v': {expr}}})\n"
    resolved = resolve_code(code)
    assert resolved.default_args == {"v": expected}, resolved.warnings


@pytest.mark.parametrize(
    "expr",
    ['f"{os.environ[\'P\']}/x"', 'f"{unknown_name}-x"', 'f"{API!r}"', 'f"{N:>5}"', 'f"{[1, 2]}"'],
)
def test_f_strings_with_fields_not_known_stay_unknown(expr: str) -> None:
    code = F_STRING_HEADER + f"integration = Integration(name='X', default_args={{'v': {expr}}})\n"
    resolved = resolve_code(code)
    assert "v" not in resolved.default_args
    assert any(w.location == "__init__.py:9" and "not static" in w.message for w in resolved.warnings), \
        resolved.warnings
