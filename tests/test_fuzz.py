"""Fuzzing: any module Python's grammar allows (hypothesmith), put into an integration, is either
documented or refused with a clean `ExtractDocsError`, in bounded time; never a crash.

`EXTRACT_DOCS_FUZZ_EXAMPLES=N` runs N examples per strategy instead of the quick default
(`EXTRACT_DOCS_FUZZ_EXAMPLES=2000 pytest tests/test_fuzz.py`).
"""

from __future__ import annotations

import json
import os
import tempfile
from datetime import timedelta
from pathlib import Path

import hypothesmith
import libcst
import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from extractor.discover import IntegrationRoot
from extractor.errors import ExtractDocsError
from extractor.pipeline import extract
from extractor.render import render_markdown

from .hostile_kit import HANDLERS, INIT

pytestmark = pytest.mark.filterwarnings("ignore::SyntaxWarning")  # hypothesmith's own compile() checks
EXAMPLES = int(os.environ.get("EXTRACT_DOCS_FUZZ_EXAMPLES", "60"))
FUZZ = settings(
    max_examples=EXAMPLES,
    deadline=timedelta(seconds=20),
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.filter_too_much],
    derandomize=EXAMPLES <= 100,  # the quick run is the same in every CI run; more examples explore
    database=None,
)


def _document(files: dict[str, str]) -> None:
    """Extract, render and dump one integration; an `ExtractDocsError` is a clean refusal."""
    with tempfile.TemporaryDirectory() as temp:
        folder = Path(temp) / "fuzzed"
        folder.mkdir()
        for name, text in files.items():
            (folder / name).write_text(text, encoding="utf-8", errors="surrogatepass")
        root = IntegrationRoot(path=folder, slug="fuzzed", files=tuple(sorted(folder.glob("*.py"))))
        try:
            doc = extract(root)
        except ExtractDocsError as exc:
            assert exc.message and "\n" not in str(exc.location or "")
            event(f"refused: {type(exc).__name__}")
            return
        render_markdown(doc)
        json.loads(doc.model_dump_json())
        event("documented, with files not read" if doc.incomplete else "documented")


@FUZZ
@given(hypothesmith.from_grammar())
def test_any_module_from_the_grammar_next_to_an_integration(source: str) -> None:
    _document({"__init__.py": INIT, "handlers.py": HANDLERS, "fuzzed.py": source})


@FUZZ
@given(hypothesmith.from_grammar())
def test_any_module_from_the_grammar_inside_the_handlers_module(source: str) -> None:
    _document({"__init__.py": INIT, "handlers.py": HANDLERS + "\n" + source})


@FUZZ
@given(hypothesmith.from_node())
def test_any_module_built_from_libcst_nodes(source: str) -> None:
    _document({"__init__.py": INIT, "handlers.py": HANDLERS, "nodes.py": source})


CODINGS = st.sampled_from([None, "utf-8", "latin-1", "cp1251", "utf-7", "shift_jis", "koi8-r", "utf-16", "bogus"])


@FUZZ
@given(st.binary(max_size=3000), CODINGS, st.sampled_from([b"", b"\xef\xbb\xbf", b"\xff\xfe"]))
def test_any_bytes_in_any_declared_encoding(data: bytes, coding: str | None, bom: bytes) -> None:
    """Files are bytes first: whatever they hold, decoding fails cleanly or the text goes on."""
    cookie = f"# -*- coding: {coding} -*-\n".encode() if coding else b""
    with tempfile.TemporaryDirectory() as temp:
        folder = Path(temp) / "fuzzed"
        folder.mkdir()
        (folder / "__init__.py").write_text(INIT, encoding="utf-8")
        (folder / "handlers.py").write_text(HANDLERS, encoding="utf-8")
        (folder / "raw.py").write_bytes(bom + cookie + data)
        root = IntegrationRoot(path=folder, slug="fuzzed", files=tuple(sorted(folder.glob("*.py"))))
        doc = extract(root)
        render_markdown(doc)
        event("raw file refused" if doc.incomplete else "raw file read")


SHAPES = st.sampled_from([
    '@integration.handler({})\ndef f(request: PingRequest) -> None:\n    """Doc."""\n',
    '@integration.handler("shaped", **{})\ndef f(request: PingRequest) -> None:\n    """Doc."""\n',
    "class Model(BaseModel):\n    x: int = Field({}, description={})\n",
    "import os\nVALUE = os.getenv({}, {})\n",
    "integration = Integration(name={}, default_args={})\n",
])
EXPRESSIONS = st.one_of([hypothesmith.from_node(node) for node in (
    libcst.Call, libcst.Dict, libcst.FormattedString, libcst.BinaryOperation, libcst.Attribute,
)])
OTHERS = st.sampled_from(['"name"', "None", "{}", "NAME", "**OPTIONS", 'f"{x}"', "1 + 2", "[1, *rest]"])


@FUZZ
@given(SHAPES, EXPRESSIONS, OTHERS, st.booleans())
def test_arbitrary_expressions_where_the_extractor_looks(shape: str, generated: str, other: str, first: bool) -> None:
    """Generated expressions as decorator arguments, field defaults, env names and
    integration values: the places the extractor evaluates statically (hypothesmith draws
    one per example)."""
    parts = [f"({generated})", other] if first else [other, f"({generated})"]
    source = shape.format(*parts)
    _document({"__init__.py": INIT, "handlers.py": HANDLERS + "\n" + source})
