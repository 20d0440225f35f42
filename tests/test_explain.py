"""`extract-docs explain`: each fact of the document and the file and line it was read from.

Run through typer's CliRunner on the integration of docs/writing-integrations.md (each fact's
location must be a line that says it), on every sample (every location is a real line), and
on inline integrations (secrets stay masked, a configured name points at the config file).
"""

from __future__ import annotations

import json
import textwrap
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from extractor.app.explain import SECTIONS
from extractor.cli.commands import sub_app

from .conftest import SAMPLES
from .docs_blocks import REPO, blocks, write_examples

PAGE = REPO / "docs" / "writing-integrations.md"
ACME = "integrations/acme_crm"


def explain(cwd: Path, monkeypatch: pytest.MonkeyPatch, *args: str) -> tuple[int, str]:
    """Run `extract-docs explain ARGS` in `cwd`: (exit code, output)."""
    monkeypatch.chdir(cwd)
    result = CliRunner().invoke(sub_app, ["explain", *args])
    return result.exit_code, result.output


def explained(cwd: Path, monkeypatch: pytest.MonkeyPatch, *args: str) -> Any:
    code, output = explain(cwd, monkeypatch, *args, "--format", "json")
    assert code == 0, output
    return json.loads(output)


def source_line(cwd: Path, location: str) -> str:
    path, line = location.rsplit(":", 1)
    return (cwd / path).read_text(encoding="utf-8").splitlines()[int(line) - 1]


@pytest.fixture(scope="module")
def acme(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("explain")
    write_examples(PAGE, root)
    return root


# (section, fact, what the line it was read from says)
ACME_FACTS = [
    ("integration", "name", "Integration("),
    ("integration", "version", "Integration("),
    ("integration", "description", '"""Acme CRM: лиды из заявок с сайта.'),
    ("integration", "capability", '"""Acme CRM'),
    ("credentials", "ACME_API_KEY", "Integration("),
    ("secrets", "ACME_WEBHOOK_SECRET", "Integration("),
    ("default args", "timeout", "Integration("),
    ("default args", "create-lead: timeout", "async def create_lead("),
    ("handlers", "create-lead", "async def create_lead("),
    ("handlers", "get-lead", "def get_lead("),
    ("models", "ICreateLeadRequest", "class CreateLeadRequest(BaseModel):"),
    ("models", "ICreateLeadRequest.phone", "phone: str = Field("),
    ("models", "ILeadPaidPayload.amount", "amount: int = Field("),
    ("env vars", "ACME_API_URL", 'os.getenv("ACME_API_URL"'),
    ("env vars", "ACME_REGION", "region: str = Field("),
    ("events", "lead.paid", "async def on_lead_paid("),
    ("errors", "duplicate_lead", "class DuplicateLeadError(IntegrationError):"),
    ("changelog", "1.0.0", "## [1.0.0] - 2026-11-30"),
]


@pytest.mark.parametrize(("section", "fact", "says"), ACME_FACTS, ids=[f"{s}:{f}" for s, f, _ in ACME_FACTS])
def test_each_fact_points_at_the_line_that_says_it(acme: Path, monkeypatch: pytest.MonkeyPatch,
                                                    section: str, fact: str, says: str) -> None:
    data = explained(acme, monkeypatch, ACME)
    found = [item for item in data["facts"] if (item["section"], item["fact"]) == (section, fact)]
    assert found, f"no {section} fact {fact!r}"
    for item in found:
        assert item["locations"], item
        for location in item["locations"]:
            assert location.startswith(f"{ACME}/")  # relative to the current folder
            assert says in source_line(acme, location), (location, source_line(acme, location))


def test_the_table_groups_the_facts_by_section(acme: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    code, output = explain(acme, monkeypatch, ACME)
    assert code == 0, output
    assert f"Acme CRM: facts read from {ACME}/" in output
    positions = [output.index(f"│ {section} ") for section in SECTIONS]
    assert positions == sorted(positions)  # every section, in the template's order
    lines = (acme / ACME / "__init__.py").read_text(encoding="utf-8").splitlines()
    declared = next(n for n, line in enumerate(lines, start=1) if line.startswith("integration = Integration("))
    for row in ("│ create-lead ", "POST → create_lead()", "models.py:10", "CHANGELOG.md:3", f"__init__.py:{declared}"):
        assert row in output
    assert "get-lead: timeout" not in output  # inherited: the integration's row says it
    assert output.rstrip().endswith("35 facts, 0 warnings")


@pytest.mark.parametrize("sample", sorted(
    path.name for path in SAMPLES.iterdir()
    if path.name != "platform_sdk" and path.name[0] not in "._" and (path.is_dir() or path.suffix == ".py")
))
def test_every_location_of_every_sample_is_a_real_line(sample: str, monkeypatch: pytest.MonkeyPatch) -> None:
    data = explained(SAMPLES, monkeypatch, sample)
    sections = [item["section"] for item in data["facts"]]
    assert sections == sorted(sections, key=SECTIONS.index)
    assert {"integration", "handlers"} <= set(sections)
    for item in data["facts"]:
        for location in item["locations"]:
            assert source_line(SAMPLES, location) is not None


def write_project(root: Path, files: dict[str, str]) -> Path:
    for name, text in files.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(textwrap.dedent(text), encoding="utf-8")
    return root


TOKEN = "tok_live_4eC39HqLyjWDarjtT1zdp7dc"
SECRETIVE = {
    "pay/__init__.py": f'''
        """Pay: платежи."""
        import os
        from platform_sdk import Integration, Secret

        integration = Integration(name="Pay", secrets=[Secret("PAY_SIGNING_SECRET", "Подпись")],
                                  default_args={{"timeout": 100, "api_token": "{TOKEN}"}})
        PAY_TOKEN = os.getenv("PAY_API_TOKEN", "{TOKEN}")

        @integration.handler("charge")
        def charge(ctx) -> None:
            """Списывает."""
    ''',
}


@pytest.mark.parametrize("form", ["table", "json"])
def test_secret_values_stay_masked(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, form: str) -> None:
    write_project(tmp_path, SECRETIVE)
    code, output = explain(tmp_path, monkeypatch, "pay", "--format", form)
    assert code == 0, output
    assert TOKEN not in output and "tok_live" not in output
    assert "***" in output
    assert "PAY_SIGNING_SECRET" in output and "PAY_API_TOKEN" in output


def test_a_configured_name_points_at_the_config_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    config = '[tool.extract-docs]\n[tool.extract-docs.overrides.pay]\nname = "Pay Pro"\n'
    write_project(tmp_path, {**SECRETIVE, "pyproject.toml": config})
    data = explained(tmp_path, monkeypatch, "pay")
    (name,) = [item for item in data["facts"] if item["fact"] == "name"]
    assert (name["value"], name["locations"]) == ("Pay Pro", ["pyproject.toml"])


@pytest.mark.parametrize(("files", "args", "says"), [
    ({"broken/__init__.py": "def (:\n"}, ["broken"], "error:"),
    ({}, ["missing"], "missing: error: no such file or directory"),
    ({"pay/__init__.py": SECRETIVE["pay/__init__.py"]}, ["pay", "--format", "xml"], "Invalid value for '--format'"),
])
def test_what_cannot_be_explained_exits_2(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, files: dict[str, str],
                                          args: list[str], says: str) -> None:
    write_project(tmp_path, files)
    exit_code, output = explain(tmp_path, monkeypatch, *args)
    assert exit_code == 2
    assert says in output
    assert "Traceback" not in output


def _cells(row: str) -> tuple[str, ...]:
    return tuple(cell.strip() for cell in row.strip().strip("│").split("│"))


def test_the_page_shows_rows_of_the_real_table(acme: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """docs/writing-integrations.md quotes rows of `explain`'s table: each is a row of it."""
    (block,) = [block for block in blocks(PAGE) if block.language == "console" and "explain" in block.body]
    _, output = explain(acme, monkeypatch, ACME)
    real = {_cells(line) for line in output.splitlines() if line.startswith("│")}
    quoted = [line for line in block.body.splitlines() if line.startswith("│")]
    assert len(quoted) >= 4
    for line in quoted:
        assert _cells(line) in real, line
    assert block.body.splitlines()[-1] == output.rstrip().splitlines()[-1]  # the count line
