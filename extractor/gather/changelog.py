"""Changelog reader: `CHANGELOG.md` in Keep a Changelog form → versions, dates, changes."""

from __future__ import annotations

import re
from dataclasses import dataclass

_VERSION = re.compile(r"^##\s+\[?(?P<version>[^\]\s]+)\]?(?:\s*[-–—]\s*(?P<date>\S+))?\s*$")
_BULLET = re.compile(r"^\s*[-*+]\s+(?P<text>.+)$")
_SECTION = re.compile(r"^###\s+(?P<name>.+)$")
UNRELEASED = "unreleased"


@dataclass
class Release:
    """One released version of the changelog: its date and its changes, folded to one text."""

    version: str
    date: str | None
    changes: str
    line: int | None = None
    """The line of its heading in the changelog."""


def parse_changelog(text: str) -> list[Release]:
    """Released versions, newest first as written; `[Unreleased]` is left out."""
    entries: list[Release] = []
    version: str | None = None
    date: str | None = None
    changes: list[str] = []
    section = ""
    heading_line = 0

    def flush() -> None:
        if version is not None and version.lower() != UNRELEASED:
            entries.append(Release(version=version, date=date, changes="; ".join(changes), line=heading_line))

    for number, line in enumerate(text.replace("\r\n", "\n").split("\n"), start=1):
        heading = _VERSION.match(line)
        if heading:
            flush()
            version, date, changes, section = heading["version"], heading["date"], [], ""
            heading_line = number
            continue
        sub = _SECTION.match(line)
        if sub:
            section = sub["name"].strip()
            continue
        bullet = _BULLET.match(line)
        if bullet and version is not None:
            item = bullet["text"].strip().rstrip(";.")
            changes.append(f"{section}: {item}" if section else item)
    flush()
    if entries and not entries[-1].changes:
        entries[-1].changes = "Начальная версия"
    return entries
