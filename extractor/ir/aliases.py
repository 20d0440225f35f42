"""pydantic's alias generator helpers (`pydantic.alias_generators`), written once for every stage."""

from __future__ import annotations

import functools
import re
from collections.abc import Callable


@functools.lru_cache(maxsize=8192)
def to_pascal(snake: str) -> str:
    """snake_case → PascalCase, exactly as `pydantic.alias_generators.to_pascal`."""
    camel = snake.title()
    return re.sub("([0-9A-Za-z])_(?=[0-9A-Z])", lambda m: m.group(1), camel)


@functools.lru_cache(maxsize=8192)
def to_camel(snake: str) -> str:
    """snake_case → camelCase, exactly as `pydantic.alias_generators.to_camel`."""
    if re.match("^[a-z]+[A-Za-z0-9]*$", snake) and not re.search(r"\d[a-z]", snake):
        return snake
    camel = to_pascal(snake)
    return re.sub("(^_*[A-Z])", lambda m: m.group(1).lower(), camel)


@functools.lru_cache(maxsize=8192)
def to_snake(camel: str) -> str:
    """PascalCase / camelCase / kebab-case → snake_case, exactly as pydantic's `to_snake`."""
    snake = re.sub(r"([A-Z]+)([A-Z][a-z])", lambda m: f"{m.group(1)}_{m.group(2)}", camel)
    snake = re.sub(r"([a-z])([A-Z])", lambda m: f"{m.group(1)}_{m.group(2)}", snake)
    snake = re.sub(r"([0-9])([A-Z])", lambda m: f"{m.group(1)}_{m.group(2)}", snake)
    snake = re.sub(r"([a-z])([0-9])", lambda m: f"{m.group(1)}_{m.group(2)}", snake)
    return snake.replace("-", "_").lower()


ALIAS_GENERATORS: dict[str, Callable[[str], str]] = {
    "to_camel": to_camel,
    "to_pascal": to_pascal,
    "to_snake": to_snake,
}
"""The helpers of `pydantic.alias_generators` by name."""
