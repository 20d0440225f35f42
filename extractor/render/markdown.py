"""The doc model through the Jinja2 templates into the Russian Markdown document."""

from __future__ import annotations

import re
import traceback
from pathlib import Path

import jinja2

from ..errors import TemplateError
from ..model import Integration
from .environment import (
    TOP_TEMPLATE,
    environment,
    shipped_template_dir,
    template_search_path,
)
from .front_matter import front_matter as front_matter_pairs
from .view import build_view

__all__ = [
    "TOP_TEMPLATE",
    "normalise_output",
    "render_markdown",
    "shipped_template_dir",
    "template_search_path",
]

_BLANK_RUNS = re.compile(r"\n{3,}")


def normalise_output(text: str) -> str:
    """LF only, no trailing spaces, at most one blank line in a row, exactly one final newline."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = "\n".join(line.rstrip(" \t") for line in text.split("\n"))
    return _BLANK_RUNS.sub("\n\n", text).strip("\n") + "\n"


def render_markdown(
    doc: Integration,
    *,
    template_dir: Path | None = None,
    webhook_base_url: str | None = None,
    front_matter: bool = False,
    sidebar_order: int | None = None,
    links: tuple[tuple[str, str], ...] = (),
) -> str:
    """Render `doc` as the platform's Markdown document.

    `template_dir` (the user's `--template DIR`) overrides the whole template or single
    section partials; `webhook_base_url` replaces the literal `{WEBHOOK_BASE_URL}`;
    `links` are the site-wide (title, URL) pairs of Следующие шаги;
    `front_matter` starts the document with YAML front matter (title, description and, when
    given, `order: sidebar_order`) for a documentation site.
    Raises `TemplateError` when a template is missing, malformed or fails to render.
    """
    search_path = tuple(template_search_path(template_dir))
    view = build_view(doc, webhook_base_url)
    pairs = front_matter_pairs(doc, view.title, sidebar_order) if front_matter else []
    context = {"doc": doc, "view": view, "front_matter": pairs, "links": links}
    try:
        template = environment(search_path).get_template(TOP_TEMPLATE)
        return normalise_output(template.render(context))
    except jinja2.TemplateSyntaxError as error:
        raise TemplateError(error.message or str(error), _where(error)) from error
    except jinja2.TemplateNotFound as error:
        raise TemplateError(f"template not found: {error.name}", str(search_path[0])) from error
    except jinja2.TemplateError as error:
        where = _template_frame(error) or str(search_path[0])
        raise TemplateError(f"template failed to render: {error}", where) from error


def _where(error: jinja2.TemplateSyntaxError) -> str:
    name = error.filename or error.name or TOP_TEMPLATE
    return f"{name}:{error.lineno}"


def _template_frame(error: BaseException) -> str | None:
    """`template:line` of the innermost template frame of the traceback, if any."""
    found = None
    for frame, line in traceback.walk_tb(error.__traceback__):
        if frame.f_code.co_filename.endswith(".j2"):
            found = f"{frame.f_code.co_filename}:{line}"
    return found
