"""A VitePress site of generated documents: the project folder, the build, a local server.

The npm tooling (VitePress, playwright-core) lives in the repository's `site/` folder, with
its own package.json and lockfile (`npm ci --prefix site`); `EXTRACT_DOCS_SITE` names
another folder holding the same. Nothing here imports the pipeline or the renderer: pages
come in as text.
"""

from __future__ import annotations

import contextlib
import functools
import html
import json
import os
import shutil
import subprocess
import threading
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any, Final
from urllib.parse import quote

from ..errors import ExtractDocsError

SITE_ENV: Final = "EXTRACT_DOCS_SITE"
INSTALL_HINT: Final = (
    "install the site tooling first: `npm ci --prefix site` in the extract-docs repository "
    f"(or set {SITE_ENV} to a folder with node_modules/vitepress)"
)


class SiteError(ExtractDocsError):
    """The site tooling is missing, or VitePress or a browser script failed."""


@dataclass(frozen=True)
class SitePage:
    """One generated document as a page: `{slug}.md`, its sidebar text and its text."""

    slug: str
    title: str
    text: str


def site_tools_dir() -> Path:
    """The folder with the npm site tooling: `$EXTRACT_DOCS_SITE`, else the repository's `site/`.

    Raises `SiteError` (with how to install it) when VitePress is not installed there.
    """
    configured = os.environ.get(SITE_ENV)
    folder = Path(configured) if configured else Path(__file__).resolve().parents[2] / "site"
    if not (folder / "node_modules" / "vitepress" / "package.json").is_file():
        raise SiteError(f"VitePress is not installed in {folder}: {INSTALL_HINT}", str(folder))
    return folder


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


def run_tool(command: list[str], *, cwd: Path, timeout: float) -> subprocess.CompletedProcess[str]:
    """Run a node command, its output captured; a time-out becomes `SiteError`."""
    env = {**os.environ, "NO_COLOR": "1", "FORCE_COLOR": "0"}
    try:
        return subprocess.run(command, cwd=cwd, env=env, capture_output=True, text=True,
                              timeout=timeout, check=False, stdin=subprocess.DEVNULL)
    except subprocess.TimeoutExpired:
        raise SiteError(f"{' '.join(command[1:3])} took longer than {timeout:.0f} s") from None


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
