"""What became of each integration and each file: the values the application layer returns."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from ..diagnostics import Diagnostic
from ..discover import IntegrationRoot

Action = Literal["write", "check", "preview"]
"""What happens to a target file: written (when it changed), compared (--check), or only read
for its hand-written regions (preview)."""

FileStatus = Literal["written", "unchanged", "ok", "stale", "missing", "edited", "composed", "failed"]
"""`written`/`unchanged` (write); `ok`/`stale`/`missing` (check); `edited` (write or check: a
person changed the generated text, which writing would drop: nothing written, see `edits`);
`composed` (preview: the text with the file's regions, nothing written); `failed`: see the error."""


@dataclass(frozen=True)
class FileOutcome:
    """One target file: its status, its text (as written, compared or previewed), and for a
    stale, missing or edited file the unified diff and the first line that differs."""

    path: Path
    status: FileStatus
    text: str = ""
    diff: str = ""
    line: int | None = None
    edits: tuple[str, ...] = ()
    """Which generated parts a person edited (status `edited`)."""
    error: Diagnostic | None = None
    """Why the file could not be composed, read or written (`status` is `failed`)."""


@dataclass(frozen=True)
class Outcome:
    """One integration: its generated document (None when it failed), its warnings, its error,
    and its own target file (when each integration has one).

    The locations of `warnings` and `error` are relative to the integration's folder
    (`IntegrationRoot.folder`), or absolute."""

    root: IntegrationRoot
    title: str
    """The displayed name (the slug when the doc model could not be made)."""
    text: str | None
    """The generated document: Markdown, or the doc model as a JSON object."""
    warnings: tuple[Diagnostic, ...] = ()
    """The doc model's warnings, then (under --strict) the lint findings, `[rule]` appended."""
    error: Diagnostic | None = None
    file: FileOutcome | None = None
