"""Text of the `schema` and `config` sub-commands."""

from __future__ import annotations

import json
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from ..app.config import NAME_FIELDS, Config, effective_config
from ..model import Integration

JSON_SCHEMA_DIALECT = "https://json-schema.org/draft/2020-12/schema"
SHAPE_NOTE = (
    "extract-docs --format json prints one Integration object for one integration, and an "
    "array of them, ordered by slug, for a folder of integrations or several PATHs "
    "(`extract-docs schema --many` gives that array's schema)."
)


def schema_dict(*, many: bool = False) -> dict[str, Any]:
    """The JSON Schema of the JSON output: one `Integration`, or (`many`) a list of them."""
    schema: dict[str, Any] = Integration.model_json_schema(by_alias=True, mode="serialization")
    if many:
        definitions = schema.pop("$defs", {})
        definitions["Integration"] = schema
        schema = {
            "title": "Integrations",
            "type": "array",
            "items": {"$ref": "#/$defs/Integration"},
            "$defs": definitions,
        }
    return {"$schema": JSON_SCHEMA_DIALECT, "$comment": SHAPE_NOTE, **schema}


def schema_text(*, many: bool = False) -> str:
    """`schema_dict` as indented JSON."""
    return json.dumps(schema_dict(many=many), ensure_ascii=False, indent=2) + "\n"


def _effective_values(config: Config) -> dict[str, Any]:
    values: dict[str, Any] = config.model_dump(mode="json", exclude_none=False)
    conventions = config.conventions()
    for key in NAME_FIELDS:
        values[key] = list(getattr(conventions, key))
    values["overrides"] = {
        slug: override.model_dump(mode="json", exclude_none=True)
        for slug, override in config.overrides.items()
    }
    return values


def config_text(
    cli_values: Mapping[str, Any], cwd: Path, *, config_file: Path | None, as_json: bool
) -> str:
    """The effective configuration with the source of each value, as TOML-like lines or JSON.

    Recognised-name lists are shown in full (defaults plus additions).
    """
    config, sources = effective_config(cli_values, cwd, config_file=config_file)
    values = _effective_values(config)
    if as_json:
        data = {
            "config_file": str(config.file) if config.file else None,
            "root": str(config.root),
            "values": values,
            "sources": sources,
        }
        return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    head = f"# config file: {config.file}" if config.file else "# config file: none found"
    lines = [head, f"# project root: {config.root}"]
    width = max(len(key) for key in values)
    for key, value in values.items():
        shown = json.dumps(value, ensure_ascii=False)
        lines.append(f"{key.ljust(width)} = {shown}  # {sources.get(key, 'default')}")
    return "\n".join(lines) + "\n"
