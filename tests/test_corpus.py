"""The judges, on every corpus model and every sample model, in one node run and one tsc run.

(a) tsc `--strict --noEmit --exactOptionalPropertyTypes` compiles every block with its JSON
example, and every sample document's TypeScript (all its interfaces once, plus the usage
examples the renderer writes); (b) each interface is proven identical (`Equals<X, Y>`) to
json-schema-to-typescript's reading of pydantic's own `model_json_schema(mode=...)`.
"""

from __future__ import annotations

import functools
import importlib
import json
import re
import warnings
from dataclasses import dataclass
from typing import Any

import pydantic.v1 as pydantic_v1
import pytest
from pydantic import TypeAdapter

from extractor.diagnostics import Unknown
from extractor.ir import (
    FieldSpec,
    TDict,
    TJson,
    TList,
    TModel,
    TPrim,
    TTuple,
    TUnion,
    TVar,
    Type,
)
from extractor.model import DocModel, Integration, ModelField
from extractor.pipeline import extract
from extractor.render.code_examples import usage_example
from extractor.typescript import SharedNames, build_interfaces, shared_names

from .conftest import sample_root
from .corpus_cases import (
    NOT_IMPORTABLE,
    Case,
    Mode,
    corpus_cases,
    corpus_module,
    corpus_registry,
    corpus_resolved,
    declarations,
    document_models,
    runtime_models,
)
from .test_samples_runtime import SAMPLES_RUN, extracted, model_pairs, nullable_at_runtime
from .tsjudge import format_errors, identity_module, needs_jstt, schema_to_ts, tsc_errors

SAMPLES_STATIC_ONLY = ["side_effects"]
"""Samples that are never imported (they do harm at import): compiled, not identity-judged."""
FRAMEWORK_SAMPLES = ["fastapi_shop", "flask_tickets"]
"""Web-framework samples: FastAPI's own OpenAPI document, and the Flask models' schemas."""

KNOWN_JSTT_DIFFERENCES: dict[str, str] = {
    # case → why json-schema-to-typescript's type differs from what pydantic's schema says
}
"""Identity cases expected to fail because json-schema-to-typescript misreads the schema;
each entry must still fail (test_allow_list_is_current), so the list can't go stale."""

MUTANTS: list[tuple[str, str, str, str]] = [
    # case, what the mutant gets wrong, text in our block, replacement
    ("corpus.models_basic.Optionals validation", "Optional without default made optional",
     "\ta: string | null;", "\ta?: string | null;"),
    ("corpus.models_aliases.Explicit serialization", "validation alias in serialization",
     "\tcurrencyOut: string;", "\tcurrency: string;"),
    ("corpus.models_generics.ItemPage validation", "type variable left unknown",
     "\titems: IItem[];", "\titems: unknown[];"),
    ("corpus.models_special.JsonFields validation", "Json[X] as X in validation",
     "\tnumbers: string;", "\tnumbers: number[];"),
    ("corpus.models_v1.LegacyItem validation", "v1 Optional made required",
     "\tnote?: string | null;", "\tnote: string | null;"),
]


@dataclass
class Verdict:
    """tsc's errors by module name, and which module names belong to which judge."""

    errors: dict[str, list[str]]
    identity: dict[str, str]
    compiled: dict[str, str]
    documents: dict[str, str]
    mutants: dict[str, str]

    def failed(self, names: dict[str, str]) -> dict[str, list[str]]:
        """Errors of the given modules, keyed by case."""
        return {case: self.errors[module] for case, module in names.items() if module in self.errors}


def example_line(doc: DocModel) -> str:
    """`const _example: I… = {…};` — the example must type-check against the interfaces."""
    return f"const _example: {doc.interface} = {json.dumps(doc.example, ensure_ascii=False)};\n"


def sample_cases() -> dict[str, Case]:
    """Every request, response and payload of the importable samples, with pydantic's schema."""
    cases: dict[str, Case] = {}
    for name in SAMPLES_RUN:
        for label, doc, cls, mode in model_pairs(name):
            if doc is not None and cls is not None:
                case = f"{name} {label}"
                root = cls | None if nullable_at_runtime(name, label) else cls  # `-> Contact | None`
                cases[case] = Case(case, doc, TypeAdapter(root).json_schema(mode=mode), cls)
    return {**cases, **fastapi_cases(), **flask_cases()}


ALL_SAMPLES = [*SAMPLES_RUN, *FRAMEWORK_SAMPLES, *SAMPLES_STATIC_ONLY]


def sample_doc(name: str) -> Integration:
    """Any sample's static extraction."""
    return framework_doc(name) if name in FRAMEWORK_SAMPLES else extracted(name)


@functools.cache
def framework_doc(name: str) -> Integration:
    """The static extraction of a web-framework sample."""
    return extract(sample_root(name))


def fastapi_cases() -> dict[str, Case]:
    """Every request body and response of the FastAPI sample, judged by FastAPI's OpenAPI."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # FastAPI warns about the shared operation id of `api_route`
        api = importlib.import_module("fastapi_shop.main").app.openapi()
    components = api.get("components", {}).get("schemas", {})
    cases: dict[str, Case] = {}
    for handler in framework_doc("fastapi_shop").handlers:
        if handler.hidden:
            continue  # `include_in_schema=False`: not in FastAPI's document, nothing to judge it by
        operation = api["paths"][handler.path or ""][handler.method.lower()]
        success = next(code for code in operation["responses"] if code.startswith("2"))
        schemas = {"request": operation.get("requestBody", {}), "response": operation["responses"][success]}
        for part, doc in (("request", handler.request), ("response", handler.response)):
            schema = schemas[part].get("content", {}).get("application/json", {}).get("schema")
            if doc is not None and schema:
                case = f"fastapi_shop {handler.name} {part}"
                cases[case] = Case(case, doc, openapi_schema(schema, components))
    return cases


def openapi_schema(schema: dict[str, Any], components: dict[str, Any]) -> dict[str, Any]:
    """An OpenAPI schema as a JSON Schema: the components it references as `$defs`."""
    text = json.dumps(schema).replace('"#/components/schemas/', '"#/$defs/')
    found: dict[str, Any] = {}
    pending = re.findall(r'"#/\$defs/([^"]+)"', text)
    while pending:
        name = pending.pop()
        if name not in found:
            found[name] = json.loads(json.dumps(components[name]).replace('"#/components/schemas/', '"#/$defs/'))
            pending += re.findall(r'"#/\$defs/([^"]+)"', json.dumps(found[name]))
    return {**json.loads(text), **({"$defs": found} if found else {})}


def flask_cases() -> dict[str, Case]:
    """Every request and response model of the Flask sample, judged by its pydantic schema."""
    cases: dict[str, Case] = {}
    for handler in framework_doc("flask_tickets").handlers:
        for part, doc in (("request", handler.request), ("response", handler.response)):
            if doc is None or doc.location is None or not doc.model.isidentifier():
                continue
            module = "flask_tickets." + doc.location.rpartition(":")[0].removesuffix(".py").replace("/", ".")
            cls = getattr(importlib.import_module(module), doc.model)
            case = f"flask_tickets {handler.name} {part}"
            cases[case] = Case(case, doc, cls.model_json_schema(mode=doc.mode), cls)
    return cases


def document_module(doc: Integration) -> str:
    """All TypeScript of a sample document as one module: each declaration once, then every
    usage example in its own block scope (they all declare `request` and `response`)."""
    found: dict[str, str] = {}
    for _, model in document_models(doc):
        for name, text in declarations(model.typescript).items():
            found.setdefault(name, text)
    examples = [f"{{\n{usage_example(h)}\n}}\n" for h in doc.handlers]
    return "\n".join([*found.values(), *examples])


@functools.cache
def verdict() -> Verdict:
    """Build every judged module, run json-schema-to-typescript once and tsc once."""
    cases = {**corpus_cases(), **sample_cases()}
    judged = {name: case for name, case in cases.items() if case.schema is not None}
    references = schema_to_ts({name: case.schema for name, case in judged.items()})
    blocks: dict[str, str] = {}
    identity: dict[str, str] = {}
    for name, case in judged.items():
        ref = f"ref {name}"
        blocks[ref] = references[name]
        identity[name] = f"identity {name}"
        blocks[identity[name]] = identity_module(case.doc.typescript, case.doc.interface, ref)
    compiled = {name: f"block {name}" for name in cases}
    for name, case in cases.items():
        blocks[compiled[name]] = case.doc.typescript + "\n" + example_line(case.doc)
    documents = {name: f"document {name}" for name in ALL_SAMPLES}
    for name, module in documents.items():
        blocks[module] = document_module(sample_doc(name))
    mutants = {}
    for case, what, old, new in MUTANTS:
        ours = cases[case].doc
        mutants[f"{case}: {what}"] = module = f"mutant {case}: {what}"
        if old not in ours.typescript:
            continue  # test_mutants_are_caught reports it
        blocks[module] = identity_module(ours.typescript.replace(old, new, 1), ours.interface, f"ref {case}")
    return Verdict(tsc_errors(blocks), identity, compiled, documents, mutants)


# --------------------------------------------------------------------------- the corpus


def test_corpus_is_read_completely() -> None:
    registry = corpus_resolved().registry
    static = {key for key, spec in registry.models.items()
              if corpus_module(key) not in NOT_IMPORTABLE and spec.variant_of is None}
    assert static == runtime_models()
    assert len(registry.models) >= 60 and len(registry.enums) >= 4


EXPECTED_RESOLVE_WARNINGS = {
    ("models_unresolvable.py:11", "type `money_lib_not_installed.Money` can't be resolved statically"),
    ("models_unresolvable.py:12", "type `money_lib_not_installed.Money` can't be resolved statically"),
    ("models_unresolvable.py:13", "type `money_lib_not_installed.Money` can't be resolved statically"),
    # a model instance as a default (`Scores({})`) is not evaluated statically
    ("models_root.py:26", "default of `scores`: value is not a literal"),
}


def test_only_what_cant_be_read_warns() -> None:
    assert {(w.location, w.message) for w in corpus_resolved().warnings} == EXPECTED_RESOLVE_WARNINGS
    for name, case in corpus_cases().items():
        if corpus_module(name) not in NOT_IMPORTABLE:
            assert case.warnings == [], (name, case.warnings)


def test_uninstalled_type_is_unknown_with_file_line() -> None:
    case = corpus_cases()["corpus.models_unresolvable.Priced validation"]
    assert "\tprice: unknown;" in case.doc.typescript
    assert "\tdiscounts?: unknown[];" in case.doc.typescript
    assert "\toptional?: unknown;" in case.doc.typescript
    assert {w.location for w in case.warnings} == {f"models_unresolvable.py:{n}" for n in (11, 12, 13)}
    assert all("can't be read statically" in w.message for w in case.warnings)


def test_validation_examples_validate_with_pydantic() -> None:
    for name, case in corpus_cases().items():
        if case.cls is not None and name.endswith(" validation"):
            data = json.dumps(case.doc.example)
            if isinstance(case.cls, type) and issubclass(case.cls, pydantic_v1.BaseModel):
                case.cls.parse_raw(data)
            else:
                TypeAdapter(case.cls).validate_json(data)


# --------------------------------------------------------------------------- the judges


@needs_jstt
def test_corpus_identical_to_pydantic() -> None:
    names = {n: m for n, m in verdict().identity.items() if n.startswith("corpus.")}
    assert len(names) >= 120
    failed = {n: e for n, e in verdict().failed(names).items() if n not in KNOWN_JSTT_DIFFERENCES}
    assert not failed, format_errors(failed)


@needs_jstt
def test_samples_identical_to_pydantic() -> None:
    names = {n: m for n, m in verdict().identity.items() if not n.startswith("corpus.")}
    assert names
    failed = {n: e for n, e in verdict().failed(names).items() if n not in KNOWN_JSTT_DIFFERENCES}
    assert not failed, format_errors(failed)


@needs_jstt
def test_every_block_and_example_compiles() -> None:
    failed = verdict().failed(verdict().compiled)
    assert not failed, format_errors(failed)


@needs_jstt
def test_sample_documents_compile_with_usage_examples() -> None:
    failed = verdict().failed(verdict().documents)
    assert not failed, format_errors(failed)
    assert "<tsc>" not in verdict().errors, verdict().errors.get("<tsc>")


@needs_jstt
def test_mutants_are_caught() -> None:
    cases = {**corpus_cases(), **sample_cases()}
    for case, _, old, _ in MUTANTS:
        assert old in cases[case].doc.typescript, (case, old)
    assert set(verdict().failed(verdict().mutants)) == set(verdict().mutants)


@needs_jstt
def test_allow_list_is_current() -> None:
    failed = verdict().failed(verdict().identity)
    assert set(KNOWN_JSTT_DIFFERENCES) <= set(failed), set(KNOWN_JSTT_DIFFERENCES) - set(failed)


@pytest.mark.parametrize("name", ALL_SAMPLES)
def test_a_name_declares_one_shape_per_document(name: str) -> None:
    """Two blocks of one document never declare one interface name with different text."""
    seen: dict[str, tuple[str, str]] = {}
    for label, model in document_models(sample_doc(name)):
        for declared, text in declarations(model.typescript).items():
            first_label, first = seen.setdefault(declared, (label, text))
            assert text == first, f"{declared}: {first_label} and {label} differ"


# --------------------------------------------------------------------------- JSDoc facts

SCHEMA_CONSTRAINTS = frozenset({"minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum",
                                "multipleOf", "minLength", "maxLength", "pattern", "minItems",
                                "maxItems", "minProperties", "maxProperties"})
DOC_ONLY_CONSTRAINTS = frozenset({"maxDigits", "decimalPlaces"})
"""Constraints pydantic checks but its JSON Schema leaves out; the JSDoc still says them."""


def _root_properties(schema: dict[str, Any]) -> dict[str, Any]:
    options = [o for o in schema.get("anyOf", []) if o.get("type") != "null"]
    if len(options) == 1 and "$ref" in options[0]:  # `Model | None`: the model's properties
        schema = {**schema, **options[0]}
    root = schema["$defs"][schema["$ref"].split("/")[-1]] if "$ref" in schema else schema
    return dict(root.get("properties", {}))


def _constraints(prop: dict[str, Any]) -> dict[str, Any]:
    """Constraint keywords of a property, also those inside `anyOf` (`Optional[...]`); the
    lengths a fixed tuple implies (`prefixItems`, or no `items` for `tuple[()]`) are its type,
    not constraints."""
    found: dict[str, Any] = {}
    for schema in [prop, *prop.get("anyOf", [])]:
        fixed = "prefixItems" in schema or (schema.get("type") == "array" and "items" not in schema)
        implied = {"minItems", "maxItems"} if fixed else set()
        found.update({k: v for k, v in schema.items() if k in SCHEMA_CONSTRAINTS - implied})
    return found


def _doc_mismatches(case: Case) -> list[str]:
    """Where a root field's JSDoc facts differ from its property in pydantic's schema."""
    assert case.schema is not None
    root = case.schema["$defs"][case.schema["$ref"].split("/")[-1]] if "$ref" in case.schema else case.schema
    if "properties" not in root:
        return []  # a list, union or alias root: its fields are its models', judged in their own cases
    props = _root_properties(case.schema)
    found: list[str] = []
    for field in case.doc.fields:
        prop = props.get(field.name, {})
        facts = {
            "description": (field.description, prop.get("description") or _docstring(case, field)),
            "deprecated": (field.deprecated, bool(prop.get("deprecated", False))),
            "examples": (field.examples, prop.get("examples", [])),
            "constraints": ({k: v for k, v in field.constraints.items() if k not in DOC_ONLY_CONSTRAINTS},
                            _constraints(prop)),
        }
        spec = _spec(case, field)
        unread = spec is not None and isinstance(spec.default, Unknown)  # EXPECTED_RESOLVE_WARNINGS
        if case.doc.mode == "validation" and prop.get("format") != "password" and not unread:
            facts["default"] = (field.default, prop.get("default"))
        found += [f"{field.name}.{fact}: ours {ours!r}, pydantic {theirs!r}"
                  for fact, (ours, theirs) in facts.items() if ours != theirs]
    return found


def _spec(case: Case, field: ModelField) -> FieldSpec | None:
    """The resolved field of a corpus case (None for samples)."""
    key = case.name.rsplit(" ", 1)[0]
    model = corpus_resolved().registry.models.get(key)
    return next((f for f in model.fields if f.python_name == field.python_name), None) if model else None


def _docstring(case: Case, field: ModelField) -> str | None:
    """An attribute docstring: the tool's description even without `use_attribute_docstrings`."""
    spec = _spec(case, field)
    return spec.description if spec is not None and spec.description else None


def test_jsdoc_facts_match_pydantic_schema() -> None:
    cases = {**corpus_cases(), **sample_cases()}
    failed = {name: found for name, case in cases.items()
              if case.schema is not None and (found := _doc_mismatches(case))}
    assert not failed, "\n".join(f"{name}: {found}" for name, found in failed.items())


# --------------------------------------------------------------------------- document naming


def _block(root: Type, mode: Mode, shared: SharedNames) -> str:
    doc, warnings = build_interfaces(root, corpus_registry(), interface="IRoot", mode=mode, shared=shared)
    assert warnings == []
    return doc.typescript


def test_a_model_with_two_shapes_gets_both_names() -> None:
    numbers = TList(TModel("corpus.models_special.Numbers"))  # Decimal: `number | string` in, `string` out
    shared = shared_names([(numbers, "validation"), (numbers, "serialization")], corpus_registry())
    assert shared.split == {TModel("corpus.models_special.Numbers")}
    assert "type IRoot = INumbersInput[];" in _block(numbers, "validation", shared)
    assert "type IRoot = INumbersOutput[];" in _block(numbers, "serialization", shared)
    alone = shared_names([(numbers, "validation")], corpus_registry())
    assert alone.split == set() and "INumbers[]" in _block(numbers, "validation", alone)


def test_a_model_naming_a_split_model_is_split_too() -> None:
    uses = TList(TModel("corpus.models_serializers.UsesFlattened"))
    shared = shared_names([(uses, "validation"), (uses, "serialization")], corpus_registry())
    assert shared.split == {TModel("corpus.models_serializers.UsesFlattened"),
                            TModel("corpus.models_serializers.Flattened")}
    assert "\tinner: IFlattenedOutput;" in _block(uses, "serialization", shared)
    same_shape = TList(TModel("corpus.models_nested.Person"))
    assert shared_names([(same_shape, "validation"), (same_shape, "serialization")],
                        corpus_registry()).split == set()


def test_one_class_name_in_two_blocks_is_qualified_in_both() -> None:
    a, b = TList(TModel("corpus.shop_a.Item")), TList(TModel("corpus.shop_b.Item"))
    shared = shared_names([(a, "validation"), (b, "serialization")], corpus_registry())
    assert "type IRoot = ICorpusShopAItem[];" in _block(a, "validation", shared)
    assert "type IRoot = ICorpusShopBItem[];" in _block(b, "serialization", shared)
    assert "type IRoot = IItem[];" in _block(a, "validation", SharedNames())


def test_clashing_class_names_in_one_block() -> None:
    text = corpus_cases()["corpus.models_clash.Pair validation"].doc.typescript
    assert "\tleft: ICorpusShopAItem;\n\tright: ICorpusShopBItem;" in text
    assert "\tboth?: (ICorpusShopAItem | ICorpusShopBItem)[];" in text


# --------------------------------------------------------------------------- resolved facts

_C = "corpus."
RESOLVED_FACTS: list[tuple[str, str, str, Any]] = [
    # model, field ("" for the model), attribute, expected value
    ("models_generics.ItemPage", "items", "type", TList(TModel(_C + "models_generics.Item"))),
    ("models_generics.ItemPage", "", "type_params", ()),
    ("models_generics.ResultPage", "", "type_params", ("T",)),
    ("models_generics.Pair", "", "type_params", ("K", "V")),
    ("models_edge.Boxed", "item", "type", TVar("Bound")),
    ("models_root.Tags", "", "is_root", True),
    ("models_root.Tags", "root", "type", TList(TModel(_C + "models_root.Tag"))),
    ("models_root.Scores", "root", "type", TDict(TPrim("str"), TPrim("float"))),
    ("models_special.JsonFields", "numbers", "type", TJson(TList(TPrim("int")))),
    ("models_special.JsonFields", "anything", "type", TJson(TPrim("any"))),
    ("models_serializers.Serialized", "created", "serialization_type", TUnion((TPrim("int"), TPrim("none")))),
    ("models_serializers.Serialized", "untyped", "serialization_type", None),
    ("models_serializers.Serialized", "stamp", "serialization_type", TPrim("float")),
    ("models_serializers.ChildSerialized", "price", "serialization_type", TPrim("float")),
    ("models_serializers.Flattened", "", "serialization_type", TDict(TPrim("str"), TPrim("any"))),
    ("models_aliases.Choices", "name", "validation_alias", "fullName"),
    ("models_aliases.Choices", "city", "validation_alias", "city"),
    ("models_aliases.Choices", "path_first", "validation_alias", "pathFirst"),
    ("models_edge.Options", "verbose", "has_default", True),
    ("models_edge.Options", "level", "has_default", False),
    ("models_edge.Point", "label", "has_default", True),
    ("models_config.ClassConfigV2", "value", "has_default", False),
    ("models_v1.LegacyItem", "note", "has_default", True),
    ("models_config.DefaultsRequired", "", "config.serialization_defaults_required", True),
    ("models_literals.Enums", "speed_default", "default", "fast"),
    ("models_collections.Sets", "old_frozen", "default", []),
    ("models_collections.Tuples", "empty", "type", TTuple(())),
    ("models_basic.Scalars", "nothing", "type", TPrim("none")),
    ("models_annotated.Constrained", "quantity", "constraints", {"gt": 0}),
    ("models_annotated.Constrained", "legacy_str", "constraints", {"min_length": 2, "pattern": "^[a-z]+$"}),
]


@pytest.mark.parametrize(("model", "field", "attribute", "expected"), RESOLVED_FACTS)
def test_resolved_facts(model: str, field: str, attribute: str, expected: Any) -> None:
    spec: Any = corpus_registry().models[_C + model]
    if field:
        spec = next(f for f in spec.fields if f.python_name == field)
    for part in attribute.split("."):
        spec = getattr(spec, part)
    assert spec == expected


def test_typevar_fallbacks() -> None:
    fields = {f.python_name: f.type for f in corpus_registry().models[_C + "models_edge.Boxed"].fields}
    assert isinstance(fields["item"], TVar) and fields["item"].fallback == TModel(_C + "models_edge.Item")
    assert isinstance(fields["key"], TVar) and fields["key"].fallback == TUnion((TPrim("int"), TPrim("str")))
