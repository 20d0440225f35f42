"""Definition readers: module-level assignments, classes (fields, methods) and functions."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

import libcst as cst

from ..parse import SourceFile
from ..parse.outline import MOUNTS, string_function
from ..parse.walk import SimpleLine
from ..secrets import mask_text
from .calls import statement_calls
from .comments import line_comment, statement_comment
from .evaluate import Evaluator
from .expressions import Call, ListV, Ref
from .facts import Assign, ClassDef, Function, Param


class DefinitionReader:
    """Reads the definitions in one top-level statement (its index) of a module."""

    def __init__(self, source: SourceFile, evaluator: Evaluator) -> None:
        self.source = source
        self.evaluator = evaluator

    def assigns(self, index: int, stmt: SimpleLine) -> Iterator[Assign]:
        """The assignments of a simple statement line (`a = b = 1`, `x: T = v`)."""
        ev = self.evaluator.at(self.source.location(index))
        yield from _assigns(stmt, ev, self._comment(stmt, ev.location))

    def _comment(self, stmt: SimpleLine, location: str) -> str | None:
        """The statement's comment (`statement_comment`), else one ending its first line: a
        statement over several lines, `x: T = Field(  # comment`."""
        found = statement_comment(stmt)
        line = location.rpartition(":")[2]
        if found is None and line.isdigit():
            return line_comment(self.source.text_lines, int(line))
        return found

    def function(self, index: int, node: cst.FunctionDef, owner: str | None = None) -> Function:
        """A function's decorators, parameters, return annotation and docstring."""
        inner = node if owner is None else node.name
        ev = self.evaluator.at(self.source.location(index, inner))
        params = [_param(ev, p) for p in _all_params(node.params)]
        returns = ev.annotation(node.returns.annotation) if node.returns else None
        return Function(
            name=node.name.value,
            location=ev.location,
            decorators=tuple(ev.value(d.decorator) for d in node.decorators),
            params=tuple(params),
            returns=returns,
            docstring=_docstring(node),
            owner=owner,
            body=self._body_statements(index, node) if owner is None else [],
            source=_body_source(node) if owner is None else None,
        )

    def _body_statements(self, index: int, node: cst.FunctionDef) -> list[Assign | Call]:
        """A module-level function's top-level assignments, calls and `return NAME` (see `Function.body`)."""
        found: list[Assign | Call] = []
        statements = node.body.body if isinstance(node.body, cst.IndentedBlock) else ()
        if not any(_mounts(stmt) for stmt in statements):
            return []  # the parse stage keeps such bodies only (`parse.outline.mounts_routes`)
        for stmt in statements:
            if not isinstance(stmt, cst.SimpleStatementLine):
                continue
            ev = self.evaluator.at(self.source.location(index, stmt))
            found.extend(_assigns(stmt, ev, None))
            found.extend(statement_calls(self.source, self.evaluator, index, stmt))
            for small in stmt.body:
                if isinstance(small, cst.Return) and isinstance(small.value, cst.Name):
                    found.append(Assign("return", ev.value(small.value), ev.location))
        return found

    def class_def(self, index: int, node: cst.ClassDef, nested: bool = False) -> ClassDef:
        """A class's bases, keywords, docstring, body assignments, methods and inner classes."""
        ev = self.evaluator.at(self.source.location(index, node.name if nested else None))
        bases = tuple(ev.annotation(a.value) if isinstance(a.value, cst.Subscript) else ev.value(a.value)
                      for a in node.bases)
        keywords = tuple(
            (a.keyword.value, ev.value(a.value)) for a in node.keywords if a.keyword
        )
        location = ev.location
        result = ClassDef(node.name.value, location, bases, keywords, _docstring(node),
                          decorators=tuple(ev.value(d.decorator) for d in node.decorators))
        self._body(index, node, result)
        return result

    def _body(self, index: int, node: cst.ClassDef, result: ClassDef) -> None:
        body = node.body.body if isinstance(node.body, cst.IndentedBlock) else ()
        previous: Assign | None = None
        for stmt in body:
            if isinstance(stmt, cst.SimpleStatementLine):
                doc = _string_statement(stmt)
                if doc is not None and previous is not None:
                    previous.docstring = doc
                    previous = None
                    continue
                ev = self.evaluator.at(self.source.location(index, stmt))
                found = list(_assigns(stmt, ev, self._comment(stmt, ev.location)))
                result.attrs.extend(found)
                previous = found[-1] if found else None
                continue
            previous = None
            if isinstance(stmt, cst.FunctionDef):
                result.methods.append(self.function(index, stmt, owner=result.name))
            elif isinstance(stmt, cst.ClassDef):
                result.inner[stmt.name.value] = self.class_def(index, stmt, nested=True)


def _assigns(stmt: SimpleLine, ev: Evaluator, comment: str | None) -> Iterator[Assign]:
    """The assignments of a line of small statements, read at `ev.location`, with their comment."""
    for small in stmt.body:
        if isinstance(small, cst.Assign):
            value = ev.value(small.value)
            for target in small.targets:
                if isinstance(target.target, cst.Name):
                    yield Assign(target.target.value, value, ev.location, comment=comment)
        elif isinstance(small, cst.TypeAlias):
            yield _type_statement(small, ev, comment)
        elif isinstance(small, cst.AnnAssign) and isinstance(small.target, cst.Name):
            annotation = ev.annotation(small.annotation.annotation)
            value = ev.value(small.value) if small.value is not None else None
            yield Assign(small.target.value, value, ev.location, annotation, comment,
                         has_value=small.value is not None, annotated=True)


def _mounts(stmt: cst.BaseStatement) -> bool:
    """`x.include_router(…)`-like call statement (see `parse.outline.MOUNTS`)."""
    return isinstance(stmt, cst.SimpleStatementLine) and any(
        isinstance(small, cst.Expr) and isinstance(small.value, cst.Call)
        and isinstance(small.value.func, cst.Attribute) and small.value.func.attr.value in MOUNTS
        for small in stmt.body)


def _type_statement(node: cst.TypeAlias, ev: Evaluator, comment: str | None) -> Assign:
    """`type X[T] = V` as pydantic reads it: `X = TypeAliasType("X", V, type_params=(T,))`."""
    name = node.name.value
    params = node.type_parameters.params if node.type_parameters else ()
    variables = tuple(Call(Ref("typing.TypeVar"), (p.param.name.value,), (), ev.location)
                      for p in params if isinstance(p.param, cst.TypeVar))
    kwargs = (("type_params", ListV(variables, "tuple")),) if variables else ()
    call = Call(Ref("typing.TypeAliasType"), (name, ev.annotation(node.value)), kwargs, ev.location)
    return Assign(name, call, ev.location, comment=comment)


def _body_source(node: cst.FunctionDef) -> str | None:
    """The body's source when the parse stage keeps it (`parse.outline.string_function`)."""
    params = node.params
    plain = not (params.kwonly_params or isinstance(params.star_arg, cst.Param) or params.star_kwarg)
    names = [p.name.value for p in [*params.posonly_params, *params.params]]
    statements = len(node.body.body) if isinstance(node.body, cst.IndentedBlock) else 1
    if not string_function(names, plain, statements):
        return None
    return cst.Module([]).code_for_node(node.body)


def _param(ev: Evaluator, param: cst.Param) -> Param:
    annotation = ev.annotation(param.annotation.annotation) if param.annotation else None
    default = ev.value(param.default) if param.default is not None else None
    return Param(param.name.value, annotation, default, has_default=param.default is not None)


def _all_params(params: cst.Parameters) -> Sequence[cst.Param]:
    star = [params.star_arg] if isinstance(params.star_arg, cst.Param) else []
    extra = [params.star_kwarg] if params.star_kwarg is not None else []
    return [*params.posonly_params, *params.params, *star, *params.kwonly_params, *extra]


def _docstring(node: cst.FunctionDef | cst.ClassDef) -> str | None:
    text = node.get_docstring(clean=True)
    return mask_text(text) if text else None


def _string_statement(stmt: cst.SimpleStatementLine) -> str | None:
    """The text of a statement that is only a string literal (an attribute docstring)."""
    if len(stmt.body) == 1 and isinstance(stmt.body[0], cst.Expr):
        value = stmt.body[0].value
        if isinstance(value, cst.SimpleString | cst.ConcatenatedString):
            text = value.evaluated_value
            if isinstance(text, str):
                import inspect

                return mask_text(inspect.cleandoc(text))
    return None
