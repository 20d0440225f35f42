"""The code examples of a handler: the TypeScript call (Использование) and the curl request.

Both are built from the handler's request example, so they carry the same data; the
TypeScript one type-checks against the interfaces of API Reference (`satisfies`).
"""

from __future__ import annotations

import json
import re
import shlex
from typing import Final
from urllib.parse import quote

from ..model import Handler
from ..typescript.named_values import named_number, named_string
from .filters import bash_quote, fold, to_json

WEBHOOK_BASE_PLACEHOLDER: Final = "{WEBHOOK_BASE_URL}"
"""Stays literal in the document unless a base URL is configured."""

ENDPOINT_FORMAT: Final = "/integrations/{{id}}/handlers/{name}/execute"
"""The platform's execute endpoint; `{id}` (the integration id) stays literal."""

_BODYLESS: Final = frozenset({"GET", "HEAD"})
_METHOD: Final = re.compile(r"[A-Z][A-Z0-9_-]*")


def url_segment(name: str) -> str:
    """A handler name as one URL path segment (percent-encoded when it has to be)."""
    return quote(fold(name), safe="")


def endpoint_path(handler: Handler) -> str:
    """`/integrations/{id}/handlers/<name>/execute`; a web-framework route's own path."""
    if handler.path:
        return fold(handler.path)
    return ENDPOINT_FORMAT.format(name=url_segment(handler.name))


def webhook_url(handler: Handler, base_url: str | None, *, filled: bool = False) -> str:
    """`<base>/webhook/<name>` (`<base><path>` for a framework route, path parameters filled with
    example values when `filled`); `{WEBHOOK_BASE_URL}` when no base is given."""
    base = fold(base_url).rstrip("/") if base_url else WEBHOOK_BASE_PLACEHOLDER
    if handler.path:
        return base + (_filled_path(handler) if filled else fold(handler.path))
    return f"{base}/webhook/{url_segment(handler.name)}"


_PATH_PARAM = re.compile(r"\{(?P<brace>[^{}:]+)(?::[^{}]*)?\}|<(?:[^<>:]+:)?(?P<angle>[^<>]+)>")


def _path_value(name: str, ts_type: str) -> str:
    """An example of a path parameter, by its type and name (`order_id` → `order_1001`)."""
    if ts_type == "number":
        return str(named_number(name))
    if ts_type == "boolean":
        return "true"
    return quote(named_string(name), safe="")


def _filled_path(handler: Handler) -> str:
    """The route path with an example value in place of each path parameter."""
    types = {p.name: p.ts_type for p in handler.parameters if p.in_ == "path"}

    def value(match: re.Match[str]) -> str:
        name = match.group("brace") or match.group("angle")
        return _path_value(name, types.get(name, "string"))

    return _PATH_PARAM.sub(value, fold(handler.path or ""))


def method_of(handler: Handler) -> str:
    """The handler's HTTP method, upper-case (`POST` when missing or not a method token)."""
    method = fold(handler.method).upper()
    return method if _METHOD.fullmatch(method) else "POST"


def _comment(handler: Handler) -> list[str]:
    """What the code does (the handler's description is in the tables already)."""
    if handler.path:
        return [f"// Запрос {method_of(handler)} {fold(handler.path)}"]
    return [f"// Вызов handler {fold(handler.name)} через API платформы"]


def request_headers(handler: Handler) -> list[tuple[str, str]]:
    """The headers a call sends: those the route's security schemes ask for (`auth_headers`),
    then the header parameters it requires, each with an example value; each name once."""
    found = auth_headers(handler)
    names = {name.casefold() for name, _ in found}
    for p in handler.parameters:
        if p.in_ == "header" and p.required and fold(p.name).casefold() not in names:
            names.add(fold(p.name).casefold())
            found.append((fold(p.name), named_string(p.python_name or p.name)))
    return found


def _ts_headers(handler: Handler, *extra: tuple[str, str]) -> str:
    pairs = [*extra, *request_headers(handler)]
    return "{ " + ", ".join(f"{json.dumps(k)}: {json.dumps(v, ensure_ascii=False)}" for k, v in pairs) + " }"


def _headers_line(handler: Handler, *extra: tuple[str, str]) -> list[str]:
    """`\theaders: { … },` of a multi-line `fetch` (nothing when it sends none)."""
    return [f"\theaders: {_ts_headers(handler, *extra)},"] if extra or request_headers(handler) else []


def _request_lines(handler: Handler) -> list[str]:
    request = handler.request
    if request is None:
        return []
    if request.example is None:
        return [f"declare const request: {request.interface};", ""]
    return [f"const request = {to_json(request.example)} satisfies {request.interface};", ""]


FORM_MEDIA: Final = "application/x-www-form-urlencoded"
MULTIPART_MEDIA: Final = "multipart/form-data"
_AUTH_VALUES: Final = {"bearer": "Bearer <token>", "basic": "Basic <base64(login:password)>", "digest": "Digest <…>"}


def auth_headers(handler: Handler) -> list[tuple[str, str]]:
    """The headers a route's security schemes ask for: `Authorization: Bearer <token>` (OAuth2,
    HTTP bearer, OpenID Connect), `Authorization: Basic …`, an API key header, a key cookie."""
    found: list[tuple[str, str]] = []
    for auth in handler.security:
        if auth.type == "apiKey" and auth.in_ == "header" and auth.param_name:
            header = (fold(auth.param_name), "<api-key>")
        elif auth.type == "apiKey" and auth.in_ == "cookie" and auth.param_name:
            header = ("Cookie", f"{fold(auth.param_name)}=<api-key>")
        elif auth.type == "apiKey":
            continue
        else:
            header = ("Authorization", _AUTH_VALUES.get(auth.scheme or "bearer", "Bearer <token>"))
        if header not in found:
            found.append(header)
    return found


def _form_lines(handler: Handler, url: str, method: str) -> list[str]:
    """`fetch` with a form body: `FormData` (multipart, files as `Blob`s) or `URLSearchParams`."""
    if handler.content_type == MULTIPART_MEDIA:
        build = [
            "const form = new FormData();",
            "for (const [key, value] of Object.entries(request)) {",
            "\tif (value === null || value === undefined) continue;",
            "\tfor (const item of (Array.isArray(value) ? value : [value]) as unknown[]) {",
            "\t\tform.append(key, item instanceof Blob ? item : String(item));",
            "\t}",
            "}",
        ]
    else:
        build = ["const form = new URLSearchParams();",
                 "for (const [key, value] of Object.entries(request)) {",
                 "\tif (value !== null && value !== undefined) form.append(key, String(value));",
                 "}"]
    return [*build, f"const response = await fetch({url}, {{", f'\tmethod: "{method}",',
            *_headers_line(handler), "\tbody: form,", "});"]


def _fetch_lines(handler: Handler) -> list[str]:
    method = method_of(handler)
    url = json.dumps(_filled_path(handler) if handler.path else endpoint_path(handler))
    headers = f", headers: {_ts_headers(handler)}" if request_headers(handler) else ""
    if handler.request is None:
        return [f'const response = await fetch({url}, {{ method: "{method}"{headers} }});']
    if handler.content_type in (FORM_MEDIA, MULTIPART_MEDIA) and method not in _BODYLESS:
        return _form_lines(handler, url, method)
    if method in _BODYLESS:
        return [
            "const query = new URLSearchParams(",
            "\tObject.entries(request).map(([key, value]) => [",
            "\t\tkey,",
            '\t\ttypeof value === "string" ? value : JSON.stringify(value),',
            "\t]),",
            ");",
            f'const response = await fetch({url} + "?" + query.toString(), {{ method: "{method}"{headers} }});',
        ]
    return [
        f"const response = await fetch({url}, {{",
        f'\tmethod: "{method}",',
        *_headers_line(handler, ("Content-Type", "application/json")),
        "\tbody: JSON.stringify(request),",
        "});",
    ]


def usage_example(handler: Handler) -> str:
    """The TypeScript example: a comment, the typed request, the fetch call, the typed result."""
    lines = [*_comment(handler), *_request_lines(handler), *_fetch_lines(handler)]
    if handler.response is not None and method_of(handler) != "HEAD":
        lines.append(f"const result: {handler.response.interface} = await response.json();")
    return "\n".join(lines)


def _shell_url(handler: Handler, base_url: str | None) -> str:
    url = webhook_url(handler, base_url, filled=True)
    if handler.path:
        if base_url:
            return shlex.quote(url)
        return WEBHOOK_BASE_PLACEHOLDER + shlex.quote(url[len(WEBHOOK_BASE_PLACEHOLDER) :])
    if not base_url:
        return url  # `{WEBHOOK_BASE_URL}` is literal text for bash, the rest is URL-safe
    base, _, rest = url.rpartition("/webhook/")
    return f"{shlex.quote(base)}/webhook/{rest}"


def query_pairs(example: object) -> list[tuple[str, str]]:
    """The query string of a GET example: strings as they are, other values as JSON, keys
    without a value (`None`) left out: a query can't say null."""
    if not isinstance(example, dict):
        return [] if example is None else [("", to_json(example))]
    return [(str(key), value if isinstance(value, str) else json.dumps(value, ensure_ascii=False))
            for key, value in example.items() if value is not None]


def _query_args(example: object) -> list[str]:
    return [f"--data-urlencode {bash_quote(f'{key}={value}' if key else value)}"
            for key, value in query_pairs(example)]


_PLAIN_HEADER = re.compile(r"[\w .:/@+=,-]*")


def _curl_headers(handler: Handler) -> list[str]:
    lines = [f"{name}: {value}" for name, value in request_headers(handler)]
    return [f'-H "{line}"' if _PLAIN_HEADER.fullmatch(line) else f"-H {bash_quote(line)}" for line in lines]


def _form_args(handler: Handler, example: object) -> list[str]:
    """`-F key=value` per field of a multipart body (`-F file=@file` for a file), or
    `--data-urlencode key=value` per field of a urlencoded form."""
    if not isinstance(example, dict):
        return []
    multipart = handler.content_type == MULTIPART_MEDIA
    args = []
    for key, value in example.items():
        for item in value if isinstance(value, list) else [value]:
            if item is None:
                continue
            text = item if isinstance(item, str) else json.dumps(item)
            if multipart:
                args.append("-F " + bash_quote(f"{key}=@{key}.bin" if key in handler.files else f"{key}={text}"))
            else:
                args.append("--data-urlencode " + bash_quote(f"{key}={text}"))
    return args


def curl_example(handler: Handler, base_url: str | None) -> str:
    """The curl request to the webhook URL, with the request example as its JSON body (a form
    body as `-F` / `--data-urlencode` fields) and the headers the route's security asks for."""
    method = method_of(handler)
    url = _shell_url(handler, base_url)
    request = handler.request
    headers = _curl_headers(handler)
    if request is None:
        return " \\\n  ".join([f"curl -X {method} {url}", *headers])
    if method in _BODYLESS:
        return " \\\n  ".join([f"curl -G {url}", *headers, *_query_args(request.example)])
    if handler.content_type in (FORM_MEDIA, MULTIPART_MEDIA) and isinstance(request.example, dict):
        return " \\\n  ".join([f"curl -X {method} {url}", *headers, *_form_args(handler, request.example)])
    body = "@request.json" if request.example is None else bash_quote(to_json(request.example))
    return " \\\n  ".join(
        [f"curl -X {method} {url}", '-H "Content-Type: application/json"', *headers, f"-d {body}"]
    )
