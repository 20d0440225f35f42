"""The OpenAPI runtime oracle: FastAPI's own `app.openapi()` next to the tool's static document.

The documented normalisation (docs/openapi.md), and nothing else:
- key order is not compared (both are dumped with sorted keys);
- a route serving several methods (`api_route(methods=[...])`): FastAPI names its one unique id
  after a method taken from a set, in hash order (it changes between runs), and gives every
  method that id as `operationId` (duplicates make the document invalid OpenAPI). The oracle
  gives FastAPI's operations each its own method's id, as the tool does, and writes the method
  of the names made from the unique id (`Body_…`, `Response …` titles) as `{method}` in both.
"""

from __future__ import annotations

import importlib
import json
import re
import warnings
from typing import Any


def runtime_document(module: str) -> dict[str, Any]:
    """`app.openapi()` of the app in `module`."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # FastAPI warns about the shared operation id of `api_route`
        document: dict[str, Any] = importlib.import_module(module).app.openapi()
    return document


def shared_ids(runtime: dict[str, Any]) -> list[tuple[str, list[str], str]]:
    """(path, methods, unique id) of each route FastAPI serves under several methods: its
    operations share one `operationId` ending with one of their methods."""
    found = []
    for path, item in runtime["paths"].items():
        by_id: dict[str, list[str]] = {}
        for method, operation in item.items():
            by_id.setdefault(operation.get("operationId", ""), []).append(method)
        found += [(path, methods, unique) for unique, methods in by_id.items()
                  if len(methods) > 1 and unique.rsplit("_", 1)[-1] in methods]
    return found


def normalised(document: dict[str, Any], groups: list[tuple[str, list[str], str]]) -> Any:
    """`document` after the normalisation above (`groups`: `shared_ids` of FastAPI's)."""
    data = json.loads(json.dumps(document))
    for path, methods, unique in groups:
        base = unique.rsplit("_", 1)[0]
        for method in methods:
            data["paths"][path][method]["operationId"] = f"{base}_{method}"
    text = json.dumps(data, sort_keys=True, ensure_ascii=False)
    for _, methods, unique in groups:
        base = unique.rsplit("_", 1)[0]
        for method in methods:
            text = re.sub(rf'(?<=[/"])Body_{re.escape(base)}_{method}(?=")', f"Body_{base}_{{method}}", text)
            title = f"Response_{base}".title().replace("_", " ")
            text = text.replace(f'"{title} {method.title()}"', f'"{title} {{method}}"')
    return json.loads(text)


def differences(ours: Any, theirs: Any, path: str = "") -> list[str]:
    """Where two JSON values differ, as readable lines (`/paths/…: ours …, FastAPI …`)."""
    if isinstance(ours, dict) and isinstance(theirs, dict):
        found: list[str] = []
        for key in sorted(set(ours) | set(theirs)):
            where = f"{path}/{key}"
            if key not in ours:
                found.append(f"{where}: missing (FastAPI: {json.dumps(theirs[key], ensure_ascii=False)[:200]})")
            elif key not in theirs:
                found.append(f"{where}: extra ({json.dumps(ours[key], ensure_ascii=False)[:200]})")
            else:
                found += differences(ours[key], theirs[key], where)
        return found
    if ours != theirs:
        return [f"{path}: ours {json.dumps(ours, ensure_ascii=False)[:200]}, "
                f"FastAPI {json.dumps(theirs, ensure_ascii=False)[:200]}"]
    return []
