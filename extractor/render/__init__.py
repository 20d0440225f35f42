"""The render stage: the doc model through the Jinja2 templates into the Russian Markdown document.

`markdown` renders; `markers` is the hand-written-region marker format the write stage reads
too. Importing this package is cheap: Jinja2 is imported with `markdown`, on first use of its
names, so that a run answered from the cache never imports it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .markdown import (
        TOP_TEMPLATE,
        normalise_output,
        render_markdown,
        shipped_template_dir,
        template_search_path,
    )

__all__ = [
    "TOP_TEMPLATE",
    "normalise_output",
    "render_markdown",
    "shipped_template_dir",
    "template_search_path",
]


def __getattr__(name: str) -> Any:
    """The renderer's names, imported from `markdown` when first asked for."""
    if name in __all__:
        from . import markdown

        return getattr(markdown, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
