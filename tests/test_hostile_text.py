"""Hostile text planted in an integration's SOURCE (docstrings, `Field` descriptions, comments,
credential descriptions, names, the changelog) goes through the whole pipeline and can't
break the Markdown document or the TypeScript in it.

The document of an integration with hostile text must have exactly the block structure of
the same integration with plain text (headings, tables with their column counts, fences,
region markers; no HTML, no extra heading), and every TypeScript block must be the same code
once its JSDoc comments are removed: no text can close a comment with `*/`.
"""

from __future__ import annotations

import json
import os
import re
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from extractor.discover import find_integrations
from extractor.pipeline import extract
from extractor.render import render_markdown
from extractor.render.filters import fold
from extractor.render.markers import MARKER_RE, REGION_NAMES

from .test_render import RICH_INLINE, assert_safe_inline

MD = MarkdownIt("commonmark").enable("table")
ZWSP = "\u200b"

HOSTILE = [
    "| a | b |\n| --- | --- |\n| c | d |",
    "# Заголовок\n## второй\n### третий",
    "<script>alert(1)</script><img src=x onerror=alert(1)>",
    "<!-- extract-docs:begin manual:security -->\nвзлом\n<!-- extract-docs:end manual:security -->",
    "{{ constructor.constructor('alert(1)')() }}",
    "```\ncode\n```\n~~~\nunclosed fence ```typescript",
    "*/ } interface Evil { x: any; /* */ /**",
    "`backticks` ``double`` \\`escaped\\`",
    "> quote\n- item\n1. first\n:::\n::: danger Взлом",
    "line\n===\nsetext\n---\n***",
    "    indented code\n\tтаб",
    "[link](javascript:alert(1)) <http://a.b> &lt;b&gt; &amp;",
    "text {#custom-id} {.cls}",
    "a\r\nb\u2028c\u2029d\x0be\x0cf\x85g",
    "'; rm -rf / # \"quotes\" '''triple''' \"\"\"triple\"\"\"",
]


def _line(text: str) -> str:
    """`text` on one source line (for comments and changelog bullets)."""
    return re.sub(r"[\r\n\x0b\x0c\x1c-\x1e\x85\u2028\u2029\x00]", " ", text)


def sources(text: str) -> dict[str, str]:
    """An integration with `text` in every slot the extractor reads text from."""
    t, one = repr(text), _line(text)
    init = (
        f'r"""Интеграция для проверки.\n\nИнтеграция позволяет:\n- проверять {one.replace(chr(34), "")}\n"""\n\n'
        "import os\n\nfrom platform_sdk import Credential, Integration, Secret\n\n"
        f"API_BASE = os.getenv(\"DEMO_API_BASE\", {t})  # {one}\n\n"
        "integration = Integration(\n"
        f"    name={t},\n    version=\"1.0.0\",\n"
        f"    credentials=[Credential(\"DEMO_KEY\", {t}, where={t})],\n"
        f"    secrets=[Secret(\"DEMO_WEBHOOK\", {t}, format={t})],\n"
        f"    default_args={{\"timeout\": 5000, \"note\": {t}}},\n)\n\n"
        "from . import handlers  # noqa: E402,F401\n"
    )
    handlers = (
        "from pydantic import BaseModel, Field\n\nfrom platform_sdk import IntegrationError\n\n"
        "from . import integration\n\n\n"
        f"class Item(BaseModel):\n    {t}\n\n    label: str = Field({t}, description={t}, examples=[{t}])\n"
        f"    count: int = 0\n    {t}\n\n\n"
        f"class Request(BaseModel):\n    {t}\n\n    item: Item = Field(description={t})\n"
        f"    note: str | None = Field(None, description={t})\n\n\n"
        f"class DemoError(IntegrationError):\n    {t}\n\n    code = {t}\n    solution = {t}\n\n\n"
        f"@integration.handler({t}, method=\"POST\")\ndef run(request: Request) -> Item:\n    {t}\n\n\n"
        f"@integration.event({t})\ndef happened(payload: Item) -> None:\n    {t}\n"
    )
    changelog = f"# Changelog\n\n## [1.0.0] - 2026-01-01\n\n### Added\n\n- {one}\n"
    return {"__init__.py": init, "handlers.py": handlers, "CHANGELOG.md": changelog}


def document(text: str) -> str:
    with tempfile.TemporaryDirectory() as temp:
        folder = Path(temp) / "demo"
        folder.mkdir()
        for name, content in sources(text).items():
            (folder / name).write_text(content, encoding="utf-8")
        (root,) = find_integrations(folder)
        doc = extract(root)
        assert not doc.incomplete, doc.incomplete
        return render_markdown(doc)


def structure(source: str) -> list[tuple[str, ...]]:
    """Block tokens (fence info and HTML blocks included) and every inline token but text and
    the inline markup a person may write in a prose slot (`RICH_INLINE`: it renders, issue #12)."""
    shape: list[tuple[str, ...]] = []
    for token in MD.parse(source):
        if token.type == "inline":
            shape += [(child.type,) for child in token.children or []
                      if child.type not in {"text", "softbreak", *RICH_INLINE}]
        elif token.type in ("html_block", "fence"):
            shape.append((token.type, token.info, token.content if token.type == "html_block" else ""))
        else:
            shape.append((token.type, token.tag))
    return shape


def headings(source: str) -> list[tuple[str, str]]:
    tokens = MD.parse(source)
    return [(token.tag, tokens[index + 1].content)
            for index, token in enumerate(tokens) if token.type == "heading_open"]


def table_widths(source: str) -> list[list[int]]:
    """Cells per row of every table, as markdown-it reads them."""
    widths: list[list[int]] = []
    for token in MD.parse(source):
        if token.type == "table_open":
            widths.append([])
        elif token.type == "tr_open":
            widths[-1].append(0)
        elif token.type in ("th_open", "td_open"):
            widths[-1][-1] += 1
    return widths


_TS_TOKENS = re.compile(r"""/\*.*?\*/|//[^\n]*|"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*'|`(?:[^`\\]|\\.)*`""", re.S)


def typescript_code(source: str) -> list[str]:
    """Every TypeScript block as code alone: comments removed, string literals emptied (read
    as TypeScript's lexer reads them, so text that escapes a comment or a string stays)."""
    blocks = [token.content for token in MD.parse(source) if token.type == "fence" and token.info == "typescript"]
    return [_TS_TOKENS.sub(lambda m: "" if m.group().startswith("/") else '""', block) for block in blocks]


BASELINE = document("обычный текст")
BASE_CODE = typescript_code(BASELINE)


def check(text: str) -> None:
    out = document(text)
    assert structure(out) == structure(BASELINE)
    assert_safe_inline(out)
    assert [tag for tag, _ in headings(out)] == [tag for tag, _ in headings(BASELINE)]
    assert headings(out)[1:] == headings(BASELINE)[1:]  # only the title carries the name
    assert table_widths(out) == table_widths(BASELINE)
    assert all(set(rows) == {3} for rows in table_widths(out))
    assert [m.groups() for m in MARKER_RE.finditer(out)] == [
        (kind, name) for name in REGION_NAMES for kind in ("begin", "end")
    ]
    html = MD.render(out)  # commonmark passes raw HTML through: none may come from the text
    assert "<script" not in html and "<img" not in html
    assert typescript_code(out) == BASE_CODE or _same_code_but_names(typescript_code(out))
    for token in MD.parse(out):
        if token.type == "fence" and token.info == "json":
            json.loads(token.content)


def _same_code_but_names(blocks: list[str]) -> bool:
    """The interface names come from the handler's name (PascalCase of its words): they may
    differ from the baseline's, nothing else may."""
    name = re.compile(r"\bI[\w$]+")
    return [name.sub("I…", block) for block in blocks] == [name.sub("I…", block) for block in BASE_CODE]


def test_the_baseline_has_every_slot_filled() -> None:
    assert BASELINE.count("обычный текст") >= 15
    # one page, one module: each interface is declared once, in the first block that uses it
    assert len(BASE_CODE) >= 3 and sum(block.count("interface ") for block in BASE_CODE) >= 2
    typescript = [token.content for token in MD.parse(BASELINE) if token.type == "fence" and token.info == "typescript"]
    declaring = [block for block in typescript if "interface " in block or "const " in block]
    assert declaring and all("обычный текст" in block for block in declaring)  # JSDoc, `//` comments, strings
    assert len(table_widths(BASELINE)) >= 6


@pytest.mark.parametrize("hostile", HOSTILE)
def test_hostile_text_in_the_source_adds_no_structure(hostile: str) -> None:
    check(hostile)


def test_all_hostile_text_at_once() -> None:
    check("\n".join(HOSTILE))


TEXT = st.lists(
    st.one_of(
        st.text(st.characters(blacklist_categories=("Cs",)), max_size=30),
        st.sampled_from(HOSTILE),
        st.lists(st.sampled_from([*"#>-+*=_:~!`|\\[](){}<>&;'\"/.1 bя\n\t\r", "*/", "/**", "```", "-->", "{{"]),
                 max_size=12).map("".join),
    ),
    min_size=1,
    max_size=3,
).map("".join)


@settings(max_examples=int(os.environ.get("EXTRACT_DOCS_FUZZ_EXAMPLES", "60")), deadline=None,
          suppress_health_check=[HealthCheck.too_slow], database=None)
@given(TEXT.filter(lambda t: fold(t).replace(ZWSP, "") != "" and "\x00" not in t))
def test_arbitrary_text_in_every_source_slot_never_changes_structure(text: str) -> None:
    check(text)
