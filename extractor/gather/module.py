"""Runs the readers over one parsed module and returns its `ModuleFacts`."""

from __future__ import annotations

import warnings

import libcst as cst

from ..diagnostics import Diagnostic
from ..parse import SourceFile
from ..parse.outline import ENV_WORDS
from ..parse.walk import SimpleLine, cst_statements, inner_statements
from ..secrets import mask_text
from .calls import statement_calls
from .definitions import DefinitionReader
from .env import EnvReadFinder
from .evaluate import Evaluator, Scope
from .facts import EnvRead, ModuleFacts
from .imports import gather_imports

TOO_DEEP = "statement nested too deeply to read; what it declares is not documented"


def _defined_names(tree: cst.Module) -> frozenset[str]:
    names: set[str] = set()
    for stmt in cst_statements(tree.body):
        if isinstance(stmt, cst.ClassDef | cst.FunctionDef):
            names.add(stmt.name.value)
        elif isinstance(stmt, SimpleLine):
            for small in stmt.body:
                targets = small.targets if isinstance(small, cst.Assign) else ()
                names.update(t.target.value for t in targets if isinstance(t.target, cst.Name))
                if isinstance(small, cst.AnnAssign) and isinstance(small.target, cst.Name):
                    names.add(small.target.value)
    return frozenset(names)


def gather_module(source: SourceFile) -> ModuleFacts:
    """Gather imports, definitions and env reads of one module.

    libcst evaluates string literals with `ast.literal_eval`, which warns about the code
    (`invalid escape sequence`, a SyntaxWarning shown by default from Python 3.12): those
    warnings are the integration's business, not the user's terminal's.
    """
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", SyntaxWarning)
        warnings.simplefilter("ignore", DeprecationWarning)
        return _gather_module(source)


def _gather_module(source: SourceFile) -> ModuleFacts:
    imports, stars = gather_imports(source)
    evaluator = Evaluator(Scope(source.module, imports, _defined_names(source.tree)))
    facts = ModuleFacts(
        module=source.module,
        rel=source.rel,
        is_package=source.is_package,
        docstring=mask_text(source.tree.get_docstring(clean=True) or "") or None,
        imports=imports,
        star_imports=stars,
    )
    reader = DefinitionReader(source, evaluator)
    for index, stmt in enumerate(source.tree.body):
        try:
            _definitions(reader, facts, index, stmt)
            for inner in inner_statements(stmt):
                _definitions(reader, facts, index, inner)
        except RecursionError:
            facts.warnings.append(_too_deep(source, index))
    if any(hint in source.text for hint in ENV_WORDS):
        facts.env_reads = _env_reads(source, evaluator, facts)
    return facts


def _too_deep(source: SourceFile, index: int) -> Diagnostic:
    """The warning for a statement nested deeper than the readers can follow (the parse
    stage's measure lets through what it can't see, such as long implicit concatenations)."""
    return Diagnostic(source.location(index), TOO_DEEP)


def _env_reads(source: SourceFile, evaluator: Evaluator, facts: ModuleFacts) -> list[EnvRead]:
    """Env reads of the statements whose text can hold one (a module named `os…` can read
    its own `environ` by a bare name: all of its statements)."""
    own = source.module == "os" or source.module.startswith("os.")
    statements = list(enumerate(source.tree.body)) if own else source.env_statements()
    reads: list[EnvRead] = []
    for index, stmt in statements:
        finder = EnvReadFinder(source, evaluator, index)
        try:
            stmt.visit(finder)
        except RecursionError:
            facts.warnings.append(_too_deep(source, index))
            continue
        reads.extend(finder.reads)
    return reads


def _definitions(reader: DefinitionReader, facts: ModuleFacts, index: int, stmt: cst.BaseStatement) -> None:
    """Record the facts one statement of the module's scope defines."""
    if isinstance(stmt, SimpleLine):
        for assign in reader.assigns(index, stmt):
            facts.assigns[assign.name] = assign
        facts.calls.extend(statement_calls(reader.source, reader.evaluator, index, stmt))
    elif isinstance(stmt, cst.ClassDef):
        facts.classes[stmt.name.value] = reader.class_def(index, stmt)
    elif isinstance(stmt, cst.FunctionDef):
        facts.functions.append(reader.function(index, stmt))
