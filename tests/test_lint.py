"""Lint findings (extractor.app.lint): tables of doc models and the findings they give."""

from __future__ import annotations

from typing import Any

import pytest

from extractor.app.lint import LINT_RULES, Finding, lint
from extractor.model import DocModel, DocWarning, EnvVar, Event, Handler, Integration, Limitation, ModelField
from tests.conftest import sample_root


def field(name: str, description: str | None = None, location: str | None = None) -> ModelField:
    return ModelField(name=name, python_name=name, ts_type="string", required=True,
                      description=description, location=location)


def model(name: str, *fields: ModelField, location: str | None = "models.py:1") -> DocModel:
    return DocModel(model=name, interface=f"I{name}", location=location, fields=list(fields), typescript="")


def handler(name: str, description: str = "", line: int = 10, **models: DocModel) -> Handler:
    return Handler(name=name, function=name.replace("-", "_"), description=description,
                   location=f"handlers.py:{line}", **models)


def doc(**parts: Any) -> Integration:
    """An integration whose Ограничения and Следующие шаги have something (rule `empty-section` quiet)."""
    filled = {"limitations": [Limitation(kind="text", text="Не больше 2 запросов в секунду")],
              "see_also": ["[API](https://example.com/)"]}
    return Integration(name="X", slug="x", **{**filled, **parts})


@pytest.mark.parametrize(
    ("parts", "site_links", "sections"),
    [
        ({}, False, []),
        ({"limitations": []}, False, ["Ограничения"]),
        ({"see_also": []}, False, ["Следующие шаги"]),
        ({"see_also": []}, True, []),
        ({"limitations": [], "see_also": [], "location": "integration.py:4"}, False, ["Ограничения", "Следующие шаги"]),
    ],
)
def test_an_empty_section_is_named(parts: dict[str, Any], site_links: bool, sections: list[str]) -> None:
    found = [f for f in lint(doc(**parts), site_links=site_links) if f.rule == "empty-section"]
    assert [f.message.split("«")[1].split("»")[0] for f in found] == sections
    assert {f.location for f in found} <= {parts.get("location", "")}


REQUEST = model("PayRequest", field("amount", "Сумма", "models.py:3"), field("currency", None, "models.py:4"))

CASES: dict[str, tuple[Integration, list[tuple[str, str, str]]]] = {
    "a documented handler": (doc(handlers=[handler("pay", "Платит.")]), []),
    "a handler without a docstring": (
        doc(handlers=[handler("pay")]),
        [("handlers.py:10", "handler-docstring", "handler 'pay' (pay) has no docstring")],
    ),
    "a blank description counts as none": (
        doc(handlers=[handler("pay", "  \n")]),
        [("handlers.py:10", "handler-docstring", "handler 'pay' (pay) has no docstring")],
    ),
    "an event without a docstring": (
        doc(events=[Event(name="deal.created", location="events.py:7")]),
        [("events.py:7", "event-docstring", "event 'deal.created' has no docstring")],
    ),
    "a request field without a description, at its own line": (
        doc(handlers=[handler("pay", "Платит.", request=REQUEST)]),
        [("models.py:4", "field-description", "field 'currency' of PayRequest has no description")],
    ),
    "a field without a location falls back to its model's": (
        doc(handlers=[handler("pay", "Платит.", response=model("Paid", field("id"), location="models.py:20"))]),
        [("models.py:20", "field-description", "field 'id' of Paid has no description")],
    ),
    "a model used by two handlers is reported once": (
        doc(handlers=[handler("pay", "a", request=REQUEST), handler("repay", "b", line=30, request=REQUEST)]),
        [("models.py:4", "field-description", "field 'currency' of PayRequest has no description")],
    ),
    "an event payload field": (
        doc(events=[Event(name="paid", description="Оплачено.", location="events.py:3",
                          payload=model("Paid", field("at", None, "models.py:40")))]),
        [("models.py:40", "field-description", "field 'at' of Paid has no description")],
    ),
    "an environment variable without a description, at its first read": (
        doc(env_vars=[EnvVar(name="API_URL", required=False, locations=["client.py:9", "settings.py:2"]),
                      EnvVar(name="API_KEY", required=True, description="Ключ", locations=["client.py:3"])]),
        [("client.py:9", "env-description", "environment variable API_URL has no description")],
    ),
    "an environment variable with no location": (
        doc(env_vars=[EnvVar(name="API_URL", required=False)]),
        [("", "env-description", "environment variable API_URL has no description")],
    ),
    "findings are ordered by file, then line as a number": (
        doc(handlers=[handler("late", line=100), handler("early", line=9)],
            env_vars=[EnvVar(name="A", required=False, locations=["client.py:50"])]),
        [("client.py:50", "env-description", "environment variable A has no description"),
         ("handlers.py:9", "handler-docstring", "handler 'early' (early) has no docstring"),
         ("handlers.py:100", "handler-docstring", "handler 'late' (late) has no docstring")],
    ),
    "extraction warnings are not lint findings": (
        doc(warnings=[DocWarning(location="handlers.py:3", message="timeout is not a literal")]),
        [],
    ),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_findings(case: str) -> None:
    integration, expected = CASES[case]
    before = integration.model_dump()
    assert [(f.location, f.rule, f.message) for f in lint(integration)] == expected
    assert integration.model_dump() == before, "lint does not change the doc model"


def test_ignored_rules_are_skipped() -> None:
    integration = doc(handlers=[handler("pay", request=REQUEST)],
                      env_vars=[EnvVar(name="A", required=False, locations=["c.py:1"])])
    assert {f.rule for f in lint(integration)} == {"handler-docstring", "field-description", "env-description"}
    found = lint(integration, ignore=frozenset({"field-description", "env-description"}))
    assert found == [Finding("handlers.py:10", "handler-docstring", "handler 'pay' (pay) has no docstring")]
    assert lint(integration, ignore=frozenset(LINT_RULES)) == []


def test_a_real_sample_points_at_real_lines() -> None:
    from extractor.pipeline import extract

    root = sample_root("stripe_payments")
    findings = lint(extract(root))
    assert findings, "the sample leaves some fields undocumented"
    for finding in findings:
        path, _, line = finding.location.rpartition(":")
        source = (root.path / path).read_text(encoding="utf-8").splitlines()
        text = source[int(line) - 1]
        if finding.rule == "field-description":
            name = finding.message.split("'")[1]
            assert text.lstrip().startswith(f"{name}:"), (finding, text)
        if finding.rule == "env-description":
            assert finding.message.split()[2] in text, (finding, text)
