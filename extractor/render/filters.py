"""The Jinja2 filters of the templates: one per slot kind (from `escape`), plus JSON helpers.

Text from docstrings and string literals is untrusted: the slot filters (`text`, `paragraphs`,
`cell`, `heading`, `code`, `cellcode`, `fenced`, `rich`, `richcell`, `richparagraphs`) are the escaping layer of
`escape` and return `Safe` text; any other `{{ }}` output is escaped as prose by the
environment.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Callable
from typing import Any, Final

from ..model import DocModel
from ..typescript.fields import inline_object
from .escape import (
    EMPTY_CELL,
    Safe,
    cell,
    cellcode,
    code,
    fenced,
    fold,
    heading,
    normalise_newlines,
    paragraphs,
    plain,
    rich,
    richcell,
    richparagraphs,
    text,
)

_SITE_IN_JSON: Final = re.compile(r"<(?=!-)|@(?=include)|\[(?=!code)", re.IGNORECASE)


def yesno(value: object) -> Safe:
    """`Да` / `Нет`."""
    return Safe("Да" if value else "Нет")


def _json_safe(value: Any) -> Any:
    if isinstance(value, float) and not math.isfinite(value):
        return None
    if isinstance(value, dict):
        return {str(key): _json_safe(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [_json_safe(item) for item in value]
    return value


def to_json(value: Any) -> str:
    """Pretty JSON indented with one tab; valid as JSON and as a TypeScript expression."""
    dumped = json.dumps(_json_safe(value), indent="\t", ensure_ascii=False, default=str)
    # Line separators other tools take for a newline: written as escapes, same value.
    dumped = re.sub("[\u2028\u2029\x85]", lambda m: f"\\u{ord(m.group()):04x}", dumped)
    # What the site acts on (see `escape.defuse_site`) and marker look-alikes can only sit
    # inside a JSON string: a `\uXXXX` escape keeps the value the same and breaks them.
    dumped = _SITE_IN_JSON.sub(lambda m: f"\\u{ord(m.group()):04x}", dumped)
    return re.sub(r"(?i)(extract-docs\s*):", r"\1\\u003a", dumped)


def bash_quote(value: str) -> str:
    """One bash word in single quotes (a `'` becomes `'\\''`)."""
    return "'" + value.replace("'", "'\\''") + "'"


def inline_payload(model: DocModel | None) -> str:
    """A payload's fields on one line, `{ field: type; other?: type }` (spelled by the
    typescript package); empty when there is no model."""
    return "" if model is None else inline_object(model.fields)


def joined_lines(value: object) -> str:
    """Several lines (a Changelog entry) joined into one: list markers dropped, `; ` between."""
    lines = [re.sub(r"^\s*(?:[-*+]|\d+[.)])\s+", "", line) for line in plain(value).split("\n")]
    result = ""
    for line in (item.strip() for item in lines):
        if not line:
            continue
        joiner = " " if not result or result[-1] in ".;:!?" else "; "
        result = f"{result}{joiner}{line}" if result else line
    return result


FILTERS: Final[dict[str, Callable[..., str]]] = {
    "text": text,
    "rich": rich,
    "richcell": richcell,
    "richparagraphs": richparagraphs,
    "paragraphs": paragraphs,
    "cell": cell,
    "heading": heading,
    "code": code,
    "cellcode": cellcode,
    "yesno": yesno,
    "json": to_json,
    "fenced": fenced,
    "bash_quote": bash_quote,
    "inline_payload": inline_payload,
    "joined_lines": joined_lines,
}
"""The filters registered on the Jinja2 environment, by name."""

__all__ = [
    "EMPTY_CELL", "FILTERS", "bash_quote", "cell", "cellcode", "code", "fenced", "fold", "heading",
    "inline_payload", "joined_lines", "normalise_newlines", "paragraphs", "plain", "rich",
    "richcell", "richparagraphs", "text", "to_json", "yesno",
]
