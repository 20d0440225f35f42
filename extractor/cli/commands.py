"""The typer commands: the default `extract-docs PATH...`, and `schema`, `config`, `preview`, `explain`.

This module declares the options only; it imports nothing heavy. Each command imports its body
(`cli/run.py`, `cli/show.py`, `cli/preview.py`, `cli/explain.py`, which import the application layer and with it
pydantic, libcst and Jinja2) when it runs: that is the CLI's one lazy boundary, which keeps
`--help` fast.
"""

from __future__ import annotations

import enum
import sys
from pathlib import Path
from typing import Annotated, Any

import typer

from .. import __version__
from .command_line import CommandLine, PreviewCommandLine
from .exits import guarded

SUBCOMMANDS = ("schema", "config", "preview", "explain")

EPILOG = (
    "\b\nOther commands:\n"
    "  extract-docs schema [--many]     the JSON Schema of --format json\n"
    "  extract-docs config [PATH...]    the effective configuration and its sources\n"
    "  extract-docs preview [PATH...]   the documents as a VitePress site on localhost\n"
    "  extract-docs explain [PATH...]   each fact of the document and the file:line it came from\n\n"
    "Exit codes: 0 done; 1 files are stale or edited (--check) or there are warnings (--strict); "
    "2 usage, configuration or input error (an input can't be documented), or a file's "
    "generated text was edited by hand (not overwritten without --force)."
)


class Format(str, enum.Enum):
    """--format values."""

    markdown = "markdown"
    json = "json"
    openapi = "openapi"


class ExplainFormat(str, enum.Enum):
    """explain --format values."""

    table = "table"
    json = "json"


class Annotations(str, enum.Enum):
    """--annotations values."""

    none = "none"
    github = "github"


def _version(value: bool) -> None:
    if value:
        print(f"extract-docs {__version__}")
        raise typer.Exit()


PathsArg = Annotated[
    list[Path] | None,
    typer.Argument(
        metavar="PATH",
        help="Integration folders, modules, or folders of integrations "
        "(default: `paths` of [tool.extract-docs]).",
        show_default=False,
    ),
]
FormatOpt = Annotated[
    Format | None,
    typer.Option("--format", help="markdown (default), json (the doc model) or openapi (an OpenAPI 3.1 "
                 "document per integration).", show_default=False),
]
StrictOpt = Annotated[
    bool | None,
    typer.Option("--strict/--no-strict", help="Warnings and lint findings make the exit code 1.",
                 show_default=False),
]
AnnotationsOpt = Annotated[
    Annotations | None,
    typer.Option("--annotations", help="github: warnings as GitHub workflow annotations.",
                 show_default=False),
]
TemplateOpt = Annotated[
    Path | None,
    typer.Option("--template", metavar="DIR", help="Folder overriding the template or its "
                 "section partials.", show_default=False),
]
WebhookOpt = Annotated[
    str | None,
    typer.Option("--webhook-base-url", metavar="URL", help="Replaces {WEBHOOK_BASE_URL}.",
                 show_default=False),
]
FrontMatterOpt = Annotated[
    bool | None,
    typer.Option("--front-matter/--no-front-matter", help="Start each Markdown document with "
                 "YAML front matter (title, description, order) for a documentation site.",
                 show_default=False),
]
ConfigOpt = Annotated[
    Path | None,
    typer.Option("--config", metavar="FILE", help="Read this TOML file instead of the nearest "
                 "pyproject.toml.", show_default=False),
]

document_app = typer.Typer(add_completion=False, rich_markup_mode=None)


@document_app.command(
    epilog=EPILOG,
    help="Document platform integrations, statically, in the platform's Markdown template "
    "(or as JSON).",
)
def document(
    *,
    paths: PathsArg = None,
    output: Annotated[
        str | None,
        typer.Option("-o", "--output", metavar="FILE|DIR", show_default=False,
                     help="Write to FILE, or one file per integration into DIR (a folder: "
                     "exists, ends with /, or has no suffix). Default: stdout, or `output` "
                     "of the config."),
    ] = None,
    format: FormatOpt = None,
    check: Annotated[
        bool, typer.Option("--check", help="Write nothing; exit 1 when a file is stale, "
                           "missing or edited by hand, and print the diffs.")
    ] = False,
    force: Annotated[
        bool, typer.Option("--force", help="Overwrite generated text a person edited (the edits are "
                           "lost); without it such a file is left alone and the exit code is 2.")
    ] = False,
    strict: StrictOpt = None,
    annotations: AnnotationsOpt = None,
    template: TemplateOpt = None,
    webhook_base_url: WebhookOpt = None,
    front_matter: FrontMatterOpt = None,
    config: ConfigOpt = None,
    jobs: Annotated[
        int, typer.Option("--jobs", "-j", min=0, metavar="N", show_default=False,
                          help="Extract N integrations in parallel processes; 1: in this process. "
                          "Default: one per CPU when there are enough to extract.")
    ] = 0,
    no_cache: Annotated[
        bool, typer.Option("--no-cache", help="Neither read nor write .extract-docs-cache/.")
    ] = False,
    quiet: Annotated[
        bool, typer.Option("--quiet", "-q", help="No progress or `wrote …` lines.")
    ] = False,
    version: Annotated[
        bool, typer.Option("--version", "-V", callback=_version, is_eager=True,
                           help="Print the version and exit.")
    ] = False,
) -> None:
    from .run import run_document

    command_line = CommandLine(
        paths=list(paths or []), output=output, format=_value(format), check=check,
        strict=strict, annotations=_value(annotations), template=template,
        webhook_base_url=webhook_base_url, front_matter=front_matter, config=config, jobs=jobs, cache=not no_cache,
        quiet=quiet, force=force,
    )
    raise typer.Exit(guarded(lambda: run_document(command_line)))


def _value(choice: enum.Enum | None) -> Any:
    return None if choice is None else choice.value


sub_app = typer.Typer(add_completion=False, rich_markup_mode=None, no_args_is_help=True)


@sub_app.command("schema")
def schema(
    many: Annotated[
        bool, typer.Option("--many", help="The schema of the list a folder of integrations "
                           "gives, instead of one integration's object.")
    ] = False,
) -> None:
    """Print the JSON Schema of `--format json` (one integration: an object)."""
    from .show import schema_text

    sys.stdout.write(schema_text(many=many))


@sub_app.command("config")
def config_command(
    *,
    paths: PathsArg = None,
    format: FormatOpt = None,
    strict: StrictOpt = None,
    annotations: AnnotationsOpt = None,
    template: TemplateOpt = None,
    webhook_base_url: WebhookOpt = None,
    front_matter: FrontMatterOpt = None,
    config: ConfigOpt = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print as JSON.")] = False,
) -> None:
    """Print the effective configuration and where each value comes from."""
    from .show import config_text

    command_line = CommandLine(
        paths=list(paths or []), format=_value(format), strict=strict, annotations=_value(annotations),
        template=template, webhook_base_url=webhook_base_url, front_matter=front_matter,
    )

    def show() -> int:
        sys.stdout.write(config_text(command_line.config_values(), Path.cwd(), config_file=config, as_json=as_json))
        return 0

    raise typer.Exit(guarded(show))


@sub_app.command("preview")
def preview_command(
    paths: Annotated[
        list[Path] | None,
        typer.Argument(metavar="PATH", show_default=False,
                       help="Integrations to preview (default: `paths` of [tool.extract-docs])."),
    ] = None,
    host: Annotated[str, typer.Option("--host", metavar="ADDR", help="Address to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", metavar="N", min=1, max=65535, help="Port to listen on.")] = 5173,
    config: ConfigOpt = None,
) -> None:
    """Serve the documents as a VitePress site on localhost; pages follow source changes.

    Needs Node.js and npm: the first run installs VitePress into a per-user cache.
    """
    from .preview import run_preview

    command_line = PreviewCommandLine(paths=list(paths or []), host=host, port=port, config=config)
    raise typer.Exit(guarded(lambda: run_preview(command_line)))


@sub_app.command("explain")
def explain_command(
    paths: Annotated[
        list[Path] | None,
        typer.Argument(metavar="PATH", show_default=False,
                       help="Integrations to explain (default: `paths` of [tool.extract-docs])."),
    ] = None,
    format: Annotated[
        ExplainFormat, typer.Option("--format", help="A table per integration (secrets masked), or JSON.")
    ] = ExplainFormat.table,
    config: ConfigOpt = None,
) -> None:
    """Show each fact of an integration's document and the file and line it was read from."""
    from .explain import run_explain

    as_json = format is ExplainFormat.json
    raise typer.Exit(guarded(lambda: run_explain(list(paths or []), config_file=config, as_json=as_json)))


def command_for(args: list[str]) -> Any:
    """The click command that handles `args`: the sub-commands group when `args` starts
    with `schema` or `config`, else the default command."""
    app = sub_app if args[:1] and args[0] in SUBCOMMANDS else document_app
    return typer.main.get_command(app)
