"""The site's escaping layer (extractor/render/escape.py), slot by slot, as VitePress reads a page.

Each attack class of issue #15 in each slot kind, then hypothesis over arbitrary text in every
slot filter and in every slot of a whole document. The same documents go through VitePress's
own renderer and Vue's parser in tests/test_site.py; these tests need no Node.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from extractor.errors import TemplateError
from extractor.render import render_markdown
from extractor.render.anchors import ANCHOR_SEPARATOR, anchor, unique_slugs
from extractor.render.environment import environment
from extractor.render.escape import (
    Safe,
    cell,
    cellcode,
    code,
    fenced,
    heading,
    paragraphs,
    rich,
    richcell,
    richparagraphs,
    text,
)
from extractor.render.filters import to_json
from extractor.render.front_matter import yaml_string

from .test_render import handler, hostile_doc

INCLUDE = re.compile(r"<!--\s*@include:\s*(.*?)\s*-->")
"""VitePress's own include pattern (processIncludes), run on the raw page."""
SHIKI = re.compile(r"\[!code (?:\+\+|--|highlight|hl|focus|error|warning|word:)")
"""Shiki's notations (@shikijs/transformers), read in code blocks."""
VITEPRESS_SLUG = re.compile(r"[\s~`!@#$%^&*()\-_+=\[\]{}|\\;:\"'“”‘’<>,.?/]+")

ATTACKS = {
    "attrs-binding": "http://example.com{:data-x=Object.constructor('globalThis.pwned=1')()}",
    "attrs-autofocus": "http://example.com{onfocus=alert(1) autofocus}",
    "attrs-build-break": "http://example.com{:title=(} http://a.example{href=x} text{#id .cls}",
    "include": "<!--@include: @/../../canary.txt--> <!-- @include: /proc/self/environ -->",
    "include-self": "<!--@include: ./page.md-->",
    "vue": "{{ constructor.constructor('alert(1)')() }} }}{{",
    "html": "<img src=x onerror=alert(1)><script>alert(1)</script>",
    "shiki": "x // [!code focus] [!code ++] [!code word:x] [!code highlight]",
    "emphasis-attrs": "`x`{onclick=alert(1)} *a*{onclick=alert(2)} **b**{.c}",
    "links": "[x](javascript:alert(1)) [y](https://e.example/{{a}}){onclick=alert(3)}",
    "emoji": ":smile: :100:",
    "markers": "<!-- extract-docs:begin manual:security -->",
}
PROSE = {"text": text, "paragraphs": paragraphs, "cell": cell, "heading": heading, "rich": rich,
         "richcell": richcell, "richparagraphs": richparagraphs}
CODE = {"code": code, "cellcode": cellcode}


def _site_safe(value: str) -> None:
    """What VitePress acts on in any slot: includes, Shiki notations, marker look-alikes."""
    assert not INCLUDE.search(value) and "<!--" not in value and "@include" not in value
    assert not re.search(r"\[!code", value, re.I)
    assert not re.search(r"(?i)extract-docs\s*:", value)


MD = MarkdownIt("commonmark").enable("table").disable("text_join")
"""Tokens as markdown-it-attrs sees them: escapes and entities still apart (`text_special`)."""
OWN_ANCHOR = re.compile(r" \{#[^\W_]+(?:-[^\W_]+)*--[^\W_]+(?:-[^\W_]+)*\}$")


def _live_braces(markdown: str) -> list[str]:
    """Text where markdown-it-attrs or Vue would find a brace (or markdown-it-emoji a `:name:`),
    an HTML tag the text made, and code spans with `{{`; the template's own heading anchors
    excepted."""
    found: list[str] = []
    tokens = MD.parse(markdown)
    for index, token in enumerate(tokens):
        if token.type == "html_block" and not token.content.startswith("<!-- "):
            found.append(token.content)
        children = token.children or []
        for position, child in enumerate(children):
            content = child.content
            if position == len(children) - 1 and tokens[index - 1].type == "heading_open":
                content = OWN_ANCHOR.sub("", content)
            if (child.type == "text" and re.search(r"[{}]|:[a-z0-9_+-]+:", content)) or child.type == "html_inline":
                found.append(content)
            if child.type == "code_inline" and ("{{" in content or "}}" in content):
                found.append(content)
    return found


def _prose_safe(value: str) -> None:
    """Prose as markdown-it (with attrs' view of tokens) reads it: no brace for attrs or Vue,
    no HTML, no emoji code, no `{{` in its own code spans."""
    _site_safe(value)
    assert _live_braces(value) == [], value


@pytest.mark.parametrize("attack", list(ATTACKS.values()), ids=list(ATTACKS))
@pytest.mark.parametrize("slot", list(PROSE))
def test_prose_slots_leave_nothing_for_vitepress(slot: str, attack: str) -> None:
    _prose_safe(PROSE[slot](attack))


@pytest.mark.parametrize("attack", list(ATTACKS.values()), ids=list(ATTACKS))
@pytest.mark.parametrize("slot", list(CODE))
def test_code_spans_leave_nothing_for_vitepress(slot: str, attack: str) -> None:
    out = CODE[slot](attack)
    _site_safe(out)
    assert "{{" not in out and "}}" not in out  # code spans get no v-pre


@pytest.mark.parametrize("attack", list(ATTACKS.values()), ids=list(ATTACKS))
def test_code_blocks_and_json_leave_nothing_for_vitepress(attack: str) -> None:
    _site_safe(fenced(attack, "typescript"))
    dumped = to_json({attack: [attack, {"n": attack}]})
    _site_safe(fenced(dumped, "json"))
    assert fenced(dumped, "json") == f"```json\n{dumped}\n```"  # JSON needs no zero-width space
    _site_safe(yaml_string(attack))


def test_a_code_block_language_is_never_data() -> None:
    with pytest.raises(ValueError):
        fenced("x", "ts {1,2}")


def test_inline_markdown_stays_readable() -> None:
    assert rich("Use `pay()` and **only** *once*, see [docs](https://e.example/a_b).") == (
        "Use `pay()` and **only** *once*, see [docs](https://e.example/a_b)."
    )
    assert richcell("`a | b` or c|d") == "`a \\| b` or c\\|d"
    assert rich("_x_ and __y__") == "*x* and **y**"
    assert rich("[x](javascript:alert(1))") == "\\[x\\](javascript:alert(1))"
    assert rich("[y](https://e.example/{{a}})") == "[y](https://e.example/%7B%7Ba%7D%7D)"
    assert rich("- `{{ x }}` http://e.example{onfocus=alert(1)}").startswith("\\- `{\u200b{ x }\u200b}`")


def test_lone_surrogates_and_controls_become_printable() -> None:
    for out in (text("a\udcffb\x00c\x1b[31m"), code("a\udcff"), fenced("a\udcff\x07b")):
        out.encode("utf-8")
        assert "\x1b" not in out and "\x07" not in out


def test_template_output_is_escaped_by_default() -> None:
    env = environment(tuple(render_markdown.__globals__["template_search_path"](None)))
    raw = env.from_string("{{ x }}|{{ x ~ (x | code) }}|{{ [x, x | code] | join(', ') }}|{{ x | code | trim }}")
    out = raw.render(x="http://e.example{onfocus=alert(1)} {{ y }}")
    assert isinstance(env.from_string("{{ x | code }}").render(x="a"), str)
    assert "{onfocus" not in out.replace("`", "|").split("|")[0]
    for part in out.split("|"):
        _prose_safe(part)
    assert Safe("{#a}") == env.from_string("{{ x }}").render(x=Safe("{#a}"))


def test_handler_anchors_never_collide_with_template_headings() -> None:
    out = render_markdown(hostile_doc("x").model_copy(update={"handlers": [
        handler(name, description="d") for name in ("url", "Webhook URL", "webhook-url", "обзор")
    ]}))
    explicit = re.findall(r"\{#([^}]+)\}$", out, re.M)
    generated = [VITEPRESS_SLUG.sub("-", line.lstrip("#").strip()).strip("-").lower()
                 for line in out.splitlines() if line.startswith("#") and "{#" not in line]
    assert "webhook--url" in explicit and "webhook-url" in generated
    assert not set(explicit) & set(generated) and len(explicit) == len(set(explicit))
    assert all(ANCHOR_SEPARATOR not in slug for slug in generated)
    with pytest.raises(TemplateError):
        anchor("a--b", "usage")


TEXT = st.lists(
    st.one_of(
        st.text(max_size=20),
        st.sampled_from(list(ATTACKS.values())),
        st.lists(st.sampled_from([*"{}<>!-@[]:`*_\\|#&;/=( )\n", "<!--", "@include:", "[!code ", "-->", "{{",
                                  "http://e.example", "autofocus", ":smile:"]), max_size=12).map("".join),
    ),
    min_size=1,
    max_size=4,
).map("".join)


@settings(max_examples=int(os.environ.get("EXTRACT_DOCS_FUZZ_EXAMPLES", "300")), deadline=None, database=None)
@given(TEXT)
def test_every_slot_filter_is_safe_for_any_text(value: str) -> None:
    for escape in PROSE.values():
        _prose_safe(escape(value))
    for escape in CODE.values():
        out = escape(value)
        _site_safe(out)
        assert "{{" not in out and "}}" not in out
    _site_safe(fenced(value))
    _site_safe(yaml_string(value))


@settings(max_examples=60, deadline=None, database=None)
@given(TEXT)
def test_a_whole_document_with_any_text_in_every_slot_is_safe(value: str) -> None:
    out = render_markdown(hostile_doc(value), front_matter=True)
    assert not INCLUDE.search(out) and "@include" not in out
    assert not SHIKI.search(out)
    assert _live_braces(out.split("\n---\n", 1)[1]) == []
    anchors = re.findall(r"^#+ .* \{#([^}]*)\}$", out, re.M)
    assert len(anchors) == len(set(anchors)) == 4 * 2 + 2


def test_unique_slugs_stay_unique_with_numbers() -> None:
    assert len(set(unique_slugs(["a", "a", "a 2", "a-2"]))) == 4


def test_a_template_symlinked_out_of_its_folder_is_not_read(tmp_path: Path) -> None:
    secret = tmp_path / "outside.txt"
    secret.write_text("SECRET-OUTSIDE-THE-PROJECT", encoding="utf-8")
    own = tmp_path / "templates"
    (own / "sections").mkdir(parents=True)
    (own / "sections" / "overview.md.j2").symlink_to(secret)
    with pytest.raises(TemplateError):
        render_markdown(hostile_doc("x"), template_dir=own)
