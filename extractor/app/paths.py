"""Where one integration's document goes: an output pattern filled in, safely."""

from __future__ import annotations

import os
import re
import unicodedata
from pathlib import Path

from ..errors import ConfigError
from .config import check_pattern

_UNSAFE = re.compile(r"[^\w.-]+")
"""Anything but letters and digits (of any script), `_`, `.` and `-`: separators, spaces,
controls, bidi overrides."""
MAX_SLUG = 100
"""Characters of a slug in a file name (a name has 255 bytes at most)."""



def safe_slug(slug: str) -> str:
    """`slug` as a single safe file-name part: no separators, no `..`, no leading dot, no
    control or bidi characters, at most `MAX_SLUG` characters; letters of any script kept."""
    cleaned = _UNSAFE.sub("-", unicodedata.normalize("NFC", slug)).strip("-.")
    cleaned = cleaned[:MAX_SLUG].rstrip("-.")
    return cleaned or "integration"


def output_path(
    base: Path,
    pattern: str,
    *,
    slug: str,
    folder: Path | None = None,
    root: Path | None = None,
) -> Path:
    """Where one integration's document goes: `base / pattern`, with `{slug}` (sanitised)
    and `{path}` (the integration's `folder` relative to the project `root`, default
    `base`) filled in.

    Raises `ConfigError` for a bad pattern or a path that would leave `base`.
    """
    try:
        check_pattern(pattern)
    except ValueError as exc:
        raise ConfigError(str(exc)) from None
    rel_folder = _relative_folder(root or base, folder) if "{path}" in pattern else "."
    target = Path(os.path.normpath(base / pattern.format(slug=safe_slug(slug), path=rel_folder)))
    resolved_base = base.resolve()
    resolved = target.resolve()
    if not resolved.is_relative_to(resolved_base) or resolved == resolved_base:
        raise ConfigError(f"output path {target} leaves the output folder {base}")
    return target


def _relative_folder(root: Path, folder: Path | None) -> str:
    if folder is None:
        raise ConfigError("{path} in an output pattern needs the integration's folder")
    try:
        return folder.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        raise ConfigError(
            f"{{path}} in the output pattern: {folder} is outside the project folder {root}"
        ) from None
