"""The command line: outputs, --check, warnings, exit codes 0/1/2, sub-commands, import cost.

Most tests replace the pipeline and the renderer with small fakes (`documents.load_extract`,
`documents.load_render`) so that they test the CLI alone; a few run the real ones on a sample.
"""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from extractor import __version__
from extractor.app import documents
from extractor.cli import main
from extractor.cli.report import fancy_progress_wanted
from extractor.conventions import Conventions
from extractor.discover import IntegrationRoot, find_integrations
from extractor.errors import SourceSyntaxError
from extractor.model import DocWarning, Handler, Integration, Limitation
from extractor.render.markers import begin_marker, end_marker
from tests.conftest import SAMPLES
from tests.helpers import make_stale

REPO = Path(__file__).resolve().parent.parent
DEFINES = "from sdk import Integration\n\nintegration = Integration(name='X')\n"
USES = "from . import integration\n\n@integration.handler('b')\ndef b(): ...\n"


class FakePipeline:
    """Builds a small doc model per integration and counts its calls."""

    def __init__(self) -> None:
        self.calls: list[str] = []
        self.fail: dict[str, Exception] = {}

    def __call__(self, root: IntegrationRoot, options: Conventions) -> Integration:
        self.calls.append(root.slug)
        if root.slug in self.fail:
            raise self.fail[root.slug]
        warnings = []
        if root.slug == "stripe":
            warnings = [DocWarning(location="handlers.py:3", message="timeout is not a literal")]
        source = f"{root.slug}.py" if root.is_module else "handlers.py"
        handlers = [
            Handler(name=name, function=name, location=f"{source}:{line}",
                    description="" if root.slug == "telegram" else f"Runs {name}.")
            for line, name in ((1, "b-run"), (5, "a-run"))
        ]
        return Integration(name=root.slug.title(), slug=root.slug, handlers=handlers, warnings=warnings,
                           limitations=[Limitation(kind="timeout", value=5000)], see_also=["[API](/api/)"])


def fake_render(
    doc: Integration, *, template_dir: Path | None = None, webhook_base_url: str | None = None,
    front_matter: bool = False, sidebar_order: int | None = None, links: tuple[tuple[str, str], ...] = (),
) -> str:
    url = webhook_base_url or "{WEBHOOK_BASE_URL}"
    return (
        f"# {doc.name}\n\nPOST {url}/webhook/x\n\n"
        f"{begin_marker('security')}\nseed\n{end_marker('security')}\n"
    )


@pytest.fixture
def pipeline(monkeypatch: pytest.MonkeyPatch) -> FakePipeline:
    fake = FakePipeline()
    monkeypatch.setattr(documents, "load_extract", lambda: fake)
    monkeypatch.setattr(documents, "load_render", lambda: fake_render)
    return fake


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, pipeline: FakePipeline) -> Path:
    """A project with three integrations; the current folder."""
    files = {
        "pyproject.toml": "[tool.extract-docs]\n",
        "integrations/amo/__init__.py": DEFINES,
        "integrations/stripe/__init__.py": DEFINES,
        "integrations/stripe/handlers.py": USES,
        "integrations/telegram.py": DEFINES,
    }
    for rel, text in files.items():
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / rel).write_text(text, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("CI", raising=False)
    return tmp_path


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    with pytest.raises(SystemExit) as exit_info:
        main(list(args))
    captured = capsys.readouterr()
    code = exit_info.value.code
    return (code if isinstance(code, int) else 1), captured.out, captured.err


def set_config(project: Path, body: str) -> None:
    (project / "pyproject.toml").write_text(f"[tool.extract-docs]\n{body}\n", encoding="utf-8")


# -- the default command -------------------------------------------------------------------


def test_markdown_goes_to_stdout_and_warnings_to_stderr(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run(capsys, "integrations/stripe")
    assert code == 0
    assert out.startswith("# Stripe\n")
    assert err == ("integrations/stripe/handlers.py:3: warning: timeout is not a literal\n"
                   "1 warning in 1 integration; --strict makes them fail\n")


def test_json_is_one_object_for_one_integration(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run(capsys, "--format", "json", "integrations/amo")
    assert code == 0
    data = json.loads(out)
    assert isinstance(data, dict)
    assert (data["slug"], data["schema_version"]) == ("amo", 2)


def test_json_is_a_list_ordered_by_slug_for_a_folder(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run(capsys, "--format", "json", "integrations")
    assert code == 0
    assert [item["slug"] for item in json.loads(out)] == ["amo", "stripe", "telegram"]
    code, out, _ = run(capsys, "--format", "json", "integrations/telegram.py", "integrations/amo")
    assert [item["slug"] for item in json.loads(out)] == ["amo", "telegram"]


def test_output_file_for_one_integration(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "integrations/amo", "-o", "out/amo-doc.md")
    assert code == 0
    assert out == ""
    assert (project / "out" / "amo-doc.md").read_text(encoding="utf-8").startswith("# Amo\n")
    assert "wrote out/amo-doc.md" in err


def test_output_folder_writes_one_file_per_integration(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = run(capsys, "integrations", "-o", "docs", "--quiet")
    assert code == 0
    assert sorted(p.name for p in (project / "docs").iterdir()) == [
        "amo.md",
        "stripe.md",
        "telegram.md",
    ]
    assert "wrote" not in err
    assert "warning" in err


def test_one_markdown_file_for_several_integrations_is_a_usage_error(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = run(capsys, "integrations", "-o", "all.md")
    assert code == 2
    assert "give a folder" in err
    assert len(err.strip().splitlines()) == 1
    assert not (project / "all.md").exists()


def test_one_json_file_for_several_integrations_holds_the_list(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, _ = run(capsys, "integrations", "--format", "json", "-o", "all.json")
    assert code == 0
    data = json.loads((project / "all.json").read_text(encoding="utf-8"))
    assert [item["slug"] for item in data] == ["amo", "stripe", "telegram"]


def test_check_passes_when_up_to_date_and_fails_with_diffs_when_stale(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(capsys, "integrations", "-o", "docs")[0] == 0
    code, out, err = run(capsys, "integrations", "-o", "docs", "--check")
    assert (code, out) == (0, "")
    assert "3 files up to date" in err

    amo = project / "docs" / "amo.md"
    make_stale(amo, "# Amo", "# Old")
    (project / "docs" / "telegram.md").unlink()
    before = amo.read_text(encoding="utf-8")
    code, out, err = run(capsys, "integrations", "-o", "docs", "--check")
    assert code == 1
    assert "-# Old\n+# Amo\n" in out
    assert "+# Telegram\n" in out
    assert "docs/amo.md: stale" in err
    assert "docs/telegram.md: missing" in err
    assert err.endswith(
        "1 up to date, 1 stale: docs/amo.md; 1 missing: docs/telegram.md; "
        "run `extract-docs -o docs integrations` to update\n"
    )
    assert amo.read_text(encoding="utf-8") == before
    assert not (project / "docs" / "telegram.md").exists()


def test_check_ignores_crlf_line_endings(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    run(capsys, "integrations/amo", "-o", "docs/")
    doc = project / "docs" / "amo.md"
    doc.write_bytes(doc.read_bytes().replace(b"\n", b"\r\n"))
    assert run(capsys, "integrations/amo", "-o", "docs/", "--check")[0] == 0


def test_check_needs_an_output(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "integrations", "--check")
    assert code == 2
    assert "--check needs" in err


def test_hand_written_regions_survive_regeneration(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    run(capsys, "integrations", "-o", "docs")
    doc = project / "docs" / "stripe.md"
    text = doc.read_text(encoding="utf-8").replace("\nseed\n", "\nХраните ключи в Vault.\n")
    doc.write_text(text, encoding="utf-8")
    assert run(capsys, "integrations", "-o", "docs")[0] == 0
    assert "Храните ключи в Vault." in doc.read_text(encoding="utf-8")
    assert run(capsys, "integrations", "-o", "docs", "--check")[0] == 0


def test_a_broken_region_is_an_error_naming_the_line(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    run(capsys, "integrations/amo", "-o", "docs")
    doc = project / "docs" / "amo.md"
    doc.write_text(doc.read_text(encoding="utf-8").replace(end_marker("security"), ""))
    code, _, err = run(capsys, "integrations/amo", "-o", "docs")
    assert code == 2
    assert "docs/amo.md:5: error: region 'security' has no end marker" in err


def test_output_pattern_and_overrides_from_the_config(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    set_config(
        project,
        'paths = ["integrations"]\noutput = "{path}/README.md"\n'
        'webhook_base_url = "https://hooks.example.com"\n'
        "[tool.extract-docs.overrides.amo]\n"
        'name = "amoCRM"\nwebhook_base_url = "https://amo.example.com"\n'
        "[tool.extract-docs.overrides.telegram]\n"
        'output = "docs/telegram.md"\n',
    )
    code, out, _ = run(capsys)
    assert (code, out) == (0, "")
    amo = (project / "integrations" / "amo" / "README.md").read_text(encoding="utf-8")
    assert amo.startswith("# amoCRM\n")
    assert "POST https://amo.example.com/webhook/x" in amo
    stripe = (project / "integrations" / "stripe" / "README.md").read_text(encoding="utf-8")
    assert "POST https://hooks.example.com/webhook/x" in stripe
    assert (project / "docs" / "telegram.md").is_file()


def test_two_integrations_writing_the_same_file_is_a_config_error(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    set_config(project, 'output = "docs/all.md"')
    code, _, err = run(capsys, "integrations")
    assert code == 2
    assert "would both write" in err


def test_sort_by_name(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = run(capsys, "integrations/amo", "--format", "json")
    assert [h["name"] for h in json.loads(out)["handlers"]] == ["b-run", "a-run"]
    set_config(project, 'sort = "name"')
    _, out, _ = run(capsys, "integrations/amo", "--format", "json")
    assert [h["name"] for h in json.loads(out)["handlers"]] == ["a-run", "b-run"]


# -- warnings, errors, exit codes ------------------------------------------------------------


def test_strict_makes_warnings_fail(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(capsys, "integrations/amo", "--strict")[0] == 0
    code, out, err = run(capsys, "integrations/stripe", "--strict")
    assert code == 1
    assert out.startswith("# Stripe")
    assert "1 warning, failing (--strict)" in err
    set_config(project, "strict = true")
    assert run(capsys, "integrations/stripe")[0] == 1
    assert run(capsys, "integrations/stripe", "--no-strict")[0] == 0


def test_a_plain_run_groups_warnings_per_integration_and_counts_them_at_the_end(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = run(capsys, "integrations", "-o", "docs/", "--quiet")
    assert code == 0
    assert err == ("stripe: 1 warning\n"
                   "integrations/stripe/handlers.py:3: warning: timeout is not a literal\n"
                   "1 warning in 1 integration; --strict makes them fail\n")
    code, _, err = run(capsys, "integrations", "-o", "docs/", "--quiet", "--strict")
    assert code == 1
    assert err.endswith("3 warnings, failing (--strict)\n") and "--strict makes them fail" not in err
    assert run(capsys, "integrations/amo")[2] == "", "no warning, no summary"


def test_lint_findings_only_under_strict(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "integrations/telegram.py", "--format", "json")
    assert (code, err) == (0, "")
    assert json.loads(out)["warnings"] == []
    code, out, err = run(capsys, "integrations/telegram.py", "--format", "json", "--strict")
    assert code == 1
    assert json.loads(out)["warnings"] == [], "lint findings stay out of the JSON"
    assert err == (
        "integrations/telegram.py:1: warning: handler 'b-run' (b-run) has no docstring [handler-docstring]\n"
        "integrations/telegram.py:5: warning: handler 'a-run' (a-run) has no docstring [handler-docstring]\n"
        "2 warnings, failing (--strict)\n"
    )
    set_config(project, 'strict = true\nlint_ignore = ["handler-docstring"]')
    assert run(capsys, "integrations/telegram.py") == (0, "# Telegram\n\nPOST {WEBHOOK_BASE_URL}/webhook/x\n\n"
                                                        f"{begin_marker('security')}\nseed\n"
                                                        f"{end_marker('security')}\n", "")


def test_lint_findings_as_github_annotations(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "integrations/telegram.py", "--strict", "--annotations", "github")
    assert code == 1
    assert err.splitlines()[0] == (
        "::warning file=integrations/telegram.py,line=1::handler 'b-run' (b-run) has no docstring "
        "[handler-docstring]"
    )


def test_an_unknown_lint_rule_is_a_config_error(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    set_config(project, 'lint_ignore = ["field-descriptions"]')
    code, _, err = run(capsys, "integrations")
    assert code == 2
    assert "lint_ignore" in err and "pyproject.toml:2" in err


def test_stale_files_as_github_annotations_at_the_first_changed_line(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    run(capsys, "integrations/amo", "-o", "docs/")
    doc = project / "docs" / "amo.md"
    make_stale(doc, "POST", "GET")
    code, out, err = run(capsys, "integrations/amo", "-o", "docs/", "--check", "--annotations", "github")
    assert code == 1
    assert "-GET {WEBHOOK_BASE_URL}/webhook/x\n+POST {WEBHOOK_BASE_URL}/webhook/x\n" in out
    assert err == (
        "::error file=docs/amo.md,line=3::stale: run `extract-docs -o docs/ integrations/amo` to update it\n"
        "0 up to date, 1 stale: docs/amo.md; run `extract-docs -o docs/ integrations/amo` to update\n"
    )


def test_github_annotations(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "integrations/stripe", "--annotations", "github")
    assert code == 0
    assert err == (
        "::warning file=integrations/stripe/handlers.py,line=3::timeout is not a literal\n"
    )


def test_a_missing_path_is_one_line_and_exit_2(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "nope")
    assert code == 2
    assert out == ""
    assert err == "nope: error: no such file or directory\n"


def test_a_failing_integration_does_not_stop_the_others(
    project: Path, pipeline: FakePipeline, capsys: pytest.CaptureFixture[str]
) -> None:
    pipeline.fail["stripe"] = SourceSyntaxError("invalid syntax", "handlers.py:3")
    code, out, err = run(capsys, "integrations", "--format", "json")
    assert code == 2
    assert [item["slug"] for item in json.loads(out)] == ["amo", "telegram"]
    assert "integrations/stripe/handlers.py:3: error: invalid syntax" in err
    assert "Traceback" not in err


def test_an_error_wins_over_stale_files_under_check(
    project: Path, pipeline: FakePipeline, capsys: pytest.CaptureFixture[str]
) -> None:
    run(capsys, "integrations", "-o", "docs")
    amo = project / "docs" / "amo.md"
    make_stale(amo, "# Amo", "# Old")
    assert run(capsys, "integrations", "-o", "docs", "--check", "--no-cache")[0] == 1
    pipeline.fail["stripe"] = SourceSyntaxError("invalid syntax", "handlers.py:3")
    code, out, err = run(capsys, "integrations", "-o", "docs", "--check", "--no-cache")
    assert code == 2, "the check could not compare stripe's document"
    assert "-# Old\n+# Amo\n" in out
    assert "integrations/stripe/handlers.py:3: error: invalid syntax" in err
    assert "docs/amo.md: stale" in err


@pytest.mark.parametrize(
    "args",
    [["--bogus", "integrations"], ["--format", "xml", "integrations"], ["--jobs", "-1", "x"]],
)
def test_usage_errors_exit_2(project: Path, capsys: pytest.CaptureFixture[str], args: list[str]) -> None:
    assert run(capsys, *args)[0] == 2


def test_no_path_and_no_configured_paths_is_a_usage_error(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = run(capsys)
    assert code == 2
    assert "no PATH given" in err


def test_a_bad_config_is_one_line_and_exit_2(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    set_config(project, 'formatt = "json"')
    code, _, err = run(capsys, "integrations")
    assert code == 2
    assert err.count("\n") == 1
    assert "unknown key(s) formatt" in err
    assert "pyproject.toml:2" in err


# -- cache and jobs --------------------------------------------------------------------------


def test_the_cache_skips_unchanged_integrations(
    project: Path, pipeline: FakePipeline, capsys: pytest.CaptureFixture[str]
) -> None:
    run(capsys, "integrations", "--format", "json")
    assert sorted(pipeline.calls) == ["amo", "stripe", "telegram"]
    pipeline.calls.clear()
    _, out, _ = run(capsys, "integrations", "--format", "json")
    assert pipeline.calls == []
    assert [item["slug"] for item in json.loads(out)] == ["amo", "stripe", "telegram"]
    (project / "integrations" / "amo" / "__init__.py").write_text(DEFINES + "X = 2\n")
    run(capsys, "integrations", "--format", "json")
    assert pipeline.calls == ["amo"]
    pipeline.calls.clear()
    run(capsys, "integrations", "--format", "json", "--no-cache")
    assert sorted(pipeline.calls) == ["amo", "stripe", "telegram"]


def test_parallel_jobs_give_the_same_output(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    serial = run(capsys, "integrations", "--format", "json", "--no-cache")
    parallel = run(capsys, "integrations", "--format", "json", "--no-cache", "-j", "2")
    assert parallel == serial


def test_a_progress_bar_only_on_a_terminal_outside_ci(monkeypatch: pytest.MonkeyPatch) -> None:
    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    monkeypatch.delenv("CI", raising=False)
    monkeypatch.delenv("TERM", raising=False)
    assert fancy_progress_wanted(Terminal(), quiet=False)
    assert not fancy_progress_wanted(Terminal(), quiet=True)
    assert not fancy_progress_wanted(io.StringIO(), quiet=False)
    monkeypatch.setenv("CI", "true")
    assert not fancy_progress_wanted(Terminal(), quiet=False)


def _stderr_of_real_run(tmp_path: Path, *, terminal: bool, env: dict[str, str], quiet: bool = False) -> bytes:
    """The real CLI on all samples (-o DIR, no cache), its stderr a pseudo-terminal or a pipe."""
    args = [sys.executable, "-m", "extractor.cli", str(SAMPLES), "-o", f"{tmp_path}/out/", "--no-cache"]
    args += ["--quiet"] if quiet else []
    full_env = {**{k: v for k, v in os.environ.items() if k != "CI"}, "PYTHONPATH": str(REPO), **env}
    if not terminal:
        result = subprocess.run(args, env=full_env, capture_output=True, check=False)
        assert result.returncode == 0, result.stderr
        return result.stderr
    import pty

    controller, stream = pty.openpty()
    process = subprocess.Popen(args, env=full_env, stdout=subprocess.DEVNULL, stderr=stream)
    os.close(stream)
    output = b""
    while True:
        try:
            chunk = os.read(controller, 4096)
        except OSError:  # the terminal closed: the process is done
            break
        if not chunk:
            break
        output += chunk
    os.close(controller)
    assert process.wait() == 0, output
    return output


BAR = "━".encode()
HIDE_CURSOR = b"\x1b[?25l"


@pytest.mark.skipif(sys.platform == "win32", reason="pseudo-terminals are POSIX")
def test_a_real_progress_bar_on_a_terminal_and_none_when_piped_or_in_ci(tmp_path: Path) -> None:
    on_terminal = _stderr_of_real_run(tmp_path, terminal=True, env={"TERM": "xterm"})
    assert HIDE_CURSOR in on_terminal and BAR in on_terminal
    assert f"/{len(find_integrations(SAMPLES))}".encode() in on_terminal  # done/total
    assert b"wrote " in on_terminal
    for label, output in {
        "piped": _stderr_of_real_run(tmp_path, terminal=False, env={"TERM": "xterm"}),
        "CI": _stderr_of_real_run(tmp_path, terminal=True, env={"TERM": "xterm", "CI": "true"}),
        "dumb": _stderr_of_real_run(tmp_path, terminal=True, env={"TERM": "dumb"}),
    }.items():
        assert b"\x1b" not in output and BAR not in output, label
        assert b"wrote " in output or b"unchanged " in output, label
    assert _stderr_of_real_run(tmp_path, terminal=True, env={"TERM": "xterm"}, quiet=True) == b""


# -- version, help, sub-commands ------------------------------------------------------------


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    assert run(capsys, "--version") == (0, f"extract-docs {__version__}\n", "")


def test_help_lists_the_options_and_the_sub_commands(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "--help")
    assert code == 0
    for words in ("PATH", "--check", "--format", "--annotations", "extract-docs schema",
                  "extract-docs config", "Exit codes"):
        assert words in out


def test_schema_prints_the_json_schema_of_one_integration(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "schema")
    assert code == 0
    schema = json.loads(out)
    assert schema["title"] == "Integration"
    assert {"schema_version", "slug", "handlers", "warnings"} <= set(schema["properties"])
    assert "array" in schema["$comment"]
    code, out, _ = run(capsys, "schema", "--many")
    many = json.loads(out)
    assert many["type"] == "array"
    assert many["items"] == {"$ref": "#/$defs/Integration"}


def test_config_shows_values_and_their_sources(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    set_config(project, 'format = "json"')
    code, out, _ = run(capsys, "config", "--strict")
    assert code == 0
    lines = {line.split()[0]: line for line in out.splitlines() if not line.startswith("#")}
    assert lines["format"].endswith(f"# pyproject.toml:{project / 'pyproject.toml'}")
    assert '"json"' in lines["format"]
    assert lines["strict"].endswith("# cli")
    assert lines["sort"].endswith("# default")
    code, out, _ = run(capsys, "config", "--json")
    data = json.loads(out)
    assert data["values"]["handler_decorators"] == ["handler"]
    assert data["sources"]["strict"] == "default"


# -- the real pipeline, in a fresh interpreter ----------------------------------------------


def _python(*args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    return subprocess.run(
        [sys.executable, *args], capture_output=True, text=True, env=env, cwd=REPO, check=False
    )


@pytest.mark.parametrize("flag", ["--version", "--help"])
def test_version_and_help_do_not_import_libcst(flag: str) -> None:
    result = _python("-X", "importtime", "-m", "extractor.cli", flag)
    assert result.returncode == 0
    imported = {line.rsplit("|", 1)[-1].strip() for line in result.stderr.splitlines()}
    assert not {"libcst", "jinja2", "pydantic"} & imported


def test_the_real_pipeline_on_a_sample() -> None:
    result = _python("-m", "extractor.cli", "--format", "json", "--no-cache",
                     str(SAMPLES / "stripe_payments"))
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["slug"] == "stripe_payments"
    assert "create-payment" in [handler["name"] for handler in data["handlers"]]


def test_dash_output_forces_stdout(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    set_config(project, 'output = "docs/{slug}.md"')
    code, out, _ = run(capsys, "integrations/amo", "-o", "-")
    assert (code, out.splitlines()[0]) == (0, "# Amo")
    assert not (project / "docs").exists()


def test_an_unwritable_output_is_one_error_line(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (project / "docs").write_text("a file, not a folder\n")
    code, _, err = run(capsys, "integrations/amo", "-o", "docs")
    assert code == 2
    assert "error:" in err
    assert "Traceback" not in err


def test_a_readme_with_a_generated_block_is_updated_in_place(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    readme = project / "README.md"
    readme.write_text(
        "# Project\n\nIntro.\n\n<!-- extract-docs:begin generated -->\n"
        "<!-- extract-docs:end generated -->\n\n## License\n",
        encoding="utf-8",
    )
    assert run(capsys, "integrations/amo", "-o", "README.md")[0] == 0
    text = readme.read_text(encoding="utf-8")
    assert text.startswith("# Project\n\nIntro.\n\n<!-- extract-docs:begin generated -->\n# Amo\n")
    assert text.endswith("<!-- extract-docs:end generated -->\n\n## License\n")
    assert run(capsys, "integrations/amo", "-o", "README.md", "--check")[0] == 0


def test_an_internal_error_is_one_line_and_the_traceback_only_on_request(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def broken(*args: object, **kwargs: object) -> Integration:
        raise KeyError("boom")

    monkeypatch.setattr(documents, "load_extract", lambda: broken)
    monkeypatch.delenv("EXTRACT_DOCS_DEBUG", raising=False)
    with pytest.raises(SystemExit) as exit_info:
        main([str(SAMPLES / "stripe_payments"), "--no-cache", "--jobs", "1"])
    err = capsys.readouterr().err
    assert exit_info.value.code == 2
    assert "internal error (KeyError" in err and "Traceback" not in err and len(err.strip().split("\n")) == 1
    monkeypatch.setenv("EXTRACT_DOCS_DEBUG", "1")
    with pytest.raises(KeyError):
        main([str(SAMPLES / "stripe_payments"), "--no-cache", "--jobs", "1"])
