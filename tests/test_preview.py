"""`extract-docs preview`: a real `vitepress dev` server on a free port, fetched with urllib.

The page module VitePress compiles (`/<slug>.md?import`) carries the page data (the front
matter title) and the rendered headings; an edit of the integration's source must show up
there without a restart, and stopping the command must leave nothing behind.
"""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from extractor.app.site import SITE_ENV, site_tools_dir
from extractor.errors import ExtractDocsError

from .conftest import SAMPLES


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _fetch(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return str(response.read().decode("utf-8"))
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return None


def _wait_for(url: str, wanted: str, process: subprocess.Popen[str], seconds: float) -> str:
    """The text at `url` once it contains `wanted` (polling; bounded in time)."""
    deadline = time.monotonic() + seconds
    last = None
    while time.monotonic() < deadline:
        assert process.poll() is None, process.communicate()[1]
        last = _fetch(url)
        if last is not None and wanted in last:
            return last
        time.sleep(0.5)
    raise AssertionError(f"{url} never showed {wanted!r}; last answer: {(last or '')[:300]!r}")


@pytest.fixture
def samples(tmp_path: Path) -> Path:
    copy = tmp_path / "samples"
    shutil.copytree(SAMPLES, copy, ignore=shutil.ignore_patterns("__pycache__", ".extract-docs-cache"))
    return copy


def test_preview_serves_the_page_and_follows_source_edits(samples: Path, tmp_path: Path) -> None:
    try:
        site_tools_dir()
    except ExtractDocsError as exc:
        pytest.skip(exc.message)
    port = _free_port()
    temp = tmp_path / "tmp"
    temp.mkdir()
    command = [sys.executable, "-m", "extractor.cli", "preview", "stripe_payments", "--config",
               "extract-docs.toml", "--port", str(port)]
    process = subprocess.Popen(command, cwd=samples, env={**os.environ, "TMPDIR": str(temp)},
                               stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    try:
        page = f"http://127.0.0.1:{port}/stripe_payments.md?import"
        module = _wait_for(page, "Stripe Payments", process, 90)
        assert '\\"title\\":\\"Stripe Payments\\"' in module  # the front matter, as page data
        assert 'id=\\"usage--create-payment\\"' in module
        assert 'id=\\"response--create-refund\\"' in module
        assert "Stripe Payments" in (_fetch(f"http://127.0.0.1:{port}/index.md?import") or "")
        source = samples / "stripe_payments" / "__init__.py"
        source.write_text(
            source.read_text(encoding="utf-8").replace('"Stripe Payments"', '"Stripe Payments Live"'),
            encoding="utf-8",
        )
        _wait_for(page, '\\"title\\":\\"Stripe Payments Live\\"', process, 60)
    finally:
        process.send_signal(signal.SIGTERM)
        _, stderr = process.communicate(timeout=30)
    assert process.returncode == 0, stderr
    assert f"preview: http://127.0.0.1:{port}/stripe_payments.html" in stderr
    assert "regenerated 1 page(s)" in stderr
    assert list(temp.iterdir()) == []  # the temporary project is gone


def test_preview_without_the_site_tooling_says_how_to_install_it(samples: Path, tmp_path: Path) -> None:
    env = {**os.environ, SITE_ENV: str(tmp_path / "no-site")}
    result = subprocess.run([sys.executable, "-m", "extractor.cli", "preview", "stripe_payments"],
                            cwd=samples, env=env, capture_output=True, text=True, timeout=60, check=False)
    assert result.returncode == 2
    assert "VitePress is not installed" in result.stderr
    assert "npm ci --prefix site" in result.stderr
    assert "Traceback" not in result.stderr
