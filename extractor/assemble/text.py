"""Text the assembler derives: interface stems from route names, the docstring's summary and bullet lists."""

from __future__ import annotations

import re

_BULLET = re.compile(r"^\s*[-*•]\s+(.+)$")
SECTIONS = {"capabilities": ("позволяет",), "requirements": ("требования", "понадобится")}


def pascal(name: str) -> str:
    """`create-payment` → `CreatePayment`, `deal.created` → `DealCreated`."""
    parts = re.split(r"[^0-9A-Za-z]+", name)
    return "".join(p[:1].upper() + p[1:] for p in parts if p) or "Model"


def docstring_sections(text: str | None) -> tuple[str, dict[str, list[str]]]:
    """The docstring's summary paragraph and its bullet lists under known headers."""
    if not text:
        return "", {}
    summary: list[str] = []
    sections: dict[str, list[str]] = {}
    current: str | None = None
    in_summary = True
    for line in text.strip().split("\n"):
        header = _header(line)
        bullet = _BULLET.match(line)
        if header:
            current, in_summary = header, False
            sections.setdefault(header, [])
        elif bullet and current:
            sections[current].append(bullet.group(1).strip().rstrip(";.,"))
        elif not line.strip():
            in_summary = in_summary and not summary
        elif in_summary:
            summary.append(line.strip())
        else:
            current = None
    return " ".join(summary), sections


def _header(line: str) -> str | None:
    stripped = line.strip().lower()
    if not stripped.endswith(":"):
        return None
    for name, words in SECTIONS.items():
        if any(word in stripped for word in words):
            return name
    return None
