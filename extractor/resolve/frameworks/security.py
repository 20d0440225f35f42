"""FastAPI security schemes: `OAuth2PasswordBearer(tokenUrl=…)`, `APIKeyHeader(name=…)`, `HTTPBearer()`….

A dependency that is an instance of one of these classes (`Depends(oauth2_scheme)`,
`Security(api_key)`) is not a parameter: FastAPI lists it under the operation's `security`
and the document's `components.securitySchemes`, keyed by `scheme_name=` or the class name.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from ...gather.expressions import Call, Ref
from ..records import SchemeKind, SecurityScheme
from .reading import Reading

OAUTH2_FLOWS = {
    "OAuth2PasswordBearer": "password",
    "OAuth2AuthorizationCodeBearer": "authorizationCode",
}
API_KEYS = {"APIKeyHeader": "header", "APIKeyQuery": "query", "APIKeyCookie": "cookie"}
HTTP_SCHEMES = {"HTTPBearer": "bearer", "HTTPBasic": "basic", "HTTPDigest": "digest"}
KINDS: dict[str, SchemeKind] = {
    **dict.fromkeys(OAUTH2_FLOWS, "oauth2"), "OAuth2": "oauth2", **dict.fromkeys(API_KEYS, "apiKey"),
    **dict.fromkeys(HTTP_SCHEMES, "http"), "OpenIdConnect": "openIdConnect",
}
SECURITY_CLASSES = frozenset(KINDS)


def scheme_class(call: Call, reading: Reading) -> str | None:
    """The FastAPI security class `call` instantiates (directly or through a subclass), or None."""
    if not isinstance(call.func, Ref):
        return None
    info = reading.hierarchy.resolve_class(call.func)
    if info is None:
        return call.func.last if call.func.last in SECURITY_CLASSES else None
    for base in reading.hierarchy.external_bases(info):
        if base.rpartition(".")[2] in SECURITY_CLASSES:
            return base.rpartition(".")[2]
    return None


def read_scheme(call: Call, cls: str, reading: Reading, location: str) -> SecurityScheme:
    """The scheme one instantiation declares; values that aren't static are warned about and left out."""
    def text(key: str, index: int | None = None) -> str | None:
        raw = call.arg(index, key) if index is not None else call.kwarg(key)
        return reading.text(raw, f"`{key}` of `{cls}`", location)

    name = text("scheme_name") or (call.func.last if isinstance(call.func, Ref) else cls)
    kind = KINDS[cls]
    fields: dict[str, Any] = {"description": text("description")}
    fields.update(_READERS[kind](cls, text, reading, call))
    return SecurityScheme(name, kind, **fields)


def _oauth2(cls: str, text: Callable[..., str | None], reading: Reading, call: Call) -> dict[str, Any]:
    scopes = reading.resolver.evaluate(call.kwarg("scopes"))
    found: dict[str, Any] = {"flow": OAUTH2_FLOWS.get(cls), "refresh_url": text("refreshUrl"),
                             "scopes": scopes if isinstance(scopes, dict) else {}}
    if cls == "OAuth2PasswordBearer":
        found["token_url"] = text("tokenUrl", 0)
    elif cls == "OAuth2AuthorizationCodeBearer":
        found["authorization_url"] = text("authorizationUrl", 0)
        found["token_url"] = text("tokenUrl", 1)
    return found


def _api_key(cls: str, text: Callable[..., str | None], reading: Reading, call: Call) -> dict[str, Any]:
    return {"location": API_KEYS[cls], "param_name": text("name")}


def _http(cls: str, text: Callable[..., str | None], reading: Reading, call: Call) -> dict[str, Any]:
    return {"scheme": HTTP_SCHEMES[cls], "bearer_format": text("bearerFormat")}


def _open_id(cls: str, text: Callable[..., str | None], reading: Reading, call: Call) -> dict[str, Any]:
    return {"open_id_connect_url": text("openIdConnectUrl", 0)}


_READERS: dict[SchemeKind, Callable[[str, Callable[..., str | None], Reading, Call], dict[str, Any]]] = {
    "oauth2": _oauth2, "apiKey": _api_key, "http": _http, "openIdConnect": _open_id,
}
