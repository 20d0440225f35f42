"""The npm site tooling (VitePress): where it is, and its installation into a per-user cache.

The scaffold (`package.json`, `package-lock.json`, `config.mts`) ships in the wheel as
`extractor/_site`; in a clone it is the repository's `site/`. The tooling is looked for in
`$EXTRACT_DOCS_SITE`, else in the repository's `site/` after `npm ci --prefix site`, else in
a per-user cache folder keyed by the lock file's hash, where `install_site_tools` puts it
with `npm ci` from the shipped lock file (once per lock file; later runs find it there).
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Final

from ..errors import ExtractDocsError

_Version = tuple[int, int, int]

SITE_ENV: Final = "EXTRACT_DOCS_SITE"
LOCK_FILE: Final = "package-lock.json"
NPM_FILES: Final = ("package.json", LOCK_FILE)
COPIED_FILES: Final = ("config.mts",)  # read from the tooling folder by `write_project`
# lockfileVersion 3 is read by npm 7 and later
MIN_NPM: Final = (7, 0, 0)
# the package whose `engines.node` (in the lock file) sets the Node.js VitePress needs
NODE_GATE: Final = "node_modules/vite"
INSTALL_HINT: Final = (
    "`extract-docs preview` installs it into a per-user cache on its first run; in a clone of the "
    f"extract-docs repository `npm ci --prefix site` does too (or set {SITE_ENV} to a folder with "
    "config.mts and node_modules/vitepress)"
)


class SiteError(ExtractDocsError):
    """The site tooling is missing, or VitePress or a browser script failed."""


@dataclass(frozen=True)
class SiteTools:
    """Where the site tooling is (`installed`), or where the shipped one will be installed."""

    folder: Path
    installed: bool


def is_installed(folder: Path) -> bool:
    """Whether `folder` holds an installed VitePress."""
    return (folder / "node_modules" / "vitepress" / "package.json").is_file()


def scaffold_dir() -> Path:
    """The site scaffold: `extractor/_site` in an installed wheel, else the repository's `site/`."""
    package = Path(__file__).resolve().parents[1]
    shipped = package / "_site"
    return shipped if shipped.is_dir() else package.parent / "site"


def cache_home() -> Path:
    """The per-user cache folder of extract-docs: `$XDG_CACHE_HOME/extract-docs` when set,
    else the platform's (`~/.cache`, `~/Library/Caches`, `%LOCALAPPDATA%`)."""
    xdg = os.environ.get("XDG_CACHE_HOME", "")
    if xdg and Path(xdg).is_absolute():
        base = Path(xdg)
    elif sys.platform == "darwin":
        base = Path.home() / "Library" / "Caches"
    elif sys.platform == "win32":
        base = Path(os.environ.get("LOCALAPPDATA") or Path.home() / "AppData" / "Local")
    else:
        base = Path.home() / ".cache"
    return base / "extract-docs"


def cached_tools_dir(scaffold: Path) -> Path:
    """The cache folder for the tooling of `scaffold`: `site-<hash of its lock file>`."""
    digest = hashlib.sha256((scaffold / LOCK_FILE).read_bytes()).hexdigest()[:16]
    return cache_home() / f"site-{digest}"


def locate_site_tools() -> SiteTools:
    """The site tooling: `$EXTRACT_DOCS_SITE` (`SiteError` when VitePress is not installed
    there), else the repository's `site/` if installed, else the cache folder of the shipped
    scaffold (`installed` False when `install_site_tools` has yet to fill it)."""
    configured = os.environ.get(SITE_ENV)
    if configured:
        if not is_installed(Path(configured)):
            raise SiteError(f"VitePress is not installed in {configured}: {INSTALL_HINT}", configured)
        return SiteTools(Path(configured), installed=True)
    scaffold = scaffold_dir()
    if is_installed(scaffold):
        return SiteTools(scaffold, installed=True)
    cached = cached_tools_dir(scaffold)
    if is_installed(cached):
        _copy_files(scaffold, cached, COPIED_FILES)
        return SiteTools(cached, installed=True)
    return SiteTools(cached, installed=False)


def site_tools_dir() -> Path:
    """The folder of the installed site tooling; `SiteError` (with how to install it) when none is."""
    tools = locate_site_tools()
    if not tools.installed:
        raise SiteError(f"VitePress is not installed: {INSTALL_HINT}", str(tools.folder))
    return tools.folder


def install_site_tools(target: Path, *, timeout: float = 900) -> Path:
    """Install the shipped scaffold's tooling into `target` with `npm ci` (in a staging folder
    beside it, moved into place when complete, so an interrupted install leaves nothing
    half-made); `target`. `SiteError` when Node.js or npm is missing or too old, or npm fails."""
    scaffold = scaffold_dir()
    check_node(scaffold / LOCK_FILE)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        staging = Path(tempfile.mkdtemp(prefix=f"{target.name}.installing-", dir=target.parent))
    except OSError as exc:
        raise SiteError(f"can't write the cache folder ({exc.strerror}): set XDG_CACHE_HOME to a writable "
                        "folder", str(target.parent)) from None
    try:
        _copy_files(scaffold, staging, NPM_FILES + COPIED_FILES)
        npm = shutil.which("npm") or "npm"
        outcome = run_tool([npm, "ci", "--no-audit", "--no-fund", "--loglevel=error"], cwd=staging, timeout=timeout)
        if outcome.returncode != 0 or not is_installed(staging):
            tail = "\n".join((outcome.stdout + outcome.stderr).strip().splitlines()[-15:])
            raise SiteError(f"`npm ci` failed installing VitePress:\n{tail}", str(target))
        _move_into_place(staging, target)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return target


def _move_into_place(staging: Path, target: Path) -> None:
    """Rename `staging` to `target`; a complete `target` another run made first is kept."""
    if target.exists() and not is_installed(target):
        shutil.rmtree(target, ignore_errors=True)
    try:
        staging.rename(target)
    except OSError:
        if not is_installed(target):
            raise SiteError(f"could not move the installed tooling into {target}", str(target)) from None


def _copy_files(source: Path, target: Path, names: tuple[str, ...]) -> None:
    """Copy the files `names` from `source` into `target`, each only when its bytes differ."""
    for name in names:
        data = (source / name).read_bytes()
        if not (target / name).is_file() or (target / name).read_bytes() != data:
            try:
                (target / name).write_bytes(data)
            except OSError as exc:
                raise SiteError(f"can't update {name} of the site tooling: {exc.strerror}", str(target)) from None


def run_tool(command: list[str], *, cwd: Path, timeout: float) -> subprocess.CompletedProcess[str]:
    """Run a node or npm command, its output captured; a time-out becomes `SiteError`."""
    env = {**os.environ, "NO_COLOR": "1", "FORCE_COLOR": "0", "npm_config_update_notifier": "false"}
    try:
        return subprocess.run(command, cwd=cwd, env=env, capture_output=True, text=True,
                              timeout=timeout, check=False, stdin=subprocess.DEVNULL)
    except subprocess.TimeoutExpired:
        shown = " ".join(Path(part).name for part in command[:3])
        raise SiteError(f"{shown} took longer than {timeout:.0f} s") from None
    except OSError as exc:
        raise SiteError(f"could not run {command[0]}: {exc.strerror or exc}") from None


def node_requirement(lock_file: Path) -> str:
    """The Node.js versions VitePress needs: the `engines.node` its bundler declares in the
    lock file (`>=18` when the lock file says nothing)."""
    packages = json.loads(lock_file.read_text(encoding="utf-8")).get("packages", {})
    engines = packages.get(NODE_GATE, {}).get("engines", {})
    return str(engines.get("node") or ">=18")


def check_node(lock_file: Path | None = None) -> None:
    """`SiteError` (one line: what is needed, what was found) unless Node.js and npm are on
    PATH in versions that can install and run the VitePress of `lock_file` (default: the
    shipped scaffold's)."""
    lock_file = lock_file or scaffold_dir() / LOCK_FILE
    needed = node_requirement(lock_file)
    wanted = f"VitePress needs Node.js {needed} and npm 7 or later (https://nodejs.org)"
    node = _tool_version("node")
    if node is None:
        raise SiteError(f"Node.js is not installed (no `node` on PATH): {wanted}")
    if not satisfies(node, needed):
        raise SiteError(f"Node.js {_dotted(node)} is too old: {wanted}")
    npm = _tool_version("npm")
    if npm is None:
        raise SiteError(f"npm is not installed (no `npm` on PATH): {wanted}")
    if npm < MIN_NPM:
        raise SiteError(f"npm {_dotted(npm)} is too old: {wanted}")


def _tool_version(name: str) -> _Version | None:
    """The version `name --version` prints, or None when the tool is absent or says nothing readable."""
    found = shutil.which(name)
    if found is None:
        return None
    try:
        printed = subprocess.run([found, "--version"], capture_output=True, text=True, timeout=60,
                                 check=False, stdin=subprocess.DEVNULL).stdout
    except (OSError, subprocess.TimeoutExpired):
        return None
    return parse_version(printed)


def _dotted(version: _Version) -> str:
    return ".".join(map(str, version))


_VERSION = re.compile(r"v?(\d+)(?:\.(\d+))?(?:\.(\d+))?")
_COMPARATOR = re.compile(r"(\^|~|>=|<=|>|<|=)?\s*(v?\d+(?:\.(?:\d+|x|\*))*)")


def parse_version(text: str) -> _Version | None:
    """`v20.11.1` (or `20.11`, `20`) as a tuple of three numbers; None when there is none."""
    found = _VERSION.search(text.strip())
    if found is None:
        return None
    major, minor, patch = (int(part) if part else 0 for part in found.groups())
    return (major, minor, patch)


def satisfies(version: _Version, spec: str) -> bool:
    """Whether `version` is in the npm `engines` range `spec` (`||` of space-separated
    comparators: `^`, `~`, `>=`, `>`, `<=`, `<`, `=`, `x` wildcards). A range it can't read
    is taken as satisfied: the check is there to explain, npm decides."""
    alternatives = [alternative.strip() for alternative in spec.split("||")]
    return any(_satisfies_all(version, alternative) for alternative in alternatives)


def _satisfies_all(version: _Version, alternative: str) -> bool:
    comparators = _COMPARATOR.findall(alternative)
    if not comparators or _COMPARATOR.sub("", alternative).strip():
        return True  # `*`, empty, or a form this reader doesn't know
    return all(_compare(version, operator, bound) for operator, bound in comparators)


def _same(version: _Version, bound: _Version, parts: int) -> bool:
    """Whether the first `parts` parts of `version` and `bound` are equal."""
    return version[:parts] == bound[:parts]


def _caret_fixed(bound: _Version) -> int:
    """How many leading parts `^bound` keeps: up to the first non-zero one."""
    return next((index + 1 for index, part in enumerate(bound) if part), 3)


def _tilde_fixed(given: int) -> int:
    """How many leading parts `~bound` keeps: major and minor when given, else the major."""
    return max(min(given, 2), 1)


# each comparator: (version, bound, how many parts the bound gave) -> in range
_COMPARATORS: Final[dict[str, Callable[[_Version, _Version, int], bool]]] = {
    ">=": lambda version, bound, _: version >= bound,
    ">": lambda version, bound, _: version > bound,
    "<=": lambda version, bound, given: version <= bound or _same(version, bound, given),
    "<": lambda version, bound, _: version < bound,
    "^": lambda version, bound, _: version >= bound and _same(version, bound, _caret_fixed(bound)),
    "~": lambda version, bound, given: version >= bound and _same(version, bound, _tilde_fixed(given)),
    "=": _same,
    "": _same,
}


def _compare(version: _Version, operator: str, bound_text: str) -> bool:
    given = [int(part) for part in bound_text.lstrip("v").split(".") if part.isdigit()]
    bound = (*given, 0, 0, 0)[:3]
    return _COMPARATORS[operator](version, (bound[0], bound[1], bound[2]), len(given))
