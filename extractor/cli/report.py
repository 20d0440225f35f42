"""What the CLI tells the user on stderr: warnings, errors, status lines, the progress bar."""

from __future__ import annotations

import os
import re
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

if TYPE_CHECKING:
    from ..write import CheckReport

_LOCATION = re.compile(r"^(?P<path>.*?)(?::(?P<line>\d+))?(?::(?P<column>\d+))?$", re.S)
_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069\ufeff\ud800-\udfff]")
"""What could end a line, drive the terminal (ESC) or reorder what it shows (bidi controls)."""


@dataclass(frozen=True)
class Where:
    """A location to show: a path relative to the current folder, and a line when known."""

    path: str
    line: int | None = None

    def __str__(self) -> str:
        return f"{self.path}:{self.line}" if self.line is not None else self.path


def display_path(path: Path, cwd: Path) -> str:
    """`path` relative to `cwd` when that is shorter to read, else as given."""
    try:
        relative = os.path.relpath(path, cwd)
    except ValueError:
        return str(path)
    return relative if not relative.startswith(".." + os.sep + "..") else str(path)


def locate(location: str | None, base: Path | None, cwd: Path) -> Where | None:
    """Turn `path:line` (path relative to `base`, or absolute) into a `Where` for display."""
    if not location:
        return None
    match = _LOCATION.match(location)
    assert match is not None  # the pattern matches any string
    raw = Path(match.group("path"))
    line = int(match.group("line")) if match.group("line") else None
    if not raw.is_absolute() and base is not None and (base / raw).exists():
        raw = base / raw
    shown = display_path(raw, cwd) if raw.is_absolute() else raw.as_posix()
    return Where(terminal_line(shown), line)  # a file name can't break the line


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def one_line(text: str) -> str:
    """Collapse whitespace runs with newlines into single spaces."""
    return " ".join(text.split()) if "\n" in text or "\r" in text else text


def terminal_line(text: str) -> str:
    """`text` safe to print as ONE line of a terminal or a CI log: every control character
    (newline, ESC, C1, line separators, bidi controls) written as its escape (`\\n`, `\\x1b`),
    so no name can start a `::error` workflow command line or move the cursor."""
    return _CONTROL.sub(lambda m: m.group().encode("unicode_escape", "backslashreplace").decode("ascii"), text)


class Reporter:
    """Writes diagnostics to stderr: plain `file:line: warning: …` or GitHub annotations."""

    def __init__(self, *, annotations: str = "none", quiet: bool = False,
                 stream: TextIO | None = None) -> None:
        self.github = annotations == "github"
        self.quiet = quiet
        self._stream = stream
        self.warnings = 0
        self.errors = 0

    def _print(self, text: str) -> None:
        # sys.stderr as it is now: under a progress bar, rich's proxy prints above the bar
        print(terminal_line(text), file=self._stream or sys.stderr, flush=True)

    def _annotation(self, level: str, where: Where | None, message: str) -> str:
        props = ""
        if where is not None:
            props = f" file={_escape_property(where.path)}"
            if where.line is not None:
                props += f",line={where.line}"
        return f"::{level}{props}::{_escape_data(message)}"

    def diagnostic(self, level: str, where: Where | None, message: str, *, counted: bool = True) -> None:
        """One warning or error line; `counted=False` for a line that decides no exit code
        (a stale file under --check, whose exit code the check itself gives)."""
        if counted and level == "warning":
            self.warnings += 1
        elif counted:
            self.errors += 1
        if self.github:
            self._print(self._annotation(level, where, message))
            return
        prefix = f"{where}: " if where is not None else ""
        self._print(f"{prefix}{level}: {one_line(message)}")

    def status(self, message: str) -> None:
        """A progress line (`wrote docs/x.md`), unless --quiet."""
        if not self.quiet:
            self._print(message)

    def note(self, message: str) -> None:
        """A summary line that is shown even with --quiet (e.g. the --check summary)."""
        self._print(message)


_NAMED = 5
"""How many stale (or missing) files the --check summary names; the rest are counted."""


def _named(paths: list[str]) -> str:
    shown = ", ".join(paths[:_NAMED])
    return shown if len(paths) <= _NAMED else f"{shown} and {len(paths) - _NAMED} more"


def check_summary(report: CheckReport, shown: Callable[[Path], str], command: str) -> str:
    """The last line of --check: `5 files up to date`, or
    `3 up to date, 1 stale: docs/x.md; run `extract-docs …` to update` (and, when a file
    was edited by hand, the ways on: `edit_hint`)."""
    if report.ok:
        return report.summary()
    groups = []
    for status in ("stale", "missing", "edited"):
        paths = [shown(item.path) for item in report.problems if item.status == status]
        if paths:
            groups.append(f"{len(paths)} {status}: {_named(paths)}")
    fresh = len(report.files) - len(report.problems)
    line = f"{fresh} up to date, {'; '.join(groups)}; run `{command}` to update"
    if any(item.status == "edited" for item in report.problems):
        line += f" ({edit_hint(command)})"
    return line


def edit_hint(command: str) -> str:
    """The two ways on from a file whose generated text a person edited."""
    return ("Keep the words: move them into a hand-written region (between "
            "<!-- extract-docs:begin manual:NAME --> and its end marker) or into the code; "
            f"or drop them: `{command} --force`")


def counted(count: int, noun: str) -> str:
    """`1 warning`, `2 warnings`."""
    return f"{count} {noun}{'' if count == 1 else 's'}"


def warnings_summary(warnings: int, integrations: int) -> str:
    """The last line of a run with warnings (without --strict)."""
    return f"{counted(warnings, 'warning')} in {counted(integrations, 'integration')}; --strict makes them fail"


def fancy_progress_wanted(stream: TextIO, quiet: bool) -> bool:
    """A rich progress bar only on an interactive terminal, outside CI, without --quiet."""
    if quiet or os.environ.get("CI") or os.environ.get("TERM") == "dumb":
        return False
    isatty = getattr(stream, "isatty", None)
    return bool(isatty and isatty())


@contextmanager
def progress(total: int, *, enabled: bool) -> Iterator[_Advance]:
    """A context giving `advance(label)`; a rich bar on stderr when `enabled`, else silent.
    Lines printed to stderr meanwhile show above the bar; stdout is left alone."""
    if not enabled or total < 1:
        yield _Advance(None, None)
        return
    # rich (40 ms to import) only for a bar on a terminal: a CI run never pays for it
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

    columns = (TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn())
    with Progress(*columns, console=Console(stderr=True), transient=True, redirect_stdout=False) as bar:
        task = bar.add_task("extracting", total=total)
        yield _Advance(bar, task)


class _Advance:
    def __init__(self, bar: object | None, task: object | None) -> None:
        self._bar = bar
        self._task = task

    def __call__(self, label: str) -> None:
        if self._bar is not None:
            self._bar.update(self._task, advance=1, description=label)  # type: ignore[attr-defined]
