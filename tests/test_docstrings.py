"""Docstrings through the gather stage's parser (griffe, Google style): sections in English and Russian."""

from __future__ import annotations

import textwrap

import pytest

from extractor.gather.docstrings import Raise, parse_docstring

from .helpers import gather


def doc(text: str) -> str:
    return textwrap.dedent(text).strip("\n")


SECTIONS = {
    "capabilities": ("Capabilities", "Возможности"),
    "requirements": ("Requirements", "Требования"),
    "limitations": ("Limitations", "Ограничения"),
    "see_also": ("See also", "Смотрите также"),
}


@pytest.mark.parametrize("kind", sorted(SECTIONS))
@pytest.mark.parametrize("language", [0, 1])
def test_list_sections_in_both_languages(kind: str, language: int) -> None:
    title = SECTIONS[kind][language]
    parsed = parse_docstring(doc(f"""
        Сводка.

        {title}:
            - первое;
            - второе,
              с продолжением.
    """))
    assert parsed.items(kind) == ["первое", "второе, с продолжением"]  # type: ignore[arg-type]
    assert parsed.description == "Сводка."


@pytest.mark.parametrize("title", ["Raises", "Ошибки", "Исключения", "Exceptions"])
def test_raises_in_both_languages(title: str) -> None:
    parsed = parse_docstring(doc(f"""
        Создаёт сделку.

        {title}:
            DealNotFoundError: сделки нет.
            errors.AccessDeniedError: нет прав
                на CRM.
    """))
    assert parsed.raises == [Raise("DealNotFoundError", "сделки нет."), Raise("AccessDeniedError", "нет прав на CRM.")]


@pytest.mark.parametrize(
    ("title", "kind"),
    [("Example", "example"), ("Пример", "example"), ("Примеры", "example"), ("Note", "note"),
     ("Примечание", "note"), ("Warning", "warning"), ("Внимание", "warning")],
)
def test_block_sections_keep_their_text(title: str, kind: str) -> None:
    parsed = parse_docstring(doc(f"""
        Сводка.

        {title}:
            Первый абзац.

            ```json
            {{"a": 1}}
            ```
    """))
    assert parsed.items(kind) == ['Первый абзац.\n\n```json\n{"a": 1}\n```']  # type: ignore[arg-type]


def test_the_whole_description_is_kept_and_the_summary_is_the_first_paragraph() -> None:
    parsed = parse_docstring(doc("""
        Создаёт платёж
        в Stripe.

        Сумма блокируется на карте; списать её нужно в течение 7 дней.

        Ограничения:
            Не больше 100 запросов в секунду.

        Третий абзац после секции.
    """))
    assert parsed.summary == "Создаёт платёж в Stripe."
    assert parsed.description.split("\n\n") == [
        "Создаёт платёж\nв Stripe.", "Сумма блокируется на карте; списать её нужно в течение 7 дней.",
        "Третий абзац после секции.",
    ]
    assert parsed.items("limitations") == ["Не больше 100 запросов в секунду."]


@pytest.mark.parametrize(
    "lead", ["Интеграция позволяет:", "Stripe позволяет:", "Возможности:"],
)
def test_an_unindented_list_under_a_lead_in_is_still_the_capabilities(lead: str) -> None:
    parsed = parse_docstring(f"Stripe.\n\n{lead}\n- принимать платежи;\n- оформлять возвраты.\n")
    assert parsed.items("capabilities") == ["принимать платежи", "оформлять возвраты"]
    assert parsed.description == "Stripe."


@pytest.mark.parametrize("text", [None, "", "   ", "Одна строка."])
def test_plain_or_missing_docstrings(text: str | None) -> None:
    parsed = parse_docstring(text)
    assert parsed.sections == {} and parsed.raises == []
    assert parsed.description == (text or "").strip()


def test_a_handler_docstring_reaches_the_doc_model_whole() -> None:
    from extractor.pipeline import extract

    from .conftest import sample_root

    doc_model = extract(sample_root("bitrix24_deals"))
    create = next(h for h in doc_model.handlers if h.name == "create-deal")
    assert create.description == "Создаёт сделку в CRM портала."
    assert "привязать его можно позже" in create.details
    assert [(e.class_name, e.code) for e in create.errors] == [
        ("AccessDeniedError", "bitrix24_access_denied"), ("QueryLimitError", "bitrix24_query_limit")]
    assert create.examples and "```json" in create.examples[0]
    get = next(h for h in doc_model.handlers if h.name == "get-deal")
    assert [e.code for e in get.errors] == ["bitrix24_deal_not_found"]
    assert doc_model.capabilities_written and doc_model.see_also[0].startswith("[REST API Битрикс24]")
    assert [n.kind for n in doc_model.notes] == ["info"]
    assert any(item.kind == "text" and "2 запросов" in item.text for item in doc_model.limitations)


def test_gather_keeps_a_functions_whole_docstring() -> None:
    module = gather('def f():\n    """Сводка.\n\n    Второй абзац.\n\n    Raises:\n        E: x.\n    """\n')
    parsed = parse_docstring(module.functions[0].docstring)
    assert parsed.description == "Сводка.\n\nВторой абзац." and parsed.raises == [Raise("E", "x.")]
