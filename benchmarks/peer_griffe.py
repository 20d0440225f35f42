"""The peer: griffe loading every integration package statically (`allow_inspection=False`).

    python benchmarks/peer_griffe.py CORPUS/integrations
"""

from __future__ import annotations

import argparse
from pathlib import Path

from griffe import GriffeLoader


def main() -> None:
    """Load every package under the folder; print how many modules griffe saw."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path)
    args = parser.parse_args()
    loader = GriffeLoader(search_paths=[args.folder], allow_inspection=False)
    packages = sorted(p.name for p in args.folder.iterdir() if (p / "__init__.py").exists())
    modules = 0
    for name in packages:
        package = loader.load(name)
        modules += 1 + len(package.modules)
    print(f"loaded {len(packages)} packages, {modules} modules")


if __name__ == "__main__":
    main()
