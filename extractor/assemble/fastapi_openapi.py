"""FastAPI's own OpenAPI document (`app.openapi()`), made from the resolved routes statically.

Each rule is FastAPI's (`fastapi.openapi.utils.get_openapi`): the operationId is the route's
unique id (`name + path`, non-word characters `_`, then the method) unless `operation_id=` is
given; parameters go path, query, header, cookie, each in dependency order; a body of several
parameters is the model `Body_<unique id>`; a response model's schema is titled
`Response <Unique Id>` when it is not a `$ref`; an operation with parameters or a body answers
422 with `HTTPValidationError` (`fastapi_responses`); components are pydantic's definitions of
every field, requests in validation mode and responses in serialization mode (`Item-Input` /
`Item-Output` when they differ), sorted by name, with FastAPI's schema of `bytes`. Routes with
`include_in_schema=False` are left out; `@app.webhooks.post(name)` routes go under `webhooks`;
security schemes under `components.securitySchemes` (`openapi_security`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Any

from ..diagnostics import Diagnostic
from ..ir import FieldSpec, Registry, TModel, TPrim, TUnion
from ..resolve import Resolved
from ..resolve.records import JSON_MEDIA, Route, RouteParam
from ..schema import COMPONENTS_TEMPLATE, Definitions, Generator
from ..schema.models import field_schema
from ..typescript import WireField, wire_fields
from .fastapi_responses import field_titled, responses
from .openapi_info import OPENAPI_VERSION, info
from .openapi_security import operation_security, security_schemes

JsonObject = dict[str, Any]

PARAM_ORDER = ("path", "query", "header", "cookie")
VALIDATION_ERROR: JsonObject = {
    "properties": {
        "loc": {"items": {"anyOf": [{"type": "string"}, {"type": "integer"}]}, "type": "array", "title": "Location"},
        "msg": {"type": "string", "title": "Message"},
        "type": {"type": "string", "title": "Error Type"},
        "input": {"title": "Input"},
        "ctx": {"type": "object", "title": "Context"},
    },
    "type": "object", "required": ["loc", "msg", "type"], "title": "ValidationError",
}
HTTP_VALIDATION_ERROR: JsonObject = {
    "properties": {"detail": {"items": {"$ref": "#/components/schemas/ValidationError"}, "type": "array",
                              "title": "Detail"}},
    "type": "object", "title": "HTTPValidationError",
}
"""The two schemas FastAPI adds for its 422 answer (fastapi.openapi.utils)."""
FASTAPI_PRIMITIVES: JsonObject = {"bytes": {"type": "string", "contentMediaType": "application/octet-stream"}}
"""FastAPI's `GenerateJsonSchema` writes `bytes` (and `UploadFile`) so, in both modes."""


def unique_ids(routes: list[Route]) -> tuple[dict[int, str], dict[int, str]]:
    """FastAPI's `generate_unique_id` of each route (route name and path, non-word characters
    `_`, then the method; `operation_id=` when given), and each operation's id, keyed by
    `id(route)` (a route is not hashable).

    A decorator serving several methods (`api_route`) is one FastAPI route with one unique id,
    which names its `Body_` model: FastAPI takes the method from a set (hash order, so it
    changes between runs); here it is the first one listed. FastAPI also gives every method
    that one id as `operationId`, which makes the document invalid (operation ids must be
    unique); here each operation ends with its own method."""
    first: dict[tuple[str, str | None], str] = {}
    ids: dict[int, str] = {}
    operations: dict[int, str] = {}
    for route in routes:
        http = route.http
        assert http is not None
        method = first.setdefault((route.location, http.path), route.method)
        base = re.sub(r"\W", "_", f"{http.endpoint_name or route.function}{http.path or ''}")
        ids[id(route)] = http.operation_id or f"{base}_{method.lower()}"
        operations[id(route)] = http.operation_id or f"{base}_{route.method.lower()}"
    return ids, operations


@dataclass(frozen=True)
class App:
    """What every operation of one document reads: the registry, the definitions, the ids."""

    registry: Registry
    defs: Definitions
    ids: dict[int, str]
    operation_ids: dict[int, str]


def fastapi_document(resolved: Resolved, slug: str) -> tuple[JsonObject, list[Diagnostic]]:
    """`app.openapi()` of the app, and warnings for schemas that can't be read."""
    routes = [r for r in resolved.routes if r.http is not None and r.http.path is not None and r.kind == "handler"
              and not r.http.hidden]
    ids, operation_ids = unique_ids(routes)
    registry = _with_body_names(resolved.registry, routes, ids)
    app = App(registry, Definitions(registry, COMPONENTS_TEMPLATE, primitives=FASTAPI_PRIMITIVES), ids,
              operation_ids)
    sections: dict[bool, JsonObject] = {False: {}, True: {}}  # paths, webhooks
    for route in routes:
        assert route.http is not None and route.http.path is not None
        sections[route.http.webhook].setdefault(route.http.path, {})[route.method.lower()] = _operation(route, app)
    (paths, hooks), schemas = app.defs.finish(sections[False], sections[True])
    for schema in schemas.values():  # FastAPI cuts a model's description at a form feed
        if isinstance(schema.get("description"), str):
            schema["description"] = schema["description"].split("\f")[0]
    operations = [op for section in (paths, hooks) for item in section.values() for op in item.values()]
    if any("422" in op["responses"] for op in operations):
        schemas |= {"HTTPValidationError": HTTP_VALIDATION_ERROR, "ValidationError": VALIDATION_ERROR}
    app_info = info(resolved, "FastAPI", "0.1.0", docstring=False)  # FastAPI's defaults
    document: JsonObject = {"openapi": OPENAPI_VERSION, "info": app_info, "paths": paths}
    if hooks:
        document["webhooks"] = hooks
    document["components"] = _components(schemas, routes)
    return without_none(document), app.defs.warnings


def _components(schemas: JsonObject, routes: list[Route]) -> JsonObject | None:
    """`components`: the schemas sorted by name, the security schemes the routes use."""
    found: JsonObject = {}
    if schemas:
        found["schemas"] = dict(sorted(schemas.items()))
    schemes = security_schemes([use for route in routes if route.http for use in route.http.security])
    if schemes:
        found["securitySchemes"] = schemes
    return found or None


def without_none(value: Any) -> Any:
    """FastAPI writes its document with `exclude_none`: no key has the value `null`
    (`"default": null` included)."""
    if isinstance(value, dict):
        return {key: without_none(item) for key, item in value.items() if item is not None}
    if isinstance(value, list):
        return [without_none(item) for item in value]
    return value


def _body_model(route: Route, registry: Registry) -> TModel | None:
    """The request model the resolver made of several body parameters (`Body_<function>`)."""
    request = route.request
    if not isinstance(request, TModel):
        return None
    spec = registry.models.get(request.key)
    synthetic = spec is not None and spec.name == f"Body_{route.function}" and spec.location == route.location
    return request if synthetic else None


def _with_body_names(registry: Registry, routes: list[Route], ids: dict[int, str]) -> Registry:
    """The registry with each route's `Body_<function>` model named as FastAPI names it."""
    models = dict(registry.models)
    for route in routes:
        body = _body_model(route, registry)
        if body is not None:
            name = f"Body_{ids[id(route)]}"
            key = f"{body.key.rpartition('.')[0]}.{name}"
            models[key] = replace(registry.models[body.key], key=key, name=name)
    return Registry(models, registry.enums)


def _operation(route: Route, app: App) -> JsonObject:
    http = route.http
    assert http is not None
    op: JsonObject = {}
    if http.tags:
        op["tags"] = list(http.tags)
    op["summary"] = http.summary or (http.endpoint_name or route.function).replace("_", " ").title()
    if http.doc:
        op["description"] = http.doc
    op["operationId"] = app.operation_ids[id(route)]
    if http.deprecated:
        op["deprecated"] = True
    if http.security:
        op["security"] = operation_security(http.security)
    validation = app.defs.generator("validation")
    params = parameters(http.parameters, validation)
    if params:
        op["parameters"] = params
    body = _request_body(route, validation, app)
    if body is not None:
        op["requestBody"] = body
    op["responses"] = responses(route, app.defs.generator("serialization"), app.ids[id(route)],
                                bool(params) or body is not None)
    return op


def parameters(params: list[RouteParam], gen: Generator) -> list[JsonObject]:
    """Path, then query, header and cookie parameters, each kind in dependency order; a
    query or header model's fields each one parameter."""
    flat = [each for p in params for each in _expanded(p, gen)]
    return [p for kind in PARAM_ORDER for p in flat if p["in"] == kind]


def _expanded(param: RouteParam, gen: Generator) -> list[JsonObject]:
    if param.expand and isinstance(param.type, TModel) and param.type.key in gen.registry.models:
        fields = wire_fields(param.type, gen.registry, "validation")
        return [_parameter(f.name.replace("_", "-") if param.convert_underscores else f.name, param.in_,
                           f.required, field_titled(field_schema(f, gen, titled_field=False), f.name),
                           description=f.spec.description, deprecated=f.spec.deprecated) for f in fields]
    spec = FieldSpec(param.python_name, param.type, "", has_default=not param.required,
                     default=param.default, description=param.description, constraints=param.constraints,
                     deprecated=param.deprecated)
    wire = WireField(spec, param.name, param.type, param.required, readonly=False)
    schema = field_titled(field_schema(wire, gen, titled_field=False), param.name, param.title)
    return [_parameter(param.name, param.in_, param.required, schema, description=param.description,
                       deprecated=param.deprecated)]


def _parameter(name: str, where: str, required: bool, schema: JsonObject, *, description: str | None,
               deprecated: bool) -> JsonObject:
    found: JsonObject = {"name": name, "in": where, "required": required, "schema": schema}
    if description:
        found["description"] = description
    if deprecated:
        found["deprecated"] = True
    return found


def _request_body(route: Route, gen: Generator, app: App) -> JsonObject | None:
    """`requestBody`: the `Body_` model of several fields or the one body parameter's schema,
    under the body's media type (JSON, form, multipart)."""
    http = route.http
    assert http is not None
    if route.request is None:
        return None
    media = http.body_media_type or JSON_MEDIA
    body = _body_model(route, app.registry)
    if body is not None:
        renamed = TModel(f"{body.key.rpartition('.')[0]}.Body_{app.ids[id(route)]}")
        fields = wire_fields(renamed, gen.registry, "validation")
        required = any(f.required for f in fields)
        return {**({"required": True} if required else {}), "content": {media: {"schema": gen.schema(renamed)}}}
    request = TUnion((route.request, TPrim("none"))) if http.body_nullable else route.request
    schema = gen.schema(request)
    if http.body_name is not None:
        schema = field_titled(schema, http.body_name)
    return {**({"required": True} if http.body_required else {}), "content": {media: {"schema": schema}}}
