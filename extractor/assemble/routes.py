"""Handlers and events of the doc model, built from resolve's route records, one place each."""

from __future__ import annotations

from typing import Literal, TypeAlias

from ..diagnostics import Diagnostic
from ..gather.docstrings import ParsedDocstring, parse_docstring
from ..ir import TModel, Type
from ..model import DocModel, Event, Handler, HandlerError, Limitation, ModelField, Parameter
from ..resolve import HttpRoute, Resolved, Route, RouteParam
from ..resolve.records import as_diagnostic
from ..typescript import InterfaceBlock, build_interfaces, shared_names
from ..typescript.collect import wire_fields
from ..typescript.context import Context, Site
from ..typescript.fields import field_default
from ..typescript.types import ts_type
from .sections import notes, text_limitations
from .text import pascal

Mode: TypeAlias = Literal["validation", "serialization"]


class RouteAssembler:
    """Turns route records into `Handler`s and `Event`s with their TypeScript models."""

    def __init__(self, resolved: Resolved) -> None:
        self.resolved = resolved
        self.warnings: list[Diagnostic] = []
        self.limitations: list[Limitation] = []
        """The `Ограничения:` of the handlers' docstrings, in handler order."""
        self.codes = {error.class_name: error.code for error in resolved.errors}
        routes = resolved.routes  # one name per model shape across the document's blocks
        uses: list[tuple[Type | None, Mode]] = [(r.request, "validation") for r in routes]
        uses += [(r.response, "serialization") for r in routes]
        self.shared = shared_names(uses, resolved.registry)

    def routes(self) -> tuple[list[Handler], list[Event]]:
        """The handlers and the events; a name declared twice is documented once, with a warning."""
        handlers: list[Handler] = []
        events: list[Event] = []
        seen: dict[tuple[str, str], str] = {}
        for route in self.resolved.routes:
            first = seen.setdefault((route.kind, route.name), route.location)
            if first != route.location:
                self.warnings.append(Diagnostic(route.location, f"{route.kind} `{route.name}` is declared twice; "
                                                f"the first one ({first}) is documented"))
            elif route.kind == "handler":
                handlers.append(self._handler(route))
            else:
                events.append(self._event(route))
        return handlers, events

    def _handler(self, route: Route) -> Handler:
        """The one place a `Handler` is built: the SDK part, and the HTTP part of a framework route."""
        stem = pascal(route.name)
        http = route.http
        parsed = parse_docstring(route.docstring)
        self.limitations += text_limitations(parsed, route.name)
        return Handler(
            name=route.name, method=route.method, description=route.description,
            details=_details(route, parsed), function=route.function, location=route.location,
            request=self._model(route.request, f"I{stem}Request", "validation"),
            response=self._model(route.response, f"I{stem}Response", "serialization"),
            default_args={**self.resolved.default_args, **route.overrides},
            framework=http.framework if http else None,
            path=http.path if http else None,
            status_code=http.status_code if http else None,
            summary=http.summary if http else None,
            deprecated=http.deprecated if http else False,
            tags=list(http.tags) if http else [],
            parameters=self._parameters(http, route.location) if http else [],
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
            payload=self._model(route.request, f"I{pascal(route.name)}Payload", "validation"),
        )

    def _model(self, root: Type | None, interface: str, mode: Mode) -> DocModel | None:
        if root is None:
            return None
        block, warnings = build_interfaces(root, self.resolved.registry, interface=interface,
                                           mode=mode, shared=self.shared)
        self.warnings.extend(map(as_diagnostic, warnings))
        return doc_model(block)

    def _parameters(self, http: HttpRoute, location: str) -> list[Parameter]:
        """The path, query, header and cookie parameters of a framework route."""
        ctx = Context(registry=self.resolved.registry, mode="validation")
        parameters = [p for param in http.parameters for p in _parameters(param, ctx, location)]
        self.warnings.extend(map(as_diagnostic, ctx.warnings))
        return parameters


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
        Parameter(name=f.name, python_name=f.spec.python_name, in_=where,
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
                    example=block.example)
