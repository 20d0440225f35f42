"""Files the project generates from its own code (docs/cli.md, the secret catalogue): write or check one."""

from __future__ import annotations

import sys
from pathlib import Path

from .exits import EXIT_OK, EXIT_STALE


def write_or_check(path: Path, old: str | None, new: str, regenerate: str, check: bool) -> int:
    """Write `new` to `path` unless it is there already (`old`); with `check`, write nothing and
    say the file is stale (exit 1) when it differs. One line on stderr either way."""
    if new == old:
        print(f"{path}: up to date", file=sys.stderr)
        return EXIT_OK
    if check:
        print(f"{path}: stale; run `{regenerate}` to update it", file=sys.stderr)
        return EXIT_STALE
    path.write_text(new, encoding="utf-8")
    print(f"wrote {path}", file=sys.stderr)
    return EXIT_OK
