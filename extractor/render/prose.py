"""Russian prose of the page made from doc-model facts: sentences, limitations, changelog words, dates.

The doc model carries plain facts (a limitation's kind and value, a change's category); this
module words them the way docs/russian-style (the writer's rules) asks: full stops at the
end of sentences, a non-breaking space between a number and its unit, dates that don't wrap.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Final

from ..model import ChangelogEntry, Limitation
from ..russian import lower_first
from .escape import Safe
from .filters import cell, code, fenced, fold, rich, richcell, richparagraphs, text

NBSP: Final = "\u00a0"
NB_HYPHEN: Final = "\u2011"
"""U+2011 NON-BREAKING HYPHEN: a date `2026‑03‑12` never breaks across lines in a table cell."""

CHANGE_CATEGORIES: Final[dict[str, str]] = {
    "added": "Добавлено", "changed": "Изменено", "fixed": "Исправлено",
    "removed": "Удалено", "deprecated": "Устарело", "security": "Безопасность",
}
"""Keep a Changelog categories in the page's Russian."""

_FENCE: Final = re.compile(r"^(?P<fence>`{3,}|~{3,})(?P<lang>[\w+-]*)[ \t]*\n(?P<body>.*?)\n(?P=fence)[ \t]*$",
                           re.MULTILINE | re.DOTALL)
_SENTENCE_END: Final = ".!?…"


def sentence(value: object) -> Safe:
    """Inline text keeping the inline Markdown a person wrote (the `rich` slot) that ends with a
    full stop; empty stays empty. The stop is added before escaping, so that «1» does not
    become a list marker «1.»."""
    return rich(_stopped(value))


def cellsentence(value: object) -> Safe:
    """`sentence` for a table cell (`|` escaped inside code spans too); empty stays empty."""
    stopped = _stopped(value)
    return richcell(stopped) if stopped else Safe("")


def _stopped(value: object) -> str:
    raw = fold(value)
    return raw.rstrip(";:,") + "." if raw and raw[-1] not in _SENTENCE_END else raw


def _fragment(value: object) -> str:
    return lower_first(fold(value)).rstrip(" .;:,")


def fragment(value: object) -> Safe:
    """Inline text that continues a lead-in or follows a dash: lowercase first letter (unless a
    proper name or an abbreviation starts it), no closing punctuation."""
    return rich(_fragment(value))


def list_item(value: object, last: bool) -> Safe:
    """A bullet that continues a lead-in ending with a colon: a fragment closed by «;», the
    last one by «.» (added before escaping: «0» must not become a list marker «0.»)."""
    return rich(_fragment(value) + ("." if last else ";"))


_LINK: Final = re.compile(r"^\[(?P<title>[^\]]+)\]\((?P<url>[^()\s]+)\)(?P<rest>.*)$")
_SAFE_URL: Final = re.compile(r"^(?:https?://|/|\./|\.\./|#)[^\s<>\"'`()]*$")


def url(value: object) -> str:
    """A link target: http(s), site-relative or an anchor, else `#` (never `javascript:`)."""
    folded = fold(value)
    return folded if _SAFE_URL.match(folded) else "#"


def link_item(value: object) -> Safe:
    """A `Смотрите также:` entry: `[title](url) rest` as a link, anything else as text."""
    match = _LINK.match(fold(value))
    if match is None:
        return fragment(value) or text(value)  # a bullet of punctuation alone stays as written
    rest = fragment(match["rest"].lstrip(" —–-:"))
    return Safe(f"[{text(match['title'])}]({link_target(match['url'])})" + (f" — {rest}" if rest else ""))


_ENCODED: Final = {char: f"%{ord(char):02X}" for char in "()<>[]{}@\\`*_ "}


def link_target(value: object) -> Safe:
    """`url`, with what Markdown, VitePress or Vue could read in it percent-encoded."""
    return Safe("".join(_ENCODED.get(char, char) for char in url(value)))


def number(value: object) -> str:
    """A number with thin groups of thousands joined by non-breaking spaces (`10 000`)."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        return fold(value)
    if isinstance(value, float) and not value.is_integer():
        return str(value).replace(".", ",")
    return f"{int(value):,}".replace(",", NBSP)


def nobreak_date(value: object) -> Safe:
    """An ISO date whose hyphens don't break (`2026‑03‑12`); `—` when there is none."""
    return Safe(cell(value).replace("-", NB_HYPHEN))


def counted(value: object, one: str, many: str) -> str:
    """A number and its noun in the genitive that «не больше» / «не длиннее» governs:
    «1 раза», «21 символа», but «2 раз», «11 символов»."""
    single = isinstance(value, int) and value % 10 == 1 and value % 100 != 11
    return f"{number(value)}{NBSP}{one if single else many}"


def _subject(item: Limitation) -> str:
    return f"Handler {code(item.handler)}" if item.handler else "Каждый handler"


def _failed_call(item: Limitation) -> str:
    return "Неудачный вызов handler" + (f" {code(item.handler)}" if item.handler else "")


def _field(item: Limitation) -> str:
    field = code(item.field)
    return f"Handler {code(item.handler)}: поле {field}" if item.handler else f"Поле {field}"


_LIMITATION_PHRASES: Final[dict[str, Callable[[Limitation], str]]] = {
    "timeout": lambda item: f"{_subject(item)} должен ответить за {number(item.value)}{NBSP}мс (`timeout`).",
    "retries": lambda item: (
        f"{_failed_call(item)} не повторяется (`retries` = 0)." if item.value == 0
        else f"{_failed_call(item)} повторяется не больше {counted(item.value, 'раза', 'раз')} (`retries`)."),
    "max_length": lambda item: f"{_field(item)} — не длиннее {counted(item.value, 'символа', 'символов')}.",
    "max_items": lambda item: f"{_field(item)} — не больше {counted(item.value, 'элемента', 'элементов')}.",
    "maximum": lambda item: f"{_field(item)} — не больше {number(item.value)}.",
}


def limitation(item: Limitation) -> Safe:
    """One Ограничения bullet: the docstring's text as a sentence, or the code's fact worded."""
    if item.kind == "text":
        prefix = f"Handler {code(item.handler)}: " if item.handler else ""
        return Safe(prefix + sentence(item.text))
    return Safe(_LIMITATION_PHRASES[item.kind](item))


def changes(entry: ChangelogEntry) -> Safe:
    """A Changelog cell: the changes grouped by category (`**Добавлено:** …`), each a sentence;
    a version without changes is «Начальная версия» when it is the first one."""
    if not entry.changes:
        return Safe("Начальная версия" if entry.first else "Текущая версия")
    groups: dict[str | None, list[str]] = {}
    for change in entry.changes:
        groups.setdefault(change.category, []).append(richcell(_stopped(change.text)))
    parts = [(f"**{CHANGE_CATEGORIES[key]}:** " if key else "") + " ".join(items) for key, items in groups.items()]
    return Safe(" ".join(parts))


def blocks(value: object) -> Safe:
    """Markdown text of a docstring section: its fenced code blocks kept as code, the rest as
    paragraphs of inline text."""
    source = str(value or "")
    pieces: list[str] = []
    position = 0
    for match in _FENCE.finditer(source):
        pieces.append(richparagraphs(source[position:match.start()]))
        pieces.append(fenced(match["body"], match["lang"]))
        position = match.end()
    pieces.append(richparagraphs(source[position:]))
    return Safe("\n\n".join(piece for piece in pieces if piece))


PROSE_FILTERS: Final[dict[str, Callable[..., str]]] = {
    "sentence": sentence,
    "cellsentence": cellsentence,
    "number": number,
    "nobreak_date": nobreak_date,
    "limitation": limitation,
    "changes": changes,
    "blocks": blocks,
    "fragment": fragment,
    "list_item": list_item,
    "fold": fold,
    "url": link_target,
    "link_item": link_item,
}
"""The prose filters registered on the Jinja2 environment, by name."""
