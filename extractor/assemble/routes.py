"""Handlers and events of the doc model, built from resolve's route records, one place each."""

from __future__ import annotations

from typing import Literal, TypeAlias

from ..diagnostics import Diagnostic
from ..gather.docstrings import ParsedDocstring, parse_docstring
from ..ir import TList, TModel, TPrim
from ..model import AuthScheme, DocModel, Event, Handler, HandlerError, Limitation, ModelField, Parameter
from ..resolve import HttpRoute, Resolved, Route, RouteParam
from ..resolve.handlers import without_none
from ..resolve.records import MULTIPART_MEDIA, SecurityUse, as_diagnostic
from ..typescript import InterfaceBlock, PageModule, Use, page_block
from ..typescript.collect import wire_fields
from ..typescript.context import Context, Site
from ..typescript.fields import field_default
from ..typescript.types import ts_type
from .sections import notes, text_limitations
from .text import pascal

Mode: TypeAlias = Literal["validation", "serialization"]
FILE_TYPES = (TPrim("bytes"), TList(TPrim("bytes")))
Part: TypeAlias = Literal["request", "response", "payload"]


class RouteAssembler:
    """Turns route records into `Handler`s and `Event`s with their TypeScript models."""

    def __init__(self, resolved: Resolved) -> None:
        self.resolved = resolved
        self.warnings: list[Diagnostic] = []
        self.limitations: list[Limitation] = []
        """The `Ограничения:` of the handlers' docstrings, in handler order."""
        self.codes = {error.class_name: error.code for error in resolved.errors}
        self.kept, self.duplicates = _first_declarations(resolved.routes)
        self.uses = _page_uses(self.kept)  # one page, one TypeScript module: built once, in page order
        self.page = PageModule(list(self.uses.values()), resolved.registry)
        self.index = {key: i for i, key in enumerate(self.uses)}
        self.warnings.extend(map(as_diagnostic, self.page.warnings))

    def routes(self) -> tuple[list[Handler], list[Event]]:
        """The handlers and the events; a name declared twice is documented once, with a warning."""
        self.warnings.extend(self.duplicates)
        handlers = [self._handler(route) for route in self.kept if route.kind == "handler"]
        events = [self._event(route) for route in self.kept if route.kind != "handler"]
        return handlers, events

    def _handler(self, route: Route) -> Handler:
        """The one place a `Handler` is built: the SDK part, and the HTTP part of a framework route."""
        http = route.http
        parsed = parse_docstring(route.docstring)
        self.limitations += text_limitations(parsed, route.name)
        return Handler(
            name=route.name, method=route.method, description=route.description,
            details=_details(route, parsed), function=route.function, location=route.location,
            request=self._model(route, "request"),
            response=self._model(route, "response"),
            default_args={**self.resolved.default_args, **route.overrides},
            framework=http.framework if http else None,
            path=http.path if http else None,
            status_code=http.status_code if http else None,
            summary=http.summary if http else None,
            deprecated=http.deprecated if http else False,
            tags=list(http.tags) if http else [],
            parameters=self._parameters(http, route.location) if http else [],
            content_type=http.body_media_type if http and route.request is not None else None,
            files=self._files(route) if http else [],
            security=[auth_scheme(use) for use in http.security] if http else [],
            hidden=http.hidden if http else False,
            webhook=http.webhook if http else False,
            errors=[HandlerError(class_name=item.name, code=self.codes.get(item.name), description=item.description)
                    for item in parsed.raises if item.name],
            examples=parsed.items("example"),
            notes=notes(parsed),
        )

    def _event(self, route: Route) -> Event:
        parsed = parse_docstring(route.docstring)
        return Event(
            name=route.name, description=route.description, details=_details(route, parsed),
            function=route.function, location=route.location, notes=notes(parsed),
            payload=self._model(route, "payload"),
        )

    def _model(self, route: Route, part: Part) -> DocModel | None:
        index = self.index.get((id(route), part))
        return None if index is None else doc_model(page_block(self.page, index))

    def _files(self, route: Route) -> list[str]:
        """The wire names of the fields of a multipart body that are files (`UploadFile`, `bytes`)."""
        if route.http is None or route.http.body_media_type != MULTIPART_MEDIA:
            return []
        model = self.resolved.registry.models.get(route.request.key) if isinstance(route.request, TModel) else None
        if model is None:
            return []
        return [f.alias or f.python_name for f in model.fields if without_none(f.type) in FILE_TYPES]

    def _parameters(self, http: HttpRoute, location: str) -> list[Parameter]:
        """The path, query, header and cookie parameters of a framework route."""
        ctx = Context(registry=self.resolved.registry, mode="validation")
        parameters = [p for param in http.parameters for p in _parameters(param, ctx, location)]
        self.warnings.extend(map(as_diagnostic, ctx.warnings))
        return parameters


def auth_scheme(use: SecurityUse) -> AuthScheme:
    """The doc model's view of a security scheme a route uses."""
    scheme = use.scheme
    return AuthScheme(name=scheme.name, type=scheme.kind, scheme=scheme.scheme, in_=scheme.location,
                      param_name=scheme.param_name, token_url=scheme.token_url, scopes=list(use.scopes))


def _served(name: str, param: RouteParam) -> str:
    """A header model's field as served: `_` → `-` (FastAPI's `convert_underscores`)."""
    return name.replace("_", "-") if param.convert_underscores else name


def _first_declarations(routes: list[Route]) -> tuple[list[Route], list[Diagnostic]]:
    """The routes documented (the first of each kind and name), and a warning per other one."""
    kept: list[Route] = []
    warnings: list[Diagnostic] = []
    seen: dict[tuple[str, str], str] = {}
    for route in routes:
        first = seen.setdefault((route.kind, route.name), route.location)
        if first == route.location:
            kept.append(route)
        else:
            warnings.append(Diagnostic(route.location, f"{route.kind} `{route.name}` is declared twice; "
                                       f"the first one ({first}) is documented"))
    return kept, warnings


def _page_uses(routes: list[Route]) -> dict[tuple[int, Part], Use]:
    """The roots in the order the page shows them: every request, every response, every payload."""
    handlers = [r for r in routes if r.kind == "handler"]
    events = [r for r in routes if r.kind != "handler"]
    uses: dict[tuple[int, Part], Use] = {}
    for r in handlers:
        if r.request is not None:
            uses[(id(r), "request")] = Use(r.request, "validation", f"I{pascal(r.name)}Request")
    for r in handlers:
        if r.response is not None:
            uses[(id(r), "response")] = Use(r.response, "serialization", f"I{pascal(r.name)}Response")
    for r in events:
        if r.request is not None:
            uses[(id(r), "payload")] = Use(r.request, "validation", f"I{pascal(r.name)}Payload")
    return uses


def _details(route: Route, parsed: ParsedDocstring) -> str:
    """The whole description: the docstring's, unless `description=` says something else."""
    if parsed.description and " ".join(route.description.split()) in {"", parsed.summary}:
        return parsed.description
    return route.description


def _parameters(param: RouteParam, ctx: Context, location: str) -> list[Parameter]:
    """One parameter, or the fields of a parameter model (`Annotated[Filter, Query()]`)."""
    where = param.in_
    if not (param.expand and isinstance(param.type, TModel) and param.type.key in ctx.registry.models):
        text = ts_type(param.type, ctx, Site(location, f"parameter `{param.python_name}`"))
        return [Parameter(name=param.name, python_name=param.python_name, in_=where, ts_type=text,
                          required=param.required, default=param.default, description=param.description,
                          deprecated=param.deprecated)]
    return [
        Parameter(name=_served(f.name, param), python_name=f.spec.python_name, in_=where,
                  ts_type=ts_type(f.type, ctx, Site(f.spec.location, f"parameter `{f.spec.python_name}`")),
                  required=f.required and param.required, default=field_default(f),
                  description=f.spec.description, deprecated=f.spec.deprecated)
        for f in wire_fields(param.type, ctx.registry, "validation")
    ]


def doc_model(block: InterfaceBlock) -> DocModel:
    """The doc model's `DocModel` of an interface block."""
    fields = [ModelField(**vars(entry)) for entry in block.fields]
    return DocModel(model=block.model, interface=block.interface, description=block.description,
                    location=block.location, mode=block.mode, fields=fields, typescript=block.typescript,
                    declarations=block.declarations, example=block.example)
