"""The default command: discover, extract, render, then print, write, or --check.

Returns an exit code; raises `ExtractDocsError` for what stops the whole run (the caller
prints it). Errors of one integration are reported and the others still go through.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from extractor.cache import CACHE_DIR
from extractor.cli import work
from extractor.cli.options import RunOptions, base_folder, is_folder_target
from extractor.cli.report import (
    Reporter,
    Where,
    check_summary,
    display_path,
    fancy_progress_wanted,
    locate,
)
from extractor.cli.report import progress as progress_bar
from extractor.config import Config, effective_config
from extractor.discover import IntegrationRoot, find_integrations
from extractor.errors import ConfigError, ExtractDocsError
from extractor.lint import lint
from extractor.model import Integration
from extractor.ordering import arrange
from extractor.write import check, compose, output_path, read_existing, write_if_changed

EXIT_OK, EXIT_STALE, EXIT_ERROR = 0, 1, 2
"""0 done; 1 stale files (--check) or warnings (--strict); 2 an error: usage, configuration,
an input that can't be documented, an output that can't be written."""


def doc_json(value: Integration | list[Integration]) -> str:
    """The `--format json` text of one doc model (an object) or several (a list)."""
    data: Any
    if isinstance(value, list):
        data = [doc.model_dump(mode="json", by_alias=True) for doc in value]
    else:
        data = value.model_dump(mode="json", by_alias=True)
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


@dataclass
class _Plan:
    """Where the documents go: stdout (no paths), one file, or one file per integration."""

    per_slug: dict[str, Path] = field(default_factory=dict)
    single: Path | None = None

    @property
    def to_stdout(self) -> bool:
        return self.single is None and not self.per_slug


class Run:
    """One run of the default command."""

    def __init__(self, options: RunOptions, config: Config, reporter: Reporter, cwd: Path):
        self.options = options
        self.config = config
        self.reporter = reporter
        self.cwd = cwd
        self.json = config.format == "json"

    def execute(self) -> int:
        """Document every integration; the exit code."""
        if not self.config.paths:
            raise ConfigError("no PATH given, and no `paths` in [tool.extract-docs]")
        roots = find_integrations(
            self.config.paths, ignore=self.config.ignore, options=self.config.extract_options()
        )
        plan = self._plan(roots)
        docs = self._extract(roots)
        self._report_warnings(docs)
        texts = self._render(docs)
        if plan.to_stdout:
            sys.stdout.write(self._stdout_text(roots, docs, texts))
            sys.stdout.flush()
            return self._exit_code(ok=True)
        planned = self._planned_files(plan, roots, docs, texts)
        ok = self._check(planned) if self.options.check else self._write(planned)
        return self._exit_code(ok=ok)

    # -- planning -------------------------------------------------------------------------

    def _plan(self, roots: Sequence[IntegrationRoot]) -> _Plan:
        out = self.options.output
        pattern = self.config.output or ("{slug}.json" if self.json else "{slug}.md")
        if out == "-" or (out is None and not self.config.output):
            if self.options.check:
                raise ConfigError("--check needs -o FILE|DIR or `output` in [tool.extract-docs]")
            return _Plan()
        if out is not None and not is_folder_target(out):
            if len(roots) > 1 and not self.json:
                raise ConfigError(
                    f"-o {out} is one file but {len(roots)} integrations were found; "
                    "give a folder (-o DIR/) to write one file per integration"
                )
            return _Plan(single=self.cwd / out)
        base = self.cwd / out if out is not None else self.config.root
        return _Plan(per_slug=self._paths(roots, base, pattern))

    def _paths(
        self, roots: Sequence[IntegrationRoot], base: Path, pattern: str
    ) -> dict[str, Path]:
        paths: dict[str, Path] = {}
        owners: dict[Path, str] = {}
        for root in roots:
            own = self.config.override(root.slug).output or pattern
            path = output_path(
                base, own, slug=root.slug, folder=base_folder(root), root=self.config.root
            )
            if path in owners:
                raise ConfigError(
                    f"integrations {owners[path]!r} and {root.slug!r} would both write {path}; "
                    "set `output` in [tool.extract-docs.overrides.<slug>]"
                )
            owners[path] = root.slug
            paths[root.slug] = path
        return paths

    # -- extraction, warnings, rendering --------------------------------------------------

    def _extract(self, roots: Sequence[IntegrationRoot]) -> list[tuple[IntegrationRoot, Integration]]:
        cache = self.config.root / CACHE_DIR if self.options.cache else None
        fancy = fancy_progress_wanted(sys.stderr, self.options.quiet)
        docs: list[tuple[IntegrationRoot, Integration]] = []
        with progress_bar(len(roots), enabled=fancy) as advance:
            for root, outcome in work.extract_all(
                roots, self.config.extract_options(), cache_folder=cache, jobs=self.options.jobs
            ):
                advance(root.slug)
                if isinstance(outcome, work.Failure):
                    where = locate(outcome.location, base_folder(root), self.cwd)
                    self.reporter.diagnostic("error", where, outcome.message)
                    continue
                docs.append((root, self._adjust(root, outcome)))
        return docs

    def _adjust(self, root: IntegrationRoot, doc: Integration) -> Integration:
        name = self.config.override(root.slug).name
        if name:
            doc = doc.model_copy(update={"name": name})
        return arrange(doc, self.config.sort)

    def _report_warnings(self, docs: Sequence[tuple[IntegrationRoot, Integration]]) -> None:
        """The doc models' warnings; under --strict also the lint findings (extractor.lint)."""
        ignore = frozenset(self.config.lint_ignore)
        for root, doc in docs:
            for warning in doc.warnings:
                where = locate(warning.location, base_folder(root), self.cwd)
                self.reporter.diagnostic("warning", where, warning.message)
            if not self.config.strict:
                continue
            for finding in lint(doc, ignore=ignore):
                where = locate(finding.location, base_folder(root), self.cwd)
                self.reporter.diagnostic("warning", where, f"{finding.message} [{finding.rule}]")

    def _render(self, docs: Sequence[tuple[IntegrationRoot, Integration]]) -> dict[str, str]:
        texts: dict[str, str] = {}
        cache = self.config.root / CACHE_DIR if self.options.cache else None
        render = None if self.json else work.renderer(cache)
        for root, doc in docs:
            if render is None:
                texts[root.slug] = doc_json(doc)
                continue
            override = self.config.override(root.slug)
            try:
                texts[root.slug] = render(
                    doc,
                    template_dir=override.template or self.config.template,
                    webhook_base_url=override.webhook_base_url or self.config.webhook_base_url,
                    front_matter=self.config.front_matter,
                    sidebar_order=override.sidebar_order,
                )
            except ExtractDocsError as exc:
                self.reporter.diagnostic("error", locate(exc.location, None, self.cwd), exc.message)
        return texts

    # -- output ---------------------------------------------------------------------------

    def _wants_list(self, roots: Sequence[IntegrationRoot]) -> bool:
        """JSON gives a list unless a single PATH is itself the only integration."""
        paths = self.config.paths
        if len(roots) != 1 or len(paths) != 1:
            return True
        return roots[0].path.resolve() != Path(paths[0]).resolve()

    def _json_value(
        self, roots: Sequence[IntegrationRoot], docs: Sequence[tuple[IntegrationRoot, Integration]],
        texts: dict[str, str],
    ) -> str:
        done = [doc for root, doc in docs if root.slug in texts]
        if self._wants_list(roots):
            return doc_json(done)
        return doc_json(done[0]) if done else ""

    def _stdout_text(
        self, roots: Sequence[IntegrationRoot], docs: Sequence[tuple[IntegrationRoot, Integration]],
        texts: dict[str, str],
    ) -> str:
        if self.json:
            return self._json_value(roots, docs, texts)
        return "\n".join(texts[root.slug] for root, _ in docs if root.slug in texts)

    def _planned_files(
        self, plan: _Plan, roots: Sequence[IntegrationRoot],
        docs: Sequence[tuple[IntegrationRoot, Integration]], texts: dict[str, str],
    ) -> list[tuple[Path, str]]:
        if plan.single is not None:
            text = self._stdout_text(roots, docs, texts)
            generated = [(plan.single, text)] if text else []
        else:
            generated = [(plan.per_slug[slug], text) for slug, text in texts.items()]
        planned: list[tuple[Path, str]] = []
        for path, text in generated:
            try:
                existing = read_existing(path)
                shown = display_path(path, self.cwd)
                planned.append((path, compose(text, existing, path=shown, markdown=not self.json)))
            except ExtractDocsError as exc:
                self.reporter.diagnostic("error", locate(exc.location, None, self.cwd), exc.message)
        return planned

    def _write(self, planned: Sequence[tuple[Path, str]]) -> bool:
        for path, text in planned:
            shown = display_path(path, self.cwd)
            try:
                written = write_if_changed(path, text)
            except OSError as exc:
                self.reporter.diagnostic("error", Where(shown), f"can't write: {exc.strerror}")
                continue
            self.reporter.status(f"{'wrote' if written else 'unchanged'} {shown}")
        return True

    def _check(self, planned: Sequence[tuple[Path, str]]) -> bool:
        report = check(planned)
        command = self.options.update_command()
        for item in report.problems:
            sys.stdout.write(item.diff)
            shown = display_path(item.path, self.cwd)
            if self.reporter.github:
                message = f"{item.status}: run `{command}` to update it"
                self.reporter.diagnostic("error", Where(shown, item.line), message, counted=False)
            else:
                self.reporter.note(f"{shown}: {item.status}")
        sys.stdout.flush()
        self.reporter.note(check_summary(report, lambda path: display_path(path, self.cwd), command))
        return report.ok

    def _exit_code(self, *, ok: bool) -> int:
        if self.reporter.errors:
            return EXIT_ERROR
        if not ok:
            return EXIT_STALE
        if self.config.strict and self.reporter.warnings:
            count = self.reporter.warnings
            self.reporter.note(f"{count} warning{'s' if count != 1 else ''}, failing (--strict)")
            return EXIT_STALE
        return EXIT_OK


def run_document(options: RunOptions, *, cwd: Path | None = None) -> int:
    """Run the default command; `ExtractDocsError` propagates for the caller to print."""
    here = cwd or Path.cwd()
    config, _ = effective_config(options.config_values(), here, config_file=options.config)
    reporter = Reporter(annotations=config.annotations, quiet=options.quiet)
    return Run(options, config, reporter, here).execute()
