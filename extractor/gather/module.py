"""Runs the visitors over one parsed module and returns its `ModuleFacts`."""

from __future__ import annotations

import libcst as cst

from ..parse import SourceFile
from .calls import statement_calls
from .definitions import DefinitionGatherer
from .env import gather_env
from .evaluate import Evaluator, Scope
from .facts import ModuleFacts
from .imports import _statements, gather_imports

ENV_HINTS = ("environ", "getenv")


def _defined_names(tree: cst.Module) -> frozenset[str]:
    names: set[str] = set()
    for stmt in _statements(list(tree.body)):
        if isinstance(stmt, cst.ClassDef | cst.FunctionDef):
            names.add(stmt.name.value)
        elif isinstance(stmt, cst.SimpleStatementLine):
            for small in stmt.body:
                targets = small.targets if isinstance(small, cst.Assign) else ()
                names.update(t.target.value for t in targets if isinstance(t.target, cst.Name))
                if isinstance(small, cst.AnnAssign) and isinstance(small.target, cst.Name):
                    names.add(small.target.value)
    return frozenset(names)


def gather_module(source: SourceFile) -> ModuleFacts:
    """Gather imports, definitions and env reads of one module."""
    imports, stars = gather_imports(source)
    scope = Scope(source.module, imports, _defined_names(source.tree))
    evaluator = Evaluator(scope)
    facts = ModuleFacts(
        module=source.module,
        rel=source.rel,
        is_package=source.is_package,
        docstring=source.tree.get_docstring(clean=True) or None,
        imports=imports,
        star_imports=stars,
    )
    gatherer = DefinitionGatherer(source, evaluator)
    for index, stmt in enumerate(source.tree.body):
        _definitions(gatherer, facts, index, stmt)
    if any(hint in source.text for hint in ENV_HINTS):
        facts.env_reads = gather_env(source, evaluator)
    return facts


def _definitions(
    gatherer: DefinitionGatherer, facts: ModuleFacts, index: int, stmt: cst.CSTNode
) -> None:
    if isinstance(stmt, cst.SimpleStatementLine):
        for assign in gatherer.assigns(index, stmt):
            facts.assigns[assign.name] = assign
        facts.calls.extend(statement_calls(gatherer, index, stmt))
    elif isinstance(stmt, cst.ClassDef):
        facts.classes[stmt.name.value] = gatherer.class_def(index, stmt)
    elif isinstance(stmt, cst.FunctionDef):
        facts.functions.append(gatherer.function(index, stmt))
    elif isinstance(stmt, cst.If | cst.Try):
        for inner in _statements([stmt]):
            if inner is not stmt:
                _definitions(gatherer, facts, index, inner)
