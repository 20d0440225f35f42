"""The page's Russian: infinitives after «позволяет:», lowercase after a dash, sentences, limitations,
changelog categories and dates, and no sentence saying a section is unfinished."""

from __future__ import annotations

import re

import pytest

from extractor.gather.changelog import is_first_version, parse_changelog
from extractor.model import Change, ChangelogEntry, Limitation
from extractor.render.prose import NB_HYPHEN, changes, counted, limitation, link_item, nobreak_date, sentence, url
from extractor.russian import as_infinitive, lower_first

from .conftest import SAMPLES, sample_root


@pytest.mark.parametrize(
    ("summary", "capability"),
    [
        ("Создаёт сделку.", "создавать сделку"),
        ("Возвращает платёж по идентификатору, при необходимости со списаниями.",
         "возвращать платёж по идентификатору, при необходимости со списаниями"),
        ("Создаёт и обновляет сделку. Потом ещё.", "создавать и обновлять сделку"),
        ("Создаёт, обновляет и удаляет сделки", "создавать, обновлять и удалять сделки"),
        ("Ищет контакт по телефону или email; возвращает первый найденный.", "искать контакт по телефону или email"),
        ("Создаёт сделку и, если указан contact_id, привязывает к ней контакт.", "создавать сделку"),
        ("Ищет контакт, который ждёт звонка.", "искать контакт, который ждёт звонка"),
        ("Отправит уведомление в Telegram.", "отправить уведомление в Telegram"),
        ("Список платежей с курсорной навигацией.", None),
        ("Stripe сообщил об оплате.", None),
        ("", None),
    ],
)
def test_summaries_become_infinitives(summary: str, capability: str | None) -> None:
    assert as_infinitive(summary) == capability


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Секретный ключ API", "секретный ключ API"),
        ("Токен бота", "токен бота"),
        ("API-ключ", "API-ключ"),
        ("Stripe key", "Stripe key"),
        ("Москва и область", "Москва и область"),
        ("Битрикс24 портал", "Битрикс24 портал"),
        ("ID интеграции", "ID интеграции"),
    ],
)
def test_a_description_after_a_dash_starts_lowercase_unless_a_name(text: str, expected: str) -> None:
    assert lower_first(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [("Базовый URL", "Базовый URL."), ("Готово.", "Готово."), ("Список;", "Список."), ("Что?", "Что?"), ("", "")],
)
def test_sentences_end_with_a_full_stop(text: str, expected: str) -> None:
    assert sentence(text) == expected


@pytest.mark.parametrize(
    ("value", "words"),
    [(1, "1\u00a0раза"), (2, "2\u00a0раз"), (11, "11\u00a0раз"), (21, "21\u00a0раза"), (5, "5\u00a0раз")],
)
def test_counted_nouns_agree_with_the_number(value: int, words: str) -> None:
    assert counted(value, "раза", "раз") == words


@pytest.mark.parametrize(
    ("item", "words"),
    [
        (Limitation(kind="timeout", value=10000), "Каждый handler должен ответить за 10\u00a0000\u00a0мс (`timeout`)."),
        (Limitation(kind="retries", handler="add-note", value=0), "Неудачный вызов handler `add-note` не повторяется"),
        (Limitation(kind="retries", value=3), "повторяется не больше 3\u00a0раз (`retries`)."),
        (Limitation(kind="max_length", handler="pay", field="title", value=255),
         "Handler `pay`: поле `title` — не длиннее 255\u00a0символов."),
        (Limitation(kind="maximum", handler="list", field="limit", value=100), "поле `limit` — не больше 100."),
        (Limitation(kind="text", text="Не больше 2 запросов в секунду"), "Не больше 2 запросов в секунду."),
        (Limitation(kind="text", handler="pay", text="Только рубли."), "Handler `pay`: Только рубли."),
    ],
)
def test_limitations_are_sentences(item: Limitation, words: str) -> None:
    assert words in limitation(item)


def test_changelog_categories_are_russian_and_sentences() -> None:
    entry = ChangelogEntry(version="1.1.0", changes=[
        Change(category="added", text="Событие X"), Change(category="added", text="Handler Y."),
        Change(category="security", text="Подпись проверяется"), Change(text="Без раздела")])
    assert changes(entry) == ("**Добавлено:** Событие X. Handler Y. **Безопасность:** Подпись проверяется. "
                              "Без раздела.")
    assert changes(ChangelogEntry(version="1.0.0", first=True)) == "Начальная версия"
    assert changes(ChangelogEntry(version="1.2.0")) == "Текущая версия"


def test_dates_do_not_break() -> None:
    assert nobreak_date("2026-03-12") == f"2026{NB_HYPHEN}03{NB_HYPHEN}12"
    assert nobreak_date(None) == "—"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("[API](https://example.com/api) — справочник", "[API](https://example.com/api) — справочник"),
        ("[Шаги](/guide/start)", "[Шаги](/guide/start)"),
        ("[Плохо](javascript:alert(1))", "\\[Плохо\\](javascript:alert(1))"),
        ("Просто Текст", "просто Текст"),
    ],
)
def test_see_also_entries(text: str, expected: str) -> None:
    assert link_item(text) == expected
    assert url("javascript:alert(1)") == "#"


CHANGELOG = """# Changelog
## [Unreleased]
### Added
- Не выпущено.
## [1.1.0] - 2026-10-01
### Added
- `get-deal`.
  - вложенный пункт
### Исправлено
- **Важно:** повтор.
### Something else
- Прочее.
## [1.0.0] - 2026-01-01
"""


def test_changelog_entries_carry_their_category() -> None:
    releases = parse_changelog(CHANGELOG)
    assert [(r.version, r.date, r.first) for r in releases] == [
        ("1.1.0", "2026-10-01", False), ("1.0.0", "2026-01-01", True)]
    assert [(c.category, c.text) for c in releases[0].changes] == [
        ("added", "`get-deal`: вложенный пункт"), ("fixed", "**Важно:** повтор."), (None, "Прочее.")]


@pytest.mark.parametrize(("version", "first"), [("1.0.0", True), ("0.1.0", True), ("v1.0.0", True), ("1.2.0", False)])
def test_a_version_alone_is_first_only_when_it_is_one(version: str, first: bool) -> None:
    assert is_first_version(version) == first


def sample_pages() -> list[str]:
    return sorted(str(p.relative_to(SAMPLES)) for p in [*SAMPLES.glob("*/README.md"), *SAMPLES.glob("*.md")])


@pytest.mark.parametrize("page", sample_pages())
def test_no_sample_page_says_not_yet_or_shows_an_empty_section(page: str) -> None:
    text = (SAMPLES / page).read_text(encoding="utf-8")
    visible = re.sub(r"<!--.*?-->", "", text, flags=re.DOTALL)
    assert "пока не" not in visible
    assert "По умолчанию: `***`" not in visible and "По умолчанию: " not in visible
    sections = re.split(r"^## ", visible, flags=re.MULTILINE)[1:]
    for part in sections:
        title, _, body = part.partition("\n")
        assert body.strip(), f"{page}: section «{title}» is empty"
    for line in visible.splitlines():
        assert not re.search(r" — [А-ЯЁ][а-яё]+ ", line) or "Требования" in line or line.startswith("|"), line


def test_the_bitrix24_sample_reads_as_written() -> None:
    from extractor.pipeline import extract

    doc = extract(sample_root("bitrix24_deals"))
    assert doc.schema_version == 2
    assert [c.category for c in doc.changelog[0].changes] == ["added", "added", "fixed"]
    page = (SAMPLES / "bitrix24_deals" / "README.md").read_text(encoding="utf-8")
    assert "- создавать сделки с контактом, суммой и стадией;\n" in page
    assert f"| 1.3.0 | 2026{NB_HYPHEN}09{NB_HYPHEN}15 | **Добавлено:**" in page
    assert "**Устарело:**" in page and "**Безопасность:**" in page
    assert ("**Ошибка `bitrix24_deal_not_found`**\n\n"
            "**Симптом:** Handler `get-deal` возвращает ошибку с кодом `bitrix24_deal_not_found`.") in page
    assert "- [REST API Битрикс24](https://apidocs.bitrix24.ru/) — методы" in page
    assert "Платформа доставляет каждое событие" in page
    assert "- Handler `find-contacts`: поле `limit` — не больше 50.\n" in page


def test_the_json_carries_categorised_changes_and_full_descriptions_under_the_schema() -> None:
    import json

    import jsonschema

    from extractor.model import Integration
    from extractor.pipeline import extract

    data = json.loads(extract(sample_root("amocrm")).model_dump_json(by_alias=True))
    jsonschema.validate(data, Integration.model_json_schema(mode="serialization", by_alias=True))
    assert data["schema_version"] == 2
    assert data["changelog"][0]["changes"][0] == {"category": "added", "text": "Событие `contact.updated`."}
    note = next(h for h in data["handlers"] if h["name"] == "add-note")
    assert "дубль примечания" in note["details"] and note["errors"][0]["code"] == "amocrm_deal_not_found"
    assert any(item["kind"] == "timeout" for item in data["limitations"])


def test_site_wide_links_follow_the_docstrings_see_also() -> None:
    from extractor.pipeline import extract
    from extractor.render import render_markdown

    doc = extract(sample_root("bitrix24_deals"))
    page = render_markdown(doc, links=(("Начало работы", "/guide/start"), ("Плохая", "javascript:x")))
    steps = page.split("## Следующие шаги")[1]
    assert steps.index("[REST API Битрикс24]") < steps.index("- [Начало работы](/guide/start)\n")
    assert "- [Плохая](#)\n" in steps
    empty = render_markdown(doc.model_copy(update={"see_also": [], "limitations": []}))
    assert "## Следующие шаги" not in empty and "## Ограничения" not in empty
    assert "extract-docs:begin manual:next-steps" in empty and "extract-docs:begin manual:limitations" in empty


def test_a_hand_written_example_is_shown_beside_the_generated_one() -> None:
    page = (SAMPLES / "bitrix24_deals" / "README.md").read_text(encoding="utf-8")
    usage = page.split("## Использование")[1].split("## Webhook URL")[0]
    generated = usage.index("const request")
    written = usage.index("**Пример из описания handler:**")
    assert generated < written < usage.index('{"title": "Заявка с сайта", "amount": "15000.00", "contact_id": 17}')
