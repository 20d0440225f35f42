"""docs/cli.md's synopsis and command reference are generated from the typer commands:
fresh, complete (every sub-command, `preview` included), and regenerated without touching
the hand-written rest of the page."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from extractor.cli.commands import SUBCOMMANDS
from extractor.cli.reference import PAGE, REGENERATE, main, reference, synopsis, updated

REPO = Path(__file__).resolve().parent.parent
CLI_DOC = REPO / PAGE


def _between(text: str, marker: str) -> str:
    return text.split(f"<!-- {marker}:begin -->\n")[1].split(f"<!-- {marker}:end -->", maxsplit=1)[0]


def test_the_cli_reference_is_fresh() -> None:
    text = CLI_DOC.read_text(encoding="utf-8")
    assert updated(text) == text, f"docs/cli.md is stale: run `{REGENERATE}`"


def test_the_synopsis_names_every_command() -> None:
    shown = _between(CLI_DOC.read_text(encoding="utf-8"), "cli-synopsis")
    assert "preview" in SUBCOMMANDS
    assert re.search(r"^extract-docs \[OPTIONS\] \[PATH\]\.\.\.", shown, re.M)
    for name in SUBCOMMANDS:
        assert re.search(rf"^extract-docs {name} ", shown, re.M), name


@pytest.mark.parametrize("option", ["--output", "--check", "--strict / --no-strict", "--jobs", "--many", "--json",
                                    "--port", "--host"])
def test_the_reference_shows_every_commands_options(option: str) -> None:
    assert option in _between(CLI_DOC.read_text(encoding="utf-8"), "cli-reference")


def test_the_generated_text_does_not_depend_on_the_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    before = synopsis(), reference()
    monkeypatch.setenv("COLUMNS", "40")
    assert (synopsis(), reference()) == before


def test_regenerating_keeps_the_hand_written_parts(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    page = tmp_path / "cli.md"
    shutil.copy(CLI_DOC, page)
    text = page.read_text(encoding="utf-8")
    stale = text.replace(_between(text, "cli-reference"), "an option that is gone\n")
    page.write_text("Hand-written intro.\n" + stale, encoding="utf-8")

    assert main(["--check", str(page)]) == 1
    assert f"{page}: stale; run `{REGENERATE}` to update it" in capsys.readouterr().err
    assert main([str(page)]) == 0
    assert page.read_text(encoding="utf-8") == "Hand-written intro.\n" + text
    assert main(["--check", str(page)]) == 0


@pytest.mark.parametrize("broken", [
    "no markers at all\n",
    "<!-- cli-synopsis:begin -->\n<!-- cli-synopsis:end -->\n",
    "<!-- cli-synopsis:begin -->\n<!-- cli-synopsis:end -->\n<!-- cli-reference:begin -->\n",
])
def test_a_page_without_its_markers_is_an_error(tmp_path: Path, broken: str,
                                                capsys: pytest.CaptureFixture[str]) -> None:
    page = tmp_path / "cli.md"
    page.write_text(broken, encoding="utf-8")
    assert main([str(page)]) == 2
    assert "error: needs one `<!-- cli-" in capsys.readouterr().err
    assert page.read_text(encoding="utf-8") == broken
