"""Shared test helpers: where the sample integrations live, and their IntegrationRoot.

Under CI (`CI=true`) a skipped test is a failure: every judge (tsc, json-schema-to-typescript)
is installed by `.ci/run`, so nothing may quietly not run there.

Markers, set here by module so that each test file stays about what it tests:
- `judge`: checked against an outside oracle (tsc, json-schema-to-typescript, pydantic or
  FastAPI at runtime, a real browser, ruff and mypy);
- `slow`: runs real processes (the CLI, git, pre-commit, a site build) or many generated inputs
  (every hypothesis test).
`pytest -m "not judge and not slow"` runs the unit tests alone, in seconds; the default run is
complete.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Generator
from pathlib import Path

import pytest

from extractor.discover import IntegrationRoot, find_integrations

SAMPLES = Path(__file__).parent.parent / "sample_integrations"
"""The sample integrations; on sys.path so tests can import them (and `platform_sdk`)."""

if str(SAMPLES) not in sys.path:
    sys.path.append(str(SAMPLES))


def sample_path(name: str) -> Path:
    """The folder of a sample package, or the `.py` file of a single-module sample."""
    folder = SAMPLES / name
    return folder if folder.is_dir() else SAMPLES / f"{name}.py"


def sample_root(name: str) -> IntegrationRoot:
    """The IntegrationRoot discovery finds for one sample."""
    path = sample_path(name)
    matching = [root for root in find_integrations(path) if root.path.resolve() == path.resolve()]
    assert len(matching) == 1, f"discovery of {path} gave {matching}"
    return matching[0]


JUDGE_MODULES = frozenset({"test_corpus", "test_samples_runtime", "test_site", "test_quality"})
"""Test modules whose every test asks an outside oracle."""
SLOW_MODULES = frozenset({
    "test_atomic", "test_ci_examples", "test_e2e_ci", "test_e2e_edits", "test_fuzz", "test_hostile",
    "test_hostile_text",
    "test_no_execution", "test_perf_equivalence", "test_precommit", "test_preview", "test_site", "test_quality",
    "test_action", "test_docs_examples", "test_writing_integrations",
})
"""Test modules that run real processes or many generated inputs."""
SLOW_TESTS = frozenset({"test_planted_credentials_never_appear_in_any_output", "test_flag_config_and_sidebar_order"})
"""Single tests that run the real CLI in a subprocess, in modules that are otherwise quick."""
JUDGE_WORDS = ("tsc", "pydantic", "fastapi", "flask", "runtime", "openapi", "url_map")
"""Words in a test's name that say it asks an outside oracle (`test_tsc_accepts_…`)."""


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Mark every test `judge` and/or `slow` (see the module docstring)."""
    for item in items:
        module = item.nodeid.split("::", 1)[0].rsplit("/", 1)[-1].removesuffix(".py")
        name = item.name.lower()
        if module in JUDGE_MODULES or any(word in name for word in JUDGE_WORDS):
            item.add_marker(pytest.mark.judge)
        hypothesis = getattr(getattr(item, "obj", None), "is_hypothesis_test", False)
        if module in SLOW_MODULES or hypothesis or "real_" in name or item.originalname in SLOW_TESTS:
            item.add_marker(pytest.mark.slow)


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo[None]) -> Generator[None, None, None]:
    """In CI, turn a skip into a failure that names the reason."""
    outcome = yield
    report = outcome.get_result()  # type: ignore[attr-defined]
    if os.environ.get("CI") == "true" and report.skipped and not hasattr(report, "wasxfail"):
        report.outcome = "failed"
        report.longrepr = f"skipped under CI, where every judge must run: {report.longrepr}"
