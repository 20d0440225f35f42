"""Shared test helpers: where the sample integrations live, and their IntegrationRoot."""

from __future__ import annotations

import sys
from pathlib import Path

from extractor import discover
from extractor.discover import IntegrationRoot

SAMPLES = Path(__file__).parent.parent / "sample_integrations"
"""The sample integrations; on sys.path so tests can import them (and `platform_sdk`)."""

if str(SAMPLES) not in sys.path:
    sys.path.append(str(SAMPLES))


def sample_path(name: str) -> Path:
    """The folder of a sample package, or the `.py` file of a single-module sample."""
    folder = SAMPLES / name
    return folder if folder.is_dir() else SAMPLES / f"{name}.py"


def sample_root(name: str) -> IntegrationRoot:
    """The IntegrationRoot of one sample: `discover.find_integrations` when it exists."""
    path = sample_path(name)
    find = getattr(discover, "find_integrations", None)
    if find is None:
        return _built_root(path)
    found = find(path)
    roots = [found] if isinstance(found, IntegrationRoot) else list(found)
    matching = [root for root in roots if Path(root.path).resolve() == path.resolve()]
    assert len(matching) == 1, f"discovery of {path} gave {roots}"
    return matching[0]


def _built_root(path: Path) -> IntegrationRoot:
    if path.is_file():
        return IntegrationRoot(path=path, slug=path.stem, files=(path,))
    files = tuple(sorted(p for p in path.rglob("*.py") if "__pycache__" not in p.parts))
    changelog = path / "CHANGELOG.md"
    return IntegrationRoot(
        path=path,
        slug=path.name,
        files=files,
        changelog=changelog if changelog.is_file() else None,
    )
