"""The default command: the application layer's outcomes printed as they come, and the exit code.

Returns an exit code; raises `ExtractDocsError` for what stops the whole run (the caller
prints it). Errors of one integration are reported and the others still go through.
"""

from __future__ import annotations

import sys
from pathlib import Path

from typing_extensions import assert_never

from ..app import FileOutcome, Generation, Outcome, Request, generate
from ..app.config import effective_config
from ..write import CheckReport, FileCheck, Status
from .command_line import CommandLine
from .exits import EXIT_ERROR, EXIT_OK, EXIT_STALE
from .report import (
    Reporter,
    Where,
    check_summary,
    counted,
    display_path,
    edit_hint,
    fancy_progress_wanted,
    locate,
    progress,
    warnings_summary,
)


def run_document(command_line: CommandLine, *, cwd: Path | None = None) -> int:
    """Run the default command; `ExtractDocsError` propagates for the caller to print."""
    here = cwd or Path.cwd()
    config, _ = effective_config(command_line.config_values(), here, config_file=command_line.config)
    request = Request(
        action="check" if command_line.check else "write", output=command_line.output,
        jobs=command_line.jobs, cache=command_line.cache, force=command_line.force, cwd=here,
    )
    generation = generate(config, request)
    reporter = Reporter(annotations=config.annotations, quiet=command_line.quiet)
    return _Run(command_line, generation, reporter, here).execute()


class _Run:
    """One run of the default command: prints each outcome as it comes."""

    def __init__(self, command_line: CommandLine, generation: Generation, reporter: Reporter, cwd: Path):
        self.command_line = command_line
        self.generation = generation
        self.reporter = reporter
        self.cwd = cwd
        self.checked: list[FileCheck] = []
        self.warned: dict[str, int] = {}
        """The number of warnings of each integration that has any."""

    def execute(self) -> int:
        """Print every outcome; the exit code."""
        to_stdout = self.generation.targets.to_stdout
        joined = self.generation.joined()
        with progress(len(self.generation.roots), enabled=self._fancy()) as advance:
            for item in self.generation:
                if isinstance(item, FileOutcome):
                    self._file(item)
                    continue
                advance(item.root.slug)
                self._integration(item)
                if to_stdout and item.text is not None:
                    sys.stdout.write(joined.piece(item.text))
        if to_stdout:
            sys.stdout.write(joined.end())
            sys.stdout.flush()
        self._warnings_summary()
        return self._exit_code(ok=self._check_summary())

    def _fancy(self) -> bool:
        """A progress bar on stderr, unless the documents or diffs go to the same terminal."""
        if not fancy_progress_wanted(sys.stderr, self.command_line.quiet):
            return False
        uses_stdout = self.generation.targets.to_stdout or self.command_line.check
        return not (uses_stdout and sys.stdout.isatty())

    def _integration(self, outcome: Outcome) -> None:
        base = outcome.root.folder
        if outcome.warnings:
            self.warned[outcome.root.slug] = len(outcome.warnings)
            if len(self.generation.roots) > 1 and not self.reporter.github:
                self.reporter.note(f"{outcome.root.slug}: {counted(len(outcome.warnings), 'warning')}")
        for warning in outcome.warnings:
            self.reporter.diagnostic("warning", locate(warning.location, base, self.cwd), warning.message)
        if outcome.error is not None:
            self.reporter.diagnostic("error", locate(outcome.error.location, base, self.cwd), outcome.error.message)
        if outcome.file is not None:
            self._file(outcome.file)

    def _file(self, file: FileOutcome) -> None:
        if file.error is not None:
            self.reporter.diagnostic("error", locate(file.error.location, None, self.cwd), file.error.message)
            return
        shown = display_path(file.path, self.cwd)
        match file.status:
            case "written" | "unchanged":
                self.reporter.status(f"{'wrote' if file.status == 'written' else 'unchanged'} {shown}")
            case "ok" | "stale" | "missing":
                self._checked(file, file.status, shown)
            case "edited":
                self._edited(file, shown)
            case "composed" | "failed":  # not in this command; a failed file has its error
                pass
            case _:
                assert_never(file.status)

    def _checked(self, file: FileOutcome, status: Status, shown: str) -> None:
        self.checked.append(FileCheck(file.path, status))
        if status == "ok":
            return
        sys.stdout.write(file.diff)
        sys.stdout.flush()
        if self.reporter.github:
            message = f"{file.status}: run `{self.command_line.update_command()}` to update it"
            self.reporter.diagnostic("error", Where(shown, file.line), message, counted=False)
        else:
            self.reporter.note(f"{shown}: {file.status}")

    def _edited(self, file: FileOutcome, shown: str) -> None:
        """A file whose generated text a person edited: the diff on stdout, then (writing) an
        error that names the file and the ways on, or (--check) its status."""
        sys.stdout.write(file.diff)
        sys.stdout.flush()
        parts = ", ".join(file.edits)
        hint = edit_hint(self.command_line.update_command())
        if self.command_line.check:
            self.checked.append(FileCheck(file.path, "edited"))
            if self.reporter.github:
                message = f"edited: {parts} changed by hand. {hint}"
                self.reporter.diagnostic("error", Where(shown, file.line), message, counted=False)
            else:
                self.reporter.note(f"{shown}: edited ({parts} changed by hand)")
            return
        message = (f"{parts} changed by hand; not overwritten, the edit would be lost "
                   f"(the lines marked - in the diff). {hint}")
        self.reporter.diagnostic("error", Where(shown, file.line), message)

    def _check_summary(self) -> bool:
        """Under --check, the summary line; whether every file is up to date."""
        if not self.command_line.check:
            return True
        report = CheckReport(tuple(self.checked))
        command = self.command_line.update_command()
        self.reporter.note(check_summary(report, lambda path: display_path(path, self.cwd), command))
        return report.ok

    def _exit_code(self, *, ok: bool) -> int:
        if self.reporter.errors:
            return EXIT_ERROR
        if not ok:
            return EXIT_STALE
        if self.generation.config.strict and self.reporter.warnings:
            self.reporter.note(f"{counted(self.reporter.warnings, 'warning')}, failing (--strict)")
            return EXIT_STALE
        return EXIT_OK

    def _warnings_summary(self) -> None:
        """Without --strict, how many warnings in how many integrations (the last line, or the
        one before the --check summary)."""
        if self.warned and not self.generation.config.strict and not self.reporter.github:
            self.reporter.note(warnings_summary(sum(self.warned.values()), len(self.warned)))
