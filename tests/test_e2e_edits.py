"""End to end, as a team meets it: a person edits generated text, and no word is lost.

The real CLI in subprocesses, in a temporary git repository holding one sample integration:
generate and commit; edit generated text; a regeneration stops for that file (exit 2, the
diff, the two ways on) and leaves it alone; `--check` says `edited`; `--force` drops the
edit; an edit inside a hand-written region, a reverted edit and a CRLF checkout pass.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from tests.conftest import SAMPLES
from tests.test_e2e_ci import cli, git

README = "amocrm/README.md"
CHECKSUM = re.compile(r"\n<!-- extract-docs:checksum( [0-9a-f]{16})+ -->\n\Z")
REGION = re.compile(
    r"(<!-- extract-docs:begin manual:limitations -->\n)(.*?)(<!-- extract-docs:end manual:limitations -->)", re.S
)


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """A git repository with one integration and its generated, committed document."""
    shutil.copytree(SAMPLES / "amocrm", tmp_path / "amocrm",
                    ignore=shutil.ignore_patterns("__pycache__", "*.pyc", "README.md"))
    (tmp_path / "pyproject.toml").write_text(
        '[tool.extract-docs]\npaths = ["amocrm"]\noutput = "{path}/README.md"\n', encoding="utf-8")
    git(tmp_path, "init", "-q")
    first = cli(tmp_path)
    assert first.returncode == 0, first.stderr
    assert f"wrote {README}" in first.stderr
    git(tmp_path, "add", "-A")
    git(tmp_path, "commit", "-q", "-m", "the integration and its document")
    return tmp_path


def edit(repo: Path, old: str, new: str) -> bytes:
    """Replace `old` (which must be there) in the document; the new bytes."""
    path = repo / README
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return path.read_bytes()


def test_the_document_records_its_checksums(repo: Path) -> None:
    assert CHECKSUM.search((repo / README).read_text(encoding="utf-8"))
    assert cli(repo, "--check").returncode == 0


def test_an_edit_of_generated_text_stops_the_regeneration_until_it_is_moved_or_forced(repo: Path) -> None:
    committed = (repo / README).read_bytes()
    edited = edit(repo, "## Обзор\n", "## Обзор интеграции\n")

    refused = cli(repo)
    assert refused.returncode == 2
    assert f"--- a/{README}\n+++ b/{README}\n" in refused.stdout
    assert "-## Обзор интеграции\n+## Обзор\n" in refused.stdout
    assert re.search(rf"^{re.escape(README)}:\d+: error: the generated text before region `\S+` changed by hand; "
                     "not overwritten", refused.stderr, re.M), refused.stderr
    assert "move them into a hand-written region" in refused.stderr and "or into the code" in refused.stderr
    assert "`extract-docs --force`" in refused.stderr
    assert "wrote" not in refused.stderr
    assert (repo / README).read_bytes() == edited, "the edited file is left alone"

    check = cli(repo, "--check")
    assert check.returncode == 1
    assert "-## Обзор интеграции\n+## Обзор\n" in check.stdout
    assert f"{README}: edited (" in check.stderr
    assert f"0 up to date, 1 edited: {README}; run `extract-docs` to update (Keep the words" in check.stderr
    assert "stale" not in check.stderr
    github = cli(repo, "--check", "--annotations", "github")
    assert re.search(rf"^::error file={re.escape(README)},line=\d+::edited: ", github.stderr, re.M), github.stderr

    forced = cli(repo, "--force")
    assert forced.returncode == 0, forced.stderr
    assert f"wrote {README}" in forced.stderr
    assert (repo / README).read_bytes() == committed
    assert git(repo, "diff", "--", README) == ""


def test_an_edit_inside_a_region_is_kept_silently(repo: Path) -> None:
    path = repo / README
    text = path.read_text(encoding="utf-8")
    mine = "Не больше 7 запросов в секунду — проверено вручную.\n"
    path.write_text(REGION.sub(lambda m: m.group(1) + mine + m.group(3), text, count=1), encoding="utf-8")
    models = repo / "amocrm" / "models.py"
    models.write_text(models.read_text(encoding="utf-8").replace('"Имя контакта"', '"Имя и фамилия контакта"'),
                      encoding="utf-8")
    result = cli(repo)
    assert (result.returncode, result.stdout) == (0, ""), result.stderr
    assert f"wrote {README}" in result.stderr and "error" not in result.stderr
    text = path.read_text(encoding="utf-8")
    assert mine in text and "Имя и фамилия контакта" in text
    assert cli(repo, "--check").returncode == 0


def test_a_reverted_edit_and_a_crlf_checkout_are_no_edits(repo: Path) -> None:
    path = repo / README
    committed = path.read_bytes()
    edit(repo, "## Обзор\n", "## Обзор!\n")
    edit(repo, "## Обзор!\n", "## Обзор\n")
    assert path.read_bytes() == committed
    assert cli(repo).returncode == 0

    edit(repo, "## Обзор\n", "## Обзор!\n")
    git(repo, "checkout", "--", README)
    assert cli(repo).returncode == 0

    crlf = committed.replace(b"\n", b"\r\n")
    path.write_bytes(crlf)
    check = cli(repo, "--check")
    assert check.returncode == 0, check.stdout + check.stderr
    result = cli(repo)
    assert result.returncode == 0, result.stderr
    assert f"unchanged {README}" in result.stderr
    assert path.read_bytes() == crlf, "a CRLF checkout is left alone"


def test_a_file_of_an_older_version_without_checksums_is_regenerated_as_before(repo: Path) -> None:
    path = repo / README
    committed = path.read_bytes()
    old = CHECKSUM.sub("\n", path.read_text(encoding="utf-8"))
    assert old != path.read_text(encoding="utf-8")
    path.write_text(old.replace("## Обзор\n", "## Обзор интеграции\n"), encoding="utf-8")
    result = cli(repo)
    assert result.returncode == 0, result.stderr
    assert f"wrote {README}" in result.stderr
    assert path.read_bytes() == committed
