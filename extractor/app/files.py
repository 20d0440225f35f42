"""A document and its target file: composed with what is on disk, then written, checked, or
(preview) only composed. A person's edit of the generated text stops the file (`edited`)
unless `force` drops it."""

from __future__ import annotations

from pathlib import Path

from ..diagnostics import Diagnostic
from ..errors import ExtractDocsError
from ..write import Edit, check_one, compose, find_edit, read_existing, stamp, write_if_changed
from ..write.regions import merge_regions
from .outcomes import Action, FileOutcome


def settle(path: Path, document: str, *, action: Action, markdown: bool, force: bool = False) -> FileOutcome:
    """`document` against the file at `path`: its hand-written regions kept, then written
    (`write`) or compared (`check`). A Markdown document records the checksums of its
    generated parts; an edit of them on disk makes the outcome `edited` (nothing written)
    unless `force`. Errors of this file become its outcome's error."""
    if action == "preview":
        return FileOutcome(path, "composed", _with_regions(path, document))
    try:
        existing = read_existing(path)
        text = compose(stamp(document) if markdown else document, existing, path=str(path), markdown=markdown)
        edit = find_edit(existing, text, path=str(path)) if markdown and not force else None
    except ExtractDocsError as exc:
        return FileOutcome(path, "failed", error=Diagnostic(exc.location or str(path), exc.message))
    if action == "check" or edit is not None:
        return _checked(path, text, edit)
    try:
        written = write_if_changed(path, text)
    except OSError as exc:
        return FileOutcome(path, "failed", text, error=Diagnostic(str(path), f"can't write: {exc.strerror}"))
    return FileOutcome(path, "written" if written else "unchanged", text)


def _checked(path: Path, text: str, edit: Edit | None) -> FileOutcome:
    """The file compared with `text`: `edited` when `edit` (the diff shows what would be
    dropped), else as `--check` finds it."""
    found = check_one(path, text)
    if edit is not None and found.status != "ok":
        return FileOutcome(path, "edited", text, found.diff, found.line, edits=edit.parts)
    return FileOutcome(path, found.status, text, found.diff, found.line)


def _with_regions(path: Path, document: str) -> str:
    """`document` with the regions of the file at `path`, if it has any that can be read
    (else the generated seed: a preview never fails for a file)."""
    try:
        existing = read_existing(path)
        return merge_regions(document, existing, path=str(path)) if existing is not None else document
    except ExtractDocsError:
        return document
