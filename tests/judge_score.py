"""The identity figure of the tsc judge: corpus models identical to pydantic's schema / total.

`PYTHONPATH=$PWD python -m tests.judge_score [module-prefix ...]` prints the figure, the cases
that differ (with tsc's reason), and the `unknown` warnings met on the way.
"""

from __future__ import annotations

import sys

from .corpus_cases import corpus_cases
from .test_corpus import verdict
from .tsjudge import format_errors


def main(prefixes: list[str]) -> int:
    """Print the figure for the corpus cases whose names start with one of `prefixes`."""
    wanted = [f"corpus.{p}" for p in prefixes] or ["corpus."]
    names = {n: m for n, m in verdict().identity.items() if n.startswith(tuple(wanted))}
    failed = verdict().failed(names)
    models = {n.rsplit(" ", 1)[0] for n in names}
    bad = {n.rsplit(" ", 1)[0] for n in failed}
    print(format_errors(failed))
    for name, case in corpus_cases().items():
        if name in names and case.warnings:
            print(name, [f"{w.location}: {w.message}" for w in case.warnings])
    print(f"identical: {len(models) - len(bad)}/{len(models)} models, "
          f"{len(names) - len(failed)}/{len(names)} model×mode cases")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
