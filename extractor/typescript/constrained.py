"""Values kept inside a field's constraints: bounds, `multiple_of`, lengths, a `pattern`."""

from __future__ import annotations

import functools
import math
import re
from typing import Any


def constrained_number(base: float, c: dict[str, Any]) -> float:
    """`base` moved inside `ge`/`gt`/`le`/`lt` bounds and onto a `multiple_of` step
    (integers stay integers)."""
    value = _bounded(base, c)
    step = c.get("multiple_of")
    if isinstance(step, int | float) and not isinstance(step, bool) and step > 0:
        value = _on_step(value, step, c)
    return value


def _on_step(value: float, step: float, c: dict[str, Any]) -> float:
    """The multiple of `step` nearest `value` upwards that stays inside the bounds."""
    candidate = math.ceil(value / step) * step
    if not _inside(candidate, c):
        candidate = math.floor(value / step) * step
    result = round(candidate, 10)
    return int(result) if isinstance(value, int) and float(result).is_integer() else result


def _inside(value: float, c: dict[str, Any]) -> bool:
    checks = {"ge": value >= c.get("ge", value), "gt": value > c.get("gt", value - 1),
              "le": value <= c.get("le", value), "lt": value < c.get("lt", value + 1)}
    return all(ok for name, ok in checks.items() if isinstance(c.get(name), int | float))


def _bounded(base: float, c: dict[str, Any]) -> float:
    """`base` moved inside `ge`/`gt`/`le`/`lt` bounds (integers stay integers)."""
    integer = isinstance(base, int)
    step = 1 if integer else 0.5
    bounds = {k: v for k, v in c.items()
              if k in ("ge", "gt", "le", "lt") and isinstance(v, int | float)}
    low = bounds["ge"] if "ge" in bounds else bounds["gt"] + step if "gt" in bounds else None
    high = bounds["le"] if "le" in bounds else bounds["lt"] - step if "lt" in bounds else None
    value = base
    if low is not None and high is not None and low > high:  # tight exclusive bounds
        value = (bounds.get("ge", bounds.get("gt", 0)) + bounds.get("le", bounds.get("lt", 0))) / 2
    elif low is not None and value < low:
        value = low
    elif high is not None and value > high:
        value = high
    return math.ceil(value) if integer else value


def constrained_string(base: str, c: dict[str, Any]) -> str:
    """`base` repeated up to `min_length`, cut down to `max_length`; a pattern is matched."""
    if not base:
        base = "x"
    pattern = c.get("pattern")
    if isinstance(pattern, str):
        matched = pattern_example(pattern, limit(c, "min_length") or 0, limit(c, "max_length"))
        if matched is not None:
            return matched
    text = base
    low = limit(c, "min_length") or 0
    if len(text) < low:
        text = (base * (low // len(base) + 1))[:low]
    high = limit(c, "max_length")
    return text[:high] if high is not None else text


MAX_EXAMPLE_SIZE = 1_000
"""The longest string, list or pattern match an example is built with (`min_length=300_000_000`
would fill the page and the memory): a constraint that asks for more gets no value built."""


@functools.lru_cache(maxsize=4096)
def pattern_example(pattern: str, low: int, high: int | None) -> str | None:
    """The shortest string of 32 seeded tries the regex `pattern` matches within the length
    bounds (deterministic), or None. Bounded work: a pattern whose matches are longer than
    `MAX_EXAMPLE_SIZE` is not expanded, and a try is checked with RE2 (linear time: a crafted
    pattern cannot backtrack for ever); a pattern RE2 can't read gives None. Kept per process:
    a pattern (a shared `Annotated` alias) recurs in every model that uses it."""
    import random

    import rstr

    compiled = _linear(pattern)
    if compiled is None or not _bounded_width(pattern):
        return None
    found: list[str] = []
    for seed in range(32):
        try:
            text = rstr.Rstr(random.Random(seed)).xeger(pattern)
        except (re.error, ValueError, IndexError, OverflowError, RecursionError):
            return None
        if len(text) <= MAX_EXAMPLE_SIZE and compiled.search(text) and len(text) >= low \
                and (high is None or len(text) <= high):
            found.append(text)
    return min(found, key=len) if found else None


def _linear(pattern: str) -> Any:
    """The pattern compiled by RE2 (no backtracking), or None when RE2 can't read it."""
    import re2  # type: ignore[import-untyped]

    options = re2.Options()
    options.log_errors = False
    try:
        return re2.compile(pattern, options)
    except re2.error:
        return None


def _bounded_width(pattern: str) -> bool:
    """Whether the pattern's matches fit in `MAX_EXAMPLE_SIZE` (an unbounded `*`/`+` is drawn
    short by the generator; a fixed `{1000}{1000}` is not)."""
    parser = _regex_parser()
    try:
        low, high = parser.parse(pattern).getwidth()
    except (re.error, RecursionError, OverflowError):
        return False
    unbounded = int(getattr(parser, "MAXWIDTH", 1 << 64))
    return bool(low <= MAX_EXAMPLE_SIZE and (high <= MAX_EXAMPLE_SIZE or high >= unbounded))


def _regex_parser() -> Any:
    """The standard library's regex parser (`re._parser` from 3.11, `sre_parse` before)."""
    try:
        from re import _parser
    except ImportError:  # Python 3.10
        import sre_parse as _parser
    return _parser


def limit(constraints: dict[str, Any], name: str) -> int | None:
    value = constraints.get(name)
    return value if isinstance(value, int) and not isinstance(value, bool) else None
