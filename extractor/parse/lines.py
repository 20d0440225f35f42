"""libcst statements paired with Python's: their original lines, and where env reads can be.

libcst's statements carry no positions; the ast statements of the same text do. Pairing the
two trees statement by statement gives libcst's statements (and def/class names) their lines
without libcst's PositionProvider, and tells which statements' text could read the
environment.
"""

from __future__ import annotations

import ast
import re
from collections.abc import Iterator, Sequence

import libcst as cst

from .outline import Outline
from .walk import BLOCK_NAMES, ast_block, cst_block

Pairs = list[tuple[cst.BaseStatement, list[ast.stmt]]]
Block = Sequence[ast.stmt]
_SIMPLE: tuple[type[ast.stmt], ...] = (
    ast.Expr, ast.Assign, ast.AnnAssign, ast.AugAssign, ast.Import, ast.ImportFrom, ast.Return,
    ast.Pass, ast.Break, ast.Continue, ast.Raise, ast.Assert, ast.Delete, ast.Global, ast.Nonlocal,
    *((ast.TypeAlias,) if hasattr(ast, "TypeAlias") else ()),  # `type X = …`: 3.12+
)
"""Statements libcst writes as small statements of a `SimpleStatementLine`."""


def pair(body: Sequence[cst.BaseStatement], nodes: Sequence[ast.stmt]) -> Pairs | None:
    """Each libcst statement with its ast statements (one per small statement of a line);
    None when the two blocks don't match statement for statement."""
    paired: Pairs = []
    position = 0
    for stmt in body:
        simple = isinstance(stmt, cst.SimpleStatementLine)
        count = len(stmt.body) if isinstance(stmt, cst.SimpleStatementLine) else 1
        group = list(nodes[position : position + count])
        if len(group) != count or any(isinstance(n, _SIMPLE) != simple for n in group):
            return None
        paired.append((stmt, group))
        position += count
    return paired if position == len(nodes) else None


class LineIndex:
    """The original line of libcst statements (and of def/class names), from their ast pairs;
    each top-level statement is indexed when a line inside it is first asked for."""

    def __init__(self, outline: Outline, pairs: Pairs) -> None:
        self.outline = outline
        self.pairs = pairs
        self._lines: dict[cst.CSTNode, int] = {}
        self._one_line: set[cst.CSTNode] = set()
        self._indexed: set[int] = set()

    def line(self, index: int, node: cst.CSTNode) -> int | None:
        """The line of `node`, a statement (or def/class name) in top-level statement `index`."""
        if index >= len(self.pairs):
            return None
        if index not in self._indexed:
            self._indexed.add(index)
            self._add(*self.pairs[index])
        return self._lines.get(node)

    def on_one_line(self, stmt: cst.CSTNode) -> bool:
        """True for a simple statement written on one line (every node in it is on that line)."""
        return stmt in self._one_line

    def _add(self, stmt: cst.BaseStatement, nodes: list[ast.stmt]) -> None:
        """Index a statement and the statements inside it."""
        first = nodes[0]
        self._lines[stmt] = first.lineno
        if isinstance(stmt, cst.SimpleStatementLine):
            for small, node in zip(stmt.body, nodes, strict=True):
                self._lines[small] = node.lineno
            if first.lineno == nodes[-1].end_lineno:
                self._one_line.add(stmt)
            return
        if isinstance(stmt, cst.FunctionDef | cst.ClassDef):
            self._name(stmt, first)
            if id(first) in self.outline.skipped:
                return
        for cst_body, ast_body in _blocks(stmt, first):
            for inner, inner_nodes in pair(cst_body, ast_body) or ():
                self._add(inner, inner_nodes)

    def _name(self, stmt: cst.FunctionDef | cst.ClassDef, node: ast.stmt) -> None:
        keyword = "class" if isinstance(stmt, cst.ClassDef) else "def"
        text = self.outline.lines[node.lineno - 1] if node.lineno <= len(self.outline.lines) else ""
        if re.search(rf"\b{keyword}\s+{re.escape(stmt.name.value)}\b", text):
            self._lines[stmt.name] = node.lineno


def _blocks(stmt: cst.BaseStatement, node: ast.stmt) -> Iterator[tuple[Sequence[cst.BaseStatement], Block]]:
    """Matching (libcst, ast) statement blocks of a compound statement, name by name."""
    for name in BLOCK_NAMES:
        cst_blocks, ast_blocks = cst_block(stmt, name), ast_block(node, name)
        if len(cst_blocks) == len(ast_blocks):
            yield from zip(cst_blocks, ast_blocks, strict=True)


def env_nodes(outline: Outline, stmt: cst.BaseStatement, nodes: list[ast.stmt]) -> Iterator[cst.BaseStatement]:
    """The narrowest statements under `stmt` whose text could read the environment: inside
    a class whose own lines (decorators, bases) don't, only the members that could."""
    if not any(outline.mentions_env(node) for node in nodes):
        return
    first = nodes[0]
    if isinstance(stmt, cst.ClassDef) and isinstance(first, ast.ClassDef) and isinstance(stmt.body, cst.IndentedBlock):
        start = min([first.lineno, *(d.lineno for d in first.decorator_list)])
        members = pair(stmt.body.body, first.body)
        if members is not None and not outline.lines_mention_env(start, first.body[0].lineno - 1):
            for member, member_nodes in members:
                yield from env_nodes(outline, member, member_nodes)
            return
    yield stmt
