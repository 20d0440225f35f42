"""The schema stage on the forms SDKs and generators write (discriminated unions, declared
aliases, named tuples, TypedDict extra items, field titles, pydantic's own types): each inline
source is read statically by the tool AND run by pydantic; both schemas must be equal."""

from __future__ import annotations

import sys
import textwrap
import types
from typing import Any

import pytest

from extractor.ir import CALLABLE_DISCRIMINATOR, Mode, TModel, TUnion, non_null
from extractor.schema import json_schema
from tests.helpers import resolve_code

UNIONS = """
from typing import Annotated, Dict, List, Literal, Optional, Union
from pydantic import BaseModel, Discriminator, Field, Tag

class Cat(BaseModel):
    kind: Literal["cat"]
class Dog(BaseModel):
    kind: Literal["dog"]
class Fish(BaseModel):
    kind: Literal["fish", "shark"]

Pet = Annotated[Union[Cat, Dog, Fish], Field(discriminator="kind")]

def pick(value):
    return "cat"

class Home(BaseModel):
    pet: Union[Cat, Dog] = Field(discriminator="kind")
    maybe: Optional[Pet] = None
    pets: List[Pet] = []
    by_name: Dict[str, Pet] = {}
    inline: List[Annotated[Union[Cat, Dog], Field(discriminator="kind")]] = []
    picked: Annotated[Union[Annotated[Cat, Tag("cat")], Annotated[Dog, Tag("dog")]], Discriminator(pick)]
    scalar: Annotated[Union[Annotated[float, Tag("n")], Annotated[str, Tag("s")]], Discriminator(pick)] = 0
"""

DECLARED = """
from collections import namedtuple
from typing import Annotated, List, NamedTuple, Optional, Tuple
from pydantic import BaseModel, Field
from typing_extensions import TypeAliasType, TypeVar

T = TypeVar("T")
Id = TypeAliasType("Id", str)
Count = TypeAliasType("Count", Annotated[int, Field(gt=0, le=10)])
Pair = TypeAliasType("Pair", Tuple[T, T], type_params=(T,))
Ids = TypeAliasType("Ids", List[T], type_params=(T,))

class Point(NamedTuple):
    '''A point.'''
    x: float
    y: float

class Span(NamedTuple):
    start: int
    end: Optional[int] = None
    label: str = ""

Version = NamedTuple("Version", [("major", int), ("minor", int)])
Size = namedtuple("Size", ["width", "height"])

class Shape(BaseModel):
    id: Id
    count: Count
    corners: Pair[Point]
    ids: Ids[Id] = []
    span: Optional[Span] = None
    version: Version
    size: Optional[Size] = None
"""

FIELDS = """
from typing import Annotated, Dict, Optional
from pydantic import BaseModel, Field
from typing_extensions import TypedDict

Cents = Annotated[int, Field(ge=0, description="In cents.")]

class Labels(TypedDict, extra_items=str):
    name: str

class Closed(TypedDict, closed=True):
    name: str

class Price(BaseModel):
    amount: Optional[Cents] = None
    totals: Dict[str, Cents] = {}
    labels: Optional[Labels] = None
    closed: Optional[Closed] = None
    titled: str = Field(default="", title="Custom title")
    extra: str = Field(default="", json_schema_extra={"x-note": "kept", "examples": ["a"]})
"""

KNOWN = """
import ipaddress
from typing import Optional
from pydantic import BaseModel, ByteSize, HttpUrl, IPvAnyAddress, IPvAnyNetwork, JsonValue, MongoDsn, NameEmail
from pydantic.types import UUID4, Base64Str

class Known(BaseModel):
    payload: JsonValue
    other: Optional[JsonValue] = None
    address: IPvAnyAddress
    network: IPvAnyNetwork
    host: ipaddress.IPv4Address
    database: MongoDsn
    size: ByteSize
    uuid: UUID4
    encoded: Base64Str
    sender: NameEmail
    homepage: Optional[HttpUrl] = None
"""

CASES = [
    pytest.param(UNIONS, "Home", id="discriminated_unions"),
    pytest.param(DECLARED, "Shape", id="type_aliases_and_named_tuples"),
    pytest.param(FIELDS, "Price", id="nested_descriptions_extra_items_titles"),
    pytest.param(KNOWN, "Known", id="pydantic_known_types"),
]


def pydantic_schema(code: str, model: str, mode: Mode) -> dict[str, Any]:
    """What pydantic itself writes for `code`'s `model` (the source run as module `pkg`)."""
    module = types.ModuleType("pkg")
    sys.modules["pkg"] = module
    try:
        exec(compile(textwrap.dedent(code), "pkg.py", "exec"), module.__dict__)
        return dict(module.__dict__[model].model_json_schema(mode=mode))
    finally:
        del sys.modules["pkg"]


@pytest.mark.parametrize("mode", ["validation", "serialization"])
@pytest.mark.parametrize(("code", "model"), CASES)
def test_schema_of_the_form_equals_pydantics(code: str, model: str, mode: Mode) -> None:
    schema, warnings = json_schema(TModel(f"pkg.{model}"), resolve_code(code).registry, mode)
    assert warnings == []
    assert schema == pydantic_schema(code, model, mode)


@pytest.mark.parametrize(("field", "discriminator"), [
    ("pet", "kind"), ("maybe", "kind"), ("picked", CALLABLE_DISCRIMINATOR), ("scalar", CALLABLE_DISCRIMINATOR),
])
def test_the_ir_carries_the_discriminator(field: str, discriminator: str) -> None:
    spec = resolve_code(UNIONS).registry.models["pkg.Home"]
    found = next(f.type for f in spec.fields if f.python_name == field)
    assert isinstance(found, TUnion)
    assert found.discriminator == discriminator
    assert len(non_null(found)) >= 2


def test_a_named_tuple_keeps_its_item_names_and_defaults() -> None:
    registry = resolve_code(DECLARED).registry
    span = registry.models["pkg.Span"]
    assert span.declared == "namedtuple"
    assert [(i.python_name, i.has_default, i.default) for i in span.items] == [
        ("start", False, None), ("end", True, None), ("label", True, "")]
    assert registry.models["pkg.Id"].declared == "alias"
    assert registry.models["pkg.Shape"].declared is None
