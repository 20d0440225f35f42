"""Unit tests of the forms real libraries write models in (issue #13): custom alias
generators read statically, `type X = …` statements, TypedDicts under a model's config,
nested classes, NamedTuples, and the warnings where identity is out of reach."""

from __future__ import annotations

import inspect
import re
import textwrap
from collections.abc import Callable
from pathlib import Path

import pytest
from pydantic.alias_generators import to_pascal

from extractor.discover import IntegrationRoot
from extractor.ir import TModel, TPrim, TTuple, TUnion, TVar
from extractor.pipeline import extract
from extractor.resolve.string_eval import call
from extractor.resolve.string_subset import Source, UnreadableError
from extractor.typescript import build_interfaces

from .helpers import resolve_code


def kebab(name: str) -> str:
    return name.replace("_", "-")


def lower_camel(string: str) -> str:
    """A docstring, then statements."""
    first, *rest = string.split("_")
    return first + "".join(word.capitalize() for word in rest)


def ids_upper(name: str) -> str:
    parts = name.split("_")
    if parts[-1] in ("id", "url"):
        parts[-1] = parts[-1].upper()
    return "".join(p if i == 0 else p[:1].upper() + p[1:] for i, p in enumerate(parts))


def regex_camel(name: str) -> str:
    return re.sub(r"_([a-z0-9])", lambda m: m.group(1).upper(), name)


def prefixed(name: str) -> str:
    return f"x_{to_pascal(name)}"


def sliced(name: str) -> str:
    return name[:3].upper() + name[3:] if len(name) > 3 else name.upper()


FUNCTIONS: list[Callable[[str], str]] = [kebab, lower_camel, ids_upper, regex_camel, prefixed, sliced]
NAMES = ["id", "user_id", "avatar_url", "created_at_ms", "x", "field_2_name", "_private_like"]


def _source(function: Callable[[str], str]) -> Source:
    """A test function's body as the resolver reads it, names qualified as in this module."""
    text = inspect.getsource(function)
    body = textwrap.indent(textwrap.dedent(text).split(":\n", 1)[1], "")
    imports = {"re": "re", "to_pascal": "pydantic.alias_generators.to_pascal"}
    builtin = {"len", "str", "enumerate"}

    def qualify(name: str) -> str:
        head, _, rest = name.partition(".")
        base = imports.get(head) or (f"builtins.{head}" if head in builtin else f"tests.{head}")
        return f"{base}.{rest}" if rest else base
    return Source(tuple(inspect.signature(function).parameters), body, False, qualify)


@pytest.mark.parametrize("function", FUNCTIONS, ids=lambda f: f.__name__)
def test_string_functions_evaluate_as_python_runs_them(function: Callable[[str], str]) -> None:
    source = _source(function)
    assert [call(source, name) for name in NAMES] == [function(name) for name in NAMES]


@pytest.mark.parametrize(("body", "reason"), [
    ("return open(name).read()", "call of `open`"),
    ("return name.encode()", "method `encode`"),
    ("while True:\n    pass", "`While` statement"),
    ("return name * 10**9", "operator"),
    ("import os\nreturn os.getcwd()", "statement"),
    ("return len(name)", "doesn't return a string"),
])
def test_what_is_not_interpreted_is_a_reason(body: str, reason: str) -> None:
    source = Source(("name",), body, False, lambda n: f"builtins.{n}" if n in {"open", "len"} else f"m.{n}")
    with pytest.raises(UnreadableError, match=re.escape(reason)):
        call(source, "field_name")


GENERATED = """
from pydantic import AliasGenerator, BaseModel, ConfigDict
from pydantic.alias_generators import to_camel, to_snake

def shout(name: str) -> str:
    return name.upper()

def dynamic(name: str) -> str:
    return GLOBAL_TABLE[name]

class Shout(BaseModel):
    model_config = ConfigDict(alias_generator=shout)
    page_size: int

class Modes(BaseModel):
    model_config = ConfigDict(alias_generator=AliasGenerator(validation_alias=to_camel, serialization_alias=shout))
    page_size: int

class Lambda(BaseModel):
    model_config = ConfigDict(alias_generator=lambda s: "x-" + s.replace("_", "-"))
    page_size: int

class Dynamic(BaseModel):
    model_config = ConfigDict(alias_generator=dynamic)
    page_size: int

class Imported(BaseModel):
    model_config = ConfigDict(alias_generator=some_package.camelize)
    page_size: int
"""


@pytest.mark.parametrize(("model", "validation", "serialization"), [
    ("Shout", "PAGE_SIZE", "PAGE_SIZE"),
    ("Modes", "pageSize", "PAGE_SIZE"),
    ("Lambda", "x-page-size", "x-page-size"),
])
def test_custom_generators_give_the_wire_keys(model: str, validation: str, serialization: str) -> None:
    resolved = resolve_code(GENERATED)
    registry = resolved.registry
    keys = []
    for mode in ("validation", "serialization"):
        block, _ = build_interfaces(TModel(f"pkg.{model}"), registry, interface="I", mode=mode)  # type: ignore[arg-type]
        keys.append(block.fields[0].name)
    assert keys == [validation, serialization]


@pytest.mark.parametrize(("model", "reason"), [
    ("Dynamic", "name `GLOBAL_TABLE` is not a local value"),
    ("Imported", "is not a function of the integration"),
])
def test_an_unreadable_generator_is_a_warning_naming_the_model(model: str, reason: str) -> None:
    resolved = resolve_code(GENERATED)
    spec = resolved.registry.models[f"pkg.{model}"]
    assert [f.generated_aliases for f in spec.fields] == [None]
    found = [w for w in resolved.warnings if f"`{model}`" in w.message]
    assert len(found) == 1 and reason in found[0].message and "Python field names" in found[0].message
    assert re.fullmatch(r"__init__\.py:\d+", found[0].location)


def test_type_statement_is_a_named_alias_with_its_parameters() -> None:
    resolved = resolve_code("""
        from pydantic import BaseModel

        type Pair[T] = tuple[T, T]
        type Ident = str

        class Edge(BaseModel):
            ends: Pair[Ident]
    """)
    registry = resolved.registry
    pair = registry.models["pkg.Pair"]
    assert pair.is_root and pair.type_params == ("T",) and pair.fields[0].type == TTuple((TVar("T"), TVar("T")))
    assert registry.models["pkg.Edge"].fields[0].type == TModel("pkg.Pair", (TModel("pkg.Ident"),))
    block, warnings = build_interfaces(TModel("pkg.Edge"), registry, interface="IEdge", mode="validation")
    assert warnings == [] and "type IPairIdent = [IIdent, IIdent];" in block.typescript


def test_a_typed_dict_takes_the_config_of_each_model_using_it() -> None:
    registry = resolve_code("""
        from typing_extensions import TypedDict
        from pydantic import BaseModel, ConfigDict
        from pydantic.alias_generators import to_camel

        class Meta(TypedDict):
            page_size: int

        class Camel(BaseModel):
            model_config = ConfigDict(alias_generator=to_camel)
            meta: Meta

        class Plain(BaseModel):
            meta: Meta
    """).registry
    camel = registry.models["pkg.Camel"].fields[0].type
    assert camel == TModel("pkg.Meta.in_camel") and registry.models["pkg.Plain"].fields[0].type == TModel("pkg.Meta")
    block, _ = build_interfaces(camel, registry, interface="IMeta", mode="validation")
    assert "\tpageSize: number;" in block.typescript
    alone, _ = build_interfaces(TModel("pkg.Meta"), registry, interface="IMeta", mode="validation")
    assert "\tpage_size: number;" in alone.typescript


def test_nested_classes_and_named_tuples() -> None:
    registry = resolve_code("""
        from typing import NamedTuple
        from pydantic import BaseModel

        class Span(NamedTuple):
            start: int
            end: int = 0

        class Message(BaseModel):
            class Call(BaseModel):
                name: str
            calls: list[Call]
            span: Span

        class Log(BaseModel):
            last: Message.Call
    """).registry
    assert registry.models["pkg.Log"].fields[0].type == TModel("pkg.Message.Call")
    assert registry.models["pkg.Span"].fields[0].type == TTuple((TPrim("int"), TPrim("int")), required=1)
    block, warnings = build_interfaces(TModel("pkg.Message"), registry, interface="IMessage", mode="validation")
    assert warnings == [] and "\tcalls: ICall[];" in block.typescript
    assert "type ISpan = [number] | [number, number];" in block.typescript


def test_quoted_forward_references_in_a_root_model_base_are_types() -> None:
    resolved = resolve_code("""
        from typing import Literal, Union
        from pydantic import BaseModel, RootModel

        class Either(RootModel[Union["A2", "A3"]]):
            pass

        class A2(BaseModel):
            kind: Literal["a2"]

        class A3(BaseModel):
            kind: Literal["a3"]
    """)
    assert resolved.warnings == []
    assert resolved.registry.models["pkg.Either"].fields[0].type == TUnion((TModel("pkg.A2"), TModel("pkg.A3")))


UNREADABLE = '''
from pydantic import BaseModel, ConfigDict
from not_installed import Money, camelize


class Order(BaseModel):
    model_config = ConfigDict(alias_generator=camelize)
    total: Money
'''


def test_what_is_out_of_reach_reaches_the_document_warnings(tmp_path: Path) -> None:
    """Both warnings land in the integration's warnings with `file:line` (what `--strict`
    fails on, tests/test_cli.py)."""
    (tmp_path / "orders.py").write_text(UNREADABLE, encoding="utf-8")
    doc = extract(IntegrationRoot(path=tmp_path, slug="orders", files=(tmp_path / "orders.py",)))
    messages = {(w.location, w.message.split(":")[0]) for w in doc.warnings}
    assert ("orders.py:6", "`Order`") in messages
    assert any(w.location == "orders.py:8" and "can't be resolved statically" in w.message for w in doc.warnings)
