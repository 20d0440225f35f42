"""Values kept inside a field's constraints: bounds, `multiple_of`, lengths, a `pattern`."""

from __future__ import annotations

import functools
import math
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


@functools.lru_cache(maxsize=4096)
def pattern_example(pattern: str, low: int, high: int | None) -> str | None:
    """The shortest string of 32 seeded tries the regex `pattern` matches within the length
    bounds (deterministic), or None. Kept per process: a pattern (a shared `Annotated` alias)
    recurs in every model that uses it, and the tries are the slow part of an example."""
    import random
    import re

    import rstr

    try:
        compiled = re.compile(pattern)
    except re.error:
        return None
    found: list[str] = []
    for seed in range(32):
        try:
            text = rstr.Rstr(random.Random(seed)).xeger(pattern)
        except (re.error, ValueError, IndexError, OverflowError):
            return None
        if compiled.search(text) and len(text) >= low and (high is None or len(text) <= high):
            found.append(text)
    return min(found, key=len) if found else None


def limit(constraints: dict[str, Any], name: str) -> int | None:
    value = constraints.get(name)
    return value if isinstance(value, int) and not isinstance(value, bool) else None
