"""The project's exceptions: one root, every error carries a `file:line` location when known."""

from __future__ import annotations

DEBUG_VARIABLE = "EXTRACT_DOCS_DEBUG"
"""Set to show the traceback of an internal error instead of one line (and to let it end the run)."""


class ExtractDocsError(Exception):
    """Root of every error the library raises; the CLI turns it into a one-line message."""

    def __init__(self, message: str, location: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.location = location

    def __str__(self) -> str:
        return f"{self.location}: {self.message}" if self.location else self.message


class InputError(ExtractDocsError):
    """The input can't be documented: missing path, no integration, unreadable source."""


class SourceSyntaxError(InputError):
    """A Python file of the integration does not parse."""


class NestingError(SourceSyntaxError):
    """A Python file nests deeper than Python, or the extractor, reads."""


class ConfigError(ExtractDocsError):
    """The `[tool.extract-docs]` configuration or a CLI option is wrong."""


class RegionError(ExtractDocsError):
    """A hand-written region's markers are missing, duplicated, nested or reversed."""


class TemplateError(ExtractDocsError):
    """A custom template is missing or fails to render."""
