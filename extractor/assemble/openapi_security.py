"""Security in FastAPI's OpenAPI document: `components.securitySchemes` and each operation's `security`.

A scheme is written as FastAPI dumps its security model (`by_alias`, `exclude_none`): OAuth2
with its one flow (`password`: `tokenUrl`; `authorizationCode`: `authorizationUrl` and
`tokenUrl`; `refreshUrl` and `scopes` on both), API keys with `in` and `name`, HTTP with
`scheme` and `bearerFormat`, OpenID Connect with its URL. An operation lists each scheme
it depends on once, with the scopes of all its uses merged in order (FastAPI's
`_get_openapi_security_definitions`).
"""

from __future__ import annotations

from typing import Any, assert_never

from ..resolve.records import SecurityScheme, SecurityUse

JsonObject = dict[str, Any]


def scheme_object(scheme: SecurityScheme) -> JsonObject:
    """The Security Scheme Object FastAPI publishes for `scheme` (None values left out)."""
    found: JsonObject
    match scheme.kind:
        case "oauth2":
            found = {"type": "oauth2", "flows": _flows(scheme)}
        case "apiKey":
            found = {"type": "apiKey", "in": scheme.location, "name": scheme.param_name}
        case "http":
            found = {"type": "http", "scheme": scheme.scheme, "bearerFormat": scheme.bearer_format}
        case "openIdConnect":
            found = {"type": "openIdConnect", "openIdConnectUrl": scheme.open_id_connect_url}
        case _:
            assert_never(scheme.kind)
    found["description"] = scheme.description
    return {key: value for key, value in found.items() if value is not None}


FLOW_URLS = {"password": ("tokenUrl",), "authorizationCode": ("authorizationUrl", "tokenUrl"),
             "clientCredentials": ("tokenUrl",), "implicit": ("authorizationUrl",)}
"""The URLs OpenAPI requires of each OAuth2 flow."""


def _flows(scheme: SecurityScheme) -> JsonObject:
    """The one flow FastAPI's class declares; none when it is `OAuth2(flows=…)` written by hand (not
    read) or a URL the flow requires is not statically known (the resolve stage warned)."""
    flow = {"authorizationUrl": scheme.authorization_url, "tokenUrl": scheme.token_url,
            "refreshUrl": scheme.refresh_url, "scopes": dict(scheme.scopes)}
    if scheme.flow is None or any(flow.get(url) is None for url in FLOW_URLS.get(scheme.flow, ())):
        return {}
    return {scheme.flow: {key: value for key, value in flow.items() if value is not None}}


def operation_security(uses: list[SecurityUse]) -> list[JsonObject]:
    """`[{scheme name: scopes}]`: one entry per scheme, scopes merged without repeats."""
    merged: dict[str, list[str]] = {}
    for use in uses:
        scopes = merged.setdefault(use.scheme.name, [])
        scopes += [scope for scope in use.scopes if scope not in scopes]
    return [{name: scopes} for name, scopes in merged.items()]


def security_schemes(uses: list[SecurityUse]) -> JsonObject:
    """`components.securitySchemes` of every scheme used, by name (the last one read wins, as
    FastAPI's `dict.update`)."""
    return {use.scheme.name: scheme_object(use.scheme) for use in uses}
