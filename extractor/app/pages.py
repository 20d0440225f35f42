"""The documents as site pages (`extract-docs preview`): generated like the default command's,
with front matter, and with the hand-written regions of the files they are written to."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from ..discover import IntegrationRoot
from .config import Config, effective_config
from .generate import Request, generate
from .outcomes import Outcome
from .paths import safe_slug
from .site import SitePage


@dataclass(frozen=True)
class Collected:
    """The pages of one generation, the files they come from, and what failed."""

    pages: list[SitePage]
    sources: list[Path]
    problems: list[str]


def collect_pages(paths: Sequence[Path], *, cwd: Path, config_file: Path | None = None) -> Collected:
    """Every integration under `paths` (default: the configuration's) as a site page, in
    sidebar order: `sidebar_order` first, then by slug. Nothing is written."""
    values = {"paths": list(paths) or None, "format": "markdown", "front_matter": True}
    config, _ = effective_config(values, cwd, config_file=config_file)
    generation = generate(config, Request(action="preview", cwd=cwd))
    ranked: list[tuple[tuple[bool, int, int], SitePage]] = []
    problems: list[str] = []
    for index, outcome in enumerate(item for item in generation if isinstance(item, Outcome)):
        if outcome.error is not None:
            problems.append(f"{outcome.error.location or outcome.root.path}: error: {outcome.error.message}")
        if outcome.text is None:
            continue
        text = outcome.file.text if outcome.file is not None else outcome.text
        page = SitePage(slug=outcome.root.slug, title=outcome.title, text=text)
        ranked.append((_sidebar_rank(config, outcome.root.slug, index), page))
    pages = [page for _, page in sorted(ranked, key=lambda item: item[0])]
    return Collected(_unique(pages), _sources(config, generation.roots), problems)


def _sidebar_rank(config: Config, slug: str, index: int) -> tuple[bool, int, int]:
    order = config.settings_for(slug).sidebar_order
    return order is None, order or 0, index


def _sources(config: Config, roots: Iterable[IntegrationRoot]) -> list[Path]:
    """The files whose change changes the pages: the config file and every integration's."""
    sources: list[Path] = [config.file] if config.file else []
    for root in roots:
        sources += [*root.files, *([root.changelog] if root.changelog else [])]
    return sources


def _unique(pages: Iterable[SitePage]) -> list[SitePage]:
    """Pages with file-name-safe, distinct slugs (`index` is the start page's)."""
    taken = {"index"}
    result: list[SitePage] = []
    for page in pages:
        base = safe_slug(page.slug)
        slug, number = base, 1
        while slug.lower() in taken:
            number += 1
            slug = f"{base}-{number}"
        taken.add(slug.lower())
        result.append(SitePage(slug=slug, title=page.title, text=page.text))
    return result
