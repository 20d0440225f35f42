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

The folder is in the repository, so every entry is untrusted input: entries are sealed with
a per-user key (`sealed`: HMAC over the tool, the checkout, the name and the content), never
read or written through a symlink, and what comes out goes through the secret policy's
masking again, as on the way in. A forged or edited entry is a miss: made again, replaced.
"""

from __future__ import annotations

import hashlib
import json
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
from ..secrets import SecretPolicy, mask_text
from .sealed import read_file, real_folder, replace_file, seal, unseal

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
        """The cached doc model (masked again), or None on a miss, a bad seal or a bad entry."""
        content = _unseal(entry)
        if content is None:
            return None
        try:
            stored = Integration.model_validate_json(content)
            return Integration.model_validate(SecretPolicy().value(stored.model_dump(by_alias=True)))
        except (ValidationError, ValueError):
            return None

    def store(self, entry: Path, doc: Integration) -> None:
        """Store `doc`, replacing the slug's older entries; failures are ignored."""
        try:
            data = doc.model_dump_json(by_alias=True).encode("utf-8")
        except ValueError:  # text no UTF-8 can hold: not cached
            return
        _store(self.folder, entry, data, _ENTRY_KEY)


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
        """(title, text, warnings) of a stored document (masked again), or None on a miss, a
        bad seal or a bad entry."""
        content = _unseal(entry)
        try:
            data = json.loads(content) if content is not None else None
            if data is None:
                return None
            warnings = tuple(Diagnostic(mask_text(str(location)), mask_text(str(message)))
                             for location, message in data["warnings"])
            title, text = data["title"], data["text"]
        except (ValueError, KeyError, TypeError):
            return None
        if not (isinstance(title, str) and isinstance(text, str)):
            return None
        return mask_text(title), mask_text(text), warnings

    def store(self, entry: Path, title: str, text: str, warnings: tuple[Diagnostic, ...]) -> None:
        """Store a finished document, replacing the slug's older entries; failures are ignored."""
        data = {"title": title, "text": text, "warnings": [[w.location, w.message] for w in warnings]}
        _store(self.folder, entry, json.dumps(data, ensure_ascii=False).encode("utf-8"), _DOCUMENT_KEY)


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
            content = _unseal(entry)
            try:
                if content is not None:
                    return mask_text(content.decode("utf-8"))
            except ValueError:
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
        _store(self.folder, entry, text.encode("utf-8"), _RENDER_KEY)


def _safe(slug: str) -> str:
    return "".join(ch if ch.isalnum() or ch in "-_" else "-" for ch in slug)


def _cache_folders(entry: Path) -> tuple[Path, ...]:
    """The folders of `entry` inside the cache: its own, and the cache folder above it."""
    folder = entry.parent
    return (folder, folder.parent) if folder.name in ("documents", "render") else (folder,)


def _unseal(entry: Path) -> bytes | None:
    """The content of `entry` when its seal verifies and no folder of it is a symlink."""
    if any(folder.is_symlink() for folder in _cache_folders(entry)):
        return None
    return unseal(entry, _code_digest())


def _store(folder: Path, entry: Path, data: bytes, key: re.Pattern[str]) -> None:
    """Seal and write `entry` in `folder` (both real folders, never symlinks: the cache folder
    and its `.gitignore` too), replacing the slug's older entries; failures are ignored."""
    sealed = seal(entry, data, _code_digest())
    folders = _cache_folders(entry)
    if sealed is None or not all(real_folder(part) for part in reversed(folders)):
        return
    top = folders[-1]
    try:
        _ignore_all(top)
        _replace(entry, sealed, key)
    except OSError:
        return


def _ignore_all(top: Path) -> None:
    """`.gitignore` with `*` in the cache folder (replaced, never written through a link)."""
    ignore = top / ".gitignore"
    try:
        if read_file(ignore) == b"*\n":
            return
    except OSError:
        pass
    replace_file(ignore, b"*\n")


def _replace(entry: Path, data: bytes, key: re.Pattern[str]) -> None:
    """Write `entry` (atomically), removing the same slug's entries under other keys."""
    stem = entry.name[: -len("0" * 32) - len(entry.suffix)]
    for old in entry.parent.glob(f"{stem}*{entry.suffix}"):
        if key.fullmatch(old.name[len(stem) :]):
            old.unlink(missing_ok=True)
    replace_file(entry, data)
