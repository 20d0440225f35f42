"""Lint for the documents' sake: what the code leaves undocumented, found in the doc model.

`lint(doc)` is pure: it reads an `Integration` and returns findings with `file:line`
(relative to the integration folder, like every location of the doc model). The CLI shows
them, and fails on them, only under `--strict` (docs/cli.md, *Lint*); they never enter the
document or the JSON `warnings`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Final, Literal, get_args

from ..model import DocModel, Integration

LintRule = Literal["handler-docstring", "event-docstring", "field-description", "env-description", "empty-section"]
LINT_RULES: Final[tuple[LintRule, ...]] = get_args(LintRule)
"""Every rule, in the order of docs/cli.md."""


@dataclass(frozen=True)
class Finding:
    """One lint finding: where (`path:line`), which rule, and what to write."""

    location: str
    rule: LintRule
    message: str


def _docstrings(doc: Integration, rule: LintRule) -> Iterator[Finding]:
    """Handlers (rule `handler-docstring`) or events (`event-docstring`) without a docstring."""
    kind = rule.partition("-")[0]
    routes = ([(h.name, f" ({h.function})", h.location, h.description) for h in doc.handlers] if kind == "handler"
              else [(e.name, "", e.location, e.description) for e in doc.events])
    for name, detail, location, description in routes:
        if not description.strip():
            yield Finding(location, rule, f"{kind} {name!r}{detail} has no docstring")


def _models(doc: Integration) -> Iterator[DocModel]:
    for handler in doc.handlers:
        yield from (model for model in (handler.request, handler.response) if model is not None)
    yield from (event.payload for event in doc.events if event.payload is not None)


def _fields(doc: Integration) -> Iterator[Finding]:
    seen: set[tuple[str, str]] = set()
    for model in _models(doc):
        for field in model.fields:
            where = field.location or model.location or ""
            if field.description or (where, field.python_name) in seen:
                continue
            seen.add((where, field.python_name))
            yield Finding(
                where, "field-description",
                f"field {field.python_name!r} of {model.model} has no description",
            )


def _env_vars(doc: Integration) -> Iterator[Finding]:
    for variable in doc.env_vars:
        if not variable.description.strip():
            yield Finding(
                variable.locations[0] if variable.locations else "", "env-description",
                f"environment variable {variable.name} has no description",
            )


def _empty_sections(doc: Integration, site_links: bool) -> Iterator[Finding]:
    """Sections that have nothing generated (only their hand-written region): the page omits them."""
    where = doc.location or ""
    if not doc.limitations:
        yield Finding(where, "empty-section", "section «Ограничения» is empty: add `Ограничения:` to the integration's "
                      "docstring, or write it between the region markers")
    if not doc.see_also and not site_links:
        yield Finding(where, "empty-section", "section «Следующие шаги» is empty: add `Смотрите также:` to the "
                      "integration's docstring or `links` to [tool.extract-docs], or write it between the "
                      "region markers")


_CHECKS: Final[dict[LintRule, Callable[[Integration], Iterator[Finding]]]] = {
    "handler-docstring": lambda doc: _docstrings(doc, "handler-docstring"),
    "event-docstring": lambda doc: _docstrings(doc, "event-docstring"),
    "field-description": _fields,
    "env-description": _env_vars,
    "empty-section": lambda doc: _empty_sections(doc, site_links=False),
}


def _sort_key(finding: Finding) -> tuple[str, int, str, str]:
    path, _, line = finding.location.rpartition(":")
    if not line.isdigit():
        return finding.location, 0, finding.rule, finding.message
    return path, int(line), finding.rule, finding.message


def lint(doc: Integration, *, ignore: frozenset[str] = frozenset(), site_links: bool = False) -> list[Finding]:
    """The findings of `doc` for every rule not in `ignore`, ordered by file and line.

    A model used by several handlers is reported once per field; `site_links`: the
    configuration lists links for every page's Следующие шаги.
    """
    checks: dict[LintRule, Callable[[Integration], Iterator[Finding]]] = {
        **_CHECKS, "empty-section": lambda doc: _empty_sections(doc, site_links),
    }
    found = [
        finding
        for rule, check in checks.items()
        if rule not in ignore
        for finding in check(doc)
    ]
    return sorted(found, key=_sort_key)
