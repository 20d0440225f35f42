"""Edits to generated text: the checksums a written document records, and how a regeneration
finds a person's edit of the generated parts (and keeps it) while regions, CRLF, reverted
edits and files of older versions pass."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from extractor.app.files import settle
from extractor.errors import RegionError
from extractor.render.markers import begin_marker, end_marker
from extractor.write import compose, find_edit, stamp
from extractor.write.checksums import CHECKSUM_LINE_RE, digest, generated_parts
from extractor.write.regions import GENERATED_BEGIN, GENERATED_END


def document(seed: str = "seed\n", after: str = "after\n", intro: str = "intro\n") -> str:
    """A generated document with one hand-written region."""
    return f"# T\n\n{intro}\n{begin_marker('security')}\n{seed}{end_marker('security')}\n\n{after}"


def written(text: str) -> str:
    """What the first run writes for `text`."""
    return compose(stamp(text), None, path="doc.md")


OLD = written(document())
NEW = document(after="after, regenerated\n")


def test_the_checksum_line_is_one_html_comment_at_the_end() -> None:
    last = OLD.splitlines()[-1]
    assert CHECKSUM_LINE_RE.fullmatch(last + "\n")
    parts = generated_parts(document(), path="doc.md")
    assert last == f"<!-- extract-docs:checksum {' '.join(digest(part) for part in parts)} -->"
    assert document() + last + "\n" == OLD, "the document itself is byte for byte as rendered"


@pytest.mark.parametrize("text", [document(), document("мой текст\n"), "# no regions\n", ""])
def test_stamping_twice_changes_nothing(text: str) -> None:
    assert stamp(stamp(text)) == stamp(text)


def test_region_bodies_are_not_generated_parts() -> None:
    assert stamp(document("мой текст\n")).splitlines()[-1] == OLD.splitlines()[-1]
    assert stamp(document(intro="other\n")).splitlines()[-1] != OLD.splitlines()[-1]


# -- a regeneration against each kind of file on disk --------------------------------------------

CASES: dict[str, tuple[Callable[[str], str], bool, str]] = {
    # name: (the file on disk, made from OLD), --force, the status of a regeneration
    "untouched": (lambda old: old, False, "written"),
    "edited in a generated part": (lambda old: old.replace("intro", "my own intro"), False, "edited"),
    "edited inside a region": (lambda old: old.replace("seed", "мой текст"), False, "written"),
    "edited then reverted": (lambda old: old.replace("intro", "QQQ").replace("QQQ", "intro"), False, "written"),
    "CRLF checkout": (lambda old: old.replace("\n", "\r\n"), False, "written"),
    "CRLF checkout, edited": (lambda old: old.replace("intro", "mine").replace("\n", "\r\n"), False, "edited"),
    "no checksum (an older version's file)": (
        lambda old: compose(document(intro="edited intro\n"), None, path="doc.md"), False, "written"),
    "edited, --force": (lambda old: old.replace("intro", "my own intro"), True, "written"),
    "the checksum line removed": (lambda old: old.replace("intro", "mine").rsplit("<!--", 1)[0], False, "written"),
    "text added after the checksum line": (lambda old: old + "my note\n", False, "edited"),
    "an edit the regeneration makes too": (
        lambda old: old.replace("after\n", "after, regenerated\n"), False, "written"),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_a_regeneration_keeps_an_edit_of_generated_text(case: str, tmp_path: Path) -> None:
    make, force, expected = CASES[case]
    path = tmp_path / "doc.md"
    before = make(OLD).encode()
    path.write_bytes(before)
    outcome = settle(path, NEW, action="write", markdown=True, force=force)
    assert outcome.status == expected, outcome
    if expected == "edited":
        assert path.read_bytes() == before, "an edited file is left alone"
        assert outcome.edits == ("the generated text before region `security`",) or case.startswith("text added")
        assert outcome.diff.startswith("--- a/") and outcome.line is not None
        return
    text = path.read_text(encoding="utf-8")
    assert "after, regenerated" in text and text == stamp(text)
    assert ("мой текст" in text) == (case == "edited inside a region")
    assert "my own intro" not in text


@pytest.mark.parametrize(("case", "status"), [("untouched", "stale"), ("edited in a generated part", "edited"),
                                               ("edited inside a region", "stale"), ("CRLF checkout", "stale")])
def test_check_reports_an_edited_file_as_edited(case: str, status: str, tmp_path: Path) -> None:
    path = tmp_path / "doc.md"
    path.write_text(CASES[case][0](OLD), encoding="utf-8", newline="")
    outcome = settle(path, NEW, action="check", markdown=True)
    assert outcome.status == status
    assert "+after, regenerated\n" in outcome.diff
    assert settle(path, document(), action="check", markdown=True).status == ("ok" if status == "stale" else "edited")


def test_an_edit_of_the_generated_block_of_a_readme_is_found_and_the_rest_is_free(tmp_path: Path) -> None:
    readme = tmp_path / "README.md"
    readme.write_text(f"# Readme\n\n{GENERATED_BEGIN}\n{GENERATED_END}\n\nfooter\n", encoding="utf-8")
    assert settle(readme, document(), action="write", markdown=True).status == "written"
    first = readme.read_text(encoding="utf-8")
    assert first.endswith(f" -->\n{GENERATED_END}\n\nfooter\n")
    readme.write_text(first.replace("footer", "my footer"), encoding="utf-8")
    assert settle(readme, NEW, action="write", markdown=True).status == "written"
    assert readme.read_text(encoding="utf-8").endswith("my footer\n")
    readme.write_text(readme.read_text(encoding="utf-8").replace("intro", "my intro"), encoding="utf-8")
    outcome = settle(readme, document(), action="write", markdown=True)
    assert (outcome.status, outcome.edits) == ("edited", ("the generated text before region `security`",))


def test_a_removed_region_marker_is_an_edit() -> None:
    existing = OLD.replace(end_marker("security") + "\n", "")
    with pytest.raises(RegionError, match="no end marker"):
        find_edit(existing, written(NEW), path="doc.md")
    existing = OLD.replace(f"{begin_marker('security')}\nseed\n{end_marker('security')}\n", "seed\n")
    edit = find_edit(existing, written(NEW), path="doc.md")
    assert edit is not None and edit.parts == ("the hand-written region markers",)


def test_json_documents_have_no_checksum(tmp_path: Path) -> None:
    path = tmp_path / "doc.json"
    assert settle(path, '{"a": 1}', action="write", markdown=False).status == "written"
    assert path.read_text(encoding="utf-8") == '{"a": 1}\n'
