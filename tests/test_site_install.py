"""The site tooling from a plain install: found, or installed into a per-user cache by `npm ci`.

The unit tests run fake `node` and `npm` scripts on PATH; the slow one builds the wheel,
installs it into a fresh virtual environment and runs `extract-docs preview` there with the
cache in a temporary folder: the first run installs VitePress (real npm) and serves the page,
the second starts without npm.
"""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from extractor.app import tooling
from extractor.app.tooling import (
    SITE_ENV,
    SiteError,
    cached_tools_dir,
    check_node,
    install_site_tools,
    locate_site_tools,
    node_requirement,
    parse_version,
    satisfies,
    site_tools_dir,
)

from .conftest import SAMPLES

REPO = Path(__file__).resolve().parents[1]
LOCK = REPO / "site" / "package-lock.json"


@pytest.mark.parametrize(("spec", "inside", "outside"), [
    ("^18.0.0 || >=20.0.0", ["18.0.0", "18.19.1", "20.0.0", "22.3.0"], ["16.20.2", "17.9.1", "19.9.0"]),
    (">= 14.0.0", ["14.0.0", "20.1.0"], ["12.22.12"]),
    (">=20", ["20.0.0", "24.1.0"], ["19.9.9"]),
    ("~20.19", ["20.19.0", "20.19.5"], ["20.18.9", "20.20.0"]),
    ("<=20", ["16.0.0", "20.99.0"], ["21.0.0"]),
    ("20.x", ["20.0.0", "20.5.1"], ["21.0.0", "19.0.0"]),
    ("^0.2.3", ["0.2.3", "0.2.9"], ["0.3.0", "1.0.0"]),
    (">=18 <23", ["18.0.0", "22.9.9"], ["23.0.0", "17.0.0"]),
    ("*", ["1.0.0", "24.0.0"], []),
])
def test_node_ranges_are_read_as_npm_reads_them(spec: str, inside: list[str], outside: list[str]) -> None:
    for text in inside:
        assert satisfies(parse_version(text) or (0, 0, 0), spec), (spec, text)
    for text in outside:
        assert not satisfies(parse_version(text) or (0, 0, 0), spec), (spec, text)


@pytest.mark.parametrize(("printed", "version"), [
    ("v20.20.2\n", (20, 20, 2)), ("11.19.1", (11, 19, 1)), ("v18", (18, 0, 0)), ("garbage", None),
])
def test_tool_versions_are_parsed(printed: str, version: tuple[int, int, int] | None) -> None:
    assert parse_version(printed) == version


def test_the_node_requirement_is_the_locked_bundlers() -> None:
    import json

    vite = json.loads(LOCK.read_text(encoding="utf-8"))["packages"]["node_modules/vite"]
    assert node_requirement(LOCK) == vite["engines"]["node"]


def _fake_tools(folder: Path, versions: dict[str, str]) -> str:
    """A PATH with only shell scripts named after `versions`, each printing its version."""
    folder.mkdir(parents=True, exist_ok=True)
    for name, version in versions.items():
        script = folder / name
        script.write_text(f"#!/bin/sh\necho {version}\n", encoding="utf-8")
        script.chmod(0o755)
    return str(folder)


@pytest.mark.parametrize(("versions", "message"), [
    ({}, "Node.js is not installed (no `node` on PATH)"),
    ({"node": "v16.20.2", "npm": "8.19.4"}, "Node.js 16.20.2 is too old"),
    ({"node": "v19.9.0", "npm": "9.6.3"}, "Node.js 19.9.0 is too old"),
    ({"node": "v20.11.1"}, "npm is not installed (no `npm` on PATH)"),
    ({"node": "v20.11.1", "npm": "6.14.18"}, "npm 6.14.18 is too old"),
    ({"node": "v20.11.1", "npm": "10.2.4"}, None),
])
def test_node_and_npm_are_checked_in_one_line(
    versions: dict[str, str], message: str | None, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("PATH", _fake_tools(tmp_path / "bin", versions))
    if message is None:
        check_node(LOCK)
        return
    with pytest.raises(SiteError) as raised:
        check_node(LOCK)
    assert raised.value.message.startswith(message)
    assert "\n" not in raised.value.message
    assert f"VitePress needs Node.js {node_requirement(LOCK)} and npm 7 or later" in raised.value.message


@pytest.fixture
def scaffold(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of the shipped scaffold (no node_modules), the cache in a temporary folder."""
    folder = tmp_path / "scaffold"
    folder.mkdir()
    for name in ("package.json", "package-lock.json", "config.mts"):
        shutil.copy(REPO / "site" / name, folder / name)
    monkeypatch.setattr(tooling, "scaffold_dir", lambda: folder)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.delenv(SITE_ENV, raising=False)
    return folder


def _fake_npm(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, body: str) -> None:
    """Put a fake `npm` (running `body` for `ci`) and a current `node` first on PATH."""
    bin_dir = Path(_fake_tools(tmp_path / "bin", {"node": "v20.11.1"}))
    npm = bin_dir / "npm"
    npm.write_text(f'#!/bin/sh\nif [ "$1" = --version ]; then echo 10.2.4; exit 0; fi\n{body}\n', encoding="utf-8")
    npm.chmod(0o755)
    monkeypatch.setenv("PATH", f"{bin_dir}{os.pathsep}{os.environ['PATH']}")


def test_the_cache_folder_is_keyed_by_the_lock_file(scaffold: Path, tmp_path: Path) -> None:
    first = cached_tools_dir(scaffold)
    assert first.parent == tmp_path / "cache" / "extract-docs"
    assert first.name.startswith("site-")
    (scaffold / "package-lock.json").write_text((scaffold / "package-lock.json").read_text() + "\n")
    assert cached_tools_dir(scaffold) != first


def test_a_first_run_installs_once_and_later_runs_find_it(
    scaffold: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
) -> None:
    _fake_npm(tmp_path, monkeypatch, 'test -f package-lock.json || exit 9\nmkdir -p node_modules/vitepress\n'
                        'echo "{}" > node_modules/vitepress/package.json\necho ran >> "$TMPDIR_LOG"')
    monkeypatch.setenv("TMPDIR_LOG", str(tmp_path / "npm.log"))
    tools = locate_site_tools()
    assert not tools.installed
    with pytest.raises(SiteError, match="installs it into a per-user cache"):
        site_tools_dir()
    assert install_site_tools(tools.folder) == tools.folder
    assert site_tools_dir() == tools.folder
    assert (tools.folder / "config.mts").read_bytes() == (scaffold / "config.mts").read_bytes()
    assert [path.name for path in tools.folder.parent.iterdir()] == [tools.folder.name]  # no staging left
    (scaffold / "config.mts").write_text("// a newer config\n", encoding="utf-8")
    assert locate_site_tools().installed  # no second npm run; the config follows the scaffold
    assert (tools.folder / "config.mts").read_text(encoding="utf-8") == "// a newer config\n"
    assert (tmp_path / "npm.log").read_text(encoding="utf-8") == "ran\n"


def test_a_failed_npm_run_leaves_no_half_install(
    scaffold: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
) -> None:
    _fake_npm(tmp_path, monkeypatch, "mkdir -p node_modules/half\necho 'npm error network ETIMEDOUT' >&2\nexit 1")
    target = locate_site_tools().folder
    with pytest.raises(SiteError, match="npm ci` failed installing VitePress:\nnpm error network ETIMEDOUT"):
        install_site_tools(target)
    assert not target.exists()
    assert list(target.parent.iterdir()) == []
    assert not locate_site_tools().installed


def test_an_unwritable_cache_is_a_one_line_error(scaffold: Path, tmp_path: Path,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    _fake_npm(tmp_path, monkeypatch, "exit 0")
    blocker = tmp_path / "file"
    blocker.write_text("", encoding="utf-8")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocker))  # a file where the folder should be
    with pytest.raises(SiteError, match=r"can't write the cache folder .*: set XDG_CACHE_HOME"):
        install_site_tools(locate_site_tools().folder)


def test_the_site_variable_and_a_clone_keep_working(scaffold: Path, tmp_path: Path,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(SITE_ENV, str(tmp_path / "nowhere"))
    with pytest.raises(SiteError, match="npm ci --prefix site"):
        locate_site_tools()
    own = tmp_path / "own"
    (own / "node_modules" / "vitepress").mkdir(parents=True)
    (own / "node_modules" / "vitepress" / "package.json").write_text("{}", encoding="utf-8")
    monkeypatch.setenv(SITE_ENV, str(own))
    assert site_tools_dir() == own
    monkeypatch.delenv(SITE_ENV)
    (scaffold / "node_modules" / "vitepress").mkdir(parents=True)  # a clone after `npm ci --prefix site`
    (scaffold / "node_modules" / "vitepress" / "package.json").write_text("{}", encoding="utf-8")
    assert site_tools_dir() == scaffold


# --- the wheel in a fresh virtual environment (real npm, real VitePress) ---------------------


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _answers(url: str) -> bool:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return bool(response.status == 200 and "Stripe" in response.read().decode("utf-8"))
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return False


def _preview_once(bin_dir: Path, workdir: Path, env: dict[str, str], seconds: float) -> str:
    """Run the installed `extract-docs preview` until its page answers; stop it; its stderr."""
    port = _free_port()
    command = [str(bin_dir / "extract-docs"), "preview", "stripe_payments", "--port", str(port)]
    process = subprocess.Popen(command, cwd=workdir, env=env, stdout=subprocess.DEVNULL,
                               stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + seconds
    try:
        while not _answers(f"http://127.0.0.1:{port}/stripe_payments.md?import"):
            assert process.poll() is None, process.communicate()[1]
            assert time.monotonic() < deadline, "the preview never answered"
            time.sleep(0.5)
    finally:
        process.send_signal(signal.SIGTERM)
        _, stderr = process.communicate(timeout=30)
    assert process.returncode == 0, stderr
    return stderr


@pytest.fixture(scope="module")
def installed_wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The wheel built from this checkout, installed into a fresh virtual environment; its bin folder."""
    if shutil.which("node") is None or shutil.which("npm") is None:
        pytest.skip("Node.js and npm are needed to install VitePress")
    root = tmp_path_factory.mktemp("wheel")
    subprocess.run([sys.executable, "-m", "build", "--wheel", "--outdir", str(root / "dist"), str(REPO)],
                   check=True, capture_output=True, timeout=300)
    wheel = next((root / "dist").glob("extract_docs-*.whl"))
    # the dependencies come from this interpreter's site-packages; extract-docs from the wheel alone
    subprocess.run([sys.executable, "-m", "venv", "--system-site-packages", str(root / "venv")],
                   check=True, timeout=300)
    bin_dir = root / "venv" / ("Scripts" if os.name == "nt" else "bin")
    subprocess.run([str(bin_dir / "python"), "-m", "pip", "install", "--quiet", "--no-deps", str(wheel)],
                   check=True, timeout=300)
    return bin_dir


@pytest.mark.slow
@pytest.mark.judge
def test_preview_from_the_wheel_installs_vitepress_once(installed_wheel: Path, tmp_path: Path) -> None:
    env = {key: value for key, value in os.environ.items() if key not in {SITE_ENV, "PYTHONPATH"}}
    env["XDG_CACHE_HOME"] = str(tmp_path / "cache")
    where = subprocess.run([str(installed_wheel / "python"), "-c", "import extractor; print(extractor.__file__)"],
                           cwd=tmp_path, env=env, capture_output=True, text=True, check=True).stdout
    assert where.startswith(str(installed_wheel.parent)), where  # the wheel, not this checkout
    shutil.copytree(SAMPLES / "stripe_payments", tmp_path / "stripe_payments",
                    ignore=shutil.ignore_patterns("__pycache__"))
    first = _preview_once(installed_wheel, tmp_path, env, 600)
    assert "preview: first run: installing VitePress into" in first
    assert "VitePress installed in" in first
    installed = list((tmp_path / "cache" / "extract-docs").glob("site*"))  # the cache's key sits beside it
    assert len(installed) == 1 and installed[0].name.startswith("site-")
    assert (installed[0] / "node_modules" / "vitepress" / "package.json").is_file()
    second = _preview_once(installed_wheel, tmp_path, env, 120)
    assert "installing" not in second
    assert "preview: http://127.0.0.1:" in second
