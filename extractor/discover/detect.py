"""Cheap, text-only detection of integration code: does a module define or use an integration?

Discovery must be fast and must not parse: it looks at the source text only. A module
*defines* an integration when it calls a recognised integration class (`Integration(...)`,
`sdk.Integration(...)`) or declares a class deriving from one; it *uses* one when it applies
a recognised handler or event decorator (`@integration.handler(...)`, `@handler`,
`@integration.event(...)`). Declaring `class Integration:` or `def handler(...)` is neither:
an SDK that only defines these names is not an integration. Comment lines are ignored.
"""

from __future__ import annotations

import enum
import re
from functools import cached_property
from pathlib import Path

from ..conventions import Conventions

_COMMENT_LINE = re.compile(r"^[ \t]*#.*$", re.MULTILINE)
_DEFINITION_BEFORE = re.compile(r"(?:^|[\s;])(?:class|def)\s+$")
_FRAMEWORK_APP = re.compile(r"(?<![\w.])(?:[A-Za-z_]\w*\.)*(?:FastAPI|Flask)\s*\(")
"""A FastAPI or Flask application: its routes are handlers (docs/frameworks.md)."""
_FRAMEWORK_ROUTER = re.compile(r"(?<![\w.])(?:[A-Za-z_]\w*\.)*(?:APIRouter|Blueprint)\s*\(")
APP_NAMES = ("FastAPI", "Flask")
"""Web-framework application classes: a call defines an integration (its routes are handlers)."""
ROUTER_NAMES = ("APIRouter", "Blueprint")
"""Web-framework router classes: a call uses an integration defined elsewhere."""
_CLASS_HEADER = re.compile(r"^[ \t]*class\s+\w+\s*\((?P<bases>[^)]*)\)", re.MULTILINE)


class Evidence(enum.IntEnum):
    """How strongly a module shows integration code (ordered: more is stronger)."""

    NONE = 0
    USES = 1
    """Applies a handler/event decorator to an integration defined elsewhere."""
    DEFINES = 2
    """Calls or subclasses a recognised integration class."""


def _has_any(text: str, names: tuple[str, ...]) -> bool:
    return any(name in text for name in names)


def _alternation(names: tuple[str, ...]) -> str:
    return "|".join(re.escape(name) for name in sorted(set(names), key=len, reverse=True))


class Detector:
    """Classifies module source text using the names recognised by `Conventions`."""

    def __init__(self, conventions: Conventions | None = None) -> None:
        self.conventions = conventions or Conventions()
        self._cache: dict[Path, Evidence] = {}

    @cached_property
    def _call(self) -> re.Pattern[str]:
        names = _alternation(self.conventions.integration_classes)
        return re.compile(rf"(?<![\w.])(?:[A-Za-z_]\w*\.)*(?:{names})\s*\(")

    @cached_property
    def _base(self) -> re.Pattern[str]:
        names = _alternation(self.conventions.integration_classes)
        return re.compile(rf"(?<![\w.])(?:[A-Za-z_]\w*\.)*(?:{names})(?![\w.])")

    @cached_property
    def _decorator(self) -> re.Pattern[str]:
        names = _alternation(self.conventions.handler_decorators + self.conventions.event_decorators)
        return re.compile(rf"^[ \t]*@[ \t]*(?:[A-Za-z_]\w*\.)*(?:{names})(?![\w.])", re.MULTILINE)

    def classify_text(self, text: str) -> Evidence:
        """The evidence found in one module's source text (web-framework apps count too).

        Each pattern runs only when its names occur in the text at all (the patterns are
        slow on large files; a plain substring test is not)."""
        names = self.conventions.integration_classes
        decorators = self.conventions.handler_decorators + self.conventions.event_decorators
        if not _has_any(text, names + decorators + APP_NAMES + ROUTER_NAMES):
            return Evidence.NONE
        text = _COMMENT_LINE.sub("", text)
        if _has_any(text, names) and (self._calls_integration(text) or self._subclasses_integration(text)):
            return Evidence.DEFINES
        if _has_any(text, APP_NAMES) and _FRAMEWORK_APP.search(text):
            return Evidence.DEFINES
        if _has_any(text, decorators) and self._decorator.search(text):
            return Evidence.USES
        if _has_any(text, ROUTER_NAMES) and _FRAMEWORK_ROUTER.search(text):
            return Evidence.USES
        return Evidence.NONE

    def looked_for(self) -> str:
        """What this detector recognises, for the "no integration found" message."""
        calls = ", ".join(f"{name}(" for name in self.conventions.integration_classes)
        decorators = ", ".join(
            f"@….{name}" for name in self.conventions.handler_decorators + self.conventions.event_decorators
        )
        apps = " / ".join(f"{name}(" for name in APP_NAMES)
        routers = " / ".join(f"{name}(" for name in ROUTER_NAMES)
        return f"looked for {calls}, {decorators}, {apps} apps and {routers} routers"

    def classify(self, path: Path) -> Evidence:
        """The evidence of the module at `path` (unreadable files show none); cached."""
        key = path.absolute()
        if key not in self._cache:
            try:
                text = path.read_text(encoding="utf-8", errors="replace")
            except OSError:
                text = ""
            self._cache[key] = self.classify_text(text)
        return self._cache[key]

    def _calls_integration(self, text: str) -> bool:
        for match in self._call.finditer(text):
            line_start = text.rfind("\n", 0, match.start()) + 1
            if not _DEFINITION_BEFORE.search(text[line_start : match.start()]):
                return True
        return False

    def _subclasses_integration(self, text: str) -> bool:
        return any(
            self._base.search(header.group("bases")) for header in _CLASS_HEADER.finditer(text)
        )
