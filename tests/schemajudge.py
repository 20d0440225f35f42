"""The second identity judge's cases: each model's schema by the tool next to pydantic's own.

For every corpus model (tests/corpus) in both modes, and every request (validation), response
(serialization) and event payload (validation) of every importable sample, the tool's
`extractor.schema.json_schema` is compared with pydantic's `model_json_schema(mode=...)`
after `normalised`: key order is not compared (both are dumped with sorted keys), and the
corpus's runtime package `tests.corpus` is the static `corpus` (module-qualified `$defs` names
say the module path the tool sees). Nothing else is changed.
"""

from __future__ import annotations

import functools
import json
from dataclasses import dataclass
from typing import Any, Optional

import pydantic.v1 as pydantic_v1
from pydantic import TypeAdapter

from extractor.conventions import Conventions
from extractor.ir import Mode, Registry, TModel, Type, is_nullable
from extractor.pipeline import gather_files
from extractor.resolve import resolve
from extractor.schema import json_schema

from .conftest import sample_root
from .corpus_cases import MODES, NOT_IMPORTABLE, corpus_module, corpus_resolved, reference_schema, runtime_class
from .test_samples_runtime import SAMPLES_RUN, runtime

ALLOWED: dict[str, str] = {
    # case → why the tool's schema differs from pydantic's (each must still differ)
    **{f"corpus.models_root.Tagged {m}": "a model instance as a default (`Scores({})`) is not evaluated "
       "statically (the tool warns)" for m in MODES},
    **{f"corpus.models_serializers.{name} serialization": "a `PlainSerializer` turns the default into its "
       "serialized form (`0` → `\"0\"`); the tool can't run the function"
       for name in ("Serialized", "ChildSerialized")},
}
"""Cases allowed to differ, each with its reason; `test_allow_list_is_current` keeps it honest."""


@dataclass(frozen=True)
class SchemaCase:
    """One model in one mode: the registry and root the tool reads, and pydantic's schema."""

    name: str
    registry: Registry
    root: Type
    mode: Mode
    reference: dict[str, Any]

    def ours(self) -> dict[str, Any]:
        """The tool's schema of the case."""
        schema, _ = json_schema(self.root, self.registry, self.mode)
        return schema


def normalised(schema: dict[str, Any]) -> Any:
    """The documented normalisation: key order, and the corpus's runtime package name."""
    return json.loads(json.dumps(schema, sort_keys=True).replace("tests__corpus__", "corpus__"))


@functools.cache
def corpus_schema_cases() -> dict[str, SchemaCase]:
    """Every importable pydantic v2 model (and TypedDict) of the corpus in both modes.

    `pydantic.v1` models have no `model_json_schema` (their `.schema()` is another generator,
    with no modes): they are not judged here."""
    registry = corpus_resolved().registry
    cases: dict[str, SchemaCase] = {}
    for key, spec in registry.models.items():
        if corpus_module(key) in NOT_IMPORTABLE or spec.variant_of is not None:
            continue  # a TypedDict under another model's config is judged through that model
        cls = runtime_class(key)
        if isinstance(cls, type) and issubclass(cls, pydantic_v1.BaseModel):
            continue
        for mode in MODES:
            name = f"{key} {mode}"
            cases[name] = SchemaCase(name, registry, TModel(key), mode, reference_schema(cls, mode))
    return cases


def _reference(cls: Any, root: Type, mode: Mode) -> dict[str, Any]:
    """pydantic's schema of what the handler declares: the SDK records the model class, the
    annotation may be `Model | None` (the route keeps the null)."""
    if is_nullable(root):
        return TypeAdapter(Optional[cls]).json_schema(mode=mode)  # noqa: UP045 (a runtime class)
    return dict(cls.model_json_schema(mode=mode))


@functools.cache
def sample_schema_cases() -> dict[str, SchemaCase]:
    """Every request, response and payload of the importable SDK samples."""
    cases: dict[str, SchemaCase] = {}
    for sample in SAMPLES_RUN:
        modules, _ = gather_files(sample_root(sample))
        resolved = resolve(modules, Conventions())
        live = runtime(sample)
        for route in resolved.routes:
            parts: list[tuple[str, Type | None, Any, Mode]] = []
            if route.kind == "handler":
                spec = live.handlers[route.name]
                parts += [("request", route.request, spec.request_model, "validation"),
                          ("response", route.response, spec.response_model, "serialization")]
            else:
                parts.append(("payload", route.request, live.events[route.name].payload_model, "validation"))
            for part, root, cls, mode in parts:
                if root is not None and cls is not None:
                    name = f"{sample} {route.name} {part}"
                    cases[name] = SchemaCase(name, resolved.registry, root, mode, _reference(cls, root, mode))
    return cases
