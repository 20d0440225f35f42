"""Diagnostics shared by every stage: a `file:line` finding, and a value that can't be known.

Every stage reports what it could not read, or read twice, as a `Diagnostic`; a value or type
that can't be known statically is an `Unknown` carrying its reason. Only the assembling stage
turns diagnostics into the public doc model's warnings.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass


@dataclass(frozen=True)
class Diagnostic:
    """Something that could not be read statically, or conflicting facts: `file:line` + message."""

    location: str
    message: str

    def sort_key(self) -> tuple[str, int, str]:
        """Order by file, then line as a number, then message."""
        path, _, line = self.location.rpartition(":")
        if line.isdigit():
            return path, int(line), self.message
        return self.location, 0, self.message


@dataclass(frozen=True)
class Unknown:
    """A value or type that can't be known statically, with the reason and `file:line`."""

    reason: str
    location: str = ""

    def diagnostic(self, what: str, fallback_location: str = "") -> Diagnostic:
        """The diagnostic saying `what` is not statically known, and why."""
        return Diagnostic(self.location or fallback_location, f"{what} is not statically known: {self.reason}")


def ordered(diagnostics: Iterable[Diagnostic]) -> list[Diagnostic]:
    """Unique diagnostics in file and line order."""
    return sorted(set(diagnostics), key=Diagnostic.sort_key)
