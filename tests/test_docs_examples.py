"""Every fenced command and configuration example of docs/*.md and README.md works as written.

- Each `extract-docs` line of a `bash`/`console` block is parsed by the real command line
  (click's `make_context`: an unknown option or a bad value fails), then run, in order, in a
  temporary project: the samples under `sample_integrations/` and `integrations/`, the page's
  own example files (`<!-- example: PATH -->`), and the page's `[tool.extract-docs]` block as
  `pyproject.toml`. Each must exit 0, and a file named by `-o` must exist afterwards.
  `preview` serves a site (a browser's business) and is parsed only.
- Each `toml` block parses and validates against the configuration model, as a
  `pyproject.toml` (`[tool.extract-docs]`) or as a config file of its own (the table's keys).
"""

from __future__ import annotations

import importlib
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import pytest
import typer

from extractor.app.config import effective_config
from extractor.cli.commands import SUBCOMMANDS, command_for
from extractor.discover import find_integrations
from extractor.errors import ConfigError
from extractor.pipeline import extract
from tests.conftest import SAMPLES
from tests.docs_blocks import PAGES, PROGRAM, REPO, SHELL_LANGUAGES, Block, blocks, command_lines, write_examples

PARSE_ONLY = frozenset({"preview"})
"""Sub-commands that are parsed but not run: `preview` serves a site until it is stopped."""
COPY_IGNORE = shutil.ignore_patterns("__pycache__", "*.pyc", ".extract-docs-cache")

SHELL_BLOCKS = [block for page in PAGES for block in blocks(page) if block.language in SHELL_LANGUAGES]
PAGES_WITH_COMMANDS = sorted({block.page for block in SHELL_BLOCKS if command_lines(block)})
TOML_BLOCKS = [block for page in PAGES for block in blocks(page) if block.language == "toml"]


def parse(words: list[str]) -> None:
    """Parse a command line as `extract-docs` would, without running it (a click
    `UsageError` for an unknown option, a bad value or a missing argument)."""
    args = words[1:]
    command = command_for(args)
    if args[:1] and args[0] in SUBCOMMANDS:
        parent = command.make_context(PROGRAM, [args[0]])
        sub = command.get_command(parent, args[0])
        assert sub is not None
        sub.make_context(args[0], args[1:], parent=parent)
    else:
        command.make_context(PROGRAM, args)


def click_exceptions() -> ModuleType:
    """The exceptions of the click that typer uses: the `click` package, or typer's own copy."""
    (core,) = {cls.__module__ for cls in type(command_for([])).__mro__ if cls.__name__ == "Command"}
    return importlib.import_module(core.rsplit(".", 1)[0] + ".exceptions")


USAGE_ERROR: type[Exception] = click_exceptions().UsageError
EXIT: type[BaseException] = typer.Exit


def project_for(page: Path, root: Path) -> Path:
    """A temporary project to run `page`'s commands in (see the module docstring)."""
    for folder in ("sample_integrations", "integrations"):
        shutil.copytree(SAMPLES, root / folder, ignore=COPY_IGNORE)
    write_examples(page, root)
    configs = [block.body for block in blocks(page)
               if block.language == "toml" and "[tool.extract-docs]" in block.body]
    if len(configs) == 1:
        (root / "pyproject.toml").write_text(configs[0], encoding="utf-8")
    return root


def run(words: list[str], cwd: Path) -> subprocess.CompletedProcess[str]:
    """Run an `extract-docs` command line with this checkout's code."""
    env = {key: value for key, value in os.environ.items() if key not in {"CI", "GITHUB_ACTIONS"}}
    env["PYTHONPATH"] = str(REPO)
    return subprocess.run([sys.executable, "-m", "extractor.cli", *words[1:]], cwd=cwd, env=env,
                          capture_output=True, text=True, check=False, timeout=300)


def _output(words: list[str]) -> str | None:
    for flag in ("-o", "--output"):
        if flag in words[:-1]:
            return words[words.index(flag) + 1]
    return None


def test_the_pages_have_command_and_configuration_examples() -> None:
    names = {block.page.name for block in SHELL_BLOCKS if command_lines(block)}
    assert {"README.md", "ci.md", "site.md", "writing-integrations.md"} <= names
    assert {block.page.name for block in TOML_BLOCKS} >= {"ci.md", "configuration.md", "site.md"}


@pytest.mark.parametrize("block", SHELL_BLOCKS, ids=lambda block: block.name)
def test_every_command_line_parses(block: Block) -> None:
    for words in command_lines(block):
        try:
            parse(words)
        except EXIT:
            pass  # --version and the like: parsed, and answered
        except USAGE_ERROR as exc:
            pytest.fail(f"{block.name}: `{' '.join(words)}`: {exc}")


def test_parsing_rejects_what_the_command_line_rejects() -> None:
    for words in (["extract-docs", "--nope"], ["extract-docs", "--format", "yaml"],
                  ["extract-docs", "preview", "--port", "0"], ["extract-docs", "schema", "--json"]):
        with pytest.raises(USAGE_ERROR):
            parse(words)


@pytest.mark.parametrize("page", PAGES_WITH_COMMANDS, ids=lambda page: page.name)
def test_every_command_line_runs(page: Path, tmp_path: Path) -> None:
    project = project_for(page, tmp_path)
    for block in blocks(page):
        if block.language not in SHELL_LANGUAGES:
            continue
        for words in command_lines(block):
            if words[1:2] and words[1] in PARSE_ONLY:
                continue
            result = run(words, project)
            assert result.returncode == 0, f"{page.name}: `{' '.join(words)}`\n{result.stdout}{result.stderr}"
            assert "error:" not in result.stderr, result.stderr
            output = _output(words)
            if output is not None and output != "-":
                assert (project / output).exists(), f"{page.name}: `{' '.join(words)}` wrote no {output}"


@pytest.mark.parametrize("block", TOML_BLOCKS, ids=lambda block: block.name)
def test_every_configuration_example_validates(block: Block, tmp_path: Path) -> None:
    name = "pyproject.toml" if "[tool." in block.body else "extract-docs.toml"
    (tmp_path / name).write_text(block.body, encoding="utf-8")
    config, sources = effective_config({}, tmp_path, config_file=Path(name))
    assert config.file == tmp_path / name
    assert any(source != "default" for source in sources.values()), f"{block.name}: no key was read"


def test_a_broken_configuration_example_would_fail(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text('[tool.extract-docs]\nnmae = "x"\n', encoding="utf-8")
    with pytest.raises(ConfigError, match="unknown key"):
        effective_config({}, tmp_path, config_file=Path("pyproject.toml"))


OPTIONAL_ROOTS = '''
from typing import Optional
from pydantic import BaseModel
from platform_sdk import Context, Integration

integration = Integration(name="Roots")


class Item(BaseModel):
    id: int


@integration.handler("a")
def a(request: Item | None, ctx: Context) -> Optional[Item]:
    """A."""


@integration.handler("b")
def b(request: Item, ctx: Context) -> Item | None:
    """B."""


@integration.handler("c")
def c(request: Item, ctx: Context) -> Optional[list[Item]]:
    """C."""


@integration.handler("d", request_model=Optional[Item], response_model=Optional[Item])
def d(request, ctx: Context):
    """D."""
'''


def test_optional_roots_are_what_both_pages_say(tmp_path: Path) -> None:
    (tmp_path / "roots.py").write_text(OPTIONAL_ROOTS, encoding="utf-8")
    (root,) = find_integrations(tmp_path / "roots.py")
    heads = {(handler.name, side): model.typescript.splitlines()[0]
             for handler in extract(root).handlers
             for side, model in (("request", handler.request), ("response", handler.response)) if model}
    assert heads == {  # `Item` is on the page more than once: one name, `IItem`; `None` is kept
        ("a", "request"): "type IARequest = IItem | null;", ("a", "response"): "type IAResponse = IItem | null;",
        ("b", "request"): "type IBRequest = IItem;", ("b", "response"): "type IBResponse = IItem | null;",
        ("c", "request"): "type ICRequest = IItem;", ("c", "response"): "type ICResponse = IItem[] | null;",
        ("d", "request"): "type IDRequest = IItem | null;", ("d", "response"): "type IDResponse = IItem | null;",
    }
    said = {page: re.findall(r"^- An `Optional` root .*?(?=^- )", (REPO / "docs" / page).read_text(encoding="utf-8"),
                             re.S | re.M) for page in ("typescript.md", "conventions.md")}
    assert said["typescript.md"] == said["conventions.md"] and len(said["typescript.md"]) == 1
    for quoted in ("`-> Item | None`", "= IItem[] | null`", "= IItem | null`"):
        assert quoted in said["typescript.md"][0]
