"""Names on the wire and in TypeScript: pydantic's alias generators, wire keys, interface names."""

from __future__ import annotations

import json
import re

from ..ir import FieldSpec, Mode, ModelConfig
from ..ir.aliases import ALIAS_GENERATORS, to_camel, to_pascal, to_snake

_TS_IDENTIFIER = re.compile(r"[A-Za-z_$][A-Za-z0-9_$]*")


def wire_name(spec: FieldSpec, config: ModelConfig, mode: Mode) -> str:
    """The key pydantic's JSON Schema uses for a field in `mode` (by_alias, as the wire).

    An explicit alias of the mode wins over `alias`, which wins over the alias generator;
    with `populate_by_name` the Python name is accepted too, but the alias is documented.
    The resolver applies the model's generator to each field (`generated_aliases`); a
    config's named helper is the fallback for configs built by hand.
    """
    specific = spec.validation_alias if mode == "validation" else spec.serialization_alias
    if specific is not None:
        return specific
    if spec.alias is not None:
        return spec.alias
    if spec.generated_aliases is not None:
        return spec.generated_aliases[0 if mode == "validation" else 1]
    generator = ALIAS_GENERATORS.get(config.alias_generator or "")
    return generator(spec.python_name) if generator else spec.python_name


def ts_key(name: str) -> str:
    """A property key for a TypeScript interface: bare when it is an identifier, else quoted."""
    return name if _TS_IDENTIFIER.fullmatch(name) else json.dumps(name, ensure_ascii=False)


def qualified_pascal(key: str) -> str:
    """`pkg.models.Item` → `PkgModelsItem`: a module-qualified name to tell models apart."""
    return "".join(to_pascal(part) if "_" in part or part.islower() else part
                   for part in key.split(".") if part)


__all__ = ["ALIAS_GENERATORS", "qualified_pascal", "to_camel", "to_pascal", "to_snake", "ts_key", "wire_name"]
