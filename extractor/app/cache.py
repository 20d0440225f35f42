"""A best-effort cache of extracted doc models and finished documents, keyed by content.

The doc model's key covers the extractor's own source (and shipped templates), the
recognised names and every file of the integration (its changelog too), so any change gives
a new key. A finished document (its text, title and warnings) is keyed by that key and
everything else it depends on (the format, the lint rules, the integration's settings and its
template files), so that a run where nothing changed reads one small entry per integration and
neither loads a doc model nor renders. A rendered document is also kept by the doc model's
content, the renderer's options and the templates (an edit that doesn't change the doc model
re-renders nothing). Entries live in `.extract-docs-cache/` of the project root (safe to
delete; `--no-cache` neither reads nor writes it); a cache that can't be read or written is
simply not used.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from .. import __version__
from ..conventions import Conventions
from ..diagnostics import Diagnostic
from ..discover import IntegrationRoot
from ..model import Integration

CACHE_DIR = ".extract-docs-cache"
_ENTRY_KEY = re.compile(r"[0-9a-f]{32}\.json")
_RENDER_KEY = re.compile(r"[0-9a-f]{32}\.md")
_DOCUMENT_KEY = re.compile(r"[0-9a-f]{32}\.json")


PACKAGE = Path(__file__).resolve().parents[1]
"""The `extractor` package: every module of it is part of the cache key."""


def code_files() -> list[Path]:
    """The extractor's own Python files, the whole package (every stage), in a stable order."""
    return sorted(PACKAGE.rglob("*.py"))


@lru_cache(maxsize=1)
def _code_digest() -> str:
    """A digest of the extractor's own Python files and shipped templates: a new extractor
    invalidates the cache."""
    digest = hashlib.sha256(__version__.encode())
    for path in code_files():
        digest.update(path.relative_to(PACKAGE).as_posix().encode())
        digest.update(path.read_bytes())
    for templates in (PACKAGE / "templates", PACKAGE.parent / "templates"):
        digest.update(_folder_digest(templates).encode())
    return digest.hexdigest()


@lru_cache(maxsize=16)
def _templates_digest(folder: Path) -> str:
    """`_folder_digest` of a template folder, read once per process."""
    return _folder_digest(folder)


def _folder_digest(folder: Path) -> str:
    """A digest of every file under `folder` (names and contents); empty when it is missing."""
    digest = hashlib.sha256()
    if folder.is_dir():
        for path in sorted(p for p in folder.rglob("*") if p.is_file()):
            digest.update(path.relative_to(folder).as_posix().encode() + b"\0")
            digest.update(path.read_bytes())
    return digest.hexdigest()


def cache_key(root: IntegrationRoot, conventions: Conventions) -> str:
    """The key of one integration's extraction: code, recognised names, slug and file contents."""
    digest = hashlib.sha256(_code_digest().encode())
    digest.update(repr(conventions).encode())
    digest.update(root.slug.encode())
    folder = root.folder
    for path in (*root.files, *((root.changelog,) if root.changelog else ())):
        digest.update(b"\0" + path.relative_to(folder).as_posix().encode() + b"\0")
        digest.update(path.read_bytes())
    return digest.hexdigest()


class ExtractCache:
    """Stored `Integration` JSON per integration, one entry per slug.

    `entry` names an integration's entry (hashing its files); `load` and `store` use that name,
    so a caller that looks up first and extracts later (in another process) hashes once.
    """

    def __init__(self, folder: Path) -> None:
        self.folder = folder

    def entry(self, root: IntegrationRoot, conventions: Conventions) -> Path | None:
        """The file of `root`'s entry (None when its files can't be read: no caching)."""
        try:
            return self.folder / f"{_safe(root.slug)}-{cache_key(root, conventions)[:32]}.json"
        except OSError:
            return None

    @staticmethod
    def load(entry: Path) -> Integration | None:
        """The cached doc model, or None on a miss (or any problem reading it)."""
        try:
            return Integration.model_validate_json(entry.read_bytes())
        except (OSError, ValidationError, ValueError):
            return None

    def store(self, entry: Path, doc: Integration) -> None:
        """Store `doc`, replacing the slug's older entries; failures are ignored."""
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            (self.folder / ".gitignore").write_text("*\n", encoding="utf-8")
            _replace(entry, doc.model_dump_json(by_alias=True).encode("utf-8"), _ENTRY_KEY)
        except OSError:
            return


class DocumentCache:
    """Finished documents: the text, title and warnings of one integration's document, keyed
    by its extraction entry (`ExtractCache.entry`) and `recipe`, the text of everything else the
    document depends on (format, lint rules, the integration's settings)."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder / "documents"

    def entry(self, extracted: Path, recipe: str, template: Path | None) -> Path:
        """The entry of the document made from the extraction entry `extracted`."""
        digest = hashlib.sha256(extracted.name.encode() + b"\0" + recipe.encode())
        if template is not None:
            digest.update(_templates_digest(template).encode())
        return self.folder / f"{extracted.name[: -len('0' * 32) - len('.json')]}{digest.hexdigest()[:32]}.json"

    @staticmethod
    def load(entry: Path) -> tuple[str, str, tuple[Diagnostic, ...]] | None:
        """(title, text, warnings) of a stored document, or None on a miss or a bad entry."""
        try:
            data = json.loads(entry.read_bytes())
            warnings = tuple(Diagnostic(str(location), str(message)) for location, message in data["warnings"])
            title, text = data["title"], data["text"]
        except (OSError, ValueError, KeyError, TypeError):
            return None
        return (title, text, warnings) if isinstance(title, str) and isinstance(text, str) else None

    def store(self, entry: Path, title: str, text: str, warnings: tuple[Diagnostic, ...]) -> None:
        """Store a finished document, replacing the slug's older entries; failures are ignored."""
        data = {"title": title, "text": text, "warnings": [[w.location, w.message] for w in warnings]}
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            _replace(entry, json.dumps(data, ensure_ascii=False).encode("utf-8"), _DOCUMENT_KEY)
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
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            _replace(entry, text.encode("utf-8"), _RENDER_KEY)
        except OSError:
            return


def _safe(slug: str) -> str:
    return "".join(ch if ch.isalnum() or ch in "-_" else "-" for ch in slug)


def _replace(entry: Path, data: bytes, key: re.Pattern[str]) -> None:
    """Write `entry` (atomically), removing the same slug's entries under other keys."""
    stem = entry.name[: -len("0" * 32) - len(entry.suffix)]
    for old in entry.parent.glob(f"{stem}*{entry.suffix}"):
        if key.fullmatch(old.name[len(stem) :]):
            old.unlink(missing_ok=True)
    temp = entry.with_suffix(f".{os.getpid()}.tmp")
    temp.write_bytes(data)
    os.replace(temp, entry)
