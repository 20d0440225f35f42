"""The Jinja2 environment: template search path, sandbox, filters, region markers, finalize."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Final

import jinja2
from jinja2.sandbox import SandboxedEnvironment

from ..errors import TemplateError
from .anchors import anchor
from .filters import FILTERS
from .markers import REGION_NAMES, begin_marker, defuse_markers, end_marker
from .prose import PROSE_FILTERS

TOP_TEMPLATE: Final = "integration.md.j2"
"""The top template; section partials live in `sections/` next to it."""


class Trusted(str):
    """Text the renderer itself produced (region markers): `finalize` leaves it alone."""

    __slots__ = ()


PARAMETER_PLACES = {"path": "путь", "query": "строка запроса", "header": "заголовок", "cookie": "cookie"}
"""Where a web-framework route parameter is sent, in the document's words."""


def shipped_template_dir() -> Path:
    """The templates shipped with the tool: in the wheel, else the repository's `templates/`."""
    package_dir = Path(__file__).resolve().parent.parent
    for candidate in (package_dir / "templates", package_dir.parent / "templates"):
        if (candidate / TOP_TEMPLATE).is_file():
            return candidate
    raise TemplateError("the shipped templates are missing", str(package_dir))


def template_search_path(template_dir: Path | None) -> list[Path]:
    """Where templates are looked up: the user's `--template DIR` first, the shipped ones second.

    A user directory may override the whole document (`integration.md.j2`) or only some
    section partials (`sections/<name>.md.j2`); whatever it lacks comes from the shipped set.
    """
    shipped = shipped_template_dir()
    if template_dir is None:
        return [shipped]
    if not template_dir.is_dir():
        raise TemplateError("the template directory does not exist", str(template_dir))
    return [template_dir.resolve(), shipped]


def region_begin(name: str) -> Trusted:
    """The begin marker of hand-written region `name` (template global)."""
    return Trusted(begin_marker(_region_name(name)))


def region_end(name: str) -> Trusted:
    """The end marker of hand-written region `name` (template global)."""
    return Trusted(end_marker(_region_name(name)))


def _region_name(name: str) -> str:
    if name not in REGION_NAMES:
        raise TemplateError(f"unknown region {name!r}; known: {', '.join(REGION_NAMES)}")
    return name


def _finalize(value: object) -> object:
    """Every `{{ … }}` output: None prints nothing, marker look-alikes in data are defused."""
    if value is None:
        return ""
    if isinstance(value, Trusted):
        return value
    return defuse_markers(str(value))


@lru_cache(maxsize=8)
def environment(search_path: tuple[Path, ...]) -> SandboxedEnvironment:
    """A sandboxed, autoescape-free environment with StrictUndefined over `search_path`."""
    env = SandboxedEnvironment(
        loader=jinja2.FileSystemLoader([str(path) for path in search_path]),
        undefined=jinja2.StrictUndefined,
        autoescape=False,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        finalize=_finalize,
    )
    env.filters.update(FILTERS)
    env.filters.update(PROSE_FILTERS)
    env.filters["anchor"] = anchor
    env.globals.update(
        region_begin=region_begin, region_end=region_end, region_names=REGION_NAMES,
        param_places=PARAMETER_PLACES,
    )
    return env
