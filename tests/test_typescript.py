"""The typescript stage: IR → TypeScript text, wire fields, examples; and the tsc judge."""

from __future__ import annotations

import json
import re
from datetime import date, datetime, time, timedelta
from decimal import Decimal
from enum import Enum, IntEnum
from typing import Annotated, Any, Generic, Literal, TypeVar
from uuid import UUID

import pytest
from hypothesis import given
from hypothesis import strategies as st
from pydantic import (
    BaseModel,
    ConfigDict,
    EmailStr,
    Field,
    HttpUrl,
    SecretStr,
    TypeAdapter,
    computed_field,
    create_model,
)
from pydantic import alias_generators as pydantic_aliases

from extractor.diagnostics import Unknown
from extractor.ir import (
    EnumSpec,
    FieldSpec,
    Mode,
    ModelConfig,
    ModelSpec,
    Registry,
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
    Type,
)
from extractor.model import ModelField
from extractor.typescript import build_interfaces
from extractor.typescript.collect import WireField
from extractor.typescript.context import Context, Site
from extractor.typescript.fields import constraints, inline_object
from extractor.typescript.naming import to_camel, to_pascal, to_snake, ts_key, wire_name
from extractor.typescript.types import ts_type

from . import tsjudge
from .helpers import resolve_code
from .tsjudge import (
    assert_identical,
    check_typescript,
    identity_blocks,
    identity_module,
    needs_jstt,
    needs_tsc,
    tsc_errors,
)

S, INT, F, B, NONE = TPrim("str"), TPrim("int"), TPrim("float"), TPrim("bool"), TPrim("none")
MODES: tuple[Mode, ...] = ("validation", "serialization")


def opt(t: Type) -> TUnion:
    return TUnion((t, NONE))


def fld(name: str, t: Type, **kw: Any) -> FieldSpec:
    return FieldSpec(python_name=name, type=t, location=f"m.py:{len(name)}", **kw)


def spec(key: str, *fields: FieldSpec, **kw: Any) -> ModelSpec:
    return ModelSpec(key=key, name=key.rsplit(".", 1)[1], location=f"{key}.py:1",
                     fields=list(fields), **kw)


def registry(*models: ModelSpec, enums: tuple[EnumSpec, ...] = ()) -> Registry:
    return Registry(models={m.key: m for m in models}, enums={e.key: e for e in enums})


COLOR = EnumSpec("m.Color", "Color", "m.py:1", [("RED", "red"), ("BLUE", "blue")])
LEVEL = EnumSpec("m.Level", "Level", "m.py:2", [("LOW", 1), ("HIGH", 2)])
ITEM = spec("m.Item", fld("name", S))
PAGE = spec("m.Page", fld("items", TList(TVar("T"))), type_params=("T",))
TYPES_REGISTRY = registry(ITEM, PAGE, enums=(COLOR, LEVEL))
PAGE_ITEM = TModel("m.Page", (TModel("m.Item"),))


def render(t: Type, mode: Mode = "validation") -> str:
    names = {TModel("m.Item"): "IItem", PAGE_ITEM: "IPageItem"}
    ctx = Context(registry=TYPES_REGISTRY, mode=mode, names=names)
    return ts_type(t, ctx, Site("m.py:9", "M.f"))


# --------------------------------------------------------------------------- type mapping

BOTH_MODES = [
    (S, "string"), (TPrim("bytes"), "string"), (TPrim("datetime"), "string"),
    (TPrim("date"), "string"), (TPrim("time"), "string"), (TPrim("timedelta"), "string"),
    (TPrim("uuid"), "string"), (TPrim("email"), "string"), (TPrim("url"), "string"),
    (TPrim("secret"), "string"), (TPrim("path"), "string"), (INT, "number"), (F, "number"),
    (B, "boolean"), (NONE, "null"), (TPrim("any"), "unknown"), (TPrim("object"), "unknown"),
    (TPrim("json"), "unknown"),
    (TList(S), "string[]"), (TList(S, unique=True), "string[]"),
    (TList(opt(S)), "(string | null)[]"), (TList(TList(INT)), "number[][]"),
    (TList(TEnum("m.Color")), '("red" | "blue")[]'), (TList(TLiteral(("a",))), '"a"[]'),
    (opt(TList(INT)), "number[] | null"),
    (TTuple((S, INT)), "[string, number]"), (TTuple(()), "[]"),
    (TTuple((opt(S), TModel("m.Item"))), "[string | null, IItem]"),
    (TDict(S, INT), "{ [key: string]: number }"), (TDict(INT, S), "{ [key: string]: string }"),
    (TDict(S, TPrim("any")), "{ [key: string]: unknown }"),
    (TDict(TEnum("m.Color"), INT), 'Partial<Record<"red" | "blue", number>>'),
    (TDict(TEnum("m.Level"), INT), "Partial<Record<1 | 2, number>>"),
    (TDict(TLiteral(("a", "b")), opt(INT)), 'Partial<Record<"a" | "b", number | null>>'),
    (TDict(TLiteral(("a", 1)), INT), "{ [key: string]: number }"),
    (TDict(S, TList(TDict(S, INT))), "{ [key: string]: { [key: string]: number }[] }"),
    (TUnion((NONE, S)), "string | null"), (TUnion((S, S, NONE, INT)), "string | number | null"),
    (TUnion((S, TUnion((INT, NONE)), B)), "string | number | boolean | null"),
    (TUnion((S, TPrim("any"))), "unknown"),
    (TLiteral(("a", 1, True, None, -2.5)), '"a" | 1 | true | -2.5 | null'),
    (TLiteral((True, 1, 1.0)), "true | 1 | 1.0"),
    (TLiteral(('say "hi"\n', "ё")), '"say \\"hi\\"\\n" | "ё"'),
    (TUnion((TLiteral(("a",)), TLiteral(("a", "b")))), '"a" | "b"'),
    (TEnum("m.Color"), '"red" | "blue"'), (TEnum("m.Level"), "1 | 2"),
    (opt(TEnum("m.Level")), "1 | 2 | null"),
    (TModel("m.Item"), "IItem"), (PAGE_ITEM, "IPageItem"), (TList(opt(TModel("m.Item"))),
                                                            "(IItem | null)[]"),
    (TVar("T"), "unknown"), (TUnknown("call"), "unknown"),
]
TYPE_CASES = [(t, mode, text) for t, text in BOTH_MODES for mode in MODES] + [
    (TPrim("decimal"), "validation", "number | string"),
    (TPrim("decimal"), "serialization", "string"),
    (TList(TPrim("decimal")), "validation", "(number | string)[]"),
    (opt(TPrim("decimal")), "validation", "number | string | null"),
]


@pytest.mark.parametrize(("t", "mode", "expected"), TYPE_CASES)
def test_type_mapping(t: Type, mode: Mode, expected: str) -> None:
    assert render(t, mode) == expected


@pytest.mark.parametrize(("t", "location", "fragment"), [
    (TUnknown("a call", "a.py:3"), "a.py:3", "M.f: type can't be read statically (a call)"),
    (TUnknown("a call"), "m.py:9", "(a call)"),
    (TModel("m.Missing"), "m.py:9", "model `m.Missing` is not known"),
    (TEnum("m.Missing"), "m.py:9", "enum `m.Missing` is not known"),
    (TPrim("complex"), "m.py:9", "type `complex` is not known"),
    (TList(TUnknown("x", "b.py:1")), "b.py:1", "(x)"),
])
def test_unknown_types_warn(t: Type, location: str, fragment: str) -> None:
    ctx = Context(registry=TYPES_REGISTRY, mode="validation")
    expected = "unknown[]" if isinstance(t, TList) else "unknown"
    assert ts_type(t, ctx, Site("m.py:9", "M.f")) == expected
    assert [w.location for w in ctx.warnings] == [location]
    assert fragment in ctx.warnings[0].message


# --------------------------------------------------------------------------- names

def test_alias_generators_examples() -> None:
    assert to_camel("first_name") == "firstName"
    assert to_camel("_private_x") == "_privateX"
    assert to_pascal("http_response2_code") == "HttpResponse2Code"
    assert to_snake("HTTPResponseCode") == "http_response_code"
    assert to_snake("kebab-case-Name") == "kebab_case_name"


@given(st.text(alphabet="abcXYZ_019-", max_size=14))
def test_alias_generators_match_pydantic(name: str) -> None:
    assert to_camel(name) == pydantic_aliases.to_camel(name)
    assert to_pascal(name) == pydantic_aliases.to_pascal(name)
    assert to_snake(name) == pydantic_aliases.to_snake(name)


WIRE_CASES: list[tuple[dict[str, str], str | None, str, str]] = [
    # Field(...) aliases, alias_generator, expected validation key, expected serialization key
    ({}, None, "first_name", "first_name"),
    ({}, "to_camel", "firstName", "firstName"),
    ({}, "to_pascal", "FirstName", "FirstName"),
    ({"alias": "fn"}, "to_camel", "fn", "fn"),
    ({"validation_alias": "vn"}, "to_camel", "vn", "firstName"),
    ({"serialization_alias": "sn"}, "to_camel", "firstName", "sn"),
    ({"serialization_alias": "sn"}, None, "first_name", "sn"),
    ({"alias": "a", "serialization_alias": "sn"}, None, "a", "sn"),
    ({"alias": "a", "validation_alias": "vn"}, "to_pascal", "vn", "a"),
]


@pytest.mark.parametrize(("aliases", "generator", "validation", "serialization"), WIRE_CASES)
def test_wire_name_matches_pydantic(aliases: dict[str, str], generator: str | None,
                                    validation: str, serialization: str) -> None:
    config = ModelConfig(alias_generator=generator, populate_by_name=True)
    field = fld("first_name", S, **aliases)
    assert wire_name(field, config, "validation") == validation
    assert wire_name(field, config, "serialization") == serialization
    pydantic_config = ConfigDict(populate_by_name=True)
    if generator:
        pydantic_config["alias_generator"] = getattr(pydantic_aliases, generator)
    cls = create_model("M", __config__=pydantic_config,
                       first_name=(str, Field(**aliases)))
    for mode, expected in (("validation", validation), ("serialization", serialization)):
        assert list(cls.model_json_schema(mode=mode)["properties"]) == [expected]


@pytest.mark.parametrize(("name", "expected"), [
    ("amount", "amount"), ("_x", "_x"), ("$ref", "$ref"), ("order-id", '"order-id"'),
    ("1st", '"1st"'), ("a b", '"a b"'), ("class", "class"), ("имя", '"имя"'), ("", '""'),
])
def test_ts_key(name: str, expected: str) -> None:
    assert ts_key(name) == expected


# --------------------------------------------------------------------------- fields

FIELD_CASES: list[tuple[FieldSpec, Mode, str]] = [
    (fld("a", INT), "validation", "\ta: number;"),
    (fld("a", INT, has_default=True, default=3), "validation",
     "\t/** @default 3 */\n\ta?: number;"),
    (fld("a", INT, has_default=True, default=3), "serialization",
     "\t/** @default 3 */\n\ta?: number;"),
    (fld("a", TList(S), default_factory=True, default=Unknown("factory")), "validation",
     "\ta?: string[];"),
    (fld("a", TList(S), default_factory=True, default=[]), "validation",
     "\t/** @default [] */\n\ta?: string[];"),
    (fld("a", opt(S)), "validation", "\ta: string | null;"),
    (fld("a", opt(S), has_default=True, default=None), "validation",
     "\t/** @default null */\n\ta?: string | null;"),
    (fld("a", S, has_default=True, default=Unknown("call")), "validation", "\ta?: string;"),
    (fld("a", S, exclude=True), "validation", "\ta: string;"),
    (fld("a", S, exclude=True), "serialization", ""),
    (fld("a", INT, kind="computed"), "validation", ""),
    (fld("a", INT, kind="computed"), "serialization", "\treadonly a: number;"),
    (fld("a", INT, kind="computed", alias="aa"), "serialization", "\treadonly aa: number;"),
    (fld("a", S, alias="order-id"), "validation", '\t"order-id": string;'),
    (fld("a", S, description="The */ end"), "validation", "\t/** The *\\/ end */\n\ta: string;"),
    (fld("a", S, description="  One.\n\n  Two.  "), "validation",
     "\t/**\n\t * One.\n\t *\n\t * Two.\n\t */\n\ta: string;"),
    (fld("a", S, deprecated=True), "validation", "\t/** @deprecated */\n\ta: string;"),
    (fld("a", INT, constraints={"ge": 1, "lt": 10, "strict": True}), "validation",
     "\t/**\n\t * @minimum 1\n\t * @exclusiveMaximum 10\n\t */\n\ta: number;"),
    (fld("a", opt(S), constraints={"max_length": 5, "pattern": "^a+$"}), "validation",
     '\t/**\n\t * @maxLength 5\n\t * @pattern "^a+$"\n\t */\n\ta: string | null;'),
    (fld("a", TList(S), constraints={"min_length": 1}), "validation",
     "\t/** @minItems 1 */\n\ta: string[];"),
    (fld("a", S, examples=["x", "y"], description="Desc"), "validation",
     '\t/**\n\t * Desc\n\t * @example "x"\n\t * @example "y"\n\t */\n\ta: string;'),
    (fld("a", TPrim("secret"), has_default=True, default="s3cr3t"), "validation",
     '\t/** @default "***" */\n\ta?: string;'),
]


def _body(text: str) -> str:
    """The lines between the first interface's braces."""
    body = text.split("{\n", 1)[1].split("}\n", 1)[0]
    return body.removesuffix("\n")


@pytest.mark.parametrize(("field", "mode", "expected"), FIELD_CASES)
def test_field_lines(field: FieldSpec, mode: Mode, expected: str) -> None:
    reg = registry(spec("m.M", field))
    doc, warnings = build_interfaces(TModel("m.M"), reg, interface="IM", mode=mode)
    assert _body(doc.typescript) == expected
    assert warnings == []


def test_model_fields_entries() -> None:
    reg = registry(spec(
        "m.M",
        fld("order_id", TPrim("uuid"), alias="order-id", description="Id", examples=["x"]),
        fld("note", opt(S), has_default=True, default=None, deprecated=True),
        fld("count", INT, has_default=True, default=2, constraints={"ge": 0, "max_length": 3}),
        fld("tags", TList(S), constraints={"max_length": 3}),
        fld("token", TPrim("secret"), has_default=True, default="real"),
        fld("hidden", S, exclude=True),
        fld("total", F, kind="computed"),
    ))
    val, _ = build_interfaces(TModel("m.M"), reg, interface="IM", mode="validation")
    ser, _ = build_interfaces(TModel("m.M"), reg, interface="IM", mode="serialization")
    rows = [(f.name, f.python_name, f.ts_type, f.required, f.nullable, f.default)
            for f in val.fields]
    assert rows == [
        ("order-id", "order_id", "string", True, False, None),
        ("note", "note", "string | null", False, True, None),
        ("count", "count", "number", False, False, 2),
        ("tags", "tags", "string[]", True, False, None),
        ("token", "token", "string", False, False, "***"),
        ("hidden", "hidden", "string", True, False, None),
    ]
    assert val.fields[0].description == "Id" and val.fields[0].examples == ["x"]
    assert val.fields[1].deprecated
    assert val.fields[2].constraints == {"minimum": 0, "maxLength": 3}
    assert val.fields[3].constraints == {"maxItems": 3}
    assert [f.name for f in ser.fields] == ["order-id", "note", "count", "tags", "token", "total"]
    assert ser.fields[-1].required and ser.mode == "serialization"


# --------------------------------------------------------------------------- blocks

SHOP = registry(
    spec("shop.Order", fld("lines", TList(TModel("shop.Line"))), fld("buyer", TModel("shop.Buyer")),
         fld("page", TModel("shop.Page", (TModel("shop.Line"),))),
         fld("seller", opt(TModel("shop.Buyer")), has_default=True, default=None),
         fld("extra", TModel("other.Line")),
         docstring="\n    Заказ.\n\n    Подробности.\n    ", config=ModelConfig(extra="allow")),
    spec("shop.Line", fld("sku", S), fld("parent", opt(TModel("shop.Line")))),
    spec("shop.Buyer", fld("full_name", S), fld("email", TPrim("email"), has_default=True,
                                                  default="a@b.c"),
         docstring="Покупатель.", config=ModelConfig(alias_generator="to_camel")),
    spec("shop.Page", fld("items", TList(TVar("T"))), fld("total", INT), type_params=("T",)),
    spec("other.Line", fld("code", INT)),
    spec("shop.Hidden", fld("x", INT)),
)

ORDER_TS = """\
/**
 * Заказ.
 *
 * Подробности.
 */
interface IOrderRequest {
\tlines: IShopLine[];
\tbuyer: IBuyer;
\tpage: IPageShopLine;
\t/** @default null */
\tseller?: IBuyer | null;
\textra: IOtherLine;
\t[key: string]: unknown;
}

interface IShopLine {
\tsku: string;
\tparent: IShopLine | null;
}

/** Покупатель. */
interface IBuyer {
\tfullName: string;
\t/** @default "a@b.c" */
\temail?: string;
}

interface IPageShopLine {
\titems: IShopLine[];
\ttotal: number;
}

interface IOtherLine {
\tcode: number;
}
"""


def test_block_nested_generic_recursive_and_clashing_names() -> None:
    doc, warnings = build_interfaces(TModel("shop.Order"), SHOP, interface="IOrderRequest",
                                    mode="validation")
    assert doc.typescript == ORDER_TS
    assert (doc.model, doc.interface, doc.location) == ("Order", "IOrderRequest", "shop.Order.py:1")
    assert doc.description == "Заказ.\n\nПодробности."
    assert [f.name for f in doc.fields] == ["lines", "buyer", "page", "seller", "extra"]
    assert warnings == []
    assert doc.example == {  # the optional `seller` (default None) is left out of a request
        "lines": [{"sku": "SKU-1001", "parent": None}],
        "buyer": {"fullName": "Иван Петров", "email": "a@b.c"},
        "page": {"items": [{"sku": "SKU-1001", "parent": None}], "total": 1500},
        "extra": {"code": 1},
    }


def test_block_is_deterministic_and_root_keeps_its_name_when_self_referenced() -> None:
    reg = registry(spec("m.Node", fld("name", S), fld("kids", TList(TModel("m.Node")),
                                                     has_default=True, default=[])))
    first, _ = build_interfaces(TModel("m.Node"), reg, interface="ITreeResponse",
                               mode="serialization")
    again, _ = build_interfaces(TModel("m.Node"), reg, interface="ITreeResponse",
                               mode="serialization")
    assert first == again
    assert first.typescript == (
        "interface ITreeResponse {\n\tname: string;\n\t/** @default [] */\n"
        "\tkids?: ITreeResponse[];\n}\n"
    )
    assert first.example == {"name": "Пример названия", "kids": []}


def test_interfaces_follow_reading_order_each_once() -> None:
    reg = registry(spec("m.R", fld("a", TModel("m.A")), fld("b", TList(TUnion((TModel("m.B"),
                                                                              TModel("m.A")))))),
                   spec("m.A", fld("c", TModel("m.C")), fld("r", opt(TModel("m.R")))),
                   spec("m.B", fld("c", TModel("m.C"))), spec("m.C", fld("x", INT)))
    doc, _ = build_interfaces(TModel("m.R"), reg, interface="IRoot", mode="validation")
    assert re.findall(r"^interface (\w+)", doc.typescript, re.MULTILINE) == [
        "IRoot", "IA", "IB", "IC"]
    assert "\tr: IRoot | null;" in doc.typescript
    assert "\tb: (IB | IA)[];" in doc.typescript


def test_nested_name_clashing_with_root_interface_is_qualified() -> None:
    reg = registry(spec("a.Req", fld("inner", TModel("b.Req"))), spec("b.Req", fld("x", INT)))
    doc, _ = build_interfaces(TModel("a.Req"), reg, interface="IReq", mode="validation")
    assert "interface IReq {\n\tinner: IBReq;\n}\n\ninterface IBReq {" in doc.typescript


@pytest.mark.parametrize(("root", "expected", "example", "fields"), [
    (TList(TModel("shop.Line")),
     "type IItems = ILine[];\n\ninterface ILine {\n\tsku: string;\n"
     "\tparent: ILine | null;\n}\n",
     [{"sku": "SKU-1001", "parent": None}], ["sku", "parent"]),
    (TDict(S, INT), "type IItems = { [key: string]: number };\n", {"order_id": 1001}, []),
    (opt(TModel("other.Line")),
     "type IItems = ILine | null;\n\ninterface ILine {\n\tcode: number;\n}\n",
     {"code": 1}, ["code"]),
])
def test_non_model_root_is_a_type_alias(root: Type, expected: str, example: Any, fields: list[str]) -> None:
    """A `list[Model]` / `Optional[Model]` root: its JSON `fields` are the model's (issue #13)."""
    doc, _ = build_interfaces(root, SHOP, interface="IItems", mode="validation")
    assert doc.typescript == expected
    assert [f.name for f in doc.fields] == fields and doc.example == example


def test_fields_of_a_union_and_an_alias_root() -> None:
    """A union's fields are its models' (each wire name once); a RootModel's are what it holds."""
    reg = registry(spec("m.A", fld("a", INT), fld("both", S)), spec("m.B", fld("both", INT), fld("b", S)),
                   ModelSpec("m.Many", "Many", "m.py:9", fields=[fld("root", TList(TModel("m.A")))], is_root=True))
    union, _ = build_interfaces(TUnion((TModel("m.A"), TModel("m.B"))), reg, interface="IU", mode="validation")
    assert [(f.name, f.ts_type) for f in union.fields] == [("a", "number"), ("both", "string"), ("b", "string")]
    alias, _ = build_interfaces(TModel("m.Many"), reg, interface="IMany", mode="validation")
    assert [f.name for f in alias.fields] == ["a", "both"]


def test_generic_root_and_unknown_root() -> None:
    root = TModel("shop.Page", (INT,))
    doc, _ = build_interfaces(root, SHOP, interface="IPage", mode="validation")
    assert doc.model == "Page[int]"
    assert doc.typescript == "interface IPage {\n\titems: number[];\n\ttotal: number;\n}\n"
    doc, warnings = build_interfaces(TModel("x.Gone"), SHOP, interface="IGone", mode="validation")
    assert doc.typescript == "type IGone = unknown;\n" and doc.example is None
    assert [w.message for w in warnings] == [
        "IGone: model `x.Gone` is not known, shown as `unknown`"]


def test_excluded_and_computed_fields_only_pull_models_they_show() -> None:
    reg = registry(spec("m.R", fld("secret", TModel("m.A"), exclude=True),
                        fld("calc", TModel("m.B"), kind="computed")),
                   spec("m.A", fld("a", INT)), spec("m.B", fld("b", INT)))
    val, _ = build_interfaces(TModel("m.R"), reg, interface="IR", mode="validation")
    ser, _ = build_interfaces(TModel("m.R"), reg, interface="IR", mode="serialization")
    assert "IA" in val.typescript and "IB" not in val.typescript
    assert "IB" in ser.typescript and "IA" not in ser.typescript
    assert ser.example == {"calc": {"b": 1}}


def test_unknown_field_type_warning_once_per_block() -> None:
    reg = registry(spec("m.R", fld("a", TModel("m.A")), fld("b", TList(TModel("m.A")))),
                   spec("m.A", fld("x", TUnknown("dynamic", "m.py:40"))))
    doc, warnings = build_interfaces(TModel("m.R"), reg, interface="IR", mode="validation")
    assert "\tx: unknown;" in doc.typescript
    assert [(w.location, w.message) for w in warnings] == [
        ("m.py:40", "A.x: type can't be read statically (dynamic), shown as `unknown`")]


def test_pydantic_v1_optional_without_default_is_not_required() -> None:
    reg = registry(spec("m.V1", fld("a", opt(S)), fld("b", S),
                        config=ModelConfig(pydantic_v1=True)))
    doc, _ = build_interfaces(TModel("m.V1"), reg, interface="IV1", mode="validation")
    assert _body(doc.typescript) == "\ta?: string | null;\n\tb: string;"


# --------------------------------------------------------------------------- examples

OMITTED = object()
"""A field the example leaves out."""

EXAMPLE_CASES: list[tuple[Type, Mode, Any]] = [
    (S, "validation", "Пример"), (INT, "validation", 1), (F, "validation", 1.0),
    (B, "validation", True), (NONE, "validation", None), (TPrim("any"), "validation", None),
    (TPrim("uuid"), "validation", "3fa85f64-5717-4562-b3fc-2c963f66afa6"),
    (TPrim("datetime"), "validation", "2026-01-15T10:30:00Z"),
    (TPrim("date"), "validation", "2026-01-15"), (TPrim("time"), "validation", "10:30:00"),
    (TPrim("timedelta"), "validation", "PT1H"), (TPrim("decimal"), "serialization", "1.00"),
    (TPrim("secret"), "validation", "Пример"), (TPrim("secret"), "serialization", "**********"),
    (TList(INT), "validation", [1]), (TTuple((S, B)), "validation", ["Пример", True]),
    (TDict(S, INT), "validation", {"order_id": 1001}), (TDict(TEnum("m.Color"), INT), "validation",
                                                      {"red": 1}),
    (TDict(TEnum("m.Level"), S), "validation", {"1": "Пример"}),
    (opt(INT), "validation", 1), (TUnion((NONE, S)), "validation", "Пример"),
    (TLiteral(("b", "a")), "validation", "b"), (TEnum("m.Level"), "validation", 1),
    (TModel("m.Item"), "validation", {"name": "Пример названия"}),
    (PAGE_ITEM, "validation", {"items": [{"name": "Пример названия"}]}),
    (TVar("T"), "validation", None), (TUnknown("x"), "validation", None),
]


@pytest.mark.parametrize(("t", "mode", "expected"), EXAMPLE_CASES)
def test_example_by_type(t: Type, mode: Mode, expected: Any) -> None:
    doc, _ = build_interfaces(t, TYPES_REGISTRY, interface="IX", mode=mode)
    assert doc.example == expected


@pytest.mark.parametrize(("field", "expected"), [
    (fld("a", S, examples=["ex"], has_default=True, default="d"), "ex"),
    (fld("a", S, has_default=True, default="d"), "d"),
    # optional, and no value the example may show: a request leaves it out
    (fld("a", S, has_default=True, default=Unknown("call")), OMITTED),
    (fld("a", TPrim("secret"), has_default=True, default="real"), OMITTED),
    (fld("a", TPrim("secret")), "Пример"),
    (fld("a", INT, constraints={"ge": 5}), 5), (fld("a", INT, constraints={"gt": 5}), 6),
    (fld("a", INT, constraints={"le": -3}), -3), (fld("a", F, constraints={"gt": 1.5}), 2.0),
    (fld("a", F, constraints={"gt": 0, "lt": 0.1}), 0.05),
    (fld("a", S, constraints={"min_length": 10}), "ПримерПрим"),
    (fld("a", S, constraints={"max_length": 3}), "При"),
    (fld("a", TList(INT), constraints={"min_length": 2}), [1, 1]),
    (fld("a", TList(INT), constraints={"max_length": 0}), []),
])
def test_field_example(field: FieldSpec, expected: Any) -> None:
    doc, _ = build_interfaces(TModel("m.M"), registry(spec("m.M", field)), interface="IM",
                             mode="validation")
    assert doc.example == ({} if expected is OMITTED else {"a": expected})


def test_recursion_is_cut_in_examples() -> None:
    reg = registry(spec("m.N", fld("kids", TList(TModel("m.N"))),
                        fld("parent", opt(TModel("m.N"))),
                        fld("maybe", TModel("m.N"), has_default=True, default=Unknown("?")),
                        fld("pair", TTuple((INT, TModel("m.N"))), has_default=True,
                            default=Unknown("?"))))
    doc, _ = build_interfaces(TModel("m.N"), reg, interface="IN", mode="validation")
    assert doc.example == {"kids": [], "parent": None}


# --------------------------------------------------------------------------- tsc: valid TS

def _type_table_blocks() -> dict[str, str]:
    decls = "interface IItem { name: string; }\ninterface IPageItem { items: IItem[]; }\n"
    return {f"type {i} {mode}": f"{decls}type T = {text};\n"
            for i, (_, mode, text) in enumerate(TYPE_CASES)}


def _doc_blocks() -> dict[str, str]:
    blocks = {}
    cases: list[tuple[str, Type, Registry]] = [
        ("order", TModel("shop.Order"), SHOP), ("items", TList(TModel("shop.Line")), SHOP),
        ("dict", TDict(S, INT), SHOP), ("page", PAGE_ITEM, TYPES_REGISTRY),
    ]
    cases += [(f"field {i}", TModel("m.M"), registry(spec("m.M", f)))
              for i, (f, _, _) in enumerate(FIELD_CASES)]
    for name, root, reg in cases:
        for mode in MODES:
            doc, _ = build_interfaces(root, reg, interface="IRoot", mode=mode)
            example = json.dumps(doc.example, ensure_ascii=False)
            blocks[f"{name} {mode}"] = f"{doc.typescript}\nconst _example: IRoot = {example};\n"
    return blocks


@needs_tsc
def test_tsc_accepts_every_generated_block_and_example() -> None:
    check_typescript({**_type_table_blocks(), **_doc_blocks()})


@needs_tsc
def test_tsc_judge_reports_errors_by_block() -> None:
    errors = tsc_errors({"fine": "interface IA {\n\ta?: number;\n}\n",
                         "broken": "interface IB {\n\tb: strin;\n}\n",
                         "bad example": "interface IC {\n\tc: number;\n}\nconst x: IC = {};\n"})
    assert set(errors) == {"broken", "bad example"}
    assert "line 2:5" in errors["broken"][0] and "strin" in errors["broken"][0]
    assert "TS2741" in errors["bad example"][0]
    with pytest.raises(AssertionError, match=r"\[broken\]"):
        check_typescript({"broken": "interface IB {\n\tb: strin;\n}\n"})


# --------------------------------------------------------------------------- tsc: identity
# Real pydantic models, their IR written by hand as resolve would build it, and the proof that
# our interface is identical to json-schema-to-typescript's type from model_json_schema(mode).

T = TypeVar("T")


class Status(str, Enum):
    NEW = "new"
    PAID = "paid"


class Priority(IntEnum):
    LOW = 1
    HIGH = 2


class Address(BaseModel):
    """Почтовый адрес."""

    street: str = Field(description="Улица и дом */ sic", min_length=1)
    city: str = "Москва"
    zip_code: str | None = None


class Money(BaseModel):
    amount: Decimal = Field(ge=0)
    currency: Literal["RUB", "USD"] = "RUB"
    legacy: str | None = Field(default=None, deprecated=True)


class Customer(BaseModel):
    model_config = ConfigDict(alias_generator=pydantic_aliases.to_camel, populate_by_name=True,
                              extra="forbid")

    full_name: str
    email: EmailStr
    address: Address | None = None
    tags: set[str] = Field(default_factory=set)
    meta: dict[str, Any] = {}


class Node(BaseModel):
    name: str
    children: list[Node] = []
    parent_id: UUID | None = None


class Page(BaseModel, Generic[T]):
    items: list[T]
    total: int
    next_cursor: str | None = None


class Cat(BaseModel):
    kind: Literal["cat"] = "cat"
    lives: int = 9


class Dog(BaseModel):
    kind: Literal["dog"]
    good: bool = True


class Line(BaseModel):
    sku: str
    qty: int = Field(1, gt=0)


class CreateOrder(BaseModel):
    """Создание заказа."""

    model_config = ConfigDict(extra="allow")

    order_id: UUID = Field(alias="order-id")
    customer: Customer
    amount: Money
    status: Status = Status.NEW
    priority: Priority
    created: datetime
    deliver_on: date | None = None
    window: tuple[time, time] | None = None
    ttl: timedelta = timedelta(hours=1)
    lines: list[Line | int] = Field(min_length=1)
    by_status: dict[Status, int] = {}
    by_priority: dict[Priority, str] = {}
    labels: dict[Literal["a", "b"], str] = {}
    pet: Cat | Dog = Field(discriminator="kind")
    token: SecretStr | None = Field(default=None, exclude=True)
    callback: HttpUrl | None = None
    raw: bytes = b""
    internal: str = Field(default="x", exclude=True)
    tree: Page[Node]
    extra_data: Any = None
    comment: str = Field(default="", validation_alias="commentIn",
                         serialization_alias="commentOut")
    flags: tuple[bool, ...] = ()
    scores: list[float | None] = []

    @computed_field
    @property
    def line_count(self) -> int:
        return len(self.lines)


ItemA = create_model("Item", __module__="shop.a", code=(str, ...))
ItemB = create_model("Item", __module__="shop.b", code=(int, ...), note=(str | None, None))


class Pair(BaseModel):
    left: ItemA
    right: ItemB


def _ir_registry() -> Registry:
    k = "shop.models."
    names = ["Address", "Money", "Customer", "Node", "Page", "Cat", "Dog", "Line"]
    m = {name: TModel(k + name) for name in names}
    status, priority = TEnum(k + "Status"), TEnum(k + "Priority")
    models = [
        spec(k + "Address", fld("street", S, description="Улица и дом */ sic",
                                constraints={"min_length": 1}),
             fld("city", S, has_default=True, default="Москва"),
             fld("zip_code", opt(S), has_default=True, default=None), docstring="Почтовый адрес."),
        spec(k + "Money", fld("amount", TPrim("decimal"), constraints={"ge": 0}),
             fld("currency", TLiteral(("RUB", "USD")), has_default=True, default="RUB"),
             fld("legacy", opt(S), has_default=True, default=None, deprecated=True)),
        spec(k + "Customer", fld("full_name", S), fld("email", TPrim("email")),
             fld("address", opt(m["Address"]), has_default=True, default=None),
             fld("tags", TList(S, unique=True), default_factory=True, default=[]),
             fld("meta", TDict(S, TPrim("any")), has_default=True, default={}),
             config=ModelConfig(alias_generator="to_camel", populate_by_name=True,
                                extra="forbid")),
        spec(k + "Node", fld("name", S),
             fld("children", TList(m["Node"]), has_default=True, default=[]),
             fld("parent_id", opt(TPrim("uuid")), has_default=True, default=None)),
        spec(k + "Page", fld("items", TList(TVar("T"))), fld("total", INT),
             fld("next_cursor", opt(S), has_default=True, default=None), type_params=("T",)),
        spec(k + "Cat", fld("kind", TLiteral(("cat",)), has_default=True, default="cat"),
             fld("lives", INT, has_default=True, default=9)),
        spec(k + "Dog", fld("kind", TLiteral(("dog",))),
             fld("good", B, has_default=True, default=True)),
        spec(k + "Line", fld("sku", S), fld("qty", INT, has_default=True, default=1,
                                            constraints={"gt": 0})),
        spec(k + "CreateOrder",
             fld("order_id", TPrim("uuid"), alias="order-id"), fld("customer", m["Customer"]),
             fld("amount", m["Money"]), fld("status", status, has_default=True, default="new"),
             fld("priority", priority), fld("created", TPrim("datetime")),
             fld("deliver_on", opt(TPrim("date")), has_default=True, default=None),
             fld("window", opt(TTuple((TPrim("time"), TPrim("time")))), has_default=True,
                 default=None),
             fld("ttl", TPrim("timedelta"), has_default=True, default="PT1H"),
             fld("lines", TList(TUnion((m["Line"], INT))), constraints={"min_length": 1}),
             fld("by_status", TDict(status, INT), has_default=True, default={}),
             fld("by_priority", TDict(priority, S), has_default=True, default={}),
             fld("labels", TDict(TLiteral(("a", "b")), S), has_default=True, default={}),
             fld("pet", TUnion((m["Cat"], m["Dog"]), discriminator="kind")),
             fld("token", opt(TPrim("secret")), has_default=True, default=None, exclude=True),
             fld("callback", opt(TPrim("url")), has_default=True, default=None),
             fld("raw", TPrim("bytes"), has_default=True, default=""),
             fld("internal", S, has_default=True, default="x", exclude=True),
             fld("tree", TModel(k + "Page", (m["Node"],))),
             fld("extra_data", TPrim("any"), has_default=True, default=None),
             fld("comment", S, has_default=True, default="", validation_alias="commentIn",
                 serialization_alias="commentOut"),
             fld("flags", TList(B), has_default=True, default=[]),
             fld("scores", TList(opt(F)), has_default=True, default=[]),
             fld("line_count", INT, kind="computed"),
             docstring="Создание заказа.", config=ModelConfig(extra="allow")),
        spec("shop.a.Item", fld("code", S)),
        spec("shop.b.Item", fld("code", INT), fld("note", opt(S), has_default=True, default=None)),
        spec(k + "Pair", fld("left", TModel("shop.a.Item")), fld("right", TModel("shop.b.Item"))),
    ]
    enums = (EnumSpec(k + "Status", "Status", "m.py:1", [("NEW", "new"), ("PAID", "paid")]),
             EnumSpec(k + "Priority", "Priority", "m.py:2", [("LOW", 1), ("HIGH", 2)]))
    return registry(*models, enums=enums)


_K = "shop.models."
PET = Annotated[Cat | Dog, Field(discriminator="kind")]
IDENTITY_ROOTS: list[tuple[str, Any, Type]] = [
    ("CreateOrder", CreateOrder, TModel(_K + "CreateOrder")),
    ("Customer", Customer, TModel(_K + "Customer")),
    ("Address", Address, TModel(_K + "Address")),
    ("Node", Node, TModel(_K + "Node")),
    ("PageOfNode", Page[Node], TModel(_K + "Page", (TModel(_K + "Node"),))),
    ("Pair", Pair, TModel(_K + "Pair")),
    ("Addresses", list[Address], TList(TModel(_K + "Address"))),
    ("Pet", PET, TUnion((TModel(_K + "Cat"), TModel(_K + "Dog")), discriminator="kind")),
]

MUTANTS: list[tuple[str, str, str, str]] = [
    # case, what our block would wrongly say, text to replace, replacement
    ("CreateOrder validation", "drop a ?", "\tstatus?: ", "\tstatus: "),
    ("CreateOrder validation", "add a ?", "\tpriority: ", "\tpriority?: "),
    ("CreateOrder validation", "drop | null", "deliver_on?: string | null;",
     "deliver_on?: string;"),
    ("CreateOrder validation", "python name for alias", '\t"order-id": ', "\torder_id: "),
    ("CreateOrder validation", "decimal as number", "amount: number | string;", "amount: number;"),
    ("CreateOrder serialization", "computed optional", "line_count: ", "line_count?: "),
    ("CreateOrder serialization", "excluded kept", "\tcommentOut?: string;",
     "\tcommentOut?: string;\n\tinternal?: string;"),
    ("Customer serialization", "index signature on forbid", "\tmeta?: ",
     "\t[key: string]: unknown;\n\tmeta?: "),
    ("Node validation", "wrong nested type", "\tparent_id?: string | null;",
     "\tparent_id?: number | null;"),
    ("Pair validation", "clashing names merged", "\tright: IShopBItem;", "\tright: IShopAItem;"),
]


def _identity_cases() -> dict[str, tuple[str, str, dict[str, Any], Any]]:
    reg = _ir_registry()
    cases = {}
    for name, py_type, root in IDENTITY_ROOTS:
        for mode in MODES:
            doc, warnings = build_interfaces(root, reg, interface=f"I{name}", mode=mode)
            assert warnings == []
            schema = TypeAdapter(py_type).json_schema(mode=mode)
            cases[f"{name} {mode}"] = (doc.typescript, doc.interface, schema, doc.example)
    return cases


@needs_jstt
def test_identity_with_pydantic_json_schema_and_mutants_fail() -> None:
    cases = _identity_cases()
    judged = {name: (ts, iface, schema) for name, (ts, iface, schema, _) in cases.items()}
    blocks = identity_blocks(judged)
    for case, what, old, new in MUTANTS:
        ours, iface, _ = judged[case]
        assert old in ours, (case, old)
        ref = f"{case} (json-schema-to-typescript)"
        blocks[f"mutant {case}: {what}"] = identity_module(ours.replace(old, new, 1), iface, ref)
    for name, (ts, iface, _, example) in cases.items():
        literal = json.dumps(example, ensure_ascii=False)
        blocks[f"example {name}"] = f"{ts}\nconst _example: {iface} = {literal};\n"
    errors = tsc_errors(blocks)
    expected = {f"mutant {case}: {what}" for case, what, _, _ in MUTANTS}
    assert set(errors) == expected, "\n".join(
        f"{name}: {msgs}" for name, msgs in errors.items() if name not in expected)


def test_validation_examples_validate_with_pydantic() -> None:
    for name, (_, _, _, example) in _identity_cases().items():
        if name.endswith("validation"):
            py_type = next(t for n, t, _ in IDENTITY_ROOTS if name == f"{n} validation")
            TypeAdapter(py_type).validate_json(json.dumps(example))


@needs_jstt
def test_assert_identical_passes_for_a_matching_type() -> None:
    ours = ("interface IAddress {\n\tstreet: string;\n\tcity?: string;\n"
            "\tzip_code?: string | null;\n}\n")
    assert_identical({"address": (ours, "IAddress", Address.model_json_schema())})
    with pytest.raises(AssertionError, match="not assignable"):
        assert_identical({"address": (ours.replace("city?", "city"), "IAddress",
                                      Address.model_json_schema())})


def test_judge_skips_without_node_modules(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(tsjudge, "TSC", tsjudge.REPO / "no-such-dir" / "tsc")
    with pytest.raises(pytest.skip.Exception, match="npm ci"):
        tsc_errors({"a": "type A = 1;\n"})


def test_serialization_schema_keeps_defaults_optional_in_pydantic() -> None:
    """The rule the serialization interfaces follow, pinned against the installed pydantic."""
    schema = CreateOrder.model_json_schema(mode="serialization")
    assert "status" not in schema["required"] and "line_count" in schema["required"]
    assert "internal" not in schema["properties"] and "token" not in schema["properties"]
    assert re.fullmatch(r"2\.\d+\.\d+", __import__("pydantic").VERSION)


# --------------------------------------------------------------------------- generic bases

GENERIC_JSON_BASE = '''
from typing import Generic, TypeVar
from platform_sdk import Integration
from pydantic import BaseModel, Json

T = TypeVar("T")
integration = Integration(name="Demo")

class Base(BaseModel, Generic[T]):
    b: Json[T]
    items: list[Json[T]] = []

class Child(Base[int]):
    pass

@integration.handler("get-child")
async def get_child() -> Child:
    ...
'''


@pytest.mark.parametrize(("mode", "expected"), [
    ("serialization", "\tb: number;\n\t/** @default [] */\n\titems?: number[];"),
    ("validation", "\tb: string;\n\t/** @default [] */\n\titems?: string[];"),
])
def test_generic_base_binds_its_variable_inside_json(mode: Mode, expected: str) -> None:
    """Drift bug 1 (issue 11): `Base[int]` binds the `T` of `b: Json[T]` (it was `unknown`)."""
    resolved = resolve_code(GENERIC_JSON_BASE)
    response = resolved.routes[0].response
    assert response == TModel("pkg.Child")
    doc, warnings = build_interfaces(response, resolved.registry, interface="IResponse", mode=mode)
    assert _body(doc.typescript) == expected and warnings == []


# --------------------------------------------------------------------------- one-line payloads

@pytest.mark.parametrize(("fields", "expected"), [
    ([("id", "number", True), ("first-name", "string | null", False), ("tags", "string[]", True)],
     '{ id: number; "first-name"?: string | null; tags: string[] }'),
    ([("id\n", "number", True)], '{ "id\\n": number }'),
    ([], "{}"),
])
def test_inline_object(fields: list[tuple[str, str, bool]], expected: str) -> None:
    entries = [ModelField(name=name, python_name=name, ts_type=ts, required=required)
               for name, ts, required in fields]
    assert inline_object(entries) == expected


# --------------------------------------------------------------------------- Decimal pattern

DIGITS = [(None, None), (10, 2), (5, None), (None, 3), (3, 3), (2, 5), (1, 0), (12, 0), (0, 0)]


@pytest.mark.parametrize(("max_digits", "decimal_places"), DIGITS)
@pytest.mark.parametrize("mode", MODES)
def test_decimal_constraints_are_pydantics(max_digits: int | None, decimal_places: int | None, mode: Mode) -> None:
    """A Decimal's string form carries a `pattern` exactly when the installed pydantic's schema
    does (pydantic 2.14+: never)."""
    py_type = Annotated[Decimal, Field(max_digits=max_digits, decimal_places=decimal_places)]
    schema = TypeAdapter(py_type).json_schema(mode=mode)
    theirs = next(s for s in schema.get("anyOf", [schema]) if s.get("type") == "string")
    declared = {"max_digits": max_digits, "decimal_places": decimal_places}
    field = WireField(fld("amount", TPrim("decimal")), "amount", TPrim("decimal"), True, False)
    field.spec.constraints.update({k: v for k, v in declared.items() if v is not None})
    assert ("pattern" in constraints(field, mode)) is ("pattern" in theirs)
