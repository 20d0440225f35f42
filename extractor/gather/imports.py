"""Import reader: which qualified name each imported local name stands for."""

from __future__ import annotations

from collections.abc import Iterator

import libcst as cst

from ..parse import SourceFile
from ..parse.walk import SimpleLine, cst_statements


def _dotted(node: cst.BaseExpression) -> str:
    if isinstance(node, cst.Name):
        return node.value
    if isinstance(node, cst.Attribute):
        return f"{_dotted(node.value)}.{node.attr.value}"
    return ""


def _base(source: SourceFile, node: cst.ImportFrom) -> str:
    """The absolute module a `from ... import` names, relative levels applied."""
    module = _dotted(node.module) if node.module else ""
    level = len(node.relative)
    if level == 0:
        return module
    parts = source.package.split(".") if source.package else []
    parts = parts[: max(len(parts) - (level - 1), 0)]
    return ".".join([*parts, module] if module else parts)


def _from_import(source: SourceFile, node: cst.ImportFrom) -> Iterator[tuple[str, str]]:
    base = _base(source, node)
    if isinstance(node.names, cst.ImportStar):
        yield "*", base
        return
    for alias in node.names:
        name = _dotted(alias.name)
        local = alias.evaluated_alias or name
        yield local, f"{base}.{name}" if base else name


def _import(node: cst.Import) -> Iterator[tuple[str, str]]:
    for alias in node.names:
        name = _dotted(alias.name)
        if alias.asname is not None:
            yield alias.evaluated_alias or name, name
        else:
            head = name.partition(".")[0]
            yield head, head


def gather_imports(source: SourceFile) -> tuple[dict[str, str], list[str]]:
    """Map each imported local name to its qualified name; list the star-imported modules."""
    imports: dict[str, str] = {}
    stars: list[str] = []
    for stmt in cst_statements(source.tree.body):
        if not isinstance(stmt, SimpleLine):
            continue
        for small in stmt.body:
            pairs: Iterator[tuple[str, str]]
            if isinstance(small, cst.ImportFrom):
                pairs = _from_import(source, small)
            elif isinstance(small, cst.Import):
                pairs = _import(small)
            else:
                continue
            for local, qualified in pairs:
                if local == "*":
                    stars.append(qualified)
                else:
                    imports[local] = qualified
    return imports, stars
