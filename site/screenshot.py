"""Regenerate docs/screenshot.png: the Stripe sample's page as the documentation site shows it.

    python site/screenshot.py [OUT.png]

Generates the sample documents (as `extract-docs preview` does), builds them with VitePress,
serves the build on 127.0.0.1 and has headless Chromium (site/screenshot.mjs) take a
1280×1600 picture of the top of the stripe_payments page. Needs `pip install -e .`,
`npm ci --prefix site` and Debian's chromium.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from extractor.app.pages import collect_pages
from extractor.app.site import build, node_command, run_tool, serve, site_tools_dir, write_project

REPO = Path(__file__).resolve().parent.parent
SAMPLES = REPO / "sample_integrations"
PAGE = "stripe_payments"


def main(out: Path) -> int:
    """Build the samples' site and take the screenshot; the exit code."""
    tools = site_tools_dir()
    collected = collect_pages([], cwd=SAMPLES, config_file=SAMPLES / "extract-docs.toml")
    with tempfile.TemporaryDirectory(prefix="extract-docs-screenshot-") as temp:
        project = Path(temp)
        write_project(project, collected.pages, tools)
        dist = build(project, tools)
        with serve(dist) as base:
            shot = run_tool(node_command(tools, "screenshot.mjs", f"{base}/{PAGE}.html", str(out), "1280", "1600"),
                            cwd=project, timeout=120)
    if shot.returncode != 0:
        print(shot.stdout + shot.stderr, file=sys.stderr)
        return 1
    print(f"wrote {out}")
    return 0


if __name__ == "__main__":
    target = Path(sys.argv[1]) if len(sys.argv) > 1 else REPO / "docs" / "screenshot.png"
    raise SystemExit(main(target.resolve()))
