"""Web apps as teams write them, checked against the frameworks at run time (issue 14).

The apps under `tests/webapps/` (a full-stack-template backend: SQLModel, `deps.py` aliases,
a settings-built prefix, OAuth2 form login, uploads; a FastAPI app built by a factory; a Flask
factory with class-based views) and the FastAPI sample are extracted statically, then imported
for real: every operation is compared with FastAPI's own `app.openapi()` (method, served path,
parameters by location and name, body media type and fields, response fields, status code,
security) and Flask's `url_map`. `test_scores` prints the figures:

    PYTHONPATH=$PWD python -m pytest -q -s -p no:cacheprovider tests/test_webapps.py -k scores
"""

from __future__ import annotations

import functools
import importlib
import re
import sys
import warnings
from pathlib import Path
from typing import Any

import pytest

from extractor.discover import IntegrationRoot
from extractor.model import DocModel, Handler, Integration

from .conftest import SAMPLES

pytestmark = pytest.mark.judge
WEBAPPS = Path(__file__).parent / "webapps"
FASTAPI_APPS = {"fullstack_backend": WEBAPPS, "factory_backend": WEBAPPS, "fastapi_shop": SAMPLES}
MAIN = {"fullstack_backend": "main", "factory_backend": "main", "fastapi_shop": "main"}
Op = tuple[str, str]


@functools.cache
def extracted(name: str, parent: Path) -> Integration:
    """The static extraction of one app folder."""
    from extractor.pipeline import extract

    path = parent / name
    files = tuple(sorted(p for p in path.rglob("*.py") if "__pycache__" not in p.parts))
    return extract(IntegrationRoot(path, name, files, None))


@functools.cache
def openapi(name: str) -> dict[str, Any]:
    """FastAPI's own document of an app, imported for real."""
    if str(WEBAPPS) not in sys.path:
        sys.path.append(str(WEBAPPS))
    module = importlib.import_module(f"{name}.{MAIN[name]}")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return module.app.openapi()  # type: ignore[no-any-return]


def schema_of(document: dict[str, Any], schema: dict[str, Any]) -> dict[str, Any]:
    """A schema with `$ref` (and an array's items) followed to the object that has the fields."""
    for _ in range(8):
        if "$ref" in schema:
            schema = document["components"]["schemas"][schema["$ref"].rpartition("/")[2]]
        elif schema.get("type") == "array":
            schema = schema.get("items", {})
        else:
            break
    return schema


def their_fields(document: dict[str, Any], schema: dict[str, Any] | None) -> set[tuple[str, bool]]:
    """(property, required) of the object a body or response schema is."""
    if not schema:
        return set()
    found = schema_of(document, schema)
    required = set(found.get("required", []))
    return {(prop, prop in required) for prop in found.get("properties", {})}


_INTERFACE = re.compile(r"^interface (\w+) \{$")
_PROPERTY = re.compile(r"""^\t(?:readonly )?("[^"]*"|[A-Za-z_$][\w$]*)(\?)?: """)
_ALIAS = re.compile(r"^type \w+ = (?:readonly )?\(?(\w+)\)?(?:\[\])?;$")


def our_fields(model: DocModel | None) -> set[tuple[str, bool]]:
    """(field, required) of a documented body or response: its fields, or those of its item type."""
    if model is None:
        return set()
    if model.fields:
        return {(f.name, f.required) for f in model.fields}
    lines = model.typescript.splitlines()
    target = next((m.group(1) for line in lines if (m := _ALIAS.match(line))), None)
    found: set[tuple[str, bool]] = set()
    current = False
    for line in lines:
        if match := _INTERFACE.match(line):
            current = match.group(1) == target
        elif current and (match := _PROPERTY.match(line)):
            found.add((match.group(1).strip('"'), match.group(2) is None))
    return found


def their_operations(document: dict[str, Any]) -> dict[Op, dict[str, Any]]:
    """Every operation of the document, by (METHOD, path); webhooks by their name."""
    found = {}
    for section in ("paths", "webhooks"):
        for path, item in document.get(section, {}).items():
            for method, operation in item.items():
                found[(method.upper(), path)] = operation
    return found


def our_operations(doc: Integration) -> dict[Op, Handler]:
    """The documented routes that FastAPI publishes (hidden ones left out), by (METHOD, path)."""
    return {(h.method, h.path or ""): h for h in doc.handlers if not h.hidden}


def success(operation: dict[str, Any]) -> tuple[str, dict[str, Any]]:
    """The success status and its content."""
    status = next(code for code in operation["responses"] if code.startswith("2"))
    return status, operation["responses"][status].get("content", {})


def facts(document: dict[str, Any], op: Op, operation: dict[str, Any]) -> dict[str, set[Any]]:
    """FastAPI's facts of one operation, as sets of comparable tuples by kind."""
    status, content = success(operation)
    body = operation.get("requestBody", {}).get("content", {})
    media = next(iter(body), None)
    response = next((c.get("schema") or c.get("itemSchema") for c in content.values()), None)
    return {
        "path": {op},
        "params": {(op, p["in"], p["name"], p["required"]) for p in operation.get("parameters", [])},
        "body": {(op, media, *f) for f in their_fields(document, body[media]["schema"] if media else None)},
        "response": {(op, *f) for f in their_fields(document, response)},
        "status": {(op, status)},
        "security": {(op, name) for requirement in operation.get("security", []) for name in requirement},
    }


def our_facts(op: Op, handler: Handler) -> dict[str, set[Any]]:
    """The extracted facts of one operation, in the same shape."""
    media = handler.content_type
    return {
        "path": {op},
        "params": {(op, p.in_, p.name, p.required) for p in handler.parameters},
        "body": {(op, media, *f) for f in our_fields(handler.request)},
        "response": {(op, *f) for f in our_fields(handler.response)},
        "status": {(op, str(handler.status_code or 200))},
        "security": {(op, s.name) for s in handler.security},
    }


def score(name: str) -> dict[str, tuple[float, int, int]]:
    """Per kind: F1 (path: accuracy), and the sizes of both sides, over all operations of an app."""
    document = openapi(name)
    theirs_ops, ours_ops = their_operations(document), our_operations(extracted(name, FASTAPI_APPS[name]))
    theirs: dict[str, set[Any]] = {}
    ours: dict[str, set[Any]] = {}
    for op, operation in theirs_ops.items():
        for kind, items in facts(document, op, operation).items():
            theirs.setdefault(kind, set()).update(items)
    for op, handler in ours_ops.items():
        for kind, items in our_facts(op, handler).items():
            ours.setdefault(kind, set()).update(items)
    result = {}
    for kind, expected in theirs.items():
        got = ours.get(kind, set())
        total = len(expected) + len(got)
        result[kind] = (1.0 if total == 0 else 2 * len(expected & got) / total, len(expected), len(got))
    return result


@pytest.mark.parametrize("name", sorted(FASTAPI_APPS))
def test_operations_are_exactly_fastapis(name: str) -> None:
    theirs = their_operations(openapi(name))
    ours = our_operations(extracted(name, FASTAPI_APPS[name]))
    assert sorted(ours) == sorted(theirs)


def _cases() -> list[tuple[str, Op]]:
    return [(name, op) for name in sorted(FASTAPI_APPS) for op in their_operations(openapi(name))]


@pytest.mark.parametrize(("name", "op"), _cases())
def test_operation_matches_openapi(name: str, op: Op) -> None:
    document = openapi(name)
    theirs = facts(document, op, their_operations(document)[op])
    ours = our_facts(op, our_operations(extracted(name, FASTAPI_APPS[name]))[op])
    assert ours == theirs


@pytest.mark.parametrize("name", ["fullstack_backend", "factory_backend"])
def test_security_schemes_are_fastapis(name: str) -> None:
    schemes = openapi(name)["components"]["securitySchemes"]
    found = {s.name: s for h in extracted(name, WEBAPPS).handlers for s in h.security}
    assert set(found) == set(schemes)
    for key, auth in found.items():
        expected = schemes[key]
        assert auth.type == expected["type"]
        assert (auth.in_, auth.param_name) == (expected.get("in"), expected.get("name"))
        assert auth.scheme == expected.get("scheme")
        flows = expected.get("flows", {})
        if auth.token_url is not None:
            assert auth.token_url == flows["password"]["tokenUrl"]


def test_hidden_routes_are_documented_as_hidden() -> None:
    hidden = [h for h in extracted("fullstack_backend", WEBAPPS).handlers if h.hidden]
    assert [(h.method, h.path) for h in hidden] == [("GET", "/api/v1/utils/internal")]
    assert "/api/v1/utils/internal" not in openapi("fullstack_backend")["paths"]


def test_flask_factory_routes_are_exactly_flasks() -> None:
    if str(WEBAPPS) not in sys.path:
        sys.path.append(str(WEBAPPS))
    app = importlib.import_module("flask_factory.app").create_app()
    expected = set()
    for rule in app.url_map.iter_rules():
        methods = sorted(rule.methods - {"HEAD", "OPTIONS"})
        name = rule.endpoint.rpartition(".")[2].replace("_", "-")
        for method in methods if rule.endpoint != "static" else ():
            suffix = f"-{method.lower()}" if len(methods) > 1 else ""
            expected.add((method, re.sub(r"<(?:[^:>]+:)?(\w+)>", r"{\1}", rule.rule), name + suffix))
    doc = extracted("flask_factory", WEBAPPS)
    assert {(h.method, h.path, h.name) for h in doc.handlers} == expected
    assert doc.warnings == []


def test_scores() -> None:
    """The figures of docs/frameworks.md: served path, parameters, body and response fields."""
    for name in sorted(FASTAPI_APPS):
        figures = score(name)
        print(f"\n{name}: " + ", ".join(f"{kind} {f1:.3f} ({theirs}/{ours})" for kind, (f1, theirs, ours)
                                        in figures.items()))
        assert all(f1 >= 0.95 for f1, _, _ in figures.values()), figures


def test_the_markdown_page_shows_served_paths_forms_dependency_parameters_and_auth() -> None:
    from extractor.render import render_markdown

    text = render_markdown(extracted("fullstack_backend", WEBAPPS))
    assert "| POST | `/api/v1/login/access-token` |" in text
    assert "`/login/access-token`" not in text.replace("/api/v1/login/access-token", "")
    assert "--data-urlencode 'username=" in text and "username=string" not in text  # a real value, no placeholder
    assert "-F 'file=@file.bin'" in text and "-F 'files=@files.bin'" in text
    assert "-H 'Authorization: Bearer <token>'" in text and "-H 'X-Service-Key: <api-key>'" in text
    assert '"Authorization": "Bearer <token>"' in text and "new FormData()" in text
    assert "| `x-client-id` | заголовок |" in text
    assert "`session`" not in text and "`current_user`" not in text
    assert "Скрыт из схемы OpenAPI." in text


@pytest.mark.parametrize("name", ["fullstack_backend", "factory_backend"])
def test_usage_examples_of_the_backends_type_check(name: str, tmp_path: Path) -> None:
    """The fetch calls with auth headers, `FormData` and `URLSearchParams` bodies compile under `tsc --strict`."""
    import subprocess

    from extractor.render import render_markdown

    from .test_render import fences, find_tsc, section

    tsc = find_tsc()
    if tsc is None:
        pytest.skip("tsc not installed (set TSC=path/to/tsc)")
    doc = extracted(name, WEBAPPS)
    examples = fences(section(render_markdown(doc), "Использование"), "typescript")
    files = []
    for index, (item, example) in enumerate(zip(doc.handlers, examples, strict=True)):
        models = {m.interface: m.typescript for m in (item.request, item.response) if m}
        path = tmp_path / f"example{index}.ts"
        path.write_text("\n".join([*models.values(), "export {};", example]), encoding="utf-8")
        files.append(str(path))
    result = subprocess.run(
        [tsc, "--strict", "--noEmit", "--target", "es2022", "--module", "es2022", "--lib", "es2022,dom", *files],
        capture_output=True, text=True, check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
