"""The command line: `extract-docs PATH...` (the default command), `schema`, `config`, `preview`, `explain`.

`main()` picks the command from argv before typer parses it: `schema`, `config`, `preview`
and `explain` as the first word go to the sub-commands, anything else to the default command.
`--version` alone is answered before typer is imported; the commands (`cli/commands.py`)
import the application layer only when they run. The CLI parses arguments, prints and
chooses the exit code; the work is the application layer's (`extractor.app`).
"""

from __future__ import annotations

import sys
from collections.abc import Sequence

from .. import __version__

__all__ = ["main"]


def main(argv: Sequence[str] | None = None) -> None:
    """The `extract-docs` entry point; exits with the command's exit code."""
    args = list(sys.argv[1:] if argv is None else argv)
    if args in (["--version"], ["-V"]):
        print(f"extract-docs {__version__}")
        raise SystemExit(0)
    from .commands import command_for

    command_for(args).main(args=args, prog_name="extract-docs")
