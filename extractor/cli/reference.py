"""The command-line reference of docs/cli.md, generated from the typer commands themselves.

`python -m extractor.cli.reference [--check] [PAGE]` rewrites the generated parts of PAGE
(default `docs/cli.md`): the synopsis between `<!-- cli-synopsis:begin -->` and
`<!-- cli-synopsis:end -->`, and every command's `--help` between `<!-- cli-reference:begin -->`
and `<!-- cli-reference:end -->`. Everything outside the markers is left as it is. With
`--check` nothing is written and a stale page exits 1 (tests/test_cli_reference.py runs it).
"""

from __future__ import annotations

import argparse
import re
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import typer

from ..errors import InputError
from .commands import SUBCOMMANDS, document_app, sub_app
from .exits import guarded
from .generated import write_or_check

PROG = "extract-docs"
WIDTH = 100
"""The help's line width: fixed, so that the page does not depend on the terminal."""
PAGE = Path("docs") / "cli.md"
REGENERATE = "python -m extractor.cli.reference"
NOTICE = f"<!-- Generated from extractor/cli/commands.py by `{REGENERATE}`; edit the code, not this. -->"


def commands() -> list[tuple[str, Any, Any]]:
    """Every command as it is typed (`extract-docs`, `extract-docs schema`, …), its click
    command and a context for its help: the default command first, then the sub-commands.

    Contexts are made by the commands themselves (`make_context`), so that this works with
    the click typer uses, whether its own or the `click` package."""
    width: dict[str, Any] = {"terminal_width": WIDTH, "max_content_width": WIDTH, "resilient_parsing": True}
    document = typer.main.get_command(document_app)
    found: list[tuple[str, Any, Any]] = [(PROG, document, document.make_context(PROG, [], **width))]
    group: Any = typer.main.get_command(sub_app)
    parent = group.make_context(PROG, [], **width)
    for name in SUBCOMMANDS:
        command = group.get_command(parent, name)
        if command is None:
            raise InputError(f"sub-command {name!r} is not defined")
        found.append((f"{PROG} {name}", command, command.make_context(name, [], parent=parent, resilient_parsing=True)))
    return found


def synopsis() -> str:
    """One line per command: how it is typed, and its one-line help."""
    lines = [(f"{typed} {' '.join(command.collect_usage_pieces(context))}", command.get_short_help_str(limit=WIDTH))
             for typed, command, context in commands()]
    width = max(len(usage) for usage, _ in lines) + 2
    body = "\n".join(f"{usage.ljust(width)}{summary}".rstrip() for usage, summary in lines)
    return f"```text\n{body}\n```"


def reference() -> str:
    """Every command's `--help`, under a heading of its own."""
    parts = [NOTICE]
    for typed, command, context in commands():
        parts.append(f"### `{typed}`\n\n```text\n{command.get_help(context).rstrip()}\n```")
    return "\n\n".join(parts)


def _replace(text: str, marker: str, body: str) -> str:
    begin, end = f"<!-- {marker}:begin -->", f"<!-- {marker}:end -->"
    pattern = re.compile(rf"^{re.escape(begin)}\n.*?^{re.escape(end)}$", re.S | re.M)
    if len(pattern.findall(text)) != 1:
        raise InputError(f"needs one `{begin}` … `{end}` pair, each marker alone on its line")
    return pattern.sub(lambda _: f"{begin}\n{body}\n{end}", text)


def updated(text: str) -> str:
    """`text` (a page) with its synopsis and reference regenerated."""
    return _replace(_replace(text, "cli-synopsis", synopsis()), "cli-reference", reference())


def _run(page: Path, check: bool) -> int:
    try:
        text = page.read_text(encoding="utf-8")
    except OSError as exc:
        raise InputError(f"can't read: {exc.strerror}", str(page)) from None
    try:
        new = updated(text)
    except InputError as exc:
        raise InputError(exc.message, str(page)) from None
    return write_or_check(page, text, new, REGENERATE, check)


def main(argv: Sequence[str] | None = None) -> int:
    """Regenerate (or, with --check, check) the command-line reference of a page."""
    parser = argparse.ArgumentParser(prog=REGENERATE, description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("page", nargs="?", type=Path, default=PAGE, help=f"the page (default: {PAGE})")
    parser.add_argument("--check", action="store_true", help="write nothing; exit 1 when the page is stale")
    args = parser.parse_args(argv)
    return guarded(lambda: _run(args.page, args.check))


if __name__ == "__main__":
    raise SystemExit(main())
