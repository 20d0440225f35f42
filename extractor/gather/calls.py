"""Call statements: module-level calls made for their effect (`app.include_router(router)`)."""

from __future__ import annotations

from collections.abc import Iterator

import libcst as cst

from .definitions import DefinitionGatherer
from .values import Call


def statement_calls(gatherer: DefinitionGatherer, index: int, stmt: cst.SimpleStatementLine) -> Iterator[Call]:
    """The calls of a simple statement line that are whole expression statements."""
    for small in stmt.body:
        if isinstance(small, cst.Expr) and isinstance(small.value, cst.Call):
            gatherer.ev.location = gatherer.source.location(index, small)
            value = gatherer.ev.value(small.value)
            if isinstance(value, Call):
                yield value
