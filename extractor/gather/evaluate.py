"""Expression → static value (`expressions.Value`): a dispatch table over libcst expression nodes."""

from __future__ import annotations

import builtins
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import TypeGuard

import libcst as cst

from ..diagnostics import Unknown
from .expressions import Attr, BinOp, Call, Code, DictV, EllipsisV, FString, ListV, Ref, Subscript, Value

BUILTIN_NAMES = frozenset(dir(builtins))
LITERAL_TYPES = frozenset({"typing.Literal", "typing_extensions.Literal"})
ANNOTATED_TYPES = frozenset({"typing.Annotated", "typing_extensions.Annotated"})
_CONSTANTS: dict[str, Value] = {"True": True, "False": False, "None": None}
_BINOPS: dict[type[cst.BaseBinaryOp], str] = {
    cst.Add: "+", cst.Subtract: "-", cst.Multiply: "*", cst.Divide: "/",
    cst.FloorDivide: "//", cst.Modulo: "%", cst.Power: "**", cst.BitOr: "|",
}


@dataclass
class Scope:
    """How names of one module resolve: imports, module-level definitions, the module name."""

    module: str
    imports: Mapping[str, str] = field(default_factory=dict)
    defined: frozenset[str] = frozenset()

    def qualify(self, name: str) -> str:
        """The qualified name `name` stands for in this module."""
        if name in self.imports:
            return self.imports[name]
        if name in self.defined or name not in BUILTIN_NAMES:
            return f"{self.module}.{name}"
        return f"builtins.{name}"


@dataclass(frozen=True)
class Evaluator:
    """Turns the expressions of one statement into `Value`s; an `Unknown` says `location`.

    One evaluator reads one statement: `at` gives the evaluator of another location, so that
    no reader shares a location another one set.
    """

    scope: Scope
    location: str = ""

    def at(self, location: str) -> Evaluator:
        """The evaluator of the statement at `location` (`rel:line`)."""
        return Evaluator(self.scope, location)

    def value(self, node: cst.BaseExpression) -> Value:
        """The static value of an expression."""
        handler = _HANDLERS.get(type(node))
        if handler is None:
            return Unknown(f"{type(node).__name__} expression is not statically known", self.location)
        try:
            return handler(self, node)
        except RecursionError:
            return Unknown("expression nested too deeply", self.location)

    def annotation(self, node: cst.BaseExpression) -> Value:
        """The static value of a type annotation (string forward references parsed)."""
        if isinstance(node, cst.SimpleString | cst.ConcatenatedString):
            text = node.evaluated_value
            if isinstance(text, str):
                return self._forward(text)
        if isinstance(node, cst.Subscript):
            return self._subscript(node, annotation=True)
        if isinstance(node, cst.BinaryOperation) and isinstance(node.operator, cst.BitOr):
            return BinOp("|", self.annotation(node.left), self.annotation(node.right))
        return self.value(node)

    def _forward(self, text: str) -> Value:
        try:
            expr = cst.parse_expression(text.strip())
        except cst.ParserSyntaxError:
            return Unknown(f"forward reference {text!r} does not parse", self.location)
        return self.annotation(expr)

    def _subscript(self, node: cst.Subscript, *, annotation: bool) -> Value:
        base = self.value(node.value)
        items: list[Value] = []
        name = base.name if isinstance(base, Ref) else ""
        for index, element in enumerate(node.slice):
            if not isinstance(element.slice, cst.Index):
                items.append(Unknown("slice in subscript", self.location))
                continue
            as_type = annotation and name not in LITERAL_TYPES
            as_type = as_type and not (name in ANNOTATED_TYPES and index > 0)
            expr = element.slice.value
            items.append(self.annotation(expr) if as_type else self.value(expr))
        return Subscript(base, tuple(items))


def _string(ev: Evaluator, node: cst.BaseExpression) -> Value:
    assert isinstance(node, cst.SimpleString | cst.ConcatenatedString)
    text = node.evaluated_value
    if text is not None:
        return text
    if isinstance(node, cst.ConcatenatedString):  # an f-string among the parts
        return _joined(ev, [ev.value(node.left), ev.value(node.right)])
    return Unknown("string is not statically known", ev.location)


def _joined(ev: Evaluator, parts: list[Value]) -> Value:
    """Parts of a string side by side: text, or an `FString` keeping the fields for the resolver."""
    flat: list[Value] = []
    for part in parts:
        if isinstance(part, Unknown):
            return part
        flat.extend(part.parts if isinstance(part, FString) else [part])
    if all(isinstance(part, str) for part in flat):
        return "".join(str(part) for part in flat)
    return FString(tuple(flat), ev.location)


def _fstring(ev: Evaluator, node: cst.BaseExpression) -> Value:
    """Text alone is a string; fields are kept for the resolver when they are plain (`{x}`,
    `{x!s}`): a format spec or `!r`/`!a` is not statically known."""
    assert isinstance(node, cst.FormattedString)
    parts: list[Value] = []
    for part in node.parts:
        if isinstance(part, cst.FormattedStringText):
            parts.append(_fstring_text(node, part.value))
        elif not _plain_field(part):
            return Unknown("f-string with a format spec or conversion is not statically known", ev.location)
        else:
            parts.append(ev.value(part.expression))
    return _joined(ev, parts)


def _plain_field(part: cst.BaseFormattedStringContent) -> TypeGuard[cst.FormattedStringExpression]:
    """`{x}` or `{x!s}`: a field whose text is `str(x)`."""
    return isinstance(part, cst.FormattedStringExpression) and not part.format_spec and part.conversion in (None, "s")


def _fstring_text(node: cst.FormattedString, raw: str) -> str:
    """A text part as Python reads it: `{{` is `{`, escapes apply unless the string is raw."""
    quote = node.start[len(node.prefix):]
    raw_prefix = "r" if "r" in node.prefix.lower() else ""
    text = raw.replace("{{", "{").replace("}}", "}")
    value = cst.SimpleString(f"{raw_prefix}{quote}{text}{quote}").evaluated_value  # a literal: never run
    return value if isinstance(value, str) else text


MAX_INT_DIGITS = 1_000
"""A longer integer literal is not documented (Python refuses past 4,300 digits anyway)."""


def _number(ev: Evaluator, node: cst.BaseExpression) -> Value:
    assert isinstance(node, cst.Integer | cst.Float)
    if sum(char.isalnum() for char in node.value) > MAX_INT_DIGITS:
        return Unknown(f"a number of more than {MAX_INT_DIGITS:,} digits is not documented", ev.location)
    try:
        return node.evaluated_value
    except (ValueError, SyntaxError):
        return Unknown("the number can't be read", ev.location)


def _name(ev: Evaluator, node: cst.BaseExpression) -> Value:
    assert isinstance(node, cst.Name)
    if node.value in _CONSTANTS:
        return _CONSTANTS[node.value]
    return Ref(ev.scope.qualify(node.value))


def _attribute(ev: Evaluator, node: cst.BaseExpression) -> Value:
    assert isinstance(node, cst.Attribute)
    base = ev.value(node.value)
    if isinstance(base, Ref):
        return Ref(f"{base.name}.{node.attr.value}")
    return Attr(base, node.attr.value)


def _call(ev: Evaluator, node: cst.BaseExpression) -> Value:
    assert isinstance(node, cst.Call)
    args: list[Value] = []
    kwargs: list[tuple[str, Value]] = []
    func = ev.value(node.func)
    typed = _TYPE_ARGUMENTS.get(func.last if isinstance(func, Ref) else "", ())
    for index, arg in enumerate(node.args):
        if arg.star:
            kwargs.append((arg.star, Unknown(f"{arg.star}-arguments are not statically known", ev.location)))
        elif arg.keyword is not None:
            read = ev.annotation if arg.keyword.value in typed else ev.value
            kwargs.append((arg.keyword.value, read(arg.value)))
        else:
            args.append(ev.annotation(arg.value) if index in typed else ev.value(arg.value))
    return Call(func, tuple(args), tuple(kwargs), ev.location)


_TYPE_ARGUMENTS: dict[str, frozenset[int | str]] = {
    "TypeAliasType": frozenset({1, "value"}),
}
"""Calls whose arguments are types: read as annotations (quoted forward references parsed)."""


def _lambda(ev: Evaluator, node: cst.BaseExpression) -> Value:
    assert isinstance(node, cst.Lambda)
    params = tuple(p.name.value for p in node.params.params)
    return Code(params, cst.Module([]).code_for_node(node.body), ev.location)


def _sequence(ev: Evaluator, node: cst.BaseExpression) -> Value:
    assert isinstance(node, cst.List | cst.Tuple | cst.Set)
    kind = {cst.List: "list", cst.Tuple: "tuple", cst.Set: "set"}[type(node)]
    items: list[Value] = []
    for element in node.elements:
        if isinstance(element, cst.StarredElement):
            items.append(Unknown("starred element", ev.location))
        else:
            items.append(ev.value(element.value))
    return ListV(tuple(items), kind)


def _dict(ev: Evaluator, node: cst.BaseExpression) -> Value:
    assert isinstance(node, cst.Dict)
    items: list[tuple[Value, Value]] = []
    for element in node.elements:
        if not isinstance(element, cst.DictElement):
            items.append(("**", Unknown("**-unpacking in dict", ev.location)))
        else:
            items.append((ev.value(element.key), ev.value(element.value)))
    return DictV(tuple(items))


def _unary(ev: Evaluator, node: cst.BaseExpression) -> Value:
    assert isinstance(node, cst.UnaryOperation)
    inner = ev.value(node.expression)
    if isinstance(node.operator, cst.Minus) and isinstance(inner, int | float) and not isinstance(inner, bool):
        return -inner
    if isinstance(node.operator, cst.Plus) and isinstance(inner, int | float):
        return inner
    if isinstance(node.operator, cst.Not) and isinstance(inner, bool | int | str | None):
        return not inner
    return Unknown("unary operation on a non-literal", ev.location)


def _binary(ev: Evaluator, node: cst.BaseExpression) -> Value:
    assert isinstance(node, cst.BinaryOperation)
    op = _BINOPS.get(type(node.operator))
    if op is None:
        return Unknown(f"operator {type(node.operator).__name__}", ev.location)
    return BinOp(op, ev.value(node.left), ev.value(node.right))


def _subscript_value(ev: Evaluator, node: cst.BaseExpression) -> Value:
    assert isinstance(node, cst.Subscript)
    return ev._subscript(node, annotation=False)


def _ellipsis(ev: Evaluator, node: cst.BaseExpression) -> Value:
    return EllipsisV()


_HANDLERS: dict[type[cst.BaseExpression], Callable[[Evaluator, cst.BaseExpression], Value]] = {
    cst.SimpleString: _string,
    cst.ConcatenatedString: _string,
    cst.FormattedString: _fstring,
    cst.Integer: _number,
    cst.Float: _number,
    cst.Name: _name,
    cst.Attribute: _attribute,
    cst.Call: _call,
    cst.List: _sequence,
    cst.Tuple: _sequence,
    cst.Set: _sequence,
    cst.Dict: _dict,
    cst.UnaryOperation: _unary,
    cst.BinaryOperation: _binary,
    cst.Subscript: _subscript_value,
    cst.Ellipsis: _ellipsis,
    cst.Lambda: _lambda,
}
