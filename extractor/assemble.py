"""Model stage: resolved facts → the documentation model (`extractor.model.Integration`)."""

from __future__ import annotations

import re
from collections.abc import Iterable

from .ir import Registry, TModel, Type
from .model import ChangelogEntry, DocModel, DocWarning, Event, Handler, Integration, Parameter
from .resolve import Resolved, Route
from .resolve.frameworks import FrameworkRoute, RouteParam
from .resolve.handlers import first_paragraph
from .typescript import build_doc_model, shared_names
from .typescript.collect import wire_fields
from .typescript.context import Context, Site
from .typescript.fields import field_default
from .typescript.types import ts_type

_BULLET = re.compile(r"^\s*[-*•]\s+(.+)$")
SECTIONS = {"capabilities": ("позволяет",), "requirements": ("требования", "понадобится")}


def pascal(name: str) -> str:
    """`create-payment` → `CreatePayment`, `deal.created` → `DealCreated`."""
    parts = re.split(r"[^0-9A-Za-z]+", name)
    return "".join(p[:1].upper() + p[1:] for p in parts if p) or "Model"


def docstring_sections(text: str | None) -> tuple[str, dict[str, list[str]]]:
    """The docstring's summary paragraph and its bullet lists under known headers."""
    if not text:
        return "", {}
    summary: list[str] = []
    sections: dict[str, list[str]] = {}
    current: str | None = None
    in_summary = True
    for line in text.strip().split("\n"):
        header = _header(line)
        bullet = _BULLET.match(line)
        if header:
            current, in_summary = header, False
            sections.setdefault(header, [])
        elif bullet and current:
            sections[current].append(bullet.group(1).strip().rstrip(";.,"))
        elif not line.strip():
            in_summary = in_summary and not summary
        elif in_summary:
            summary.append(line.strip())
        else:
            current = None
    return " ".join(summary), sections


def _header(line: str) -> str | None:
    stripped = line.strip().lower()
    if not stripped.endswith(":"):
        return None
    for name, words in SECTIONS.items():
        if any(word in stripped for word in words):
            return name
    return None


class Assembler:
    """Builds the doc model for one integration from its resolved facts."""

    def __init__(self, resolved: Resolved, slug: str, changelog: list[ChangelogEntry]) -> None:
        self.resolved = resolved
        self.slug = slug
        self.changelog = changelog
        self.warnings: list[tuple[str, str]] = list(resolved.warnings)
        routes = resolved.routes  # one name per model shape across the document's blocks
        uses = [(r.request, "validation") for r in routes] + [(r.response, "serialization") for r in routes]
        self.shared = shared_names(uses, resolved.registry)  # type: ignore[arg-type]

    def integration(self) -> Integration:
        """The complete documentation model."""
        declaration = self.resolved.declaration
        values = declaration.values if declaration else {}
        summary, sections = docstring_sections(self._docstring())
        name = values.get("name") if isinstance(values.get("name"), str) else self.slug
        description = values.get("description")
        version = values.get("version")
        handlers, events = self._routes()
        doc = Integration(
            name=name,
            slug=self.slug,
            description=description if isinstance(description, str) else summary,
            capabilities=sections.get("capabilities") or [h.description for h in handlers if h.description],
            requirements=sections.get("requirements", []),
            version=version if isinstance(version, str) else None,
            credentials=self.resolved.credentials,
            secrets=self.resolved.secrets,
            default_args=self.resolved.default_args,
            handlers=handlers,
            events=events,
            errors=self.resolved.errors,
            env_vars=self.resolved.env_vars,
            changelog=self.changelog or _initial(version),
        )
        doc.warnings = _warnings((location, self.resolved.policy.text(message)) for location, message in self.warnings)
        return doc

    def _docstring(self) -> str | None:
        declaration = self.resolved.declaration
        if declaration is not None and declaration.module.docstring:
            return self.resolved.policy.text(declaration.module.docstring)
        if declaration is not None and declaration.cls is not None and declaration.cls.cls.docstring:
            return self.resolved.policy.text(declaration.cls.cls.docstring)
        roots = sorted(self.resolved.modules, key=lambda m: m.module.count("."))
        docstring = next((m.docstring for m in roots if m.docstring), None)
        return self.resolved.policy.text(docstring) if docstring else None

    def _routes(self) -> tuple[list[Handler], list[Event]]:
        handlers: list[Handler] = []
        events: list[Event] = []
        seen: dict[tuple[str, str], str] = {}
        for route in self.resolved.routes:
            first = seen.setdefault((route.kind, route.name), route.location)
            if first != route.location:
                self.warnings.append((route.location, f"{route.kind} `{route.name}` is declared twice; "
                                      f"the first one ({first}) is documented"))
                continue
            if route.kind == "handler":
                handlers.append(self._handler(route))
            else:
                events.append(self._event(route))
        return handlers, events

    def _handler(self, route: Route) -> Handler:
        stem = pascal(route.name)
        handler = Handler(
            name=route.name, method=route.method, description=route.description,
            function=route.function, location=route.location,
            request=self._model(route.request, f"I{stem}Request", "validation"),
            response=self._model(route.response, f"I{stem}Response", "serialization"),
            default_args={**self.resolved.default_args, **route.overrides},
        )
        if isinstance(route, FrameworkRoute):
            self._framework(handler, route)
        return handler

    def _framework(self, handler: Handler, route: FrameworkRoute) -> None:
        """The HTTP-level facts of a FastAPI or Flask route."""
        handler.framework = "flask" if route.framework == "flask" else "fastapi"
        handler.path, handler.status_code, handler.summary = route.path, route.status_code, route.summary
        handler.deprecated, handler.tags = route.deprecated, list(route.tags)
        ctx = Context(registry=self.resolved.registry, mode="validation")
        handler.parameters = [p for param in route.parameters for p in _parameters(param, ctx, route.location)]
        self.warnings.extend((w.location, w.message) for w in ctx.warnings)

    def _event(self, route: Route) -> Event:
        return Event(
            name=route.name, description=route.description, function=route.function,
            location=route.location,
            payload=self._model(route.request, f"I{pascal(route.name)}Payload", "validation"),
        )

    def _model(self, root: Type | None, interface: str, mode: str) -> DocModel | None:
        if root is None:
            return None
        registry: Registry = self.resolved.registry
        doc, warnings = build_doc_model(root, registry, interface=interface, mode=mode,  # type: ignore[arg-type]
                                        shared=self.shared)
        self.warnings.extend((w.location, w.message) for w in warnings)
        return doc


def _parameters(param: RouteParam, ctx: Context, location: str) -> list[Parameter]:
    """One parameter, or the fields of a parameter model (`Annotated[Filter, Query()]`)."""
    where = param.location
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


def _initial(version: object) -> list[ChangelogEntry]:
    if isinstance(version, str):
        return [ChangelogEntry(version=version, date=None, changes="Начальная версия")]
    return []


def _line_key(item: tuple[str, str]) -> tuple[str, int, str]:
    path, _, line = item[0].rpartition(":")
    return (path, int(line), item[1]) if line.isdigit() else (item[0], 0, item[1])


def _warnings(items: Iterable[tuple[str, str]]) -> list[DocWarning]:
    unique = sorted(set(items), key=_line_key)
    return [DocWarning(location=loc, message=msg) for loc, msg in unique]


__all__ = ["Assembler", "docstring_sections", "first_paragraph", "pascal"]
