"""A document and its target file: composed with what is on disk, then written, checked, or
(preview) only composed."""

from __future__ import annotations

from pathlib import Path

from ..diagnostics import Diagnostic
from ..errors import ExtractDocsError
from ..write import check_one, compose, read_existing, write_if_changed
from ..write.regions import merge_regions
from .outcomes import Action, FileOutcome


def settle(path: Path, document: str, *, action: Action, markdown: bool) -> FileOutcome:
    """`document` against the file at `path`: its hand-written regions kept, then written
    (`write`) or compared (`check`). Errors of this file become its outcome's error."""
    if action == "preview":
        return FileOutcome(path, "composed", _with_regions(path, document))
    try:
        text = compose(document, read_existing(path), path=str(path), markdown=markdown)
    except ExtractDocsError as exc:
        return FileOutcome(path, "failed", error=Diagnostic(exc.location or str(path), exc.message))
    if action == "check":
        found = check_one(path, text)
        return FileOutcome(path, found.status, text, found.diff, found.line)
    try:
        written = write_if_changed(path, text)
    except OSError as exc:
        return FileOutcome(path, "failed", text, error=Diagnostic(str(path), f"can't write: {exc.strerror}"))
    return FileOutcome(path, "written" if written else "unchanged", text)


def _with_regions(path: Path, document: str) -> str:
    """`document` with the regions of the file at `path`, if it has any that can be read
    (else the generated seed: a preview never fails for a file)."""
    try:
        existing = read_existing(path)
        return merge_regions(document, existing, path=str(path)) if existing is not None else document
    except ExtractDocsError:
        return document
