"""The `responses` of one operation in FastAPI's OpenAPI document (`get_openapi_path`).

The route's status answers "Successful Response" with content by its response class: a JSON
class the response model's schema (titled `Response <Unique Id>` unless a `$ref`; `{}` without
a model), another class with a media type `{"type": "string"}`, a class without one
(`StreamingResponse`, `FileResponse`…) no content; a stream of items (`-> AsyncIterable[Item]`)
is `application/jsonl` with the item's `itemSchema`. Each `responses={…}` entry is then merged
in: its model's schema under the route's media type, its description, else the status's
standard text. An operation with parameters or a body answers 422 unless a 422, `4XX` or
`default` response is already there.
"""

from __future__ import annotations

import http.client
from typing import Any

from ..ir import TPrim, TUnion
from ..resolve.records import JSON_MEDIA, STREAM_MEDIA, ExtraResponse, Route
from ..schema import Generator, title_from_name

JsonObject = dict[str, Any]

NO_BODY_STATUS = frozenset({204, 205, 304, *range(100, 200)})
"""Status codes whose response FastAPI writes without content."""
STATUS_RANGES = {"1XX": "Information", "2XX": "Success", "3XX": "Redirection", "4XX": "Client Error",
                 "5XX": "Server Error", "DEFAULT": "Default Response"}
"""FastAPI's descriptions of range keys (`fastapi.openapi.utils.status_code_ranges`)."""
VALIDATION_RESPONSE: JsonObject = {
    "description": "Validation Error",
    "content": {"application/json": {"schema": {"$ref": "#/components/schemas/HTTPValidationError"}}},
}
VALIDATION_TAKEN = ("422", "4XX", "default")
"""A response under one of these keys replaces FastAPI's own 422."""


def field_titled(schema: JsonObject, alias: str, title: str | None = None) -> JsonObject:
    """FastAPI's rule for a parameter's, body's or response's schema: titled (its own
    `title=`, else after the field's alias) unless it is a `$ref`."""
    return schema if "$ref" in schema else {**schema, "title": title or title_from_name(alias)}


def responses(route: Route, gen: Generator, unique_id: str, validated: bool) -> JsonObject:
    """The operation's responses; `validated`: it has parameters or a body (FastAPI's 422)."""
    http = route.http
    assert http is not None
    status = http.status_code or 200
    main: JsonObject = {"description": "Successful Response"}
    content = None if status in NO_BODY_STATUS else _content(route, gen, unique_id)
    if content is not None:
        main["content"] = content
    found: JsonObject = {str(status): main}
    for extra in http.responses:
        _merge_extra(found, extra, gen, unique_id, http.response_media_type or JSON_MEDIA)
    if validated and not any(key in found for key in VALIDATION_TAKEN):
        found["422"] = VALIDATION_RESPONSE
    return found


def _content(route: Route, gen: Generator, unique_id: str) -> JsonObject | None:
    http = route.http
    assert http is not None
    media = http.response_media_type
    if http.stream or media == STREAM_MEDIA:
        item = field_titled(gen.schema(route.response), f"StreamItem_{unique_id}") if route.response else {}
        return {STREAM_MEDIA: {"itemSchema": item}}
    if media is None:
        return None
    if media != JSON_MEDIA:
        return {media: {"schema": {"type": "string"}}}
    if route.response is None:
        return {media: {"schema": {}}}
    response = TUnion((route.response, TPrim("none"))) if http.response_nullable else route.response
    return {media: {"schema": field_titled(gen.schema(response), f"Response_{unique_id}")}}


def _merge_extra(found: JsonObject, extra: ExtraResponse, gen: Generator, unique_id: str, media: str) -> None:
    """One `responses={status: {...}}` entry merged into the responses, as FastAPI merges it."""
    key = extra.status.upper()
    key = "default" if key == "DEFAULT" else key
    entry = found.setdefault(key, {})
    if extra.model is not None:
        schema = field_titled(gen.schema(extra.model), f"Response_{extra.status}_{unique_id}")
        _deep_update(entry, {"content": {media: {"schema": schema}}})
    standard = STATUS_RANGES.get(extra.status.upper()) or (
        http.client.responses.get(int(extra.status)) if extra.status.isdigit() else None)
    entry["description"] = extra.description or entry.get("description") or standard or "Additional Response"


def _deep_update(target: JsonObject, source: JsonObject) -> None:
    """FastAPI's `deep_dict_update`: nested objects merged, other values replaced."""
    for key, value in source.items():
        if isinstance(value, dict) and isinstance(target.get(key), dict):
            _deep_update(target[key], value)
        else:
            target[key] = value
