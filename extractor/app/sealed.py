"""Sealed cache files: HMAC-authenticated, never read or written through a symlink.

The cache folder sits in the repository, where anyone with a pull request can commit or edit
files, so an entry is untrusted input. Each entry is written as one header line, the
HMAC-SHA256 (keyed with a per-user secret kept outside the repository, in the user's cache
directory) of the tool's version and code, the checkout (the cache folder's real path), the
entry's name and its content, then the content. An entry whose seal doesn't verify (edited,
forged, copied from another checkout or made by another user or tool version) reads as a miss
and is made again. Files are opened with `O_NOFOLLOW` and the folders are refused when they are
symlinks, so the cache never reads or writes outside its folder.
"""

from __future__ import annotations

import hashlib
import hmac
import os
import secrets
import stat
from functools import lru_cache
from pathlib import Path
from typing import Final

from .. import __version__

KEY_ENV: Final = "EXTRACT_DOCS_KEY_DIR"
"""Where the per-user key lives, when set (tests); else `$XDG_CACHE_HOME/extract-docs`."""
_KEY_BYTES: Final = 32
_NOFOLLOW: Final = getattr(os, "O_NOFOLLOW", 0)
_SEAL_LENGTH: Final = 64


def key_dir() -> Path:
    """The per-user folder of the cache key (outside any repository)."""
    configured = os.environ.get(KEY_ENV)
    if configured:
        return Path(configured)
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "extract-docs"


@lru_cache(maxsize=4)
def _key(folder: Path) -> bytes | None:
    """The user's key in `folder`, made on first use (mode 600); None when it can't be had."""
    path = folder / "cache-key"
    try:
        folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        if not path.exists() and not path.is_symlink():
            temp = folder / f".cache-key.{os.getpid()}.{secrets.token_hex(4)}"
            write_file(temp, secrets.token_bytes(_KEY_BYTES), mode=0o600)
            try:
                os.link(temp, path)  # atomic: the first process's key wins
            except FileExistsError:
                pass
            finally:
                temp.unlink(missing_ok=True)
        key = read_file(path)
    except OSError:
        return None
    return key if len(key) >= _KEY_BYTES else None


def user_key() -> bytes | None:
    """The per-user key that seals cache entries (None: no cache can be trusted)."""
    return _key(key_dir())


def _seal(key: bytes, checkout: str, name: str, tool: str, content: bytes) -> str:
    message = hashlib.sha256()
    for part in (__version__.encode(), tool.encode(), checkout.encode(), name.encode()):
        message.update(len(part).to_bytes(8, "big") + part)
    message.update(content)
    return hmac.new(key, message.digest(), hashlib.sha256).hexdigest()


def seal(entry: Path, content: bytes, tool: str) -> bytes | None:
    """`content` with its seal line in front (None when there is no key)."""
    key = user_key()
    if key is None:
        return None
    checkout = str(entry.parent.resolve())
    return _seal(key, checkout, entry.name, tool, content).encode() + b"\n" + content


def unseal(entry: Path, tool: str) -> bytes | None:
    """The content of a sealed entry, or None: missing, a symlink, or a seal that fails."""
    key = user_key()
    if key is None:
        return None
    try:
        data = read_file(entry)
    except OSError:
        return None
    seal_line, _, content = data.partition(b"\n")
    if len(seal_line) != _SEAL_LENGTH:
        return None
    expected = _seal(key, str(entry.parent.resolve()), entry.name, tool, content)
    return content if hmac.compare_digest(seal_line, expected.encode()) else None


def read_file(path: Path) -> bytes:
    """The bytes of a regular file, never through a symlink (`OSError` otherwise)."""
    fd = os.open(path, os.O_RDONLY | _NOFOLLOW)
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise OSError(f"not a regular file: {path}")
        with os.fdopen(fd, "rb", closefd=False) as handle:
            return handle.read()
    finally:
        os.close(fd)


def write_file(path: Path, data: bytes, mode: int = 0o644) -> None:
    """Create `path` (it must not exist; never through a symlink) holding `data`."""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | _NOFOLLOW, mode)
    with os.fdopen(fd, "wb") as handle:
        handle.write(data)


def real_folder(folder: Path) -> bool:
    """True when `folder` is a directory and not a symlink (made when missing)."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
        return stat.S_ISDIR(os.lstat(folder).st_mode)
    except OSError:
        return False


def replace_file(path: Path, data: bytes) -> None:
    """Write `path` atomically through a fresh temp file; a symlink at `path` is replaced
    itself, its target is never written."""
    temp = path.with_name(f".{path.name}.{os.getpid()}.{secrets.token_hex(4)}.tmp")
    write_file(temp, data)
    try:
        os.replace(temp, path)
    except OSError:
        temp.unlink(missing_ok=True)
        raise
