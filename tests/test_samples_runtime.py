"""Runtime oracle: import each sample, and check the static extraction against the SDK and pydantic.

The samples really run against `sample_integrations/platform_sdk`; what its registry holds and
what pydantic's own JSON Schema says is the truth the static extraction must match.
`side_effects` is never imported here: its modules do harm at import on purpose.
"""

from __future__ import annotations

import functools
import importlib
import inspect
import os
import re
import sys
import typing
from collections.abc import Iterator
from typing import Any, Literal

import platform_sdk as sdk
import pytest
from platform_sdk.specs import first_paragraph, model_in
from pydantic import BaseModel, SecretStr
from pydantic.json_schema import models_json_schema
from pydantic_settings import BaseSettings

from extractor.model import DocModel, Integration

from .conftest import sample_root

SAMPLES_RUN = ["stripe_payments", "telegram_notify", "amocrm", "yookassa_refunds"]
Mode = Literal["validation", "serialization"]
WireFields = dict[str, bool]

# ---------------------------------------------------------------- runtime and static sides


@functools.cache
def runtime(name: str) -> sdk.Integration:
    """The sample imported for real, and the integration its SDK registry holds."""
    importlib.import_module(name)
    found = sdk.integration_for(name)
    assert found is not None, f"{name} created no integration"
    return found


@functools.cache
def extracted(name: str) -> Integration:
    """The static extraction of the sample."""
    from extractor.pipeline import extract

    return extract(sample_root(name))


def sample_classes(name: str, base: type[Any]) -> Iterator[type[Any]]:
    """Classes deriving from `base` defined in the sample's modules (after import)."""
    runtime(name)
    for module_name, module in list(sys.modules.items()):
        if module_name != name and not module_name.startswith(name + "."):
            continue
        for value in vars(module).values():
            if (
                isinstance(value, type)
                and issubclass(value, base)
                and value is not base
                and (value.__module__ == module_name)
            ):
                yield value


def squash(text: str | None) -> str:
    """Text with whitespace runs collapsed, for docstring comparisons."""
    return " ".join((text or "").split())


def pascal(name: str) -> str:
    """`create-payment` → `CreatePayment`."""
    return "".join(part[:1].upper() + part[1:] for part in re.split(r"[-_.\s]+", name) if part)


# ---------------------------------------------------------------- pydantic's truth


def wire_fields(schema: dict[str, Any]) -> WireFields:
    """{property on the wire: required} of an object schema."""
    required = set(schema.get("required", []))
    return {prop: prop in required for prop in schema.get("properties", {})}


def expected_interfaces(
    cls: type[BaseModel], mode: Mode, root: str, document_defs: frozenset[str] = frozenset()
) -> dict[str, WireFields]:
    """Interface name → wire fields, for the root model and every object model it reaches.

    `document_defs` are the `$defs` names pydantic gives the whole document's models
    (`document_defs_names`): a model with two shapes is `Amount-Input` / `Amount-Output`."""
    schema = cls.model_json_schema(mode=mode, by_alias=True)
    defs: dict[str, Any] = schema.get("$defs", {})
    root_schema = defs[cls.__name__] if "$ref" in schema else schema
    found = {root: wire_fields(root_schema)}
    suffix = "Input" if mode == "validation" else "Output"
    for def_name, definition in defs.items():
        if def_name != cls.__name__ and "properties" in definition:
            split = f"{def_name}-{suffix}" in document_defs
            found["I" + def_name + (suffix if split else "")] = wire_fields(definition)
    return found


def document_defs_names(name: str) -> frozenset[str]:
    """pydantic's `$defs` names for all request, response and payload models of a sample."""
    pairs = [(cls, mode) for _, _, cls, mode in model_pairs(name) if cls is not None]
    _, schema = models_json_schema(list(dict.fromkeys(pairs)), by_alias=True)
    return frozenset(schema.get("$defs", {}))


def wire_name(info: Any, python_name: str, mode: Mode) -> str:
    """The key of a field on the wire in `mode`, as pydantic reads/writes it by alias."""
    alias = info.serialization_alias if mode == "serialization" else info.validation_alias
    return str(alias if isinstance(alias, str) else info.alias or python_name)


# ---------------------------------------------------------------- the TypeScript block

_INTERFACE = re.compile(r"^(?:export\s+)?interface\s+(\w+)(?:<[^>{]*>)?(?:\s+extends\s+([^{]+?))?\s*\{\s*$")
_PROPERTY = re.compile(r"""^\t(?:readonly\s+)?("[^"]*"|'[^']*'|[A-Za-z_$][\w$]*)(\?)?\s*:""")


def ts_interfaces(block: str) -> dict[str, WireFields]:
    """Interfaces declared in a TypeScript block: name → {property: required}, `extends` merged."""
    props: dict[str, WireFields] = {}
    parents: dict[str, list[str]] = {}
    current: str | None = None
    for line in block.splitlines():
        if current is None:
            if match := _INTERFACE.match(line):
                current = match.group(1)
                props[current] = {}
                parents[current] = [p.strip() for p in (match.group(2) or "").split(",")]
        elif line.startswith("}"):
            current = None
        elif match := _PROPERTY.match(line):
            props[current][match.group(1).strip("\"'")] = match.group(2) is None
    return {name: _merged(name, props, parents) for name in props}


def _merged(name: str, props: dict[str, WireFields], parents: dict[str, list[str]]) -> WireFields:
    merged: WireFields = {}
    for parent in parents.get(name, []):
        if parent in props:
            merged.update(_merged(parent, props, parents))
    return {**merged, **props[name]}


def test_ts_interfaces_reads_the_template_shape() -> None:
    block = (
        "interface ICreatePaymentRequest extends IBase {\n\t/** Сумма */\n\tamount: number;\n"
        '\tcustomer?: ICustomer | null;\n\t"x-key": string;\n\tnested: {\n\t\tinner: string;\n'
        "\t};\n}\n\ninterface IBase {\n\tid: string;\n}\n"
    )
    assert ts_interfaces(block) == {
        "ICreatePaymentRequest": {
            "id": True,
            "amount": True,
            "customer": False,
            "x-key": True,
            "nested": True,
        },
        "IBase": {"id": True},
    }


# ---------------------------------------------------------------- the runtime half works


@pytest.mark.parametrize("name", SAMPLES_RUN)
def test_sample_imports_and_registers(name: str) -> None:
    integration = runtime(name)
    assert integration.handlers, f"{name} registered no handler"
    for spec in integration.handlers.values():
        assert spec.description, f"{name}:{spec.name} has no description"
        assert spec.method in {"GET", "POST", "PUT", "PATCH", "DELETE"}
        assert set(integration.default_args) <= set(spec.default_args)
        for model, mode in (
            (spec.request_model, "validation"),
            (spec.response_model, "serialization"),
        ):
            if model is not None:
                schema = model.model_json_schema(mode=mode, by_alias=True)
                wire = {wire_name(info, py, mode) for py, info in model.model_fields.items()}
                assert wire == set(schema["properties"]), f"{name}:{spec.name} {mode}"


def test_sdk_registers_every_declaration_form() -> None:
    yookassa = runtime("yookassa_refunds")
    handlers = yookassa.handlers
    assert handlers["create-refund"].function == "create_refund"  # bare @handler, no name
    assert handlers["create-refund"].request_model.__name__ == "RefundRequest"  # request_model=
    assert handlers["calculate-refund"].request_model.__name__ == "CalculateRefundRequest"
    assert handlers["get-refund"].method == "GET"  # class method, method="get"
    assert handlers["get-refund"].response_model.__name__ == "Refund"  # Optional["Refund"]
    assert handlers["list-refund-reasons"].request_model is None
    assert handlers["list-refund-reasons"].default_args["cache_ttl"] == 3600
    assert {e.payload_model.__name__ for e in yookassa.events.values()} == {"RefundNotification"}
    amocrm = runtime("amocrm")
    assert amocrm.handlers["add-note"].response_model is None
    assert amocrm.handlers["add-note"].default_args == {
        "timeout": 8000,
        "retries": 0,
        "rate_limit": 7,
    }


def test_sdk_invokes_a_handler_like_the_platform() -> None:
    yookassa = runtime("yookassa_refunds")
    quote = yookassa.invoke("calculate-refund", {"paid": "1490.00", "refunded": "500"})
    assert quote == {"refundable": "990.00", "amount": "990.00", "full": True}
    reasons = yookassa.invoke("list-refund-reasons")
    assert reasons["categories"][0]["children"][0]["code"] == "quality.defect"
    stripe_response = runtime("stripe_payments").handlers["create-payment"].response_model
    assert stripe_response is not None
    assert "paymentId" in stripe_response.model_json_schema(mode="serialization", by_alias=True)["properties"]


def test_settings_env_names_are_what_pydantic_settings_reads(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    (settings_cls,) = sample_classes("stripe_payments", BaseSettings)
    names = settings_env(settings_cls)
    assert "STRIPE_CONNECT_ACCOUNT" in names and "STRIPE_API_KEY" in names
    for env_name in names:
        monkeypatch.setenv(env_name, "7")
    settings = settings_cls()
    for field_name in settings_cls.model_fields:
        value = getattr(settings, field_name)
        assert str(value.get_secret_value() if isinstance(value, SecretStr) else value) == "7"


def settings_env(cls: type[BaseSettings]) -> dict[str, tuple[bool, str | None]]:
    """Env name → (required, description) of each field of a BaseSettings class."""
    prefix = str(cls.model_config.get("env_prefix", ""))
    found: dict[str, tuple[bool, str | None]] = {}
    for name, info in cls.model_fields.items():
        alias = info.validation_alias if isinstance(info.validation_alias, str) else info.alias
        found[(alias or prefix + name).upper()] = (info.is_required(), info.description)
    return found


# ---------------------------------------------------------------- static vs runtime


@pytest.mark.parametrize("name", SAMPLES_RUN)
def test_integration_facts_match(name: str) -> None:
    live, doc = runtime(name), extracted(name)
    assert (doc.name, doc.version) == (live.name, live.version)
    assert doc.default_args == live.default_args
    assert [(c.key, c.description, c.where) for c in doc.credentials] == [
        (c.key, c.description, c.where) for c in live.credentials
    ]
    assert [(s.key, s.description, s.format) for s in doc.secrets] == [
        (s.key, s.description, s.format) for s in live.secrets
    ]


@pytest.mark.parametrize("name", SAMPLES_RUN)
def test_handlers_match(name: str) -> None:
    live, doc = runtime(name), extracted(name)
    assert {h.name: (h.method, h.function, h.default_args) for h in doc.handlers} == {
        h.name: (h.method, h.function, dict(h.default_args)) for h in live.handlers.values()
    }
    assert {h.name: squash(h.description) for h in doc.handlers} == {
        h.name: squash(h.description) for h in live.handlers.values()
    }


@pytest.mark.parametrize("name", SAMPLES_RUN)
def test_events_match(name: str) -> None:
    live, doc = runtime(name), extracted(name)
    assert {e.name: (e.function, squash(e.description)) for e in doc.events} == {
        e.name: (e.function, squash(e.description)) for e in live.events.values()
    }


@pytest.mark.parametrize("name", SAMPLES_RUN)
def test_errors_match(name: str) -> None:
    live = {
        cls.__name__: (cls.code, squash(first_paragraph(cls.__doc__)), cls.solution)
        for cls in sample_classes(name, sdk.IntegrationError)
        if "code" in vars(cls)
    }
    doc = {e.class_name: (e.code, squash(e.cause), e.solution) for e in extracted(name).errors}
    assert doc == live


def model_pairs(name: str) -> Iterator[tuple[str, DocModel | None, type[BaseModel] | None, Mode]]:
    """(label, static model, runtime model, mode) for every request, response and payload."""
    doc = extracted(name)
    live = runtime(name)
    for handler in doc.handlers:
        spec = live.handlers[handler.name]
        yield f"{handler.name} request", handler.request, spec.request_model, "validation"
        yield f"{handler.name} response", handler.response, spec.response_model, "serialization"
    for event in doc.events:
        payload = live.events[event.name].payload_model
        yield f"{event.name} payload", event.payload, payload, "validation"


def expected_root_interface(label: str, doc_model: DocModel) -> str:
    """`I{PascalHandlerName}Request/Response` for handlers; events keep the extractor's name."""
    subject, part = label.rsplit(" ", 1)
    if part == "payload":
        return doc_model.interface
    return f"I{pascal(subject)}{part.capitalize()}"


@pytest.mark.parametrize("name", SAMPLES_RUN)
def test_models_match_pydantic_json_schema(name: str) -> None:
    document_defs = document_defs_names(name)
    for label, doc_model, cls, mode in model_pairs(name):
        assert (doc_model is None) == (cls is None), f"{name} {label}: {doc_model} vs {cls}"
        if doc_model is None or cls is None:
            continue
        where = f"{name} {label}"
        root = expected_root_interface(label, doc_model)
        assert (doc_model.model, doc_model.interface, doc_model.mode) == (cls.__name__, root, mode)
        expected = expected_interfaces(cls, mode, root, document_defs)
        assert {f.name: f.required for f in doc_model.fields} == expected[root], where
        assert root_named(ts_interfaces(doc_model.typescript), doc_model.typescript, root) == expected, where
        assert (f"type {root} = " in doc_model.typescript
                and doc_model.typescript.split("\n", 1)[0].endswith(" | null;")) == nullable_at_runtime(name, label)


def root_named(found: dict[str, WireFields], typescript: str, root: str) -> dict[str, WireFields]:
    """The interfaces of a block, the root's alias read as the root: on a page one model has
    one name, so a handler's name can be `type IGetDealResponse = IDeal;` (or `IContact | null`)."""
    match = re.search(rf"^type {root} = (\w+)(?: \| null)?;$", typescript, re.MULTILINE)
    if match is None or match.group(1) not in found:
        return found
    renamed = dict(found)
    renamed[root] = renamed.pop(match.group(1))
    return renamed


def nullable_at_runtime(name: str, label: str) -> bool:
    """Whether the annotation of a request, response or payload admits None (`-> Contact | None`)."""
    subject, part = label.rsplit(" ", 1)
    live = runtime(name)
    if part == "payload":
        func, explicit = live.events[subject].func, live.events[subject].explicit_payload
    else:
        handler = live.handlers[subject]
        func = handler.func
        explicit = handler.explicit_response if part == "response" else handler.explicit_request
    if explicit is not None:
        return False
    hints = typing.get_type_hints(func)
    if part == "response":
        annotation = hints.get("return")
    else:
        annotation = next(hints[p] for p in inspect.signature(func).parameters if model_in(hints.get(p)))
    return type(None) in typing.get_args(annotation)


@pytest.mark.parametrize("name", SAMPLES_RUN)
def test_root_fields_match_pydantic_fields(name: str) -> None:
    for label, doc_model, cls, mode in model_pairs(name):
        if doc_model is None or cls is None:
            continue
        fields = {f.name: f for f in doc_model.fields}
        for python_name, info in cls.model_fields.items():
            where = f"{name} {label} {python_name}"
            field = fields[wire_name(info, python_name, mode)]
            assert field.python_name == python_name, where
            assert (field.description or None) == info.description, where
            assert field.examples == (info.examples or []), where
            if type(info.default) in (str, int, float, bool):
                assert field.default == info.default, where


@pytest.mark.parametrize("name", SAMPLES_RUN)
def test_examples_are_valid_for_their_models(name: str) -> None:
    for label, doc_model, cls, mode in model_pairs(name):
        if doc_model is None or cls is None or mode != "validation":
            continue
        assert doc_model.example is not None, f"{name} {label}: no example"
        cls.model_validate(doc_model.example)


@pytest.mark.parametrize("name", ["stripe_payments"])
def test_settings_env_vars_match(name: str) -> None:
    rows = {row.name: row for row in extracted(name).env_vars}
    for cls in sample_classes(name, BaseSettings):
        for env_name, (required, description) in settings_env(cls).items():
            assert env_name in rows, f"{cls.__name__}: {env_name} not extracted"
            assert rows[env_name].required or not required, env_name
            if description:
                assert rows[env_name].description == description, env_name


# ---------------------------------------------------------------- env vars read through `os`

ENV_VARS: dict[str, dict[str, tuple[bool, bool]]] = {
    # sample → {variable: (required, secret)}; from reading the samples' os.environ/getenv calls
    "stripe_payments": {
        "STRIPE_API_KEY": (True, True),
        "STRIPE_WEBHOOK_SECRET": (True, True),
        "STRIPE_API_BASE": (False, False),
        "STRIPE_API_VERSION": (False, False),
        "STRIPE_MAX_NETWORK_RETRIES": (False, False),
        "STRIPE_DEBUG_PROXY_TOKEN": (False, True),
        "STRIPE_LOG_LEVEL": (False, False),
        "STRIPE_CONNECT_ACCOUNT": (False, False),
        "STRIPE_WEBHOOK_TOLERANCE": (False, False),
    },
    "telegram_notify": {
        "TELEGRAM_API_URL": (False, False),
        "TELEGRAM_PROXY": (False, False),
        "TELEGRAM_BOT_TOKEN": (True, True),
    },
    "amocrm": {
        "AMOCRM_DOMAIN": (False, False),
        "AMOCRM_SUBDOMAIN": (True, True),
        "AMOCRM_LONG_LIVED_TOKEN": (True, True),
    },
    "yookassa_refunds": {
        "YOOKASSA_API_URL": (False, False),
        "YOOKASSA_SHOP_ID": (False, True),
        "YOOKASSA_USER_AGENT": (False, False),
        "YOOKASSA_SECRET_KEY": (True, True),
    },
}

COMMENT_DESCRIPTIONS = {
    # variables described only by a comment (same line or the line above)
    "STRIPE_MAX_NETWORK_RETRIES": "Повторы при сетевой ошибке",
    "STRIPE_DEBUG_PROXY_TOKEN": "Токен отладочного прокси; в продакшене не используется",
    "TELEGRAM_API_URL": "Адрес Bot API; меняется, если используется собственный сервер Bot API",
    "TELEGRAM_PROXY": "HTTP-прокси для запросов к Bot API",
    "AMOCRM_DOMAIN": "Домен аккаунта: amocrm.ru для российских аккаунтов, kommo.com для международных",
}


@pytest.mark.parametrize("name", SAMPLES_RUN)
def test_env_vars_one_row_each(name: str) -> None:
    rows = extracted(name).env_vars
    assert len({row.name for row in rows}) == len(rows)
    assert {row.name: (row.required, row.secret) for row in rows} == ENV_VARS[name]
    for row in rows:
        assert row.locations, row.name
        if row.name in COMMENT_DESCRIPTIONS:
            assert row.description == COMMENT_DESCRIPTIONS[row.name]


@pytest.mark.parametrize(
    ("name", "module", "attribute", "variable"),
    [
        (
            "stripe_payments",
            "stripe_payments.client",
            "DEBUG_PROXY_TOKEN",
            "STRIPE_DEBUG_PROXY_TOKEN",
        ),
        ("yookassa_refunds", "yookassa_refunds.client", "SHOP_ID", "YOOKASSA_SHOP_ID"),
    ],
)
def test_secret_defaults_are_never_output(name: str, module: str, attribute: str, variable: str) -> None:
    runtime(name)
    if variable in os.environ:
        pytest.skip(f"{variable} is set in this environment")
    default = getattr(sys.modules[module], attribute)
    doc = extracted(name)
    assert default not in doc.model_dump_json()
    assert next(row for row in doc.env_vars if row.name == variable).default == "***"
