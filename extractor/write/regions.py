"""Hand-written regions: find them in a document, carry them into a regenerated one, inject.

`merge_regions` keeps, byte for byte, what a person wrote between each region's markers
(the marker format lives in `extractor.render.markers`). `inject` writes a generated
document between `<!-- extract-docs:begin generated -->` / `<!-- extract-docs:end
generated -->` of an existing file (a README) and leaves the rest of it untouched.
Texts are handled with LF line endings; line numbers in errors are 1-based.
"""

from __future__ import annotations

import re
from collections.abc import Collection
from dataclasses import dataclass
from typing import Final

from ..errors import RegionError
from ..render.markers import MARKER_LINE_RE, is_retired_seed

GENERATED_BEGIN: Final = "<!-- extract-docs:begin generated -->"
GENERATED_END: Final = "<!-- extract-docs:end generated -->"
GENERATED_LINE_RE: Final = re.compile(
    r"^[ \t]*<!-- extract-docs:(?P<kind>begin|end) generated -->[ \t]*$", re.MULTILINE
)
"""A generated-block marker standing alone on its line."""


@dataclass(frozen=True)
class Region:
    """One region of a document: its name, its begin marker's line and the text between the markers."""

    name: str
    begin_line: int
    start: int
    """Offset of the first character after the begin marker's line."""
    end: int
    """Offset of the start of the end marker's line."""


@dataclass(frozen=True)
class _Marker:
    kind: str
    name: str
    line: int
    start: int
    stop: int


def to_lf(text: str) -> str:
    """CRLF line endings become LF (a lone CR is left alone)."""
    return text.replace("\r\n", "\n")


def normalise(text: str) -> str:
    """LF line endings and exactly one final newline."""
    return to_lf(text).rstrip("\n") + "\n"


def _markers(text: str, pattern: re.Pattern[str], line_offset: int) -> list[_Marker]:
    found: list[_Marker] = []
    line, counted = 1 + line_offset, 0
    for match in pattern.finditer(text):
        line += text.count("\n", counted, match.start())
        counted = match.start()
        name = match.groupdict().get("name") or "generated"
        found.append(_Marker(match.group("kind"), name, line, match.start(), match.end()))
    return found


def _after_line(text: str, stop: int) -> int:
    return stop + 1 if text.startswith("\n", stop) else stop


class _Parser:
    """Pairs markers into regions, raising `RegionError` at the first malformed marker."""

    def __init__(self, path: str, known: Collection[str] | None) -> None:
        self.path = path
        self.known = known
        self.regions: dict[str, Region] = {}
        self.open: _Marker | None = None

    def fail(self, marker: _Marker, message: str) -> RegionError:
        return RegionError(message, f"{self.path}:{marker.line}")

    def parse(self, text: str, markers: list[_Marker]) -> list[Region]:
        for index, marker in enumerate(markers):
            if marker.kind == "begin":
                self._begin(marker)
            else:
                self._end(text, marker, markers[index + 1 :])
        if self.open is not None:
            raise self.fail(self.open, f"region {self.open.name!r} has no end marker")
        return sorted(self.regions.values(), key=lambda region: region.start)

    def _begin(self, marker: _Marker) -> None:
        if self.open is not None:
            raise self.fail(
                marker,
                f"region {marker.name!r} begins inside region {self.open.name!r} "
                f"(opened at line {self.open.line}); regions can't be nested",
            )
        if marker.name in self.regions:
            first = self.regions[marker.name].begin_line
            raise self.fail(marker, f"region {marker.name!r} appears twice (first at line {first})")
        if self.known is not None and marker.name not in self.known:
            expected = ", ".join(self.known) or "none"
            raise self.fail(
                marker,
                f"unknown region {marker.name!r}: the generated document has no such region "
                f"(it has: {expected}); its text would be lost",
            )
        self.open = marker

    def _end(self, text: str, marker: _Marker, rest: list[_Marker]) -> None:
        opened = self.open
        if opened is None:
            raise self.fail(marker, self._stray_end(marker, rest))
        if opened.name != marker.name:
            raise self.fail(
                marker,
                f"end marker of region {marker.name!r} inside region {opened.name!r} "
                f"(opened at line {opened.line})",
            )
        self.regions[marker.name] = Region(
            marker.name, opened.line, _after_line(text, opened.stop), marker.start
        )
        self.open = None

    def _stray_end(self, marker: _Marker, rest: list[_Marker]) -> str:
        if marker.name in self.regions:
            return f"region {marker.name!r} has a second end marker"
        if any(later.kind == "begin" and later.name == marker.name for later in rest):
            return f"region {marker.name!r}: the end marker comes before the begin marker"
        return f"region {marker.name!r} has an end marker but no begin marker"


def find_regions(
    text: str, *, path: str, known: Collection[str] | None = None, line_offset: int = 0
) -> list[Region]:
    """The hand-written regions of `text` in document order.

    Raises `RegionError` (`path:line`) for a marker that is missing its partner, duplicated,
    nested, reversed, or (when `known` is given) names a region not in `known`.
    """
    return _Parser(path, known).parse(text, _markers(text, MARKER_LINE_RE, line_offset))


def merge_regions(generated: str, existing: str | None, *, path: str) -> str:
    """`generated` with each region's text taken from `existing`, byte for byte.

    A region `existing` lacks entirely keeps the generated seed (a template may add a
    region); an existing file with no region markers at all is refused, so that a file
    extract-docs did not write is never overwritten.
    """
    return _merge(to_lf(generated), existing, path=path, line_offset=0, require_markers=True)


def _merge(
    generated: str, existing: str | None, *, path: str, line_offset: int, require_markers: bool
) -> str:
    regions = find_regions(generated, path="<generated document>")
    if existing is None:
        return generated
    existing = to_lf(existing)
    if not regions:  # a template without regions: any region of the file would be lost
        find_regions(existing, path=path, known=(), line_offset=line_offset)
        return generated
    names = [region.name for region in regions]
    found = find_regions(existing, path=path, known=names, line_offset=line_offset)
    kept = {
        region.name: existing[region.start : region.end]
        for region in found
        if not is_retired_seed(existing[region.start : region.end])
    }
    if not found and require_markers and existing.strip():
        raise RegionError(
            "the file has no extract-docs region markers, so it was not written by "
            f"extract-docs; delete it, or add {GENERATED_BEGIN} / {GENERATED_END} "
            "lines where the generated document should go",
            f"{path}:1",
        )
    pieces: list[str] = []
    position = 0
    for region in regions:
        pieces.append(generated[position : region.start])
        pieces.append(kept.get(region.name, generated[region.start : region.end]))
        position = region.end
    pieces.append(generated[position:])
    return "".join(pieces)


def has_generated_block(text: str) -> bool:
    """True when `text` has a generated-block marker (so `inject` applies)."""
    return GENERATED_LINE_RE.search(to_lf(text)) is not None


def _generated_block(text: str, path: str) -> Region:
    blocks = _Parser(path, known=None).parse(text, _markers(text, GENERATED_LINE_RE, 0))
    if not blocks:
        raise RegionError(f"no {GENERATED_BEGIN} / {GENERATED_END} lines", f"{path}:1")
    return blocks[0]


def generated_text(text: str, path: str) -> str:
    """What extract-docs generated in `text` (LF): the body of its generated block when it has
    one (a README), else all of it."""
    if not has_generated_block(text):
        return text
    block = _generated_block(text, path)
    return text[block.start : block.end]


def inject(generated: str, existing_readme: str, path: str) -> str:
    """`existing_readme` with the text between its generated-block markers replaced by
    `generated` (whose hand-written regions are carried over from the old block).

    Raises `RegionError` when the block's markers are missing, duplicated or reversed.
    """
    existing = to_lf(existing_readme)
    block = _generated_block(existing, path)
    old = existing[block.start : block.end]
    body = _merge(
        to_lf(generated),
        old,
        path=path,
        line_offset=block.begin_line,
        require_markers=False,
    )
    body = body.rstrip("\n") + "\n" if body.strip() else ""
    return existing[: block.start] + body + existing[block.end :]
