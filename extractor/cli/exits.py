"""Exit codes, and the guard that turns an error into one stderr line and exit code 2."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from pathlib import Path

from ..errors import DEBUG_VARIABLE, ExtractDocsError
from .report import locate, one_line, terminal_line

EXIT_OK, EXIT_STALE, EXIT_ERROR = 0, 1, 2
"""0 done; 1 stale or edited files (--check) or warnings (--strict); 2 an error: usage,
configuration, an input that can't be documented, an output that can't be written, a file
whose generated text a person edited (not overwritten without --force)."""


def _print_error(exc: ExtractDocsError) -> None:
    where = locate(exc.location, None, Path.cwd())
    prefix = f"{where}: " if where is not None else ""
    print(terminal_line(f"{prefix}error: {one_line(exc.message)}"), file=sys.stderr, flush=True)


def guarded(action: Callable[[], int]) -> int:
    """Run `action`; an `ExtractDocsError` (configuration, input) becomes one stderr line
    and exit code 2, never a traceback. Any other exception is a bug of the tool: one line too,
    the traceback only with EXTRACT_DOCS_DEBUG set."""
    try:
        return action()
    except ExtractDocsError as exc:
        _print_error(exc)
        return EXIT_ERROR
    except Exception as exc:
        if os.environ.get(DEBUG_VARIABLE):
            raise
        line = (f"error: internal error ({type(exc).__name__}: {one_line(str(exc))}); this is a bug "
                f"in extract-docs: set {DEBUG_VARIABLE}=1 to see the traceback")
        print(terminal_line(line), file=sys.stderr, flush=True)
        return EXIT_ERROR
