"""Comments next to code: the one on the same line, or the line right above."""

from __future__ import annotations

import libcst as cst

from ..parse.walk import SimpleLine
from ..secrets import mask_text


def _clean(comment: str) -> str:
    return mask_text(comment.lstrip("#").strip())


def statement_comment(stmt: cst.CSTNode) -> str | None:
    """The trailing comment of a simple statement (or one-line block), else the comment line right above it."""
    if isinstance(stmt, SimpleLine):
        trailing = stmt.trailing_whitespace.comment
        if trailing is not None and _clean(trailing.value):
            return _clean(trailing.value)
    leading = getattr(stmt, "leading_lines", ())
    if leading and leading[-1].comment is not None:
        text = _clean(leading[-1].comment.value)
        return text or None
    return None


def line_comment(text_lines: list[str], line: int) -> str | None:
    """A `# comment` ending source line `line` (1-based), else a comment-only line above it."""
    if 0 < line <= len(text_lines):
        trailing = _trailing(text_lines[line - 1])
        if trailing:
            return trailing
    if 1 < line <= len(text_lines) + 1:
        above = text_lines[line - 2].strip()
        if above.startswith("#") and _clean(above):
            return _clean(above)
    return None


def _trailing(line: str) -> str | None:
    quote: str | None = None
    for index, char in enumerate(line):
        if quote:
            if char == quote:
                quote = None
        elif char in "'\"":
            quote = char
        elif char == "#":
            return _clean(line[index:]) or None
    return None
