"""Docstrings read with griffe's Google-style parser, English and Russian section titles alike.

griffe is the maintained parser the Python documentation ecosystem (mkdocstrings) uses: it
splits a docstring into its text and its sections, parses `Raises:` into (exception,
description) pairs and keeps every other titled block as an admonition with its title.
This module only names the sections the page uses (`SECTION_TITLES`, one table for both
languages) and hands on plain data.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass, field
from typing import Final, Literal, TypeAlias

from griffe import Docstring, DocstringSectionKind

SectionKind: TypeAlias = Literal[
    "capabilities", "requirements", "limitations", "see_also", "example", "note", "warning",
]

SECTION_TITLES: Final[dict[str, SectionKind]] = {
    "capabilities": "capabilities", "возможности": "capabilities", "интеграция позволяет": "capabilities",
    "requirements": "requirements", "требования": "requirements",
    "limitations": "limitations", "ограничения": "limitations",
    "see also": "see_also", "смотрите также": "see_also", "см. также": "see_also",
    "example": "example", "examples": "example", "пример": "example", "примеры": "example",
    "note": "note", "notes": "note", "примечание": "note", "примечания": "note",
    "warning": "warning", "warnings": "warning", "внимание": "warning", "предупреждение": "warning",
}
"""Section title (lower case, without the colon) → what it feeds on the page."""

RAISES_TITLES: Final = frozenset({"raises", "exceptions", "ошибки", "исключения"})
"""Titles of the errors section; griffe parses it as `Raises:` (the Russian ones are renamed)."""

_TITLE_LINE: Final = re.compile(r"^(?P<indent>[ \t]*)(?P<title>[^\W\d][\w .]*?)[ \t]*:[ \t]*$", re.MULTILINE)
_BULLET: Final = re.compile(r"^[-*•+]\s+")
LIST_SECTIONS: Final = frozenset({"capabilities", "requirements", "see_also"})

logging.getLogger("griffe").setLevel(logging.ERROR)


@dataclass(frozen=True)
class Raise:
    """One entry of `Raises:`: the exception's class name and what the docstring says of it."""

    name: str
    description: str


@dataclass
class ParsedDocstring:
    """A docstring as the page uses it: the summary, the whole description, and the sections."""

    summary: str = ""
    """The first paragraph, folded to one line (tables, lists)."""
    description: str = ""
    """Every paragraph of text outside the sections, paragraphs separated by a blank line."""
    sections: dict[SectionKind, list[str]] = field(default_factory=dict)
    """Bullets for list sections (capabilities, requirements, see also) and for a limitations
    block that is a list; else one text per block."""
    raises: list[Raise] = field(default_factory=list)

    def items(self, kind: SectionKind) -> list[str]:
        """The entries of one section (empty when the docstring has none)."""
        return list(self.sections.get(kind, []))


def parse_docstring(text: str | None) -> ParsedDocstring:
    """Parse a Google-style docstring; text with no sections is all description."""
    if not text or not text.strip():
        return ParsedDocstring()
    result = ParsedDocstring()
    paragraphs: list[str] = []
    for section in Docstring(_rename_raises(text), parser="google").parse(warnings=False):
        match section.kind:
            case DocstringSectionKind.text:
                for paragraph in _paragraphs(section.value):
                    _add_paragraph(result, paragraph, paragraphs)
            case DocstringSectionKind.raises:
                result.raises.extend(Raise(_name(item.annotation), " ".join(item.description.split()))
                                     for item in section.value)
            case DocstringSectionKind.admonition:
                _add(result, section.title or "", section.value.description, paragraphs)
            case DocstringSectionKind.examples:
                _add_block(result, "example", "\n\n".join(_example_text(kind, body) for kind, body in section.value))
            case _:
                pass
    result.description = "\n\n".join(paragraphs)
    result.summary = " ".join(paragraphs[0].split()) if paragraphs else ""
    return result


def _rename_raises(text: str) -> str:
    """Russian titles of the errors section become `Raises:`, which griffe parses structurally."""
    def rename(match: re.Match[str]) -> str:
        title = match["title"].strip().lower()
        return f"{match['indent']}Raises:" if title in RAISES_TITLES else match.group()

    return _TITLE_LINE.sub(rename, text.replace("\r\n", "\n"))


def section_kind(title: str) -> SectionKind | None:
    """What a section title feeds: the table, or a lead-in such as «Stripe позволяет»."""
    key = " ".join(title.lower().rstrip(":").split())
    if key in SECTION_TITLES:
        return SECTION_TITLES[key]
    if key.endswith("позволяет"):
        return "capabilities"
    return "requirements" if key.endswith("понадобится") else None


def _add_paragraph(result: ParsedDocstring, paragraph: str, paragraphs: list[str]) -> None:
    """A text paragraph; one that is a known title followed by unindented bullets is that section."""
    first, _, rest = paragraph.partition("\n")
    kind = section_kind(first) if first.rstrip().endswith(":") else None
    if kind in LIST_SECTIONS and _all_bullets(rest):
        result.sections.setdefault(kind, []).extend(_bullets(rest))
    else:
        paragraphs.append(paragraph)


def _add(result: ParsedDocstring, title: str, body: str, paragraphs: list[str]) -> None:
    kind = section_kind(title)
    if kind is None:  # an unknown title: its text stays part of the description
        paragraphs.append(f"{title}:")
        paragraphs.extend(_paragraphs(body))
    elif kind in LIST_SECTIONS or (kind == "limitations" and _all_bullets(body)):
        result.sections.setdefault(kind, []).extend(_bullets(body))
    else:
        _add_block(result, kind, body)


def _add_block(result: ParsedDocstring, kind: SectionKind, body: str) -> None:
    if body.strip():
        result.sections.setdefault(kind, []).append(body.strip())


def _all_bullets(body: str) -> bool:
    """Whether a block is a list: bullets, each maybe continued on indented lines."""
    lines = [line for line in body.strip("\n").split("\n") if line.strip()]
    if not lines or not _BULLET.match(lines[0].lstrip()):
        return False
    return all(_BULLET.match(line) or line[0].isspace() for line in lines[1:])


def _bullets(body: str) -> list[str]:
    """The items of a list section: its bullets, else its lines; trailing `;`/`.` dropped."""
    items: list[str] = []
    for line in body.split("\n"):
        stripped = line.strip()
        if not stripped:
            continue
        if _BULLET.match(stripped) or not items:
            items.append(_BULLET.sub("", stripped))
        else:  # a continuation line of the previous bullet
            items[-1] = f"{items[-1]} {stripped}"
    return [item.rstrip(";.,").strip() for item in items if item.rstrip(";.,").strip()]


def _paragraphs(text: str) -> list[str]:
    return [part.strip() for part in re.split(r"\n[ \t]*\n", text) if part.strip()]


def _example_text(kind: DocstringSectionKind, body: str) -> str:
    return f"```python\n{body}\n```" if kind is DocstringSectionKind.examples else body


def _name(annotation: object) -> str:
    """The exception's class name as written (`errors.NotFound` → `NotFound`)."""
    return str(annotation or "").strip().rpartition(".")[2]
