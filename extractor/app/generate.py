"""The one way from a configuration and paths to outcomes: discover, plan the targets, then make
each document (cache, workers) and settle its file, one integration at a time."""

from __future__ import annotations

import functools
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path

from ..discover import IntegrationRoot, find_integrations
from ..errors import ConfigError
from . import documents
from .cache import CACHE_DIR, ExtractCache
from .config import Config, IntegrationSettings
from .files import settle
from .outcomes import Action, FileOutcome, Outcome
from .pool import in_order, tune_gc, worker_count
from .targets import Joined, Targets, plan_targets

_Job = tuple[IntegrationRoot, IntegrationSettings, Path | None]
"""One integration's task: its root, its effective settings, its cache entry."""


@dataclass(frozen=True)
class Request:
    """What to do with the documents beyond what the configuration says: the command's choices."""

    action: Action = "write"
    output: str | None = None
    """`-o`: a file, a folder, or `-` (stdout); None: `output` of the configuration."""
    jobs: int = 0
    """Worker processes; 0: one per CPU when there are enough integrations to extract."""
    cache: bool = True
    force: bool = False
    """`--force`: write over a person's edits of the generated text (else such a file is
    left alone, its outcome `edited`)."""
    cwd: Path = field(default_factory=Path.cwd)
    """The folder `output` is relative to."""


class Generation:
    """One generation, planned: the integrations found and their targets. Iterating it (once)
    makes the documents and yields each integration's `Outcome` as it is done, in slug order,
    then, when all documents go to one file, that file's `FileOutcome`."""

    def __init__(self, config: Config, request: Request, roots: list[IntegrationRoot], targets: Targets):
        self.config = config
        self.request = request
        self.roots = roots
        self.targets = targets

    def __iter__(self) -> Iterator[Outcome | FileOutcome]:
        joined = self.joined()
        pieces: list[str] = []
        for outcome in self._documents():
            if outcome.text is not None and self.targets.single is not None:
                pieces.append(joined.piece(outcome.text))
            yield self._with_file(outcome)
        text = "".join(pieces) + joined.end()
        if self.targets.single is not None and text:
            yield self._settle(self.targets.single, text)

    def joined(self) -> Joined:
        """A joiner for the documents that go to stdout (`targets.to_stdout`)."""
        return Joined(json=self._json, as_list=self.targets.as_list)

    @property
    def _json(self) -> bool:
        return self.config.format in ("json", "openapi")

    def _with_file(self, outcome: Outcome) -> Outcome:
        """`outcome` with its own file settled, when each integration has one."""
        path = self.targets.per_slug.get(outcome.root.slug)
        if path is None or outcome.text is None:
            return outcome
        return replace(outcome, file=self._settle(path, outcome.text))

    def _settle(self, path: Path, text: str) -> FileOutcome:
        request = self.request
        return settle(path, text, action=request.action, markdown=not self._json, force=request.force)

    def _documents(self) -> Iterator[Outcome]:
        """Every integration's outcome without its file, in order: from the cache here, the rest
        by `worker_count` processes."""
        tune_gc()
        recipe = self._recipe()
        jobs = self._jobs(recipe)
        offload = [entry is None or not entry.is_file() for _, _, entry in jobs]
        workers = worker_count(self.request.jobs, sum(offload))
        if workers > 1:  # imported before the workers start, so that forked ones share them
            documents.load_extract()
            if not recipe.json:
                documents.load_render()
        task = functools.partial(_make, recipe)
        for _, outcome in in_order(jobs, task, offload=offload, workers=workers):
            yield outcome

    def _recipe(self) -> documents.Recipe:
        config = self.config
        return documents.Recipe(
            conventions=config.conventions(),
            cache_folder=config.root / CACHE_DIR if self.request.cache else None,
            json=self._json,
            openapi=self.config.format == "openapi",
            lint_ignore=frozenset(config.lint_ignore) if config.strict else None,
        )

    def _jobs(self, recipe: documents.Recipe) -> list[_Job]:
        folder = recipe.cache_folder
        cache = ExtractCache(folder) if folder is not None else None
        return [
            (root, self.config.settings_for(root.slug), cache.entry(root, recipe.conventions) if cache else None)
            for root in self.roots
        ]


def _make(recipe: documents.Recipe, job: _Job) -> Outcome:
    """One job's outcome (module level: picklable for the workers)."""
    root, settings, entry = job
    return documents.make_document(root, recipe, settings, entry)


def generate(config: Config, request: Request) -> Generation:
    """Plan the documents of `config.paths`: discover the integrations and their targets.

    Raises `ConfigError` (no paths, conflicting or missing targets) and `InputError` (a path
    that doesn't exist or holds no integration) before any document is made; iterate the
    result for the outcomes."""
    if not config.paths:
        raise ConfigError("no PATH given, and no `paths` in [tool.extract-docs]")
    roots = find_integrations(config.paths, ignore=config.ignore, conventions=config.conventions())
    targets = plan_targets(
        config, roots, output=request.output, cwd=request.cwd, check=request.action == "check"
    )
    return Generation(config, request, roots, targets)

