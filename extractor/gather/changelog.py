"""Changelog reader: `CHANGELOG.md` in Keep a Changelog form → versions, dates, categorised changes."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Final, Literal, TypeAlias

_VERSION = re.compile(r"^##\s+\[?(?P<version>[^\]\s]+)\]?(?:\s*[-–—]\s*(?P<date>\S+))?\s*$")
_BULLET = re.compile(r"^(?P<indent>\s*)[-*+]\s+(?P<text>.+)$")
_SECTION = re.compile(r"^###\s+(?P<name>.+)$")
UNRELEASED = "unreleased"

Category: TypeAlias = Literal["added", "changed", "fixed", "removed", "deprecated", "security"]

CATEGORIES: Final[dict[str, Category]] = {
    "added": "added", "добавлено": "added",
    "changed": "changed", "изменено": "changed",
    "fixed": "fixed", "исправлено": "fixed",
    "removed": "removed", "удалено": "removed",
    "deprecated": "deprecated", "устарело": "deprecated",
    "security": "security", "безопасность": "security",
}
"""Keep a Changelog section names, English and Russian, → the category."""

FIRST_VERSIONS: Final = frozenset({"0.1.0", "1.0.0", "0.0.1", "0.1", "1.0"})
"""Versions that are a first release when nothing older is known."""


@dataclass(frozen=True)
class Change:
    """One bullet of a version: its category (None outside a known section) and its text."""

    category: Category | None
    text: str


@dataclass
class Release:
    """One released version of the changelog: its date and its changes."""

    version: str
    date: str | None
    changes: list[Change] = field(default_factory=list)
    first: bool = False
    """The oldest version of the file: the integration's first release."""
    line: int | None = None
    """The line of its heading in the changelog."""


def category(name: str) -> Category | None:
    """The category of a `### Section` heading, English or Russian, any case."""
    return CATEGORIES.get(name.strip().strip("*_").strip().lower())


def is_first_version(version: str) -> bool:
    """Whether a version alone (no changelog) is the integration's first release."""
    return version.strip().lstrip("vV") in FIRST_VERSIONS


def parse_changelog(text: str) -> list[Release]:
    """Released versions, newest first as written; `[Unreleased]` is left out; the oldest is `first`."""
    entries: list[Release] = []
    current: Release | None = None
    section: Category | None = None
    for number, line in enumerate(text.replace("\r\n", "\n").split("\n"), start=1):
        heading = _VERSION.match(line)
        if heading:
            released = heading["version"].lower() != UNRELEASED
            current = Release(heading["version"], heading["date"], line=number) if released else None
            entries.extend([current] if current is not None else [])
            section = None
        elif (sub := _SECTION.match(line)) is not None:
            section = category(sub["name"])
        elif (bullet := _BULLET.match(line)) is not None and current is not None:
            _add(current, section, bullet["text"].strip().rstrip(";"), nested=bool(bullet["indent"]))
    if entries:
        entries[-1].first = True
    return entries


def _add(release: Release, section: Category | None, text: str, nested: bool) -> None:
    """A bullet; a nested one continues the previous change."""
    if nested and release.changes:
        last = release.changes[-1]
        release.changes[-1] = Change(last.category, f"{last.text.rstrip('.:')}: {text}")
        return
    release.changes.append(Change(section, text))
