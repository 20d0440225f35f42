"""Golden tests: every sample's committed document is exactly what the tool generates now.

Regenerate them all with one command (never edit them by hand):

    extract-docs --config sample_integrations/extract-docs.toml
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest

from extractor.discover import find_integrations
from extractor.model import Integration
from extractor.pipeline import extract
from extractor.render import render_markdown
from extractor.write import stamp

from .conftest import SAMPLES

ROOT = SAMPLES.parent
CONFIG = SAMPLES / "extract-docs.toml"
REGENERATE = "extract-docs --config sample_integrations/extract-docs.toml"
ROOTS = {root.slug: root for root in find_integrations(SAMPLES)}
DOCUMENTS = {slug: (SAMPLES / "telegram_notify.md" if slug == "telegram_notify" else root.path / "README.md")
             for slug, root in ROOTS.items()}


def _cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "extractor.cli", *args], cwd=ROOT,
                          capture_output=True, text=True, check=False)


def test_every_sample_is_discovered_and_the_sdk_is_not() -> None:
    assert set(ROOTS) >= {"amocrm", "side_effects", "stripe_payments", "telegram_notify", "yookassa_refunds"}
    assert "platform_sdk" not in ROOTS


@pytest.mark.parametrize("slug", sorted(ROOTS))
def test_golden_document(slug: str) -> None:
    expected = DOCUMENTS[slug].read_text(encoding="utf-8")
    actual = stamp(render_markdown(extract(ROOTS[slug])))  # as written: with its checksums
    assert actual == expected, f"{DOCUMENTS[slug]} is stale: run `{REGENERATE}`"


def test_check_command_agrees() -> None:
    result = _cli("--config", str(CONFIG), "--check")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "up to date" in result.stdout + result.stderr


@pytest.mark.parametrize("slug", sorted(ROOTS))
def test_json_output_validates_against_the_published_schema(slug: str) -> None:
    schema = json.loads(_cli("schema").stdout)
    data = json.loads(_cli(str(ROOTS[slug].path.relative_to(ROOT)), "--format", "json").stdout)
    jsonschema.validate(data, schema)
    assert Integration.model_validate(data).slug == slug


def test_json_for_a_folder_is_a_list_ordered_by_slug() -> None:
    data = json.loads(_cli("sample_integrations", "--format", "json").stdout)
    assert [item["slug"] for item in data] == sorted(ROOTS)


def test_documents_follow_the_template() -> None:
    headings = ["## Обзор", "## Требования", "## Настройка", "### Шаг 1: Создание интеграции",
                "### Шаг 2: Добавление Credentials", "### Шаг 3: Добавление Secrets",
                "### Шаг 4: Создание Handlers", "## Использование", "## Webhook URL", "## API Reference",
                "### Эндпоинты", "### Параметры запроса", "### Параметры ответа", "## Конфигурация",
                "### Переменные окружения", "### Default Args для Handlers", "## События",
                "## Troubleshooting", "### Частые ошибки", "## Безопасность", "## Ограничения",
                "## Changelog", "## Следующие шаги"]
    for slug, path in DOCUMENTS.items():
        text = path.read_text(encoding="utf-8")
        found = [line for line in text.split("\n") if line in headings]
        assert found == headings, slug
        for leftover in ("{Название}", "{KEY_1}", "{handler-name}", "Инструкция", "Как использовать",
                         "Удалите перед публикацией", "{Код примера}", "{VAR_NAME}", "{event.name}"):
            assert leftover not in text, (slug, leftover)


def test_readme_excerpt_is_real_output() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    excerpt = readme.split("<!-- readme-excerpt:begin -->")[1].split("<!-- readme-excerpt:end -->")[0]
    document = DOCUMENTS["stripe_payments"].read_text(encoding="utf-8")
    blocks = re.findall(r"````markdown\n(.*?)````", excerpt, flags=re.S)
    assert blocks
    for block in blocks:
        assert block in document


def test_readme_commands_are_the_ci_commands() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    venv = "python3 -m venv .venv && . .venv/bin/activate"
    test_command = "python -m pip install -e '.[test]' && npm ci && python -m pytest"
    assert f"```bash\n{venv}\n{test_command}\n```" in readme
    assert venv in ci.split("\n")
    assert test_command in ci.split("\n")
    assert "python -m build && twine check dist/*" in ci.split("\n")
    first = "python -m pip install . && extract-docs sample_integrations/stripe_payments -o stripe.md"
    assert f"```bash\n{venv}\n{first}\n```" in readme
    assert "Python 3.10 or newer" in readme
    assert "npm ci --prefix site" in readme and "chromium" in readme


def test_skipped_tests_print_their_reasons() -> None:
    (addopts,) = re.findall(r'^addopts = "(.*)"$', (ROOT / "pyproject.toml").read_text(encoding="utf-8"), re.M)
    assert "-rs" in addopts.split()


def test_readme_links_resolve() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for target in re.findall(r"\]\(([^)#]+)\)", readme):
        if "://" not in target:
            assert (ROOT / target).exists(), target


def test_sample_documents_are_generated_next_to_the_code() -> None:
    for slug, path in DOCUMENTS.items():
        assert path.exists(), f"{slug}: {path} missing; run `{REGENERATE}`"
    assert Path(DOCUMENTS["telegram_notify"]).name == "telegram_notify.md"
