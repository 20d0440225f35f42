"""Stable heading anchors (`{#id}`) for per-handler sub-headings: safe for any handler name,
never the id of another heading."""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Iterable
from typing import Final

from ..errors import TemplateError
from .escape import Safe

_NOT_SLUG: Final = re.compile(r"[\W_]+")
_SLUG: Final = re.compile(r"^[^\W_]+(?:-[^\W_]+)*$")


def slug(value: str) -> str:
    """`value` as an anchor slug: lower-case Unicode letters and digits joined by single `-`.

    Every other run of characters (`_` too: Markdown could read `_x_` as emphasis and split
    the anchor) becomes one `-`; no `-` at either end. Empty when `value` has no letter or
    digit (the caller picks a fallback).
    """
    normalised = unicodedata.normalize("NFC", value).lower()
    return _NOT_SLUG.sub("-", normalised).strip("-")


def unique_slugs(names: Iterable[str], fallback: str = "handler") -> list[str]:
    """One slug per name, in order, all distinct: a repeated slug gets `-2`, `-3`, …

    A name without letters or digits becomes `fallback` plus a short hash of the name, so
    the same name gets the same anchor in every run.
    """
    taken: set[str] = set()
    result: list[str] = []
    for name in names:
        base = slug(name) or f"{fallback}-{hashlib.sha1(name.encode('utf-8')).hexdigest()[:8]}"
        candidate, number = base, 1
        while candidate in taken:
            number += 1
            candidate = f"{base}-{number}"
        taken.add(candidate)
        result.append(candidate)
    return result


ANCHOR_SEPARATOR: Final = "--"
"""Between an anchor's prefix and its value. A heading's own id (VitePress's slugify, and
GitHub's) never holds `--` (runs of separators become one `-`), and neither part of an anchor
does (`slug`), so an anchor can't collide with a template heading (`## Webhook URL` is
`#webhook-url`, a handler `url` gets `#webhook--url`) nor, with distinct prefixes and
`unique_slugs`, with another anchor."""


def anchor(value: str, prefix: str) -> Safe:
    """The attribute block `{#prefix--value}` that VitePress reads as the heading's id.

    The shipped templates use the prefixes `usage`, `webhook`, `request`, `response` and
    `default-args`. Raises `TemplateError` when the prefix or the value is not a slug, so a
    template can't turn text into attributes through it.
    """
    for part in (prefix, value):
        if not _SLUG.match(part):
            raise TemplateError(f"not an anchor slug: {part!r}")
    return Safe("{#" + f"{prefix}{ANCHOR_SEPARATOR}{value}" + "}")
