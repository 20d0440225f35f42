"""docs/ci.md is run as written: its configuration, the `extract-docs` command lines of its
GitHub Actions workflow and GitLab CI job, its pre-commit block and its `--check` output.

The YAML blocks are parsed with PyYAML; every `extract-docs …` line is run in a shell (as CI
runs it) on a copy of the samples laid out as the configuration block says: fresh → exit 0,
after a model field changed → exit 1 with a diff naming the change, a broken configuration
→ exit 2.
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

REPO = Path(__file__).resolve().parent.parent
CI_DOC = REPO / "docs" / "ci.md"
FIELD_OLD = 'currency: Currency = Field(Currency.RUB, description="Валюта платежа")'
FIELD_NEW = 'currency: Currency = Field(Currency.RUB, description="Валюта платежа, код ISO 4217")'
STALE = "integrations/stripe_payments/README.md"
COUNT = len(find_integrations(SAMPLES))


def blocks(language: str) -> list[str]:
    """The fenced blocks of docs/ci.md in `language`, in order."""
    text = CI_DOC.read_text(encoding="utf-8")
    return re.findall(rf"^```{language}\n(.*?)^```$", text, flags=re.S | re.M)


def _yaml_blocks() -> list[Any]:
    return [yaml.safe_load(block) for block in blocks("yaml")]


def github_commands() -> list[str]:
    """The `run:` lines of every step of the GitHub Actions workflow."""
    (workflow,) = [doc for doc in _yaml_blocks() if isinstance(doc, dict) and "jobs" in doc]
    return [step["run"] for job in workflow["jobs"].values() for step in job["steps"] if "run" in step]


def gitlab_commands() -> list[str]:
    """The `before_script` and `script` lines of the GitLab CI job."""
    (job,) = [value for doc in _yaml_blocks() if isinstance(doc, dict) and "jobs" not in doc
              for value in doc.values() if isinstance(value, dict) and "script" in value]
    return [*job.get("before_script", []), *job["script"]]


def tool_commands(commands: list[str]) -> list[str]:
    """The `extract-docs` lines; the others may only install the tool."""
    others = [line for line in commands if not line.startswith("extract-docs")]
    assert all(line.startswith("pip install ") for line in others), others
    return [line for line in commands if line.startswith("extract-docs")]


CI_COMMANDS = {
    "github": tool_commands(github_commands()),
    "gitlab": tool_commands(gitlab_commands()),
}
CI_ENV = {"github": {"CI": "true", "GITHUB_ACTIONS": "true"}, "gitlab": {"CI": "true", "GITLAB_CI": "true"}}


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """The samples under integrations/, with docs/ci.md's configuration block."""
    (toml,) = blocks("toml")
    shutil.copytree(SAMPLES, tmp_path / "integrations",
                    ignore=shutil.ignore_patterns("__pycache__", "*.pyc", ".extract-docs-cache", "extract-docs.toml"))
    (tmp_path / "pyproject.toml").write_text(toml, encoding="utf-8")
    return tmp_path


def run_line(line: str, cwd: Path, ci: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, **CI_ENV[ci]}
    env["PATH"] = str(Path(sys.executable).parent) + os.pathsep + env.get("PATH", "")
    return subprocess.run(["bash", "-c", line], cwd=cwd, env=env, capture_output=True, text=True, check=False)


def change_field(project: Path) -> None:
    models = project / "integrations" / "stripe_payments" / "models.py"
    text = models.read_text(encoding="utf-8")
    assert FIELD_OLD in text
    models.write_text(text.replace(FIELD_OLD, FIELD_NEW), encoding="utf-8")


def test_the_examples_are_where_the_test_looks() -> None:
    assert CI_COMMANDS["github"] == ["extract-docs --check --annotations github"]
    assert CI_COMMANDS["gitlab"] == ["extract-docs --check"]


@pytest.mark.parametrize("ci", sorted(CI_COMMANDS))
def test_ci_command_lines_pass_on_fresh_documents_and_fail_on_stale_ones(project: Path, ci: str) -> None:
    for line in CI_COMMANDS[ci]:
        fresh = run_line(line, project, ci)
        assert fresh.returncode == 0, fresh.stdout + fresh.stderr
        assert (fresh.stdout, fresh.stderr) == ("", f"{COUNT} files up to date\n")

    change_field(project)
    for line in CI_COMMANDS[ci]:
        stale = run_line(line, project, ci)
        assert stale.returncode == 1, stale.stdout + stale.stderr
        assert f"--- a/{STALE}\n+++ b/{STALE}\n" in stale.stdout
        assert "-\t * Валюта платежа\n+\t * Валюта платежа, код ISO 4217\n" in stale.stdout
        assert f"{COUNT - 1} up to date, 1 stale: {STALE}; run `extract-docs` to update" in stale.stderr
        if "--annotations github" in line:
            assert re.search(rf"^::error file={re.escape(STALE)},line=\d+::stale: ", stale.stderr, re.M)
        else:
            assert f"{STALE}: stale\n" in stale.stderr

    assert run_line("extract-docs", project, ci).returncode == 0
    for line in CI_COMMANDS[ci]:
        assert run_line(line, project, ci).returncode == 0


@pytest.mark.parametrize("ci", sorted(CI_COMMANDS))
def test_ci_command_lines_exit_2_on_a_configuration_error(project: Path, ci: str) -> None:
    pyproject = project / "pyproject.toml"
    pyproject.write_text(pyproject.read_text(encoding="utf-8") + '\n[tool.extract-docs.overrides.x]\nnmae = "X"\n',
                         encoding="utf-8")
    for line in CI_COMMANDS[ci]:
        result = run_line(line, project, ci)
        assert result.returncode == 2, result.stdout + result.stderr
        assert "unknown key(s) overrides.x.nmae" in result.stderr


def test_the_local_commands_regenerate_and_check(project: Path) -> None:
    (local,) = blocks("bash")
    lines = [line.split("#")[0].strip() for line in local.splitlines()]
    assert lines == ["extract-docs", "extract-docs --check"]
    change_field(project)
    assert run_line(lines[1], project, "gitlab").returncode == 1
    assert run_line(lines[0], project, "gitlab").returncode == 0
    assert run_line(lines[1], project, "gitlab").returncode == 0


def _unnumbered(text: str) -> str:
    """Without the numbers that change when a sample is added: hunk lines, counts, checksums."""
    text = re.sub(r"^@@ -\d+,\d+ \+\d+,\d+ @@$", "@@ … @@", text, flags=re.M)
    text = re.sub(r"(<!-- extract-docs:checksum)[ 0-9a-f]+ -->", r"\1 … -->", text)
    return re.sub(r"^\d+ (up to date|warnings)", r"N \1", text, flags=re.M)


def test_the_check_output_shown_is_real(project: Path) -> None:
    shown = next(block for block in blocks("text") if block.startswith("$ extract-docs --check\n"))
    command, _, expected = shown.partition("\n")
    change_field(project)
    result = run_line(command.removeprefix("$ "), project, "gitlab")
    assert _unnumbered(result.stdout + result.stderr) == _unnumbered(expected)


def test_the_strict_output_shown_is_real(project: Path) -> None:
    shown = next(block for block in blocks("text") if block.startswith("$ extract-docs --check --strict\n"))
    command, _, expected = shown.partition("\n")
    first, ellipsis, last = expected.splitlines()
    assert ellipsis == "…"
    result = run_line(command.removeprefix("$ "), project, "gitlab")
    assert result.returncode == 1
    lines = result.stderr.splitlines()
    assert (lines[0], _unnumbered(lines[-1])) == (first, _unnumbered(last))


def test_the_pre_commit_example_uses_the_shipped_hooks() -> None:
    shipped = {hook["id"] for hook in yaml.safe_load((REPO / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))}
    (config,) = [doc for doc in _yaml_blocks() if isinstance(doc, dict) and "repos" in doc]
    used = {hook["id"] for repo in config["repos"] for hook in repo["hooks"]}
    assert used <= shipped
    text = CI_DOC.read_text(encoding="utf-8")
    for hook_id in shipped:
        assert f"`{hook_id}`" in text
