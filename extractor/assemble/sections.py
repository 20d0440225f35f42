"""Docstring sections (read by `gather.docstrings`) → the doc model's notes, errors, capabilities, limitations."""

from __future__ import annotations

from collections.abc import Iterable

from ..gather.docstrings import ParsedDocstring
from ..model import Handler, Limitation, Note
from ..russian import as_infinitive, lower_first


def notes(parsed: ParsedDocstring) -> list[Note]:
    """`Note:` / `Примечание:` and `Warning:` / `Внимание:` blocks, info first."""
    return [Note(kind="info", text=text) for text in parsed.items("note")] + [
        Note(kind="warning", text=text) for text in parsed.items("warning")
    ]


def capabilities(parsed: ParsedDocstring, handlers: Iterable[Handler]) -> tuple[list[str], bool]:
    """Обзор bullets and whether they are written out: the docstring's `Возможности:`, else the
    handlers' summaries turned into infinitives («Создаёт сделку» → «создавать сделку»); a
    summary that does not start with a verb is left out."""
    written = [lower_first(item) for item in parsed.items("capabilities")]
    if written:
        return written, True
    phrases = (as_infinitive(handler.description) for handler in handlers if handler.description)
    return list(dict.fromkeys(phrase for phrase in phrases if phrase)), False


def text_limitations(parsed: ParsedDocstring, handler: str | None = None) -> list[Limitation]:
    """The `Ограничения:` / `Limitations:` entries of a docstring (a bullet or a block each)."""
    return [Limitation(kind="text", text=item, handler=handler) for item in parsed.items("limitations")]
