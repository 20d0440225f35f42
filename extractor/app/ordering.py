"""The `sort` setting: keep the source order of a document's lists, or sort them by name."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from ..model import Integration

_KEYS: dict[str, Callable[[Any], str]] = {
    "credentials": lambda item: item.key,
    "secrets": lambda item: item.key,
    "handlers": lambda item: item.name,
    "events": lambda item: item.name,
    "errors": lambda item: item.code,
    "env_vars": lambda item: item.name,
}
"""The lists `sort = "name"` orders, and the key of each (the changelog keeps its order)."""


def arrange(doc: Integration, sort: str) -> Integration:
    """`doc` with its lists in source order (`"source"`, unchanged) or by name (`"name"`)."""
    if sort == "source":
        return doc
    update = {name: sorted(getattr(doc, name), key=key) for name, key in _KEYS.items()}
    return doc.model_copy(update=update)
