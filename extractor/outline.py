"""A module's outline from Python's own parser: what libcst needs to parse, and statement lines.

`ast.parse` (C) is about ten times faster than libcst. It tells which function bodies can't
carry a fact (the gather stage reads a function's decorators, signature and docstring, never
its body, unless the body reads the environment), so those bodies are left out of the text
libcst parses; and it gives the line of every statement, so libcst's PositionProvider is
needed only for the expression nodes of environment reads.
"""

from __future__ import annotations

import ast
import bisect
import re
import warnings
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field

import libcst as cst

ENV_WORDS = ("environ", "getenv")
Block = Sequence[ast.stmt]
_FUNCTIONS = (ast.FunctionDef, ast.AsyncFunctionDef)
_TRY: tuple[type[ast.Try], ...] = (ast.Try, getattr(ast, "TryStar", ast.Try))  # TryStar: 3.11+
_SIMPLE: tuple[type[ast.stmt], ...] = (
    ast.Expr, ast.Assign, ast.AnnAssign, ast.AugAssign, ast.Import, ast.ImportFrom, ast.Return,
    ast.Pass, ast.Break, ast.Continue, ast.Raise, ast.Assert, ast.Delete, ast.Global, ast.Nonlocal,
    *((ast.TypeAlias,) if hasattr(ast, "TypeAlias") else ()),  # `type X = …`: 3.12+
)
"""Statements libcst writes as small statements of a `SimpleStatementLine`."""


def parse_ast(text: str) -> ast.Module | None:
    """Python's own parse of `text`, or None when it can't (libcst then parses everything)."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            return ast.parse(text)
    except (SyntaxError, ValueError, RecursionError, MemoryError):
        return None


def env_pattern(tree: ast.Module) -> re.Pattern[str]:
    """Words that can name an environment read: `environ`, `getenv` and local aliases of `os`
    members (`from os import environ as E`), from the imports the gather stage reads."""
    words: set[str] = set()
    for stmt in _module_scope(tree.body):
        if isinstance(stmt, ast.ImportFrom):
            whole = _mentions_env(stmt.module or "")
            words.update(a.asname for a in stmt.names if a.asname and (whole or _mentions_env(a.name)))
        elif isinstance(stmt, ast.Import):
            words.update(a.asname for a in stmt.names if a.asname and _mentions_env(a.name))
    aliases = "".join(rf"|\b{re.escape(word)}\b" for word in sorted(words))
    return re.compile("|".join(ENV_WORDS) + aliases)


def _mentions_env(name: str) -> bool:
    return any(word in name for word in ENV_WORDS)


def _module_scope(body: Block) -> Iterator[ast.stmt]:
    """Top-level statements, descending into `if`/`try` blocks (as the import visitor does)."""
    for stmt in body:
        yield stmt
        if isinstance(stmt, ast.If):
            yield from _module_scope([*stmt.body, *stmt.orelse])
        elif isinstance(stmt, _TRY):
            blocks = [*stmt.body, *stmt.orelse, *stmt.finalbody]
            yield from _module_scope(blocks + [s for h in stmt.handlers for s in h.body])


@dataclass
class Outline:
    """The text libcst parses (function bodies that can't matter replaced by `...`), with the
    original line of each of its lines, and the ast of the original text."""

    tree: ast.Module
    lines: list[str]
    text: str
    line_map: list[int]
    skipped: set[int] = field(default_factory=set)
    """ids of the function nodes whose bodies were left out."""
    env: re.Pattern[str] = re.compile("|".join(ENV_WORDS))
    """What could name an environment read (`env_pattern`)."""
    env_lines: list[int] = field(default_factory=list)
    """The lines where `env` matches, in order."""

    def mentions_env(self, node: ast.stmt) -> bool:
        """True when the statement's text (decorators included) could hold an environment read."""
        start = min([node.lineno, *(d.lineno for d in getattr(node, "decorator_list", ()))])
        return self.lines_mention_env(start, node.end_lineno or node.lineno)

    def lines_mention_env(self, first: int, last: int) -> bool:
        """True when `env` matches on a line from `first` to `last`."""
        found = bisect.bisect_left(self.env_lines, first)
        return found < len(self.env_lines) and self.env_lines[found] <= last


def outline(text: str, *, selective: bool = True) -> Outline | None:
    """The outline of `text`; None when Python's parser can't read it."""
    tree = parse_ast(text)
    if tree is None:
        return None
    lines = text.split("\n")
    env = env_pattern(tree)
    result = Outline(tree, lines, text, list(range(1, len(lines) + 1)), env=env, env_lines=_match_lines(env, text))
    if selective:
        cuts = sorted(_cuts(result, tree.body))
        if cuts:
            _apply(result, cuts)
    return result


def _match_lines(pattern: re.Pattern[str], text: str) -> list[int]:
    """The 1-based lines where `pattern` matches, each once, in order."""
    lines: list[int] = []
    line, position = 1, 0
    for match in pattern.finditer(text):
        line += text.count("\n", position, match.start())
        position = match.start()
        if not lines or lines[-1] != line:
            lines.append(line)
    return lines


def _cuts(source: Outline, body: Block) -> Iterator[tuple[int, int, str, int]]:
    """(first line, last line, indentation, id of the function) of each body to leave out."""
    for stmt in body:
        if isinstance(stmt, _FUNCTIONS):
            cut = _body_cut(source, stmt)
            if cut is not None:
                yield cut
        elif isinstance(stmt, ast.ClassDef):
            yield from _cuts(source, stmt.body)
        elif isinstance(stmt, ast.If):
            yield from _cuts(source, [*stmt.body, *stmt.orelse])
        elif isinstance(stmt, _TRY):
            yield from _cuts(source, [*stmt.body, *[s for h in stmt.handlers for s in h.body],
                                      *stmt.orelse, *stmt.finalbody])


def _body_cut(source: Outline, node: ast.FunctionDef | ast.AsyncFunctionDef) -> tuple[int, int, str, int] | None:
    """The body lines to leave out: all but a leading expression (the docstring)."""
    drops = node.body[1:] if isinstance(node.body[0], ast.Expr) else node.body
    if not drops or source.mentions_env(node):
        return None
    first = drops[0]
    line = source.lines[first.lineno - 1]
    indent = line[: first.col_offset]
    if indent.strip():
        return None
    return first.lineno, node.end_lineno or first.lineno, indent, id(node)


def _apply(source: Outline, cuts: list[tuple[int, int, str, int]]) -> None:
    """Replace each cut by one `...` line at the body's indentation; keep the line map."""
    lines: list[str] = []
    line_map: list[int] = []
    position = 1
    for first, last, indent, node_id in cuts:
        lines.extend(source.lines[position - 1 : first - 1])
        line_map.extend(range(position, first))
        lines.append(f"{indent}...")
        line_map.append(first)
        position = last + 1
        source.skipped.add(node_id)
    lines.extend(source.lines[position - 1 :])
    line_map.extend(range(position, len(source.lines) + 1))
    source.text = "\n".join(lines)
    source.line_map = line_map


def env_nodes(
    plan: Outline, stmt: cst.BaseStatement, nodes: list[ast.stmt]
) -> Iterator[cst.BaseStatement]:
    """The narrowest statements under `stmt` whose text could read the environment: inside
    a class whose own lines (decorators, bases) don't, only the members that could."""
    if not any(plan.mentions_env(node) for node in nodes):
        return
    first = nodes[0]
    if isinstance(stmt, cst.ClassDef) and isinstance(first, ast.ClassDef) and isinstance(stmt.body, cst.IndentedBlock):
        start = min([first.lineno, *(d.lineno for d in first.decorator_list)])
        members = pair(stmt.body.body, first.body)
        if members is not None and not plan.lines_mention_env(start, first.body[0].lineno - 1):
            for member, member_nodes in members:
                yield from env_nodes(plan, member, member_nodes)
            return
    yield stmt


class LineIndex:
    """The original line of libcst statements (and of def/class names), paired with ast nodes."""

    def __init__(self, outline: Outline) -> None:
        self.outline = outline
        self.lines: dict[cst.CSTNode, int] = {}
        self.one_line: set[cst.CSTNode] = set()
        """Simple statements written on one line: every node in them is on that line."""

    def add(self, stmt: cst.BaseStatement, nodes: list[ast.stmt]) -> None:
        """Index a statement and the statements inside it."""
        first = nodes[0]
        self.lines[stmt] = first.lineno
        if isinstance(stmt, cst.SimpleStatementLine):
            for small, node in zip(stmt.body, nodes, strict=True):
                self.lines[small] = node.lineno
            if first.lineno == nodes[-1].end_lineno:
                self.one_line.add(stmt)
            return
        if isinstance(stmt, cst.FunctionDef | cst.ClassDef):
            self._name(stmt, first)
            if id(first) in self.outline.skipped:
                return
        for cst_block, ast_block in _blocks(stmt, first):
            for inner, inner_nodes in pair(cst_block, ast_block) or ():
                self.add(inner, inner_nodes)

    def _name(self, stmt: cst.FunctionDef | cst.ClassDef, node: ast.stmt) -> None:
        keyword = "class" if isinstance(stmt, cst.ClassDef) else "def"
        text = self.outline.lines[node.lineno - 1] if node.lineno <= len(self.outline.lines) else ""
        if re.search(rf"\b{keyword}\s+{re.escape(stmt.name.value)}\b", text):
            self.lines[stmt.name] = node.lineno


def pair(body: Sequence[cst.BaseStatement], nodes: Block) -> list[tuple[cst.BaseStatement, list[ast.stmt]]] | None:
    """Each libcst statement with its ast statements (one per small statement of a line)."""
    paired: list[tuple[cst.BaseStatement, list[ast.stmt]]] = []
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


def _blocks(stmt: cst.BaseStatement, node: ast.stmt) -> Iterator[tuple[Sequence[cst.BaseStatement], Block]]:
    """Matching (libcst, ast) statement blocks inside a compound statement."""
    body = getattr(stmt, "body", None)
    if isinstance(body, cst.IndentedBlock):
        yield body.body, getattr(node, "body", ())
    orelse = getattr(stmt, "orelse", None)
    if isinstance(orelse, cst.If | cst.Else):
        yield from _orelse(orelse, getattr(node, "orelse", ()))
    if isinstance(stmt, cst.Try | cst.TryStar) and isinstance(node, _TRY):
        yield from _handlers(stmt, node)


def _handlers(stmt: cst.Try | cst.TryStar, node: ast.Try) -> Iterator[tuple[Sequence[cst.BaseStatement], Block]]:
    if len(stmt.handlers) == len(node.handlers):
        for handler, ast_handler in zip(stmt.handlers, node.handlers, strict=True):
            block = getattr(handler, "body", None)
            if isinstance(block, cst.IndentedBlock):
                yield block.body, ast_handler.body
    if stmt.finalbody is not None and isinstance(stmt.finalbody.body, cst.IndentedBlock):
        yield stmt.finalbody.body.body, node.finalbody


def _orelse(orelse: cst.If | cst.Else | None, nodes: Block) -> Iterator[tuple[Sequence[cst.BaseStatement], Block]]:
    if isinstance(orelse, cst.If):
        yield [orelse], nodes
    elif isinstance(orelse, cst.Else) and isinstance(orelse.body, cst.IndentedBlock):
        yield orelse.body.body, nodes
