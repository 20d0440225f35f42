"""Nothing of the integration runs: audit hooks watch real runs, and the tool's source is guarded.

`sample_integrations/side_effects` writes a marker file, opens a socket and exits at import
(and `models.py` raises): a run documents it while an audit hook records every import,
compile-and-exec of its code, file open, socket and process start. The sample is copied to a
fresh folder first, so that a `__pycache__` appearing there would also tell an import.
"""

from __future__ import annotations

import ast
import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import SAMPLES

ROOT = SAMPLES.parent
MARKER = Path("/tmp/extract-docs-side-effects.marker")
SAMPLE_LITERALS = ["/tmp/extract-docs-side-effects.marker", "198.51.100.7",
                   "models.py: импорт этого модуля запрещён — extract-docs не должен его исполнять"]

WATCHER = r"""
import json, sys
events = []
SAMPLE, LITERALS = sys.argv[1], json.loads(sys.argv[3])
TARGET_MODULES = {"side_effects", "platform_sdk", "handlers", "models", "bootstrap"}

def constants(code, depth=0):
    for value in code.co_consts:
        if isinstance(value, str):
            yield value
        elif hasattr(value, "co_consts") and depth < 20:
            yield from constants(value, depth + 1)

def hook(event, args):
    if event == "import" and args and str(args[0]).split(".")[0] in TARGET_MODULES:
        events.append(["import", str(args[0])])
    elif event == "open" and args and ("side-effects.marker" in str(args[0]) or
                                        (SAMPLE in str(args[0]) and str(args[0]).endswith(".pyc"))):
        events.append(["open", str(args[0])])
    elif event.startswith("socket.") and event not in {"socket.gethostname"}:
        events.append([event, repr(args)[:80]])
    elif event == "compile" and len(args) > 1 and SAMPLE in str(args[1]):
        events.append(["compile", str(args[1])])
    elif event == "exec" and args and hasattr(args[0], "co_consts"):
        code = args[0]
        if SAMPLE in code.co_filename or any(text in LITERALS for text in constants(code)):
            events.append(["exec", code.co_filename])
    elif event == "ctypes.dlopen" and args and args[0] is None:
        pass  # `ctypes` itself loading (its `pythonapi`, the running process): no library of the target
    elif event in {"os.system", "subprocess.Popen", "os.exec", "os.posix_spawn", "os.fork", "os.spawn",
                   "ctypes.dlopen", "os.startfile"}:
        events.append([event, repr(args)[:80]])

sys.addaudithook(hook)
sys.argv = ["extract-docs", sys.argv[2], *sys.argv[4:], "--no-cache"]
from extractor.cli import main
try:
    main()
except SystemExit as exc:
    code = exc.code
else:
    code = 0
loaded = sorted(name for name in sys.modules if name.split(".")[0] in TARGET_MODULES)
print("AUDIT" + json.dumps({"code": code, "events": events, "loaded": loaded}))
"""


def _watch(sample: Path, *args: str, prelude: str = "") -> tuple[dict[str, object], str, str]:
    script = WATCHER.replace("from extractor.cli import main", prelude + "from extractor.cli import main")
    result = subprocess.run(
        [sys.executable, "-c", script, str(sample), str(sample), json.dumps(SAMPLE_LITERALS), *args],
        cwd=ROOT, capture_output=True, text=True, check=False,
    )
    assert "AUDIT" in result.stdout, result.stderr[-3000:]
    output, audit = result.stdout.rsplit("AUDIT", 1)
    return json.loads(audit), output, result.stderr


@pytest.fixture
def side_effects(tmp_path: Path) -> Path:
    copy = tmp_path / "side_effects"
    shutil.copytree(SAMPLES / "side_effects", copy, ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
    return copy


@pytest.mark.parametrize("form", ["json", "markdown", "files"])
def test_a_module_with_side_effects_is_documented_and_nothing_of_it_runs(side_effects: Path, form: str) -> None:
    MARKER.unlink(missing_ok=True)
    written = side_effects.parent / "written"
    args = {"json": ("--format", "json"), "markdown": (), "files": ("-o", f"{written}/")}[form]
    audit, output, stderr = _watch(side_effects, *args)
    assert audit == {"code": 0, "events": [], "loaded": []}, stderr
    assert not MARKER.exists()
    assert not list(side_effects.rglob("__pycache__")) and not list(side_effects.rglob("*.pyc"))
    if form == "files":
        assert "## Обзор" in (written / "side_effects.md").read_text(encoding="utf-8")
    if form == "json":
        document = json.loads(output)
        assert document["slug"] == "side_effects"
        assert [handler["name"] for handler in document["handlers"]] == ["get-stock"]
        assert document["handlers"][0]["request"]["model"] == "StockRequest"
        assert [row["name"] for row in document["env_vars"]] == ["WAREHOUSE_URL"]
        assert [error["code"] for error in document["errors"]] == ["warehouse_unavailable"]


def test_the_watcher_sees_an_import_of_target_code() -> None:
    """Control: the audit hook above is not vacuous for imports."""
    audit, _, _ = _watch(SAMPLES / "stripe_payments", prelude="sys.path.insert(0, str(__import__('pathlib')."
                         "Path(SAMPLE).parent))\nimport platform_sdk\n")
    assert ["import", "platform_sdk"] in audit["events"] and audit["loaded"]


def test_the_watcher_sees_target_code_compiled_and_run_under_any_name() -> None:
    """Control: code carrying the sample's literals, compiled under another file name and run,
    is caught by its constants."""
    prelude = f"exec(compile(\"X = {SAMPLE_LITERALS[1]!r}\", '<disguised>', 'exec'))\n"
    audit, _, _ = _watch(SAMPLES / "stripe_payments", prelude=prelude)
    assert ["exec", "<disguised>"] in audit["events"]


def test_the_watcher_sees_a_socket_and_a_process() -> None:
    prelude = ("import socket, subprocess\nsocket.socket().close()\n"
               "subprocess.run([sys.executable, '-c', 'pass'], check=True)\n")
    audit, _, _ = _watch(SAMPLES / "stripe_payments", prelude=prelude)
    kinds = {event[0] for event in audit["events"]}  # type: ignore[union-attr]
    assert "socket.__new__" in kinds and "subprocess.Popen" in kinds


FORBIDDEN_CALLS = {"eval", "exec", "compile", "__import__", "execfile", "breakpoint"}
FORBIDDEN_ATTRIBUTES = {"import_module", "run_path", "run_module", "exec_module", "load_module",
                        "spec_from_file_location", "module_from_spec", "load_source", "system", "popen",
                        "literal_eval", "loads"}
ALLOWED_LOADS = {"json"}
"""`json.loads` reads data; `pickle.loads` / `marshal.loads` would run or load code."""
FORBIDDEN_MODULES = {"runpy", "imp", "importlib", "importlib.util", "importlib.machinery", "pickle",
                     "marshal", "code", "codeop", "zipimport", "ctypes", "shelve", "dill"}
PROCESS_MODULES = {"extractor/app/site.py", "extractor/app/tooling.py", "extractor/cli/preview.py"}
"""The only modules that start processes: the documentation site's own tools (npm/VitePress),
never anything of an integration."""


def _offences(path: Path, tree: ast.AST) -> list[str]:
    rel = path.relative_to(ROOT).as_posix()
    found = []
    for node in ast.walk(tree):
        name = ""
        if isinstance(node, ast.Name) and node.id in FORBIDDEN_CALLS:
            name = node.id  # called, or aliased (`run = exec`)
        elif isinstance(node, ast.Attribute) and node.attr in FORBIDDEN_ATTRIBUTES:
            owner = node.value.id if isinstance(node.value, ast.Name) else ""
            name = "" if node.attr == "loads" and owner in ALLOWED_LOADS else node.attr
        elif isinstance(node, ast.Import | ast.ImportFrom):
            modules = [a.name for a in node.names] if isinstance(node, ast.Import) else [node.module or ""]
            banned = FORBIDDEN_MODULES | (set() if rel in PROCESS_MODULES else {"subprocess", "pty"})
            name = next((module for module in modules if module in banned), "")
        if name:
            found.append(f"{rel}:{getattr(node, 'lineno', 0)}: {name}")
    return found


def test_the_tool_never_evaluates_or_imports_target_code() -> None:
    offenders = []
    for path in sorted((ROOT / "extractor").rglob("*.py")):
        offenders += _offences(path, ast.parse(path.read_text(encoding="utf-8")))
    assert offenders == []


@pytest.mark.parametrize("snippet", [
    "exec(code)", "run = eval", "__import__('x')", "importlib.import_module(name)", "import runpy",
    "from importlib import util", "pickle.loads(data)", "ast.literal_eval(text)", "os.system('x')",
    "import subprocess",
])
def test_the_source_guard_catches(snippet: str) -> None:
    """Control: each forbidden form is caught by the scan above."""
    assert _offences(ROOT / "extractor" / "example.py", ast.parse(snippet))
