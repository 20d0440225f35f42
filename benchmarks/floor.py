"""The floor: `libcst.parse_module` over every `.py` file under a folder, in one process.

    python benchmarks/floor.py CORPUS [--gc-threshold N]

`--gc-threshold` raises the garbage collector's first threshold the way extract-docs does,
to show the floor under the same setting.
"""

from __future__ import annotations

import argparse
import gc
from pathlib import Path

import libcst


def main() -> None:
    """Parse every file; print how many."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", type=Path)
    parser.add_argument("--gc-threshold", type=int, default=0)
    args = parser.parse_args()
    if args.gc_threshold:
        gc.set_threshold(args.gc_threshold, *gc.get_threshold()[1:])
    files = sorted(args.corpus.rglob("*.py"))
    for path in files:
        libcst.parse_module(path.read_bytes().decode("utf-8"))
    print(f"parsed {len(files)} files")


if __name__ == "__main__":
    main()
