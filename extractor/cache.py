"""A best-effort cache of extracted doc models and rendered documents, keyed by content.

The doc model's key covers the extractor's own source (and shipped templates), the
recognised names and every file of the integration (its changelog too), so any change gives
a new key; a rendered document's key covers the doc model, the renderer's options and the
template files. Entries live in `.extract-docs-cache/` of the project root (safe to delete;
`--no-cache` neither reads nor writes it); a cache that can't be read or written is simply
not used.
"""

from __future__ import annotations

import hashlib
import os
import re
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from extractor import __version__
from extractor.discover import IntegrationRoot
from extractor.model import Integration
from extractor.options import ExtractOptions

CACHE_DIR = ".extract-docs-cache"
_ENTRY_KEY = re.compile(r"[0-9a-f]{32}\.json")
_RENDER_KEY = re.compile(r"[0-9a-f]{32}\.md")


@lru_cache(maxsize=1)
def _code_digest() -> str:
    """A digest of the extractor's own Python files and shipped templates: a new extractor
    invalidates the cache."""
    digest = hashlib.sha256(__version__.encode())
    package = Path(__file__).parent
    for path in sorted(package.rglob("*.py")):
        digest.update(path.relative_to(package).as_posix().encode())
        digest.update(path.read_bytes())
    for templates in (package / "templates", package.parent / "templates"):
        digest.update(_folder_digest(templates).encode())
    return digest.hexdigest()


def _folder_digest(folder: Path) -> str:
    """A digest of every file under `folder` (names and contents); empty when it is missing."""
    digest = hashlib.sha256()
    if folder.is_dir():
        for path in sorted(p for p in folder.rglob("*") if p.is_file()):
            digest.update(path.relative_to(folder).as_posix().encode() + b"\0")
            digest.update(path.read_bytes())
    return digest.hexdigest()


def cache_key(root: IntegrationRoot, options: ExtractOptions) -> str:
    """The key of one integration's extraction: code, options, slug and file contents."""
    digest = hashlib.sha256(_code_digest().encode())
    digest.update(repr(options).encode())
    digest.update(root.slug.encode())
    base = root.path.parent if root.is_module else root.path
    for path in (*root.files, *((root.changelog,) if root.changelog else ())):
        digest.update(b"\0" + path.relative_to(base).as_posix().encode() + b"\0")
        digest.update(path.read_bytes())
    return digest.hexdigest()


class ExtractCache:
    """Stored `Integration` JSON per integration, one entry per slug."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder

    def _entry(self, root: IntegrationRoot, key: str) -> Path:
        slug = "".join(ch if ch.isalnum() or ch in "-_" else "-" for ch in root.slug)
        return self.folder / f"{slug}-{key[:32]}.json"

    def get(self, root: IntegrationRoot, options: ExtractOptions) -> Integration | None:
        """The cached doc model, or None on a miss (or any problem reading it)."""
        try:
            entry = self._entry(root, cache_key(root, options))
            return Integration.model_validate_json(entry.read_bytes())
        except (OSError, ValidationError, ValueError):
            return None

    def put(self, root: IntegrationRoot, options: ExtractOptions, doc: Integration) -> None:
        """Store `doc`, replacing the slug's older entries; failures are ignored."""
        try:
            entry = self._entry(root, cache_key(root, options))
            self.folder.mkdir(parents=True, exist_ok=True)
            (self.folder / ".gitignore").write_text("*\n", encoding="utf-8")
            prefix = entry.name[: -len("0" * 32 + ".json")]
            for old in self.folder.glob(f"{prefix}*.json"):
                if _ENTRY_KEY.fullmatch(old.name[len(prefix) :]):
                    old.unlink(missing_ok=True)
            temp = entry.with_suffix(f".{os.getpid()}.tmp")
            temp.write_text(doc.model_dump_json(by_alias=True), encoding="utf-8")
            os.replace(temp, entry)
        except OSError:
            return


class RenderCache:
    """Rendered documents, keyed by the doc model, the renderer's options and the templates."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder / "render"

    def wrap(self, load: Callable[[], Callable[..., str]]) -> Callable[..., str]:
        """The renderer `load()` gives, answered from the cache when the same document was
        rendered before (`load` is called on the first miss only)."""
        loaded: list[Callable[..., str]] = []

        def cached(doc: Integration, **options: Any) -> str:
            entry = self._entry(doc, options)
            try:
                return entry.read_bytes().decode("utf-8")
            except (OSError, ValueError):
                pass
            if not loaded:
                loaded.append(load())
            text = loaded[0](doc, **options)
            self._put(entry, text)
            return text

        return cached

    def _entry(self, doc: Integration, options: dict[str, Any]) -> Path:
        digest = hashlib.sha256(_code_digest().encode())
        for name, value in sorted(options.items()):
            digest.update(f"{name}={value!r}\0".encode())
            if isinstance(value, Path):
                digest.update(_folder_digest(value).encode())
        digest.update(doc.model_dump_json(by_alias=True).encode())
        return self.folder / f"{_safe(doc.slug)}-{digest.hexdigest()[:32]}.md"

    def _put(self, entry: Path, text: str) -> None:
        """Store `text`, replacing the slug's older entries; failures are ignored."""
        prefix = entry.name[: -len("0" * 32 + ".md")]
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            for old in self.folder.glob(f"{prefix}*.md"):
                if _RENDER_KEY.fullmatch(old.name[len(prefix) :]):
                    old.unlink(missing_ok=True)
            temp = entry.with_suffix(f".{os.getpid()}.tmp")
            temp.write_bytes(text.encode("utf-8"))
            os.replace(temp, entry)
        except OSError:
            return


def _safe(slug: str) -> str:
    return "".join(ch if ch.isalnum() or ch in "-_" else "-" for ch in slug)
