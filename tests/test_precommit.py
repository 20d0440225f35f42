"""`.pre-commit-hooks.yaml` with the real `pre-commit` tool, in a temporary git repository.

A copy of this repository (committed in a temporary clone, so the test doesn't depend on
anyone's commits) is the hook repository; a second temporary repository holds the samples
and uses it. pre-commit installs the hook's environment with pip from the copy (it needs PyPI, and
takes about 10 s); everything it caches lives in the test's temporary folder (PRE_COMMIT_HOME,
PIP_CACHE_DIR, virtualenv's app data, git config).
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from tests.conftest import SAMPLES

pytest.importorskip("pre_commit", reason="pre-commit is in the test extras")

REPO = Path(__file__).resolve().parent.parent
HOOKS = REPO / ".pre-commit-hooks.yaml"
TOOL_FILES = ("pyproject.toml", "README.md", ".pre-commit-hooks.yaml", "extractor", "templates",
              "site/package.json", "site/package-lock.json", "site/config.mts")
"""What the wheel is built from: the package, its templates and the site scaffold it ships."""
FIELD_OLD = 'currency: Currency = Field(Currency.RUB, description="Валюта платежа")'
FIELD_NEW = 'currency: Currency = Field(Currency.RUB, description="Валюта платежа, код ISO 4217")'
PYPROJECT = """\
[tool.extract-docs]
paths = ["integrations"]
output = "{path}/README.md"

[tool.extract-docs.overrides.telegram_notify]
output = "integrations/telegram_notify.md"
"""


def _env(tmp: Path) -> dict[str, str]:
    gitconfig = tmp / "gitconfig"
    gitconfig.write_text("[user]\n\tname = Test\n\temail = test@example.com\n[init]\n\tdefaultBranch = main\n")
    env = {key: value for key, value in os.environ.items() if not key.startswith(("GIT_", "PRE_COMMIT"))}
    env.update(
        PRE_COMMIT_HOME=str(tmp / "pre-commit-home"),
        PIP_CACHE_DIR=str(tmp / "pip-cache"),
        VIRTUALENV_OVERRIDE_APP_DATA=str(tmp / "virtualenv-app-data"),
        GIT_CONFIG_GLOBAL=str(gitconfig),
        GIT_CONFIG_NOSYSTEM="1",
        # the hook must run the copy pre-commit installed, not this environment's command
        PATH=os.pathsep.join(p for p in env.get("PATH", "").split(os.pathsep)
                             if Path(p) != Path(sys.executable).parent),
    )
    env.pop("CI", None)
    return env


def _run(args: list[str], cwd: Path, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(args, cwd=cwd, env=env, capture_output=True, text=True, check=False)


def _git(cwd: Path, env: dict[str, str], *args: str) -> str:
    result = _run(["git", *args], cwd, env)
    assert result.returncode == 0, result.stderr
    return result.stdout.strip()


def _hook_repository(tmp: Path, env: dict[str, str]) -> tuple[Path, str]:
    """A committed copy of this repository's installable files; its path and commit."""
    tool = tmp / "extract-docs"
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc")
    for name in TOOL_FILES:
        source = REPO / name
        if source.is_dir():
            shutil.copytree(source, tool / name, ignore=ignore)
        else:
            (tool / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, tool / name)
    _git(tool, env, "init", "-q")
    _git(tool, env, "add", "-A")
    _git(tool, env, "commit", "-q", "-m", "extract-docs")
    return tool, _git(tool, env, "rev-parse", "HEAD")


def _project(tmp: Path, env: dict[str, str], tool: Path, rev: str) -> Path:
    """A git repository with the samples under integrations/, using both hooks."""
    project = tmp / "project"
    shutil.copytree(SAMPLES, project / "integrations",
                    ignore=shutil.ignore_patterns("__pycache__", "*.pyc", ".extract-docs-cache", "extract-docs.toml"))
    (project / "pyproject.toml").write_text(PYPROJECT, encoding="utf-8")
    config = {"repos": [{"repo": str(tool), "rev": rev,
                         "hooks": [{"id": "extract-docs"}, {"id": "extract-docs-fix"}]}]}
    (project / ".pre-commit-config.yaml").write_text(yaml.safe_dump(config), encoding="utf-8")
    _git(project, env, "init", "-q")
    _git(project, env, "add", "-A")
    _git(project, env, "commit", "-q", "-m", "samples")
    return project


def test_the_hooks_file_declares_both_hooks() -> None:
    hooks = {hook["id"]: hook for hook in yaml.safe_load(HOOKS.read_text(encoding="utf-8"))}
    assert set(hooks) == {"extract-docs", "extract-docs-fix"}
    assert hooks["extract-docs"]["entry"] == "extract-docs --check"
    assert hooks["extract-docs-fix"]["entry"] == "extract-docs"
    for hook in hooks.values():
        assert (hook["language"], hook["pass_filenames"], hook["require_serial"]) == ("python", False, True)
        pattern = re.compile(hook["files"])
        for path in ("integrations/stripe_payments/models.py", "amocrm/CHANGELOG.md", "x/changelog.md",
                     "pyproject.toml", "sample_integrations/extract-docs.toml"):
            assert pattern.search(path), path
        for path in ("README.md", "integrations/amocrm/README.md", "notes.txt", "my-pyproject.toml.bak"):
            assert not pattern.search(path), path


def test_pre_commit_runs_the_hooks_in_a_temporary_repository(tmp_path: Path) -> None:
    env = _env(tmp_path)
    tool, rev = _hook_repository(tmp_path, env)
    project = _project(tmp_path, env, tool, rev)
    pre_commit = [sys.executable, "-m", "pre_commit"]

    fresh = _run([*pre_commit, "run", "extract-docs", "--all-files"], project, env)
    assert fresh.returncode == 0, fresh.stdout + fresh.stderr
    assert "Passed" in fresh.stdout
    installed = list((tmp_path / "pre-commit-home").glob("repo*/py_env-*/bin/extract-docs"))
    assert len(installed) == 1, "pre-commit did not install the hook's own environment"

    skipped = _run([*pre_commit, "run", "extract-docs", "--files", "integrations/amocrm/README.md"],
                   project, env)
    assert (skipped.returncode, "Skipped" in skipped.stdout) == (0, True), skipped.stdout

    models = project / "integrations" / "stripe_payments" / "models.py"
    text = models.read_text(encoding="utf-8")
    assert FIELD_OLD in text
    models.write_text(text.replace(FIELD_OLD, FIELD_NEW), encoding="utf-8")
    _run([*pre_commit, "install"], project, env)
    _git(project, env, "add", "-A")
    blocked = _run(["git", "commit", "-m", "change a field"], project, env)
    output = blocked.stdout + blocked.stderr  # git shows the hooks' output on stderr
    assert blocked.returncode != 0, output
    assert "-\t * Валюта платежа\n+\t * Валюта платежа, код ISO 4217\n" in output
    assert "integrations/stripe_payments/README.md: stale" in output
    assert "files were modified by this hook" in output
    assert "wrote integrations/stripe_payments/README.md" in output

    readme = project / "integrations" / "stripe_payments" / "README.md"
    assert "Валюта платежа, код ISO 4217" in readme.read_text(encoding="utf-8")
    _git(project, env, "add", "-A")
    committed = _run(["git", "commit", "-m", "change a field, regenerate"], project, env)
    assert committed.returncode == 0, committed.stdout + committed.stderr
    assert _git(project, env, "status", "--porcelain") == ""
