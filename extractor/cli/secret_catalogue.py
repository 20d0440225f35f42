"""Regenerate (or check) `extractor/secret_patterns.json` from the installed detect-secrets.

`python -m extractor.cli.secret_catalogue [--check]`: the tool reads detect-secrets' plugin
regexes as data at run time (no import of the library's plugins); this command writes that data
from the library, and `--check` exits 1 when the file differs from it (tests run it).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence

from ..secret_detector import CATALOGUE, library_catalogue
from .exits import EXIT_OK, EXIT_STALE, guarded

REGENERATE = "python -m extractor.cli.secret_catalogue"


def catalogue_text() -> str:
    """The catalogue file's text for the installed detect-secrets."""
    return json.dumps(library_catalogue(), ensure_ascii=False, indent=1) + "\n"


def _run(check: bool) -> int:
    text = catalogue_text()
    if CATALOGUE.is_file() and CATALOGUE.read_text(encoding="utf-8") == text:
        print(f"{CATALOGUE.name}: up to date", file=sys.stderr)
        return EXIT_OK
    if check:
        print(f"{CATALOGUE.name}: stale; run `{REGENERATE}` to update it", file=sys.stderr)
        return EXIT_STALE
    CATALOGUE.write_text(text, encoding="utf-8")
    print(f"wrote {CATALOGUE}", file=sys.stderr)
    return EXIT_OK


def main(argv: Sequence[str] | None = None) -> int:
    """Regenerate (or, with --check, check) the secret pattern catalogue."""
    parser = argparse.ArgumentParser(prog=REGENERATE, description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--check", action="store_true", help="write nothing; exit 1 when the file is stale")
    args = parser.parse_args(argv)
    return guarded(lambda: _run(args.check))


if __name__ == "__main__":
    raise SystemExit(main())
