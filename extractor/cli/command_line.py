"""The command lines of the default command and of `preview`, as given (None: not given)."""

from __future__ import annotations

import shlex
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any


@dataclass(frozen=True)
class CommandLine:
    """The command line of the default command (and the configuration keys of `config`);
    None: not given, the configuration decides."""

    paths: list[Path] = field(default_factory=list)
    output: str | None = None
    format: str | None = None
    check: bool = False
    strict: bool | None = None
    annotations: str | None = None
    template: Path | None = None
    webhook_base_url: str | None = None
    front_matter: bool | None = None
    config: Path | None = None
    jobs: int = 0
    cache: bool = True
    quiet: bool = False
    force: bool = False
    """`--force`: write over a person's edits of the generated text."""

    def update_command(self) -> str:
        """The command line that regenerates what this run checks: the options that decide
        the documents' content, without --check (shown in the --check summary)."""
        words = ["extract-docs"]
        for flag, value in (("--config", self.config), ("-o", self.output), ("--format", self.format),
                            ("--template", self.template), ("--webhook-base-url", self.webhook_base_url)):
            if value is not None:
                words += [flag, str(value)]
        if self.front_matter is not None:
            words.append("--front-matter" if self.front_matter else "--no-front-matter")
        words += [str(path) for path in self.paths]
        return shlex.join(words)

    def config_values(self) -> dict[str, Any]:
        """The options that are configuration keys too."""
        return {
            "paths": self.paths or None,
            "format": self.format,
            "strict": self.strict,
            "annotations": self.annotations,
            "template": self.template,
            "webhook_base_url": self.webhook_base_url,
            "front_matter": self.front_matter,
        }


@dataclass(frozen=True)
class PreviewCommandLine:
    """The command line of `extract-docs preview`."""

    paths: list[Path] = field(default_factory=list)
    host: str = "127.0.0.1"
    port: int = 5173
    config: Path | None = None
