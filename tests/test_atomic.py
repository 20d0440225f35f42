"""Nothing lost: a run killed (SIGKILL) while it writes a large document leaves the previous
document intact, hand-written regions and all; the next run removes the temporary file the
killed one left and writes the new document.

The kill is made deterministic: a child process runs the real CLI with the write stage
slowed at one point (half the bytes written, or everything written but not yet renamed
into place), announces it through a marker file, and waits there to be killed.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from extractor.write import remove_stale_temporaries

from .hostile_kit import ROOT, make_package, run_cli

CHILD = r"""
import os, sys, time

mode, marker = sys.argv[1], sys.argv[2]

def announce_and_wait():
    with open(marker, "w") as stream:
        stream.write(str(os.getpid()))
    time.sleep(3600)

def is_temporary(descriptor):
    return os.readlink(f"/proc/self/fd/{descriptor}").endswith(".tmp")

if mode == "mid-write":
    real_fdopen = os.fdopen

    class HalfWriter:
        def __init__(self, stream):
            self.stream = stream
        def __enter__(self):
            return self
        def __exit__(self, *exc):
            self.stream.close()
        def write(self, data):
            self.stream.write(data[: len(data) // 2])
            self.stream.flush()
            announce_and_wait()
        def __getattr__(self, name):
            return getattr(self.stream, name)

    def fdopen(descriptor, *args, **kwargs):
        stream = real_fdopen(descriptor, *args, **kwargs)
        return HalfWriter(stream) if is_temporary(descriptor) else stream

    os.fdopen = fdopen
else:
    real_replace = os.replace

    def replace(source, target, *args, **kwargs):
        if str(source).endswith(".tmp"):
            announce_and_wait()
        return real_replace(source, target, *args, **kwargs)

    os.replace = replace

sys.argv = ["extract-docs", *sys.argv[3:], "--no-cache"]
from extractor.cli import main
main()
"""

HAND_WRITTEN = "Лимит API: 100 запросов в минуту (написано вручную)."


def _many_handlers(count: int) -> str:
    lines = ["from pydantic import BaseModel, Field", "", "from . import integration", ""]
    for index in range(count):
        lines += [
            f"class Order{index}Request(BaseModel):",
            f'    """Заказ {index}."""',
            "",
            *[f'    field_{j}: str = Field(description="Поле {j} заказа {index}, подробное описание")'
              for j in range(12)],
            "",
            f'@integration.handler("order-{index}")',
            f"def order_{index}(request: Order{index}Request) -> None:",
            f'    """Создаёт заказ {index}."""',
            "",
        ]
    return "\n".join(lines) + "\n"


@pytest.fixture
def project(tmp_path: Path) -> tuple[Path, Path]:
    """An integration with its document written, a hand-written region filled in, then the
    code changed so that the next document is large and different."""
    folder = make_package(tmp_path)
    first = run_cli(tmp_path, "demo", "-o", "docs/")
    assert first.returncode == 0, first.stderr
    document = tmp_path / "docs" / "demo.md"
    text = document.read_text(encoding="utf-8")
    end = "<!-- extract-docs:end manual:limitations -->"
    assert end in text
    document.write_text(text.replace(end, f"{HAND_WRITTEN}\n{end}"), encoding="utf-8")
    (folder / "orders.py").write_text(_many_handlers(120), encoding="utf-8")
    init = folder / "__init__.py"
    init.write_text(init.read_text(encoding="utf-8").replace("import handlers", "import handlers, orders"))
    return tmp_path, document


def _kill_during_write(cwd: Path, mode: str, *args: str) -> None:
    marker = cwd / "writing.marker"
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    child = subprocess.Popen([sys.executable, "-c", CHILD, mode, str(marker), *args], cwd=cwd, env=env,
                             stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 240
    while not marker.exists() and child.poll() is None and time.monotonic() < deadline:
        time.sleep(0.05)
    if not marker.exists():
        child.kill()
        _, stderr = child.communicate()
        pytest.fail(f"the child never reached the write: {stderr.decode()[-2000:]}")
    os.kill(child.pid, signal.SIGKILL)
    child.communicate(timeout=60)
    assert child.returncode == -signal.SIGKILL


def _temporaries(folder: Path) -> list[Path]:
    return sorted(folder.glob(".*.tmp"))


@pytest.mark.parametrize("mode", ["mid-write", "before-replace"])
def test_a_killed_write_leaves_the_previous_document_and_the_next_run_cleans_up(
    project: tuple[Path, Path], mode: str
) -> None:
    cwd, document = project
    previous = document.read_bytes()
    _kill_during_write(cwd, mode, "demo", "-o", "docs/")
    assert document.read_bytes() == previous
    (temporary,) = _temporaries(document.parent)
    assert temporary.name.startswith(".demo.md.") and temporary.stat().st_size > 100_000
    if mode == "mid-write":
        assert not temporary.read_bytes().endswith(b"\n")
    again = run_cli(cwd, "demo", "-o", "docs/")
    assert again.returncode == 0, again.stderr
    assert _temporaries(document.parent) == []
    text = document.read_text(encoding="utf-8")
    assert len(text) > 200_000 and "### order-119" in text.replace("`", "")
    assert HAND_WRITTEN in text


def test_a_killed_json_write_leaves_the_previous_file(tmp_path: Path) -> None:
    folder = make_package(tmp_path)
    assert run_cli(tmp_path, "demo", "--format", "json", "-o", "out.json").returncode == 0
    previous = (tmp_path / "out.json").read_bytes()
    (folder / "orders.py").write_text(_many_handlers(60), encoding="utf-8")
    init = folder / "__init__.py"
    init.write_text(init.read_text(encoding="utf-8").replace("import handlers", "import handlers, orders"))
    _kill_during_write(tmp_path, "mid-write", "demo", "--format", "json", "-o", "out.json")
    assert (tmp_path / "out.json").read_bytes() == previous
    assert len(_temporaries(tmp_path)) == 1


def test_only_temporaries_of_dead_processes_are_removed(tmp_path: Path) -> None:
    target = tmp_path / "doc.md"
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True,
                          text=True, check=True)
    stale = tmp_path / f".doc.md.{dead.stdout.strip()}.abc.tmp"
    running = tmp_path / f".doc.md.{os.getpid()}.def.tmp"
    unrelated = tmp_path / ".other.md.1.x.tmp"
    for path in (stale, running, unrelated):
        path.write_text("partial")
    assert remove_stale_temporaries(target) == [stale]
    assert not stale.exists() and running.exists() and unrelated.exists()


ODD_NAMES = ["..evil", "-rf", "a b", "платежи", "\u202eevil\u202c", "tab\there", "line\nbreak", "x" * 200,
             "dots...", "CON", "ｆｕｌｌ"]


def test_output_paths_stay_inside_the_output_folder_whatever_the_names(tmp_path: Path) -> None:
    project = tmp_path / "project"
    for name in ODD_NAMES:
        make_package(project, name=name)
    before = {path for path in tmp_path.rglob("*")}
    result = run_cli(tmp_path, "project", "-o", "out/")
    assert result.returncode == 0, result.stderr
    written = {path for path in tmp_path.rglob("*")} - before
    out = (tmp_path / "out").resolve()
    assert written and all(path.resolve().is_relative_to(out) for path in written)
    names = sorted(path.name for path in written if path.is_file())
    assert len(names) == len(ODD_NAMES) - 1  # `..evil` is a hidden folder: not an integration
    for name in names:
        assert name.endswith(".md") and not name.startswith(("-", ".")) and len(name.encode()) < 255
        assert not any(char in name for char in "/\\\n\t\u202e\u202c ")
    assert "платежи.md" in names and "x" * 100 + ".md" in names


@pytest.mark.parametrize("pattern", ["../escape/{slug}.md", "/tmp/extract-docs-escape/{slug}.md",
                                     "{slug}/../../escape.md"])
def test_an_output_pattern_leaving_the_output_folder_is_refused(tmp_path: Path, pattern: str) -> None:
    make_package(tmp_path / "project")
    (tmp_path / "project" / "pyproject.toml").write_text(
        f'[tool.extract-docs]\npaths = ["demo"]\noutput = "{pattern}"\n', encoding="utf-8")
    before = {path for path in tmp_path.rglob("*")}
    result = run_cli(tmp_path / "project")
    assert "Traceback" not in result.stderr
    assert result.returncode == 2
    assert {path for path in tmp_path.rglob("*")} == before
    assert not Path("/tmp/extract-docs-escape").exists()
    assert len([line for line in result.stderr.splitlines() if "error:" in line]) == 1


def test_two_names_that_sanitise_alike_are_refused_not_overwritten(tmp_path: Path) -> None:
    for name in ("a b", "a\tb"):
        make_package(tmp_path / "project", name=name)
    result = run_cli(tmp_path, "project", "-o", "out/")
    assert result.returncode == 2 and not (tmp_path / "out").exists()
    (line,) = [line for line in result.stderr.splitlines() if "error:" in line]
    assert "would both write" in line
