"""A best-effort cache of extracted doc models, keyed by the integration's file contents.

The key covers the extractor's own source, the recognised names and every file of the
integration (its changelog too), so any change gives a new key. Entries live in
`.extract-docs-cache/` of the project root; a cache that can't be read or written is
simply not used.
"""

from __future__ import annotations

import hashlib
import os
import re
from functools import lru_cache
from pathlib import Path

from pydantic import ValidationError

from extractor import __version__
from extractor.discover import IntegrationRoot
from extractor.model import Integration
from extractor.options import ExtractOptions

CACHE_DIR = ".extract-docs-cache"
_ENTRY_KEY = re.compile(r"[0-9a-f]{32}\.json")


@lru_cache(maxsize=1)
def _code_digest() -> str:
    """A digest of the extractor's own Python files: a new extractor invalidates the cache."""
    digest = hashlib.sha256(__version__.encode())
    package = Path(__file__).parent
    for path in sorted(package.rglob("*.py")):
        digest.update(path.relative_to(package).as_posix().encode())
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
