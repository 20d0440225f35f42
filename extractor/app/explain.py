"""`extract-docs explain`: for each integration, every fact of its document and where it was read.

The facts are the doc model's (the same run as `--format json`, with the configuration's
overrides), grouped by the template's sections, each with the `path:line` it came from
(relative to the integration's folder): the model's own positions, the declaration for what
`Integration(...)` says, the describing docstring, the changelog's heading lines. Values are
shown as the document shows them, and passed once more through the integration's secret policy.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final, Literal, get_args

from ..diagnostics import Diagnostic
from ..discover import IntegrationRoot, find_integrations
from ..errors import ConfigError, ExtractDocsError
from ..model import DocModel, DocWarning, Handler, Integration
from .config import Config
from .ordering import arrange

if TYPE_CHECKING:
    from ..pipeline import Extraction

Section = Literal[
    "integration", "credentials", "secrets", "default args", "handlers", "models", "env vars",
    "events", "errors", "changelog",
]
SECTIONS: Final[tuple[Section, ...]] = get_args(Section)
"""The sections in the order of the template."""


@dataclass(frozen=True)
class Fact:
    """One fact of the document: its section, what it is, its value as shown, where it was read."""

    section: Section
    fact: str
    value: str
    locations: tuple[str, ...] = ()
    """`path:line`, relative to the integration's folder; empty when no file says it."""


@dataclass(frozen=True)
class Explanation:
    """One integration: its facts in template order, its warnings, or the error that stopped it."""

    root: IntegrationRoot
    name: str
    facts: list[Fact] = field(default_factory=list)
    warnings: list[DocWarning] = field(default_factory=list)
    error: Diagnostic | None = None

    def as_json(self) -> dict[str, Any]:
        """The explanation as JSON-able data (locations relative to `folder`)."""
        return {
            "integration": self.name, "slug": self.root.slug, "folder": str(self.root.folder),
            "facts": [{"section": f.section, "fact": f.fact, "value": f.value, "locations": list(f.locations)}
                      for f in self.facts],
            "warnings": [warning.model_dump() for warning in self.warnings],
            "error": None if self.error is None else {"location": self.error.location, "message": self.error.message},
        }


def explain(config: Config) -> list[Explanation]:
    """Every integration under `config.paths`, explained. `ConfigError` without paths,
    `InputError` for a path that holds no integration; an integration that can't be read
    is an `Explanation` with its error."""
    if not config.paths:
        raise ConfigError("no PATH given, and no `paths` in [tool.extract-docs]")
    roots = find_integrations(config.paths, ignore=config.ignore, conventions=config.conventions())
    return [_explain_one(root, config) for root in roots]


def _explain_one(root: IntegrationRoot, config: Config) -> Explanation:
    from ..pipeline import extract_all  # libcst: only when a document is made

    try:
        extraction = extract_all(root, config.conventions())
    except ExtractDocsError as exc:
        return Explanation(root, root.slug, error=Diagnostic(exc.location or str(root.path), exc.message))
    settings = config.settings_for(root.slug)
    doc = arrange(extraction.integration, settings.sort)
    sources = _Sources(root, extraction, config.file if settings.name else None)
    if settings.name:
        doc = doc.model_copy(update={"name": settings.name})
    facts = [_masked(fact, extraction.resolved.policy.text) for fact in sources.facts(doc)]
    return Explanation(root, doc.name, facts, list(doc.warnings))


def _masked(fact: Fact, mask: Callable[[str], str]) -> Fact:
    return Fact(fact.section, fact.fact, mask(fact.value), fact.locations)


def shown(value: Any) -> str:
    """A value on one line: text as it is, anything else as JSON."""
    text = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)
    return " ".join(text.split())


def _at(location: str | None) -> tuple[str, ...]:
    return (location,) if location else ()


class _Sources:
    """Where the facts of one doc model come from."""

    def __init__(self, root: IntegrationRoot, extraction: Extraction, config_file: Path | None) -> None:
        self.root = root
        self.extraction = extraction
        declaration = extraction.resolved.declaration
        self.declaration: tuple[str, ...] = _at(declaration.location if declaration else None)
        self.declared: dict[str, Any] = declaration.values if declaration else {}
        self.docstring = _at(self._docstring_location())
        self.config_file = config_file

    def _docstring_location(self) -> str | None:
        """The module (its first line) or class whose docstring describes the integration."""
        resolved = self.extraction.resolved
        if not resolved.docstring:
            return None
        declaration = resolved.declaration
        if declaration is not None and declaration.cls is not None:
            cls = declaration.cls.cls
            if cls.docstring == resolved.docstring != declaration.module.docstring:
                return cls.location
        modules = [m for m in self.extraction.modules if m.docstring == resolved.docstring]
        if declaration is not None and declaration.module in modules:
            return f"{declaration.module.rel}:1"
        return f"{modules[0].rel}:1" if modules else None

    def facts(self, doc: Integration) -> list[Fact]:
        """Every fact of `doc`, in the order of the template's sections."""
        found = [*self._integration(doc), *self._keys(doc), *self._models(doc), *self._changelog(doc)]
        found += [Fact("default args", key, shown(value), self.declaration) for key, value in doc.default_args.items()]
        for handler in doc.handlers:
            found += self._handler(handler, doc.default_args)
        found += [Fact("env vars", e.name, _env_value(e.required, e.default), tuple(e.locations)) for e in doc.env_vars]
        found += [Fact("events", e.name, f"{e.function}()" if e.function else "", _at(e.location)) for e in doc.events]
        found += [Fact("errors", e.code, e.class_name, _at(e.location)) for e in doc.errors]
        return sorted(found, key=lambda fact: SECTIONS.index(fact.section))

    def _keys(self, doc: Integration) -> Iterator[Fact]:
        """The credentials and the secrets."""
        yield from (Fact("credentials", c.key, c.description, _at(c.location)) for c in doc.credentials)
        for item in doc.secrets:
            described = item.description + (f" ({item.format})" if item.format else "")
            yield Fact("secrets", item.key, described, _at(item.location))

    def _integration(self, doc: Integration) -> Iterator[Fact]:
        name_from = _at(str(self.config_file)) if self.config_file else self._declared("name", ())
        yield Fact("integration", "name", doc.name, name_from)  # none: the folder's or module's name
        yield Fact("integration", "description", doc.description, self._declared("description", self.docstring))
        if doc.version:
            yield Fact("integration", "version", doc.version, self._declared("version", ()))
        by_description = {h.description: _at(h.location) for h in doc.handlers}
        for item in doc.capabilities:
            yield Fact("integration", "capability", item, by_description.get(item) or self.docstring)
        yield from (Fact("integration", "requirement", item, self.docstring) for item in doc.requirements)

    def _declared(self, key: str, otherwise: tuple[str, ...]) -> tuple[str, ...]:
        return self.declaration if key in self.declared else otherwise

    def _handler(self, handler: Handler, inherited: dict[str, Any]) -> Iterator[Fact]:
        """The handler, its parameters, and the default args it sets itself (the others are the integration's)."""
        where = _at(handler.location)
        route = " ".join(part for part in (handler.method, handler.path) if part)
        yield Fact("handlers", handler.name, f"{route} → {handler.function}()", where)
        for parameter in handler.parameters:
            yield Fact("handlers", f"{handler.name}: {parameter.in_} {parameter.name}", parameter.ts_type, where)
        for key, value in handler.default_args.items():
            if key in inherited and inherited[key] == value:
                continue
            yield Fact("default args", f"{handler.name}: {key}", shown(value), where)

    def _models(self, doc: Integration) -> Iterator[Fact]:
        seen: set[tuple[str, str]] = set()
        for owner, model in _models_of(doc):
            if (model.interface, model.mode) in seen:
                continue
            seen.add((model.interface, model.mode))
            yield Fact("models", model.interface, f"{model.model} ({owner})", _at(model.location))
            for item in model.fields:
                value = item.ts_type + ("" if item.required else ", optional")
                if item.default is not None:
                    value += f", default {shown(item.default)}"
                yield Fact("models", f"{model.interface}.{item.name}", value, _at(item.location))

    def _changelog(self, doc: Integration) -> Iterator[Fact]:
        changelog = self.root.changelog
        lines = {release.version: release.line for release in self.extraction.releases}
        for entry in doc.changelog:
            line = lines.get(entry.version)
            where = _at(f"{changelog.relative_to(self.root.folder).as_posix()}:{line}") if changelog and line else ()
            changes = "; ".join(f"{c.category}: {c.text}" if c.category else c.text for c in entry.changes)
            yield Fact("changelog", entry.version, " — ".join(filter(None, (entry.date, changes))),
                       where or self._declared("version", ()))


def _models_of(doc: Integration) -> Iterator[tuple[str, DocModel]]:
    for handler in doc.handlers:
        if handler.request is not None:
            yield f"{handler.name} request", handler.request
        if handler.response is not None:
            yield f"{handler.name} response", handler.response
    for event in doc.events:
        if event.payload is not None:
            yield f"{event.name} payload", event.payload


def _env_value(required: bool, default: str | None) -> str:
    if required:
        return "required"
    return "optional" if default is None else f"optional, default {default}"
