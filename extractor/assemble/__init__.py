"""Assemble stage: resolve's IR records → the documentation model (`extractor.model.Integration`).

The only stage that builds doc-model objects: each one in one place, complete in its
constructor (warnings and `incomplete` included); nothing patches the model afterwards.
"""

from __future__ import annotations

from collections.abc import Iterable

from ..diagnostics import Diagnostic, ordered
from ..gather.changelog import Release, is_first_version
from ..gather.docstrings import parse_docstring
from ..model import (
    Change,
    ChangelogEntry,
    Credential,
    DocWarning,
    EnvVar,
    ErrorDoc,
    Integration,
    Secret,
)
from ..resolve import CredentialRecord, EnvVarRecord, ErrorRecord, Resolved, SecretRecord
from ..resolve.records import Finding, as_diagnostic
from .conflicts import duplicate_names
from .limits import default_arg_limits, field_limits
from .routes import RouteAssembler
from .sections import capabilities, notes, text_limitations
from .text import pascal


class Assembler:
    """Builds the doc model for one integration from its resolved facts.

    `incomplete`: what could not be read at all (files, folders); it is listed in the
    document's `incomplete` as well as in its warnings."""

    def __init__(
        self, resolved: Resolved, slug: str, changelog: Iterable[Release],
        incomplete: Iterable[Diagnostic | Finding | tuple[str, str]] = (),
    ) -> None:
        self.resolved = resolved
        self.slug = slug
        self.changelog = [changelog_entry(release) for release in changelog]
        self.incomplete = [as_diagnostic(item) for item in incomplete]

    def integration(self) -> Integration:
        """The complete documentation model."""
        resolved = self.resolved
        values = resolved.declaration.values if resolved.declaration else {}
        parsed = parse_docstring(resolved.docstring)
        name, description, version = (_text(values.get(key)) for key in ("name", "description", "version"))
        routes = RouteAssembler(resolved)
        handlers, events = routes.routes()
        warnings = [*resolved.warnings, *self.incomplete, *duplicate_names(resolved.registry, resolved.routes),
                    *routes.warnings]
        bullets, written = capabilities(parsed, handlers)
        return Integration(
            name=name if name is not None else self.slug,
            slug=self.slug,
            location=resolved.declaration.location if resolved.declaration else None,
            description=description if description is not None else parsed.summary,
            details=description if description is not None else parsed.description,
            capabilities=bullets,
            capabilities_written=written,
            requirements=parsed.items("requirements"),
            limitations=[*text_limitations(parsed), *routes.limitations,
                         *default_arg_limits(resolved.default_args, handlers), *field_limits(handlers)],
            see_also=parsed.items("see_also"),
            notes=notes(parsed),
            version=version,
            credentials=[credential(item) for item in resolved.credentials],
            secrets=[secret(item) for item in resolved.secrets],
            default_args=resolved.default_args,
            handlers=handlers,
            events=events,
            errors=[error(item) for item in resolved.errors],
            env_vars=[env_var(item) for item in resolved.env_vars],
            changelog=self.changelog or _initial(version),
            warnings=doc_warnings(ordered(warnings)),
            incomplete=doc_warnings(self.incomplete),
        )


def credential(record: CredentialRecord) -> Credential:
    """A credential of Шаг 2."""
    return Credential(key=record.key, description=record.description, where=record.where, location=record.location)


def secret(record: SecretRecord) -> Secret:
    """A secret of Шаг 3."""
    return Secret(key=record.key, description=record.description, format=record.format, location=record.location)


def error(record: ErrorRecord) -> ErrorDoc:
    """A row of Частые ошибки."""
    return ErrorDoc(code=record.code, cause=record.cause, solution=record.solution, class_name=record.class_name,
                    location=record.location)


def env_var(record: EnvVarRecord) -> EnvVar:
    """A row of the environment variables table."""
    return EnvVar(name=record.name, required=record.required, default=record.default,
                  description=record.description, secret=record.secret, locations=list(record.locations))


def doc_warnings(diagnostics: Iterable[Diagnostic]) -> list[DocWarning]:
    """Diagnostics as the doc model's warnings, in the order given."""
    return [DocWarning(location=d.location, message=d.message) for d in diagnostics]


def _text(value: object) -> str | None:
    return value if isinstance(value, str) else None


def changelog_entry(release: Release) -> ChangelogEntry:
    """A version of the changelog file."""
    changes = [Change(category=change.category, text=change.text) for change in release.changes]
    return ChangelogEntry(version=release.version, date=release.date, changes=changes, first=release.first)


def _initial(version: str | None) -> list[ChangelogEntry]:
    """Without a changelog file, the one version the code declares; first only when it is one."""
    if version is not None:
        return [ChangelogEntry(version=version, date=None, first=is_first_version(version))]
    return []


__all__ = ["Assembler", "pascal"]
