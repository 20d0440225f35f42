"""The integration's error classes (Частые ошибки): `IntegrationError` subclasses with a `code`."""

from __future__ import annotations

from ..diagnostics import Diagnostic
from .classes import ClassInfo, Hierarchy
from .constants import Resolver
from .handlers import first_paragraph
from .records import ErrorRecord

CAUSE_ATTRS = ("cause", "message", "description")


class ErrorCollector:
    """Reads code, cause (docstring) and solution from each error class.

    A solution answers a cause: a class inherits its base's `solution` only together with the
    cause, i.e. when neither it nor any class between it and that base states a cause of its
    own (a docstring, `cause`, `message` or `description`). A class with its own cause and no
    solution of its own gets none, and a warning says so."""

    def __init__(self, hierarchy: Hierarchy, resolver: Resolver, bases: tuple[str, ...]) -> None:
        self.hierarchy = hierarchy
        self.resolver = resolver
        self.bases = bases
        self.warnings: list[Diagnostic] = []

    def errors(self) -> list[ErrorRecord]:
        """One row per error class that has its own `code`, in source order."""
        rows = []
        for info in self.hierarchy.all_classes:
            if info.cls.attr("code") is None or not self.hierarchy.derives_from(info, self.bases):
                continue
            code = self.resolver.evaluate(info.cls.attr("code").value)  # type: ignore[union-attr]
            if not isinstance(code, str | int):
                where = info.cls.location
                self.warnings.append(Diagnostic(where, f"code of `{info.cls.name}` is not statically known"))
                continue
            rows.append(ErrorRecord(str(code), self._cause(info), self._solution(info),
                                    info.cls.name, info.cls.location))
        return rows

    def _cause(self, info: ClassInfo) -> str:
        if info.cls.docstring:
            return first_paragraph(info.cls.docstring)
        for name in CAUSE_ATTRS:
            text = self._inherited(info, name)
            if text:
                return text
        return ""

    def _solution(self, info: ClassInfo) -> str:
        """The class's own solution, else its base's when the cause is inherited with it."""
        for item in self.hierarchy.mro(info):
            if item.cls.attr("solution") is not None:
                return self._inherited(item, "solution")
            if _states_cause(item):
                if self._inherited(info, "solution"):
                    self.warnings.append(Diagnostic(info.cls.location, (
                        f"`{info.cls.name}` states its own cause but no `solution`; the solution of a base "
                        "class answers another cause and is not shown")))
                return ""
        return ""

    def _inherited(self, info: ClassInfo, name: str) -> str:
        for item in self.hierarchy.mro(info):
            assign = item.cls.attr(name)
            if assign is not None:
                value = self.resolver.evaluate(assign.value)
                return " ".join(value.split()) if isinstance(value, str) else ""
        return ""


def _states_cause(info: ClassInfo) -> bool:
    """Whether a class states a cause of its own: a docstring or a cause attribute."""
    return bool(info.cls.docstring) or any(info.cls.attr(name) is not None for name in CAUSE_ATTRS)
