"""The write/check stage: merging with what is on disk, atomic writes, --check.

Every text is normalised (LF line endings, exactly one final newline) before it is written
or compared, so a CRLF checkout is not "stale".
"""

from __future__ import annotations

import difflib
import os
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from ..errors import InputError
from .regions import has_generated_block, inject, merge_regions, normalise

Status = Literal["ok", "stale", "missing", "edited"]
"""`edited`: a person changed the generated text, which regenerating would drop."""



def read_existing(path: Path) -> str | None:
    """The file's text, or None when there is no such file."""
    try:
        return path.read_bytes().decode("utf-8")
    except FileNotFoundError:
        return None
    except UnicodeDecodeError:
        raise InputError("existing output is not UTF-8 text", str(path)) from None
    except OSError as exc:
        raise InputError(f"can't read existing output: {exc.strerror}", str(path)) from None


def compose(generated: str, existing: str | None, *, path: str, markdown: bool = True) -> str:
    """The text to write: `generated`, with the hand-written regions of `existing` kept
    (or injected into an existing file's generated block); normalised."""
    if existing is None or not markdown:
        return normalise(generated)
    if has_generated_block(existing):
        return normalise(inject(generated, existing, path))
    return normalise(merge_regions(generated, existing, path=path))


def _default_mode() -> int:
    umask = os.umask(0o022)
    os.umask(umask)
    return 0o666 & ~umask


def write_atomic(path: Path, text: str) -> None:
    """Write `text` (normalised, UTF-8) to `path` atomically: a temporary file in the same
    folder, fsync, `os.replace`. Parent folders are created; the file mode is kept."""
    path.parent.mkdir(parents=True, exist_ok=True)
    remove_stale_temporaries(path)
    mode = path.stat().st_mode & 0o7777 if path.exists() else _default_mode()
    handle, temp = tempfile.mkstemp(dir=path.parent, prefix=f"{_temp_prefix(path)}{os.getpid()}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(normalise(text).encode("utf-8"))
            stream.flush()
            os.fsync(stream.fileno())
        os.chmod(temp, mode)
        os.replace(temp, path)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise
    _fsync_folder(path.parent)


def _temp_prefix(path: Path) -> str:
    return f".{path.name}."


def remove_stale_temporaries(path: Path) -> list[Path]:
    """Remove the temporary files a killed run left next to `path` (`.NAME.PID.*.tmp` whose
    process is gone); the ones removed."""
    prefix = _temp_prefix(path)
    removed: list[Path] = []
    try:
        names = [name for name in os.listdir(path.parent) if name.startswith(prefix) and name.endswith(".tmp")]
    except OSError:
        return removed
    for name in names:
        pid = name[len(prefix):].partition(".")[0]
        if pid.isdigit() and not _alive(int(pid)):
            (path.parent / name).unlink(missing_ok=True)
            removed.append(path.parent / name)
    return removed


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:  # another user's process
        return True
    return True


def _fsync_folder(folder: Path) -> None:
    try:
        descriptor = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(descriptor)
    except OSError:
        pass
    finally:
        os.close(descriptor)


def write_if_changed(path: Path, text: str) -> bool:
    """Write only when the normalised content differs; True when the file was written."""
    existing = read_existing(path)
    if existing is not None and normalise(existing) == normalise(text):
        return False
    write_atomic(path, text)
    return True


@dataclass(frozen=True)
class FileCheck:
    """One planned file under --check: its status and, when not ok, a unified diff."""

    path: Path
    status: Status
    diff: str = ""
    line: int | None = None
    """The first line of the file on disk that differs (stale files only)."""


@dataclass(frozen=True)
class CheckReport:
    """Every planned file's status; `ok` when all are up to date."""

    files: tuple[FileCheck, ...] = field(default=())

    @property
    def ok(self) -> bool:
        """True when no file is stale, missing or edited."""
        return all(item.status == "ok" for item in self.files)

    @property
    def problems(self) -> tuple[FileCheck, ...]:
        """The stale, missing and edited files."""
        return tuple(item for item in self.files if item.status != "ok")

    def summary(self) -> str:
        """One line: how many files are up to date, stale, missing, edited."""
        counts = {status: sum(1 for f in self.files if f.status == status) for status in _ORDER}
        total = len(self.files)
        if self.ok:
            noun = "file" if total == 1 else "files"
            return f"{total} {noun} up to date"
        details = ", ".join(f"{counts[s]} {s}" for s in _ORDER[1:] if counts[s])
        return f"{len(self.problems)} of {total} files out of date ({details})"


_ORDER: tuple[Status, ...] = ("ok", "stale", "missing", "edited")


def _display(path: Path) -> str:
    try:
        return os.path.relpath(path)
    except ValueError:
        return str(path)


def check_one(path: Path, expected: str) -> FileCheck:
    """Compare one planned file with the disk (line endings and final newlines ignored)."""
    existing = read_existing(path)
    want = normalise(expected)
    if existing is not None and normalise(existing) == want:
        return FileCheck(path, "ok")
    shown = _display(path)
    old = [] if existing is None else normalise(existing).splitlines(keepends=True)
    diff = difflib.unified_diff(
        old,
        want.splitlines(keepends=True),
        fromfile="/dev/null" if existing is None else f"a/{shown}",
        tofile=f"b/{shown}",
    )
    if existing is None:
        return FileCheck(path, "missing", "".join(diff))
    return FileCheck(path, "stale", "".join(diff), _first_difference(old, want.splitlines(keepends=True)))


def _first_difference(old: list[str], new: list[str]) -> int:
    """The 1-based number of the first line where `old` and `new` differ."""
    for number, (before, after) in enumerate(zip(old, new, strict=False), start=1):
        if before != after:
            return number
    return min(len(old), len(new)) + 1

