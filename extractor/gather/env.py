"""Environment reads: every `os.environ[...]`, `os.environ.get(...)` and `os.getenv(...)`."""

from __future__ import annotations

import libcst as cst

from ..parse import SourceFile
from .comments import line_comment, statement_comment
from .evaluate import Evaluator
from .facts import EnvRead

ENVIRON = frozenset({"os.environ"})
OPTIONAL_READS = frozenset({"os.environ.get", "os.getenv", "os.environ.setdefault"})


class EnvReadFinder(cst.CSTVisitor):
    """A libcst visitor finding the env reads in one top-level statement, each with the
    comment that describes it; each read is evaluated at its own line."""

    def __init__(self, source: SourceFile, evaluator: Evaluator, index: int) -> None:
        super().__init__()
        self.source = source
        self.evaluator = evaluator
        self.index = index
        self.reads: list[EnvRead] = []
        self._statements: list[cst.CSTNode] = []

    def visit_SimpleStatementLine(self, node: cst.SimpleStatementLine) -> None:  # noqa: N802
        self._statements.append(node)

    def leave_SimpleStatementLine(self, original_node: cst.SimpleStatementLine) -> None:  # noqa: N802
        self._statements.pop()

    def visit_Subscript(self, node: cst.Subscript) -> None:  # noqa: N802
        target = self.evaluator.value(node.value)
        if getattr(target, "name", None) in ENVIRON and len(node.slice) == 1:
            element = node.slice[0].slice
            if isinstance(element, cst.Index):
                self._add(node, element.value, None, required=True)

    def visit_Call(self, node: cst.Call) -> None:  # noqa: N802
        func = self.evaluator.value(node.func)
        name = getattr(func, "name", None)
        if name not in OPTIONAL_READS or not node.args or node.args[0].keyword is not None:
            return
        default = next((a for a in node.args[1:] if a.keyword is None or a.keyword.value == "default"), None)
        self._add(node, node.args[0].value, default, required=False)

    def _add(self, node: cst.CSTNode, name: cst.BaseExpression, default: cst.Arg | None, *, required: bool) -> None:
        """Record a read of the variable `name`; `default`: the argument given for a missing one."""
        line = self.source.line_of(self.index, node, self._statements[-1] if self._statements else None)
        ev = self.evaluator.at(f"{self.source.rel}:{line}")
        comment = line_comment(self.source.text_lines, line)
        if comment is None and self._statements:
            comment = statement_comment(self._statements[-1])
        read = EnvRead(name=ev.value(name), required=required, location=ev.location,
                       comment=comment)
        if default is not None:
            read.default, read.has_default = ev.value(default.value), True
        self.reads.append(read)
