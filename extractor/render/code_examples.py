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
    """The headers the route requires (an API key, a token), with an example value each."""
    return [(fold(p.name), named_string(p.python_name or p.name)) for p in handler.parameters
            if p.in_ == "header" and p.required]


def _ts_headers(handler: Handler, *extra: tuple[str, str]) -> str:
    pairs = [*extra, *request_headers(handler)]
    return "{ " + ", ".join(f"{json.dumps(k)}: {json.dumps(v, ensure_ascii=False)}" for k, v in pairs) + " }"


def _request_lines(handler: Handler) -> list[str]:
    request = handler.request
    if request is None:
        return []
    if request.example is None:
        return [f"declare const request: {request.interface};", ""]
    return [f"const request = {to_json(request.example)} satisfies {request.interface};", ""]


def _fetch_lines(handler: Handler) -> list[str]:
    method = method_of(handler)
    url = json.dumps(_filled_path(handler) if handler.path else endpoint_path(handler))
    headers = f", headers: {_ts_headers(handler)}" if request_headers(handler) else ""
    if handler.request is None:
        return [f'const response = await fetch({url}, {{ method: "{method}"{headers} }});']
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
        f"\theaders: {_ts_headers(handler, ('Content-Type', 'application/json'))},",
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


def curl_example(handler: Handler, base_url: str | None) -> str:
    """The curl request to the webhook URL, with the request example as its JSON body."""
    method = method_of(handler)
    url = _shell_url(handler, base_url)
    request = handler.request
    headers = _curl_headers(handler)
    if request is None:
        return " \\\n  ".join([f"curl -X {method} {url}", *headers])
    if method in _BODYLESS:
        return " \\\n  ".join([f"curl -G {url}", *headers, *_query_args(request.example)])
    body = "@request.json" if request.example is None else bash_quote(to_json(request.example))
    return " \\\n  ".join(
        [f"curl -X {method} {url}", '-H "Content-Type: application/json"', *headers, f"-d {body}"]
    )
