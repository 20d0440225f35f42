"""Speed never changes the output: the selective parse gathers the same facts as a full one,
and cold, parallel, cached and incremental runs write byte-identical documents.

The reference for facts is the plain way: libcst parses the whole text, every position comes
from libcst's PositionProvider, every top-level statement is searched for env reads.
"""

from __future__ import annotations

import ast
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import libcst as cst
import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesmith import from_grammar

from benchmarks.generate import generate
from extractor.app.pool import AUTO_MIN_WORK, worker_count
from extractor.errors import NestingError
from extractor.gather import ModuleFacts, gather_module
from extractor.parse import SourceFile, nesting, parse_source, read_file
from tests.conftest import SAMPLES

REPO = Path(__file__).resolve().parent.parent
CORPUS = REPO / "tests" / "corpus"

TRICKY = '''\
"""Module docstring mentioning def f(): and os.environ."""
import os
from os import environ as E, getenv as read_env
from typing import TYPE_CHECKING
a = 1; b = os.getenv("B")  # bee
if TYPE_CHECKING:
    from .models import Thing

    def typed_helper(x: "Thing") -> int:
        """Typed."""
        return x.value
else:
    def typed_helper(x):
        return 0
try:
    import ujson as json
except ImportError:  # fallback
    import json

    def dumps(value):
        return json.dumps(value)
finally:
    pass


@decorate(
    name="multi-line",
)
async def handler(request: "Req", ctx: Ctx = None) -> Resp:
    """Docstring.

    Second paragraph.
    """
    value = 1
    for item in request.items:
        value += item
    return value


def no_docstring(a, /, b=2, *args, c: int = 3, **kwargs):
    # a comment first
    x = [i for i in range(10)]
    return x
    # indented trailing comment belongs to the body


# comment above an assignment after a function
AFTER = 5


def env_in_body():
    """Reads the environment through an alias."""
    if True:
        token = E["TOKEN"]  # the API token
    return read_env("OTHER", "x")


def env_default(url=os.environ.get("URL", "http://x")):
    return url


def one_liner(): return 1


def docstring_then_code():
    """Doc."""; return 2


def \\
        continued_name(x):
    return x


class Model(Base, metaclass=Meta):
    """A model."""

    field: int = Field(1, description="def f(): inside a string")
    """The field's docstring."""
    other: str = "x"  # trailing comment

    class Config:
        extra = "forbid"

    def method(self) -> int:
        """Method doc."""
        while True:
            break
        return 1

    @property
    def prop(self):
        return os.environ["PROP"]

    def env_in_test(self):
        if os.getenv("DEBUG"):
            return 1
        return 2

    after_methods: int = 2


class Keyword(Base, flag=os.environ.get("FLAG")):
    x: int = 1

    def body(self):
        return None


@os.environ.get
def decorated_by_env():
    pass


if __name__ == "__main__":
\tmain()
'''

TABS = "import os\nclass T:\n\tdef m(self):\n\t\treturn 1\n\n\tx: int = 1\n\ndef f():\n\treturn os.environ['A']\n"


def reference_facts(text: str, rel: str, module: str, monkeypatch: pytest.MonkeyPatch) -> ModuleFacts:
    """Facts the plain way: whole-text parse, PositionProvider positions, every statement
    searched for env reads."""
    source = parse_source(text, rel, module, selective=False)
    with monkeypatch.context() as patch:
        patch.setattr(SourceFile, "_known", lambda self, index, node: None)
        patch.setattr(SourceFile, "env_statements", lambda self: list(enumerate(self.tree.body)))
        return gather_module(source)


def selective_facts(text: str, rel: str, module: str) -> ModuleFacts:
    return gather_module(parse_source(text, rel, module))


def sources() -> Iterator[Path]:
    yield from sorted(SAMPLES.rglob("*.py"))
    yield from sorted(CORPUS.rglob("*.py"))


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A generated corpus of 20 integrations (`benchmarks/generate.py`)."""
    folder = tmp_path_factory.mktemp("generated")
    generate(folder, 20, seed=7)
    return folder / "integrations"


@pytest.mark.parametrize("path", list(sources()), ids=lambda p: str(p.relative_to(REPO)))
def test_selective_parse_gathers_the_same_facts_as_a_full_parse(path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    text = read_file(path, path.name)
    module = f"pkg.{path.stem}"
    assert selective_facts(text, path.name, module) == reference_facts(text, path.name, module, monkeypatch)


def test_the_generated_corpus_gathers_the_same_facts(generated: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    files = sorted(generated.rglob("*.py"))
    assert len(files) == 160
    for path in files:
        text = read_file(path, path.name)
        module = f"{path.parent.name}.{path.stem}"
        assert selective_facts(text, path.name, module) == reference_facts(text, path.name, module, monkeypatch), path


@pytest.mark.parametrize("text", [TRICKY, TABS], ids=["tricky", "tabs"])
def test_tricky_forms_gather_the_same_facts(text: str, monkeypatch: pytest.MonkeyPatch) -> None:
    facts = selective_facts(text, "mod.py", "pkg.mod")
    assert facts == reference_facts(text, "mod.py", "pkg.mod", monkeypatch)
    assert facts.env_reads, "the module reads the environment; the comparison must cover it"


def test_function_bodies_are_left_out_of_the_libcst_parse() -> None:
    source = parse_source(TRICKY, "mod.py", "pkg.mod")
    code = source.tree.code
    assert "for item in request.items" not in code
    assert "while True" not in code
    assert 'E["TOKEN"]' in code and 'os.environ["PROP"]' in code  # bodies that read env stay
    assert "def one_liner(): return 1" in code
    assert '"""Doc."""; return 2' in code


def test_positions_of_reported_facts() -> None:
    facts = selective_facts(TRICKY, "mod.py", "pkg.mod")
    lines = TRICKY.split("\n")

    def line_of(location: str) -> str:
        return lines[int(location.rpartition(":")[2]) - 1]

    token = next(read for read in facts.env_reads if read.name == "TOKEN")
    assert 'E["TOKEN"]' in line_of(token.location) and token.comment == "the API token"
    debug = next(read for read in facts.env_reads if read.name == "DEBUG")
    assert 'os.getenv("DEBUG")' in line_of(debug.location)
    model = facts.classes["Model"]
    assert line_of(model.attr("after_methods").location).strip().startswith("after_methods")
    assert "def env_in_test" in line_of(next(m for m in model.methods if m.name == "env_in_test").location)
    assert facts.assigns["AFTER"].comment == "comment above an assignment after a function"


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])
@given(from_grammar())
def test_generated_programs_gather_the_same_facts(code: str) -> None:
    try:
        cst.parse_module(code)
    except Exception:  # hypothesmith can emit what libcst rejects
        assume(False)
    with pytest.MonkeyPatch.context() as monkeypatch:
        assert selective_facts(code, "m.py", "pkg.m") == reference_facts(code, "m.py", "pkg.m", monkeypatch)


def nesting_verdict(code: str, *, shortcut: bool) -> str | None:
    """Where the nesting guard stops `code` (None: it doesn't), with or without the shortcut
    that skips short one-line expressions."""
    tree = ast.parse(code)
    with pytest.MonkeyPatch.context() as patch:
        if not shortcut:
            patch.setattr(nesting, "_reach", lambda node: nesting.MAX_NESTING + 1)
        try:
            nesting.check_nesting(tree, "m.py")
        except NestingError as exc:
            return exc.location
    return None


DEEP = [
    "x = " + "-" * 99 + "1",
    "x = " + "-" * 100 + "1",
    "x = " + " or ".join(["a"] * 102),
    "x = f(" + "[" * 60 + "]" * 60 + ")",
    "x = a" + ".b" * 101,
    "x = (a\n" + ".b" * 101 + ")",
    "def f(a=" + "not " * 120 + "b):\n    pass\n",
    "y = 1\nx = " + "+".join(["a"] * 150) + "\n",
]


def test_the_nesting_guard_shortcut_changes_no_verdict(generated: Path) -> None:
    texts = [read_file(p, p.name) for p in [*sources(), *sorted(generated.rglob("*.py"))]]
    for code in [*texts, *DEEP, TRICKY, TABS]:
        assert nesting_verdict(code, shortcut=True) == nesting_verdict(code, shortcut=False), code[:80]
    refused = [nesting_verdict(code, shortcut=True) is not None for code in DEEP]
    assert refused == [False, True, True, False, True, True, True, True]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])
@given(from_grammar())
def test_the_nesting_guard_shortcut_agrees_on_generated_programs(code: str) -> None:
    try:
        ast.parse(code)
    except (SyntaxError, ValueError, RecursionError, MemoryError):
        assume(False)
    assert nesting_verdict(code, shortcut=True) == nesting_verdict(code, shortcut=False)


# -- byte-identical output --------------------------------------------------------------------


def cli(cwd: Path, *args: str) -> None:
    env = {k: v for k, v in os.environ.items() if k != "CI"}
    env["PYTHONPATH"] = str(REPO)
    result = subprocess.run([sys.executable, "-m", "extractor.cli", *args], cwd=cwd, env=env,
                            capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr


def outputs(folder: Path) -> dict[str, bytes]:
    return {path.name: path.read_bytes() for path in sorted(folder.iterdir())}


@pytest.fixture
def project(tmp_path: Path, generated: Path) -> Path:
    """20 generated integrations and the sample packages side by side."""
    integrations = tmp_path / "integrations"
    shutil.copytree(generated, integrations)
    for sample in ("stripe_payments", "amocrm", "yookassa_refunds", "side_effects", "fastapi_shop", "flask_tickets"):
        shutil.copytree(SAMPLES / sample, integrations / sample, ignore=shutil.ignore_patterns("README.md"))
    shutil.copy(SAMPLES / "telegram_notify.py", integrations / "telegram_notify.py")
    return tmp_path


@pytest.mark.parametrize("fmt", ["markdown", "json"])
def test_cold_parallel_cached_and_incremental_runs_are_byte_identical(project: Path, fmt: str) -> None:
    def run(name: str, *args: str) -> dict[str, bytes]:
        cli(project, "integrations", "-o", f"{name}/", "--format", fmt, "-q", *args)
        return outputs(project / name)

    cold = run("cold", "--no-cache", "--jobs", "1")
    assert len(cold) == 27
    assert run("parallel", "--no-cache", "--jobs", "2") == cold
    assert run("default", "--no-cache") == cold
    assert run("filling") == cold
    assert (project / ".extract-docs-cache").is_dir()
    assert run("warm") == cold
    models = project / "integrations" / "int_0003" / "models.py"
    text = models.read_text(encoding="utf-8")
    models.write_text(text.replace('description="', 'description="Изменено: ', 1), encoding="utf-8")
    changed = run("changed")
    assert changed == run("fresh", "--no-cache", "--jobs", "1")
    differs = [name for name in cold if changed[name] != cold[name]]
    assert differs == [f"int_0003.{'md' if fmt == 'markdown' else 'json'}"]


def test_a_changed_template_is_not_answered_from_the_cache(tmp_path: Path) -> None:
    shutil.copytree(SAMPLES / "stripe_payments", tmp_path / "stripe_payments")
    template = tmp_path / "tpl" / "sections" / "overview.md.j2"
    template.parent.mkdir(parents=True)
    template.write_text("## Обзор\n\nfirst {{ doc.name }}\n", encoding="utf-8")
    args = ("stripe_payments", "--template", "tpl", "-o", "out/", "-q")
    cli(tmp_path, *args)
    assert "first Stripe Payments" in (tmp_path / "out" / "stripe_payments.md").read_text(encoding="utf-8")
    template.write_text("## Обзор\n\nsecond {{ doc.name }}\n", encoding="utf-8")
    cli(tmp_path, *args)
    text = (tmp_path / "out" / "stripe_payments.md").read_text(encoding="utf-8")
    assert "second Stripe Payments" in text and "first" not in text
    assert list((tmp_path / ".extract-docs-cache" / "render").glob("stripe_payments-*.md"))


def test_default_jobs_start_workers_only_for_enough_work() -> None:
    cpus = os.cpu_count() or 1
    assert worker_count(0, AUTO_MIN_WORK - 1) == 1
    assert worker_count(0, AUTO_MIN_WORK) == min(cpus, AUTO_MIN_WORK)
    assert worker_count(0, 0) == 1
    assert worker_count(1, 500) == 1
    assert worker_count(3, 2) == 2
    assert worker_count(4, 500) == 4
