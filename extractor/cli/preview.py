"""`extract-docs preview PATH...`: the documents as a VitePress site on localhost, live.

The documents are generated (with front matter, and with the hand-written regions of the
files the configuration writes them to) into a temporary VitePress project, `vitepress dev`
serves it, and a change to an integration's source regenerates its page, which the browser
then reloads. Nothing in the repository is written.
"""

from __future__ import annotations

import shutil
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

if TYPE_CHECKING:
    from extractor.config import Config
    from extractor.discover import IntegrationRoot
    from extractor.model import Integration
    from extractor.site import SitePage

POLL_SECONDS = 1.0


@dataclass
class PreviewOptions:
    """The command line of `extract-docs preview`."""

    paths: list[Path] = field(default_factory=list)
    host: str = "127.0.0.1"
    port: int = 5173
    config: Path | None = None


@dataclass(frozen=True)
class Collected:
    """The pages of one generation, the files they come from, and what failed."""

    pages: list[SitePage]
    sources: list[Path]
    problems: list[str]


def collect_pages(paths: Sequence[Path], *, cwd: Path, config_file: Path | None = None) -> Collected:
    """Generate the document of every integration under `paths` as a site page.

    As the default command does, but with front matter always on, and with the
    hand-written regions taken from the file the configuration writes the document to (when
    there is one). Pages come in sidebar order: `sidebar_order` first, then by slug.
    """
    from extractor.cache import CACHE_DIR
    from extractor.cli import work
    from extractor.config import effective_config
    from extractor.discover import find_integrations

    values = {"paths": list(paths) or None}
    config, _ = effective_config(values, cwd, config_file=config_file)
    roots = find_integrations(config.paths, ignore=config.ignore, options=config.extract_options())
    ranked: list[tuple[tuple[bool, int, int], SitePage]] = []
    problems: list[str] = []
    sources: list[Path] = [config.file] if config.file else []
    for index, root in enumerate(roots):
        sources += [*root.files, *([root.changelog] if root.changelog else [])]
        outcome = work.extract_one(root, config.extract_options(), config.root / CACHE_DIR)
        if isinstance(outcome, work.Failure):
            problems.append(f"{outcome.location or root.path}: error: {outcome.message}")
            continue
        order = config.override(root.slug).sidebar_order
        ranked.append(((order is None, order or 0, index), _page(config, root, outcome)))
    pages = [page for _, page in sorted(ranked, key=lambda item: item[0])]
    return Collected(_unique(pages), sources, problems)


def _page(config: Config, root: IntegrationRoot, doc: Integration) -> SitePage:
    """One integration's page: rendered with front matter, regions kept from its output file."""
    from extractor.cli import work
    from extractor.ordering import arrange
    from extractor.site import SitePage

    override = config.override(root.slug)
    if override.name:
        doc = doc.model_copy(update={"name": override.name})
    text = work.load_render()(
        arrange(doc, config.sort),
        template_dir=override.template or config.template,
        webhook_base_url=override.webhook_base_url or config.webhook_base_url,
        front_matter=True,
        sidebar_order=override.sidebar_order,
    )
    return SitePage(slug=root.slug, title=doc.name or root.slug, text=_with_regions(config, root, text))


def _with_regions(config: Config, root: IntegrationRoot, text: str) -> str:
    """`text` with the hand-written regions of the file `output` points to, if it has any."""
    from extractor.cli.options import base_folder
    from extractor.errors import ExtractDocsError
    from extractor.regions import merge_regions
    from extractor.write import output_path, read_existing

    pattern = config.override(root.slug).output or config.output
    if pattern is None:
        return text
    try:
        path = output_path(config.root, pattern, slug=root.slug, folder=base_folder(root),
                           root=config.root)
        existing = read_existing(path)
        return merge_regions(text, existing, path=str(path)) if existing is not None else text
    except ExtractDocsError:
        return text  # no regions to keep (or none that can be read): the generated seed


def _unique(pages: Iterable[SitePage]) -> list[SitePage]:
    """Pages with file-name-safe, distinct slugs (`index` is the start page's)."""
    from extractor.site import SitePage
    from extractor.write import safe_slug

    taken = {"index"}
    result: list[SitePage] = []
    for page in pages:
        base = safe_slug(page.slug)
        slug, number = base, 1
        while slug.lower() in taken:
            number += 1
            slug = f"{base}-{number}"
        taken.add(slug.lower())
        result.append(SitePage(slug=slug, title=page.title, text=page.text))
    return result


def _stamps(files: Iterable[Path]) -> dict[Path, float]:
    """Modification times of `files` and of every `.py` file in their folders."""
    stamps: dict[Path, float] = {}
    for path in {item for file in files for item in (file, *file.parent.glob("*.py"))}:
        try:
            stamps[path] = path.stat().st_mtime
        except OSError:
            stamps[path] = -1.0
    return stamps


@dataclass
class _Session:
    """A running preview: the options, the temporary project and the last generation."""

    options: PreviewOptions
    cwd: Path
    folder: Path
    tools: Path
    collected: Collected = field(default_factory=lambda: Collected([], [], []))

    def generate(self) -> None:
        """(Re)generate the pages and write the changed ones into the project."""
        self.collected = collect_pages(self.options.paths, cwd=self.cwd, config_file=self.options.config)
        for problem in self.collected.problems:
            print(problem, file=sys.stderr, flush=True)
        from extractor.site import write_project

        write_project(self.folder, self.collected.pages, self.tools)

    def watch(self, server: subprocess.Popen[bytes]) -> int:
        """Poll the sources while the server runs; regenerate the pages after a change."""
        from extractor.errors import ExtractDocsError

        stamps = _stamps(self.collected.sources)
        try:
            while server.poll() is None:
                time.sleep(POLL_SECONDS)
                if _stamps(self.collected.sources) == stamps:
                    continue
                try:
                    self.generate()
                    print(f"regenerated {len(self.collected.pages)} page(s)", file=sys.stderr, flush=True)
                except ExtractDocsError as exc:
                    print(f"error: {exc.message}", file=sys.stderr, flush=True)
                stamps = _stamps(self.collected.sources)
        except KeyboardInterrupt:
            return 0
        return server.returncode or 0


def _interrupt(signum: int, frame: object) -> None:
    raise KeyboardInterrupt


def run_preview(options: PreviewOptions, *, cwd: Path | None = None) -> int:
    """Serve the site until interrupted (Ctrl+C, SIGTERM) or the server stops; regenerate the
    pages when their sources change. Raises `ExtractDocsError` when the site tooling is
    missing or the first generation fails."""
    from extractor.site import site_tools_dir

    tools = site_tools_dir()
    signal.signal(signal.SIGTERM, _interrupt)  # stop the server and clean up, as Ctrl+C does
    folder = Path(tempfile.mkdtemp(prefix="extract-docs-preview-"))
    session = _Session(options, cwd or Path.cwd(), folder, tools)
    try:
        session.generate()
        return _serve(session)
    except KeyboardInterrupt:
        return 0
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def _serve(session: _Session) -> int:
    """Run `vitepress dev` on the project while watching the sources."""
    from extractor.site import vitepress_command

    options = session.options
    command = vitepress_command(session.tools, "dev", str(session.folder), "--host", options.host,
                                "--port", str(options.port), "--strictPort")
    pages = session.collected.pages
    first = pages[0].slug if pages else "index"
    print(f"preview: http://{options.host}:{options.port}/{first}.html (Ctrl+C stops it)",
          file=sys.stderr, flush=True)
    with subprocess.Popen(command, cwd=session.folder, stdin=subprocess.DEVNULL) as server:
        try:
            return session.watch(server)
        finally:
            server.terminate()
            server.wait(timeout=10)


def preview_command(
    paths: Annotated[
        list[Path] | None,
        typer.Argument(metavar="PATH", show_default=False,
                       help="Integrations to preview (default: `paths` of [tool.extract-docs])."),
    ] = None,
    host: Annotated[str, typer.Option("--host", metavar="ADDR", help="Address to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", metavar="N", min=1, max=65535, help="Port to listen on.")] = 5173,
    config: Annotated[
        Path | None,
        typer.Option("--config", metavar="FILE", show_default=False,
                     help="Read this TOML file instead of the nearest pyproject.toml."),
    ] = None,
) -> None:
    """Serve the documents as a VitePress site on localhost; pages follow source changes.

    Needs the site tooling: `npm ci --prefix site` in the extract-docs repository.
    """
    from extractor.cli.app import guarded

    options = PreviewOptions(paths=list(paths or []), host=host, port=port, config=config)
    raise typer.Exit(guarded(lambda: run_preview(options)))
