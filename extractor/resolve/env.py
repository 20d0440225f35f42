"""Environment variables: env reads and pydantic-settings fields, one row per variable."""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from ..diagnostics import Unknown
from ..gather.facts import EnvRead, ModuleFacts
from ..ir import ModelSpec
from ..secrets import mask_text
from .constants import Resolver, to_json
from .records import EnvVarRecord


@dataclass
class _Row:
    name: str
    required: bool = False
    defaults: dict[str, str] = field(default_factory=dict)
    description: str = ""
    locations: list[str] = field(default_factory=list)


class EnvCollector:
    """Merges every read of a variable into one row; the defaults of secret variables
    (declared keys and secret-like names, `extractor.secrets`) are masked here."""

    def __init__(self, resolver: Resolver, descriptions: dict[str, str]) -> None:
        self.resolver = resolver
        self.descriptions = descriptions
        """Descriptions of the declared credentials and secrets, by key."""
        self.rows: dict[str, _Row] = {}
        self.warnings: list[tuple[str, str]] = []

    def add_reads(self, modules: Iterable[ModuleFacts]) -> None:
        """Every `os.environ` / `os.getenv` read."""
        for module in modules:
            for read in module.env_reads:
                self._read(read)

    def _read(self, read: EnvRead) -> None:
        name = self.resolver.evaluate(read.name)
        if not isinstance(name, str):
            self.warnings.append((read.location, "environment variable name is not statically known"))
            return
        default = to_json(self.resolver.evaluate(read.default)) if read.has_default else None
        if read.has_default and isinstance(default, Unknown):
            self.warnings.append((read.location, f"default of `{name}` is not statically known"))
        self._add(name, read.required, default, read.comment, read.location)

    def add_settings(self, model: ModelSpec) -> None:
        """Fields of a `BaseSettings` subclass, named by env_prefix + field name or alias, described
        by `Field(description=…)` (or a docstring), else by the comment on or above the field."""
        for spec in model.fields:
            if spec.kind != "field":
                continue
            name = spec.validation_alias or spec.alias or model.config.env_prefix + spec.python_name
            default = spec.default if spec.has_default and not spec.default_factory else None
            text = spec.description or spec.comment  # the conventions: a comment when nothing else
            self._add(name.upper(), not spec.has_default, default, text, spec.location)

    def _add(self, name: str, required: bool, default: Any, text: str | None, location: str) -> None:
        """One read; `default` is None when there is none (or it isn't static)."""
        row = self.rows.setdefault(name, _Row(name))
        row.required = row.required or required
        if default is not None and not isinstance(default, Unknown):
            row.defaults[location] = default if isinstance(default, str) else _json_text(default)
        if text and not row.description:
            row.description = " ".join(text.split())
        if location not in row.locations:
            row.locations.append(location)

    def env_vars(self) -> list[EnvVarRecord]:
        """The rows sorted by name; conflicting defaults are warned about, the first one kept."""
        result = []
        secrets = self.resolver.secrets
        for name in sorted(self.rows):
            row = self.rows[name]
            secret = secrets.is_secret(name)
            values = [secrets.named(value, name) for value in dict.fromkeys(row.defaults.values())]
            if len(values) > 1:
                shown = "" if secret else ": " + ", ".join(repr(v) for v in values)
                self.warnings.append((next(iter(row.defaults)), f"`{name}` is read with different defaults{shown}; "
                                      "the first one is documented"))
            description = row.description or self.descriptions.get(name, "")
            default = values[0] if values else None
            result.append(EnvVarRecord(name=mask_text(name), required=row.required, default=default,
                                       description=description, secret=secret, locations=row.locations))
        return result


def _json_text(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False)
