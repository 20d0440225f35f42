"""The default command's options as given on the command line, and small path helpers."""

from __future__ import annotations

import shlex
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from extractor.discover import IntegrationRoot


@dataclass
class RunOptions:
    """The command line of the default command (None: not given, the config decides)."""

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


def base_folder(root: IntegrationRoot) -> Path:
    """The folder a doc's locations are relative to."""
    return root.path.parent if root.is_module else root.path


def is_folder_target(output: str) -> bool:
    """`-o X` names a folder when X exists as one, ends with a separator, or has no suffix."""
    path = Path(output)
    return output.endswith(("/", "\\")) or path.is_dir() or not path.suffix
