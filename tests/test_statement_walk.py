"""The one statement walk: which compound statements the gather stage and the outline enter.

One table of sources goes through both trees' walks (same statement lines). In the first
part of it, each source hides `from os import getenv as ge` in a different block, then
reads `ge("ABC")` at module level and in a function body; the import must be gathered and
both reads found, wherever the block is.
"""

from __future__ import annotations

import ast
import sys
from collections.abc import Iterable

import libcst as cst
import pytest
from libcst.metadata import MetadataWrapper, PositionProvider

from extractor.parse import on_big_stack, parse_module
from extractor.parse.walk import ast_statements, cst_statements

from .helpers import gather

TRY_STAR = sys.version_info >= (3, 11)
IMPORT = "from os import getenv as ge"

HIDDEN = {
    "try-body": f"try:\n    {IMPORT}\nexcept ImportError:\n    pass\n",
    "except": f"try:\n    import fast\nexcept ImportError:\n    {IMPORT}\n",
    "try-else": f"try:\n    import fast\nexcept ImportError:\n    pass\nelse:\n    {IMPORT}\n",
    "finally": f"try:\n    import fast\nfinally:\n    {IMPORT}\n",
    "if": f"if X:\n    {IMPORT}\n",
    "elif": f"if X:\n    pass\nelif Y:\n    {IMPORT}\n",
    "else": f"if X:\n    pass\nelse:\n    {IMPORT}\n",
    "one-line-if": f"if X: {IMPORT}\n",
    "one-line-except": f"try:\n    import fast\nexcept ImportError: {IMPORT}\n",
    "nested": "if X:\n    try:\n        pass\n    except E:\n        pass\n    else:\n"
              f"        if Y:\n            pass\n        else:\n            {IMPORT}\n",
    "long-elif": "if X == 0:\n    pass\n" + "".join(f"elif X == {i}:\n    pass\n" for i in range(1, 95))
                 + f"else:\n    {IMPORT}\n",
}
if TRY_STAR:
    HIDDEN["except*"] = f"try:\n    import fast\nexcept* ImportError:\n    {IMPORT}\n"
    HIDDEN["except*-else"] = f"try:\n    import fast\nexcept* ImportError:\n    pass\nelse:\n    {IMPORT}\n"

READS = 'VALUE = ge("ABC")\n\n\ndef read():\n    return ge("ABC")\n'


@pytest.mark.parametrize("hidden", HIDDEN.values(), ids=HIDDEN.keys())
def test_an_import_in_any_entered_block_is_gathered(hidden: str) -> None:
    facts = gather(hidden + READS)
    assert facts.imports["ge"] == "os.getenv"
    assert [read.name for read in facts.env_reads] == ["ABC", "ABC"]


WALKED = {
    **HIDDEN,
    "simple": "import os\na = 1; b = 2\n",
    "class": "class C:\n    import inner\n    x = 1\n",
    "function": "def f():\n    import inner\n",
    "loops-and-with": "for i in x:\n    import a\nelse:\n    import b\nwhile y:\n    import c\nwith z:\n    import d\n",
    "match": "match x:\n    case 1:\n        import a\n    case _:\n        import b\n",
    "try-finally-only": "try:\n    a = 1\nfinally:\n    b = 2\n",
}


def cst_lines(code: str) -> list[int]:
    """The lines of the statements the walk yields from libcst's tree of `code`."""
    wrapper = MetadataWrapper(cst.parse_module(code))
    positions = wrapper.resolve(PositionProvider)
    return _distinct(positions[stmt].start.line for stmt in cst_statements(wrapper.module.body))


def ast_lines(code: str) -> list[int]:
    """The lines of the statements the walk yields from Python's tree of `code`."""
    return _distinct(stmt.lineno for stmt in ast_statements(ast.parse(code).body))


def _distinct(lines: Iterable[int]) -> list[int]:
    """`lines` without repeats in a row (libcst's `a; b` is one statement, Python's two)."""
    result: list[int] = []
    for line in lines:
        if not result or result[-1] != line:
            result.append(line)
    return result


@pytest.mark.parametrize("code", WALKED.values(), ids=WALKED.keys())
def test_both_trees_walk_the_same_statements(code: str) -> None:
    assert cst_lines(code) == ast_lines(code)


@pytest.mark.parametrize(
    ("code", "lines"),
    [
        (HIDDEN["try-else"], [1, 2, 4, 6]),
        (HIDDEN["finally"], [1, 2, 4]),
        (WALKED["class"], [1]),
        (WALKED["function"], [1]),
        (WALKED["loops-and-with"], [1, 5, 7]),
        (WALKED["match"], [1]),
    ],
    ids=["try-else", "finally", "class", "function", "loops-and-with", "match"],
)
def test_the_walk_enters_if_and_try_blocks_only(code: str, lines: list[int]) -> None:
    assert ast_lines(code) == lines


def test_a_long_elif_chain_is_walked_without_recursion() -> None:
    elifs = "".join(f"elif X == {i}:\n    pass\n" for i in range(1, 900))
    chain = f"if X == 0:\n    pass\n{elifs}else:\n    import os\n"
    tree = ast.parse(chain)
    module = on_big_stack(lambda: parse_module(chain))
    limit = sys.getrecursionlimit()
    sys.setrecursionlimit(200)
    try:
        walked = (list(ast_statements(tree.body)), list(cst_statements(module.body)))
    finally:
        sys.setrecursionlimit(limit)
    assert len(walked[0]) == len(walked[1]) == 2 * 900 + 1
    assert isinstance(walked[0][-1], ast.Import)
