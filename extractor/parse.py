"""Parse stage: read an integration's Python files safely and parse them with libcst.

Nothing here imports or runs the code. Python's own parser (`extractor.outline`) says which
function bodies can't carry a fact, so libcst parses the rest only, and gives statement
lines; libcst's PositionProvider runs only on the statement holding a reported expression,
never on the whole module.
"""

from __future__ import annotations

import ast
import bisect
import codecs
import re
from dataclasses import dataclass, field
from pathlib import Path

import libcst as cst
from libcst.metadata import CodeRange, MetadataWrapper, PositionProvider

from .errors import InputError, NestingError, SourceSyntaxError
from .guard import check_nesting, on_big_stack, python_parse
from .outline import LineIndex, Outline, env_nodes, outline, pair

_CODING_RE = re.compile(rb"^[ \t\f]*#.*?coding[:=][ \t]*([-\w.]+)")
_SURROGATE = re.compile("[\ud800-\udfff]")
_WIDE_BOMS = ((codecs.BOM_UTF32_LE, "UTF-32"), (codecs.BOM_UTF32_BE, "UTF-32"),
              (codecs.BOM_UTF16_LE, "UTF-16"), (codecs.BOM_UTF16_BE, "UTF-16"))


def decode_source(data: bytes, rel: str) -> str:
    """Decode Python source bytes like the interpreter does (BOM, PEP 263), LF line endings."""
    wide = next((name for bom, name in _WIDE_BOMS if data.startswith(bom)), None)
    if wide is not None:
        raise InputError(f"file is {wide} (byte-order mark); Python source must be UTF-8", f"{rel}:1")
    if b"\x00" in data:
        line = data[: data.index(b"\x00")].count(b"\n") + 1
        raise InputError("file contains NUL bytes; not Python source", f"{rel}:{line}")
    encoding, line = "utf-8", 1
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8) :]
    else:
        encoding, line = _declared_encoding(data)
    try:
        if codecs.lookup(encoding).name.startswith(("utf-16", "utf-32")):
            raise InputError(f"declared encoding {encoding!r} is not one Python reads source in", f"{rel}:{line}")
    except LookupError:
        raise InputError(f"unknown encoding {encoding!r} declared", f"{rel}:{line}") from None
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        hint = "save it as UTF-8 or declare its encoding (`# -*- coding: cp1251 -*-`)"
        raise InputError(f"not valid {encoding}: byte 0x{data[exc.start]:02x} can't be decoded; {hint}",
                         f"{rel}:{line}") from None
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    surrogate = _SURROGATE.search(text)
    if surrogate is not None:  # some codecs (utf-7) decode to what no UTF-8 text can hold
        line = text.count("\n", 0, surrogate.start()) + 1
        raise InputError(f"decodes to a lone surrogate (U+{ord(surrogate.group()):04X}); not Python source",
                         f"{rel}:{line}")
    return text


def _declared_encoding(data: bytes) -> tuple[str, int]:
    """The PEP 263 encoding of the first two lines, and its line (utf-8 by default)."""
    for line, text in enumerate(data.split(b"\n", 2)[:2], start=1):
        match = _CODING_RE.match(text)
        if match:
            return match.group(1).decode("ascii"), line
    return "utf-8", 1


@dataclass
class SourceFile:
    """One parsed module of an integration, with lazily computed statement positions.

    `tree` may be parsed from an outline of `text` (function bodies that can't carry a fact
    left out); lines are always those of `text`.
    """

    rel: str
    module: str
    is_package: bool
    text: str
    tree: cst.Module
    _stmt_lines: list[int] = field(default_factory=list, repr=False)
    _ranges: dict[cst.CSTNode, dict[cst.CSTNode, CodeRange]] = field(default_factory=dict, repr=False)
    _outline: Outline | None = field(default=None, repr=False)
    _pairs: list[tuple[cst.BaseStatement, list[ast.stmt]]] = field(default_factory=list, repr=False)
    _index: LineIndex | None = field(default=None, repr=False)
    _indexed: set[int] = field(default_factory=set, repr=False)
    _text_lines: list[str] | None = field(default=None, repr=False)

    @property
    def package(self) -> str:
        """The package relative imports start from."""
        if self.is_package:
            return self.module
        return self.module.rpartition(".")[0]

    @property
    def text_lines(self) -> list[str]:
        """The lines of `text`."""
        if self._text_lines is None:
            self._text_lines = self.text.split("\n")
        return self._text_lines

    def stmt_line(self, index: int) -> int:
        """The 1-based line of the top-level statement `index` (its keyword, after decorators)."""
        return self._stmt_lines[index] if index < len(self._stmt_lines) else 1

    def line_of(self, index: int, node: cst.CSTNode, within: cst.CSTNode | None = None) -> int:
        """The 1-based line of `node` inside top-level statement `index`; `within`, a statement
        holding `node`, narrows the positions libcst computes when `node` isn't a statement."""
        known = self._known(index, node)
        if known is not None:
            return known
        base = self._known(index, within) if within is not None else None
        if within is not None and base is not None:
            if self._index is not None and within in self._index.one_line:
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
        if self._outline is None or not self._pairs:
            return list(enumerate(self.tree.body))
        plan = self._outline
        return [(i, node) for i, (stmt, nodes) in enumerate(self._pairs) for node in env_nodes(plan, stmt, nodes)]

    def _known(self, index: int, node: cst.CSTNode) -> int | None:
        """The line of a statement (or def/class name) from Python's own parser."""
        if self._index is None or index >= len(self._pairs):
            return None
        if index not in self._indexed:
            self._indexed.add(index)
            self._index.add(*self._pairs[index])
        return self._index.lines.get(node)

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
        if self._outline is None:
            return line + relative
        line_map = self._outline.line_map
        parsed = bisect.bisect_left(line_map, line) + relative
        return line_map[parsed] if 0 <= parsed < len(line_map) else line


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


def _parse(text: str, rel: str, python: SourceSyntaxError | None = None) -> cst.Module:
    """libcst's parse, on a big stack (`extractor.guard`); a failure is a SourceSyntaxError,
    with Python's own message (`python`) when Python refused the text too (None: Python
    accepted it)."""
    try:
        return on_big_stack(lambda: parse_module(text))
    except cst.ParserSyntaxError as exc:
        if python is not None:
            raise python from None
        message = " ".join(exc.message.split())
        raise SourceSyntaxError(f"libcst can't parse what Python accepts: {message}", f"{rel}:{exc.raw_line}") from None
    except (RecursionError, MemoryError):
        raise NestingError("source nested too deeply to parse", f"{rel}:1") from None


def parse_source(
    text: str, rel: str, module: str, *, is_package: bool = False, selective: bool = True
) -> SourceFile:
    """Parse decoded source; raise SourceSyntaxError with `rel:line` when it isn't valid Python
    (`NestingError` when it nests deeper than can be read, whatever stage finds out)."""
    try:
        return _parse_source(text, rel, module, is_package=is_package, selective=selective)
    except RecursionError:
        raise _depth_error(text, rel) from None


def _parse_source(
    text: str, rel: str, module: str, *, is_package: bool = False, selective: bool = True
) -> SourceFile:
    """Parse decoded source; raise SourceSyntaxError with `rel:line` when it isn't valid Python.

    `selective`: libcst parses only what can carry a fact (`extractor.outline`); the facts
    gathered are the same as from the whole text. Python's parser is asked first; source it
    refuses as too deep, or nested deeper than `guard.MAX_NESTING`, never reaches libcst.
    """
    try:
        plan = outline(text, selective=selective and "\r" not in text)
    except RecursionError:
        raise _depth_error(text, rel) from None
    python = _python_error(text, rel) if plan is None else None
    if plan is not None:
        check_nesting(plan.tree, rel, plan.skipped)
    if plan is not None and plan.skipped:
        outlined = plan.text
        try:
            tree = on_big_stack(lambda: parse_module(outlined))
        except (cst.ParserSyntaxError, RecursionError, MemoryError):
            plan = outline(text, selective=False)
            if plan is not None:
                check_nesting(plan.tree, rel)
            tree = _parse(text, rel)
    else:
        tree = _parse(text, rel, python)
    source = SourceFile(rel=rel, module=module, is_package=is_package, text=text, tree=tree)
    pairs = pair(tree.body, plan.tree.body) if plan is not None else None
    if plan is not None and pairs is None and plan.skipped:
        return _parse_source(text, rel, module, is_package=is_package, selective=False)
    if plan is not None and pairs is not None:
        source._outline, source._pairs, source._index = plan, pairs, LineIndex(plan)
        source._stmt_lines = [nodes[0].lineno for _, nodes in pairs]
    else:
        source._stmt_lines = _codegen_lines(tree)
    return source


def _depth_error(text: str, rel: str) -> NestingError:
    """The error for source some stage couldn't follow: where it nests too deeply, when
    Python's parser and the (iterative) measure can tell."""
    verdict = python_parse(text, rel)
    if isinstance(verdict, NestingError):
        return verdict
    if isinstance(verdict, ast.Module):
        try:
            check_nesting(verdict, rel)
        except NestingError as exc:
            return exc
    return NestingError("source nested too deeply to read", f"{rel}:1")


def _python_error(text: str, rel: str) -> SourceSyntaxError | None:
    """Why Python's parser refuses `text` (None if it doesn't); too deep is final."""
    verdict = python_parse(text, rel)
    if isinstance(verdict, NestingError):
        raise verdict
    return verdict if isinstance(verdict, SourceSyntaxError) else None


def read_file(path: Path, rel: str) -> str:
    """Read and decode one file, turning OS errors into InputError."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(f"can't read file: {exc.strerror or exc}", f"{rel}:1") from None
    return decode_source(data, rel)
