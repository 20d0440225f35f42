"""Constant resolution: static values → Python data, following constants across modules."""

from __future__ import annotations

import operator
from collections.abc import Callable
from typing import Any

from ..diagnostics import Unknown
from ..gather.expressions import Attr, BinOp, Call, DictV, EllipsisV, FString, ListV, Ref, Subscript, Value
from ..gather.facts import Assign, ClassDef
from ..secrets import SecretPolicy, mask_text
from .symbols import MAX_DEPTH, SymbolTable

_OPS: dict[str, Callable[[Any, Any], Any]] = {
    "+": operator.add, "-": operator.sub, "*": operator.mul, "/": operator.truediv,
    "//": operator.floordiv, "%": operator.mod,
}
MAX_SIZE = 10_000
MAX_INT_BITS = 3_000
"""Folding never makes a bigger integer (about 900 digits): `A * A * …` can't hang the run."""


def _too_big(op: str, left: Any, right: Any) -> bool:
    ints = isinstance(left, int) and isinstance(right, int)
    return ints and op == "*" and abs(left).bit_length() + abs(right).bit_length() > MAX_INT_BITS


def _last(call: Call) -> str:
    return call.func.last if isinstance(call.func, Ref) else ""


def _safe_op(op: str, left: Any, right: Any) -> Any:
    numbers = (int, float)
    both_numbers = isinstance(left, numbers) and isinstance(right, numbers)
    if _too_big(op, left, right):
        return None
    both_strings = isinstance(left, str) and isinstance(right, str)
    if op == "*" and isinstance(left, str | list) and isinstance(right, int):
        return left * right if len(left) * right <= MAX_SIZE else None
    if both_numbers or (both_strings and op == "+"):
        try:
            return _OPS[op](left, right)
        except (ZeroDivisionError, OverflowError, KeyError):
            return None
    if op == "+" and isinstance(left, list) and isinstance(right, list):
        return left + right
    return None


class Resolver:
    """Evaluates gathered values; calls stay `Call`s (with resolved arguments) for the caller."""

    def __init__(self, symbols: SymbolTable, secrets: SecretPolicy | None = None, *, masked: bool = True) -> None:
        self.symbols = symbols
        self.secrets = secrets or SecretPolicy()
        """The integration's secret policy, for the stages that produce values."""
        self.masked = masked
        """Strings come out with their credential-shaped parts masked (`extractor.secrets`)."""

    def unmasked(self) -> Resolver:
        """The same resolver giving strings as written: for comparing values, which the
        caller masks itself before they are shown."""
        return Resolver(self.symbols, self.secrets, masked=False)

    def evaluate(self, value: Value | None, depth: int = 0) -> Any:
        """Python data for `value`: literals, lists, dicts, `Call`s; `Unknown` where not static."""
        if depth > MAX_DEPTH:
            return Unknown("constant nests too deeply or refers to itself")
        handler = _DISPATCH.get(type(value))
        return handler(self, value, depth) if handler else value

    def _ref(self, value: Ref, depth: int) -> Any:
        symbol = self.symbols.lookup(value.name)
        if symbol is None:
            return Unknown(f"`{value.name}` is not defined in the integration")
        definition = symbol.definition
        if isinstance(definition, Assign) and not symbol.rest:
            return self.evaluate(definition.value, depth + 1)
        if isinstance(definition, ClassDef) and len(symbol.rest) == 1:
            member = definition.attr(symbol.rest[0])
            if member is not None:
                found = self.evaluate(member.value, depth + 1)
                return auto_value(definition, member.name) if _is_auto(found) else found
        if isinstance(definition, Assign) and len(symbol.rest) == 1:
            return self._instance_attr(definition, symbol.rest[0], depth)
        return Unknown(f"`{value.name}` is not a constant")

    def _instance_attr(self, assign: Assign, name: str, depth: int) -> Any:
        """`settings.API_V1_STR` where `settings = Settings(…)`: the keyword given, else the class's
        literal default (`API_V1_STR: str = "/api/v1"`, through the class's bases in the integration)."""
        call = assign.value
        if not isinstance(call, Call) or not isinstance(call.func, Ref):
            return Unknown(f"`{assign.name}.{name}` is not a constant")
        if call.kwarg(name) is not None:
            return self.evaluate(call.kwarg(name), depth + 1)
        pending, seen = [call.func], 0
        while pending and seen < MAX_DEPTH:
            symbol, seen = self.symbols.lookup(pending.pop(0).name), seen + 1
            cls = symbol.definition if symbol is not None and not symbol.rest else None
            if isinstance(cls, ClassDef):
                member = cls.attr(name)
                if member is not None and member.has_value:
                    found = self.evaluate(member.value, depth + 1)
                    return found.arg(0, "default") if isinstance(found, Call) and _last(found) == "Field" else found
                pending.extend(b for b in cls.bases if isinstance(b, Ref))
        return Unknown(f"`{assign.name}.{name}` is not a constant")

    def _binop(self, value: BinOp, depth: int) -> Any:
        left = self.evaluate(value.left, depth + 1)
        right = self.evaluate(value.right, depth + 1)
        result = _safe_op(value.op, left, right)
        if result is None:
            return Unknown(f"`{value.op}` expression is not statically known")
        return self._str(result, depth) if isinstance(result, str) else result  # parts may make a token

    def _fstring(self, value: FString, depth: int) -> Any:
        """The f-string's text when every field is a string or a number (`str()` is what a field
        without a format spec gives them); else not statically known."""
        parts = [self.evaluate(part, depth + 1) for part in value.parts]
        if not all(isinstance(part, str | int | float) for part in parts):
            return Unknown("f-string with fields is not statically known", value.location or "")
        text = "".join(map(str, parts))
        if len(text) > MAX_SIZE:
            return Unknown("f-string is too long to document", value.location or "")
        return self._str(text, depth)

    def _list(self, value: ListV, depth: int) -> Any:
        return [self.evaluate(item, depth + 1) for item in value.items]

    def _dict(self, value: DictV, depth: int) -> Any:
        result: dict[Any, Any] = {}
        for key, item in value.items:
            resolved = self.evaluate(key, depth + 1)
            if isinstance(resolved, Unknown):
                return resolved
            result[resolved if _hashable(resolved) else repr(resolved)] = self.evaluate(item, depth + 1)
        return result

    def _call(self, value: Call, depth: int) -> Any:
        if isinstance(value.func, Ref) and value.func.name == "builtins.dict" and not value.args:
            return {k: self.evaluate(v, depth + 1) for k, v in value.kwargs if k != "**"}
        args = tuple(self.evaluate(a, depth + 1) for a in value.args)
        kwargs = tuple((k, self.evaluate(v, depth + 1)) for k, v in value.kwargs)
        constructor = _CONSTRUCTORS.get(value.func.name) if isinstance(value.func, Ref) else None
        if constructor is not None and len(args) == 1 and not kwargs:
            return constructor(args[0])
        if isinstance(value.func, Ref) and value.func.name in _EMPTY and not args and not kwargs:
            return []
        return Call(value.func, args, kwargs, value.location)

    def _str(self, value: str, depth: int) -> str:
        return mask_text(value) if self.masked else value

    def _opaque(self, value: Subscript | Attr | EllipsisV, depth: int) -> Any:
        return Unknown("expression is not statically known") if not isinstance(value, EllipsisV) else value


def _as_text(kinds: tuple[type, ...]) -> Callable[[Any], Any]:
    """A pure constructor whose JSON form is the text of its literal argument."""

    def build(arg: Any) -> Any:
        if isinstance(arg, kinds) and not isinstance(arg, bool):
            return str(arg)
        return Unknown("constructor argument is not a literal")

    return build


def _as_list(arg: Any) -> Any:
    return list(arg) if isinstance(arg, list | str) else Unknown("constructor argument is not a literal")


_CONSTRUCTORS: dict[str, Callable[[Any], Any]] = {
    "decimal.Decimal": _as_text((str, int)),
    "uuid.UUID": _as_text((str,)),
    "builtins.str": _as_text((str, int, float)),
    "builtins.list": _as_list,
    "builtins.tuple": _as_list,
    "builtins.frozenset": _as_list,
    "builtins.set": _as_list,
}


_EMPTY = frozenset({"builtins.list", "builtins.tuple", "builtins.set", "builtins.frozenset"})
"""Constructors whose call without arguments is an empty JSON array (`frozenset()`)."""


def _is_auto(value: Any) -> bool:
    return isinstance(value, Call) and isinstance(value.func, Ref) and value.func.last == "auto"


def auto_value(cls: ClassDef, name: str) -> Any:
    """The value `auto()` gives an Enum member: its lower-cased name in a `StrEnum`, else its
    1-based position among the members."""
    if any(isinstance(base, Ref) and base.last == "StrEnum" for base in cls.bases):
        return name.lower()
    members = [a.name for a in cls.attrs if not a.name.startswith("_")]
    return members.index(name) + 1 if name in members else Unknown("`auto()` outside the members")


def _hashable(value: Any) -> bool:
    try:
        hash(value)
    except TypeError:
        return False
    return True


_DISPATCH: dict[type, Callable[[Resolver, Any, int], Any]] = {
    str: Resolver._str,
    Ref: Resolver._ref,
    BinOp: Resolver._binop,
    FString: Resolver._fstring,
    ListV: Resolver._list,
    DictV: Resolver._dict,
    Call: Resolver._call,
    Subscript: Resolver._opaque,
    Attr: Resolver._opaque,
    EllipsisV: Resolver._opaque,
}


def to_json(value: Any) -> Any:
    """JSON data for an evaluated value, or `Unknown` when any part of it isn't static."""
    if value is None or isinstance(value, str | bool | int | float):
        return value
    if isinstance(value, list):
        items = [to_json(v) for v in value]
        bad = next((i for i in items if isinstance(i, Unknown)), None)
        return bad if bad is not None else items
    if isinstance(value, dict):
        pairs = {str(k): to_json(v) for k, v in value.items()}
        bad = next((v for v in pairs.values() if isinstance(v, Unknown)), None)
        return bad if bad is not None else pairs
    if isinstance(value, Unknown):
        return value
    if isinstance(value, bytes):
        return mask_text(value.decode("utf-8", "replace"))
    return Unknown("value is not a literal")
