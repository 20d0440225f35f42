"""Extracting several integrations: the cache first, then worker processes for the rest
(by default one per CPU, when there are enough to extract), and the rendered-document cache.

The pipeline and the renderer are imported lazily (they pull in libcst and Jinja2), through
`load_extract` / `load_render`, which tests may replace.
"""

from __future__ import annotations

import gc
import os
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from extractor.discover import IntegrationRoot
from extractor.errors import ExtractDocsError
from extractor.model import Integration
from extractor.options import ExtractOptions

ExtractFn = Callable[[IntegrationRoot, ExtractOptions], Integration]


class RenderFn(Protocol):
    """The renderer's signature (`extractor.render.render_markdown`)."""

    def __call__(
        self, doc: Integration, *, template_dir: Path | None = ..., webhook_base_url: str | None = ...,
        front_matter: bool = ..., sidebar_order: int | None = ...,
    ) -> str: ...


def load_extract() -> ExtractFn:
    """The pipeline entry point (imports libcst)."""
    from extractor.pipeline import extract

    return extract


def load_render() -> RenderFn:
    """The Markdown renderer (imports Jinja2)."""
    from extractor.render import render_markdown

    return render_markdown


_SHIPPED_LOADER = load_render


def renderer(cache_folder: Path | None) -> RenderFn:
    """The renderer, its documents kept in the cache when the cache is on and the renderer is
    the shipped one (a replaced `load_render`, as in tests, is never cached). The renderer
    (Jinja2) is imported only when a document isn't in the cache."""
    if cache_folder is None or load_render is not _SHIPPED_LOADER:
        return load_render()
    from extractor.cache import RenderCache

    cached: RenderFn = RenderCache(cache_folder).wrap(load_render)
    return cached


@dataclass(frozen=True)
class Failure:
    """An `ExtractDocsError` of one integration, as plain (picklable) data."""

    kind: str
    message: str
    location: str | None


def extract_one(
    root: IntegrationRoot, options: ExtractOptions, cache_folder: Path | None, *, lookup: bool = True
) -> Integration | Failure:
    """Extract one integration (from the cache when it has it, unless `lookup` is False: the
    caller looked already); errors become `Failure`."""
    from extractor.cache import ExtractCache

    cache = ExtractCache(cache_folder) if cache_folder is not None else None
    try:
        cached = cache.get(root, options) if cache and lookup else None
        if cached is not None:
            return cached
        doc = load_extract()(root, options)
    except ExtractDocsError as exc:
        return Failure(type(exc).__name__, exc.message, exc.location)
    if cache is not None:
        cache.put(root, options, doc)
    return doc


GC_THRESHOLD = 50_000
AUTO_MIN_WORK = 6
"""Without --jobs, worker processes start only when this many integrations need extracting:
below it, starting them costs more than they save."""


def tune_gc() -> None:
    """Collect garbage less often: parsing allocates many objects that live until the
    integration is done, and the default threshold (700) makes the collector rescan them."""
    first, *rest = gc.get_threshold()
    if first < GC_THRESHOLD:
        gc.set_threshold(GC_THRESHOLD, *rest)


def worker_count(jobs: int, work: int) -> int:
    """Processes for `work` integrations: `jobs` when given (> 0); by default one per CPU
    when there is enough work, else none (1: extract in this process)."""
    if jobs > 0:
        return max(1, min(jobs, work))
    if work < AUTO_MIN_WORK:
        return 1
    return max(1, min(os.cpu_count() or 1, work))


def extract_all(
    roots: Sequence[IntegrationRoot],
    options: ExtractOptions,
    *,
    cache_folder: Path | None,
    jobs: int,
) -> Iterator[tuple[IntegrationRoot, Integration | Failure]]:
    """Extract every root, in order. Cached ones are read here; the rest is extracted by
    `worker_count(jobs, …)` processes (0: the default, one per CPU when worth it)."""
    from extractor.cache import ExtractCache

    tune_gc()
    cache = ExtractCache(cache_folder) if cache_folder is not None else None
    cached = [cache.get(root, options) if cache else None for root in roots]
    workers = worker_count(jobs, sum(doc is None for doc in cached))
    if workers <= 1:
        for root, doc in zip(roots, cached, strict=True):
            yield root, doc if doc is not None else extract_one(root, options, cache_folder, lookup=False)
        return
    load_extract()  # imported before the workers start, so that forked ones share it
    with ProcessPoolExecutor(max_workers=workers) as pool:
        futures = {
            index: pool.submit(extract_one, root, options, cache_folder, lookup=False)
            for index, (root, doc) in enumerate(zip(roots, cached, strict=True)) if doc is None
        }
        for index, (root, doc) in enumerate(zip(roots, cached, strict=True)):
            yield root, doc if doc is not None else futures[index].result()
