"""action.yml, the composite GitHub Action, runs as GitHub would run it.

Its steps are read with PyYAML; each `run` step's command runs in bash (`bash --noprofile
--norc -eo pipefail`, GitHub's `shell: bash`) with `${{ inputs.* }}` substituted, in a
temporary project: the samples under `integrations/` and docs/ci.md's configuration. The
install step is checked, not run (it would build and install this checkout from the network):
`extract-docs` is this checkout's, on PATH.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

from extractor.discover import find_integrations
from tests.conftest import SAMPLES
from tests.docs_blocks import REPO, blocks

ACTION = yaml.safe_load((REPO / "action.yml").read_text(encoding="utf-8"))
STEPS: list[dict[str, Any]] = ACTION["runs"]["steps"]
EXPRESSION = re.compile(r"\$\{\{\s*inputs\.([\w-]+)\s*\}\}")
STALE = "integrations/stripe_payments/README.md"
FIELD_OLD = 'description="Валюта платежа")'
FIELD_NEW = 'description="Валюта платежа, код ISO 4217")'
COUNT = len(find_integrations(SAMPLES))


def substitute(value: str, inputs: dict[str, str]) -> str:
    """`value` with each `${{ inputs.NAME }}` replaced as GitHub does (a default when not given)."""
    known = {name: str(spec.get("default", "")) for name, spec in ACTION["inputs"].items()}
    unknown = set(EXPRESSION.findall(value)) - set(known)
    assert not unknown, f"action.yml uses undeclared inputs {unknown}"
    return EXPRESSION.sub(lambda match: {**known, **inputs}[match[1]], value)


def run_steps(project: Path, **inputs: str) -> subprocess.CompletedProcess[str]:
    """Run the action's `run` steps but the install step in `project`; the last result (or the
    first failing one)."""
    assert set(inputs) <= set(ACTION["inputs"]), inputs
    env = {key: value for key, value in os.environ.items() if not key.startswith(("CI", "GITHUB_"))}
    env.update(CI="true", GITHUB_ACTIONS="true", PYTHONPATH=str(REPO),
               PATH=str(Path(sys.executable).parent) + os.pathsep + os.environ.get("PATH", ""))
    result = None
    for step in STEPS:
        if "run" not in step or step.get("id") == "install":
            continue
        step_env = {**env, **{key: substitute(str(value), inputs) for key, value in step.get("env", {}).items()}}
        cwd = project / substitute(step.get("working-directory", "."), inputs)
        result = subprocess.run(["bash", "--noprofile", "--norc", "-eo", "pipefail", "-c", step["run"]],
                                cwd=cwd, env=step_env, capture_output=True, text=True, check=False, timeout=300)
        if result.returncode != 0:
            break
    assert result is not None
    return result


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """The samples under integrations/ with docs/ci.md's configuration, documents generated."""
    shutil.copytree(SAMPLES, tmp_path / "integrations",
                    ignore=shutil.ignore_patterns("__pycache__", "*.pyc", ".extract-docs-cache", "extract-docs.toml"))
    (config,) = [block.body for block in blocks(REPO / "docs" / "ci.md") if block.language == "toml"]
    (tmp_path / "pyproject.toml").write_text(config, encoding="utf-8")
    return tmp_path


def change_field(project: Path) -> None:
    models = project / "integrations" / "stripe_payments" / "models.py"
    text = models.read_text(encoding="utf-8")
    assert FIELD_OLD in text
    models.write_text(text.replace(FIELD_OLD, FIELD_NEW), encoding="utf-8")


def test_the_action_is_composite_with_the_documented_inputs() -> None:
    assert ACTION["runs"]["using"] == "composite"
    assert {"paths", "check", "annotations", "strict", "config", "working-directory"} <= set(ACTION["inputs"])
    for name, spec in ACTION["inputs"].items():
        assert spec["description"] and "default" in spec, name
    for step in STEPS:
        if "run" in step:
            assert step["shell"] == "bash", step
    ci_doc = (REPO / "docs" / "ci.md").read_text(encoding="utf-8")
    for name in ACTION["inputs"]:
        assert f"`{name}`" in ci_doc, f"docs/ci.md does not describe the input {name}"


def test_the_install_step_installs_the_actions_own_checkout_or_the_given_version() -> None:
    (install,) = [step for step in STEPS if step.get("id") == "install"]
    assert install["run"] == 'python -m pip install --quiet "${SPEC:-$GITHUB_ACTION_PATH}"'
    assert substitute(install["env"]["SPEC"], {"version": "extract-docs==0.1.0"}) == "extract-docs==0.1.0"


def test_the_check_passes_on_fresh_documents_and_fails_with_annotations_on_stale_ones(project: Path) -> None:
    assert run_steps(project, check="false").returncode == 0
    fresh = run_steps(project)
    assert fresh.returncode == 0, fresh.stdout + fresh.stderr
    assert f"{COUNT} files up to date" in fresh.stderr

    change_field(project)
    stale = run_steps(project)
    assert stale.returncode == 1, stale.stdout + stale.stderr
    assert re.search(rf"^::error file={re.escape(STALE)},line=\d+::stale: ", stale.stderr, re.M)
    assert f"--- a/{STALE}" in stale.stdout

    plain = run_steps(project, annotations="none")
    assert plain.returncode == 1
    assert f"{STALE}: stale" in plain.stderr and "::error" not in plain.stderr


def test_regenerating_then_checking_given_paths(project: Path) -> None:
    change_field(project)
    paths = "integrations/stripe_payments integrations/amocrm"
    assert run_steps(project, paths=paths, check="false").returncode == 0
    result = run_steps(project, paths=paths)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "2 files up to date" in result.stderr
    assert f"extract-docs --annotations github --check {paths}" in result.stdout


def test_strict_and_config_inputs_reach_the_command_line(project: Path) -> None:
    (project / "pyproject.toml").rename(project / "docs.toml")
    config = (project / "docs.toml").read_text(encoding="utf-8")
    (project / "docs.toml").write_text(config.replace("[tool.extract-docs]\n", "").replace("tool.extract-docs.", ""),
                                       encoding="utf-8")
    result = run_steps(project, check="false", strict="true", config="docs.toml")
    assert "extract-docs --annotations github --strict --config docs.toml" in result.stdout
    assert result.returncode == 1  # the samples leave fields undocumented on purpose
    assert "::warning file=" in result.stderr and "[field-description]" in result.stderr


@pytest.mark.parametrize(("inputs", "message"), [
    ({"check": "yes"}, "::error::input 'check' must be true or false, not 'yes'"),
    ({"annotations": "gitlab"}, "Invalid value for '--annotations'"),
])
def test_a_bad_input_fails_with_exit_2(project: Path, inputs: dict[str, str], message: str) -> None:
    result = run_steps(project, **inputs)
    assert result.returncode == 2, result.stdout + result.stderr
    assert message in result.stdout + result.stderr


def test_the_usage_shown_in_docs_ci_uses_real_inputs() -> None:
    snippets = [yaml.safe_load(block.body) for block in blocks(REPO / "docs" / "ci.md") if block.language == "yaml"]
    uses = [step for snippet in snippets if isinstance(snippet, list) for step in snippet
            if str(step.get("uses", "")).split("@")[0].endswith("/extract-docs")]
    assert uses, "docs/ci.md shows no step using the action"
    for step in uses:
        assert set(step.get("with", {})) <= set(ACTION["inputs"]), step
