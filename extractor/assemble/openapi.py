"""`--format openapi`: the OpenAPI 3.1 document of one integration, from its resolved records.

A FastAPI app gets FastAPI's own `app.openapi()` document (`assemble.fastapi_openapi`); a Flask
app its routes and methods; an SDK integration one operation per handler on the platform's
execute endpoint (`POST /integrations/{id}/handlers/{handler}/execute`), and its events as
OpenAPI webhooks. Every schema is what pydantic writes (`extractor.schema`).
"""

from __future__ import annotations

import re
from typing import Any

from ..diagnostics import Diagnostic
from ..ir import Mode, Type
from ..resolve import Resolved
from ..resolve.records import Route
from ..schema import COMPONENTS_TEMPLATE, Definitions
from .fastapi_openapi import fastapi_document, parameters
from .openapi_info import OPENAPI_VERSION, info

EXECUTE_PATH = "/integrations/{{id}}/handlers/{handler}/execute"
"""The platform's endpoint that runs one handler (template-structure.md, API Reference)."""
ID_PARAMETER: dict[str, Any] = {
    "name": "id", "in": "path", "required": True, "description": "Идентификатор интеграции на платформе",
    "schema": {"type": "string"},
}
_FLASK_RULE = re.compile(r"<(?:[^:<>]+:)?([^<>]+)>")

JsonObject = dict[str, Any]


def openapi_document(resolved: Resolved, slug: str) -> tuple[JsonObject, list[Diagnostic]]:
    """The OpenAPI document of an integration, and warnings for schemas that can't be read."""
    frameworks = {route.http.framework for route in resolved.routes if route.http is not None}
    if "fastapi" in frameworks:
        return fastapi_document(resolved, slug)
    if "flask" in frameworks:
        return _document(resolved, slug, _flask_paths)
    return _document(resolved, slug, _sdk_paths)


def _document(resolved: Resolved, slug: str, paths: Any) -> tuple[JsonObject, list[Diagnostic]]:
    defs = Definitions(resolved.registry, COMPONENTS_TEMPLATE)
    found, hooks = paths(resolved, defs)
    (found, hooks), schemas = defs.finish(found, hooks)
    document: JsonObject = {"openapi": OPENAPI_VERSION, "info": info(resolved, slug, "0.0.0"), "paths": found}
    if hooks:
        document["webhooks"] = hooks
    if schemas:
        document["components"] = {"schemas": dict(sorted(schemas.items()))}
    return document, defs.warnings


def json_content(schema: JsonObject) -> JsonObject:
    """`content` with one JSON media type."""
    return {"application/json": {"schema": schema}}


def _operation(route: Route, defs: Definitions, operation_id: str) -> JsonObject:
    """An operation with the route's JSON request body and its response."""
    op: JsonObject = {"summary": route.description.split("\n\n")[0] if route.description else route.name,
                      "operationId": operation_id}
    if route.description:
        op["description"] = route.description
    if route.request is not None:
        op["requestBody"] = {"required": True, "content": json_content(_schema(route.request, defs, "validation"))}
    response: JsonObject = {"description": "Successful Response"}
    if route.response is not None:
        response["content"] = json_content(_schema(route.response, defs, "serialization"))
    op["responses"] = {"200": response}
    return op


def _schema(t: Type, defs: Definitions, mode: Mode) -> JsonObject:
    return defs.generator(mode).schema(t)


def _sdk_paths(resolved: Resolved, defs: Definitions) -> tuple[JsonObject, JsonObject]:
    paths: JsonObject = {}
    hooks: JsonObject = {}
    for route in resolved.routes:
        if route.kind == "handler":
            op = _operation(route, defs, route.name)
            paths[EXECUTE_PATH.format(handler=route.name)] = {"post": {**op, "parameters": [ID_PARAMETER]}}
        else:
            hooks[route.name] = {"post": _operation(route, defs, f"event_{route.name}")}
    return paths, hooks


def _flask_paths(resolved: Resolved, defs: Definitions) -> tuple[JsonObject, JsonObject]:
    """Flask: a rule's `<int:id>` is OpenAPI's `{id}`; the operationId is FastAPI's rule (the
    view function and the path, non-word characters `_`, then the method): unique even when
    class-based views share method names (`get`) or one function serves several rules."""
    paths: JsonObject = {}
    for route in resolved.routes:
        if route.http is None or route.http.path is None:
            continue
        path = _FLASK_RULE.sub(r"{\1}", route.http.path)
        op = _operation(route, defs, re.sub(r"\W", "_", f"{route.function}{path}") + f"_{route.method.lower()}")
        params = parameters(route.http.parameters, defs.generator("validation"))
        named = set(_FLASK_RULE.findall(route.http.path)) - {p["name"] for p in params if p["in"] == "path"}
        params += [{"name": name, "in": "path", "required": True, "schema": {"type": "string"}}
                   for name in sorted(named)]
        paths.setdefault(path, {})[route.method.lower()] = {**op, **({"parameters": params} if params else {})}
    return paths, {}
