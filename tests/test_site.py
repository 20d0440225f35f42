"""The site check: the sample documents built by VitePress and read in headless Chromium.

A copy of the samples (one of them with text written into every hand-written region, plus a
module whose every text is hostile) goes through `extract-docs preview`'s page generation
into a VitePress project; `vitepress build` builds it, a thread serves it on 127.0.0.1, and
site/check.mjs (playwright-core driving Debian's Chromium) reports what each page shows.
Needs `npm ci --prefix site` and `apt-get install chromium`; `.ci/run` installs both.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
from markdown_it import MarkdownIt

from extractor.app.pages import collect_pages
from extractor.app.site import SitePage, browser_path, build, node_command, serve, site_tools_dir, write_project
from extractor.errors import ExtractDocsError
from extractor.render.markers import REGION_NAMES, begin_marker, end_marker

from .conftest import SAMPLES

MD = MarkdownIt("commonmark").enable("table")
REGION_TEXT = {name: f"Ручной текст раздела {name}: проверка сайта" for name in REGION_NAMES}
HOSTILE_NAME = "Hostile {{ x }} <b>жирный</b> </script> | {#id} `code`"
HOSTILE_MODULE = f'''"""Враждебный текст: {{{{ constructor.constructor('alert(1)')() }}}} <script>alert(1)</script>

Интеграция позволяет:
- вставлять {{{{ x }}}} и <img src=x onerror=alert(1)> куда угодно;
- ломать | таблицы | и `код`.
"""

from pydantic import BaseModel, Field

from platform_sdk import Context, Integration

integration = Integration(name={HOSTILE_NAME!r}, version="1.0.0")


class HostileRequest(BaseModel):
    """{{{{ a }}}} <script>alert(2)</script>"""

    value: str = Field(description="{{{{ b }}}} | c | <i>d</i> {{#x}}")


@integration.handler("send {{{{ x }}}}", method="POST")
async def send(request: HostileRequest, ctx: Context) -> None:
    """Шлёт {{{{ x }}}} | и <script>alert(3)</script>."""


@integration.handler("send_{{{{x}}}}", method="POST")
async def send_again(request: HostileRequest, ctx: Context) -> None:
    """Другой handler с тем же slug."""
'''


def _tools() -> Path:
    try:
        browser_path()
        return site_tools_dir()
    except ExtractDocsError as exc:
        pytest.skip(exc.message)


def _fill_regions(readme: Path) -> None:
    """Write `REGION_TEXT` into every hand-written region of `readme` (the container of
    Безопасность kept around it)."""
    text = readme.read_text(encoding="utf-8")
    for name, words in REGION_TEXT.items():
        body = f"::: warning Важно\n{words}\n:::" if name == "security" else words
        pattern = re.escape(begin_marker(name)) + r"\n.*?" + re.escape(end_marker(name))
        text, count = re.subn(pattern, f"{begin_marker(name)}\n{body}\n{end_marker(name)}", text, flags=re.S)
        assert count == 1, name
    readme.write_text(text, encoding="utf-8")


def _samples_copy(folder: Path) -> Path:
    copy = folder / "samples"
    shutil.copytree(SAMPLES, copy, ignore=shutil.ignore_patterns("__pycache__", ".extract-docs-cache"))
    _fill_regions(copy / "stripe_payments" / "README.md")
    (copy / "hostile_text.py").write_text(HOSTILE_MODULE, encoding="utf-8")
    config = copy / "extract-docs.toml"
    config.write_text(
        config.read_text(encoding="utf-8") + '\n[overrides.stripe_payments]\nsidebar_order = 1\n'
        '\n[overrides.hostile_text]\noutput = "hostile_text.md"\nsidebar_order = 2\n',
        encoding="utf-8",
    )
    return copy


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> tuple[list[SitePage], dict[str, Any]]:
    """The generated pages, and check.mjs's findings for the index and every page."""
    tools = _tools()
    folder = tmp_path_factory.mktemp("site")
    samples = _samples_copy(folder)
    collected = collect_pages([], cwd=samples, config_file=samples / "extract-docs.toml")
    assert collected.problems == []
    project = folder / "project"
    write_project(project, collected.pages, tools)
    dist = build(project, tools, timeout=300)
    paths = ["/index.html", *[f"/{page.slug}.html" for page in collected.pages]]
    with serve(dist) as base:
        outcome = subprocess.run(node_command(tools, "check.mjs", base, *paths), capture_output=True,
                                 text=True, timeout=300, check=False)
    assert outcome.returncode == 0, outcome.stderr
    return collected.pages, json.loads(outcome.stdout)["pages"]


def _source_tables(text: str) -> list[list[str]]:
    """Each table's header cell texts, as markdown-it reads the document."""
    headers: list[list[str]] = []
    inside = False
    for token in MD.parse(text):
        if token.type == "thead_open":
            headers.append([])
            inside = True
        elif token.type == "thead_close":
            inside = False
        elif inside and token.type == "inline":
            headers[-1].append(token.content)
    return headers


def _source_fences(text: str) -> list[str]:
    return [token.info.strip() for token in MD.parse(text) if token.type == "fence"]


def _source_anchors(text: str) -> list[str]:
    return re.findall(r"^#{3,4} .* \{#([^\s{}]+)\}$", text, flags=re.M)


def test_every_page_loads_without_console_errors(site: tuple[list[SitePage], dict[str, Any]]) -> None:
    pages, found = site
    assert len(found) == len(pages) + 1 >= 8
    for path, page in found.items():
        assert page["status"] == 200, path
        assert page["consoleErrors"] == [], path
        assert page["failedRequests"] == [], path
        assert page["hydrated"], path


def test_titles_sidebar_and_order_come_from_the_front_matter(
    site: tuple[list[SitePage], dict[str, Any]],
) -> None:
    pages, found = site
    assert [page.slug for page in pages][:2] == ["stripe_payments", "hostile_text"]
    for page in pages:
        shown = found[f"/{page.slug}.html"]
        if page.slug != "hostile_text":  # VitePress reads a title as HTML: tags are dropped
            assert shown["title"] == f"{page.title} | Интеграции"
        assert shown["headings"][0]["level"] == 1
        assert shown["headings"][0]["text"] == page.title
        assert shown["sidebar"] == [item.title for item in pages]
    lines = [line for line in found["/index.html"]["text"].replace("\u200b", "").split("\n") if line.strip()]
    assert lines == ["Интеграции", *[item.title for item in pages]]
    assert pages[1].title == HOSTILE_NAME
    hostile = found["/hostile_text.html"]["title"]
    assert hostile.startswith("Hostile {{ x }} жирный") and hostile.endswith(" | Интеграции")


def test_tables_have_a_header_row_and_the_right_number_of_columns(
    site: tuple[list[SitePage], dict[str, Any]],
) -> None:
    pages, found = site
    seen = 0
    for page in pages:
        tables = found[f"/{page.slug}.html"]["tables"]
        assert [table["headerText"] for table in tables] == _source_tables(page.text), page.slug
        for table in tables:
            width = len(table["headerText"])
            assert table["header"] == [width] and width >= 3, page.slug
            assert table["rows"] and set(table["rows"]) == {width}, (page.slug, table)
            assert table["visible"]
            seen += 1
    assert seen >= 40


def test_code_blocks_are_highlighted_in_their_language(
    site: tuple[list[SitePage], dict[str, Any]],
) -> None:
    pages, found = site
    languages: set[str] = set()
    for page in pages:
        blocks = found[f"/{page.slug}.html"]["code"]
        assert [block["language"] for block in blocks] == _source_fences(page.text), page.slug
        for block in blocks:
            assert block["shiki"] and block["visible"], (page.slug, block)
            if block["language"]:
                assert block["label"] == block["language"]
                assert block["colors"] >= 2, (page.slug, block)  # tokens in several colours
                languages.add(block["language"])
    assert languages == {"typescript", "json", "bash"}


def test_handler_headings_have_the_stable_anchors(site: tuple[list[SitePage], dict[str, Any]]) -> None:
    pages, found = site
    for page in pages:
        headings = found[f"/{page.slug}.html"]["headings"]
        ids = [heading["id"] for heading in headings]
        assert len(ids) == len(set(ids)), page.slug
        anchored = [heading["id"] for heading in headings if heading["level"] >= 3
                    and heading["id"] in set(_source_anchors(page.text))]
        assert anchored == _source_anchors(page.text), page.slug
    amocrm = [heading["id"] for heading in found["/amocrm.html"]["headings"]]
    for anchor in ("usage-create-deal", "webhook-create-deal", "request-find-contact",
                   "response-add-note", "default-args-create-deal"):
        assert anchor in amocrm
    hostile = [heading["id"] for heading in found["/hostile_text.html"]["headings"]]
    assert {"usage-send-x", "usage-send-x-2", "webhook-send-x-2"} <= set(hostile)


def test_containers_and_hand_written_regions_show(site: tuple[list[SitePage], dict[str, Any]]) -> None:
    pages, found = site
    for page in pages:
        shown = found[f"/{page.slug}.html"]
        warnings = [box for box in shown["containers"] if "warning" in box["kind"]]
        assert len(warnings) == 1 and warnings[0]["visible"], page.slug
        assert warnings[0]["title"] == "Важно"
        assert "::: warning" not in shown["text"] and ":::" not in shown["text"], page.slug
    stripe = found["/stripe_payments.html"]
    for name, words in REGION_TEXT.items():
        assert stripe["text"].count(words) == 1, name
    assert REGION_TEXT["security"] in stripe["containers"][0]["text"]
    assert "Ограничения пока не описаны." not in stripe["text"]
    assert "пока не" not in found["/amocrm.html"]["text"]


def test_hostile_text_shows_as_text(site: tuple[list[SitePage], dict[str, Any]]) -> None:
    _, found = site
    page = found["/hostile_text.html"]
    assert "{{ x }}" in page["text"].replace("\u200b", "")
    for shown in ("<img src=x onerror=alert(1)>", "<script>alert(3)</script>", "| и", "<i>d</i>"):
        assert shown in page["text"], shown
    assert "<b>жирный</b>" in page["headings"][0]["text"]
