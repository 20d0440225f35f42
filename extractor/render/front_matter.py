"""YAML front matter for a documentation site: title, description and sidebar order."""

from __future__ import annotations

import json
import re
from typing import Final

from ..model import Integration
from .escape import Safe, defuse_site, fold, plain

_NOT_PRINTABLE: Final = re.compile("[\x7f-\x9f\u2028\u2029\ufeff\ufffe\uffff\ud800-\udfff]")
_MARKER_COLON: Final = re.compile(r"(?i)(extract-docs\s*):")
_BLANK_LINES: Final = re.compile(r"\n[ \t]*\n")
_SCRIPT_END: Final = re.compile("(?i)</(?=script)")


def yaml_string(value: str) -> Safe:
    """`value` folded to one line as a double-quoted YAML scalar (JSON's escapes are YAML's).

    Characters YAML won't take as they are (C1 controls, line and paragraph separators, BOM,
    non-characters) are written as `\\uXXXX`, and a hand-written-region marker look-alike
    gets its colon escaped. VitePress copies the front matter into a `<script>` block of the
    page's Vue component, where `</script` would end it: it gets a zero-width space.
    """
    dumped = json.dumps(_SCRIPT_END.sub("<\u200b/", defuse_site(fold(value))), ensure_ascii=False)
    dumped = _NOT_PRINTABLE.sub(lambda m: f"\\u{ord(m.group()):04x}", dumped)
    return Safe(_MARKER_COLON.sub(r"\1\\u003a", dumped))


def first_paragraph(value: str | None) -> str:
    """The first non-blank paragraph of `value`, folded to one line."""
    for part in _BLANK_LINES.split(plain(value)):
        if fold(part):
            return fold(part)
    return ""


def front_matter(doc: Integration, title: str, order: int | None) -> list[tuple[Safe, Safe]]:
    """The front matter's `key: value` pairs, values as YAML: `title`, `description` (the
    first paragraph of the integration's description, when it has one) and `order`."""
    pairs = [(Safe("title"), yaml_string(title))]
    description = first_paragraph(doc.description)
    if description:
        pairs.append((Safe("description"), yaml_string(description)))
    if order is not None:
        pairs.append((Safe("order"), Safe(str(int(order)))))
    return pairs
