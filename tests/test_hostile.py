"""Broken and hostile input through the real CLI: a clear one-line `file:line` message, never a
traceback or a crash; a broken file costs only itself, and the document says what is missing.

Exit codes as docs/cli.md: 0 when the integration is documented (with warnings), 2 when an
input can't be documented at all.
"""

from __future__ import annotations

import os
import re
import shutil
import time
from pathlib import Path

import pytest

from extractor.cli.exits import EXIT_ERROR
from extractor.parse import MAX_NESTING

from .hostile_kit import assert_clean, diagnostics, make_package, run_cli

INCOMPLETE = "::: danger Документация неполная"


def _deep(expression: str) -> str:
    return f'"""Generated."""\n\nX = {expression}\n'


# (case, file name, content, expected `file:line` (regex), words of the message)
_BAD: list[tuple[str, str, bytes | str, str, str]] = [
    ("syntax error", "broken.py", "x = 1\ndef f(:\n    pass\n", r"broken\.py:2", "syntax error: invalid syntax"),
    ("unclosed bracket", "unclosed.py", "x = 1\nCONFIG = {\n    'a': 1,\n", r"unclosed\.py:2", "was never closed"),
    ("Python 2 print", "legacy.py", '"""Old."""\n\nprint "hello"\n', r"legacy\.py:3", "Python 2 code?"),
    ("Python 2 exec", "legacy2.py", '"""Old."""\nexec "x = 1"\n', r"legacy2\.py:2", "Python 2 code?"),
    ("Python 2 octal", "legacy3.py", "MODE = 0777\n", r"legacy3\.py:1", "Python 2 code?"),
    ("Latin-1 without a coding line", "latin.py", b'"""Docs."""\n\n\nNAME = "caf\xe9"\n', r"latin\.py:4",
     "not valid utf-8: byte 0xe9 can't be decoded"),
    ("UTF-16", "wide.py", '"""Широкий."""\nx = 1\n'.encode("utf-16"), r"wide\.py:1", "file is UTF-16"),
    ("NUL bytes", "nul.py", b"a = 1\nb = 2\nc = '\x00'\n", r"nul\.py:3", "file contains NUL bytes"),
    ("UTF-7 decoding to a lone surrogate", "seven.py",
     '# -*- coding: utf-7 -*-\nX = "\ud83d"\n'.encode("utf-7"), r"seven\.py:2", "lone surrogate (U+D83D)"),
    ("unknown coding", "klingon.py", b"# -*- coding: klingon -*-\nx = 1\n", r"klingon\.py:1",
     "unknown encoding 'klingon'"),
    ("5000 nested parentheses", "parens.py", _deep("(" * 5000 + "1" + ")" * 5000), r"parens\.py:3",
     "too many nested parentheses"),
    ("150 nested lists", "lists.py", _deep("[" * 150 + "]" * 150), r"lists\.py:3",
     f"nested more than {MAX_NESTING} levels deep"),
    ("10 000-term `and` chain", "chain.py", _deep(" and ".join(["a"] * 10_000)), r"chain\.py:3",
     f"nested more than {MAX_NESTING} levels deep"),
    ("100 000-term sum", "sum.py", _deep("1 + " * 100_000 + "1"), r"sum\.py:1",
     "nested too deeply for Python's parser"),
    ("1000-branch elif chain", "elifs.py", "if a:\n    pass\n" + "elif a:\n    pass\n" * 1000, r"elifs\.py:\d+",
     f"nested more than {MAX_NESTING} levels deep"),
    ("10 000 implicitly concatenated strings", "strings.py", _deep("(" + " ".join(['"a"'] * 10_000) + ")"),
     r"strings\.py:\d+", "libcst can't parse what Python accepts"),
]


BAD_FILES = [pytest.param(name, content, where, words, id=case) for case, name, content, where, words in _BAD]


@pytest.mark.parametrize(("name", "content", "where", "words"), BAD_FILES)
def test_a_bad_file_is_named_and_the_rest_is_documented(
    tmp_path: Path, name: str, content: bytes | str, where: str, words: str
) -> None:
    make_package(tmp_path, {name: content})
    result = run_cli(tmp_path, "demo")
    assert_clean(result)
    assert result.returncode == 0, result.stderr
    lines = diagnostics(result.stderr)
    assert len(lines) == 1, lines
    assert re.fullmatch(rf"demo/{where}: warning: .+", lines[0]), lines[0]
    assert words in lines[0] and "the file is not documented" in lines[0]
    document = result.stdout
    assert INCOMPLETE in document and f"`{name}:" in document
    assert "### ping" in document or "| ping |" in document or "`ping`" in document


def test_a_statement_too_deep_for_the_visitors_costs_only_that_statement(tmp_path: Path) -> None:
    """Implicit string concatenation is invisible to Python's tree (one constant): libcst
    nests it, and a visitor that can't follow gives up on that statement only."""
    deep = '"' + '" "'.join(["a"] * 1000) + '"'
    source = f"import os\n\n\ndef configure():\n    value = os.environ.get('X')\n    return {deep}\n\n\nLIMIT = 5\n"
    make_package(tmp_path, {"config.py": source})
    result = run_cli(tmp_path, "demo", "--format", "json")
    assert_clean(result)
    assert result.returncode == 0
    lines = diagnostics(result.stderr)
    assert lines == ["demo/config.py:4: warning: statement nested too deeply to read; what it declares is "
                     "not documented"]
    assert '"location": "config.py:4"' in result.stdout


def test_bom_crlf_and_a_declared_encoding_are_read_like_python_reads_them(tmp_path: Path) -> None:
    crlf = ('"""Handlers over CRLF."""\r\n\r\nimport os\r\n\r\n'
            'TIMEOUT = os.getenv("DEMO_TIMEOUT", "30")  # секунды ожидания\r\n'
            'NAME = os.getenv(NAME_VARIABLE)\r\n')
    cp1251 = ('# -*- coding: cp1251 -*-\n"""Кодировка."""\n\nimport os\n\n'
              'REGION = os.getenv("DEMO_REGION")  # регион по умолчанию\n')
    make_package(tmp_path, {
        "crlf.py": b"\xef\xbb\xbf" + crlf.encode("utf-8"),
        "legacy_mac.py": b"import os\rPORT = os.getenv('DEMO_PORT')\r",
        "cyrillic.py": cp1251.encode("cp1251"),
    })
    result = run_cli(tmp_path, "demo", "--format", "json")
    assert_clean(result)
    assert result.returncode == 0
    assert diagnostics(result.stderr) == ["demo/crlf.py:6: warning: environment variable name is not statically known"]
    assert '"description": "секунды ожидания"' in result.stdout
    assert '"description": "регион по умолчанию"' in result.stdout
    assert '"locations": [\n        "legacy_mac.py:2"' in result.stdout
    assert "\\r" not in result.stdout


def test_syntax_newer_than_the_running_python_is_read(tmp_path: Path) -> None:
    """libcst's grammar is newer than Python 3.11's: PEP 695 aliases and generics, PEP 758
    `except A, B:` are read, not refused because the running Python can't."""
    newer = ('"""Newer syntax."""\n\ntype Amount = int\n\n\nclass Box[T]:\n    item: T\n\n\n'
             'try:\n    pass\nexcept ValueError, TypeError:\n    pass\n')
    make_package(tmp_path, {"newer.py": newer})
    result = run_cli(tmp_path, "demo")
    assert_clean(result)
    assert result.returncode == 0 and diagnostics(result.stderr) == []
    assert INCOMPLETE not in result.stdout


def test_a_five_megabyte_generated_module_is_documented_in_bounded_time(tmp_path: Path) -> None:
    lines = ['"""Generated by a code generator: do not edit."""', "", "from pydantic import BaseModel, Field", ""]
    index = 0
    while sum(len(line) + 1 for line in lines) < 5_000_000:
        lines.append(f"class Model{index}(BaseModel):")
        lines.append(f'    """Generated model {index}."""')
        lines += [f'    field_{j}: int = Field({j}, description="Field {j} of model {index}")' for j in range(10)]
        lines.append("")
        index += 1
    lines.append("TABLE = [" + ", ".join(f"({i}, 'row-{i}')" for i in range(5000)) + "]")
    handler = HANDLER_USING_GENERATED.format(last=index - 1)
    make_package(tmp_path, {"generated.py": "\n".join(lines) + "\n", "more.py": handler})
    assert (tmp_path / "demo" / "generated.py").stat().st_size > 5_000_000
    started = time.monotonic()
    result = run_cli(tmp_path, "demo", timeout=600)
    elapsed = time.monotonic() - started
    assert_clean(result)
    assert result.returncode == 0 and diagnostics(result.stderr) == []
    assert f"interface IModel{index - 1}" in result.stdout or "IUseGeneratedRequest" in result.stdout
    assert "Field 9 of model" in result.stdout
    assert elapsed < 300, f"{elapsed:.0f} s"


HANDLER_USING_GENERATED = '''from . import integration
from .generated import Model{last}


@integration.handler("use-generated")
def use_generated(request: Model{last}) -> None:
    """Uses the last generated model."""
'''


def test_symlinks_loops_and_links_out_of_the_tree_are_not_followed(tmp_path: Path) -> None:
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "leaked.py").write_text("from pydantic import BaseModel\n\n\nclass LeakedModel(BaseModel):\n"
                                       "    x: int\n", encoding="utf-8")
    project = tmp_path / "project"
    folder = make_package(project)
    (folder / "leaked.py").symlink_to(outside / "leaked.py")
    (folder / "outdir").symlink_to(outside, target_is_directory=True)
    (folder / "self").symlink_to(folder, target_is_directory=True)
    (folder / "sub").mkdir()
    (folder / "sub" / "up").symlink_to(folder / "sub", target_is_directory=True)
    (folder / "dangling.py").symlink_to(tmp_path / "nowhere.py")
    result = run_cli(project, "demo", "--format", "json", timeout=60)
    assert_clean(result)
    assert result.returncode == 0, result.stderr
    assert "LeakedModel" not in result.stdout and "outside" not in result.stdout + result.stderr
    assert '"slug": "demo"' in result.stdout


@pytest.mark.parametrize(("case", "make", "message"), [
    ("symlink loop", lambda p: (p / "loop").symlink_to(p / "loop"), "loop: error: symlink loop"),
    ("broken symlink", lambda p: (p / "loop").symlink_to(p / "missing"),
     "loop: error: broken symlink: its target doesn't exist"),
    ("missing path", lambda p: None, "loop: error: no such file or directory"),
    ("empty folder", lambda p: (p / "loop").mkdir(), "loop: error: no integration found"),
    ("folder with no integration", lambda p: ((p / "loop").mkdir(), (p / "loop" / "util.py").write_text("X = 1\n")),
     "loop: error: no integration found"),
    ("not Python", lambda p: (p / "loop").write_text("x"), "loop: error: not a Python file or a folder"),
])
def test_a_path_that_cant_be_documented_is_one_error_line(
    tmp_path: Path, case: str, make: object, message: str
) -> None:
    make(tmp_path)  # type: ignore[operator]
    result = run_cli(tmp_path, "loop", timeout=60)
    assert_clean(result)
    assert result.returncode == EXIT_ERROR
    assert result.stdout == ""
    assert [line for line in result.stderr.splitlines() if line] == [line for line in diagnostics(result.stderr)]
    assert len(diagnostics(result.stderr)) == 1 and diagnostics(result.stderr)[0].startswith(message)


def test_a_module_integration_with_a_syntax_error_cant_be_documented(tmp_path: Path) -> None:
    (tmp_path / "solo.py").write_text('from platform_sdk import Integration\n\nintegration = Integration(name="x"\n',
                                      encoding="utf-8")
    result = run_cli(tmp_path, "solo.py")
    assert_clean(result)
    assert result.returncode == EXIT_ERROR and result.stdout == ""
    assert diagnostics(result.stderr) == ["solo.py:3: error: syntax error: '(' was never closed; nothing to document"]


def test_a_package_whose_every_file_is_broken_names_each(tmp_path: Path) -> None:
    folder = make_package(tmp_path)
    (folder / "__init__.py").write_text("from platform_sdk import Integration\nintegration = Integration(\n")
    (folder / "handlers.py").write_bytes(b"@integration.handler('x')\ndef f(): pass\n\x00")
    result = run_cli(tmp_path, "demo")
    assert_clean(result)
    assert result.returncode == EXIT_ERROR and result.stdout == ""
    (line,) = diagnostics(result.stderr)
    assert line.startswith("demo: error: the integration can't be read: ")
    assert "__init__.py:2: syntax error" in line and "handlers.py:3: file contains NUL bytes" in line


def _privileges_dropped() -> tuple[str, ...] | None:
    """A command prefix under which file permissions apply (root reads everything)."""
    if os.geteuid() != 0:
        return ()
    setpriv = shutil.which("setpriv")
    return (setpriv, "--bounding-set=-dac_override,-dac_read_search") if setpriv else None


def test_unreadable_files_and_folders_are_named(tmp_path: Path) -> None:
    prefix = _privileges_dropped()
    if prefix is None:
        pytest.skip("running as root without setpriv: permissions can't be denied")
    folder = make_package(tmp_path, {"secret.py": "X = 1\n", "locked/inner.py": "Y = 2\n"})
    (folder / "secret.py").chmod(0)
    (folder / "locked").chmod(0)
    try:
        result = run_cli(tmp_path, "demo", prefix=prefix)
        alone = run_cli(tmp_path, "demo/secret.py", prefix=prefix)
    finally:
        (folder / "locked").chmod(0o755)
    assert_clean(result)
    assert result.returncode == 0
    assert diagnostics(result.stderr) == [
        "demo/locked: warning: can't read folder: Permission denied; its files are not documented",
        "demo/secret.py:1: warning: can't read file: Permission denied; the file is not documented",
    ]
    assert "- `locked`: can't read folder" in result.stdout and "- `secret.py:1`: can't read file" in result.stdout
    assert_clean(alone)
    assert alone.returncode == EXIT_ERROR and alone.stdout == ""
    assert "'demo/secret.py' is not readable" in alone.stderr


COMPUTED = '''"""Computed arguments."""

import os

from consts import EXTERNAL_NAME
from platform_sdk import Credential, Integration
from pydantic import BaseModel, Field

OPTIONS = {"version": "2.0.0"}
PREFIX = os.environ["DEMO_PREFIX"]
integration = Integration(name="Computed", **OPTIONS)
KEYWORDS = {"method": "GET"}
FIELD_OPTIONS = {"description": "from elsewhere"}


class Request(BaseModel):
    amount: int = Field(**FIELD_OPTIONS)
    label: str = Field(default=f"{PREFIX}-label")


@integration.handler(f"{PREFIX}-create")
def create(request: Request) -> None:
    """f-string name."""


@integration.handler(EXTERNAL_NAME)
def external(request: Request) -> None:
    """Name from another package."""


@integration.handler("with-kwargs", **KEYWORDS)
def with_kwargs(request: Request) -> None:
    """`**kwargs` in the decorator."""
'''


def test_computed_arguments_are_reported_as_not_static_and_never_guessed(tmp_path: Path) -> None:
    (tmp_path / "computed.py").write_text(COMPUTED, encoding="utf-8")
    result = run_cli(tmp_path, "computed.py", "--format", "json")
    assert_clean(result)
    assert result.returncode == 0
    lines = diagnostics(result.stderr)
    expected = [
        ("computed.py:11", "`**` arguments of the integration are not statically known"),
        ("computed.py:17", "`**` arguments of `amount`'s field are not statically known"),
        ("computed.py:18", "default of `label`: f-string with fields is not statically known"),
        ("computed.py:22", "name of `create` is not statically known"),
        ("computed.py:27", "name of `external` is not statically known"),
        ("computed.py:32", "default arg `**` of `with_kwargs` is not statically known"),
    ]
    for where, words in expected:
        assert any(line.startswith(f"{where}: warning: ") and words in line for line in lines), (where, lines)
    document = result.stdout
    assert '"version": null' in document  # `**OPTIONS` is not looked into
    assert "from elsewhere" not in document and "-label" not in document and '"GET"' not in document
    assert "EXTERNAL_NAME" not in document and "DEMO_PREFIX-" not in document


CONFLICTS = {
    "a.py": '"""A."""\nimport os\n\nfrom pydantic import BaseModel\n\nTIMEOUT = os.getenv("DEMO_TIMEOUT", "10")\n'
            'TOKEN = os.getenv("DEMO_TOKEN", "first-token-value")\n\n\nclass Item(BaseModel):\n    """A item."""\n\n'
            '    sku: str\n',
    "b.py": '"""B."""\nimport os\n\nfrom pydantic import BaseModel\n\nTIMEOUT = os.getenv("DEMO_TIMEOUT", "20")\n'
            'TOKEN = os.getenv("DEMO_TOKEN", "second-token-value")\n\n\nclass Item(BaseModel):\n    """B item."""\n\n'
            '    code: int\n',
    "twice.py": 'from pydantic import BaseModel\n\nfrom . import integration\nfrom .a import Item\n'
                'from .b import Item as OtherItem\n\n\nclass Both(BaseModel):\n    first: Item\n'
                '    second: OtherItem\n\n\n'
                '@integration.handler("ping")\ndef ping_again() -> None:\n    """Second ping."""\n\n\n'
                '@integration.handler("both")\ndef both(request: Both) -> None:\n    """Both items."""\n',
}


def test_conflicting_facts_are_warned_about_and_resolved_as_documented(tmp_path: Path) -> None:
    make_package(tmp_path, CONFLICTS)
    (tmp_path / "demo" / "__init__.py").write_text(
        (tmp_path / "demo" / "__init__.py").read_text().replace("import handlers", "import handlers, twice"))
    result = run_cli(tmp_path, "demo", "--format", "json")
    assert_clean(result)
    assert result.returncode == 0
    lines = diagnostics(result.stderr)
    assert "demo/a.py:6: warning: `DEMO_TIMEOUT` is read with different defaults: '10', '20'; the first one is " \
           "documented" in lines
    assert "demo/a.py:7: warning: `DEMO_TOKEN` is read with different defaults; the first one is documented" in lines
    assert any(line.startswith("demo/twice.py:14: warning: handler `ping` is declared twice; the first one "
                               "(handlers.py:") for line in lines), lines
    assert "demo/a.py:10: warning: `Item` is defined 2 times (a.py:10, b.py:10); both are documented, their " \
           "interfaces carry the module (`IDemoAItem`)" in lines
    document = result.stdout
    assert '"default": "10"' in document and '"default": "20"' not in document
    assert "token-value" not in document + result.stderr
    assert '"function": "ping"' in document and '"function": "ping_again"' not in document
    assert "interface IDemoAItem" in document and "interface IDemoBItem" in document


def test_a_broken_file_with_a_hostile_name_breaks_neither_stderr_nor_the_document(tmp_path: Path) -> None:
    from markdown_it import MarkdownIt

    name = "`| <b>x<script>\n# h ``` {{x}} \u2028.py"
    make_package(tmp_path / "clean")
    make_package(tmp_path / "hostile", {name: "def f(:\n"})
    clean, hostile = run_cli(tmp_path / "clean", "demo"), run_cli(tmp_path / "hostile", "demo")
    assert_clean(hostile)
    assert hostile.returncode == 0
    line, summary = hostile.stderr.splitlines()
    assert summary == "1 warning in 1 integration; --strict makes them fail"
    assert line.startswith("demo/`| <b>x<script>\\n# h ``` {{x}} \\u2028.py:1: warning: syntax error")
    markdown = MarkdownIt("commonmark").enable("table")

    def shape(text: str) -> list[tuple[str, str]]:
        blocks = ("heading", "table", "tr", "th", "td", "fence", "html")
        return [(token.type, token.tag) for token in markdown.parse(text) if token.type.startswith(blocks)]

    assert shape(hostile.stdout) == shape(clean.stdout)
    html = markdown.render(hostile.stdout)
    assert "<b>" not in html and "<script" not in html
