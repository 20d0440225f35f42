"""Visitor tests: inline source through the gather stage, table by table."""

from __future__ import annotations

from typing import Any

import pytest

from extractor.diagnostics import Unknown
from extractor.gather.expressions import BinOp, Call, EllipsisV, ListV, Ref, Subscript

from .helpers import gather


@pytest.mark.parametrize(
    ("code", "expected"),
    [
        ("import os", {"os": "os"}),
        ("import os as _os", {"_os": "os"}),
        ("import a.b.c", {"a": "a"}),
        ("import a.b as ab", {"ab": "a.b"}),
        ("from os import environ, getenv as ge", {"environ": "os.environ", "ge": "os.getenv"}),
        ("from . import models as m", {"m": "pkg.models"}),
        ("from .models import Deal", {"Deal": "pkg.models.Deal"}),
        ("from ..shared import x", {"x": "shared.x"}),
        ("from platform_sdk import event as on", {"on": "platform_sdk.event"}),
        ("try:\n    import ujson as json\nexcept ImportError:\n    import json\n",
         {"json": "json"}),
        ("from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from .m import X\n",
         {"TYPE_CHECKING": "typing.TYPE_CHECKING", "X": "pkg.m.X"}),
    ],
)
def test_imports(code: str, expected: dict[str, str]) -> None:
    assert gather(code, module="pkg.mod").imports == expected


def test_star_imports() -> None:
    assert gather("from .models import *").star_imports == ["pkg.models"]


def test_relative_import_in_package_init() -> None:
    from extractor.gather import gather_module
    from extractor.parse import parse_source

    facts = gather_module(parse_source("from .models import A\n", "__init__.py", "pkg", is_package=True))
    assert facts.imports == {"A": "pkg.models.A"}


@pytest.mark.parametrize(
    ("expr", "expected"),
    [
        ("'a' 'b'", "ab"),
        ("f'plain'", "plain"),
        ("42", 42),
        ("-1.5", -1.5),
        ("True", True),
        ("None", None),
        ("[1, 'x']", ListV((1, "x"))),
        ("(1,)", ListV((1,), "tuple")),
        ("...", EllipsisV()),
        ("TIMEOUT * 2", BinOp("*", Ref("pkg.mod.TIMEOUT"), 2)),
        ("os.environ", Ref("os.environ")),
        ("Optional[int]", Subscript(Ref("typing.Optional"), (Ref("builtins.int"),))),
        ("Field(1, description='d')", Call(Ref("pydantic.Field"), (1,), (("description", "d"),), "mod.py:4")),
    ],
)
def test_evaluator(expr: str, expected: Any) -> None:
    code = f"import os\nfrom typing import Optional\nfrom pydantic import Field\nX = {expr}\n"
    assert gather(code).assigns["X"].value == expected


@pytest.mark.parametrize(
    "expr",
    ["f'{name:>10}'", "f'{name!r}'", "[x for x in y]", "a if b else c", "f(**kw)"],
)
def test_evaluator_reports_what_is_not_static(expr: str) -> None:
    value = gather(f"X = {expr}\n").assigns["X"].value
    unknowns = [value] if isinstance(value, Unknown) else [v for _, v in getattr(value, "kwargs", ())]
    assert unknowns and all(isinstance(u, Unknown) and u.location == "mod.py:1" for u in unknowns)


@pytest.mark.parametrize(
    ("code", "expected"),
    [
        ("import os\nA = os.environ['A']\n", [("A", True, None)]),
        ("import os\nA = os.environ.get('A')\n", [("A", False, None)]),
        ("import os\nA = os.getenv('A', 'x')\n", [("A", False, "x")]),
        ("import os as _os\nA = _os.getenv('A', default='x')\n", [("A", False, "x")]),
        ("from os import environ\nA = environ['A']\n", [("A", True, None)]),
        ("from os import getenv\ndef f():\n    return getenv('B', 5)\n", [("B", False, 5)]),
        ("environ = {}\nA = environ['A']\n", []),
        ("import os\nKEY = 'K'\nA = os.environ[KEY]\n", [(Ref("pkg.mod.KEY"), True, None)]),
    ],
)
def test_env_reads(code: str, expected: list[tuple[Any, bool, Any]]) -> None:
    reads = gather(code).env_reads
    assert [(r.name, r.required, r.default) for r in reads] == expected


@pytest.mark.parametrize(
    ("code", "comment"),
    [
        ("import os\nA = os.environ['A']  # the A\n", "the A"),
        ("import os\n# the A\nA = os.environ['A']\n", "the A"),
        ("import os\ndef f():\n    # base url\n    return os.getenv('A')\n", "base url"),
        ("import os\nX = dict(\n    a=os.getenv('A'),  # inner\n)\n", "inner"),
        ("import os\nA = os.environ['A#1']\n", None),
    ],
)
def test_env_comments(code: str, comment: str | None) -> None:
    assert gather(code).env_reads[0].comment == comment


def test_env_read_line_numbers() -> None:
    code = "import os\n\n\ndef f():\n    x = 1\n    return os.environ[\n        'A'\n    ]\n"
    assert gather(code).env_reads[0].location == "mod.py:6"


def test_class_fields_docstrings_and_lines() -> None:
    code = '''
    from pydantic import BaseModel

    class Deal(BaseModel):
        """A deal."""

        id: int  # the id
        name: str = "x"
        """The name."""

        class Config:
            extra = "allow"

        def method(self) -> int:
            return 1
    '''
    cls = gather(code).classes["Deal"]
    assert cls.docstring == "A deal."
    assert cls.location == "mod.py:4"
    assert [(a.name, a.location, a.comment, a.docstring) for a in cls.attrs] == [
        ("id", "mod.py:7", "the id", None),
        ("name", "mod.py:8", None, "The name."),
    ]
    assert cls.inner["Config"].attrs[0].value == "allow"
    assert [m.name for m in cls.methods] == ["method"]
    assert cls.methods[0].location == "mod.py:14"


def test_forward_references_are_parsed_but_literals_are_not() -> None:
    code = (
        "from typing import Literal, Annotated\nclass A:\n"
        "    x: 'List[B]'\n    y: Literal['B']\n    z: Annotated['B', 'meta']\n"
    )
    attrs = {a.name: a.annotation for a in gather(code).classes["A"].attrs}
    assert attrs["x"] == Subscript(Ref("pkg.mod.List"), (Ref("pkg.mod.B"),))
    assert attrs["y"] == Subscript(Ref("typing.Literal"), ("B",))
    assert attrs["z"] == Subscript(Ref("typing.Annotated"), (Ref("pkg.mod.B"), "meta"))


def test_functions_decorators_and_params() -> None:
    code = '''
    from sdk import handler

    @handler("x", method="get")
    async def create(req: "Req", ctx, *, flag: bool = False) -> None:
        """Creates."""
    '''
    fn = gather(code).functions[0]
    assert fn.name == "create" and fn.docstring == "Creates." and fn.returns is None
    assert fn.decorators[0] == Call(Ref("sdk.handler"), ("x",), (("method", "get"),), "mod.py:5")
    assert [(p.name, p.annotation, p.default) for p in fn.params] == [
        ("req", Ref("pkg.mod.Req"), None), ("ctx", None, None), ("flag", Ref("builtins.bool"), False),
    ]


def test_module_docstring_and_positions_with_decorators() -> None:
    code = '"""Doc.\n\nMore."""\n\n@a\n@b(\n  1)\ndef f():\n    pass\n'
    facts = gather(code)
    assert facts.docstring == "Doc.\n\nMore."
    assert facts.functions[0].location == "mod.py:8"


@pytest.mark.parametrize(
    "read",
    ['os.getenv(f"{PREFIX!r}_URL")', 'os.environ[f"{PREFIX:>4}_URL"]', 'os.environ.get("A", f"{PREFIX:x}")'],
)
def test_what_an_env_read_cannot_know_is_located_at_the_read(read: str) -> None:
    facts = gather(f"import os\nPREFIX = 'x'\n\n\ndef f():\n    return {read}\n")
    (found,) = facts.env_reads
    unknown = found.default if found.has_default else found.name
    assert isinstance(unknown, Unknown) and unknown.location == found.location == "mod.py:6"
