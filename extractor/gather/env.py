"""Environment visitor: every `os.environ[...]`, `os.environ.get(...)` and `os.getenv(...)`."""

from __future__ import annotations

import libcst as cst

from ..parse import SourceFile
from .comments import line_comment, statement_comment
from .evaluate import Evaluator
from .facts import EnvRead

ENVIRON = frozenset({"os.environ"})
OPTIONAL_READS = frozenset({"os.environ.get", "os.getenv", "os.environ.setdefault"})
REQUIRED_CALLS = frozenset({"os.environ.__getitem__"})


class EnvGatherer(cst.CSTVisitor):
    """Collects env reads of one top-level statement, with the comment that describes them."""

    def __init__(self, source: SourceFile, evaluator: Evaluator, index: int) -> None:
        super().__init__()
        self.source = source
        self.ev = evaluator
        self.index = index
        self.reads: list[EnvRead] = []
        self._statements: list[cst.CSTNode] = []
        self._lines = source.text_lines

    def visit_SimpleStatementLine(self, node: cst.SimpleStatementLine) -> None:  # noqa: N802
        self._statements.append(node)

    def leave_SimpleStatementLine(self, original_node: cst.SimpleStatementLine) -> None:  # noqa: N802
        self._statements.pop()

    def visit_Subscript(self, node: cst.Subscript) -> None:  # noqa: N802
        target = self.ev.value(node.value)
        if getattr(target, "name", None) in ENVIRON and len(node.slice) == 1:
            element = node.slice[0].slice
            if isinstance(element, cst.Index):
                self._add(node, self.ev.value(element.value), required=True)

    def visit_Call(self, node: cst.Call) -> None:  # noqa: N802
        func = self.ev.value(node.func)
        name = getattr(func, "name", None)
        if name not in OPTIONAL_READS or not node.args or node.args[0].keyword is not None:
            return
        read = self._add(node, self.ev.value(node.args[0].value), required=False)
        default = next((a for a in node.args[1:] if a.keyword is None or a.keyword.value == "default"), None)
        if default is not None:
            read.default = self.ev.value(default.value)
            read.has_default = True

    def _add(self, node: cst.CSTNode, name: object, *, required: bool) -> EnvRead:
        line = self.source.line_of(self.index, node, self._statements[-1] if self._statements else None)
        self.ev.location = f"{self.source.rel}:{line}"
        comment = line_comment(self._lines, line)
        if comment is None and self._statements:
            comment = statement_comment(self._statements[-1])
        read = EnvRead(name=name, required=required, location=self.ev.location, comment=comment)  # type: ignore[arg-type]
        self.reads.append(read)
        return read


def gather_env(source: SourceFile, evaluator: Evaluator) -> list[EnvRead]:
    """All env reads of a module, in source order."""
    reads: list[EnvRead] = []
    for index, stmt in enumerate(source.tree.body):
        visitor = EnvGatherer(source, evaluator, index)
        stmt.visit(visitor)
        reads.extend(visitor.reads)
    return reads
