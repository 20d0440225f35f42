"""The fenced blocks of the project's Markdown pages, for the tests that run them as written.

A block preceded by `<!-- example: PATH -->` is a file of an example project: the tests
write it to PATH (relative to a temporary project root) before running the page's commands.
"""

from __future__ import annotations

import re
import shlex
import textwrap
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
PAGES = (*sorted((REPO / "docs").glob("*.md")), REPO / "README.md")
"""Every page whose examples must run: docs/*.md and the README."""

_FENCE = re.compile(
    r"(?:^<!-- example: (?P<path>\S+) -->\n)?"
    r"^(?P<indent>[ \t]*)```(?P<language>[\w-]*)[ \t]*\n(?P<body>.*?)^(?P=indent)```[ \t]*$",
    re.S | re.M,
)
SHELL_LANGUAGES = frozenset({"bash", "console", "sh", "shell"})
PROGRAM = "extract-docs"
_SEPARATOR = re.compile(r"\s(?:&&|\|\||\||;)\s")
"""Between the commands of one shell line."""


@dataclass(frozen=True)
class Block:
    """One fenced block of a page."""

    page: Path
    language: str
    body: str
    example_path: str | None
    """PATH of its `<!-- example: PATH -->` marker, when it is a file of an example project."""

    @property
    def name(self) -> str:
        """`page:language` for test ids and messages."""
        return f"{self.page.relative_to(REPO)}:{self.language}"


def blocks(page: Path) -> list[Block]:
    """The fenced blocks of `page`, in order, un-indented (a block inside a list item)."""
    text = page.read_text(encoding="utf-8")
    found = []
    for match in _FENCE.finditer(text):
        found.append(Block(page, match["language"], textwrap.dedent(match["body"]), match["path"]))
    return found


def command_lines(block: Block) -> list[list[str]]:
    """The `extract-docs` command lines of a shell block, split as the shell would: each
    command of a line (`a && extract-docs …`, `extract-docs … | less`), comments dropped; in a
    `console` block only the `$ ` lines are commands."""
    lines = block.body.splitlines()
    if block.language == "console":
        lines = [line.removeprefix("$ ") for line in lines if line.startswith("$ ")]
    commands = [shlex.split(part, comments=True) for line in lines for part in _SEPARATOR.split(line)]
    return [words for words in commands if words and words[0] == PROGRAM]


def write_examples(page: Path, root: Path) -> list[Path]:
    """Write the example files of `page` under `root`; the paths written."""
    written = []
    for block in blocks(page):
        if block.example_path is not None:
            target = root / block.example_path
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(block.body, encoding="utf-8")
            written.append(target)
    return written
