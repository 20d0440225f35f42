"""Where the documents go (stdout, one file for all, or one file per integration), and
several documents joined into one text, piece by piece."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from ..discover import IntegrationRoot
from ..errors import ConfigError
from .config import Config
from .paths import output_path

STDOUT = "-"
"""`-o -`: stdout, whatever the configuration says."""


@dataclass(frozen=True)
class Targets:
    """Where the documents go: one file per integration, one file for all, or (neither) stdout."""

    per_slug: Mapping[str, Path] = field(default_factory=dict)
    single: Path | None = None
    as_list: bool = True
    """JSON: an array, unless a single PATH is itself the only integration (then one object)."""

    @property
    def to_stdout(self) -> bool:
        """True when no file is written: the documents go to stdout."""
        return self.single is None and not self.per_slug


def is_folder_target(output: str) -> bool:
    """`-o X` names a folder when X exists as one, ends with a separator, or has no suffix."""
    path = Path(output)
    return output.endswith(("/", "\\")) or path.is_dir() or not path.suffix


def plan_targets(
    config: Config, roots: Sequence[IntegrationRoot], *, output: str | None, cwd: Path, check: bool
) -> Targets:
    """The targets of `roots`: `-o` (`output`, relative to `cwd`) wins over `output` of the
    configuration. Raises `ConfigError` for --check without files, one Markdown file for
    several integrations, and two integrations writing the same file."""
    as_list = _as_list(config, roots)
    if output == STDOUT or (output is None and not config.output):
        if check:
            raise ConfigError("--check needs -o FILE|DIR or `output` in [tool.extract-docs]")
        return Targets(as_list=as_list)
    if output is not None and not is_folder_target(output):
        if len(roots) > 1 and config.format not in ("json", "openapi"):
            raise ConfigError(
                f"-o {output} is one file but {len(roots)} integrations were found; "
                "give a folder (-o DIR/) to write one file per integration"
            )
        return Targets(single=cwd / output, as_list=as_list)
    base = cwd / output if output is not None else config.root
    return Targets(per_slug=_per_slug(config, roots, base), as_list=as_list)


def _as_list(config: Config, roots: Sequence[IntegrationRoot]) -> bool:
    paths = config.paths
    if len(roots) != 1 or len(paths) != 1:
        return True
    return roots[0].path.resolve() != Path(paths[0]).resolve()


def _per_slug(config: Config, roots: Sequence[IntegrationRoot], base: Path) -> dict[str, Path]:
    default = {"json": "{slug}.json", "openapi": "{slug}.openapi.json"}.get(config.format, "{slug}.md")
    paths: dict[str, Path] = {}
    owners: dict[Path, str] = {}
    for root in roots:
        pattern = config.settings_for(root.slug).output or default
        path = output_path(base, pattern, slug=root.slug, folder=root.folder, root=config.root)
        if path in owners:
            raise ConfigError(
                f"integrations {owners[path]!r} and {root.slug!r} would both write {path}; "
                "set `output` in [tool.extract-docs.overrides.<slug>]"
            )
        owners[path] = root.slug
        paths[root.slug] = path
    return paths


class Joined:
    """Several documents as one text, built piece by piece (so that none has to wait for the
    others): Markdown documents one after the other with a blank line between; JSON as an
    array of the objects, or (`as_list` false) the one object."""

    def __init__(self, *, json: bool, as_list: bool) -> None:
        self.json = json
        self.as_list = as_list
        self.count = 0

    def piece(self, text: str) -> str:
        """The text that adds the document `text`."""
        first = self.count == 0
        self.count += 1
        if not (self.json and self.as_list):
            return text if first else "\n" + text
        item = "\n".join("  " + line for line in text.rstrip("\n").split("\n"))
        return ("[\n" if first else ",\n") + item

    def end(self) -> str:
        """The text that closes what the pieces opened."""
        if not (self.json and self.as_list):
            return ""
        return "\n]\n" if self.count else "[]\n"
