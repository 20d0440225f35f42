"""Nothing of the integration runs: audit hooks watch a real run, and the tool's source is guarded."""

from __future__ import annotations

import ast
import json
import subprocess
import sys
from pathlib import Path

from .conftest import SAMPLES

ROOT = SAMPLES.parent
MARKER = Path("/tmp/extract-docs-side-effects.marker")

WATCHER = r"""
import json, sys
events = []
SAMPLES = sys.argv[1]
def hook(event, args):
    if event == "import" and args and str(args[0]).split(".")[0] in {"side_effects", "platform_sdk"}:
        events.append(["import", str(args[0])])
    elif event == "open" and args and "side-effects.marker" in str(args[0]):
        events.append(["open", str(args[0])])
    elif event.startswith("socket.") and event not in {"socket.gethostname"}:
        events.append([event, repr(args)[:80]])
    elif event == "compile" and len(args) > 1 and SAMPLES in str(args[1]):
        events.append(["compile", str(args[1])])
    elif event == "exec" and args and SAMPLES in str(getattr(args[0], "co_filename", "")):
        events.append(["exec", args[0].co_filename])
    elif event in {"os.system", "subprocess.Popen", "os.exec", "os.posix_spawn", "os.fork"}:
        events.append([event, repr(args)[:80]])
sys.addaudithook(hook)
sys.argv = ["extract-docs", sys.argv[2], "--format", "json", "--no-cache"]
from extractor.cli import main
try:
    main()
except SystemExit as exc:
    code = exc.code
else:
    code = 0
print("AUDIT" + json.dumps({"code": code, "events": events}))
"""


def test_a_module_with_side_effects_is_documented_and_nothing_of_it_runs() -> None:
    MARKER.unlink(missing_ok=True)
    result = subprocess.run(
        [sys.executable, "-c", WATCHER, str(SAMPLES), str(SAMPLES / "side_effects")],
        cwd=ROOT, capture_output=True, text=True, check=False,
    )
    audit = json.loads(result.stdout.rsplit("AUDIT", 1)[1])
    assert audit == {"code": 0, "events": []}, result.stderr
    document = json.loads(result.stdout.rsplit("AUDIT", 1)[0])
    assert document["slug"] == "side_effects" and document["handlers"]
    assert not MARKER.exists()


FORBIDDEN_CALLS = {"eval", "exec", "compile", "__import__", "execfile"}
FORBIDDEN_ATTRIBUTES = {"import_module", "run_path", "run_module", "exec_module", "load_module",
                        "spec_from_file_location", "system", "popen"}


def test_the_tool_never_evaluates_or_imports_target_code() -> None:
    offenders = []
    for path in sorted((ROOT / "extractor").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call):
                continue
            func = node.func
            name = func.id if isinstance(func, ast.Name) else func.attr if isinstance(func, ast.Attribute) else ""
            if (isinstance(func, ast.Name) and name in FORBIDDEN_CALLS) or name in FORBIDDEN_ATTRIBUTES:
                offenders.append(f"{path.relative_to(ROOT)}:{node.lineno}: {name}()")
    assert offenders == []


def test_the_watcher_sees_an_import_of_target_code() -> None:
    """Control: the audit hook above is not vacuous."""
    script = WATCHER.replace("from extractor.cli import main",
                             "sys.path.insert(0, SAMPLES)\nimport platform_sdk\nfrom extractor.cli import main")
    result = subprocess.run(
        [sys.executable, "-c", script, str(SAMPLES), str(SAMPLES / "stripe_payments")],
        cwd=ROOT, capture_output=True, text=True, check=False,
    )
    audit = json.loads(result.stdout.rsplit("AUDIT", 1)[1])
    assert ["import", "platform_sdk"] in audit["events"]
