"""The format of hand-written regions: marker text, region names, and marker look-alike defusing.

The renderer emits every region as

    <!-- extract-docs:begin manual:NAME -->
    … seed …
    <!-- extract-docs:end manual:NAME -->

and the write stage keeps whatever a person wrote between the two markers. Text coming from
the integration's source never reaches the output looking like a marker: `defuse_markers`
breaks every look-alike (see `LOOSE_MARKER_RE`).
"""

from __future__ import annotations

import re
from typing import Final, Literal

RegionName = Literal["troubleshooting", "security", "limitations", "next-steps"]

REGION_NAMES: Final[tuple[RegionName, ...]] = (
    "troubleshooting",
    "security",
    "limitations",
    "next-steps",
)
"""The hand-written regions, in document order."""

RETIRED_SEEDS: Final = frozenset({
    "Ограничения пока не описаны.",
    "Ссылки на связанную документацию пока не добавлены.",
})
"""Placeholder seeds of earlier versions: a region holding one of them (besides HTML comments)
was never written by a person, so it takes the current seed on regeneration."""

BEGIN_MARKER_FORMAT: Final = "<!-- extract-docs:begin manual:{name} -->"
END_MARKER_FORMAT: Final = "<!-- extract-docs:end manual:{name} -->"

MARKER_RE: Final = re.compile(
    r"<!-- extract-docs:(?P<kind>begin|end) manual:(?P<name>[a-z][a-z0-9-]*) -->"
)
"""Matches one exact marker (as emitted); `kind` is begin/end, `name` the region name."""

MARKER_LINE_RE: Final = re.compile(
    r"^[ \t]*<!-- extract-docs:(?P<kind>begin|end) manual:(?P<name>[a-z][a-z0-9-]*) -->[ \t]*$",
    re.MULTILINE,
)
"""Matches a marker standing alone on its line (the only place the renderer puts one)."""

LOOSE_MARKER_RE: Final = re.compile(r"extract-docs\s*:", re.IGNORECASE)
"""Anything that could be taken for a marker; `defuse_markers` breaks each occurrence."""


def begin_marker(name: str) -> str:
    """The begin marker of region `name`."""
    return BEGIN_MARKER_FORMAT.format(name=name)


def end_marker(name: str) -> str:
    """The end marker of region `name`."""
    return END_MARKER_FORMAT.format(name=name)


def defuse_markers(text: str) -> str:
    """Break every marker look-alike in `text` with a zero-width space (invisible when shown)."""
    return LOOSE_MARKER_RE.sub(lambda match: match.group()[:-1] + "\u200b:", text)


def is_retired_seed(region_text: str) -> bool:
    """Whether a region's text is an earlier version's placeholder (comments aside)."""
    return re.sub(r"<!--.*?-->", "", region_text, flags=re.DOTALL).strip() in RETIRED_SEEDS

