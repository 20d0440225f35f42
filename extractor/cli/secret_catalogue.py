"""Regenerate (or check) `extractor/secret_patterns.json` from the installed detect-secrets.

`python -m extractor.cli.secret_catalogue [--check]`: the tool reads detect-secrets' plugin
regexes as data at run time (no import of the library's plugins); this command writes that data
from the library, and `--check` exits 1 when the file differs from it (tests run it).
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Sequence

from ..secret_detector import CATALOGUE, library_catalogue
from .exits import guarded
from .generated import write_or_check

REGENERATE = "python -m extractor.cli.secret_catalogue"


def catalogue_text() -> str:
    """The catalogue file's text for the installed detect-secrets."""
    return json.dumps(library_catalogue(), ensure_ascii=False, indent=1) + "\n"


def _run(check: bool) -> int:
    old = CATALOGUE.read_text(encoding="utf-8") if CATALOGUE.is_file() else None
    return write_or_check(CATALOGUE, old, catalogue_text(), REGENERATE, check)


def main(argv: Sequence[str] | None = None) -> int:
    """Regenerate (or, with --check, check) the secret pattern catalogue."""
    parser = argparse.ArgumentParser(prog=REGENERATE, description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--check", action="store_true", help="write nothing; exit 1 when the file is stale")
    args = parser.parse_args(argv)
    return guarded(lambda: _run(args.check))


if __name__ == "__main__":
    raise SystemExit(main())
