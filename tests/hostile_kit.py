"""Shared by the hostile-input tests: a small valid integration to add bad files to, and the
real CLI run in a subprocess."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).parent.parent

INIT = '''"""Демо: интеграция для проверки разбора.

Интеграция позволяет:
- проверять, что плохие файлы не мешают хорошим.
"""

from platform_sdk import Integration

integration = Integration(name="Demo", version="1.0.0")

from . import handlers  # noqa: E402,F401
'''

HANDLERS = '''"""Handlers."""

from pydantic import BaseModel, Field

from . import integration


class PingRequest(BaseModel):
    """Что проверить."""

    target: str = Field(description="Адрес проверки")


@integration.handler("ping", method="GET")
def ping(request: PingRequest) -> None:
    """Проверяет доступность адреса."""
'''


def make_package(parent: Path, extra: dict[str, bytes | str] | None = None, name: str = "demo") -> Path:
    """A package integration `parent/name` with a `ping` handler, plus `extra` files."""
    folder = parent / name
    folder.mkdir(parents=True)
    (folder / "__init__.py").write_text(INIT, encoding="utf-8")
    (folder / "handlers.py").write_text(HANDLERS, encoding="utf-8")
    for rel, content in (extra or {}).items():
        path = folder / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
    return folder


def run_cli(cwd: Path, *args: str, timeout: float = 300, prefix: tuple[str, ...] = (),
            cache: bool = False) -> subprocess.CompletedProcess[str]:
    """`extract-docs ARGS` in `cwd` (no cache unless `cache`), as a subprocess; `prefix`
    wraps the command."""
    env = {key: value for key, value in os.environ.items() if key not in {"CI", "GITHUB_ACTIONS"}}
    env["PYTHONPATH"] = str(ROOT)
    command = [*prefix, sys.executable, "-m", "extractor.cli", *args, *(() if cache else ("--no-cache",))]
    return subprocess.run(command, cwd=cwd, capture_output=True, text=True, timeout=timeout,
                          check=False, env=env)


def diagnostics(stderr: str) -> list[str]:
    """The `warning:` / `error:` lines of stderr."""
    return [line for line in stderr.splitlines() if ": warning: " in line or ": error: " in line]


def assert_clean(result: subprocess.CompletedProcess[str]) -> None:
    """No traceback, no crash by signal."""
    assert "Traceback" not in result.stderr, result.stderr[-3000:]
    assert result.returncode >= 0, f"killed by signal {-result.returncode}"
