"""Jinja2 filters that make hostile text safe for Markdown (VitePress), plus JSON/fence helpers.

Text from docstrings and string literals is untrusted: these filters make sure it can't open a
heading, a quote, a list, a table, a code block, an HTML tag, a Vue interpolation or a region
marker, whatever it contains. Region-marker look-alikes are also defused for every `{{ }}`
output by the environment's `finalize` hook.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Callable
from typing import Any, Final

from ..model import DocModel
from ..typescript.fields import inline_object
from .markers import defuse_markers

EMPTY_CELL: Final = "—"

_LINE_BREAKS: Final = re.compile("\r\n|[\r\u2028\u2029\x0b\x0c\x1c\x1d\x1e\x85]")
_CONTROLS: Final = re.compile("[\x00-\x08\x0e-\x1f\x7f]")
_WHITESPACE: Final = re.compile(r"\s+")
_BLANK_LINES: Final = re.compile(r"\n[ \t]*\n")
_INLINE_SPECIALS: Final = re.compile(r"([\\`|*~\[\]])")
_HTML_SPECIALS: Final = {"&": "&amp;", "<": "&lt;", ">": "&gt;"}
_BLOCK_START: Final = re.compile(r"^(?:([#>\-+*=_:~])|(\d+)([.)]))")
_BACKTICK_RUN: Final = re.compile(r"`+")


def normalise_newlines(value: str) -> str:
    """Every line separator Markdown, Python or JavaScript knows becomes `\\n`."""
    return _LINE_BREAKS.sub("\n", value)


def plain(value: object) -> str:
    """`value` as text without control characters; None is empty."""
    if value is None:
        return ""
    text = normalise_newlines(str(value)).replace("\t", " ")
    return _CONTROLS.sub(lambda m: "\ufffd" if m.group() == "\x00" else "", text)


def fold(value: object) -> str:
    """One line: every run of whitespace (newlines included) becomes one space."""
    return _WHITESPACE.sub(" ", plain(value)).strip()


def break_vue(value: str) -> str:
    """Split `{{` and `}}` with a zero-width space: VitePress would read them as Vue."""
    return re.sub(r"([{}])(?=\1)", "\\1\u200b", value)


def _escape_underscores(value: str) -> str:
    """Escape `_` runs that could open or close emphasis (not the ones inside a word)."""

    def escape(match: re.Match[str]) -> str:
        before = value[match.start() - 1] if match.start() else " "
        after = value[match.end()] if match.end() < len(value) else " "
        inside_word = before.isalnum() and after.isalnum()
        return match.group() if inside_word else match.group().replace("_", "\\_")

    return re.sub("_+", escape, value)


def _escape_inline(value: str) -> str:
    """Backslash-escape Markdown punctuation, entity-escape HTML, break Vue and attrs syntax."""
    escaped = _escape_underscores(_INLINE_SPECIALS.sub(r"\\\1", value))
    escaped = re.sub(r"[&<>]", lambda m: _HTML_SPECIALS[m.group()], escaped)
    escaped = break_vue(defuse_markers(escaped))
    # VitePress reads a trailing `{…}` as attributes of the block (markdown-it-attrs).
    return escaped + "\u200b" if escaped.endswith("}") else escaped


def _escape_start(value: str) -> str:
    """Keep a leading `#`, `>`, `-`, `1.`, `:::` … from starting a block."""
    match = _BLOCK_START.match(value)
    if match is None:
        return value
    if match.group(1):
        return "\\" + value
    digits = match.group(2)
    return digits + "\\" + value[len(digits) :]


def text(value: object) -> str:
    """Inline text for a bullet, a sentence or a paragraph: one line, no Markdown structure."""
    return _escape_start(_escape_inline(fold(value)))


def paragraphs(value: object) -> str:
    """Text of several paragraphs (split at blank lines), each one folded by `text`."""
    parts = (text(part) for part in _BLANK_LINES.split(plain(value)))
    return "\n\n".join(part for part in parts if part)


def cell(value: object) -> str:
    """A table cell: like `text` (a cell never starts a line, so no block escape); `—` if empty."""
    return _escape_inline(fold(value)) or EMPTY_CELL


def heading(value: object) -> str:
    """Heading text: like `text`, with every `#` escaped (a trailing run would be eaten)."""
    return _escape_inline(fold(value)).replace("#", "\\#")


def code(value: object) -> str:
    """An inline code span outside tables, with a delimiter longer than any backtick run."""
    content = break_vue(defuse_markers(fold(value)))
    if not content:
        return ""
    fence = "`" * (1 + max((len(run) for run in _BACKTICK_RUN.findall(content)), default=0))
    padded = f" {content} " if content[0] == "`" or content[-1] == "`" else content
    return f"{fence}{padded}{fence}"


def cellcode(value: object) -> str:
    """An inline code span inside a table cell (`|` escaped the GFM way); `—` when empty."""
    return code(value).replace("|", "\\|") or EMPTY_CELL


def yesno(value: object) -> str:
    """`Да` / `Нет`."""
    return "Да" if value else "Нет"


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
    # A marker look-alike can only sit inside a JSON string: `\u003a` keeps the same value.
    return re.sub(r"(?i)(extract-docs\s*):", r"\1\\u003a", dumped)


def fenced(content: object, lang: str = "") -> str:
    """A fenced code block whose fence no line of `content` can close."""
    body = normalise_newlines(str(content)).strip("\n")
    longest = max((len(run) for run in _BACKTICK_RUN.findall(body)), default=0)
    fence = "`" * max(3, longest + 1)
    return f"{fence}{lang}\n{body}\n{fence}"


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
