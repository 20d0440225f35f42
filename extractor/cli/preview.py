"""`extract-docs preview PATH...`: the documents as a VitePress site on localhost, live.

The pages (`extractor.app.collect_pages`: generated with front matter and with the hand-written
regions of the files the configuration writes them to) go into a temporary VitePress project,
`vitepress dev` serves it, and a change to an integration's source regenerates its page,
which the browser then reloads. Nothing in the repository is written.
"""

from __future__ import annotations

import shutil
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from ..app.pages import Collected, collect_pages
from ..app.site import vitepress_command, write_project
from ..app.tooling import check_node, install_site_tools, locate_site_tools
from ..errors import ExtractDocsError
from .command_line import PreviewCommandLine

POLL_SECONDS = 1.0


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
    """A running preview: the command line, the temporary project and the last generation."""

    command_line: PreviewCommandLine
    cwd: Path
    folder: Path
    tools: Path
    collected: Collected = field(default_factory=lambda: Collected([], [], []))

    def generate(self) -> None:
        """(Re)generate the pages and write the changed ones into the project."""
        self.collected = collect_pages(self.command_line.paths, cwd=self.cwd, config_file=self.command_line.config)
        for problem in self.collected.problems:
            print(problem, file=sys.stderr, flush=True)
        write_project(self.folder, self.collected.pages, self.tools)

    def watch(self, server: subprocess.Popen[bytes]) -> int:
        """Poll the sources while the server runs; regenerate the pages after a change."""
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


def run_preview(command_line: PreviewCommandLine, *, cwd: Path | None = None) -> int:
    """Serve the site until interrupted (Ctrl+C, SIGTERM) or the server stops; regenerate the
    pages when their sources change. Installs the site tooling on the first run; raises
    `ExtractDocsError` when it can't, or when the first generation fails."""
    tools = _site_tools()
    signal.signal(signal.SIGTERM, _interrupt)  # stop the server and clean up, as Ctrl+C does
    folder = Path(tempfile.mkdtemp(prefix="extract-docs-preview-"))
    session = _Session(command_line, cwd or Path.cwd(), folder, tools)
    try:
        session.generate()
        return _serve(session)
    except KeyboardInterrupt:
        return 0
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def _site_tools() -> Path:
    """The installed site tooling; on the first run, VitePress installed into the per-user
    cache first (`npm ci`, a progress line before and after)."""
    tools = locate_site_tools()
    if tools.installed:
        return tools.folder
    check_node()
    print(f"preview: first run: installing VitePress into {tools.folder} (npm ci, about a minute)…",
          file=sys.stderr, flush=True)
    started = time.monotonic()
    folder = install_site_tools(tools.folder)
    print(f"preview: VitePress installed in {time.monotonic() - started:.0f} s; later runs start at once",
          file=sys.stderr, flush=True)
    return folder


def _serve(session: _Session) -> int:
    """Run `vitepress dev` on the project while watching the sources."""
    command_line = session.command_line
    command = vitepress_command(session.tools, "dev", str(session.folder), "--host", command_line.host,
                                "--port", str(command_line.port), "--strictPort")
    pages = session.collected.pages
    first = pages[0].slug if pages else "index"
    print(f"preview: http://{command_line.host}:{command_line.port}/{first}.html (Ctrl+C stops it)",
          file=sys.stderr, flush=True)
    with subprocess.Popen(command, cwd=session.folder, stdin=subprocess.DEVNULL) as server:
        try:
            return session.watch(server)
        finally:
            server.terminate()
            server.wait(timeout=10)
