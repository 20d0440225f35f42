"""One integration's document: its doc model (from the cache or the pipeline), then its text.

`make_document` runs in this process or in a worker (its arguments and result are plain,
picklable data). The pipeline (libcst) and the renderer (Jinja2) are imported only when a doc
model or a document is not in the cache, through `load_extract` / `load_render`, which tests
may replace.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

from ..conventions import Conventions
from ..diagnostics import Diagnostic
from ..discover import IntegrationRoot
from ..errors import DEBUG_VARIABLE, ExtractDocsError
from ..model import Integration
from ..secrets import mask_text
from .cache import DocumentCache, ExtractCache, RenderCache
from .config import IntegrationSettings
from .lint import lint
from .ordering import arrange
from .outcomes import Outcome

ExtractFn = Callable[[IntegrationRoot, Conventions], Integration]
OpenAPIFn = Callable[[IntegrationRoot, Conventions], tuple[dict[str, Any], list[Diagnostic]]]


class RenderFn(Protocol):
    """The renderer's signature (`extractor.render.render_markdown`)."""

    def __call__(
        self, doc: Integration, *, template_dir: Path | None = ..., webhook_base_url: str | None = ...,
        front_matter: bool = ..., sidebar_order: int | None = ..., links: tuple[tuple[str, str], ...] = ...,
    ) -> str: ...


def load_extract() -> ExtractFn:
    """The pipeline entry point (imports libcst)."""
    from ..pipeline import extract

    return extract


def load_render() -> RenderFn:
    """The Markdown renderer (imports Jinja2)."""
    from ..render import render_markdown

    return render_markdown


_SHIPPED_LOADER = load_render


def renderer(cache_folder: Path | None) -> RenderFn:
    """The renderer, its documents kept in the cache when the cache is on and the renderer is
    the shipped one (a replaced `load_render`, as in tests, is never cached)."""
    if cache_folder is None or load_render is not _SHIPPED_LOADER:
        return load_render()
    cached: RenderFn = RenderCache(cache_folder).wrap(load_render)
    return cached


@dataclass(frozen=True)
class Recipe:
    """How every document of a run is made: the same for all integrations, sent to workers."""

    conventions: Conventions
    cache_folder: Path | None
    """`.extract-docs-cache/` of the project; None: no cache."""
    json: bool
    """`--format json`: the doc model as JSON instead of the Markdown document."""
    lint_ignore: frozenset[str] | None
    """Lint rules not applied; None: no lint (only `--strict` lints)."""
    openapi: bool = False
    """`--format openapi`: the integration's OpenAPI 3.1 document (made from the IR, not cached)."""


def doc_json(doc: Integration) -> str:
    """The `--format json` text of one doc model: an indented object and a newline."""
    return json.dumps(doc.model_dump(mode="json", by_alias=True), ensure_ascii=False, indent=2) + "\n"


def make_document(
    root: IntegrationRoot, recipe: Recipe, settings: IntegrationSettings, entry: Path | None
) -> Outcome:
    """Extract (or load from the cache `entry`) and render one integration (no file yet).

    A finished document in the cache is returned as it is (no doc model is loaded, nothing is
    rendered). An `ExtractDocsError` becomes the document's `error`; so does any other
    exception (a bug met on this integration's code: the run goes on with the others), unless
    EXTRACT_DOCS_DEBUG is set. `--format openapi` makes the OpenAPI document instead (not cached)."""
    if recipe.openapi:
        return _isolated(root, lambda: _openapi(root, recipe, settings))
    finished = _finished_entry(recipe, settings, entry)
    cached = DocumentCache.load(finished) if finished is not None else None
    if cached is not None:
        title, text, warnings = cached
        return Outcome(root, title, text, warnings)
    outcome = _isolated(root, lambda: _make(root, recipe, settings, entry))
    if finished is not None and recipe.cache_folder is not None and outcome.text is not None:
        DocumentCache(recipe.cache_folder).store(finished, outcome.title, outcome.text, outcome.warnings)
    return outcome


def _isolated(root: IntegrationRoot, make: Callable[[], Outcome]) -> Outcome:
    """`make()`, with any exception but an interrupt turned into this integration's error (a bug
    met on its code: the run goes on with the others), unless EXTRACT_DOCS_DEBUG is set."""
    try:
        return make()
    except BaseException as exc:  # a pydantic-core panic is a BaseException
        if os.environ.get(DEBUG_VARIABLE) or isinstance(exc, KeyboardInterrupt | SystemExit | GeneratorExit):
            raise
        message = f"internal error ({type(exc).__name__}: {mask_text(str(exc))}); this is a bug in extract-docs"
        return Outcome(root, root.slug, None, error=Diagnostic(str(root.path), message))


def load_openapi() -> OpenAPIFn:
    """The OpenAPI entry point of the pipeline (imports libcst)."""
    from ..pipeline import openapi

    return openapi


def _openapi(root: IntegrationRoot, recipe: Recipe, settings: IntegrationSettings) -> Outcome:
    """`--format openapi`: one integration's OpenAPI document as indented JSON."""
    try:
        document, warnings = load_openapi()(root, recipe.conventions)
    except ExtractDocsError as exc:
        return Outcome(root, root.slug, None, error=_diagnostic(exc))
    if settings.name:
        document["info"]["title"] = settings.name
    text = json.dumps(document, ensure_ascii=False, indent=2) + "\n"
    return Outcome(root, str(document["info"]["title"]), text, tuple(warnings))


def _finished_entry(recipe: Recipe, settings: IntegrationSettings, entry: Path | None) -> Path | None:
    """The finished document's cache entry (None: no cache, or a replaced renderer, as in tests)."""
    if entry is None or recipe.cache_folder is None or load_render is not _SHIPPED_LOADER:
        return None
    key = repr((recipe.json, sorted(recipe.lint_ignore) if recipe.lint_ignore is not None else None, settings))
    return DocumentCache(recipe.cache_folder).entry(entry, key, settings.template)


def _make(root: IntegrationRoot, recipe: Recipe, settings: IntegrationSettings, entry: Path | None) -> Outcome:
    """Extract (or load the doc model) and render one integration."""
    try:
        doc = _doc_model(root, recipe, entry)
    except ExtractDocsError as exc:
        return Outcome(root, root.slug, None, error=_diagnostic(exc))
    if settings.name:
        doc = doc.model_copy(update={"name": settings.name})
    doc = arrange(doc, settings.sort)
    warnings = _warnings(doc, recipe.lint_ignore, bool(settings.links))
    try:
        text = doc_json(doc) if recipe.json else _render(doc, recipe, settings)
    except ExtractDocsError as exc:
        return Outcome(root, doc.name or root.slug, None, warnings, _diagnostic(exc))
    return Outcome(root, doc.name or root.slug, text, warnings)


def _doc_model(root: IntegrationRoot, recipe: Recipe, entry: Path | None) -> Integration:
    if entry is None or recipe.cache_folder is None:
        return load_extract()(root, recipe.conventions)
    cached = ExtractCache.load(entry)
    if cached is not None:
        return cached
    doc = load_extract()(root, recipe.conventions)
    ExtractCache(recipe.cache_folder).store(entry, doc)
    return doc


def _render(doc: Integration, recipe: Recipe, settings: IntegrationSettings) -> str:
    return renderer(recipe.cache_folder)(
        doc,
        template_dir=settings.template,
        webhook_base_url=settings.webhook_base_url,
        front_matter=settings.front_matter,
        sidebar_order=settings.sidebar_order,
        links=settings.links,
    )


def _warnings(doc: Integration, lint_ignore: frozenset[str] | None, site_links: bool) -> tuple[Diagnostic, ...]:
    found = [Diagnostic(warning.location, warning.message) for warning in doc.warnings]
    if lint_ignore is not None:
        found += [Diagnostic(f.location, f"{f.message} [{f.rule}]")
                  for f in lint(doc, ignore=lint_ignore, site_links=site_links)]
    return tuple(found)


def _diagnostic(exc: ExtractDocsError) -> Diagnostic:
    return Diagnostic(exc.location or "", exc.message)
