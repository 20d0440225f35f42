"""The site check: the sample documents built by VitePress and read in headless Chromium.

A copy of the samples (one of them with text written into every hand-written region, plus a
module whose every text is hostile) goes through `extract-docs preview`'s page generation
into a VitePress project; `vitepress build` builds it, a thread serves it on 127.0.0.1, and
site/check.mjs (playwright-core driving Debian's Chromium) reports what each page shows.
Needs `npm ci --prefix site` and `apt-get install chromium`; `.ci/run` installs both.
"""

from __future__ import annotations

import json
import os
import re
import secrets
import shutil
import subprocess
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from markdown_it import MarkdownIt

from extractor.app.pages import collect_pages
from extractor.app.site import SitePage, browser_path, build, node_command, serve, site_tools_dir, write_project
from extractor.errors import ExtractDocsError
from extractor.render import render_markdown
from extractor.render.filters import fold, rich, richcell, richparagraphs
from extractor.render.markers import REGION_NAMES, begin_marker, end_marker

from .conftest import SAMPLES
from .test_escape import ATTACKS, INCLUDE, TEXT
from .test_hostile_text import sources
from .test_render import hostile_doc

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


def test_no_escape_character_shows_and_no_date_wraps(site: tuple[list[SitePage], dict[str, Any]]) -> None:
    """What a reader sees: inline Markdown rendered (no `\\``, `\\*` left visible), and every
    date of a table on one line even in a phone-wide column (issue #12)."""
    pages, found = site
    dates = 0
    for page in pages:
        seen = found[f"/{page.slug}.html"]
        assert "\\`" not in seen["text"] and "\\*" not in seen["text"], page.slug
        assert "``" not in seen["text"], page.slug  # no code span left as literal backticks
        assert all(date["lines"] == 1 for date in seen["dates"]), (page.slug, seen["dates"])
        dates += len(seen["dates"])
    assert dates >= 5  # the changelogs of the samples


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
    for anchor in ("usage--create-deal", "webhook--create-deal", "request--find-contact",
                   "response--add-note", "default-args--create-deal"):
        assert anchor in amocrm
    hostile = [heading["id"] for heading in found["/hostile_text.html"]["headings"]]
    assert {"usage--send-x", "usage--send-x-2", "webhook--send-x-2"} <= set(hostile)


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


# --------------------------------------------------------------------------- attacks

CANARY = f"canary-{os.getpid()}-{secrets.token_hex(6)}"
"""Planted in an environment variable and a file of the build machine: it may appear nowhere."""
BUILD_CODE = 'globalThis.pwned=1;globalThis.process&&process.getBuiltinModule("fs").writeFileSync("pwned","1")'
SITE_ATTACKS = {
    "attack_binding": f"http://example.com{{:data-x=Object.constructor('{BUILD_CODE}')()}}",
    "attack_autofocus": "http://example.com{onfocus=alert(1) autofocus} http://example.org{onmouseover=alert(2)}",
    "attack_build_break": "http://example.com{:title=(} http://example.org{href=x} end{#x .y}",
    "attack_include": "<!--@include: @/../canary.txt--> <!-- @include: /proc/self/environ --> "
                      "<!--@include: ../canary.txt-->",
    "attack_include_self": "<!--@include: ./attack_include_self.md--> <!--@include: ./attack_include_self.md-->",
    "attack_vue": "{{ constructor.constructor('alert(1)')() }} {{ $el }}",
    "attack_html": '<img src=x onerror=alert(1)><script>alert(2)</script><a href="javascript:alert(3)">x</a>',
    "attack_shiki": "x // [!code focus] [!code ++] [!code error] [!code word:x]",
    "attack_markdown": "`code`{onclick=alert(1)} **bold**{onmouseover=alert(2)} *it* [a](javascript:alert(3)) "
                       "[b](https://example.com){onfocus=alert(4) autofocus}",
    "url": "url",
}
"""One integration per attack class of issue #15, its text in every slot (`sources`)."""


@pytest.fixture(scope="module")
def attacked(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[SitePage], dict[str, Any]]:
    """The attack pages built by VitePress with a canary planted, and attack.mjs's findings."""
    tools = _tools()
    folder = tmp_path_factory.mktemp("attacks")
    (folder / "canary.txt").write_text(CANARY, encoding="utf-8")
    integrations = folder / "integrations"
    for name, text in SITE_ATTACKS.items():
        (integrations / name).mkdir(parents=True)
        for file, content in sources(text).items():
            (integrations / name / file).write_text(content, encoding="utf-8")
    with (integrations / "url" / "handlers.py").open("a", encoding="utf-8") as handlers:
        handlers.write('\n\n@integration.handler("other", method="GET")\ndef other() -> None:\n    """Другой."""\n')
    collected = collect_pages([integrations], cwd=integrations)
    project = folder / "project"
    write_project(project, collected.pages, tools)
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("EXTRACT_DOCS_CANARY", CANARY)
        dist = build(project, tools, timeout=240)
    paths = [f"/{page.slug}.html" for page in collected.pages]
    with serve(dist) as base:
        outcome = subprocess.run(node_command(tools, "attack.mjs", base, *paths), capture_output=True,
                                 text=True, timeout=300, check=False)
    assert outcome.returncode == 0, outcome.stderr
    return project, collected.pages, json.loads(outcome.stdout)["pages"]


def test_every_attack_page_builds_and_no_script_runs(attacked: tuple[Path, list[SitePage], dict[str, Any]]) -> None:
    project, pages, found = attacked
    assert sorted(page.slug for page in pages) == sorted(SITE_ATTACKS)
    assert not (project / "pwned").exists()  # the build ran no code of the page
    for path, page in found.items():
        assert page["status"] == 200, path
        assert (page["dialogs"], page["calls"], page["pwned"]) == ([], [], None), path
        assert page["handlers"] == [] and page["scripts"] == 0, path


def test_no_file_or_variable_of_the_build_machine_is_published(
    attacked: tuple[Path, list[SitePage], dict[str, Any]],
) -> None:
    project, _, found = attacked
    for file in (project / ".vitepress" / "dist").rglob("*"):
        if file.is_file():
            assert CANARY.encode() not in file.read_bytes(), file
    for path, page in found.items():
        assert CANARY not in page["html"] and "EXTRACT_DOCS_CANARY" not in page["html"], path


def test_attack_text_shows_as_text_without_escape_characters(
    attacked: tuple[Path, list[SitePage], dict[str, Any]],
) -> None:
    _, _, found = attacked
    for slug, text in SITE_ATTACKS.items():
        shown = found[f"/{slug}.html"]["text"].replace("\u200b", "")
        assert fold(text) in shown, slug
        assert "\\" not in found[f"/{slug}.html"]["prose"], slug  # no `\``, `\*`, `\{` left visible
    marked = found["/attack_markdown.html"]["text"]
    assert "`code`{onclick=alert(1)}" in marked and "**bold**" in marked


def test_a_handler_named_like_a_template_heading_gets_its_own_anchor(
    attacked: tuple[Path, list[SitePage], dict[str, Any]],
) -> None:
    _, pages, found = attacked
    (page,) = [page for page in pages if page.slug == "url"]
    assert "## Webhook URL\n" in page.text and "### url {#webhook--url}\n" in page.text
    ids = [heading for heading in re.findall(r'<h[1-4][^>]* id="([^"]+)"', found["/url.html"]["html"])]
    assert {"webhook-url", "webhook--url"} <= set(ids) and len(ids) == len(set(ids))


# --------------------------------------------------------------------------- every slot, as VitePress reads it


@pytest.fixture(scope="module")
def inspector() -> Iterator[Callable[[str], dict[str, Any]]]:
    """site/inspect.mjs kept open: VitePress's own markdown renderer and Vue's parser, one page
    per line."""
    tools = _tools()
    process = subprocess.Popen(node_command(tools, "inspect.mjs"), cwd=tools, stdin=subprocess.PIPE,
                               stdout=subprocess.PIPE, text=True, encoding="utf-8")
    assert process.stdin is not None and process.stdout is not None
    stdin, stdout = process.stdin, process.stdout

    def inspect(markdown: str) -> dict[str, Any]:
        stdin.write(json.dumps(markdown) + "\n")
        stdin.flush()
        found: dict[str, Any] = json.loads(stdout.readline())
        return found

    yield inspect
    stdin.close()
    process.wait(timeout=30)


def _read_as_text(inspect: Callable[[str], dict[str, Any]], value: str) -> None:
    out = render_markdown(hostile_doc(value), front_matter=True)
    assert not INCLUDE.search(out)
    found = inspect(out)
    assert found["error"] is None
    for kind in ("interpolations", "directives", "attributes", "tags", "notations"):
        assert found[kind] == [], (kind, found[kind])
    assert len(found["ids"]) == len(set(found["ids"]))
    assert fold(value).replace("\u200b", "") in found["text"].replace("\u200b", "")


@pytest.mark.parametrize("attack", list(ATTACKS.values()), ids=list(ATTACKS))
def test_vitepress_reads_each_attack_in_every_slot_as_text(
    inspector: Callable[[str], dict[str, Any]], attack: str,
) -> None:
    _read_as_text(inspector, attack)


@settings(max_examples=int(os.environ.get("EXTRACT_DOCS_FUZZ_EXAMPLES", "80")), deadline=None, database=None)
@given(value=TEXT)
def test_vitepress_reads_any_text_in_every_slot_as_text(
    inspector: Callable[[str], dict[str, Any]], value: str,
) -> None:
    _read_as_text(inspector, value)


def _rich_page(value: str) -> str:
    """Every inline-Markdown slot kind (`rich`, `richcell`, `richparagraphs`) holding `value`."""
    return (f"# Страница\n\n{rich(value)}\n\n| A | B |\n| --- | --- |\n| {richcell(value)} | x |\n\n"
            f"{richparagraphs(value)}\n")


@pytest.mark.parametrize("attack", [*ATTACKS.values(), "Use `pay()` **once** *now* [docs](https://e.example/a)"])
def test_inline_markdown_slots_keep_markdown_and_run_nothing(
    inspector: Callable[[str], dict[str, Any]], attack: str,
) -> None:
    found = inspector(_rich_page(attack))
    assert found["error"] is None
    for kind in ("interpolations", "directives", "attributes", "tags", "notations"):
        assert found[kind] == [], (kind, found[kind])
    assert "\\" not in found["text"]  # no escape character shows


def test_inline_markdown_renders_as_markdown(inspector: Callable[[str], dict[str, Any]]) -> None:
    found = inspector(_rich_page("Use `pay()` **once** *now* [docs](https://e.example/a)"))
    assert "Use pay() once now docs" in found["text"]


def test_the_screenshot_script_imports() -> None:
    """`python site/screenshot.py` (docs/screenshot.png) imports what the app still exports."""
    import importlib.util

    script = SAMPLES.parent / "site" / "screenshot.py"
    spec = importlib.util.spec_from_file_location("site_screenshot", script)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    assert callable(module.main)
