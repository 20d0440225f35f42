"""The structure, enforced: the stage order (import-linter contracts in pyproject.toml), no import
cycle anywhere in `extractor/`, and a folder per stage that says what it holds."""

from __future__ import annotations

import ast
import sys
from collections.abc import Iterator, Mapping, Set
from pathlib import Path

import grimp
import pytest
from importlinter.cli import EXIT_STATUS_SUCCESS, lint_imports

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "extractor"
STAGES = ("discover", "parse", "gather", "resolve", "typescript", "assemble", "render", "write", "app", "cli")
"""The pipeline's stages in order, one package each, then the application layer and the CLI."""


def test_the_import_contracts_hold(monkeypatch: pytest.MonkeyPatch) -> None:
    """import-linter's layers and forbidden contracts from pyproject.toml (its report names the
    offending import chain when one breaks)."""
    monkeypatch.chdir(ROOT)
    monkeypatch.syspath_prepend(str(ROOT))
    status = lint_imports(config_filename=str(ROOT / "pyproject.toml"), no_cache=True, no_logo=True)
    assert status == EXIT_STATUS_SUCCESS, "an import breaks the stage order: see the report above (`lint-imports`)"


def strongly_connected(graph: Mapping[str, Set[str]]) -> list[list[str]]:
    """The cycles of a directed graph: its strongly connected components of two or more
    nodes (Tarjan, iterative)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []
    for start in sorted(graph):
        if start in index:
            continue
        work: list[tuple[str, Iterator[str]]] = [(start, iter(sorted(graph[start])))]
        index[start] = low[start] = len(index)
        stack.append(start)
        on_stack.add(start)
        while work:
            node, children = work[-1]
            child = next(children, None)
            if child is None:
                work.pop()
                if work:
                    low[work[-1][0]] = min(low[work[-1][0]], low[node])
                if low[node] == index[node]:
                    component = []
                    while True:
                        member = stack.pop()
                        on_stack.discard(member)
                        component.append(member)
                        if member == node:
                            break
                    if len(component) > 1:
                        found.append(sorted(component))
            elif child not in index:
                index[child] = low[child] = len(index)
                stack.append(child)
                on_stack.add(child)
                work.append((child, iter(sorted(graph.get(child, ())))))
            elif child in on_stack:
                low[node] = min(low[node], index[child])
    return found


@pytest.mark.parametrize(("graph", "cycles"), [
    ({"a": {"b"}, "b": {"c"}, "c": set()}, []),
    ({"a": {"b"}, "b": {"a"}}, [["a", "b"]]),
    ({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}, [["a", "b", "c"]]),
    ({"a": {"a"}}, []),
])
def test_cycle_finder(graph: dict[str, set[str]], cycles: list[list[str]]) -> None:
    assert strongly_connected(graph) == cycles


def test_no_import_cycle_in_the_whole_tree() -> None:
    """Every import counts here, `TYPE_CHECKING` ones and imports inside functions included:
    a picture of the whole tree's imports has no cycle."""
    if str(ROOT) not in sys.path:
        sys.path.insert(0, str(ROOT))
    graph = grimp.build_graph("extractor", exclude_type_checking_imports=False)
    edges = {module: set(graph.find_modules_directly_imported_by(module)) for module in graph.modules}
    assert strongly_connected(edges) == []


def test_a_folder_per_stage_each_saying_what_it_holds() -> None:
    """Each stage is a package whose `__init__` docstring names it; every module of the tree
    starts with a docstring."""
    for stage in STAGES:
        init = PACKAGE / stage / "__init__.py"
        assert init.is_file(), f"stage `{stage}` is not a package"
    missing = [path.relative_to(ROOT).as_posix() for path in sorted(PACKAGE.rglob("*.py"))
               if path.name != "__main__.py" and ast.get_docstring(ast.parse(path.read_text(encoding="utf-8"))) is None]
    assert missing == []
