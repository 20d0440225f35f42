"""Extracting several integrations: the cache, one worker per integration, optional processes.

The pipeline and the renderer are imported lazily (they pull in libcst and Jinja2), through
`load_extract` / `load_render`, which tests may replace.
"""

from __future__ import annotations

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


@dataclass(frozen=True)
class Failure:
    """An `ExtractDocsError` of one integration, as plain (picklable) data."""

    kind: str
    message: str
    location: str | None


def extract_one(
    root: IntegrationRoot, options: ExtractOptions, cache_folder: Path | None
) -> Integration | Failure:
    """Extract one integration (from the cache when it has it); errors become `Failure`."""
    from extractor.cache import ExtractCache

    cache = ExtractCache(cache_folder) if cache_folder is not None else None
    try:
        cached = cache.get(root, options) if cache else None
        if cached is not None:
            return cached
        doc = load_extract()(root, options)
    except ExtractDocsError as exc:
        return Failure(type(exc).__name__, exc.message, exc.location)
    if cache is not None:
        cache.put(root, options, doc)
    return doc


def extract_all(
    roots: Sequence[IntegrationRoot],
    options: ExtractOptions,
    *,
    cache_folder: Path | None,
    jobs: int,
) -> Iterator[tuple[IntegrationRoot, Integration | Failure]]:
    """Extract every root, in order; `jobs` > 1 uses that many processes (0: one per CPU)."""
    workers = min(jobs or os.cpu_count() or 1, len(roots))
    if workers <= 1:
        for root in roots:
            yield root, extract_one(root, options, cache_folder)
        return
    with ProcessPoolExecutor(max_workers=workers) as pool:
        futures = [pool.submit(extract_one, root, options, cache_folder) for root in roots]
        for root, future in zip(roots, futures, strict=True):
            yield root, future.result()
