"""Names on the wire and in TypeScript: pydantic's alias generators, wire keys, interface names."""

from __future__ import annotations

import functools
import json
import re
from collections.abc import Callable

from ..ir import FieldSpec, Mode, ModelConfig

_TS_IDENTIFIER = re.compile(r"[A-Za-z_$][A-Za-z0-9_$]*")


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


def wire_name(spec: FieldSpec, config: ModelConfig, mode: Mode) -> str:
    """The key pydantic's JSON Schema uses for a field in `mode` (by_alias, as the wire).

    An explicit alias of the mode wins over `alias`, which wins over the alias generator;
    with `populate_by_name` the Python name is accepted too, but the alias is documented.
    """
    specific = spec.validation_alias if mode == "validation" else spec.serialization_alias
    if specific is not None:
        return specific
    if spec.alias is not None:
        return spec.alias
    generator = ALIAS_GENERATORS.get(config.alias_generator or "")
    return generator(spec.python_name) if generator else spec.python_name


def ts_key(name: str) -> str:
    """A property key for a TypeScript interface: bare when it is an identifier, else quoted."""
    return name if _TS_IDENTIFIER.fullmatch(name) else json.dumps(name, ensure_ascii=False)


def qualified_pascal(key: str) -> str:
    """`pkg.models.Item` → `PkgModelsItem`: a module-qualified name to tell models apart."""
    return "".join(to_pascal(part) if "_" in part or part.islower() else part
                   for part in key.split(".") if part)
