"""Configuration: `[tool.extract-docs]` of the nearest pyproject.toml, merged with CLI values.

Precedence: built-in defaults < the config file < command-line values. Relative paths in
the file are relative to the file's folder, on the command line to the current folder.
"""

from __future__ import annotations

import dataclasses
import re
import string
import sys
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, PrivateAttr, ValidationError, field_validator

from ..conventions import Conventions
from ..errors import ConfigError
from .lint import LintRule

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib

TABLE = "extract-docs"
PATTERN_FIELDS = frozenset({"slug", "path"})
NAME_FIELDS: tuple[str, ...] = tuple(f.name for f in dataclasses.fields(Conventions))
"""Config keys that add recognised names to the `Conventions` field of the same name."""

_PYTHON_NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")


def _kebab(name: str) -> str:
    return name.replace("_", "-")


def check_pattern(pattern: str) -> str:
    """Validate an output pattern: relative, no `..`, placeholders `{slug}` and `{path}` only."""
    try:
        fields = {name for _, name, _, _ in string.Formatter().parse(pattern) if name is not None}
    except ValueError as exc:
        raise ValueError(f"malformed output pattern {pattern!r}: {exc}") from None
    unknown = fields - PATTERN_FIELDS
    if unknown:
        raise ValueError(f"unknown placeholder(s) {sorted(unknown)}; use {{slug}} or {{path}}")
    parts = pattern.replace("\\", "/").split("/")
    if pattern.startswith(("/", "\\")) or re.match(r"^[A-Za-z]:", pattern) or ".." in parts:
        raise ValueError(f"output pattern {pattern!r} must be relative and without '..'")
    if not pattern.strip() or pattern.endswith(("/", "\\")):
        raise ValueError(f"output pattern {pattern!r} must name a file")
    return pattern


def _check_url(url: str) -> str:
    if not re.match(r"^https?://[^\s/]+", url):
        raise ValueError(f"webhook base URL must start with http:// or https://, got {url!r}")
    return url.rstrip("/")


def _check_names(names: list[str]) -> list[str]:
    bad = [name for name in names if not _PYTHON_NAME.match(name)]
    if bad:
        raise ValueError(f"not Python identifiers: {', '.join(map(repr, bad))}")
    return names


OutputPattern = Annotated[str, AfterValidator(check_pattern)]
"""An `output` pattern (`check_pattern`), in the table and in an override."""
WebhookUrl = Annotated[str, AfterValidator(_check_url)]
"""A webhook base URL: http(s), without its trailing slash."""
PythonNames = Annotated[list[str], AfterValidator(_check_names)]
"""Recognised names added by the config: Python identifiers."""

_TABLE_RULES = ConfigDict(extra="forbid", alias_generator=_kebab, populate_by_name=True)
"""Both tables: unknown keys are errors; keys may be written in kebab-case."""


class Link(BaseModel):
    """One entry of `links`: a page every integration's Следующие шаги points to."""

    model_config = _TABLE_RULES

    title: str = Field(min_length=1, description="The link text")
    url: str = Field(description="http(s) URL, or a path of the site starting with `/`")

    @field_validator("url")
    @classmethod
    def _url(cls, value: str) -> str:
        if not re.match(r"^(?:https?://[^\s]+|/[^\s]*)$", value):
            raise ValueError(f"link URL must start with http://, https:// or /, got {value!r}")
        return value


class Override(BaseModel):
    """`[tool.extract-docs.overrides.<slug>]`: settings for one integration."""

    model_config = _TABLE_RULES

    name: str | None = Field(default=None, description="The integration's displayed name")
    webhook_base_url: WebhookUrl | None = None
    output: OutputPattern | None = Field(default=None, description="Output pattern for this integration")
    template: Path | None = None
    sidebar_order: int | None = Field(
        default=None, description="`order:` of the front matter (with front_matter = true)"
    )


@dataclass(frozen=True)
class IntegrationSettings:
    """One integration's effective settings: the table's, with the integration's override applied."""

    name: str | None
    """The displayed name, when the override sets one (else the integration's own)."""
    output: str | None
    """The output pattern (none: the command line decides)."""
    template: Path | None
    webhook_base_url: str | None
    sidebar_order: int | None
    front_matter: bool
    sort: Literal["source", "name"]
    links: tuple[tuple[str, str], ...] = ()
    """Site-wide links of Следующие шаги, as (title, URL) pairs."""


class Config(BaseModel):
    """The `[tool.extract-docs]` table; also the effective configuration after merging."""

    model_config = _TABLE_RULES

    paths: list[Path] = Field(default_factory=list, description="PATHs when none are given")
    output: OutputPattern | None = Field(default=None, description="Output file pattern; none: stdout")
    ignore: list[str] = Field(default_factory=list, description="Globs discovery skips")
    format: Literal["markdown", "json", "openapi"] = "markdown"
    webhook_base_url: WebhookUrl | None = None
    template: Path | None = Field(default=None, description="Folder of template overrides")
    sort: Literal["source", "name"] = "source"
    strict: bool = False
    annotations: Literal["none", "github"] = "none"
    front_matter: bool = Field(
        default=False, description="Start Markdown documents with YAML front matter for a docs site"
    )
    lint_ignore: list[LintRule] = Field(
        default_factory=list, description="Lint rules --strict does not apply"
    )
    links: list[Link] = Field(
        default_factory=list, description="Links every page lists under Следующие шаги (site-wide)"
    )
    integration_classes: PythonNames = Field(default_factory=list)
    handler_decorators: PythonNames = Field(default_factory=list)
    event_decorators: PythonNames = Field(default_factory=list)
    method_shorthands: PythonNames = Field(default_factory=list)
    credential_classes: PythonNames = Field(default_factory=list)
    secret_classes: PythonNames = Field(default_factory=list)
    error_bases: PythonNames = Field(default_factory=list)
    secret_name_suffixes: list[str] = Field(default_factory=list)
    overrides: dict[str, Override] = Field(default_factory=dict)

    _root: Path = PrivateAttr(default_factory=Path.cwd)
    _file: Path | None = PrivateAttr(default=None)

    @property
    def root(self) -> Path:
        """The project root: the config file's folder, else the current folder."""
        return self._root

    @property
    def file(self) -> Path | None:
        """The config file read, if any."""
        return self._file

    def conventions(self) -> Conventions:
        """The recognised names: the defaults plus this config's additions (no duplicates)."""
        defaults = Conventions()
        merged = {
            key: tuple(dict.fromkeys((*getattr(defaults, key), *getattr(self, key))))
            for key in NAME_FIELDS
        }
        return Conventions(**merged)

    def settings_for(self, slug: str) -> IntegrationSettings:
        """The effective settings of integration `slug`: its override wins over the table."""
        own = self.overrides.get(slug, Override())
        return IntegrationSettings(
            name=own.name,
            output=own.output or self.output,
            template=own.template or self.template,
            webhook_base_url=own.webhook_base_url or self.webhook_base_url,
            sidebar_order=own.sidebar_order,
            front_matter=self.front_matter,
            sort=self.sort,
            links=tuple((link.title, link.url) for link in self.links),
        )


def find_config_file(cwd: Path) -> Path | None:
    """The nearest pyproject.toml with a `[tool.extract-docs]` table, from `cwd` upward."""
    for folder in (cwd, *cwd.parents):
        candidate = folder / "pyproject.toml"
        if candidate.is_file() and TABLE in _load_toml(candidate).get("tool", {}):
            return candidate
    return None


def _load_toml(path: Path) -> dict[str, Any]:
    try:
        with path.open("rb") as handle:
            return tomllib.load(handle)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"invalid TOML: {exc}", str(path)) from None
    except OSError as exc:
        raise ConfigError(f"can't read config: {exc.strerror}", str(path)) from None


def read_table(path: Path) -> dict[str, Any]:
    """The extract-docs table of a config file: `[tool.extract-docs]`, else (not a
    pyproject.toml) the whole file."""
    if not path.is_file():
        raise ConfigError("config file not found", str(path))
    data = _load_toml(path)
    tool = data.get("tool", {})
    if isinstance(tool, dict) and TABLE in tool:
        table = tool[TABLE]
        if not isinstance(table, dict):
            raise ConfigError(f"[tool.{TABLE}] must be a table", str(path))
        return table
    return {} if path.name == "pyproject.toml" else data


def source_label(path: Path) -> str:
    """How `sources` names a config file: `pyproject.toml:<path>`."""
    return f"{path.name}:{path}"


def _validate(values: Mapping[str, Any], where: str, path: Path | None) -> Config:
    try:
        return Config.model_validate(dict(values))
    except ValidationError as exc:
        raise _config_error(exc, where, path) from None


def _config_error(exc: ValidationError, where: str, path: Path | None) -> ConfigError:
    unknown: list[str] = []
    problems: list[str] = []
    for error in exc.errors():
        key = ".".join(str(part) for part in error["loc"])
        if error["type"] == "extra_forbidden":
            unknown.append(key)
        else:
            problems.append(f"{key}: {error['msg'].removeprefix('Value error, ')}")
    if unknown:
        problems.insert(0, f"unknown key(s) {', '.join(unknown)}")
    first = unknown[0] if unknown else ".".join(str(part) for part in exc.errors()[0]["loc"])
    location = _key_location(path, first) if path else None
    return ConfigError(f"{where}: {'; '.join(problems)}", location)


def _key_location(path: Path, dotted: str) -> str:
    """`path:line` of the line that sets `dotted`'s last key, else just the path."""
    key = [part for part in dotted.split(".") if not part.isdigit()][-1]  # `ignore.0` → `ignore`
    pattern = re.compile(rf"^\s*(?:\"?{re.escape(key)}\"?|{re.escape(_kebab(key))})\s*=")
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError:
        return str(path)
    for number, line in enumerate(lines, start=1):
        if pattern.match(line):
            return f"{path}:{number}"
    return str(path)


def _absolute(config: Config, base: Path) -> None:
    """Make the config's relative paths absolute against `base` (in place)."""
    config.paths = [base / path for path in config.paths]
    if config.template is not None:
        config.template = base / config.template
    for override in config.overrides.values():
        if override.template is not None:
            override.template = base / override.template


def effective_config(
    cli_values: Mapping[str, Any],
    cwd: Path,
    *,
    config_file: Path | None = None,
) -> tuple[Config, dict[str, str]]:
    """The merged configuration and, per key, where its value came from.

    `cli_values` holds config keys given on the command line (a None value means "not
    given"). Sources are `"default"`, `"pyproject.toml:<path>"` or `"cli"`.
    """
    path = (cwd / config_file) if config_file else find_config_file(cwd)
    root = path.parent if path else cwd
    from_file = Config()
    if path is not None:
        from_file = _validate(read_table(path), f"[tool.{TABLE}]", path)
        _absolute(from_file, path.parent)
    given = {key: value for key, value in cli_values.items() if value is not None}
    from_cli = _validate(given, "command line", None)
    _absolute(from_cli, cwd)
    merged: dict[str, Any] = {}
    sources = dict.fromkeys(Config.model_fields, "default")
    for layer, label, keys in (
        (from_file, source_label(path) if path else "", from_file.model_fields_set),
        (from_cli, "cli", set(given)),
    ):
        for key in keys:
            merged[key] = getattr(layer, key)
            sources[key] = label
    config = Config()
    for key, value in merged.items():
        setattr(config, key, value)
    config._root, config._file = root, path
    return config, sources
