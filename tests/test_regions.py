"""Hand-written regions: merging keeps them byte for byte; malformed markers name path:line.

The property test regenerates a real document (pipeline and renderer) fifty times through
the write stage and finds arbitrary hand-written text unchanged on disk.
"""

from __future__ import annotations

import functools
import re
import tempfile
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from extractor.errors import RegionError
from extractor.pipeline import extract
from extractor.render import render_markdown
from extractor.render.markers import MARKER_LINE_RE, REGION_NAMES, begin_marker, end_marker
from extractor.write import compose, read_existing, write_atomic, write_if_changed
from extractor.write.regions import (
    GENERATED_BEGIN,
    GENERATED_END,
    GENERATED_LINE_RE,
    find_regions,
    has_generated_block,
    inject,
    merge_regions,
)
from tests.conftest import sample_root


def document(seeds: dict[str, str], title: str = "Stripe") -> str:
    """A generated document with the given regions (name -> seed text, whole lines)."""
    parts = [f"# {title}\n\nГенерированный текст.\n"]
    for name, seed in seeds.items():
        parts.append(f"\n## {name}\n\n{begin_marker(name)}\n{seed}{end_marker(name)}\n")
    parts.append("\n## Changelog\n\n| Версия | Дата |\n")
    return "".join(parts)


SEEDS = {name: f"_Заполните раздел {name}._\n" for name in REGION_NAMES}


def region_text(text: str, name: str) -> str:
    (region,) = [r for r in find_regions(text, path="x.md") if r.name == name]
    return text[region.start : region.end]


def test_without_existing_file_the_generated_document_is_used() -> None:
    generated = document(SEEDS)
    assert merge_regions(generated, None, path="docs/x.md") == generated


def test_hand_written_text_replaces_the_seed_and_the_rest_is_regenerated() -> None:
    mine = "Мой текст  \n\n```bash\nmake fix\n```\n<!-- комментарий -->\n"
    existing = document(SEEDS, title="Old title").replace(
        f"{begin_marker('security')}\n{SEEDS['security']}",
        f"{begin_marker('security')}\n{mine}",
    )
    merged = merge_regions(document(SEEDS, title="New title"), existing, path="docs/x.md")
    assert merged.startswith("# New title\n")
    assert region_text(merged, "security") == mine
    assert region_text(merged, "limitations") == SEEDS["limitations"]


def test_an_empty_region_stays_empty() -> None:
    existing = document({**SEEDS, "next-steps": ""})
    merged = merge_regions(document(SEEDS), existing, path="x.md")
    assert region_text(merged, "next-steps") == ""


def test_a_region_missing_entirely_from_the_file_gets_the_seed() -> None:
    old_seeds = {k: "старое\n" for k in ("troubleshooting", "security")}
    merged = merge_regions(document(SEEDS), document(old_seeds), path="x.md")
    assert region_text(merged, "security") == "старое\n"
    assert region_text(merged, "limitations") == SEEDS["limitations"]


def test_a_file_without_any_marker_is_refused() -> None:
    with pytest.raises(RegionError) as info:
        merge_regions(document(SEEDS), "# README\n\nHand-written.\n", path="README.md")
    assert info.value.location == "README.md:1"


def test_crlf_in_the_existing_file_is_read_as_lf() -> None:
    existing = document({**SEEDS, "security": "строка 1\nстрока 2\n"}).replace("\n", "\r\n")
    merged = merge_regions(document(SEEDS), existing, path="x.md")
    assert "\r" not in merged
    assert region_text(merged, "security") == "строка 1\nстрока 2\n"


def _lines(*items: str) -> str:
    return "".join(f"{item}\n" for item in items)


B, E = begin_marker, end_marker
MALFORMED = {
    "missing end": (_lines("# T", B("security"), "text"), 2, "no end marker"),
    "missing begin": (_lines("# T", "text", E("security")), 3, "no begin marker"),
    "duplicated": (
        _lines(B("security"), "a", E("security"), B("security"), "b", E("security")),
        4,
        "twice",
    ),
    "duplicated end": (_lines(B("security"), "a", E("security"), E("security")), 4, "second end"),
    "nested": (
        _lines(B("security"), B("limitations"), E("limitations"), E("security")),
        2,
        "inside",
    ),
    "end of another region": (_lines(B("security"), "x", E("limitations")), 3, "inside region"),
    "reversed": (_lines("x", E("security"), "text", B("security")), 2, "before the begin"),
    "unknown": (_lines("intro", B("faq"), "q", E("faq")), 2, "unknown region 'faq'"),
}


@pytest.mark.parametrize("case", sorted(MALFORMED))
def test_malformed_markers_name_the_file_and_line(case: str) -> None:
    existing, line, words = MALFORMED[case]
    with pytest.raises(RegionError) as info:
        merge_regions(document(SEEDS), existing, path="docs/stripe.md")
    assert info.value.location == f"docs/stripe.md:{line}"
    assert words in info.value.message


def test_a_region_the_generated_document_lacks_is_an_error_not_a_loss() -> None:
    generated = document({"security": "seed\n"})
    existing = document({"security": "мой\n", "limitations": "тоже мой\n"})
    with pytest.raises(RegionError, match="limitations"):
        merge_regions(generated, existing, path="x.md")


def test_a_template_without_regions_does_not_drop_the_hand_written_text() -> None:
    bare = "# Stripe\n\nТолько заголовок.\n"
    existing = document({**SEEDS, "security": "мой текст\n"})
    with pytest.raises(RegionError, match="unknown region 'troubleshooting'") as info:
        merge_regions(bare, existing, path="x.md")
    assert info.value.location == "x.md:7"
    readme = README.format(block=f"{GENERATED_BEGIN}\n{existing}{GENERATED_END}\n")
    with pytest.raises(RegionError, match="no such region"):
        inject(bare, readme, "README.md")
    assert merge_regions(bare, "# old\n", path="x.md") == bare


def test_a_marker_inside_a_line_is_text_not_a_marker() -> None:
    mine = f"see `{begin_marker('faq')}` in the docs\n"
    existing = document({**SEEDS, "security": mine})
    merged = merge_regions(document(SEEDS), existing, path="x.md")
    assert region_text(merged, "security") == mine


README = "# My project\n\nHand-written intro.\n\n{block}\n## License\n\nMIT\n"


def test_inject_replaces_only_the_generated_block() -> None:
    readme = README.format(block=f"{GENERATED_BEGIN}\nold\n{GENERATED_END}\n")
    result = inject(document(SEEDS), readme, "README.md")
    assert result.startswith("# My project\n\nHand-written intro.\n\n" + GENERATED_BEGIN + "\n")
    assert result.endswith(f"{GENERATED_END}\n\n## License\n\nMIT\n")
    assert document(SEEDS) in result
    assert "old" not in result


def test_inject_keeps_the_regions_written_inside_the_block() -> None:
    first = inject(
        document({**SEEDS, "security": "мои правила\n"}),
        README.format(block=f"{GENERATED_BEGIN}\n{GENERATED_END}\n"),
        "README.md",
    )
    second = inject(document(SEEDS, title="New"), first, "README.md")
    assert "# New" in second
    assert region_text(second, "security") == "мои правила\n"
    assert has_generated_block(second)


@pytest.mark.parametrize(
    ("block", "line"),
    [
        (f"{GENERATED_BEGIN}\n", 5),
        (f"{GENERATED_END}\n", 5),
        (f"{GENERATED_END}\n{GENERATED_BEGIN}\n", 5),
        (f"{GENERATED_BEGIN}\n{GENERATED_END}\n{GENERATED_BEGIN}\n{GENERATED_END}\n", 7),
    ],
    ids=["no end", "no begin", "reversed", "twice"],
)
def test_inject_refuses_malformed_generated_markers(block: str, line: int) -> None:
    with pytest.raises(RegionError) as info:
        inject(document(SEEDS), README.format(block=block), "README.md")
    assert info.value.location == f"README.md:{line}"


def test_inject_reports_region_errors_at_the_line_in_the_readme() -> None:
    inner = _lines(B("security"), "x")
    readme = README.format(block=f"{GENERATED_BEGIN}\n{inner}{GENERATED_END}\n")
    with pytest.raises(RegionError) as info:
        inject(document(SEEDS), readme, "README.md")
    assert info.value.location == "README.md:6"


FRAGMENTS = st.sampled_from(
    [
        "# Заголовок\n",
        "## Раздел\n",
        "<!-- обычный комментарий -->\n",
        "<!-- extract-docs is great -->\n",
        "<!--\nмногострочный\nкомментарий\n-->\n",
        "```bash\ncurl -X POST https://x\n```\n",
        "```\n<!-- not a marker in a fence -->\n```\n",
        "~~~python\nprint('```')\n~~~\n",
        "| Ошибка | Причина |\n|---|---|\n| `a|b` | ✓ |\n",
        "::: warning Важно\nТекст\n:::\n",
        "> цитата с **жирным** и [ссылкой](https://example.com)\n",
        "- пункт\n  - вложенный 🚀\n",
        f"see `{begin_marker('security')}` inline\n",
        f"текст {end_marker('limitations')} в строке\n",
        "<details><summary>Ещё</summary>\n\nтекст\n</details>\n",
        "\n",
        "\n\n\n",
        "   \n",
        "trailing spaces   \n",
        "\t tabbed\n",
        "Ünïcödé ✓ 日本語 عربى 👩‍💻\n",
    ]
)
ANY_LINE = st.text(st.characters(exclude_characters="\n", exclude_categories=("Cs",)), max_size=40).map(
    lambda line: line + "\n"
)
_MARKER_LINES = (MARKER_LINE_RE, GENERATED_LINE_RE)
HAND_WRITTEN = (
    st.lists(st.one_of(FRAGMENTS, ANY_LINE), max_size=12)
    .map("".join)
    .filter(lambda text: "\r\n" not in text)  # CRLF is read as LF on purpose (a CRLF checkout)
    .filter(lambda text: not any(pattern.search(text) for pattern in _MARKER_LINES))
)
"""Hand-written region text: whole lines (a region ends where its end marker's line begins)
of Markdown, HTML comments, fences, tables, Unicode and arbitrary characters (lone CR,
NUL, U+2028 …), but no marker standing alone on a line."""

REAL_REGION_RE = re.compile(
    r"^<!-- extract-docs:begin manual:(?P<name>[a-z-]+) -->\n(?P<body>.*?)"
    r"^<!-- extract-docs:end manual:(?P=name) -->$",
    re.S | re.M,
)
"""A region as the renderer emits it; written here independently of extractor.write.regions."""


@functools.cache
def real_documents() -> tuple[str, ...]:
    """Eight regenerations of the stripe_payments document by the real pipeline and renderer,
    the code changing between them (name, version, handler descriptions, handlers removed,
    webhook URL)."""
    base = extract(sample_root("stripe_payments"))
    documents = []
    for number in range(8):
        kept = base.handlers[: len(base.handlers) - number % 3]
        handlers = [h.model_copy(update={"description": f"{h.description} (ред. {number})"}) for h in kept]
        changed = base.model_copy(update={"name": f"Stripe {number}", "version": f"1.{number}.0",
                                          "handlers": handlers})
        documents.append(render_markdown(changed, webhook_base_url=f"https://hooks{number}.example.com"))
    assert len(set(documents)) == len(documents)
    return tuple(documents)


def with_bodies(text: str, bodies: dict[str, str]) -> str:
    """`text` with each region's body replaced by `bodies[name]`."""
    pieces, position = [], 0
    for match in REAL_REGION_RE.finditer(text):
        pieces += [text[position : match.start("body")], bodies[match.group("name")]]
        position = match.end("body")
    return "".join([*pieces, text[position:]])


def bodies_of(text: str) -> dict[str, str]:
    return {match.group("name"): match.group("body") for match in REAL_REGION_RE.finditer(text)}


@settings(max_examples=50, deadline=None)
@given(texts=st.lists(HAND_WRITTEN, min_size=len(REGION_NAMES), max_size=len(REGION_NAMES)))
def test_hand_written_text_survives_fifty_regenerations_of_a_real_document(texts: list[str]) -> None:
    documents = real_documents()
    mine = dict(zip(REGION_NAMES, texts, strict=True))
    assert set(bodies_of(documents[0])) == set(REGION_NAMES)
    with tempfile.TemporaryDirectory() as folder:
        target = Path(folder) / "README.md"
        write_atomic(target, with_bodies(documents[0], mine))
        for number in range(50):
            generated = documents[number % len(documents)]
            existing = read_existing(target)
            write_if_changed(target, compose(generated, existing, path="README.md"))
            on_disk = target.read_bytes().decode("utf-8")
            assert bodies_of(on_disk) == mine
            assert with_bodies(on_disk, bodies_of(generated)) == generated


@pytest.mark.parametrize("old", ["Ограничения пока не описаны.", "Ссылки на связанную документацию пока не добавлены."])
def test_an_earlier_placeholder_in_a_region_takes_the_new_seed(old: str) -> None:
    from extractor.render.markers import begin_marker, end_marker
    from extractor.write.regions import merge_regions

    name = "limitations"
    existing = f"# X\n{begin_marker(name)}\n<!-- подсказка -->\n{old}\n{end_marker(name)}\n"
    generated = f"# X\n{begin_marker(name)}\n<!-- подсказка -->\n{end_marker(name)}\n"
    assert merge_regions(generated, existing, path="README.md") == generated
    written = existing.replace(old, "Свой текст.")
    assert "Свой текст." in merge_regions(generated, written, path="README.md")
