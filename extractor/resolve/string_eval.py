"""A restricted evaluator of string functions (alias generators): never runs the code.

It interprets, node by node, the subset of Python alias generators are written in: string
methods, `join` / `split` / comprehensions, `enumerate`, slicing, f-strings, `if`, local
assignments, `re.sub`, the helpers of `pydantic.alias_generators` and calls of other module
functions of that subset. Anything else raises `UnreadableError` with the reason.
"""

from __future__ import annotations

import re
import textwrap
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

import libcst as cst

from ..ir.aliases import ALIAS_GENERATORS
from .string_subset import BUILTINS, MATCH_METHODS, MAX_STEPS, MAX_TEXT, REGEX, STR_METHODS, Source, UnreadableError


class _Return(Exception):  # noqa: N818 (control flow: a `return` statement, not an error)
    def __init__(self, value: Any) -> None:
        self.value = value


@dataclass
class _Frame:
    source: Source
    names: dict[str, Any]
    budget: list[int]
    depth: int = 0


def call(source: Source, argument: str, budget: list[int] | None = None, depth: int = 0) -> str:
    """The string `source` returns for `argument`; `UnreadableError` when it isn't interpretable."""
    if depth > 16 or len(source.params) != 1:
        raise UnreadableError("the function must take one argument and call at most 16 levels deep")
    frame = _Frame(source, {source.params[0]: argument}, budget if budget is not None else [MAX_STEPS], depth)
    try:
        if source.is_expression:
            result = _expr(frame, _parse_expression(source.body))
        else:
            _block(frame, _parse_body(source.body))
            raise UnreadableError("the function ends without `return`")
    except _Return as done:
        result = done.value
    except (TypeError, ValueError, IndexError, KeyError, AttributeError, RecursionError, re.error) as exc:
        raise UnreadableError(f"evaluating it failed ({type(exc).__name__})") from exc
    if not isinstance(result, str):
        raise UnreadableError("the function doesn't return a string")
    return result


def _parse_expression(text: str) -> cst.BaseExpression:
    try:
        return cst.parse_expression(text.strip())
    except cst.ParserSyntaxError as exc:
        raise UnreadableError("its source doesn't parse") from exc


def _parse_body(text: str) -> list[cst.BaseStatement]:
    try:
        return list(cst.parse_module(textwrap.dedent(text.strip("\n"))).body)
    except cst.ParserSyntaxError as exc:
        raise UnreadableError("its source doesn't parse") from exc


def _step(frame: _Frame) -> None:
    frame.budget[0] -= 1
    if frame.budget[0] < 0:
        raise UnreadableError("it takes too many steps")


def _block(frame: _Frame, statements: list[cst.BaseStatement]) -> None:
    for stmt in statements:
        _step(frame)
        if isinstance(stmt, cst.SimpleStatementLine):
            for small in stmt.body:
                _small(frame, small)
        elif isinstance(stmt, cst.If):
            _if(frame, stmt)
        else:
            raise UnreadableError(f"`{type(stmt).__name__}` statement")


def _if(frame: _Frame, stmt: cst.If) -> None:
    if _expr(frame, stmt.test):
        _block(frame, list(stmt.body.body))  # type: ignore[arg-type]
    elif isinstance(stmt.orelse, cst.If):
        _if(frame, stmt.orelse)
    elif isinstance(stmt.orelse, cst.Else):
        _block(frame, list(stmt.orelse.body.body))  # type: ignore[arg-type]


def _small(frame: _Frame, small: cst.BaseSmallStatement) -> None:
    if isinstance(small, cst.Return):
        raise _Return(_expr(frame, small.value) if small.value is not None else None)
    if isinstance(small, cst.Assign):
        value = _expr(frame, small.value)
        for target in small.targets:
            _bind(frame, target.target, value)
    elif isinstance(small, cst.AnnAssign) and small.value is not None:
        _bind(frame, small.target, _expr(frame, small.value))
    elif isinstance(small, cst.Expr) and isinstance(small.value, cst.SimpleString | cst.ConcatenatedString):
        return  # a docstring
    elif not isinstance(small, cst.Pass):
        raise UnreadableError(f"`{type(small).__name__}` statement")


def _bind(frame: _Frame, target: cst.BaseExpression, value: Any) -> None:
    if isinstance(target, cst.Name):
        frame.names[target.value] = value
        return
    if isinstance(target, cst.Subscript) and len(target.slice) == 1 and isinstance(target.slice[0].slice, cst.Index):
        owner = _expr(frame, target.value)
        if not isinstance(owner, list):
            raise UnreadableError("item assignment to something other than a list")
        owner[_expr(frame, target.slice[0].slice.value)] = value
        return
    if not isinstance(target, cst.Tuple | cst.List):
        raise UnreadableError("assignment to something other than names")
    items = list(value)
    elements = list(target.elements)
    star = next((i for i, e in enumerate(elements) if isinstance(e, cst.StarredElement)), None)
    if star is None:
        if len(items) != len(elements):
            raise UnreadableError("unpacking of the wrong length")
        parts: list[Any] = items
    else:
        after = len(elements) - star - 1
        parts = [*items[:star], items[star:len(items) - after], *items[len(items) - after:]]
    for element, part in zip(elements, parts, strict=True):
        _bind(frame, element.value, part)


def _expr(frame: _Frame, node: cst.BaseExpression) -> Any:
    _step(frame)
    handler = _EXPRESSIONS.get(type(node))
    if handler is None:
        raise UnreadableError(f"`{type(node).__name__}` expression")
    return handler(frame, node)


def _boolean(frame: _Frame, node: cst.BooleanOperation) -> Any:
    left = _expr(frame, node.left)
    if isinstance(node.operator, cst.And):
        return _expr(frame, node.right) if left else left
    return left or _expr(frame, node.right)


def _unary(frame: _Frame, node: cst.UnaryOperation) -> Any:
    value = _expr(frame, node.expression)
    if isinstance(node.operator, cst.Not):
        return not value
    if isinstance(node.operator, cst.Minus) and isinstance(value, int):
        return -value
    raise UnreadableError(f"operator `{type(node.operator).__name__}`")


def _sequence(frame: _Frame, node: cst.List | cst.Tuple) -> list[Any]:
    if any(isinstance(e, cst.StarredElement) for e in node.elements):
        raise UnreadableError("starred element")
    return [_expr(frame, e.value) for e in node.elements]


@dataclass(frozen=True)
class _Closure:
    """A lambda of the subset (an `re.sub` replacement): interpreted when called."""

    frame: _Frame
    node: cst.Lambda

    def __call__(self, *args: Any) -> Any:
        names = [p.name.value for p in self.node.params.params]
        if len(names) != len(args):
            raise UnreadableError("lambda called with the wrong arguments")
        inner = _Frame(self.frame.source, {**self.frame.names, **dict(zip(names, args, strict=True))},
                       self.frame.budget, self.frame.depth)
        return _expr(inner, self.node.body)


def _name(frame: _Frame, name: str) -> Any:
    if name in frame.names:
        return frame.names[name]
    if name in {"True", "False", "None"}:
        return {"True": True, "False": False, "None": None}[name]
    raise UnreadableError(f"name `{name}` is not a local value")


def _fstring(frame: _Frame, node: cst.FormattedString) -> str:
    parts: list[str] = []
    for part in node.parts:
        if isinstance(part, cst.FormattedStringText):
            parts.append(part.value)
        elif isinstance(part, cst.FormattedStringExpression) and part.format_spec is None and part.conversion is None:
            parts.append(str(_expr(frame, part.expression)))
        else:
            raise UnreadableError("f-string with a format spec")
    return _text("".join(parts))


def _text(value: str) -> str:
    if len(value) > MAX_TEXT:
        raise UnreadableError("the text grows too long")
    return value


def _checked(value: Any) -> Any:
    """A method's result, its length bounded when it is text."""
    return _text(value) if isinstance(value, str) else value


def _binary(frame: _Frame, node: cst.BinaryOperation) -> Any:
    left, right = _expr(frame, node.left), _expr(frame, node.right)
    if isinstance(node.operator, cst.Add) and type(left) is type(right):
        return _text(left + right) if isinstance(left, str) else left + right
    if isinstance(node.operator, cst.Subtract) and isinstance(left, int) and isinstance(right, int):
        return left - right
    if isinstance(node.operator, cst.Multiply) and isinstance(right, int) and right < 100:
        return _text(left * right) if isinstance(left, str) else left * right
    raise UnreadableError(f"operator `{type(node.operator).__name__}`")


_COMPARE: dict[type, Callable[[Any, Any], bool]] = {
    cst.Equal: lambda a, b: a == b, cst.NotEqual: lambda a, b: a != b,
    cst.LessThan: lambda a, b: a < b, cst.GreaterThan: lambda a, b: a > b,
    cst.LessThanEqual: lambda a, b: a <= b, cst.GreaterThanEqual: lambda a, b: a >= b,
    cst.In: lambda a, b: a in b, cst.NotIn: lambda a, b: a not in b,
    cst.Is: lambda a, b: a is b, cst.IsNot: lambda a, b: a is not b,
}


def _compare(frame: _Frame, node: cst.Comparison) -> bool:
    left = _expr(frame, node.left)
    for target in node.comparisons:
        right = _expr(frame, target.comparator)
        test = _COMPARE.get(type(target.operator))
        if test is None or not test(left, right):
            return False
        left = right
    return True


def _subscript(frame: _Frame, node: cst.Subscript) -> Any:
    value = _expr(frame, node.value)
    if len(node.slice) != 1:
        raise UnreadableError("subscript with several items")
    index = node.slice[0].slice
    if isinstance(index, cst.Index):
        return value[_expr(frame, index.value)]
    if isinstance(index, cst.Slice):
        parts = [None if p is None else _expr(frame, p) for p in (index.lower, index.upper)]
        step = None if index.step is None else _expr(frame, index.step)
        return value[parts[0]:parts[1]:step]
    raise UnreadableError("subscript")


def _comprehension(frame: _Frame, clause: cst.CompFor, element: cst.BaseExpression) -> Iterator[Any]:
    for item in list(_expr(frame, clause.iter)):
        _bind(frame, clause.target, item)
        if all(_expr(frame, cond.test) for cond in clause.ifs):
            if clause.inner_for_in is not None:
                yield from _comprehension(frame, clause.inner_for_in, element)
            else:
                yield _expr(frame, element)




def _call(frame: _Frame, node: cst.Call) -> Any:
    if any(arg.star for arg in node.args):
        raise UnreadableError("`*` arguments")
    args = [_expr(frame, a.value) for a in node.args if a.keyword is None]
    kwargs = {a.keyword.value: _expr(frame, a.value) for a in node.args if a.keyword is not None}
    func = node.func
    if isinstance(func, cst.Attribute):
        return _method(frame, func, args, kwargs)
    if not isinstance(func, cst.Name):
        raise UnreadableError("call of an expression")
    if func.value in frame.names:
        raise UnreadableError("call of a local value")
    return _function(frame, func.value, args, kwargs)


def _method(frame: _Frame, func: cst.Attribute, args: list[Any], kwargs: dict[str, Any]) -> Any:
    name = func.attr.value
    if isinstance(func.value, cst.Name) and func.value.value not in frame.names:
        module = frame.source.qualify(func.value.value)
        if module == "re" and name in REGEX and all(isinstance(a, str | int | _Closure) for a in args) and not kwargs:
            return REGEX[name](*args)
        return _function(frame, f"{func.value.value}.{name}", args, kwargs)
    owner = _expr(frame, func.value)
    if isinstance(owner, re.Match) and name in MATCH_METHODS:
        return getattr(owner, name)(*args)
    if not isinstance(owner, str) or name not in STR_METHODS:
        raise UnreadableError(f"method `{name}`")
    return _checked(getattr(owner, name)(*args, **kwargs))


def _function(frame: _Frame, name: str, args: list[Any], kwargs: dict[str, Any]) -> Any:
    qualified = frame.source.qualify(name)
    last = qualified.rpartition(".")[2]
    if qualified.startswith("pydantic.alias_generators.") and last in ALIAS_GENERATORS and len(args) == 1:
        return ALIAS_GENERATORS[last](args[0])
    if qualified == f"builtins.{name}" and name in BUILTINS:
        return BUILTINS[name](*args, **kwargs)
    if qualified.startswith("builtins.str.") and last in STR_METHODS and args and isinstance(args[0], str):
        return _checked(getattr(str, last)(*args, **kwargs))
    found = frame.source.functions(qualified)
    if found is None or kwargs or len(args) != 1 or not isinstance(args[0], str):
        raise UnreadableError(f"call of `{name}`")
    return call(found, args[0], frame.budget, frame.depth + 1)


_EXPRESSIONS: dict[type, Callable[[_Frame, Any], Any]] = {
    cst.SimpleString: lambda frame, node: node.evaluated_value,
    cst.ConcatenatedString: lambda frame, node: node.evaluated_value,
    cst.Integer: lambda frame, node: int(node.value.replace("_", ""), 0),
    cst.Name: lambda frame, node: _name(frame, node.value),
    cst.FormattedString: _fstring,
    cst.Call: _call,
    cst.BinaryOperation: _binary,
    cst.Comparison: _compare,
    cst.BooleanOperation: _boolean,
    cst.UnaryOperation: _unary,
    cst.IfExp: lambda frame, node: _expr(frame, node.body) if _expr(frame, node.test) else _expr(frame, node.orelse),
    cst.Subscript: _subscript,
    cst.GeneratorExp: lambda frame, node: list(_comprehension(frame, node.for_in, node.elt)),
    cst.ListComp: lambda frame, node: list(_comprehension(frame, node.for_in, node.elt)),
    cst.Lambda: _Closure,
    cst.List: _sequence,
    cst.Tuple: _sequence,
}
"""The expression kinds the evaluator interprets."""
