"""Import visitor: which qualified name each imported local name stands for."""

from __future__ import annotations

from collections.abc import Iterator

import libcst as cst

from ..parse import SourceFile


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


def _statements(body: Iterator[cst.CSTNode] | list[cst.BaseStatement]) -> Iterator[cst.CSTNode]:
    """Top-level statements, descending into `if`/`try` blocks (TYPE_CHECKING, fallbacks),
    in source order; iterative, so a long `elif` chain can't exhaust the stack."""
    pending: list[cst.CSTNode] = list(body)[::-1]
    while pending:
        stmt = pending.pop()
        yield stmt
        if isinstance(stmt, cst.If | cst.Try):
            pending.extend(list(_blocks(stmt))[::-1])


def _blocks(stmt: cst.If | cst.Try) -> Iterator[cst.BaseStatement]:
    yield from stmt.body.body  # type: ignore[misc]
    if isinstance(stmt, cst.Try):
        for handler in stmt.handlers:
            yield from handler.body.body  # type: ignore[misc]
    elif stmt.orelse is not None:
        orelse = stmt.orelse
        if isinstance(orelse, cst.If):
            yield orelse
        else:
            yield from orelse.body.body  # type: ignore[misc]


def gather_imports(source: SourceFile) -> tuple[dict[str, str], list[str]]:
    """Map each imported local name to its qualified name; list the star-imported modules."""
    imports: dict[str, str] = {}
    stars: list[str] = []
    for stmt in _statements(list(source.tree.body)):
        if not isinstance(stmt, cst.SimpleStatementLine):
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
