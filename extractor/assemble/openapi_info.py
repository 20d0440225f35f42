"""What every OpenAPI document of the tool shares: the version it writes, its `info` object."""

from __future__ import annotations

from typing import Any

from ..resolve import Resolved

OPENAPI_VERSION = "3.1.0"
JsonObject = dict[str, Any]


def info(resolved: Resolved, title: str, version: str, *, docstring: bool = True) -> JsonObject:
    """`info`: the declared name, version and description (else `title`, `version`, and with
    `docstring` the integration's docstring)."""
    values = resolved.declaration.values if resolved.declaration else {}
    found: JsonObject = {"title": _text(values.get("name")) or title,
                         "version": _text(values.get("version")) or version}
    fallback = (resolved.docstring or "").strip() if docstring else ""
    description = _text(values.get("description")) or fallback
    return {**found, "description": description} if description else found


def _text(value: Any) -> str | None:
    return value if isinstance(value, str) and value else None
