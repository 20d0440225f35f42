"""Call statements: module-level calls made for their effect (`app.include_router(router)`)."""

from __future__ import annotations

from collections.abc import Iterator

import libcst as cst

from ..parse import SourceFile
from ..parse.walk import SimpleLine
from .evaluate import Evaluator
from .expressions import Call


def statement_calls(source: SourceFile, evaluator: Evaluator, index: int, stmt: SimpleLine) -> Iterator[Call]:
    """The calls of a line of small statements that are whole expression statements."""
    for small in stmt.body:
        if isinstance(small, cst.Expr) and isinstance(small.value, cst.Call):
            value = evaluator.at(source.location(index, small)).value(small.value)
            if isinstance(value, Call):
                yield value
