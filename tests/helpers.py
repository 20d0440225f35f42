"""Test helpers: gather and resolve inline source without touching the disk; make a written
document stale."""

from __future__ import annotations

import re
import textwrap
from pathlib import Path

from extractor.conventions import Conventions
from extractor.gather import ModuleFacts, gather_module
from extractor.parse import parse_source
from extractor.resolve import Resolved, resolve


def gather(code: str, module: str = "pkg.mod", rel: str = "mod.py") -> ModuleFacts:
    """Gather the facts of one inline module."""
    return gather_module(parse_source(textwrap.dedent(code), rel, module))


def resolve_code(files: dict[str, str] | str, options: Conventions | None = None) -> Resolved:
    """Resolve inline modules: {"pkg/__init__.py": code, "pkg/models.py": code} or one module."""
    if isinstance(files, str):
        files = {"pkg/__init__.py": files}
    modules = []
    for path, code in files.items():
        parts = path.removesuffix(".py").split("/")
        is_package = parts[-1] == "__init__"
        name = ".".join(parts[:-1] if is_package else parts)
        rel = path.partition("/")[2] or path
        modules.append(gather_module(parse_source(textwrap.dedent(code), rel, name, is_package=is_package)))
    return resolve(modules, options or Conventions())


def make_stale(path: Path, new: str, old: str) -> None:
    """Make a written document stale: `new` back to `old`, as an older version wrote it (without
    the checksum line: with it, a change of generated text is a person's edit, `edited`)."""
    text = re.sub(r"<!-- extract-docs:checksum[ 0-9a-f]* -->\n", "", path.read_text(encoding="utf-8"))
    path.write_text(text.replace(new, old), encoding="utf-8")
