"""The parse plan of one file: what libcst parses (the outline or the whole text), as a value.

Python's parser is asked once (`nesting.python_parse`). What it refuses as too deep never
reaches libcst; what it refuses otherwise is still handed to libcst whole (libcst accepts a
few forms Python doesn't), with Python's message kept for when libcst refuses it too. What it
accepts is measured for nesting and outlined: libcst then parses only what can carry a fact,
and falls back on the whole text (`Plan.whole`) when that parse or the pairing fails.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..errors import NestingError, SourceSyntaxError
from .nesting import check_nesting, python_parse
from .outline import Outline, outline


@dataclass(frozen=True)
class Plan:
    """What libcst parses for one file, and why."""

    rel: str
    text: str
    """The original text."""
    outline: Outline | None
    """Python's outline of the text; None when Python's parser refused it."""
    refusal: SourceSyntaxError | None = None
    """Python's reason for refusing the text (raised if libcst refuses it too)."""

    @property
    def selective(self) -> bool:
        """True when libcst parses the outline (some function bodies left out)."""
        return self.outline is not None and bool(self.outline.skipped)

    @property
    def parse_text(self) -> str:
        """The text handed to libcst."""
        return self.outline.text if self.outline is not None and self.selective else self.text

    def whole(self) -> Plan:
        """The fallback: libcst parses the whole text (its nesting measured in full)."""
        if self.outline is None or not self.outline.skipped:
            return self
        check_nesting(self.outline.tree, self.rel)
        return Plan(self.rel, self.text, self.outline.whole())


def plan(text: str, rel: str, *, selective: bool = True) -> Plan:
    """The plan for `text`: raises `NestingError` when it nests deeper than is read.

    `selective`: leave out function bodies that can't carry a fact (never for text with a
    bare carriage return, whose lines Python and libcst count differently).
    """
    verdict = python_parse(text, rel)
    if isinstance(verdict, NestingError):
        raise verdict
    if isinstance(verdict, SourceSyntaxError):
        return Plan(rel, text, None, verdict)
    shape = outline(verdict, text, selective=selective and "\r" not in text)
    check_nesting(verdict, rel, shape.skipped)
    return Plan(rel, text, shape)
