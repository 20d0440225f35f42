"""A parsed module: libcst's tree of the plan's text, with the lines of its statements.

Nothing here imports or runs the code. libcst parses what the plan says (`plan.py`) on a big
stack; the statement lines come from Python's tree paired with libcst's (`lines.py`), and
libcst's PositionProvider runs only on the statement holding a reported expression, never on
the whole module.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from functools import cached_property

import libcst as cst
from libcst.metadata import CodeRange, MetadataWrapper, PositionProvider

from ..errors import NestingError, SourceSyntaxError
from .lines import LineIndex, env_nodes, pair
from .nesting import depth_error, on_big_stack
from .outline import Outline
from .plan import Plan, plan


@dataclass
class SourceFile:
    """One parsed module of an integration, with the lines of its top-level statements.

    `tree` may be parsed from an outline of `text` (function bodies that can't carry a fact
    left out); lines are always those of `text`. `index` (None when Python's tree couldn't
    be paired with libcst's) gives the lines of statements inside them.
    """

    rel: str
    module: str
    is_package: bool
    text: str
    tree: cst.Module
    stmt_lines: list[int] = field(repr=False)
    outline: Outline | None = field(default=None, repr=False)
    index: LineIndex | None = field(default=None, repr=False)
    _ranges: dict[cst.CSTNode, dict[cst.CSTNode, CodeRange]] = field(default_factory=dict, repr=False)
    """libcst positions of the statements asked about (a cache)."""

    @property
    def package(self) -> str:
        """The package relative imports start from."""
        if self.is_package:
            return self.module
        return self.module.rpartition(".")[0]

    @cached_property
    def text_lines(self) -> list[str]:
        """The lines of `text`."""
        return self.text.split("\n")

    def stmt_line(self, index: int) -> int:
        """The 1-based line of the top-level statement `index` (its keyword, after decorators)."""
        return self.stmt_lines[index] if index < len(self.stmt_lines) else 1

    def line_of(self, index: int, node: cst.CSTNode, within: cst.CSTNode | None = None) -> int:
        """The 1-based line of `node` inside top-level statement `index`; `within`, a statement
        holding `node`, narrows the positions libcst computes when `node` isn't a statement."""
        known = self._known(index, node)
        if known is not None:
            return known
        base = self._known(index, within) if within is not None else None
        if within is not None and base is not None:
            if self.index is not None and self.index.on_one_line(within):
                return base
            relative = self._relative(within, node)
            if relative is not None:
                return base + relative
        return self._fallback_line(index, node)

    def location(self, index: int, node: cst.CSTNode | None = None) -> str:
        """`rel:line` of a node inside a top-level statement, or of the statement itself."""
        line = self.stmt_line(index) if node is None else self.line_of(index, node)
        return f"{self.rel}:{line}"

    def env_statements(self) -> list[tuple[int, cst.BaseStatement]]:
        """(top-level index, statement) of the narrowest statements whose text could read the
        environment (every top-level statement when Python's parser couldn't help)."""
        if self.outline is None or self.index is None:
            return list(enumerate(self.tree.body))
        shape = self.outline
        return [(i, node) for i, (stmt, nodes) in enumerate(self.index.pairs) for node in env_nodes(shape, stmt, nodes)]

    def _known(self, index: int, node: cst.CSTNode) -> int | None:
        """The line of a statement (or def/class name) from Python's own parser."""
        return self.index.line(index, node) if self.index is not None else None

    def _relative(self, stmt: cst.CSTNode, node: cst.CSTNode) -> int | None:
        """Lines from the start of statement `stmt` to `node` (libcst positions of `stmt` only)."""
        if stmt not in self._ranges:
            wrapper = MetadataWrapper(cst.Module(body=[stmt]), unsafe_skip_copy=True)  # type: ignore[list-item]
            self._ranges[stmt] = dict(wrapper.resolve(PositionProvider))
        ranges = self._ranges[stmt]
        own, found = ranges.get(stmt), ranges.get(node)
        return found.start.line - own.start.line if own and found else None

    def _fallback_line(self, index: int, node: cst.CSTNode) -> int:
        line = self.stmt_line(index)
        if index >= len(self.tree.body):
            return line
        relative = self._relative(self.tree.body[index], node)
        if relative is None:
            return line
        if self.outline is None:
            return line + relative
        line_map = self.outline.line_map
        parsed = bisect.bisect_left(line_map, line) + relative
        return line_map[parsed] if 0 <= parsed < len(line_map) else line


def parse_source(
    text: str, rel: str, module: str, *, is_package: bool = False, selective: bool = True
) -> SourceFile:
    """Parse decoded source; raise SourceSyntaxError with `rel:line` when it isn't valid Python
    (`NestingError` when it nests deeper than can be read, whatever stage finds out).

    `selective`: libcst parses only what can carry a fact (`plan.py`); the facts gathered are
    the same as from the whole text.
    """
    try:
        chosen = plan(text, rel, selective=selective)
    except RecursionError:
        raise depth_error(None, rel) from None
    try:
        return _source_file(chosen, module, is_package)
    except RecursionError:
        raise depth_error(chosen.outline.tree if chosen.outline else None, rel) from None


def _source_file(chosen: Plan, module: str, is_package: bool) -> SourceFile:
    """Carry out the plan, falling back on the whole text when the outline fails."""
    tree = _parse_outline(chosen) if chosen.selective else None
    if tree is None:
        chosen = chosen.whole()
        tree = _parse(chosen)
    shape = chosen.outline
    pairs = pair(tree.body, shape.tree.body) if shape is not None else None
    if pairs is None and chosen.selective:
        return _source_file(chosen.whole(), module, is_package)
    if shape is None or pairs is None:
        return SourceFile(chosen.rel, module, is_package, chosen.text, tree, _codegen_lines(tree))
    lines = [nodes[0].lineno for _, nodes in pairs]
    return SourceFile(chosen.rel, module, is_package, chosen.text, tree, lines, shape, LineIndex(shape, pairs))


def _parse_outline(chosen: Plan) -> cst.Module | None:
    """libcst's parse of the outline; None when it fails (the whole text is parsed instead)."""
    text = chosen.parse_text
    try:
        return on_big_stack(lambda: parse_module(text))
    except (cst.ParserSyntaxError, RecursionError, MemoryError):
        return None


def _parse(chosen: Plan) -> cst.Module:
    """libcst's parse of the whole text, on a big stack; a failure is a SourceSyntaxError, with
    Python's own message when Python refused the text too."""
    text, rel = chosen.text, chosen.rel
    try:
        return on_big_stack(lambda: parse_module(text))
    except cst.ParserSyntaxError as exc:
        if chosen.refusal is not None:
            raise chosen.refusal from None
        message = " ".join(exc.message.split())
        raise SourceSyntaxError(f"libcst can't parse what Python accepts: {message}", f"{rel}:{exc.raw_line}") from None
    except (RecursionError, MemoryError):
        raise NestingError("source nested too deeply to parse", f"{rel}:1") from None


def _codegen_lines(tree: cst.Module) -> list[int]:
    """Fallback when `ast` disagrees with libcst: count lines of each statement's code."""
    lines: list[int] = []
    current = 1 + len(tree.header)
    for stmt in tree.body:
        lead = len(getattr(stmt, "leading_lines", ()))
        decorators = getattr(stmt, "decorators", ())
        extra = sum(1 + len(d.leading_lines) for d in decorators)
        lines.append(current + lead + extra)
        current += tree.code_for_node(stmt).count("\n")
    return lines


_VALIDATE = cst.CSTNode.__post_init__


def _trusted(node: cst.CSTNode) -> None:
    """The parser's own nodes need no validation (see `parse_module`)."""


def parse_module(text: str) -> cst.Module:
    """`libcst.parse_module`, without re-validating the nodes libcst's parser builds.

    libcst validates every node in `CSTNode.__post_init__`, a check meant for nodes built by
    hand (its own PERF note there says the parser's could skip it); the parser's nodes are
    valid by construction, and the check costs about a sixth of a parse. It is switched off
    for the parse only, and always switched back on.
    """
    setattr(cst.CSTNode, "__post_init__", _trusted)  # noqa: B010
    try:
        return cst.parse_module(text)
    finally:
        setattr(cst.CSTNode, "__post_init__", _VALIDATE)  # noqa: B010
