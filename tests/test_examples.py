"""Examples that are real, and one page that is one TypeScript module.

Unit tests pin each defect class on inline models (placeholders, `null` in a GET query, an
interface declared twice, `Model | None` without `| null`, an enum value without meaning,
one model under two names). The judges: every sample's and every corpus model's request
example passes the runtime model's `model_validate` (a GET one after a round trip through a
query string), every response example passes the response model (and pydantic's own
serialization schema), and all TypeScript of each sample page compiles under `tsc --strict`
as one module, usage examples included.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from typing import Any
from urllib.parse import parse_qsl, urlencode

import jsonschema
import pytest

from extractor.ir import EnumSpec, Registry, TDict, TEnum, TList, TModel, TUnion
from extractor.model import DocModel, Handler, Integration, Parameter
from extractor.render import render_markdown
from extractor.render.code_examples import curl_example, query_pairs, usage_example
from extractor.typescript import PageModule, Use, build_interfaces, page_block
from extractor.typescript.named_values import named_number, named_string

from .corpus_cases import corpus_cases, declarations
from .test_typescript import INT, NONE, S, fld, opt, registry, spec
from .tsjudge import format_errors, tsc_errors

PLACEHOLDERS = ("string", "key")


def _strings(value: Any) -> list[str]:
    """Every string of a JSON value, object keys included."""
    if isinstance(value, dict):
        return [*value, *(s for v in value.values() for s in _strings(v))]
    if isinstance(value, list):
        return [s for v in value for s in _strings(v)]
    return [value] if isinstance(value, str) else []


def _example(reg: Registry, key: str = "m.M", mode: str = "validation") -> Any:
    block, _ = build_interfaces(TModel(key), reg, interface="IM", mode=mode)  # type: ignore[arg-type]
    return block.example


# ------------------------------------------------------------------ placeholder values


def test_no_placeholders_when_the_name_says_more() -> None:
    reg = registry(spec("m.M", fld("payment_id", S), fld("metadata", TDict(S, S)),
                        fld("labels", TModel("m.Labels")), fld("deal_id", INT), fld("customer_email", S),
                        fld("price", INT), fld("phones", TList(S)), fld("comment", S)),
                   spec("m.Labels", fld("values", TList(S))))
    example = _example(reg)
    assert example == {
        "payment_id": "payment_1001", "metadata": {"order_id": "order_1001"}, "labels": {"values": ["Пример"]},
        "deal_id": 1001, "customer_email": "user@example.com", "price": 1500, "phones": ["+79161234567"],
        "comment": "Комментарий",
    }
    assert not set(_strings(example)) & set(PLACEHOLDERS)


@pytest.mark.parametrize(("name", "text", "number"), [
    ("customer_email", "user@example.com", 1), ("deal_id", "deal_1001", 1001), ("id", "1001", 1001),
    ("firstName", "Иван", 1), ("phones", "+79161234567", 1), ("per_page", "Пример", 10),
    ("webhook_url", "https://example.com/", 1), ("amount", "Пример", 1500), ("x", "Пример", 1),
])
def test_named_values(name: str, text: str, number: int) -> None:
    assert (named_string(name), named_number(name)) == (text, number)


@pytest.mark.parametrize(("constraints", "expected"), [
    ({"ge": 5}, 1500), ({"le": 100}, 100), ({"multiple_of": 7}, 1505), ({"ge": 1, "le": 10, "multiple_of": 4}, 8),
    ({"gt": 1499, "lt": 1501}, 1500), ({"multiple_of": 1000, "le": 1200}, 1000),
])
def test_numbers_keep_bounds_and_steps(constraints: dict[str, Any], expected: int) -> None:
    assert _example(registry(spec("m.M", fld("price", INT, constraints=constraints)))) == {"price": expected}


def test_request_leaves_out_optional_fields_without_value_response_shows_them() -> None:
    reg = registry(spec("m.M", fld("name", S), fld("status", opt(S), has_default=True, default=None),
                        fld("tags", TList(S), has_default=True, default=[], default_factory=True),
                        fld("limit", INT, has_default=True, default=20), fld("page", INT, has_default=True, default=0),
                        fld("note", opt(S), has_default=True, default=None, examples=["Позвонить"])))
    assert _example(reg) == {"name": "Пример названия", "limit": 20, "note": "Позвонить"}
    assert _example(reg, mode="serialization") == {
        "name": "Пример названия", "status": "active", "tags": ["vip"], "limit": 20, "page": 0, "note": "Позвонить"}


# ------------------------------------------------------------------ GET without null, comments, headers


def _handler(method: str, example: Any, **kw: Any) -> Handler:
    request = DocModel(model="Q", interface="IQRequest", typescript="interface IQRequest {}\n", example=example)
    return Handler(name="find", method=method, description="Ищет контакт.", function="find",
                   location="h.py:1", request=request, **kw)


def test_get_query_never_says_null_and_comment_does_not_repeat_description() -> None:
    handler = _handler("GET", {"query": "+7916", "limit": 10, "status": None, "ids": [1, 2]})
    curl = curl_example(handler, None)
    assert "null" not in curl and "--data-urlencode 'ids=[1, 2]'" in curl
    assert query_pairs(handler.request.example if handler.request else None) == [
        ("query", "+7916"), ("limit", "10"), ("ids", "[1, 2]")]
    assert "Ищет контакт" not in usage_example(handler)


def test_required_headers_are_sent() -> None:
    header = Parameter(name="x-api-key", python_name="x_api_key", in_="header", ts_type="string", required=True)
    handler = _handler("POST", {"a": 1}, path="/orders/{order_id}", framework="fastapi", parameters=[
        header, Parameter(name="order_id", python_name="order_id", in_="path", ts_type="string", required=True)])
    assert '-H "x-api-key: example-token"' in curl_example(handler, None)
    assert '"x-api-key": "example-token"' in usage_example(handler)
    assert '"/orders/order_1001"' in usage_example(handler)


# ------------------------------------------------------------------ one page, one module


SHARED = registry(spec("m.Deal", fld("id", INT), fld("contact", opt(TModel("m.Contact")))),
                  spec("m.Contact", fld("name", S)), spec("m.Create", fld("name", S)),
                  spec("m.Event", fld("deal", TModel("m.Deal"))))


def _page(*uses: Use) -> list[str]:
    page = PageModule(list(uses), SHARED)
    return [page_block(page, i).declarations for i in range(len(uses))]


def test_each_interface_is_declared_once_per_page() -> None:
    blocks = _page(Use(TModel("m.Create"), "validation", "ICreateRequest"),
                   Use(TModel("m.Deal"), "serialization", "ICreateResponse"),
                   Use(TModel("m.Deal"), "serialization", "IGetResponse"),
                   Use(TModel("m.Event"), "validation", "IDealCreatedPayload"))
    names = Counter(name for block in blocks for name in declarations(block) if block)
    assert names == dict.fromkeys(["ICreateRequest", "ICreateResponse", "IDeal", "IContact", "IGetResponse",
                                   "IDealCreatedPayload"], 1)
    assert blocks[2] == "type IGetResponse = IDeal;\n"


def test_one_model_one_name_with_an_alias_for_the_handler_name() -> None:
    blocks = _page(Use(TModel("m.Deal"), "serialization", "IGetDealResponse"),
                   Use(TModel("m.Event"), "validation", "IDealCreatedPayload"))
    text = "\n".join(blocks)
    assert "type IGetDealResponse = IDeal;" in text and "interface IGetDealResponse" not in text
    assert text.count("interface IDeal {") == 1 and "deal: IDeal;" in text


def test_a_model_used_once_keeps_the_root_name() -> None:
    blocks = _page(Use(TModel("m.Create"), "validation", "ICreateRequest"))
    assert blocks[0].startswith("interface ICreateRequest {")


def test_optional_model_root_is_model_or_null() -> None:
    blocks = _page(Use(TUnion((TModel("m.Contact"), NONE)), "serialization", "IFindResponse"))
    assert blocks[0].startswith("type IFindResponse = IContact | null;\n\ninterface IContact {")


def test_enum_members_are_named_in_jsdoc() -> None:
    reg = registry(spec("m.M", fld("kind", TEnum("m.Kind")), fld("color", TEnum("m.Color"))),
                   enums=(EnumSpec("m.Kind", "Kind", "m.py:1", members=[("PERSON", 1), ("COMPANY", 2)],
                                   member_docs={"PERSON": "Физлицо"}),
                          EnumSpec("m.Color", "Color", "m.py:5", members=[("RED", "red")])))
    block, _ = build_interfaces(TModel("m.M"), reg, interface="IM", mode="validation")
    assert "\t/**\n\t * 1 = Физлицо\n\t * 2 = COMPANY\n\t */\n\tkind: 1 | 2;" in block.typescript
    assert "\tcolor: \"red\";" in block.typescript and "red = RED" not in block.typescript


def test_enum_member_comment_is_read_from_source() -> None:
    from .helpers import resolve_code

    code = "from enum import IntEnum\nclass Kind(IntEnum):\n    PERSON = 1  # Физлицо\n    COMPANY = 2\n" \
           '    """Юрлицо"""\n'
    enum = resolve_code(code).registry.enums
    assert [spec.member_docs for spec in enum.values()] == [{"PERSON": "Физлицо", "COMPANY": "Юрлицо"}]


# ------------------------------------------------------------------ judges: pydantic


def _sample_cases() -> list[tuple[str, DocModel, Any, str, Handler | None]]:
    """(label, model, runtime class or None, mode, handler) of every sample request, response, payload."""
    from .test_corpus import ALL_SAMPLES, fastapi_cases, flask_cases, sample_doc
    from .test_samples_runtime import SAMPLES_RUN, model_pairs

    found: list[tuple[str, DocModel, Any, str, Handler | None]] = []
    for name in SAMPLES_RUN:
        handlers = {h.name: h for h in sample_doc(name).handlers}
        for label, doc, cls, mode in model_pairs(name):
            if doc is not None:
                found.append((f"{name} {label}", doc, cls, mode, handlers.get(label.rsplit(" ", 1)[0])))
    for case in [*fastapi_cases().values(), *flask_cases().values()]:
        assert isinstance(case.doc, DocModel)
        found.append((case.name, case.doc, case.cls, case.doc.mode, None))
    assert {label.split(" ")[0] for label, *_ in found} >= set(ALL_SAMPLES) - {"side_effects"}
    return found


def _same_wire(cls: Any) -> bool:
    """A model whose JSON is the same in and out (no serialization alias, computed field or
    serializer): its response example must read back through `model_validate`; the others
    are judged by pydantic's serialization schema (`test_sample_examples_pass_pydantic_json_schema`)."""
    return bool(cls.model_json_schema(mode="validation") == cls.model_json_schema(mode="serialization"))


def _from_query(pairs: list[tuple[str, str]], schema: dict[str, Any]) -> dict[str, Any]:
    """A query string read back as the platform reads it: a value stays text where the
    field takes text, else it is JSON."""
    props = schema.get("properties", {})
    return {key: value if _takes_text(props.get(key, {})) else json.loads(value) for key, value in pairs}


def _takes_text(schema: dict[str, Any]) -> bool:
    options = schema.get("anyOf", [schema])
    return any(o.get("type") == "string" or ("enum" in o and all(isinstance(v, str) for v in o["enum"]))
               or isinstance(o.get("const"), str) for o in options)


def test_sample_examples_pass_the_runtime_pydantic_models() -> None:
    checked = 0
    for label, doc, cls, mode, handler in _sample_cases():
        if cls is None:
            continue
        assert doc.example is not None, label
        if mode == "validation" or _same_wire(cls):
            cls.model_validate(doc.example)  # a response too, when it reads back as it is written
            checked += 1
        if handler is not None and mode == "validation" and handler.method in ("GET", "HEAD"):
            query = urlencode(query_pairs(doc.example))
            cls.model_validate(_from_query(parse_qsl(query), cls.model_json_schema(mode="validation")))
    assert checked >= 20


def test_sample_examples_pass_pydantic_json_schema() -> None:
    from .test_corpus import sample_cases

    for name, case in sample_cases().items():
        assert isinstance(case.doc, DocModel) and case.schema is not None
        _validate(case.doc.example, case.schema, name)


def test_corpus_examples_pass_pydantic_models_and_schemas() -> None:
    import pydantic.v1 as pydantic_v1
    from pydantic import TypeAdapter

    for name, case in corpus_cases().items():
        if case.cls is None or case.schema is None:
            continue
        _validate(case.doc.example, case.schema, name)
        if name.endswith(" validation"):
            if isinstance(case.cls, type) and issubclass(case.cls, pydantic_v1.BaseModel):
                case.cls.parse_obj(case.doc.example)
            else:
                TypeAdapter(case.cls).validate_python(case.doc.example)


def test_corpus_examples_have_no_placeholders() -> None:
    for name, case in corpus_cases().items():
        assert "string" not in _strings(case.doc.example), name


def _validate(example: Any, schema: dict[str, Any], where: str) -> None:
    validator = jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker())
    # JSON object keys are text: an int-enum key (`propertyNames: {enum: [1, 2]}`) can't match
    errors = [e.message for e in validator.iter_errors(example) if "propertyNames" not in e.schema_path]
    assert errors == [], f"{where}: {errors}"


# ------------------------------------------------------------------ judge: tsc on each page

_FENCE = re.compile(r"^```typescript\n(.*?)^```", re.MULTILINE | re.DOTALL)
_SECTION = re.compile(r"^## ", re.MULTILINE)
USAGE = "Использование"


def page_typescript(markdown: str) -> tuple[list[str], list[str]]:
    """The TypeScript blocks of a page: declarations (every section but Использование), and
    the usage examples."""
    declared: list[str] = []
    usage: list[str] = []
    for section in _SECTION.split(markdown):
        blocks = _FENCE.findall(section)
        (usage if section.startswith(USAGE) else declared).extend(blocks)
    return declared, usage


def page_module(doc: Integration) -> str:
    """All declaration blocks of a page pasted into one module, as a reader would, then every
    usage example in its own block scope (each declares `request` and `response`)."""
    declared, usage = page_typescript(render_markdown(doc))
    return "\n".join([*declared, *(f"{{\n{block}}}\n" for block in usage)])


def test_tsc_compiles_each_sample_page_as_one_module() -> None:
    from .test_corpus import ALL_SAMPLES, sample_doc

    modules = {name: page_module(sample_doc(name)) for name in ALL_SAMPLES}
    for name, module in modules.items():
        names = Counter(re.findall(r"^(?:interface|type) (\w+)", module, re.MULTILINE))
        assert [n for n, count in names.items() if count > 1] == [], name
        assert "const request" in module or "fetch(" in module, name
    errors = tsc_errors(modules)
    assert errors == {}, format_errors(errors)


def test_page_typescript_splits_usage_from_declarations() -> None:
    page = ("## Использование\n\n```typescript\nconst a = 1;\n```\n\n## API Reference\n\n"
            "```typescript\ninterface IA {}\n```\n\n## События\n\n```typescript\ntype IB = IA;\n```\n")
    assert page_typescript(page) == (["interface IA {}\n", "type IB = IA;\n"], ["const a = 1;\n"])


def test_json_schema_extra_examples_are_used() -> None:
    from .helpers import resolve_code

    code = ("from pydantic import BaseModel, ConfigDict, Field\n"
            "class Lead(BaseModel):\n"
            "    model_config = ConfigDict(json_schema_extra={'examples': [{'title': 'Заявка с сайта'}]})\n"
            "    title: str\n"
            "class Note(BaseModel):\n"
            "    text: str = Field(json_schema_extra={'examples': ['Перезвонить завтра']})\n"
            "    when: str = Field(json_schema_extra={'example': 'завтра'})\n")
    reg = resolve_code(code).registry
    lead, note = (key for key in reg.models)
    assert _example(reg, lead) == {"title": "Заявка с сайта"}
    assert _example(reg, note) == {"text": "Перезвонить завтра", "when": "завтра"}


def test_optional_field_holding_a_model_with_examples_is_sent() -> None:
    reg = registry(spec("m.M", fld("name", S), fld("values", TList(TModel("m.V")), has_default=True, default=[]),
                        fld("plain", TList(TModel("m.P")), has_default=True, default=[])),
                   spec("m.V", fld("city", S, examples=["Казань"])), spec("m.P", fld("x", INT)))
    assert _example(reg) == {"name": "Пример названия", "values": [{"city": "Казань"}]}


def test_two_roots_with_one_template_name_get_two_names() -> None:
    blocks = _page(Use(TModel("m.Create"), "validation", "ISendXRequest"),
                   Use(TModel("m.Contact"), "validation", "ISendXRequest"))
    assert [next(iter(declarations(b))) for b in blocks] == ["ISendXRequest", "ISendXRequest2"]
