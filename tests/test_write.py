"""The write stage: atomic writes, safe output paths, composing with the disk, --check."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from extractor.app.paths import output_path, safe_slug
from extractor.errors import ConfigError, RegionError
from extractor.render.markers import begin_marker, end_marker
from extractor.write import (
    CheckReport,
    check_one,
    compose,
    normalise,
    write_atomic,
    write_if_changed,
)
from extractor.write import files as write_files
from extractor.write.regions import GENERATED_BEGIN, GENERATED_END


def test_normalise_gives_lf_and_exactly_one_final_newline() -> None:
    assert normalise("a\r\nb\r\n\r\n\n") == "a\nb\n"
    assert normalise("a") == "a\n"
    assert normalise("") == "\n"


def test_write_atomic_writes_utf8_lf_and_leaves_no_temporary_file(tmp_path: Path) -> None:
    target = tmp_path / "new" / "deep" / "doc.md"
    write_atomic(target, "Привет\r\nмир")
    assert target.read_bytes() == "Привет\nмир\n".encode()
    assert sorted(p.name for p in target.parent.iterdir()) == ["doc.md"]


def test_write_atomic_keeps_the_mode_of_an_existing_file(tmp_path: Path) -> None:
    target = tmp_path / "doc.md"
    target.write_text("old\n")
    target.chmod(0o640)
    write_atomic(target, "new\n")
    assert stat.S_IMODE(target.stat().st_mode) == 0o640
    assert target.read_text() == "new\n"


def test_a_new_file_gets_the_usual_mode_not_the_temp_files_0600(tmp_path: Path) -> None:
    umask = os.umask(0o022)
    try:
        write_atomic(tmp_path / "doc.md", "x")
    finally:
        os.umask(umask)
    assert stat.S_IMODE((tmp_path / "doc.md").stat().st_mode) == 0o644


def test_a_failed_write_leaves_the_old_file_and_no_temporary(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "doc.md"
    target.write_text("old\n")

    def broken_replace(src: object, dst: object) -> None:
        raise OSError("disk full")

    monkeypatch.setattr(write_files.os, "replace", broken_replace)
    with pytest.raises(OSError, match="disk full"):
        write_atomic(target, "new\n")
    assert target.read_text() == "old\n"
    assert [p.name for p in tmp_path.iterdir()] == ["doc.md"]


def test_write_if_changed_ignores_line_endings(tmp_path: Path) -> None:
    target = tmp_path / "doc.md"
    target.write_bytes(b"a\r\nb\r\n")
    before = target.stat().st_mtime_ns
    assert write_if_changed(target, "a\nb\n") is False
    assert target.stat().st_mtime_ns == before
    assert write_if_changed(target, "a\nc\n") is True
    assert target.read_text() == "a\nc\n"


@pytest.mark.parametrize(
    ("slug", "expected"),
    [
        ("stripe", "stripe"),
        ("../../etc/passwd", "etc-passwd"),
        ("/abs", "abs"),
        ("..", "integration"),
        ("a b/c", "a-b-c"),
        (".hidden", "hidden"),
    ],
)
def test_safe_slug(slug: str, expected: str) -> None:
    assert safe_slug(slug) == expected


def test_output_path_stays_inside_the_output_folder_whatever_the_slug(tmp_path: Path) -> None:
    for slug in ("../../evil", "/etc/cron.d/x", "..", "a/../../b"):
        path = output_path(tmp_path, "{slug}.md", slug=slug)
        assert path.parent == tmp_path
        assert ".." not in path.parts


@pytest.mark.parametrize("pattern", ["../{slug}.md", "/tmp/{slug}.md", "{slug}/../../x.md", "{x}.md"])
def test_bad_patterns_are_refused(tmp_path: Path, pattern: str) -> None:
    with pytest.raises(ConfigError):
        output_path(tmp_path, pattern, slug="s")


def test_path_placeholder_is_the_integration_folder_relative_to_the_root(tmp_path: Path) -> None:
    folder = tmp_path / "integrations" / "stripe"
    folder.mkdir(parents=True)
    assert output_path(tmp_path, "{path}/README.md", slug="stripe", folder=folder) == (
        folder / "README.md"
    )
    out = tmp_path / "out"
    mirrored = output_path(out, "{path}/README.md", slug="stripe", folder=folder, root=tmp_path)
    assert mirrored == out / "integrations" / "stripe" / "README.md"


def test_path_placeholder_outside_the_root_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="outside"):
        output_path(tmp_path / "a", "{path}/README.md", slug="s", folder=tmp_path / "b")


def test_a_symlink_leading_out_of_the_output_folder_is_refused(tmp_path: Path) -> None:
    out, elsewhere = tmp_path / "out", tmp_path / "elsewhere"
    out.mkdir()
    elsewhere.mkdir()
    (out / "docs").symlink_to(elsewhere)
    with pytest.raises(ConfigError, match="leaves the output folder"):
        output_path(out, "docs/{slug}.md", slug="s")


def generated(seed: str = "seed\n", title: str = "Doc") -> str:
    return f"# {title}\n\n{begin_marker('security')}\n{seed}{end_marker('security')}\n"


def test_compose_keeps_hand_written_regions_and_normalises() -> None:
    existing = generated("мой текст\n", title="Old").replace("\n", "\r\n")
    result = compose(generated(title="New") + "\n\n", existing, path="x.md")
    assert result == generated("мой текст\n", title="New")


def test_compose_injects_into_a_file_with_a_generated_block() -> None:
    readme = f"# Readme\n\n{GENERATED_BEGIN}\n{GENERATED_END}\n\nfooter\n"
    result = compose(generated(), readme, path="README.md")
    assert result == f"# Readme\n\n{GENERATED_BEGIN}\n{generated()}{GENERATED_END}\n\nfooter\n"


def test_compose_of_json_ignores_the_existing_file() -> None:
    assert compose('{"a": 1}', "whatever", path="x.json", markdown=False) == '{"a": 1}\n'


def test_compose_refuses_to_overwrite_a_file_it_did_not_write() -> None:
    with pytest.raises(RegionError, match=r"not written by extract-docs"):
        compose(generated(), "# Hand-made README\n", path="README.md")


def check(planned: list[tuple[Path, str]]) -> CheckReport:
    """What the CLI gathers under --check: every planned file compared with the disk."""
    return CheckReport(tuple(check_one(path, text) for path, text in planned))


def test_check_reports_every_stale_and_missing_file_with_a_diff(tmp_path: Path) -> None:
    fresh, stale, crlf = tmp_path / "fresh.md", tmp_path / "stale.md", tmp_path / "crlf.md"
    missing, no_newline = tmp_path / "missing.md", tmp_path / "no-newline.md"
    fresh.write_text("same\n")
    stale.write_text("old line\nkept\n")
    crlf.write_bytes(b"one\r\ntwo\r\n")
    no_newline.write_text("x")
    report = check(
        [
            (fresh, "same\n"),
            (stale, "new line\nkept\n"),
            (crlf, "one\ntwo\n"),
            (missing, "brand new\n"),
            (no_newline, "x\n"),
        ]
    )
    statuses = {item.path.name: item.status for item in report.files}
    assert statuses == {
        "fresh.md": "ok",
        "stale.md": "stale",
        "crlf.md": "ok",
        "missing.md": "missing",
        "no-newline.md": "ok",
    }
    assert not report.ok
    by_name = {item.path.name: item for item in report.problems}
    assert "-old line\n+new line\n" in by_name["stale.md"].diff
    assert by_name["stale.md"].diff.startswith("--- a/")
    assert "+brand new\n" in by_name["missing.md"].diff
    assert by_name["missing.md"].diff.startswith("--- /dev/null")
    assert report.summary() == "2 of 5 files out of date (1 stale, 1 missing)"


def test_check_summary_when_all_is_up_to_date(tmp_path: Path) -> None:
    (tmp_path / "a.md").write_text("a\n")
    report = check([(tmp_path / "a.md", "a")])
    assert report.ok
    assert report.summary() == "1 file up to date"
