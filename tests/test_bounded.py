"""Bounded work and clean output: one integration can't end, hang or hijack the run.

A lone surrogate in a docstring, an integer literal past Python's 4,300-digit limit, constants
that square themselves, and any bug met on one integration's code stay that integration's
problem (the others are documented; never exit 1, which CI reads as "stale"). Names and paths
shown in the terminal or a CI log can't break a line, start a `::error` workflow command or
drive the terminal; `--annotations github` escapes its data as GitHub specifies.
"""

from __future__ import annotations

import io
import time
from pathlib import Path

import pytest

from extractor.app import Outcome, Request, documents, generate
from extractor.app.config import effective_config
from extractor.cli.report import Reporter, Where, locate, terminal_line
from extractor.ir import TModel

from .hostile_kit import assert_clean, run_cli

GOOD = 'from platform_sdk import Integration\n\nintegration = Integration(name="Good", version="1.0.0")\n'


def _monorepo(folder: Path, bad: str) -> Path:
    (folder / "good").mkdir(parents=True)
    (folder / "good" / "__init__.py").write_text(GOOD, encoding="utf-8")
    (folder / "bad").mkdir()
    (folder / "bad" / "__init__.py").write_text(bad, encoding="utf-8")
    return folder


BAD = {
    "surrogate": 'from platform_sdk import Integration\nintegration = Integration(name="Bad")\n'
                 '@integration.handler("h")\ndef h() -> None:\n    """Плохой \\udcff символ."""\n',
    "huge literal": 'import os\nfrom platform_sdk import Integration\nintegration = Integration(name="Bad")\n'
                    f'LIMIT = os.getenv("LIMIT", {"9" * 5000})\n',
    "squared constants": 'import os\nfrom platform_sdk import Integration\nintegration = Integration(name="Bad")\n'
                         "A = 99999999999999999999\n"
                         + "".join(f"A{n + 1} = A{n or ''} * A{n or ''}\n" for n in range(40))
                         + 'LIMIT = os.getenv("LIMIT", A40)\n',
    "crafted patterns and sizes": 'from pydantic import BaseModel, Field\nfrom platform_sdk import Integration\n'
                                  'integration = Integration(name="Bad")\n'
                                  'class Req(BaseModel):\n'
                                  '    a: str = Field(pattern=r"^(a+)+$")\n'
                                  '    b: str = Field(pattern=r"^(\\w+\\s?)*$")\n'
                                  '    c: str = Field(min_length=300_000_000)\n'
                                  '    d: list[int] = Field(min_length=300_000_000)\n'
                                  '    e: str = Field(pattern=r"(?:x{1000}){1000}")\n'
                                  '    f: str = Field(pattern=r"x{0,1000000000}")\n'
                                  '@integration.handler("h")\ndef h(request: Req) -> Req:\n    """H."""\n',
}


@pytest.mark.parametrize("bad", list(BAD.values()), ids=list(BAD))
def test_one_bad_integration_neither_ends_nor_hangs_the_run(tmp_path: Path, bad: str) -> None:
    project = _monorepo(tmp_path, bad)
    started = time.monotonic()
    result = run_cli(project, ".", "-o", "out/", timeout=120)
    assert_clean(result)
    assert time.monotonic() - started < 60
    assert result.returncode == 0, result.stderr
    assert (project / "out" / "good.md").is_file() and (project / "out" / "bad.md").is_file()
    (project / "out" / "bad.md").read_text(encoding="utf-8").encode("utf-8")


@pytest.mark.parametrize(
    ("pattern", "expected"),
    [
        (r"^(a+)+$", "a"),  # catastrophic for a backtracking engine: RE2 checks the tries
        (r"^[A-Z]{2}\d{4}$", None),  # bounded and plain: an example
        (r"(a)\1", None),  # a back-reference: RE2 can't read it, no example
        (r"(?:x{1000}){1000}", None),  # a million characters: not expanded
        (r"x{0,1000000000}", None),  # a bounded repeat past the limit: not expanded
    ],
)
def test_pattern_examples_are_bounded_work(pattern: str, expected: str | None) -> None:
    from extractor.typescript.constrained import MAX_EXAMPLE_SIZE, pattern_example

    started = time.monotonic()
    found = pattern_example(pattern, 0, None)
    assert time.monotonic() - started < 5
    if pattern == r"^[A-Z]{2}\d{4}$":
        assert found is not None and len(found) == 6
    elif expected is None:
        assert found is None
    else:
        assert found is not None and found.startswith(expected) and len(found) <= MAX_EXAMPLE_SIZE


def test_a_huge_min_length_is_warned_and_not_built() -> None:
    from extractor.typescript import build_interfaces

    from .helpers import resolve_code

    code = "from pydantic import BaseModel, Field\nclass M(BaseModel):\n    s: str = Field(min_length=300_000_000)\n" \
        "    n: list[int] = Field(min_length=300_000_000)\n"
    resolved = resolve_code(code)
    block, warnings = build_interfaces(TModel("pkg.M"), resolved.registry, interface="IM", mode="validation")
    assert block.example == {"s": None, "n": []}
    assert sum("min_length 300,000,000" in w.message for w in warnings) == 2


class _Panic(BaseException):
    """Like pyo3's PanicException (a pydantic-core panic): not an `Exception`."""


def test_a_bug_met_on_one_integration_is_its_error_not_the_runs(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    project = _monorepo(tmp_path, GOOD.replace("Good", "Bad"))
    real = documents.load_extract()

    def extract(root: object, conventions: object) -> object:
        if getattr(root, "slug", "") == "bad":
            raise _Panic("pydantic-core panicked")
        return real(root, conventions)  # type: ignore[arg-type]

    monkeypatch.setattr(documents, "load_extract", lambda: extract)
    monkeypatch.delenv("EXTRACT_DOCS_DEBUG", raising=False)
    config = effective_config({"paths": [Path(".")]}, project)[0]
    outcomes = {item.root.slug: item for item in generate(config, Request(output="out/", cwd=project, cache=False,
                                                                          jobs=1)) if isinstance(item, Outcome)}
    assert outcomes["good"].error is None and outcomes["good"].text
    error = outcomes["bad"].error
    assert error is not None and "internal error (_Panic: pydantic-core panicked)" in error.message


CONTROLS = "a\n::error file=x::pwned\r\x1b[31mred\x07\u202eevil\u2028x\x85y\x9b"


def test_terminal_lines_escape_every_control_character() -> None:
    line = terminal_line(CONTROLS)
    assert line == "a\\n::error file=x::pwned\\r\\x1b[31mred\\x07\\u202eevil\\u2028x\\x85y\\x9b"
    assert line.isprintable()


def test_plain_and_github_output_stay_one_line_per_diagnostic() -> None:
    for mode in ("none", "github"):
        stream = io.StringIO()
        reporter = Reporter(annotations=mode, stream=stream)
        reporter.diagnostic("warning", Where(CONTROLS, 3), CONTROLS)
        reporter.status(f"wrote {CONTROLS}.md")
        reporter.note(f"{CONTROLS}: 1 warning")
        lines = stream.getvalue().splitlines()
        assert len(lines) == 3 and all(line.isprintable() for line in lines)
        assert sum(line.startswith("::") for line in lines) == (mode == "github")


def test_github_annotations_escape_data_and_properties_as_github_specifies() -> None:
    stream = io.StringIO()
    Reporter(annotations="github", stream=stream).diagnostic("error", Where("a:b,c%d.py", 7), "100% done\r\nnext: a,b")
    assert stream.getvalue() == "::error file=a%3Ab%2Cc%25d.py,line=7::100%25 done%0D%0Anext: a,b\n"


def test_a_folder_name_with_a_newline_injects_no_workflow_command(tmp_path: Path) -> None:
    evil = tmp_path / "evil\n::error file=x.py::injected\x1b[2J"
    evil.mkdir()
    (evil / "__init__.py").write_text('"""X."""\nfrom platform_sdk import Integration\nintegration = Integration('
                                      'name="X")\n@integration.handler("h")\ndef h():\n    pass\n', encoding="utf-8")
    for args in (("--strict", "--annotations", "github"), ("-o", "out/")):
        result = run_cli(tmp_path, ".", *args)
        assert_clean(result)
        output = result.stdout + result.stderr
        assert "\x1b" not in output
        assert not any(line.startswith("::error file=x.py") for line in output.splitlines()), output
    where = locate("evil\n::error::x.py:3", None, tmp_path)
    assert where is not None and "\n" not in str(where)
