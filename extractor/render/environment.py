"""The Jinja2 environment: template search path, sandbox, filters, region markers, and the
escape-by-default rule: every `{{ … }}` output that is not `Safe` is escaped as prose."""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache
from pathlib import Path
from typing import Any, Final

import jinja2
from jinja2 import nodes
from jinja2.compiler import CodeGenerator, Frame
from jinja2.sandbox import SandboxedEnvironment

from ..errors import TemplateError
from .anchors import anchor
from .escape import Safe, escape_default, escape_fragment
from .filters import FILTERS
from .markers import REGION_NAMES, begin_marker, end_marker
from .prose import PROSE_FILTERS

TOP_TEMPLATE: Final = "integration.md.j2"
"""The top template; section partials live in `sections/` next to it."""


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


def region_begin(name: str) -> Safe:
    """The begin marker of hand-written region `name` (template global)."""
    return Safe(begin_marker(_region_name(name)))


def region_end(name: str) -> Safe:
    """The end marker of hand-written region `name` (template global)."""
    return Safe(end_marker(_region_name(name)))


def _region_name(name: str) -> str:
    if name not in REGION_NAMES:
        raise TemplateError(f"unknown region {name!r}; known: {', '.join(REGION_NAMES)}")
    return name


def _finalize(value: object) -> object:
    """Every `{{ … }}` output: None prints nothing, `Safe` text as it is, anything else as
    escaped prose (so a slot a template forgets to filter is still safe)."""
    return "" if value is None else escape_default(value)


def safe_concat(parts: tuple[Any, ...]) -> str:
    """The template's `~`: `Safe` when a part is `Safe` (the others escaped as prose), else
    the plain text (a filter after it escapes the whole once)."""
    if not any(isinstance(part, Safe) for part in parts):
        return "".join(str(part) for part in parts)
    return Safe("".join(escape_fragment(part) for part in parts if part is not None))


def safe_join(value: Any, separator: str = "") -> str:
    """The `join` filter: `Safe` items stay, others (and the separator) are escaped as prose."""
    items = list(value)
    if not any(isinstance(item, Safe) for item in items):
        return separator.join(str(item) for item in items)
    return Safe(escape_fragment(separator).join(escape_fragment(item) for item in items))


def safe_trim(value: Any) -> str:
    """The `trim` filter, keeping `Safe` text `Safe`."""
    trimmed = str(value).strip()
    return Safe(trimmed) if isinstance(value, Safe) else trimmed


class _SafeConcat(CodeGenerator):
    """Compiles the template's `~` to `safe_concat`, so it can't strip `Safe` from a part."""

    def visit_Concat(self, node: nodes.Concat, frame: Frame) -> None:  # noqa: N802 (Jinja's name)
        """`a ~ b` as `environment.safe_concat((a, b))`."""
        self.write("environment.safe_concat((")
        for arg in node.nodes:
            self.visit(arg, frame)
            self.write(", ")
        self.write("))")


class ContainedLoader(jinja2.FileSystemLoader):
    """A template folder's files only: a template that is (or sits behind) a symlink leading
    out of its folder is not found, so a repository can't make the tool read outside it."""

    def get_source(self, environment: jinja2.Environment, template: str) -> tuple[str, str, Callable[[], bool]]:
        """The source of `template`, when its real path is inside a template folder."""
        source, filename, uptodate = super().get_source(environment, template)
        real = Path(filename).resolve()
        if not any(real.is_relative_to(Path(folder).resolve()) for folder in self.searchpath):
            raise jinja2.TemplateNotFound(template)
        return source, filename, uptodate


class SiteEnvironment(SandboxedEnvironment):
    """The sandbox with escape-by-default output and `Safe`-keeping `~`, `join` and `trim`."""

    code_generator_class = _SafeConcat
    safe_concat = staticmethod(safe_concat)


@lru_cache(maxsize=8)
def environment(search_path: tuple[Path, ...]) -> SandboxedEnvironment:
    """A sandboxed environment with StrictUndefined over `search_path`; every output is
    escaped for its slot (the slot filters) or as prose (`_finalize`)."""
    env = SiteEnvironment(
        loader=ContainedLoader([str(path) for path in search_path]),
        undefined=jinja2.StrictUndefined,
        autoescape=False,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        finalize=_finalize,
    )
    env.filters.update(FILTERS)
    env.filters.update(PROSE_FILTERS)
    env.filters.update(join=safe_join, trim=safe_trim)
    env.filters["anchor"] = anchor
    env.globals.update(
        region_begin=region_begin, region_end=region_end, region_names=REGION_NAMES,
        param_places=PARAMETER_PLACES,
    )
    return env
