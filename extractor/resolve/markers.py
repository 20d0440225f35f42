"""Facts read off a call's shape: `annotated_types` markers' constraints, and which module-level
assignments declare a named type (`TypeAliasType`, `NamedTuple`)."""

from __future__ import annotations

from ..gather.expressions import Call, Ref, Value
from ..gather.facts import Assign

MARKERS = {"Gt": "gt", "Ge": "ge", "Lt": "lt", "Le": "le", "MultipleOf": "multiple_of",
           "MinLen": "min_length", "MaxLen": "max_length"}
"""`annotated_types` markers of one bound, by the constraint they set."""


def marker_constraints(call: Call) -> list[tuple[str, Value]]:
    """The constraints an `annotated_types` marker sets: `Ge(0)`, `Len(1, 5)`,
    `Interval(gt=0, le=9)` (nothing for another call)."""
    name = call.func.last if isinstance(call.func, Ref) else ""
    if name in MARKERS and call.args:
        return [(MARKERS[name], call.args[0])]
    if name == "Len":
        bounds = [("min_length", call.arg(0, "min_length")), ("max_length", call.arg(1, "max_length"))]
        return [(key, value) for key, value in bounds if value is not None]
    if name == "Interval":
        return [(key, value) for key, value in call.kwargs if key in {"gt", "ge", "lt", "le"}]
    return []


ALIAS_CALLS = frozenset({"TypeAliasType"})
NAMED_TUPLE_CALLS = frozenset({"NamedTuple", "namedtuple"})


def declared_kind(assign: Assign) -> str | None:
    """"alias" for `X = TypeAliasType(...)` (and `type X = …`), "namedtuple" for
    `P = NamedTuple("P", [...])`: module-level types the registry holds by name."""
    value = assign.value
    if not (isinstance(value, Call) and isinstance(value.func, Ref)):
        return None
    if value.func.last in ALIAS_CALLS:
        return "alias"
    return "namedtuple" if value.func.last in NAMED_TUPLE_CALLS else None
