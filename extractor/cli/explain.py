"""`extract-docs explain PATH...`: each fact of an integration's document and the file and line it came from.

A table per integration (rich), grouped by the template's sections, its locations relative to
the integration's folder (named in its title), or (`--format json`) one object per
integration, its locations relative to the current folder. Warnings follow the table.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from rich.console import Console
from rich.table import Table
from rich.text import Text

from ..app.config import effective_config
from ..app.explain import Explanation, explain
from .report import display_path, locate

EXIT_OK = 0
EXIT_ERROR = 2


def run_explain(paths: list[Path], *, config_file: Path | None, as_json: bool, cwd: Path | None = None) -> int:
    """Print the explanation of every integration under `paths`; the exit code (2 when one
    could not be read). `ExtractDocsError` propagates for the caller to print."""
    here = cwd or Path.cwd()
    config, _ = effective_config({"paths": paths or None}, here, config_file=config_file)
    explanations = explain(config)
    if as_json:
        data = [_with_display_paths(item, here) for item in explanations]
        sys.stdout.write(json.dumps(data[0] if len(data) == 1 else data, ensure_ascii=False, indent=2) + "\n")
    else:
        console = Console(soft_wrap=False, highlight=False, width=_width())
        for item in explanations:
            _print(console, item, here)
    return EXIT_ERROR if any(item.error is not None for item in explanations) else EXIT_OK


def _width() -> int | None:
    """The terminal's width on a terminal; else wide enough that a pipe or file gets whole lines."""
    return None if sys.stdout.isatty() else 160


def _shown(location: str, item: Explanation, cwd: Path) -> str:
    where = locate(location, item.root.folder, cwd)
    if where is None:
        return location
    return f"{where.path}:{where.line}" if where.line else where.path


def _with_display_paths(item: Explanation, cwd: Path) -> dict[str, object]:
    data = item.as_json()
    data["folder"] = display_path(item.root.folder, cwd)
    for fact, source in zip(data["facts"], item.facts, strict=True):
        fact["locations"] = [_shown(location, item, cwd) for location in source.locations]
    for warning in data["warnings"]:
        warning["location"] = _shown(warning["location"], item, cwd)
    return data


def _print(console: Console, item: Explanation, cwd: Path) -> None:
    """One integration: its table of facts, then its warnings or its error."""
    if item.error is not None:
        where = _shown(item.error.location, item, cwd)
        console.print(f"{where}: error: {item.error.message}", markup=False)
        return
    title = Text(f"{item.name}: facts read from {_shown(str(item.root.folder), item, cwd)}/")
    table = Table(title=title, title_justify="left")
    for header, style in (("Section", "bold"), ("Fact", ""), ("Value", ""), ("Read from", "cyan")):
        table.add_column(header, style=style, overflow="fold")
    section = None
    for fact in item.facts:
        if fact.section != section and section is not None:
            table.add_section()
        shown_section = fact.section if fact.section != section else ""
        section = fact.section
        places = ", ".join(fact.locations) or "—"  # relative to the folder in the title
        table.add_row(*(Text(cell) for cell in (shown_section, fact.fact, fact.value, places)))
    console.print(table)
    for warning in item.warnings:
        console.print(f"{_shown(warning.location, item, cwd)}: warning: {warning.message}", markup=False)
    count = len(item.warnings)
    console.print(f"{len(item.facts)} facts, {count} warning{'' if count == 1 else 's'}", markup=False)
