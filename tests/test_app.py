"""The application layer: a configuration and paths in, outcomes out, one integration at a time.

The pipeline and the renderer are replaced by small fakes (`documents.load_extract`,
`documents.load_render`), as in tests/test_cli.py; nothing here prints.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from extractor.app import FileOutcome, Outcome, Request, documents, generate
from extractor.app.config import Config, effective_config
from extractor.app.pages import collect_pages
from extractor.app.pool import in_order
from extractor.app.targets import Joined
from extractor.conventions import Conventions
from extractor.discover import IntegrationRoot
from extractor.errors import ConfigError, InputError, TemplateError
from extractor.model import DocWarning, Integration
from extractor.render.markers import begin_marker, end_marker
from tests.helpers import make_stale

DEFINES = "from sdk import Integration\n\nintegration = Integration(name='X')\n"
SLUGS = ("amo", "stripe", "telegram")


class Fakes:
    """A pipeline that counts its calls and a renderer with one region; either can fail."""

    def __init__(self) -> None:
        self.extracted: list[str] = []
        self.broken_template: set[str] = set()

    def extract(self, root: IntegrationRoot, conventions: Conventions) -> Integration:
        self.extracted.append(root.slug)
        if root.slug == "broken":
            raise InputError("can't read", "broken.py:1")
        warnings = [DocWarning(location="x.py:3", message="not a literal")] if root.slug == "stripe" else []
        return Integration(name=root.slug.title(), slug=root.slug, warnings=warnings)

    def render(self, doc: Integration, **options: object) -> str:
        if doc.slug in self.broken_template:
            raise TemplateError("template failed to render", "t.md.j2:2")
        head = f"---\norder: {options.get('sidebar_order')}\n---\n" if options.get("front_matter") else ""
        return f"{head}# {doc.name}\n\n{begin_marker('security')}\nseed\n{end_marker('security')}\n"


@pytest.fixture
def fakes(monkeypatch: pytest.MonkeyPatch) -> Fakes:
    fake = Fakes()
    monkeypatch.setattr(documents, "load_extract", lambda: fake.extract)
    monkeypatch.setattr(documents, "load_render", lambda: fake.render)
    return fake


@pytest.fixture
def project(tmp_path: Path, fakes: Fakes) -> Path:
    for slug in SLUGS:
        (tmp_path / "integrations" / f"{slug}.py").parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / "integrations" / f"{slug}.py").write_text(DEFINES, encoding="utf-8")
    return tmp_path


def config_of(project: Path, body: str = "", **values: object) -> Config:
    (project / "pyproject.toml").write_text(f"[tool.extract-docs]\n{body}\n", encoding="utf-8")
    return effective_config({"paths": [Path("integrations")], **values}, project)[0]


def run(project: Path, request: Request, body: str = "", **values: object) -> list[Outcome | FileOutcome]:
    return list(generate(config_of(project, body, **values), request))


def test_outcomes_come_one_integration_at_a_time(project: Path, fakes: Fakes) -> None:
    generation = generate(config_of(project), Request(output="docs/", cwd=project, cache=False, jobs=1))
    assert [root.slug for root in generation.roots] == list(SLUGS)
    outcomes = iter(generation)
    first = next(outcomes)
    assert isinstance(first, Outcome) and first.root.slug == "amo"
    assert fakes.extracted == ["amo"]  # the others are not made yet
    assert first.file is not None and first.file.status == "written"
    assert (project / "docs" / "amo.md").is_file() and not (project / "docs" / "stripe.md").exists()
    assert [item.root.slug for item in outcomes if isinstance(item, Outcome)] == ["stripe", "telegram"]


def test_stdout_outcomes_carry_the_text_warnings_and_no_file(project: Path) -> None:
    outcomes = run(project, Request(cwd=project, cache=False))
    assert all(isinstance(item, Outcome) and item.file is None for item in outcomes)
    stripe = outcomes[1]
    assert isinstance(stripe, Outcome) and stripe.text is not None and stripe.text.startswith("# Stripe\n")
    assert [(w.location, w.message) for w in stripe.warnings] == [("x.py:3", "not a literal")]


@pytest.mark.parametrize(("action", "statuses"), [
    ("write", ["written", "written", "written"]),
    ("check", ["missing", "missing", "missing"]),
    ("preview", ["composed", "composed", "composed"]),
])
def test_each_action_settles_every_file(project: Path, action: str, statuses: list[str]) -> None:
    outcomes = run(project, Request(action=action, output="docs/", cwd=project, cache=False))  # type: ignore[arg-type]
    assert [item.file.status for item in outcomes if isinstance(item, Outcome) and item.file] == statuses
    assert (project / "docs").exists() == (action == "write")


def test_check_after_write_is_ok_and_a_changed_file_is_stale_with_its_diff(project: Path) -> None:
    run(project, Request(output="docs/", cwd=project, cache=False))
    amo = project / "docs" / "amo.md"
    make_stale(amo, "# Amo", "# Old")
    files = [item.file for item in run(project, Request(action="check", output="docs/", cwd=project, cache=False))
             if isinstance(item, Outcome) and item.file]
    assert [file.status for file in files] == ["stale", "ok", "ok"]
    assert "-# Old\n+# Amo\n" in files[0].diff and files[0].line == 1


@pytest.mark.parametrize(("action", "force", "status"), [
    ("write", False, "edited"), ("check", False, "edited"), ("write", True, "written"), ("check", True, "stale"),
])
def test_an_edit_of_generated_text_is_kept_unless_forced(
    project: Path, action: str, force: bool, status: str
) -> None:
    run(project, Request(output="docs/", cwd=project, cache=False))
    amo = project / "docs" / "amo.md"
    edited = amo.read_text(encoding="utf-8").replace("# Amo", "# Amo, edited")
    amo.write_text(edited, encoding="utf-8")
    request = Request(action=action, output="docs/", cwd=project, cache=False, force=force)  # type: ignore[arg-type]
    files = [item.file for item in run(project, request) if isinstance(item, Outcome) and item.file]
    assert [file.status for file in files] == [status, "ok" if action == "check" else "unchanged", files[2].status]
    assert "-# Amo, edited\n+# Amo\n" in files[0].diff or status == "written"
    assert (amo.read_text(encoding="utf-8") == edited) == (status != "written")
    assert files[0].edits == (() if force else ("the generated text before region `security`",))


def test_preview_keeps_the_regions_of_the_configured_file(project: Path) -> None:
    run(project, Request(cwd=project, cache=False), body='output = "docs/{slug}.md"')
    page = project / "docs" / "amo.md"
    edited = page.read_text(encoding="utf-8").replace("seed", "kept words")
    page.write_text(edited, encoding="utf-8")
    collected = collect_pages([Path("integrations")], cwd=project)
    assert [p.slug for p in collected.pages] == list(SLUGS)
    assert "kept words" in collected.pages[0].text and collected.pages[0].text.startswith("---\n")
    assert page.read_text(encoding="utf-8") == edited  # nothing written


def test_preview_pages_follow_the_sidebar_order(project: Path) -> None:
    (project / "pyproject.toml").write_text(
        "[tool.extract-docs]\n[tool.extract-docs.overrides.telegram]\nsidebar_order = 1\n", encoding="utf-8")
    assert [p.slug for p in collect_pages([Path("integrations")], cwd=project).pages] == ["telegram", "amo", "stripe"]


def test_an_integration_that_fails_does_not_stop_the_others(project: Path, fakes: Fakes) -> None:
    (project / "integrations" / "broken.py").write_text(DEFINES, encoding="utf-8")
    fakes.broken_template.add("stripe")
    outcomes = {item.root.slug: item for item in run(project, Request(output="docs/", cwd=project, cache=False))
                if isinstance(item, Outcome)}
    assert outcomes["broken"].error is not None and outcomes["broken"].error.location == "broken.py:1"
    assert outcomes["stripe"].error is not None and outcomes["stripe"].warnings  # rendered after its warnings
    assert outcomes["stripe"].file is None and outcomes["amo"].file is not None


def test_one_file_for_all_is_settled_after_the_integrations(project: Path) -> None:
    items = run(project, Request(output="all.json", cwd=project, cache=False), format="json")
    assert [type(item).__name__ for item in items] == ["Outcome", "Outcome", "Outcome", "FileOutcome"]
    last = items[-1]
    assert isinstance(last, FileOutcome) and last.status == "written"
    assert [doc["slug"] for doc in json.loads(last.path.read_text(encoding="utf-8"))] == list(SLUGS)


@pytest.mark.parametrize(("request_", "message"), [
    (Request(action="check"), "--check needs -o"),
    (Request(output="one.md"), "is one file but 3 integrations"),
])
def test_planning_errors_come_before_any_document(
    project: Path, fakes: Fakes, request_: Request, message: str
) -> None:
    with pytest.raises(ConfigError, match=message):
        generate(config_of(project), Request(action=request_.action, output=request_.output, cwd=project))
    assert fakes.extracted == []


def test_the_cache_answers_in_this_process_and_misses_go_to_workers(project: Path, fakes: Fakes) -> None:
    request = Request(output="docs/", cwd=project, jobs=2)
    run(project, request)
    fakes.extracted.clear()
    assert [item.file.status for item in run(project, request) if isinstance(item, Outcome) and item.file] == [
        "unchanged"] * 3
    assert fakes.extracted == []


DOCS = [{"slug": "a", "list": [1, {"b": []}], "text": "line\u2028sep"}, {"slug": "b", "empty": {}}]


@pytest.mark.parametrize(("json_", "as_list", "texts", "expected"), [
    (True, True, [json.dumps(d, ensure_ascii=False, indent=2) + "\n" for d in DOCS],
     json.dumps(DOCS, ensure_ascii=False, indent=2) + "\n"),
    (True, True, [], "[]\n"),
    (True, False, ['{\n  "a": 1\n}\n'], '{\n  "a": 1\n}\n'),
    (False, True, ["# A\n", "# B\n"], "# A\n\n# B\n"),
    (False, True, [], ""),
])
def test_joined_pieces_give_the_whole_text(json_: bool, as_list: bool, texts: list[str], expected: str) -> None:
    joined = Joined(json=json_, as_list=as_list)
    assert "".join(joined.piece(text) for text in texts) + joined.end() == expected


def _square(number: int) -> int:
    return number * number


@pytest.mark.parametrize("workers", [1, 2])
def test_in_order_keeps_the_order_whichever_process_runs_a_task(workers: int) -> None:
    items = list(range(12))
    offload = [number % 3 != 0 for number in items]
    assert list(in_order(items, _square, offload=offload, workers=workers)) == [(n, n * n) for n in items]


def test_a_warm_run_reads_finished_documents_only(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Nothing changed: no doc model is loaded, nothing is rendered, and the documents are the
    same; a setting the document depends on (the webhook base URL) makes it again."""
    from extractor.app import cache

    (tmp_path / "integrations").mkdir()
    source = Path(__file__).parent.parent / "sample_integrations" / "telegram_notify.py"
    (tmp_path / "integrations" / "telegram_notify.py").write_text(source.read_text(encoding="utf-8"), encoding="utf-8")
    request = Request(output="-", cwd=tmp_path, jobs=1)
    first = [item.text for item in run(tmp_path, request) if isinstance(item, Outcome)]

    def refuse(*args: object, **kwargs: object) -> object:
        raise AssertionError("a warm run loaded a doc model or rendered")

    with monkeypatch.context() as patched:
        patched.setattr(cache.ExtractCache, "load", refuse)
        patched.setattr(cache.RenderCache, "wrap", refuse)
        patched.setattr(documents, "load_extract", refuse)
        assert [item.text for item in run(tmp_path, request) if isinstance(item, Outcome)] == first
    other = [item.text for item in run(tmp_path, request, webhook_base_url="https://hooks.example.com")
             if isinstance(item, Outcome)]
    assert other != first and "https://hooks.example.com" in (other[0] or "")


def test_the_cache_key_covers_every_stage_of_the_extractor() -> None:
    """A change anywhere in `extractor/` (not only in the module holding the cache) makes new keys."""
    from extractor.app import cache

    names = {path.relative_to(cache.PACKAGE).as_posix() for path in cache.code_files()}
    assert {"pipeline.py", "parse/source.py", "resolve/__init__.py", "typescript/interfaces.py",
            "render/markdown.py", "app/cache.py"} <= names
