"""The parse stage's plan as a value, and the one direction of the parse package's imports."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from extractor.errors import NestingError, SourceSyntaxError
from extractor.parse.plan import plan

BODY = "def f():\n    x = 1\n    return x\n"
ENV_BODY = "import os\n\ndef f():\n    return os.environ['A']\n"
DOCSTRING_ONLY = 'def f():\n    """Doc."""\n'
METHOD = "class C:\n    def m(self):\n        return 1\n"
IN_TRY_ELSE = "try:\n    pass\nexcept E:\n    pass\nelse:\n    def f():\n        return 1\n"


@pytest.mark.parametrize(
    ("text", "selective", "parsed"),
    [
        (BODY, True, "def f():\n    ...\n"),
        (METHOD, True, "class C:\n    def m(self):\n        ...\n"),
        (IN_TRY_ELSE, True, "try:\n    pass\nexcept E:\n    pass\nelse:\n    def f():\n        ...\n"),
        (ENV_BODY, False, ENV_BODY),
        (DOCSTRING_ONLY, False, DOCSTRING_ONLY),
        (BODY.replace("\n", "\r"), False, BODY.replace("\n", "\r")),
    ],
    ids=["body", "method", "try-else", "env-body", "docstring-only", "carriage-returns"],
)
def test_the_plan_leaves_out_bodies_that_cannot_carry_a_fact(text: str, selective: bool, parsed: str) -> None:
    chosen = plan(text, "m.py")
    assert (chosen.selective, chosen.parse_text) == (selective, parsed)
    assert chosen.outline is not None and chosen.refusal is None


def test_the_whole_file_fallback_parses_the_original_text() -> None:
    chosen = plan(BODY, "m.py")
    whole = chosen.whole()
    assert (whole.selective, whole.parse_text) == (False, BODY)
    assert whole.outline is not None and whole.outline.line_map == [1, 2, 3, 4]
    assert whole.whole() is whole


def test_a_plan_can_be_asked_not_to_leave_anything_out() -> None:
    chosen = plan(BODY, "m.py", selective=False)
    assert (chosen.selective, chosen.parse_text) == (False, BODY)


def test_text_python_refuses_is_handed_to_libcst_whole_with_pythons_reason() -> None:
    chosen = plan("def f(:\n", "m.py")
    assert chosen.outline is None and chosen.parse_text == "def f(:\n"
    assert isinstance(chosen.refusal, SourceSyntaxError) and chosen.refusal.location == "m.py:1"


@pytest.mark.parametrize("text", ["x = " + "-" * 101 + "1\n", "x = " + "(" * 300 + "1" + ")" * 300 + "\n"])
def test_text_nested_too_deeply_has_no_plan(text: str) -> None:
    with pytest.raises(NestingError):
        plan(text, "m.py")


ORDER = ["decode", "nesting", "walk", "outline", "plan", "lines", "source"]
"""The parse package's modules, each importing only from those before it."""


@pytest.mark.parametrize("name", ORDER)
def test_the_parse_package_imports_in_one_direction(name: str) -> None:
    package = Path(__file__).resolve().parent.parent / "extractor" / "parse"
    tree = ast.parse((package / f"{name}.py").read_text(encoding="utf-8"))
    siblings = {node.module for node in ast.walk(tree) if isinstance(node, ast.ImportFrom) and node.level == 1}
    assert siblings <= set(ORDER[: ORDER.index(name)])
    assert {path.stem for path in package.glob("*.py")} == {*ORDER, "__init__"}
