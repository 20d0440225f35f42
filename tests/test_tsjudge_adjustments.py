"""Each reference-side adjustment of the judge (tests/ts/schema2ts.cjs), with the misreading it
corrects: json-schema-to-typescript 16 reads these parts of pydantic's 2020-12 schemas
otherwise than pydantic means them, so the judge rewrites them first. Each case shows the
converter's raw output (the misreading) and the adjusted one (pydantic's meaning)."""

from __future__ import annotations

import re
from typing import Annotated, Any, NamedTuple

import pytest
from pydantic import BaseModel, Field, RootModel, TypeAdapter

from .tsjudge import needs_jstt, schema_to_ts


class Span(NamedTuple):
    start: int
    end: int = 0


class Described(RootModel[Any]):
    """Anything at all."""


class HasAny(BaseModel):
    value: Any


ADJUSTMENTS: list[tuple[str, Any, str, str]] = [
    # what pydantic wrote, the type, the converter's raw reading (misread), the adjusted one (pydantic's meaning)
    ("prefixItems: a fixed tuple's item types", tuple[int, str], "root: [unknown, unknown]", "root: [number, string]"),
    ("prefixItems with minItems: a NamedTuple with a default", Span,
     "[unknown] | [unknown, unknown]", "[Start] | [Start, End]"),
    ("minItems of a homogeneous list (min_length)", Annotated[list[int], Field(min_length=2)],
     "root: [number, number, ...(number)[]]", "root: number[]"),
    ("an empty schema with a title (a field of type Any)", HasAny,
     "export interface Value {\n[k: string]: unknown\n}", "export type Value = unknown"),
    ("a described RootModel[Any]", Described,
     "export interface Described {\n[k: string]: unknown\n}", "export type Described = unknown"),
]


def _flat(ts: str) -> str:
    """The converter's text with its union spacing normalised."""
    return re.sub(r"\s*\|\s*", " | ", ts)


@needs_jstt
@pytest.mark.parametrize(("what", "python_type", "raw", "adjusted"), ADJUSTMENTS)
def test_converter_misreads_and_the_judge_adjusts(what: str, python_type: Any, raw: str, adjusted: str) -> None:
    schema = TypeAdapter(python_type).json_schema()
    as_written = _flat(schema_to_ts({what: schema}, raw=True)[what])
    as_meant = _flat(schema_to_ts({what: schema})[what])
    assert raw in as_written and adjusted not in as_written, as_written
    assert adjusted in as_meant and raw not in as_meant, as_meant
