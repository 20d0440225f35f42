"""docs/writing-integrations.md is true: its examples form a real integration, and the real
extractor reads from it every fact the page promises.

Every `python` block of the page is a file of the example integration (`<!-- example: PATH -->`
before it); the `text` blocks quote lines of those files. The files are written to a
temporary project, `extract-docs` runs on them (JSON, Markdown, `--strict`), and the example
runs on the samples' runtime SDK as the platform would call it.
"""

from __future__ import annotations

import importlib
import json
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import SAMPLES
from tests.docs_blocks import REPO, blocks, write_examples

PAGE = REPO / "docs" / "writing-integrations.md"
INTEGRATION = "integrations/acme_crm"


def extract_docs(project: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    return subprocess.run([sys.executable, "-m", "extractor.cli", *args], cwd=project, env=env,
                          capture_output=True, text=True, check=False, timeout=300)


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("writing-integrations")
    write_examples(PAGE, root)
    return root


@pytest.fixture(scope="module")
def facts(project: Path) -> dict[str, Any]:
    result = extract_docs(project, INTEGRATION, "--format", "json")
    assert result.returncode == 0, result.stderr
    data: dict[str, Any] = json.loads(result.stdout)
    return data


def _handler(facts: dict[str, Any], name: str) -> dict[str, Any]:
    (handler,) = [handler for handler in facts["handlers"] if handler["name"] == name]
    return handler


def _env(facts: dict[str, Any], name: str) -> tuple[bool, str | None, str]:
    (var,) = [var for var in facts["env_vars"] if var["name"] == name]
    return var["required"], var["default"], var["description"]


PROMISES: list[tuple[str, Callable[[dict[str, Any]], Any], Any]] = [
    ("the name", lambda f: (f["name"], f["slug"], f["version"]), ("Acme CRM", "acme_crm", "1.0.0")),
    ("the overview bullets", lambda f: len(f["capabilities"]), 3),
    ("the credential", lambda f: [(c["key"], c["where"]) for c in f["credentials"]],
     [("ACME_API_KEY", "Настройки → API → Ключи")]),
    ("the secret", lambda f: [(s["key"], s["format"]) for s in f["secrets"]], [("ACME_WEBHOOK_SECRET", "whsec_…")]),
    ("the handlers", lambda f: [(h["name"], h["method"], h["function"]) for h in f["handlers"]],
     [("create-lead", "POST", "create_lead"), ("get-lead", "GET", "get_lead")]),
    ("the request and response interfaces", lambda f: (_handler(f, "create-lead")["request"]["interface"],
                                                       _handler(f, "create-lead")["response"]["interface"]),
     ("ICreateLeadRequest", "ICreateLeadResponse")),
    ("the default args", lambda f: (f["default_args"], _handler(f, "create-lead")["default_args"]),
     ({"timeout": 5000, "retries": 2}, {"timeout": 10000, "retries": 2})),
    ("the event", lambda f: [(e["name"], e["payload"]["interface"]) for e in f["events"]],
     [("lead.paid", "ILeadPaidPayload")]),
    ("the error", lambda f: [(e["code"], e["cause"], e["solution"]) for e in f["errors"]],
     [("duplicate_lead", "Лид с таким телефоном уже есть.", "Найдите существующий лид по телефону и обновите его.")]),
    ("the env var read with a comment", lambda f: _env(f, "ACME_API_URL"),
     (False, "https://api.acme.example", "Адрес API Acme CRM; для тестового стенда — адрес песочницы")),
    ("the BaseSettings field", lambda f: _env(f, "ACME_REGION"), (False, "eu", "Регион аккаунта Acme CRM: eu или us")),
    ("the changelog", lambda f: [(c["version"], c["date"]) for c in f["changelog"]], [("1.0.0", "2026-11-30")]),
    ("the docstring sections", lambda f: (f["see_also"], [item["text"] for item in f["limitations"] if item["text"]]),
     (["[API Acme CRM](https://api.acme.example/docs) — методы лидов"],
      ["Acme CRM принимает не больше 10 запросов в секунду на аккаунт."])),
    ("the handler's errors and example", lambda f: ([e["code"] for e in _handler(f, "create-lead")["errors"]],
                                                    len(_handler(f, "create-lead")["examples"])),
     (["duplicate_lead"], 1)),
    ("no warnings", lambda f: f["warnings"], []),
]


def test_every_python_example_is_a_file_of_the_example_integration() -> None:
    python = [block for block in blocks(PAGE) if block.language == "python"]
    assert len(python) >= 2
    for block in python:
        assert block.example_path is not None and block.example_path.startswith(f"{INTEGRATION}/"), block.body[:80]
        compile(block.body, block.example_path, "exec")


def test_the_quoted_lines_are_lines_of_the_examples() -> None:
    lines = {line.strip() for block in blocks(PAGE) if block.example_path for line in block.body.splitlines()}
    for block in blocks(PAGE):
        if block.language == "text":
            for line in filter(None, (line.strip() for line in block.body.splitlines())):
                assert line in lines, line


@pytest.mark.parametrize(("promise", "read", "expected"), PROMISES, ids=[promise for promise, _, _ in PROMISES])
def test_the_extractor_reads_what_the_page_promises(facts: dict[str, Any], promise: str,
                                                    read: Callable[[dict[str, Any]], Any], expected: Any) -> None:
    assert read(facts) == expected, promise


@pytest.mark.parametrize("promised", ["`ICreateLeadRequest`", "`ICreateLeadResponse`", "`ACME_API_URL`",
                                      "`ACME_REGION`", "`create-lead`", "`get-lead`", "`lead.paid`",
                                      "`duplicate_lead`", '`"timeout": 10000`', "`https://api.acme.example`"])
def test_the_page_says_what_the_test_checks(promised: str) -> None:
    assert promised in PAGE.read_text(encoding="utf-8")


def test_the_document_has_the_rows(project: Path) -> None:
    result = extract_docs(project, INTEGRATION, "-o", "document.md")
    assert result.returncode == 0, result.stderr
    assert "wrote document.md" in result.stderr
    lines = (project / "document.md").read_text(encoding="utf-8").splitlines()
    for start, contains in (("| `create-lead` |", "| POST |"), ("| `get-lead` |", "| GET |"),
                            ("| `ACME_API_KEY` |", "Настройки → API → Ключи"), ("| `ACME_API_URL` |", "| Нет |"),
                            ("| `ACME_REGION` |", "| Нет |")):
        assert any(line.startswith(start) and contains in line for line in lines), start
    assert "interface ICreateLeadRequest {" in lines


def test_the_example_passes_strict(project: Path) -> None:
    result = extract_docs(project, INTEGRATION, "--strict", "-o", "strict.md")
    assert result.returncode == 0, result.stderr
    assert "warning" not in result.stderr


def test_the_example_runs_on_the_runtime_sdk(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.syspath_prepend(str(project / "integrations"))
    monkeypatch.syspath_prepend(str(SAMPLES))
    package = importlib.import_module("acme_crm")
    try:
        integration = package.integration
        assert sorted(integration.handlers) == ["create-lead", "get-lead"]
        assert sorted(integration.events) == ["lead.paid"]
        created = integration.invoke("create-lead", {"name": "Иван", "phone": "+79991234567"})
        assert created == {"id": 1, "name": "Иван", "status": "new"}
        assert integration.handlers["create-lead"].default_args == {"timeout": 10000, "retries": 2}
        assert integration.invoke("get-lead", {"lead_id": 7})["id"] == 7
    finally:
        for name in [name for name in sys.modules if name == "acme_crm" or name.startswith("acme_crm.")]:
            del sys.modules[name]
