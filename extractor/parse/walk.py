"""The one statement walk: which compound statements are entered, and which of their blocks.

The rule is written once, as data (`MODULE_SCOPE`), and read for both trees the extractor
holds: Python's `ast` (the outline) and libcst's (the gather stage). A block is a sequence of
statements; the walk yields statements in source order, iteratively, so a long `elif` chain
can't exhaust the stack.

libcst writes a one-line block (`if X: import y`) as a `SimpleStatementSuite`: it stands in
its block as one statement, as a `SimpleStatementLine` would.
"""

from __future__ import annotations

import ast
from collections.abc import Callable, Iterator, Sequence
from typing import Any, TypeVar

import libcst as cst

Kinds = tuple[tuple[str, tuple[str, ...]], ...]
SimpleLine = cst.SimpleStatementLine | cst.SimpleStatementSuite
"""libcst's line of small statements: a statement line, or a one-line block (`if X: a = 1`)."""

MODULE_SCOPE: Kinds = (
    ("If", ("body", "orelse")),
    ("Try", ("body", "handlers", "orelse", "finalbody")),
    ("TryStar", ("body", "handlers", "orelse", "finalbody")),
)
"""The statements whose blocks belong to the enclosing scope (an import under
`if TYPE_CHECKING:` or in any part of a `try` is the module's), with those blocks in source
order. Loops, `with` and `match` are not entered: what they bind is not static."""
CLASS_BODY: Kinds = (("ClassDef", ("body",)),)
"""A class body, entered by the outline's search for function bodies to leave out."""
BLOCK_NAMES = ("body", "handlers", "orelse", "finalbody")
"""Every statement block a compound statement can hold, in both trees."""

S = TypeVar("S")
Blocks = Callable[[S], list[Sequence[S]]]


def walk(body: Sequence[S], blocks: Blocks[S]) -> Iterator[S]:
    """Each statement of `body`, then the statements of its `blocks`, in source order."""
    pending: list[S] = list(reversed(body))
    while pending:
        stmt = pending.pop()
        yield stmt
        for block in reversed(blocks(stmt)):
            pending.extend(reversed(block))


def ast_block(stmt: ast.AST, name: str) -> list[Sequence[ast.stmt]]:
    """The statement blocks under attribute `name` of an ast statement (one per handler)."""
    value = getattr(stmt, name, None)
    if not value:
        return []
    if name == "handlers":
        return [handler.body for handler in value]
    return [value]


def cst_block(stmt: cst.CSTNode, name: str) -> list[Sequence[cst.BaseStatement]]:
    """The statement blocks under attribute `name` of a libcst statement (one per handler;
    an `elif` is a block of one `If`)."""
    value = getattr(stmt, name, None)
    if value is None:
        return []
    if name == "handlers":
        return [_suite(handler.body) for handler in value]
    if isinstance(value, cst.If):
        return [[value]]
    if isinstance(value, cst.Else | cst.Finally):
        return [_suite(value.body)]
    return [_suite(value)] if isinstance(value, cst.BaseSuite) else []


def _suite(suite: cst.BaseSuite) -> Sequence[cst.BaseStatement]:
    if isinstance(suite, cst.IndentedBlock):
        return suite.body
    return [suite]  # type: ignore[list-item]  # a one-line suite stands as one statement


def _table(module: Any, kinds: Kinds) -> dict[type, tuple[str, ...]]:
    """Statement class → block names, for the kinds `module` (ast or libcst) has."""
    return {getattr(module, kind): names for kind, names in kinds if hasattr(module, kind)}


def _blocks(table: dict[type, tuple[str, ...]], block: Callable[[Any, str], list[Sequence[S]]]) -> Blocks[S]:
    def blocks(stmt: S) -> list[Sequence[S]]:
        names = table.get(type(stmt))
        return [found for name in names for found in block(stmt, name)] if names else []

    return blocks


AST_SCOPE: Blocks[ast.stmt] = _blocks(_table(ast, MODULE_SCOPE), ast_block)
AST_SCOPE_AND_CLASSES: Blocks[ast.stmt] = _blocks(_table(ast, MODULE_SCOPE + CLASS_BODY), ast_block)
CST_SCOPE: Blocks[cst.BaseStatement] = _blocks(_table(cst, MODULE_SCOPE), cst_block)


def ast_statements(body: Sequence[ast.stmt], blocks: Blocks[ast.stmt] = AST_SCOPE) -> Iterator[ast.stmt]:
    """The ast statements of a scope, entering the blocks `MODULE_SCOPE` names."""
    return walk(body, blocks)


def cst_statements(body: Sequence[cst.BaseStatement]) -> Iterator[cst.BaseStatement]:
    """The libcst statements of a scope, entering the blocks `MODULE_SCOPE` names."""
    return walk(body, CST_SCOPE)


def inner_statements(stmt: cst.BaseStatement) -> Iterator[cst.BaseStatement]:
    """The statements inside the blocks `MODULE_SCOPE` names of `stmt` (not `stmt` itself)."""
    return walk([s for block in CST_SCOPE(stmt) for s in block], CST_SCOPE)
