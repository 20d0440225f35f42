"""FastAPI routes: `@app.get(…)`, `@router.post(…)`, `@app.api_route(…)`, `@app.webhooks.post(…)`.

A route is read once per mount (the include prefixes before its own path) and per method;
its signature (`signature.py`) gives the parameters, security and body fields. One JSON body
parameter is the body itself; several, `Body(embed=True)` or form fields make an object keyed
by parameter names: a synthetic `Body_<function>` model added to the registry. The response is
`response_model=`, else the return annotation (`AsyncIterable[Item]`: a stream of items);
`responses={…}` adds the other status codes with their models.
"""

from __future__ import annotations

import inspect
from dataclasses import replace
from typing import Any

from ...gather.expressions import Call, DictV, Ref, Subscript, Value
from ...gather.facts import Function, ModuleFacts
from ...ir import FieldSpec, ModelSpec, TModel, TPrim, Type
from ..handlers import first_paragraph, kebab, without_none
from ..records import JSON_MEDIA, STREAM_MEDIA, ExtraResponse, HttpRoute, Route
from .apps import Mount, listed
from .reading import Reading, per_method
from .signature import PATH_PARAM, Signature, SignatureReader

METHODS = frozenset({"get", "post", "put", "patch", "delete", "options", "head", "trace"})
ROUTE_ATTRS = METHODS | {"api_route"}
STREAMS = frozenset({"AsyncIterable", "AsyncIterator", "AsyncGenerator", "Iterable", "Iterator", "Generator"})
RESPONSE_MEDIA = {
    "HTMLResponse": "text/html", "PlainTextResponse": "text/plain", "JSONResponse": JSON_MEDIA,
    "ORJSONResponse": JSON_MEDIA, "UJSONResponse": JSON_MEDIA, "RedirectResponse": None,
    "StreamingResponse": None, "FileResponse": None, "Response": None,
}


def path_format(path: str) -> str:
    """`/files/{name:path}` → `/files/{name}`, as the OpenAPI document shows it."""
    return PATH_PARAM.sub(lambda m: "{" + m.group(1) + "}", path)


class FastAPIReader:
    """Reads the routes one decorator (or `add_api_route`) declares."""

    def __init__(self, reading: Reading) -> None:
        self.reading = reading
        self.signatures = SignatureReader(reading)

    def routes(
        self, module: ModuleFacts, function: Function, call: Call, attr: str, mounts: list[Mount], *,
        webhook: bool = False,
    ) -> list[Route]:
        """One route per mount and HTTP method (`api_route` may list several); hidden ones marked."""
        where = function.location
        path = self.reading.text(call.arg(0, "path"), f"path of `{function.name}`", where)
        methods = [attr.upper()] if attr != "api_route" else self._methods(call, function)
        status = self.reading.status_code(call.kwarg("status_code"), where) or 200
        summary, description = self._texts(call, function)
        tags = self.reading.strings(call.kwarg("tags"), "tags", where)
        hidden = self.reading.resolver.evaluate(call.kwarg("include_in_schema")) is False
        route = Route("handler", self._name(call, function), function.name, where, description=description,
                      http=HttpRoute("fastapi", path, status, summary, tags=tags, hidden=hidden, webhook=webhook,
                                     **self._openapi(call, function)), docstring=function.docstring)
        return [
            each for mount in mounts
            for each in per_method(self._mounted(route, module, function, call, mount), methods)
        ]

    def _mounted(self, route: Route, module: ModuleFacts, function: Function, call: Call, mount: Mount) -> Route:
        """The route where one mount puts it: prefix, tags, deprecation, dependencies and hiding added."""
        http = route.http
        assert http is not None
        full = mount.prefix + http.path if http.path is not None else None
        signature = self.signatures.read(function, full, (*mount.dependencies, *listed(call.kwarg("dependencies"))))
        written, stream, media = self._response(call, function, http.status_code or 200)
        response = None if written is None or written == TPrim("none") else without_none(written)
        mounted = replace(
            http, path=path_format(full) if full is not None else None, tags=[*mount.tags, *http.tags],
            deprecated=mount.deprecated or self.reading.flag(call.kwarg("deprecated")),
            parameters=signature.parameters(), body_media_type=signature.media_type(),
            body_required=signature.body_required(), security=list(signature.security),
            hidden=http.hidden or mount.hidden, response_media_type=media, stream=stream,
            responses=self._extra_responses((*mount.responses, call.kwarg("responses")), function),
            body_name=signature.body_name(),
            body_nullable=signature.body_nullable(), response_nullable=response is not None and response != written,
        )
        return replace(route, request=self._request(module, function, signature), response=response, http=mounted)

    def _methods(self, call: Call, function: Function) -> list[str]:
        methods = self.reading.strings(call.kwarg("methods"), f"methods of `{function.name}`", function.location)
        return [m.upper() for m in methods] or ["GET"]

    def _name(self, call: Call, function: Function) -> str:
        for key in ("name", "operation_id"):
            text = self.reading.text(call.kwarg(key), f"`{key}` of `{function.name}`", function.location)
            if text:
                return text
        return kebab(function.name)

    def _openapi(self, call: Call, function: Function) -> dict[str, Any]:
        """What FastAPI's OpenAPI document takes from the decorator: `operation_id`, the route
        name and the whole description (the docstring up to a form feed)."""
        keys = ("operation_id", "name", "description")
        read = {key: self.reading.text(call.kwarg(key), f"`{key}` of `{function.name}`", function.location)
                for key in keys}
        text = read["description"] or inspect.cleandoc(function.docstring or "")
        return {"operation_id": read["operation_id"], "endpoint_name": read["name"] or function.name,
                "doc": text.split("\f")[0].strip() or None}

    def _texts(self, call: Call, function: Function) -> tuple[str | None, str]:
        """The route's summary, and its description (the summary when there is nothing else)."""
        where = function.location
        summary = self.reading.text(call.kwarg("summary"), f"summary of `{function.name}`", where)
        description = self.reading.text(call.kwarg("description"), f"description of `{function.name}`", where)
        return summary, description or first_paragraph(function.docstring) or summary or ""

    # ------------------------------------------------------------------ models

    def _request(self, module: ModuleFacts, function: Function, signature: Signature) -> Type | None:
        bodies = signature.body_fields()
        if not bodies:
            return None
        if not signature.embedded():
            return without_none(bodies[0].type)
        name = f"Body_{function.name}"
        key = f"{module.module}.{name}"
        fields = [FieldSpec(b.name, b.type, function.location, has_default=not b.required, default=b.default,
                            alias=b.wire if b.wire != b.name else None, description=b.description,
                            examples=b.examples, constraints=b.constraints,
                            json_schema_extra=b.json_schema_extra) for b in bodies]
        self.reading.registry.models[key] = ModelSpec(key, name, function.location, fields=fields)
        return TModel(key)

    def _response(self, call: Call, function: Function, status: int) -> tuple[Type | None, bool, str | None]:
        """The response type as written (`X | None` kept), whether it is a stream of that type, and
        the response's media type."""
        media = self._response_media(call)
        if status < 200 or status in {204, 304}:
            return None, False, None
        if any(key == "response_model" for key, _ in call.kwargs):
            raw = call.kwarg("response_model")
            found = None if raw is None else self.reading.types.resolve(raw, function.location)
            return found, False, media
        returns = function.returns
        if isinstance(returns, Subscript) and isinstance(returns.value, Ref) and returns.value.last in STREAMS:
            item = self.reading.types.resolve(returns.items[0], function.location) if returns.items else None
            return item, item is not None, STREAM_MEDIA
        if returns is None or self._response_class(returns):
            return None, False, media
        return self.reading.types.resolve(returns, function.location), False, media

    def _response_media(self, call: Call) -> str | None:
        cls = call.kwarg("response_class")
        if cls is None:
            return JSON_MEDIA
        return RESPONSE_MEDIA.get(cls.last) if isinstance(cls, Ref) else None

    def _response_class(self, returns: Value) -> bool:
        """`-> JSONResponse` and other framework responses: no response model."""
        return (isinstance(returns, Ref) and returns.last.endswith("Response")
                and self.reading.hierarchy.resolve_class(returns) is None)

    def _extra_responses(self, written: tuple[Value | None, ...], function: Function) -> list[ExtraResponse]:
        """`responses={404: {"model": Message, "description": "…"}}` of the routers on the way and of
        the route, each status with its model; an inner entry replaces an outer one (FastAPI's merge)."""
        found: dict[str, ExtraResponse] = {}
        for raw in written:
            if raw is None:
                continue
            if not isinstance(raw, DictV):
                self.reading.warn(function.location, f"`responses` of `{function.name}` is not a static dict")
                continue
            for key, value in raw.items:
                status = self.reading.resolver.evaluate(key)
                if isinstance(key, Ref) and not isinstance(status, int | str):
                    status = self.reading.status_code(key, function.location)
                if not isinstance(status, int | str) or isinstance(status, bool):
                    self.reading.warn(function.location, f"a status of `responses` of `{function.name}` "
                                      "is not statically known")
                    continue
                found.pop(str(status), None)
                found[str(status)] = self._extra(str(status), value, function)
        return list(found.values())

    def _extra(self, status: str, value: Value, function: Function) -> ExtraResponse:
        entries = dict((k, v) for k, v in value.items if isinstance(k, str)) if isinstance(value, DictV) else {}
        model = entries.get("model")
        type_ = without_none(self.reading.types.resolve(model, function.location)) if model is not None else None
        description = self.reading.text(entries.get("description"), f"a response description of `{function.name}`",
                                        function.location)
        return ExtraResponse(status, description, type_)
