"""Discovery: which folders and modules are integrations, and which files belong to each.

Rules (see docs/cli.md, "Discovery"):

- A `.py` file given as PATH is a module integration (slug: the file stem) when its text
  shows integration code (`extractor.discover.detect`).
- A package folder (with `__init__.py`) is one integration (slug: the folder name) when one
  of its own modules shows integration code; otherwise it is a folder of integrations.
- A folder without `__init__.py` is one integration when one of its own modules *uses* an
  integration defined elsewhere (applies `@….handler` / `@….event` without calling
  `Integration(`): its modules belong together. Otherwise it is a folder of integrations:
  every module that defines its own integration is one, every sub-folder is looked at by
  the same rules.
- Skipped everywhere: hidden entries, `__pycache__`, `node_modules`, virtual environments,
  `tests`/`test` folders, `setup.py`, `conftest.py`, `test_*.py`, `*_test.py`, and the
  `ignore` globs. Symlinks are followed only while they stay inside the tree, each folder
  is entered once (no symlink loops).
"""

from __future__ import annotations

import errno
import os
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from fnmatch import fnmatchcase
from pathlib import Path

from ..conventions import Conventions
from ..errors import InputError
from .detect import Detector, Evidence

SKIPPED_DIRS = frozenset(
    {"__pycache__", "node_modules", "tests", "test", "venv", "virtualenv", "site-packages"}
)
SKIPPED_FILES = frozenset({"setup.py", "conftest.py"})
CHANGELOG_NAME = "CHANGELOG.md"


@dataclass(frozen=True)
class IntegrationRoot:
    """One integration: a package folder or a single module, and its Python files."""

    path: Path
    slug: str
    files: tuple[Path, ...] = field(default=())
    changelog: Path | None = None
    unreadable: tuple[tuple[str, str], ...] = field(default=())
    """Folders of the tree that could not be listed: (path relative to `path`, reason)."""

    @property
    def is_module(self) -> bool:
        """True when the integration is a single `.py` file."""
        return self.path.is_file()

    @property
    def folder(self) -> Path:
        """The folder its files and the doc model's locations are relative to: the package
        folder, or a module's parent folder."""
        return self.path.parent if self.is_module else self.path


def find_integrations(
    paths: Sequence[Path | str] | Path | str,
    *,
    ignore: Sequence[str] = (),
    conventions: Conventions | None = None,
) -> list[IntegrationRoot]:
    """Every integration under `paths`, sorted by slug.

    Raises `InputError` for a path that doesn't exist, a path with no integration, and for
    two integrations with the same slug. A single path may be given instead of a sequence.
    """
    if isinstance(paths, (str, os.PathLike)):
        paths = [paths]
    detector = Detector(conventions)
    found: dict[Path, IntegrationRoot] = {}
    for raw in paths:
        path = Path(raw)
        if not path.exists():
            raise InputError(_missing(path), str(raw))
        roots = _Scan(path.absolute(), tuple(ignore), detector).from_path()
        if not roots:
            raise InputError(
                f"no integration found ({detector.looked_for()}; more names go in [tool.extract-docs])", str(raw)
            )
        for root in roots:
            found.setdefault(root.path.resolve(), root)
    return _sorted_unique(found.values())


def _missing(path: Path) -> str:
    """Why a PATH argument that doesn't exist doesn't: a symlink loop, a broken symlink, or
    nothing there."""
    if not path.is_symlink():
        return "no such file or directory"
    try:
        os.stat(path)
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            return "symlink loop"
    return "broken symlink: its target doesn't exist"


def _sorted_unique(roots: Iterable[IntegrationRoot]) -> list[IntegrationRoot]:
    by_slug: dict[str, IntegrationRoot] = {}
    for root in roots:
        other = by_slug.setdefault(root.slug, root)
        if other is not root:
            raise InputError(
                f"two integrations have the slug {root.slug!r}: {other.path} and {root.path}",
                str(root.path),
            )
    return [by_slug[slug] for slug in sorted(by_slug)]


def is_skipped_name(name: str, *, is_dir: bool) -> bool:
    """True for entries discovery never looks at (hidden, caches, tests, setup.py, …)."""
    if name.startswith("."):
        return True
    if is_dir:
        return name in SKIPPED_DIRS
    if not name.endswith(".py") or name in SKIPPED_FILES:
        return True
    return name.startswith("test_") or name.endswith("_test.py")


class _Scan:
    """One PATH argument: its tree boundary, ignore globs, and the folders already entered."""

    def __init__(self, start: Path, ignore: tuple[str, ...], detector: Detector) -> None:
        self.start = start
        self.base = start if start.is_dir() else start.parent
        self.boundary = start.resolve() if start.is_dir() else start.resolve().parent
        self.ignore = ignore
        self.detector = detector
        self.entered: set[Path] = set()
        self.unreadable: dict[Path, str] = {}

    def from_path(self) -> list[IntegrationRoot]:
        """The integrations of the PATH argument."""
        if self.start.is_file():
            if self.start.suffix != ".py":
                raise InputError("not a Python file or a folder", str(self.start))
            if not os.access(self.start, os.R_OK):
                raise InputError("can't read file: Permission denied", str(self.start))
            evidence = self.detector.classify(self.start)
            return [self._module(self.start)] if evidence else []
        roots = self._classify(self.start)
        if not roots and self.start in self.unreadable:
            raise InputError(f"can't read folder: {self.unreadable[self.start]}", str(self.start))
        return roots

    def _classify(self, folder: Path) -> list[IntegrationRoot]:
        self.entered.add(folder.resolve())
        modules, subdirs = self._children(folder, self.boundary, self.entered)
        evidence = {module: self.detector.classify(module) for module in modules}
        is_package = any(module.name == "__init__.py" for module in modules)
        if is_package and any(evidence.values()):
            return [self._folder(folder)]
        if Evidence.USES in evidence.values():
            return [self._folder(folder)]
        roots = [self._module(m) for m, level in evidence.items() if level is Evidence.DEFINES]
        for subdir in subdirs:
            if subdir.resolve() not in self.entered:
                roots.extend(self._classify(subdir))
        return roots

    def _module(self, path: Path) -> IntegrationRoot:
        return IntegrationRoot(path=path, slug=path.stem, files=(path,))

    def _folder(self, folder: Path) -> IntegrationRoot:
        files = sorted(self._files(folder), key=lambda p: p.relative_to(folder).as_posix())
        unreadable = tuple(
            (path.relative_to(folder).as_posix(), reason)
            for path, reason in sorted(self.unreadable.items())
            if path.is_relative_to(folder)
        )
        return IntegrationRoot(
            path=folder, slug=folder.name, files=tuple(files), changelog=_changelog(folder),
            unreadable=unreadable,
        )

    def _files(self, folder: Path) -> list[Path]:
        """Every Python file of the folder's tree, each real file once."""
        boundary = folder.resolve()
        entered: set[Path] = {boundary}
        seen: set[str] = set()
        files: list[Path] = []
        pending = [folder]
        while pending:
            current = pending.pop()
            modules, subdirs = self._children(current, boundary, entered)
            for module in modules:
                real = os.path.realpath(module)  # Path.resolve(), without building a Path
                if real not in seen:
                    seen.add(real)
                    files.append(module)
            for subdir in subdirs:
                entered.add(subdir.resolve())
                pending.append(subdir)
        return files

    def _children(
        self, folder: Path, boundary: Path, entered: set[Path]
    ) -> tuple[list[Path], list[Path]]:
        """The folder's `.py` modules and sub-folders worth looking at, sorted by name."""
        modules: list[Path] = []
        subdirs: list[Path] = []
        try:
            entries = sorted(os.scandir(folder), key=lambda entry: entry.name)
        except OSError as exc:
            self.unreadable[folder] = exc.strerror or str(exc)
            return modules, subdirs
        for entry in entries:
            path = folder / entry.name
            if not self._inside(path, boundary) or self._ignored(path):
                continue
            if _is_dir(entry):
                if self._wanted_dir(path, entered):
                    subdirs.append(path)
            elif _is_file(entry) and not is_skipped_name(entry.name, is_dir=False):
                modules.append(path)
        return modules, subdirs

    def _wanted_dir(self, path: Path, entered: set[Path]) -> bool:
        """A folder to look into: not skipped, not a venv, not entered yet (symlink loops)."""
        if is_skipped_name(path.name, is_dir=True) or _is_venv(path):
            return False
        return path.resolve() not in entered

    def _inside(self, path: Path, boundary: Path) -> bool:
        """False for a symlink that leads out of the tree (or nowhere)."""
        if not path.is_symlink():
            return True
        try:
            return path.resolve(strict=True).is_relative_to(boundary)
        except (OSError, RuntimeError):
            return False

    def _ignored(self, path: Path) -> bool:
        if not self.ignore:
            return False
        rel = path.relative_to(self.base).as_posix()
        return any(_matches(rel, path.name, pattern) for pattern in self.ignore)


def _matches(rel: str, name: str, pattern: str) -> bool:
    """gitignore-like: a glob with a `/` matches the relative path, one without the name too."""
    pattern = pattern.strip().rstrip("/")
    if not pattern:
        return False
    if "/" in pattern:
        return fnmatchcase(rel, pattern.lstrip("/"))
    return fnmatchcase(name, pattern) or fnmatchcase(rel, pattern)


def _is_dir(entry: os.DirEntry[str]) -> bool:
    try:
        return entry.is_dir()
    except OSError:
        return False


def _is_file(entry: os.DirEntry[str]) -> bool:
    try:
        return entry.is_file()
    except OSError:
        return False


def _is_venv(path: Path) -> bool:
    try:
        return (path / "pyvenv.cfg").is_file()
    except OSError:  # a folder that can't be entered: not a venv, reported when listed
        return False


def _changelog(folder: Path) -> Path | None:
    exact = folder / CHANGELOG_NAME
    if exact.is_file():
        return exact
    for candidate in sorted(folder.glob("*")):
        if candidate.name.lower() == CHANGELOG_NAME.lower() and candidate.is_file():
            return candidate
    return None
