"""Parse stage: read an integration's Python files safely and parse them with libcst.

Nothing here imports or runs the code. Positions are computed per top-level statement, only
for the statements a fact is reported from, never with a whole-module PositionProvider.
"""

from __future__ import annotations

import ast
import codecs
import re
from dataclasses import dataclass, field
from pathlib import Path

import libcst as cst
from libcst.metadata import CodeRange, MetadataWrapper, PositionProvider

from .errors import InputError, SourceSyntaxError

_CODING_RE = re.compile(rb"^[ \t\f]*#.*?coding[:=][ \t]*([-\w.]+)")


def decode_source(data: bytes, rel: str) -> str:
    """Decode Python source bytes like the interpreter does (BOM, PEP 263), LF line endings."""
    if b"\x00" in data:
        raise InputError("file contains NUL bytes; not Python source", f"{rel}:1")
    encoding = "utf-8"
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8) :]
    else:
        for first_lines in data.splitlines()[:2]:
            match = _CODING_RE.match(first_lines)
            if match:
                encoding = match.group(1).decode("ascii")
                break
    try:
        text = data.decode(encoding)
    except (UnicodeDecodeError, LookupError) as exc:
        line = data[: getattr(exc, "start", 0)].count(b"\n") + 1
        raise InputError(f"can't decode as {encoding}: {exc.__class__.__name__}", f"{rel}:{line}") from None
    return text.replace("\r\n", "\n").replace("\r", "\n")


@dataclass
class SourceFile:
    """One parsed module of an integration, with lazily computed statement positions."""

    rel: str
    module: str
    is_package: bool
    text: str
    tree: cst.Module
    _stmt_lines: list[int] = field(default_factory=list, repr=False)
    _ranges: dict[int, tuple[int, dict[cst.CSTNode, CodeRange]]] = field(
        default_factory=dict, repr=False
    )

    @property
    def package(self) -> str:
        """The package relative imports start from."""
        if self.is_package:
            return self.module
        return self.module.rpartition(".")[0]

    def stmt_line(self, index: int) -> int:
        """The 1-based line of the top-level statement `index` (its keyword, after decorators)."""
        return self._stmt_lines[index] if index < len(self._stmt_lines) else 1

    def line_of(self, index: int, node: cst.CSTNode) -> int:
        """The 1-based line of `node` inside top-level statement `index`."""
        offset, ranges = self._positions(index)
        found = ranges.get(node)
        return offset + found.start.line if found else self.stmt_line(index)

    def location(self, index: int, node: cst.CSTNode | None = None) -> str:
        """`rel:line` of a node inside a top-level statement, or of the statement itself."""
        line = self.stmt_line(index) if node is None else self.line_of(index, node)
        return f"{self.rel}:{line}"

    def _positions(self, index: int) -> tuple[int, dict[cst.CSTNode, CodeRange]]:
        if index not in self._ranges:
            stmt = self.tree.body[index]
            wrapper = MetadataWrapper(cst.Module(body=[stmt]), unsafe_skip_copy=True)
            ranges = dict(wrapper.resolve(PositionProvider))
            own = ranges.get(stmt)
            offset = self.stmt_line(index) - own.start.line if own else 0
            self._ranges[index] = (offset, ranges)
        return self._ranges[index]


def _top_level_lines(text: str, count: int) -> list[int]:
    """Line numbers of the top-level statements, from Python's own (fast) parser."""
    try:
        body = ast.parse(text).body
    except (SyntaxError, ValueError, RecursionError, MemoryError):
        return []
    lines = [stmt.lineno for stmt in body]
    return lines if len(lines) == count else []


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


def parse_source(text: str, rel: str, module: str, *, is_package: bool = False) -> SourceFile:
    """Parse decoded source; raise SourceSyntaxError with `rel:line` when it isn't valid Python."""
    try:
        tree = cst.parse_module(text)
    except cst.ParserSyntaxError as exc:
        raise SourceSyntaxError(f"syntax error: {exc.message}", f"{rel}:{exc.raw_line}") from None
    except RecursionError:
        raise SourceSyntaxError("source nested too deeply to parse", f"{rel}:1") from None
    source = SourceFile(rel=rel, module=module, is_package=is_package, text=text, tree=tree)
    source._stmt_lines = _top_level_lines(text, len(tree.body)) or _codegen_lines(tree)
    return source


def read_file(path: Path, rel: str) -> str:
    """Read and decode one file, turning OS errors into InputError."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(f"can't read file: {exc.strerror or exc}", f"{rel}:1") from None
    return decode_source(data, rel)
