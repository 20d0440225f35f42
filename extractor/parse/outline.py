"""A module's outline from Python's own tree: the text libcst needs to parse, and its line map.

`ast.parse` (C) is about ten times faster than libcst. Its tree tells which function bodies
can't carry a fact (the gather stage reads a function's decorators, signature and docstring,
never its body, unless the body reads the environment), so those bodies are left out of the
text libcst parses; and it gives the line of every statement, so libcst's PositionProvider is
needed only for the expression nodes of environment reads.
"""

from __future__ import annotations

import ast
import bisect
import dataclasses
import re
from collections.abc import Iterator
from dataclasses import dataclass

from .walk import AST_SCOPE_AND_CLASSES, ast_statements

ENV_WORDS = ("environ", "getenv")
_FUNCTIONS = (ast.FunctionDef, ast.AsyncFunctionDef)
Cut = tuple[int, int, str, int]
"""(first line, last line, indentation, id of the function) of a body left out."""


@dataclass(frozen=True)
class Outline:
    """The text libcst parses (function bodies that can't matter replaced by `...`), with the
    original line of each of its lines, and the ast of the original text."""

    tree: ast.Module
    lines: list[str]
    """The lines of the original text."""
    text: str
    line_map: list[int]
    skipped: frozenset[int]
    """ids of the function nodes whose bodies were left out."""
    env: re.Pattern[str]
    """What could name an environment read (`env_pattern`)."""
    env_lines: list[int]
    """The lines where `env` matches, in order."""

    def mentions_env(self, node: ast.stmt) -> bool:
        """True when the statement's text (decorators included) could hold an environment read."""
        start = min([node.lineno, *(d.lineno for d in getattr(node, "decorator_list", ()))])
        return self.lines_mention_env(start, node.end_lineno or node.lineno)

    def lines_mention_env(self, first: int, last: int) -> bool:
        """True when `env` matches on a line from `first` to `last`."""
        found = bisect.bisect_left(self.env_lines, first)
        return found < len(self.env_lines) and self.env_lines[found] <= last

    def whole(self) -> Outline:
        """The outline that leaves nothing out (libcst parses the original text)."""
        text = "\n".join(self.lines)
        return dataclasses.replace(self, text=text, line_map=list(range(1, len(self.lines) + 1)), skipped=frozenset())


def outline(tree: ast.Module, text: str, *, selective: bool = True) -> Outline:
    """The outline of `text`, whose tree is `tree`; `selective`: leave out the function bodies
    that can't carry a fact."""
    lines = text.split("\n")
    env = env_pattern(tree)
    whole = Outline(tree, lines, text, list(range(1, len(lines) + 1)), frozenset(), env, _match_lines(env, text))
    cuts = sorted(_cuts(whole)) if selective else []
    return _apply(whole, cuts) if cuts else whole


def env_pattern(tree: ast.Module) -> re.Pattern[str]:
    """Words that can name an environment read: `environ`, `getenv` and local aliases of `os`
    members (`from os import environ as E`), from the imports the gather stage reads."""
    words: set[str] = set()
    for stmt in ast_statements(tree.body):
        if isinstance(stmt, ast.ImportFrom):
            whole = _mentions_env(stmt.module or "")
            words.update(a.asname for a in stmt.names if a.asname and (whole or _mentions_env(a.name)))
        elif isinstance(stmt, ast.Import):
            words.update(a.asname for a in stmt.names if a.asname and _mentions_env(a.name))
    aliases = "".join(rf"|\b{re.escape(word)}\b" for word in sorted(words))
    return re.compile("|".join(ENV_WORDS) + aliases)


def _mentions_env(name: str) -> bool:
    return any(word in name for word in ENV_WORDS)


def _match_lines(pattern: re.Pattern[str], text: str) -> list[int]:
    """The 1-based lines where `pattern` matches, each once, in order."""
    lines: list[int] = []
    line, position = 1, 0
    for match in pattern.finditer(text):
        line += text.count("\n", position, match.start())
        position = match.start()
        if not lines or lines[-1] != line:
            lines.append(line)
    return lines


def _cuts(source: Outline) -> Iterator[Cut]:
    """The bodies to leave out: of the functions of the module's scope and of class bodies."""
    for stmt in ast_statements(source.tree.body, AST_SCOPE_AND_CLASSES):
        if isinstance(stmt, _FUNCTIONS):
            cut = _body_cut(source, stmt)
            if cut is not None:
                yield cut


MOUNTS: frozenset[str] = frozenset({"include_router", "register_blueprint", "add_url_rule", "add_api_route"})
"""Calls that make a function body an application factory the framework reader looks into."""


def mounts_routes(node: ast.FunctionDef | ast.AsyncFunctionDef) -> bool:
    """True when a top-level statement of the body calls `x.include_router(…)` and the like."""
    return any(isinstance(stmt, ast.Expr) and isinstance(stmt.value, ast.Call)
               and isinstance(stmt.value.func, ast.Attribute) and stmt.value.func.attr in MOUNTS
               for stmt in node.body)


def _body_cut(source: Outline, node: ast.FunctionDef | ast.AsyncFunctionDef) -> Cut | None:
    """The body lines to leave out: all but a leading expression (the docstring)."""
    drops = node.body[1:] if isinstance(node.body[0], ast.Expr) else node.body
    if not drops or source.mentions_env(node) or mounts_routes(node) or _string_function(node):
        return None
    first = drops[0]
    line = source.lines[first.lineno - 1]
    indent = line[: first.col_offset]
    if indent.strip():
        return None
    return first.lineno, node.end_lineno or first.lineno, indent, id(node)


STRING_FUNCTION_STATEMENTS = 8
"""The most statements a body kept for `string_function` has (gather applies the same rule)."""


def string_function(params: list[str], plain: bool, statements: int) -> bool:
    """A function whose body is kept: one plain positional parameter, not a method's
    (`self`, `cls`), at most `STRING_FUNCTION_STATEMENTS` statements. It may be an alias
    generator, whose body the resolver reads (`resolve.string_eval`)."""
    one = plain and len(params) == 1 and params[0] not in {"self", "cls"}
    return one and statements <= STRING_FUNCTION_STATEMENTS


def _string_function(node: ast.FunctionDef | ast.AsyncFunctionDef) -> bool:
    args = node.args
    plain = not (args.kwonlyargs or args.vararg or args.kwarg)
    return string_function([a.arg for a in [*args.posonlyargs, *args.args]], plain, len(node.body))


def _apply(source: Outline, cuts: list[Cut]) -> Outline:
    """Replace each cut by one `...` line at the body's indentation; keep the line map."""
    lines: list[str] = []
    line_map: list[int] = []
    position = 1
    for first, last, indent, _ in cuts:
        lines.extend(source.lines[position - 1 : first - 1])
        line_map.extend(range(position, first))
        lines.append(f"{indent}...")
        line_map.append(first)
        position = last + 1
    lines.extend(source.lines[position - 1 :])
    line_map.extend(range(position, len(source.lines) + 1))
    skipped = frozenset(node_id for *_, node_id in cuts)
    return dataclasses.replace(source, text="\n".join(lines), line_map=line_map, skipped=skipped)
