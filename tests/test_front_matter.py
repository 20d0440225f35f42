"""Front matter from the command line and the configuration: `--front-matter`,
`front_matter = true`, and `sidebar_order` of an integration's overrides."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import yaml

from .conftest import SAMPLES


def _cli(cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "extractor.cli", *args], cwd=cwd, capture_output=True,
                          text=True, check=False, timeout=120)


def _front(text: str) -> dict[str, object]:
    assert text.startswith("---\n"), text[:100]
    loaded = yaml.safe_load(text.split("\n---\n", 1)[0].removeprefix("---\n"))
    assert isinstance(loaded, dict)
    return loaded


def test_flag_config_and_sidebar_order(tmp_path: Path) -> None:
    shutil.copytree(SAMPLES, tmp_path / "s", ignore=shutil.ignore_patterns("__pycache__", ".extract-docs-cache"))
    root = tmp_path / "s"
    plain = _cli(root, "telegram_notify.py", "--no-cache")
    assert plain.returncode == 0 and plain.stdout.startswith("# Telegram Notify\n")
    flagged = _cli(root, "telegram_notify.py", "--front-matter", "--no-cache")
    assert _front(flagged.stdout) == {
        "title": "Telegram Notify",
        "description": "Telegram: уведомления в чаты, группы и каналы через Bot API.",
    }
    assert flagged.stdout.split("\n---\n", 1)[1] == "\n" + plain.stdout
    (root / "site.toml").write_text(
        'front_matter = true\n[overrides.telegram_notify]\nname = "Telegram"\nsidebar_order = 4\n', encoding="utf-8"
    )
    configured = _cli(root, "--config", "site.toml", "telegram_notify.py", "--no-cache")
    assert _front(configured.stdout)["order"] == 4
    assert _front(configured.stdout)["title"] == "Telegram"
    assert _cli(root, "--config", "site.toml", "--no-front-matter", "telegram_notify.py").stdout.startswith("# ")
    shown = json.loads(_cli(root, "config", "--config", "site.toml", "--no-front-matter", "--json").stdout)
    assert shown["values"]["front_matter"] is False and shown["sources"]["front_matter"] == "cli"
    bad = root / "bad.toml"
    bad.write_text('[overrides.telegram_notify]\nsidebar_order = "first"\n', encoding="utf-8")
    refused = _cli(root, "--config", "bad.toml", "telegram_notify.py")
    assert refused.returncode == 2 and "sidebar_order" in refused.stderr
