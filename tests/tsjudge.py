"""The tsc judge: compile generated TypeScript with the pinned `tsc`, and prove it identical to
json-schema-to-typescript's reading of pydantic's own JSON Schema.

Node tools come from the repo's package.json (`npm ci`); without `node_modules/.bin/tsc` the
helpers skip the calling test with the reason. One `tsc -p` run checks any number of blocks.
"""

from __future__ import annotations

import hashlib
import json
import re
import shutil
import subprocess
import tempfile
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import pytest

REPO = Path(__file__).resolve().parent.parent
TSC = REPO / "node_modules" / ".bin" / "tsc"
JSTT = REPO / "node_modules" / "json-schema-to-typescript"
SCHEMA2TS = REPO / "tests" / "ts" / "schema2ts.cjs"
MISSING_TSC = "node_modules/.bin/tsc is absent: run `npm ci` at the repo root"
MISSING_JSTT = "json-schema-to-typescript is absent: run `npm ci` at the repo root"

needs_tsc = pytest.mark.skipif(not TSC.exists(), reason=MISSING_TSC)
needs_jstt = pytest.mark.skipif(
    not (TSC.exists() and JSTT.exists() and shutil.which("node")), reason=MISSING_JSTT
)

TSCONFIG: dict[str, Any] = {
    "compilerOptions": {
        "strict": True,
        "noEmit": True,
        "exactOptionalPropertyTypes": True,
        "noUnusedLocals": False,
        "target": "es2022",
        "module": "preserve",
        "types": [],
        "skipLibCheck": True,
    },
    "include": ["*.ts"],
}

EQUALS = (
    "type Equals<X, Y> = (<T>() => T extends X ? 1 : 2) extends "
    "(<T>() => T extends Y ? 1 : 2) ? true : false;"
)
"""Type identity (not mere assignability): optional vs required, readonly, `| null` all count."""

REFERENCE_ROOT = 'JudgeRoot["root"]'
"""How tests/ts/schema2ts.cjs exposes the type of the schema's root."""

_ERROR_LINE = re.compile(r"^(?P<file>[^\s(][^(]*)\((?P<line>\d+),(?P<col>\d+)\): (?P<msg>.*)$")


def module_stem(name: str) -> str:
    """The file stem a block is written to: readable, unique, a valid module path."""
    digest = hashlib.sha1(name.encode()).hexdigest()[:8]
    return re.sub(r"\W", "_", name, flags=re.ASCII)[:60] + "_" + digest


def tsc_errors(blocks: Mapping[str, str]) -> dict[str, list[str]]:
    """Compile every block as its own module in one `tsc -p`; tsc's messages by block name."""
    if not TSC.exists():
        pytest.skip(MISSING_TSC)
    files = {module_stem(name) + ".ts": name for name in blocks}
    with tempfile.TemporaryDirectory(prefix="tsjudge-") as tmp:
        root = Path(tmp)
        (root / "tsconfig.json").write_text(json.dumps(TSCONFIG, indent=2), encoding="utf-8")
        for file, name in files.items():
            (root / file).write_text(blocks[name] + "\nexport {};\n", encoding="utf-8")
        proc = subprocess.run(
            [str(TSC), "-p", str(root), "--pretty", "false"],
            cwd=root, capture_output=True, text=True, timeout=600, check=False,
        )
    errors = _parse_tsc(proc.stdout + proc.stderr, files, blocks)
    if proc.returncode != 0 and not errors:
        errors["<tsc>"] = [proc.stdout + proc.stderr or f"tsc exited with {proc.returncode}"]
    return errors


def _parse_tsc(output: str, files: Mapping[str, str], blocks: Mapping[str, str]
               ) -> dict[str, list[str]]:
    errors: dict[str, list[str]] = {}
    current: list[str] | None = None
    for raw in output.splitlines():
        match = _ERROR_LINE.match(raw)
        if match and Path(match["file"]).name in files:
            name = files[Path(match["file"]).name]
            line = int(match["line"])
            source = _source_line(blocks[name], line)
            current = errors.setdefault(name, [])
            current.append(f"line {line}:{match['col']}: {match['msg']}\n    | {source}")
        elif current is not None and raw.startswith(" "):
            current[-1] += "\n  " + raw.strip()
        elif raw.strip():
            errors.setdefault("<tsc>", []).append(raw)
    return errors


def _source_line(text: str, line: int) -> str:
    lines = (text + "\nexport {};\n").splitlines()
    return lines[line - 1] if 0 < line <= len(lines) else ""


def format_errors(errors: Mapping[str, list[str]]) -> str:
    """tsc's messages grouped under the names of the blocks they belong to."""
    return "\n".join(
        f"[{name}]\n" + "\n".join("  " + message for message in messages)
        for name, messages in errors.items()
    )


def check_typescript(blocks: Mapping[str, str]) -> None:
    """Assert that tsc (`strict`, `exactOptionalPropertyTypes`) accepts every block."""
    errors = tsc_errors(blocks)
    if errors:
        raise AssertionError("tsc rejected the TypeScript:\n" + format_errors(errors))


def schema_to_ts(schemas: Mapping[str, dict[str, Any]], *, raw: bool = False) -> dict[str, str]:
    """json-schema-to-typescript's modules for many JSON Schemas, in one node process.

    Each module exports `JudgeRoot`, whose `root` property has the schema's type. `raw`: the
    schemas as pydantic wrote them, without the judge's documented adjustments."""
    if not (JSTT.exists() and shutil.which("node")):
        pytest.skip(MISSING_JSTT)
    proc = subprocess.run(
        ["node", str(SCHEMA2TS), *(["--raw"] if raw else [])], input=json.dumps(dict(schemas)), cwd=REPO,
        capture_output=True, text=True, timeout=600, check=False,
    )
    if proc.returncode != 0:
        raise AssertionError(f"schema2ts failed:\n{proc.stderr}")
    result: dict[str, dict[str, str]] = json.loads(proc.stdout)
    failed = {name: r["error"] for name, r in result.items() if "error" in r}
    if failed:
        raise AssertionError(f"json-schema-to-typescript failed: {failed}")
    return {name: r["ts"] for name, r in result.items()}


def strip_readonly(block: str) -> str:
    """Our block without `readonly` modifiers: json-schema-to-typescript ignores `readOnly`,
    so the identity check can't see it (unit tests assert it instead)."""
    return re.sub(r"^(\t+)readonly ", r"\1", block, flags=re.MULTILINE)


def identity_module(ours: str, our_type: str, reference_block: str,
                    reference_type: str = REFERENCE_ROOT) -> str:
    """A TS module with our block that compiles only if `our_type` is identical to
    `Ref.<reference_type>` of the module named `reference_block`."""
    return "\n".join([
        f'import type * as Ref from "./{module_stem(reference_block)}";',
        "",
        strip_readonly(ours),
        EQUALS,
        f"const _identical: Equals<{our_type}, Ref.{reference_type}> = true;",
    ])


def identity_blocks(cases: Mapping[str, tuple[str, str, dict[str, Any]]]) -> dict[str, str]:
    """Blocks for `check_typescript` proving each case identical to pydantic's schema:
    `cases[name] = (our TypeScript block, our root type name, model_json_schema(mode=…))`."""
    references = schema_to_ts({name: schema for name, (_, _, schema) in cases.items()})
    blocks: dict[str, str] = {}
    for name, (ours, our_type, _) in cases.items():
        ref_name = f"{name} (json-schema-to-typescript)"
        blocks[ref_name] = references[name]
        blocks[name] = identity_module(ours, our_type, ref_name)
    return blocks


def assert_identical(cases: Mapping[str, tuple[str, str, dict[str, Any]]]) -> None:
    """Assert, in one tsc run, that every case's type is identical to pydantic's schema's."""
    check_typescript(identity_blocks(cases))
