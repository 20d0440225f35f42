"""The pipeline for one integration: parse → gather → resolve → assemble the doc model."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .assemble import Assembler
from .assemble.openapi import openapi_document
from .conventions import Conventions
from .diagnostics import Diagnostic
from .discover import IntegrationRoot
from .errors import InputError
from .gather import ModuleFacts, gather_module
from .gather.changelog import Release, parse_changelog
from .model import Integration
from .parse import on_big_stack, parse_source, read_file
from .resolve import Resolved, resolve
from .secrets import SecretPolicy, mask_text


def module_name(root: IntegrationRoot, path: Path) -> tuple[str, str, bool]:
    """(dotted module name, path relative to the integration, is a package `__init__`)."""
    if root.is_module:
        return path.stem, path.name, False
    rel = path.relative_to(root.path)
    parts = list(rel.with_suffix("").parts)
    is_package = parts[-1] == "__init__"
    if is_package:
        parts.pop()
    if (root.path / "__init__.py").exists():
        parts.insert(0, root.path.name)
    return ".".join(parts) or root.path.name, rel.as_posix(), is_package


def gather_files(root: IntegrationRoot) -> tuple[list[ModuleFacts], list[tuple[str, str]]]:
    """Parse and gather every file; a file that can't be read is a warning, not the end.

    The files parse on one thread with a big stack (`parse.on_big_stack`), not one each."""
    return on_big_stack(lambda: _gather_files(root))


def _gather_files(root: IntegrationRoot) -> tuple[list[ModuleFacts], list[tuple[str, str]]]:
    modules: list[ModuleFacts] = []
    problems = [(rel, f"can't read folder: {reason}; its files are not documented") for rel, reason in root.unreadable]
    files = root.files or ((root.path,) if root.is_module else ())
    for path in files:
        name, rel, is_package = module_name(root, path)
        try:
            module = gather_module(parse_source(read_file(path, rel), rel, name, is_package=is_package))
        except InputError as exc:
            problems.append((exc.location or f"{rel}:1", mask_text(f"{exc.message}; the file is not documented")))
            continue
        except RecursionError:  # the last guard: parse and gather catch what they can see
            problems.append((f"{rel}:1", "nested too deeply to read; the file is not documented"))
            continue
        modules.append(module)
        problems.extend((w.location, mask_text(w.message)) for w in module.warnings)
    if not modules:
        raise _unreadable(root, problems)
    return modules, problems


def _unreadable(root: IntegrationRoot, problems: list[tuple[str, str]]) -> InputError:
    """The error for an integration none of whose files could be read: one file's own
    `file:line` when there is one file, else every file's reason."""
    if len(problems) == 1:
        location, message = problems[0]
        return InputError(message.replace("; the file is not documented", "; nothing to document"), location)
    detail = "; ".join(f"{loc}: {msg}" for loc, msg in problems) or "no Python files"
    return InputError(f"the integration can't be read: {detail}", str(root.path))


def read_changelog(root: IntegrationRoot, policy: SecretPolicy | None = None) -> list[Release]:
    """The CHANGELOG.md entries, if the integration has one, secrets masked (`policy`)."""
    if root.changelog is None:
        return []
    try:
        text = root.changelog.read_text(encoding="utf-8", errors="replace")
    except OSError as exc:
        raise InputError(f"can't read changelog: {exc.strerror}", str(root.changelog)) from None
    return parse_changelog((policy or SecretPolicy()).text(text))


@dataclass(frozen=True)
class Extraction:
    """The doc model with what it was assembled from: the modules, the IR records, the releases."""

    integration: Integration
    modules: list[ModuleFacts]
    resolved: Resolved
    releases: list[Release]


def extract(root: IntegrationRoot, options: Conventions | None = None) -> Integration:
    """Document one integration, statically: nothing of it is imported or run."""
    return extract_all(root, options).integration


def extract_all(root: IntegrationRoot, options: Conventions | None = None) -> Extraction:
    """`extract`, keeping what the doc model was assembled from (`extract-docs explain`)."""
    modules, problems = gather_files(root)
    resolved = resolve(modules, options or Conventions())
    problems = [(location, resolved.policy.text(message)) for location, message in problems]
    releases = read_changelog(root, resolved.policy)
    return Extraction(Assembler(resolved, root.slug, releases, problems).integration(), modules, resolved, releases)


def openapi(root: IntegrationRoot, options: Conventions | None = None) -> tuple[dict[str, Any], list[Diagnostic]]:
    """The OpenAPI 3.1 document of one integration (`--format openapi`), statically, and the
    warnings of what could not be read."""
    modules, problems = gather_files(root)
    resolved = resolve(modules, options or Conventions())
    document, warnings = openapi_document(resolved, root.slug)
    found = [Diagnostic(location, message) for location, message in problems]
    found += [*resolved.warnings, *warnings]
    return document, [Diagnostic(w.location, resolved.policy.text(w.message)) for w in found]
