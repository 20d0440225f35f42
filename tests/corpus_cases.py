"""The judged cases: every corpus model and every sample model, in the modes they are shown in.

A case is what the TypeScript stage wrote (block, root interface, example) next to pydantic's
own JSON Schema of the same model in the same mode. The corpus (tests/corpus) is read
statically as one integration and imported for real; the samples come from
`extractor.pipeline.extract` and their runtime SDK registry.
"""

from __future__ import annotations

import functools
import importlib
import json
import re
import typing
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

import pydantic.v1 as pydantic_v1
import typing_extensions
from pydantic import BaseModel, TypeAdapter
from typing_extensions import is_typeddict

from extractor.conventions import Conventions
from extractor.diagnostics import Diagnostic
from extractor.discover import IntegrationRoot
from extractor.ir import Registry, TModel
from extractor.model import DocModel, Integration
from extractor.pipeline import gather_files
from extractor.resolve import Resolved, resolve
from extractor.typescript import InterfaceBlock, build_interfaces

Mode = Literal["validation", "serialization"]
MODES: tuple[Mode, ...] = ("validation", "serialization")
CORPUS = Path(__file__).parent / "corpus"
STATIC_PACKAGE = "corpus"
RUNTIME_PACKAGE = "tests.corpus"
TypeAliasTypes = tuple({typing_extensions.TypeAliasType,
                        getattr(typing, "TypeAliasType", typing_extensions.TypeAliasType)})
"""`TypeAliasType` of typing_extensions, and of typing (Python 3.12+) when it is another class."""
NOT_IMPORTABLE = frozenset({"models_unresolvable"})
"""Corpus modules that import a package that isn't installed: judged by their warnings."""


@dataclass
class Case:
    """One model in one mode: our DocModel and pydantic's JSON Schema (None: not importable)."""

    name: str
    doc: DocModel | InterfaceBlock
    schema: dict[str, Any] | None
    cls: Any = None
    warnings: list[Diagnostic] = field(default_factory=list)


@functools.cache
def corpus_resolved() -> Resolved:
    """tests/corpus gathered and resolved as one integration."""
    files = tuple(sorted(CORPUS.glob("*.py")))
    modules, problems = gather_files(IntegrationRoot(path=CORPUS, slug="corpus", files=files))
    assert problems == [], problems
    return resolve(modules, Conventions())


def runtime_class(key: str) -> Any:
    """The imported class of a static registry key (`corpus.models_basic.Scalars`)."""
    _, module, *names = key.split(".")
    found = importlib.import_module(f"{RUNTIME_PACKAGE}.{module}")
    for name in names:  # `Outer.Inner`: a class defined in a class body
        found = getattr(found, name)
    return found


def corpus_module(key: str) -> str:
    """`corpus.models_basic.Scalars` → `models_basic`."""
    return key.split(".")[1]


def runtime_models() -> set[str]:
    """Static-style keys of every model class the importable corpus modules define."""
    found: set[str] = set()
    for path in CORPUS.glob("*.py"):
        if path.stem in NOT_IMPORTABLE or path.stem == "__init__":
            continue
        module = importlib.import_module(f"{RUNTIME_PACKAGE}.{path.stem}")
        for name, value in vars(module).items():
            if name.isidentifier() and _is_model(value) and _module(value) == module.__name__:
                found |= {f"{STATIC_PACKAGE}.{path.stem}.{qualname}" for qualname in _with_nested(name, value)}
    return found


def _module(value: Any) -> str | None:
    return getattr(value, "__module__", None)


def _with_nested(qualname: str, value: Any) -> list[str]:
    """`Outer` and the models defined in its body (`Outer.Inner`, …)."""
    found = [qualname]
    if isinstance(value, type):
        for name, inner in vars(value).items():
            if _is_model(inner) and getattr(inner, "__qualname__", "") == f"{value.__qualname__}.{name}":
                found += _with_nested(f"{qualname}.{name}", inner)
    return found


def _is_model(value: Any) -> bool:
    """What the registry holds: a pydantic (v2 or v1) model, a TypedDict (pydantic validates
    it like a model), a NamedTuple, a `TypeAliasType`."""
    bases = (BaseModel, pydantic_v1.BaseModel)
    model = isinstance(value, type) and issubclass(value, bases) and value not in bases
    named_tuple = isinstance(value, type) and issubclass(value, tuple) and hasattr(value, "_fields")
    return model or is_typeddict(value) or named_tuple or isinstance(value, TypeAliasTypes)


def reference_schema(cls: Any, mode: Mode) -> dict[str, Any]:
    """pydantic's JSON Schema of a model in `mode` (by alias); v1 models adjusted, see below."""
    if isinstance(cls, type) and issubclass(cls, pydantic_v1.BaseModel):
        return v1_schema(cls)
    schema: dict[str, Any] = TypeAdapter(cls).json_schema(mode=mode)
    return schema


def v1_schema(cls: type[pydantic_v1.BaseModel]) -> dict[str, Any]:
    """A `pydantic.v1` model's `.schema()`, in the 2020-12 shape and with what it leaves out.

    pydantic v1's schema has no modes (one schema for both), says `definitions` where
    v2 says `$defs`, and leaves out two facts its own runtime holds: a field with
    `allow_none` accepts `null` (v1 writes just the inner type), and `extra = "allow"`
    accepts other keys (v1 writes nothing). Both are put back from the model's runtime
    field info, so the reference is what v1 really accepts.
    """
    text = json.dumps(cls.schema(by_alias=True)).replace('"#/definitions/', '"#/$defs/')
    schema: dict[str, Any] = json.loads(text)
    defs: dict[str, Any] = schema.pop("definitions", {})
    own = [] if "$ref" in schema else [(cls, schema)]
    for model, target in [*own, *_v1_defs(cls, defs)]:
        for info in model.__fields__.values():
            prop = target["properties"][info.alias]
            if info.allow_none and not _accepts_null(prop):
                target["properties"][info.alias] = {"anyOf": [prop, {"type": "null"}]}
        if model.__config__.extra == pydantic_v1.Extra.allow:
            target["additionalProperties"] = True
    if defs:
        schema["$defs"] = defs
    return schema


def _v1_defs(cls: type[pydantic_v1.BaseModel], defs: dict[str, Any]
             ) -> list[tuple[type[pydantic_v1.BaseModel], dict[str, Any]]]:
    module = importlib.import_module(cls.__module__)
    return [(value, defs[name]) for name, value in vars(module).items()
            if name in defs and isinstance(value, type) and issubclass(value, pydantic_v1.BaseModel)]


def _accepts_null(prop: dict[str, Any]) -> bool:
    return prop.get("type") == "null" or any(o.get("type") == "null" for o in prop.get("anyOf", []))


@functools.cache
def corpus_cases() -> dict[str, Case]:
    """Every corpus model in both modes, root interface `I` + class name."""
    resolved = corpus_resolved()
    cases: dict[str, Case] = {}
    for key, spec in resolved.registry.models.items():
        if spec.variant_of is not None:
            continue  # a TypedDict under a model's config: judged inside that model
        importable = corpus_module(key) not in NOT_IMPORTABLE
        cls = runtime_class(key) if importable else None
        for mode in MODES:
            doc, warnings = build_interfaces(TModel(key), resolved.registry, interface=f"I{spec.name}",
                                            mode=mode)
            schema = reference_schema(cls, mode) if importable else None
            cases[f"{key} {mode}"] = Case(f"{key} {mode}", doc, schema, cls, warnings)
    return cases


def corpus_registry() -> Registry:
    """The registry of the corpus."""
    return corpus_resolved().registry


def document_models(doc: Integration) -> list[tuple[str, DocModel]]:
    """(label, model) of every request, response and payload of a document."""
    found = [(f"{h.name} {part}", m) for h in doc.handlers
             for part, m in (("request", h.request), ("response", h.response)) if m is not None]
    found += [(f"{e.name} payload", e.payload) for e in doc.events if e.payload is not None]
    return found


_DECLARATION = re.compile(r"^(?:interface|type) (\w+)", re.MULTILINE)


def declarations(block: str) -> dict[str, str]:
    """The declarations of a block (blank-line separated) by the name they declare."""
    found: dict[str, str] = {}
    for chunk in block.strip("\n").split("\n\n"):
        match = _DECLARATION.search(chunk)
        assert match, f"no declaration in:\n{chunk}"
        found[match.group(1)] = chunk.strip("\n") + "\n"
    return found
