"""A VitePress site of generated documents: the project folder, the build, a local server.

The npm tooling (VitePress, playwright-core) is found or installed by `extractor.app.tooling`
(re-exported here: `site_tools_dir`, `SITE_ENV`). Nothing here imports the pipeline or the
renderer: pages come in as text.
"""

from __future__ import annotations

import contextlib
import functools
import html
import json
import os
import shutil
import threading
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import quote

from .tooling import INSTALL_HINT, SITE_ENV, SiteError, run_tool, site_tools_dir

__all__ = [
    "SITE_ENV",
    "SiteError",
    "SitePage",
    "browser_path",
    "build",
    "index_page",
    "node_command",
    "run_tool",
    "serve",
    "site_tools_dir",
    "vitepress_command",
    "write_project",
]


@dataclass(frozen=True)
class SitePage:
    """One generated document as a page: `{slug}.md`, its sidebar text and its text."""

    slug: str
    title: str
    text: str


def node_command(tools: Path, script: str, *args: str) -> list[str]:
    """`node <script> args…` for a script of the tooling (`site/<script>` or a package bin)."""
    node = shutil.which("node")
    if node is None:
        raise SiteError(f"node is not on PATH: {INSTALL_HINT}")
    return [node, str(tools / script), *args]


def vitepress_command(tools: Path, *args: str) -> list[str]:
    """The VitePress command line, from the tooling's node_modules."""
    return node_command(tools, "node_modules/vitepress/bin/vitepress.js", *args)


def write_project(folder: Path, pages: Sequence[SitePage], tools: Path) -> None:
    """Make `folder` a VitePress project: the pages, an index, `.vitepress/config.mts` and
    `pages.json` (the sidebar), and `node_modules` linked to the tooling's.

    Pages are written only when their text changed, so a running dev server reloads only
    what changed.
    """
    config_dir = folder / ".vitepress"
    config_dir.mkdir(parents=True, exist_ok=True)
    _write_if_changed(config_dir / "config.mts", (tools / "config.mts").read_text(encoding="utf-8"))
    # The default theme shows a sidebar item's text as HTML: escape it.
    sidebar = [{"link": f"/{quote(page.slug)}", "text": html.escape(page.title)} for page in pages]
    _write_if_changed(config_dir / "pages.json", json.dumps(sidebar, ensure_ascii=False, indent=2))
    _write_if_changed(folder / "index.md", index_page(pages))
    for page in pages:
        _write_if_changed(folder / f"{page.slug}.md", page.text)
    link = folder / "node_modules"
    if not link.exists():
        link.symlink_to(tools / "node_modules", target_is_directory=True)


def index_page(pages: Sequence[SitePage]) -> str:
    """The site's start page: a list of links to every integration's page (plain HTML under
    `v-pre`, so no name can add Markdown or Vue to it)."""
    items = "".join(
        f'<li><a href="./{quote(page.slug)}.html">{html.escape(page.title)}</a></li>' for page in pages
    )
    listing = f"<ul v-pre>{items}</ul>" if items else "Интеграций не найдено."
    return f"# Интеграции\n\n{listing}\n"


def _write_if_changed(path: Path, text: str) -> None:
    if not path.is_file() or path.read_text(encoding="utf-8") != text:
        path.write_text(text, encoding="utf-8")


def build(folder: Path, tools: Path, *, timeout: float = 300) -> Path:
    """`vitepress build` of the project in `folder`; the folder of the built site."""
    outcome = run_tool(vitepress_command(tools, "build", str(folder)), cwd=folder, timeout=timeout)
    if outcome.returncode != 0:
        raise SiteError(f"vitepress build failed:\n{outcome.stdout}{outcome.stderr}", str(folder))
    return folder / ".vitepress" / "dist"


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        """No access log on stderr."""


@contextlib.contextmanager
def serve(folder: Path, host: str = "127.0.0.1", port: int = 0) -> Iterator[str]:
    """Serve `folder` over HTTP in a thread while the block runs; yields the base URL."""
    handler = functools.partial(_QuietHandler, directory=str(folder))
    server = ThreadingHTTPServer((host, port), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://{host}:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


def browser_path() -> str:
    """Debian's Chromium (`$CHROMIUM` overrides); `SiteError` when there is none."""
    found = os.environ.get("CHROMIUM") or shutil.which("chromium") or shutil.which("chromium-browser")
    if not found:
        raise SiteError("Chromium is not installed: `apt-get install -y chromium` (Debian)")
    return found
