"""What the restricted string evaluator (`string_eval`) allows, and what it reads."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

MAX_STEPS = 20_000
MAX_TEXT = 10_000
STR_METHODS = frozenset({
    "lower", "upper", "title", "capitalize", "casefold", "swapcase", "strip", "lstrip", "rstrip",
    "replace", "split", "rsplit", "join", "startswith", "endswith", "removeprefix", "removesuffix",
    "isupper", "islower", "isdigit", "isalpha", "isalnum", "partition", "rpartition", "zfill",
    "center", "ljust", "rjust", "count", "find", "index",
})
BUILTINS: dict[str, Callable[..., Any]] = {
    "len": len, "str": str, "enumerate": lambda it, start=0: list(enumerate(it, start)),
    "reversed": lambda it: list(reversed(it)), "list": list, "tuple": tuple, "range": lambda *a: list(range(*a)),
    "sorted": sorted, "any": any, "all": all, "min": min, "max": max, "bool": bool, "int": int,
}
REGEX: dict[str, Callable[..., Any]] = {"sub": re.sub, "split": re.split}
"""`re.sub` / `re.split` with literal patterns, and replacements that are strings or
lambdas of this subset."""
MATCH_METHODS = frozenset({"group", "start", "end"})


class UnreadableError(Exception):
    """The function uses something the restricted evaluator doesn't interpret."""


@dataclass
class Source:
    """A function of the subset: parameter names, body (statements, or one expression), and how
    its module's names resolve (`qualify`) and which module functions it may call (`functions`)."""

    params: tuple[str, ...]
    body: str
    is_expression: bool
    qualify: Callable[[str], str]
    functions: Callable[[str], Source | None] = field(default=lambda name: None)
