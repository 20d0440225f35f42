"""What was generated, recorded in the written document: one checksum per generated part.

A document's generated parts are its text around the hand-written regions' bodies (the region
markers included): the part before the first region, the part between each two regions, the
part after the last. `stamp` appends one HTML comment (VitePress and GitHub don't show it)
with a short SHA-256 of each part:

    <!-- extract-docs:checksum 1f0c3a9e52b4d7c6 … -->

`find_edit` reads it back: a part whose text no longer has its checksum was edited by a
person. Texts are compared with LF line endings and one final newline, so a CRLF checkout is
not an edit, and an edit that was reverted is none either; a file without the comment (written
by an older extract-docs) has nothing to compare and is not an edit.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from typing import Final

from .regions import Region, find_regions, generated_text, normalise

CHECKSUM_PREFIX: Final = "<!-- extract-docs:checksum"
CHECKSUM_LINE_RE: Final = re.compile(
    r"^[ \t]*<!-- extract-docs:checksum(?P<digests>(?: [0-9a-f]{16})+) -->[ \t]*(?:\n|\Z)", re.MULTILINE
)
"""The checksum line, alone on its line."""
DIGEST_LENGTH: Final = 16


@dataclass(frozen=True)
class Edit:
    """A person's edit of generated text: which parts (by the hand-written region they
    follow or precede) no longer have their recorded checksum."""

    parts: tuple[str, ...]


def digest(part: str) -> str:
    """The checksum of one generated part: the first 16 hex digits of its SHA-256."""
    return hashlib.sha256(part.encode("utf-8")).hexdigest()[:DIGEST_LENGTH]


def generated_parts(text: str, *, path: str) -> list[str]:
    """The generated parts of `text` (normalised, without a checksum line): the text around
    each region's body. Raises `RegionError` for malformed region markers."""
    regions = find_regions(text, path=path)
    parts: list[str] = []
    position = 0
    for region in regions:
        parts.append(text[position : region.start])
        position = region.end
    parts.append(text[position:])
    return parts


def stamp(document: str) -> str:
    """`document`, normalised, with the checksum line of its generated parts at the end."""
    body = normalise(_without_checksum(document)[0])
    digests = " ".join(digest(part) for part in generated_parts(body, path="<generated document>"))
    return f"{body}{CHECKSUM_PREFIX} {digests} -->\n"


def _without_checksum(text: str) -> tuple[str, tuple[str, ...] | None]:
    """`text` without its last checksum line, and that line's digests (None: no such line)."""
    matches = list(CHECKSUM_LINE_RE.finditer(text))
    if not matches:
        return text, None
    found = matches[-1]
    return text[: found.start()] + text[found.end() :], tuple(found.group("digests").split())


def find_edit(existing: str | None, planned: str, *, path: str) -> Edit | None:
    """The edit a person made to the generated text of `existing` (the file on disk) that
    writing `planned` (the composed text) would drop; None when there is none, when the file
    has no checksums, or when `planned` has the edited text too (no word would be lost).

    Raises `RegionError` for malformed markers (which composing reports first)."""
    if existing is None:
        return None
    body, recorded = _without_checksum(generated_text(normalise(existing), path))
    if recorded is None:
        return None
    text = normalise(body)
    parts = generated_parts(text, path=path)
    names = _part_names(find_regions(text, path=path))
    if len(parts) != len(recorded):
        return Edit(("the hand-written region markers",))
    edited = [index for index, part in enumerate(parts) if digest(part) != recorded[index]]
    if not edited or _kept(parts, edited, planned, path):
        return None
    return Edit(tuple(names[index] for index in edited))


def _kept(parts: list[str], edited: list[int], planned: str, path: str) -> bool:
    """True when `planned` has every edited part as it is now (the edit matches the code)."""
    body = normalise(_without_checksum(generated_text(normalise(planned), path))[0])
    new = generated_parts(body, path=path)
    return len(new) == len(parts) and all(new[index] == parts[index] for index in edited)


def _part_names(regions: list[Region]) -> list[str]:
    """A name for each generated part, by the region around it."""
    if not regions:
        return ["the generated text"]
    names = [f"the generated text before region `{regions[0].name}`"]
    names += [f"the generated text after region `{region.name}`" for region in regions]
    return names
