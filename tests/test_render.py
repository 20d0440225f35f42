"""Tests of the render stage: document structure, tables, safety against hostile text, overrides."""

from __future__ import annotations

import json
import os
import re
import shlex
import shutil
import subprocess
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt
from markdown_it.token import Token

from extractor.errors import TemplateError
from extractor.model import (
    Change,
    ChangelogEntry,
    Credential,
    DocModel,
    EnvVar,
    ErrorDoc,
    Event,
    Handler,
    Integration,
    Limitation,
    ModelField,
    Secret,
)
from extractor.render import render_markdown, shipped_template_dir, template_search_path
from extractor.render.anchors import anchor, slug, unique_slugs
from extractor.render.filters import (
    bash_quote,
    cell,
    cellcode,
    code,
    fenced,
    fold,
    heading,
    joined_lines,
    text,
)
from extractor.render.markers import LOOSE_MARKER_RE, MARKER_RE, REGION_NAMES

MD = MarkdownIt("commonmark").enable("table")
ZWSP = "\u200b"
REPO = Path(__file__).resolve().parent.parent

# --------------------------------------------------------------------------- documents


def model(name: str, fields: dict[str, str], example: object, doc: str = "") -> DocModel:
    """A DocModel with a tab-indented interface, as the TypeScript stage makes it."""
    interface = f"I{name}"
    members = "".join(f"\t{key}: {ts};\n" for key, ts in fields.items())
    comment = f"/** {doc} */\n" if doc else ""
    return DocModel(
        model=name,
        interface=interface,
        fields=[
            ModelField(name=key, python_name=key, ts_type=ts, required=True)
            for key, ts in fields.items()
        ],
        typescript=f"{comment}interface {interface} {{\n{members}}}",
        example=example,
    )


CREATE_REQUEST = model(
    "CreatePaymentRequest",
    {"amount": "number", "currency": "string", "note": "string | null"},
    {"amount": 1000, "currency": "usd", "note": "It's \"quoted\" {{ x }}"},
)
CREATE_RESPONSE = model(
    "CreatePaymentResponse", {"id": "string", "status": '"ok" | "failed"'}, {"id": "pi_1"}
)
LIST_REQUEST = model("ListPaymentsRequest", {"limit": "number", "cursor": "string"}, None)


def handler(name: str, **kwargs: object) -> Handler:
    return Handler(name=name, function=name.replace("-", "_"), location="h.py:1", **kwargs)


def full_doc(handlers: list[Handler] | None = None) -> Integration:
    """An integration with every section filled."""
    if handlers is None:
        handlers = [
            handler(
                "create-payment",
                description="Создаёт платёж в Stripe.",
                request=CREATE_REQUEST,
                response=CREATE_RESPONSE,
                default_args={"timeout": 10000, "retries": 3},
            )
        ]
    return Integration(
        name="Stripe Payments",
        slug="stripe",
        description="Приём платежей и возвраты.",
        capabilities=["принимать платежи картой", "оформлять возвраты"],
        version="1.2.0",
        credentials=[
            Credential(key="STRIPE_API_KEY", description="Секретный ключ API", where="Dashboard")
        ],
        secrets=[Secret(key="STRIPE_WEBHOOK_SECRET", description="Подпись", format="whsec_…")],
        default_args={"timeout": 5000, "retries": 3},
        handlers=handlers,
        events=[
            Event(
                name="payment.succeeded",
                description="Оплата прошла.",
                payload=model("Paid", {"id": "string", "amount-cents": "number"}, {"id": "x"}),
                location="e.py:1",
            )
        ],
        errors=[ErrorDoc(code="card_declined", cause="Отказ банка.", solution="Другая карта.",
                         class_name="CardDeclinedError")],
        env_vars=[
            EnvVar(name="STRIPE_API_BASE", required=True, description="Базовый URL"),
            EnvVar(name="STRIPE_TOKEN", required=False, default="***", secret=True),
        ],
        limitations=[Limitation(kind="timeout", value=5000)],
        see_also=["[Stripe API](https://docs.stripe.com/api)"],
        changelog=[
            ChangelogEntry(version="1.2.0", date="2026-10-01", changes=[
                Change(category="added", text="Возвраты"), Change(category="fixed", text="Исправления")]),
            ChangelogEntry(version="1.0.0", changes=[Change(text="Первый выпуск")], first=True),
        ],
    )


def several_doc() -> Integration:
    return full_doc(
        [
            handler("create-payment", description="Создаёт платёж.", request=CREATE_REQUEST,
                    response=CREATE_RESPONSE, default_args={"timeout": 10000, "retries": 3}),
            handler("list-payments", method="GET", request=LIST_REQUEST,
                    default_args={"timeout": 5000, "retries": 3}),
            handler("ping", default_args={"timeout": 5000, "retries": 3}),
        ]
    )


def empty_doc() -> Integration:
    return Integration(name="Empty", slug="empty")


# --------------------------------------------------------------------------- inspection


ANCHOR = re.compile(r" \{#([\w-]+)\}$")
"""The explicit anchor VitePress reads at the end of a heading (markdown-it keeps it as text)."""


def anchored_headings(source: str) -> list[tuple[int, str, str | None]]:
    """Every heading: level, text without its trailing `{#id}` anchor, and the anchor's id."""
    tokens = MD.parse(source)
    found: list[tuple[int, str, str | None]] = []
    for index, token in enumerate(tokens):
        if token.type == "heading_open":
            content = inline_text(tokens[index + 1])
            match = ANCHOR.search(content)
            found.append((int(token.tag[1]), ANCHOR.sub("", content), match and match.group(1)))
    return found


def headings(source: str) -> list[tuple[int, str]]:
    return [(level, content) for level, content, _ in anchored_headings(source)]


def heading_anchors(source: str) -> list[str]:
    return [anchor for _, _, anchor in anchored_headings(source) if anchor is not None]


def expected_anchors(slugs: list[str], own_args: list[str]) -> list[str]:
    """The per-handler anchors in document order."""
    return [
        *[f"{prefix}--{slug}" for prefix in ("usage", "webhook", "request", "response") for slug in slugs],
        *[f"default-args--{slug}" for slug in own_args],
    ]


def inline_text(token: Token) -> str:
    parts = [child.content for child in token.children or [] if child.type != "softbreak"]
    return "".join(parts).replace(ZWSP, "")


def expected_headings(
    title: str, subs: list[str], own_args: list[str], shown: bool = True
) -> list[tuple[int, str]]:
    """The document skeleton of template-structure.md, with per-handler sub-headings."""
    return [
        (1, title), (2, "Обзор"), (2, "Требования"), (2, "Настройка"),
        (3, "Шаг 1: Создание интеграции"), (3, "Шаг 2: Добавление Credentials"),
        (3, "Шаг 3: Добавление Secrets"), (3, "Шаг 4: Создание Handlers"),
        (2, "Использование"), *[(3, name) for name in subs],
        (2, "Webhook URL"), *[(3, name) for name in subs],
        (2, "API Reference"), (3, "Эндпоинты"),
        (3, "Параметры запроса"), *[(4, name) for name in subs],
        (3, "Параметры ответа"), *[(4, name) for name in subs],
        (2, "Конфигурация"), (3, "Переменные окружения"), (3, "Default Args для Handlers"),
        *[(4, name) for name in own_args],
        (2, "События"), (2, "Troubleshooting"),
        (3, "Частые ошибки"), (2, "Безопасность"),
        *([(2, "Ограничения")] if shown else []), (2, "Changelog"), *([(2, "Следующие шаги")] if shown else []),
    ]  # fmt: skip
    """`shown`: Ограничения and Следующие шаги have something (else the page leaves them out)."""


def tables(source: str) -> list[tuple[list[str], list[list[str]]]]:
    """Every table: header cell texts and body rows' cell texts."""
    result: list[tuple[list[str], list[list[str]]]] = []
    rows: list[list[str]] = []
    for token in MD.parse(source):
        if token.type == "table_open":
            rows = []
            result.append(([], rows))
        elif token.type == "tr_open":
            rows.append([])
        elif token.type == "inline" and result and rows and token.level >= 4:
            rows[-1].append(inline_text(token))
        elif token.type == "thead_close":
            result[-1][0].extend(rows.pop())
    return result


def raw_cell_counts(source: str) -> list[list[int]]:
    """Cells per source line of each table, splitting at unescaped `|` like markdown-it."""
    lines = source.split("\n")
    counts = []
    for token in MD.parse(source):
        if token.type == "table_open" and token.map:
            start, end = token.map
            counts.append([_split_count(line) for line in lines[start:end]])
    return counts


def _split_count(line: str) -> int:
    pipes = sum(
        1 for index, char in enumerate(line) if char == "|" and (index == 0 or line[index - 1] != "\\")
    )
    return pipes - 1


RICH_INLINE = frozenset({"em_open", "em_close", "strong_open", "strong_close", "link_open", "link_close",
                         "code_inline"})
"""Inline markup a person may write in a prose slot (code spans, bold, italics, http(s) links):
it renders (issue #12); anything else a text adds is structure."""


def structure(source: str) -> list[tuple[str, ...]]:
    """Block tokens (fence info included) and every inline token that is not text or the
    inline markup of `RICH_INLINE`, in order."""
    shape: list[tuple[str, ...]] = []
    for token in MD.parse(source):
        if token.type == "inline":
            shape += [(child.type,) for child in token.children or [] if child.type not in {"text", *RICH_INLINE}]
        elif token.type in ("html_block", "fence"):
            shape.append((token.type, token.info, token.content if token.type == "html_block" else ""))
        else:
            shape.append((token.type, token.tag))
    return shape


def fences(source: str, info: str) -> list[str]:
    return [token.content for token in MD.parse(source) if token.type == "fence" and token.info == info]


def section(source: str, title: str) -> str:
    """The source of one `## title` section."""
    match = re.search(rf"^## {re.escape(title)}\n(.*?)(?=^## |\Z)", source, re.M | re.S)
    assert match, title
    return match.group(1)


TEMPLATE_PLACEHOLDERS = [
    "{Название}", "{KEY_1}", "{KEY_2}", "{SECRET_1}", "{handler-name}", "{Код примера}",
    "{handler}", "{Name}", "{param1}", "{param2}", "{field1}", "{field2}", "{VAR_NAME}",
    "{event.name}", "{ field: type }", "{Проблема}", "{Команда или действие для решения}",
    "{error_code}",
]  # fmt: skip


def assert_clean_output(out: str) -> None:
    assert "\r" not in out
    assert out.endswith("\n") and not out.endswith("\n\n")
    assert "\n\n\n" not in out
    assert all(line == line.rstrip(" \t") for line in out.split("\n"))
    for banned in ("::: info", "Инструкция", "Как использовать", "Удалите перед публикацией"):
        assert banned not in out
    for placeholder in TEMPLATE_PLACEHOLDERS:
        assert placeholder not in out
    leftovers = set(re.findall(r"\{[A-Za-zА-Яа-яЁё_][\w.-]*\}", out)) - {"{id}", "{WEBHOOK_BASE_URL}"}
    assert not leftovers
    assert [m.groups() for m in MARKER_RE.finditer(out)] == [
        (kind, name) for name in REGION_NAMES for kind in ("begin", "end")
    ]
    assert len(LOOSE_MARKER_RE.findall(out)) == 2 * len(REGION_NAMES)
    for info in ("json", "typescript"):
        for block in fences(out, info):
            assert not re.search(r"^ +\S", block, re.M), block


# --------------------------------------------------------------------------- structure


def test_full_document_headings_tables_and_content() -> None:
    out = render_markdown(full_doc())
    assert_clean_output(out)
    assert headings(out) == expected_headings("Stripe Payments", [], ["create-payment"])
    assert [header for header, _ in tables(out)] == [
        ["Ключ", "Описание", "Где получить"],
        ["Ключ", "Описание", "Формат"],
        ["Handler", "Описание", "HTTP метод"],
        ["Метод", "Эндпоинт", "Описание"],
        ["Переменная", "Описание", "Обязательная"],
        ["Событие", "Описание", "Payload"],
        ["Ошибка", "Причина", "Решение"],
        ["Версия", "Дата", "Изменения"],
    ]
    for counts in raw_cell_counts(out):
        assert set(counts) == {3}
    body = {tuple(header): rows for header, rows in tables(out)}
    assert body[("Метод", "Эндпоинт", "Описание")] == [
        ["POST", "/integrations/{id}/handlers/create-payment/execute", "Создаёт платёж в Stripe."]
    ]
    assert body[("Переменная", "Описание", "Обязательная")] == [
        ["STRIPE_API_BASE", "Базовый URL", "Да"],
        ["STRIPE_TOKEN", "—", "Нет"],
    ]
    assert body[("Событие", "Описание", "Payload")] == [
        ["payment.succeeded", "Оплата прошла.", '{ id: string; "amount-cents": number }']
    ]
    assert body[("Версия", "Дата", "Изменения")] == [
        ["1.2.0", "2026\u201110\u201101", "Добавлено: Возвраты. Исправлено: Исправления."],
        ["1.0.0", "—", "Первый выпуск."],
    ]
    assert "Stripe Payments интеграция позволяет:\n\n- принимать платежи картой;\n" in out
    assert "- ключ `STRIPE_API_KEY` — секретный ключ API;\n" in out
    assert "2. Введите название: `Stripe Payments`" in out
    assert "```\nPOST {WEBHOOK_BASE_URL}/webhook/create-payment\n```" in out
    # the response example comes first (API Reference), then the default args (Конфигурация)
    assert fences(out, "json")[:2] == ['{\n\t"id": "pi_1"\n}\n', '{\n\t"timeout": 5000,\n\t"retries": 3\n}\n']
    assert "::: warning Важно\n" in section(out, "Безопасность")
    assert "`STRIPE_WEBHOOK_SECRET`" in section(out, "Безопасность")


def test_single_handler_has_no_handler_subheadings_and_same_args_no_block() -> None:
    doc = full_doc([handler("ping", default_args={"timeout": 5000, "retries": 3})])
    out = render_markdown(doc)
    assert headings(out) == expected_headings("Stripe Payments", [], [])
    assert "Handler доступен по URL:" in out
    assert "Handler не принимает параметров." in out
    assert "Handler не возвращает данных." in out


def test_several_handlers_repeat_in_model_order() -> None:
    out = render_markdown(several_doc())
    assert_clean_output(out)
    names = ["create-payment", "list-payments", "ping"]
    assert headings(out) == expected_headings("Stripe Payments", names, ["create-payment"])
    endpoints = {tuple(h): rows for h, rows in tables(out)}[("Метод", "Эндпоинт", "Описание")]
    assert [row[0] for row in endpoints] == ["POST", "GET", "POST"]
    assert [row[1] for row in endpoints] == [
        f"/integrations/{{id}}/handlers/{name}/execute" for name in names
    ]
    assert endpoints[1][2] == "Выполнить handler"
    webhook = section(out, "Webhook URL")
    assert webhook.index("webhook/create-payment") < webhook.index("webhook/list-payments")
    assert "curl -G {WEBHOOK_BASE_URL}/webhook/list-payments" in webhook
    assert "curl -X POST {WEBHOOK_BASE_URL}/webhook/ping\n" in webhook
    usage = fences(out, "typescript")[:3]
    assert "satisfies ICreatePaymentRequest;" in usage[0]
    assert "declare const request: IListPaymentsRequest;" in usage[1]
    assert 'fetch("/integrations/{id}/handlers/ping/execute", { method: "POST" })' in usage[2]


def test_empty_document_says_so_in_sentences_and_has_no_tables() -> None:
    out = render_markdown(empty_doc())
    assert_clean_output(out)
    assert headings(out) == expected_headings("Empty", [], [], shown=False)
    assert tables(out) == []
    for sentence in (
        "Интеграция не требует ключей, токенов или аккаунтов.",
        "Интеграция не требует credentials.",
        "Интеграция не требует secrets.",
        "Интеграция не создаёт handlers.",
        "Интеграция не принимает webhook-запросы.",
        "Интеграция не предоставляет эндпоинтов.",
        "Интеграция не читает переменные окружения.",
        "Интеграция не задаёт default args.",
        "Интеграция не обрабатывает входящие события.",
        "Интеграция не объявляет собственных ошибок.",
        "Интеграция не использует credentials и secrets",
        "Интеграция не объявляет версию, история изменений не ведётся.",
    ):
        assert sentence in out
    assert "пока не" not in out
    assert "Интеграция обрабатывает следующие события" not in out
    assert "{WEBHOOK_BASE_URL}" not in out


@pytest.mark.parametrize(("first", "words"), [(True, "Начальная версия"), (False, "Текущая версия")])
def test_version_without_changelog_gives_initial_row(first: bool, words: str) -> None:
    """A version without changes (the assembler's row for a `version` without CHANGELOG.md)."""
    doc = empty_doc().model_copy(update={"version": "1.0.0",
                                         "changelog": [ChangelogEntry(version="1.0.0", first=first)]})
    assert tables(render_markdown(doc)) == [
        (["Версия", "Дата", "Изменения"], [["1.0.0", "—", words]])
    ]


def test_requirements_from_model_list_and_description_overview() -> None:
    doc = empty_doc().model_copy(
        update={"requirements": ["Аккаунт Stripe", "  "], "description": "Первый.\n\nВторой."}
    )
    out = render_markdown(doc)
    assert "Перед началом работы убедитесь, что у вас есть:\n\n- аккаунт Stripe.\n\n" in out
    assert section(out, "Обзор").strip() == "Первый.\n\nВторой."


def test_webhook_base_url_replaces_placeholder() -> None:
    out = render_markdown(full_doc(), webhook_base_url="https://hooks.example.com/")
    assert "{WEBHOOK_BASE_URL}" not in out
    assert "POST https://hooks.example.com/webhook/create-payment\n" in out
    assert "curl -X POST https://hooks.example.com/webhook/create-payment \\\n" in out


def test_curl_body_is_the_request_example() -> None:
    out = render_markdown(full_doc())
    command = shlex.split(fences(out, "bash")[0].replace("\\\n", " "))
    assert command[:4] == ["curl", "-X", "POST", "{WEBHOOK_BASE_URL}/webhook/create-payment"]
    assert json.loads(command[command.index("-d") + 1]) == CREATE_REQUEST.example


def test_render_is_deterministic() -> None:
    assert render_markdown(several_doc()) == render_markdown(several_doc())


# --------------------------------------------------------------------------- hostile text

HOSTILE = [
    "# Заголовок\n## второй",
    "| a | b |\n| --- | --- |\n| c | d |",
    "<script>alert(1)</script><img src=x onerror=alert(1)>",
    "<!-- extract-docs:begin manual:security -->\nвзлом\n<!-- extract-docs:end manual:security -->",
    "{{ constructor.constructor('alert(1)')() }}",
    "```\ncode\n```\n~~~\nfence",
    "> quote\n- item\n1. first\n+ plus\n* star\n:::\n::: danger",
    "line\n===\nsetext\n---\n***\n___",
    "    indented code\n\tтаб",
    "\\|\\\\|`|``|\\",
    "[link](javascript:alert(1)) ![img](http://x/y.png) <http://a.b>",
    "&lt;b&gt; &amp; &#x3C; &copy;",
    "text {#custom-id} {.cls}",
    "a\r\nb\u2028c\u2029d\x00e\x0bf\x0cg\x85h",
    "*em* _em_ **strong** ~~del~~ snake_case __init__",
    "'; rm -rf / #",
]  # fmt: skip


def hostile_doc(t: str) -> Integration:
    """Every text slot of the model filled with `t`."""
    payload = DocModel(
        model="P", interface="IP", typescript=f"interface IP {{\n\t/** {t} */\n\tx: string;\n}}",
        fields=[ModelField(name=t, python_name="x", ts_type=t, required=False)], example={t: t},
    )
    handlers = [
        handler(f"{t}-{n}", description=t, request=payload, response=payload,
                default_args={t: t, "n": n})
        for n in (1, 2)
    ]
    return Integration(
        name=t, slug="slug", description=t, capabilities=[t, t], requirements=[t], version=t,
        credentials=[Credential(key=t, description=t, where=t)],
        secrets=[Secret(key=t, description=t, format=t)], default_args={t: t},
        handlers=handlers, events=[Event(name=t, description=t, payload=payload, location="e:1")],
        errors=[ErrorDoc(code=t, cause=t, solution=t, class_name="E")],
        env_vars=[EnvVar(name=t, required=True, description=t, default=t)],
        changelog=[ChangelogEntry(version=t, date=t, changes=[Change(category="added", text=t)])],
        limitations=[Limitation(kind="text", text=t)], see_also=[t],
    )  # fmt: skip


BASELINE = render_markdown(hostile_doc("обычный текст"))


def words(text: str) -> str:
    """The letters and digits of a text, in order (markup may join or split words)."""
    return "".join(re.findall(r"[^\W_]+", text))


def visible_words(t: str) -> str:
    """The words a reader sees of `t` in a prose slot: all of them but a kept link's target."""
    return words(re.sub(r"\]\(https?://[^\s()<>]+\)", "]", t))


def assert_safe_inline(source: str) -> None:
    """No image, no raw HTML, and only http(s) link targets."""
    for token in MD.parse(source):
        for child in token.children or []:
            assert child.type not in ("image", "html_inline"), child
            if child.type == "link_open":
                assert re.match(r"https?://", str(child.attrs.get("href", ""))), child.attrs


def check_hostile(t: str) -> None:
    out = render_markdown(hostile_doc(t))
    assert structure(out) == structure(BASELINE)
    assert_safe_inline(out)
    folded = fold(t).replace(ZWSP, "")
    names = [fold(f"{t}-{n}").replace(ZWSP, "") for n in (1, 2)]
    assert headings(out) == expected_headings(folded, names, names)
    slugs = unique_slugs(fold(f"{t}-{n}") for n in (1, 2))
    assert heading_anchors(out) == expected_anchors(slugs, slugs)
    assert all(re.fullmatch(r"[^\W_]+(?:-[^\W_]+)*", slug) for slug in slugs) and len(set(slugs)) == 2
    assert [len(header) for header, _ in tables(out)] == [3] * 8
    for counts in raw_cell_counts(out):
        assert set(counts) == {3}
    cells = {tuple(header): rows for header, rows in tables(out)}
    seen = visible_words(folded)  # prose cells render inline markup: the same words, nothing added or lost
    assert cells[("Ключ", "Описание", "Где получить")][0][0] == folded
    assert [words(c) for c in cells[("Ключ", "Описание", "Где получить")][0][1:]] == [seen] * 2
    assert cells[("Ошибка", "Причина", "Решение")][0][0] == folded
    assert [words(c) for c in cells[("Ошибка", "Причина", "Решение")][0][1:]] == [seen] * 2
    assert cells[("Событие", "Описание", "Payload")][0][0] == folded
    assert words(cells[("Событие", "Описание", "Payload")][0][1]) == seen
    assert cells[("Версия", "Дата", "Изменения")][0][:2] == [folded, folded.replace("-", "\u2011")]
    assert [m.groups() for m in MARKER_RE.finditer(out)] == [
        (kind, name) for name in REGION_NAMES for kind in ("begin", "end")
    ]
    assert len(LOOSE_MARKER_RE.findall(out)) == 2 * len(REGION_NAMES)
    assert "\r" not in out and out.endswith("\n") and "\n\n\n" not in out
    for block in fences(out, "json"):
        json.loads(block)
    curl = shlex.split(fences(out, "bash")[0].replace("\\\n", " "))
    body = json.loads(curl[curl.index("-d") + 1])
    assert [fold(v) for v in body.values()] == [fold(t)]


@pytest.mark.parametrize("hostile", HOSTILE)
def test_hostile_text_adds_no_structure(hostile: str) -> None:
    check_hostile(hostile)


def test_all_hostile_text_at_once() -> None:
    check_hostile("\n".join(HOSTILE))


@pytest.mark.parametrize("hostile", HOSTILE)
def test_hostile_description_paragraphs_stay_paragraphs(hostile: str) -> None:
    out = render_markdown(empty_doc().model_copy(update={"description": hostile + "\n\n" + hostile}))
    tokens = MD.parse(section(out, "Обзор"))
    assert {token.type for token in tokens} <= {"paragraph_open", "inline", "paragraph_close"}
    assert all(
        child.type in {"text", *RICH_INLINE}
        for token in tokens if token.type == "inline" for child in token.children or []
    )
    assert_safe_inline(section(out, "Обзор"))


MARKDOWN_BITS = st.sampled_from(
    [*"#>-+*=_:~!`|\\[](){}<>&;'\"/.1a bя\n\t\r\u2028\x85\u200b", "<!--", "-->", "```",
     "extract-docs:", "{{", "}}", "&amp;", "1. ", "http://x"]
)  # fmt: skip
HYPOTHESIS_TEXT = st.lists(
    st.one_of(st.text(), st.sampled_from(HOSTILE), st.lists(MARKDOWN_BITS, max_size=12).map("".join)),
    min_size=1,
    max_size=4,
).map("".join)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(HYPOTHESIS_TEXT.filter(lambda t: fold(t).replace(ZWSP, "") != ""))
def test_arbitrary_text_never_changes_structure(t: str) -> None:
    check_hostile(t)


# --------------------------------------------------------------------------- anchors, front matter


def test_handler_subheadings_carry_stable_anchors() -> None:
    out = render_markdown(several_doc())
    names = ["create-payment", "list-payments", "ping"]
    assert heading_anchors(out) == expected_anchors(names, ["create-payment"])
    for line in ("### create-payment {#usage--create-payment}", "### ping {#webhook--ping}",
                 "#### list-payments {#request--list-payments}", "#### ping {#response--ping}",
                 "#### create-payment {#default-args--create-payment}"):
        assert f"\n{line}\n" in out
    single = render_markdown(full_doc())
    assert heading_anchors(single) == ["default-args--create-payment"]


def test_anchor_slugs_are_safe_distinct_and_stable() -> None:
    assert slug("create-payment") == "create-payment"
    assert slug("Create_Payment  v2!") == "create-payment-v2"
    assert slug("Создать платёж") == "создать-платёж"
    assert slug("__init__") == "init"
    assert slug("{#x} {.y}") == "x-y"
    assert slug("***") == ""
    named = unique_slugs(["send", "Send", "send_", "***", "***", "%%%"])
    assert named[:3] == ["send", "send-2", "send-3"]
    assert named[3].startswith("handler-") and named[4] == named[3] + "-2"
    assert named[5].startswith("handler-") and named[5] != named[3]
    assert unique_slugs(["***"]) == unique_slugs(["***"])
    assert anchor("create-payment", "usage") == "{#usage--create-payment}"
    for bad in ("a}", "a b", "a_b", "", "-a", "a{#b}"):
        with pytest.raises(TemplateError):
            anchor(bad, "usage")


def test_handlers_with_the_same_slug_get_distinct_anchors() -> None:
    doc = full_doc([handler("Send", default_args={"n": 1}), handler("send", default_args={"n": 2})])
    out = render_markdown(doc)
    assert heading_anchors(out) == expected_anchors(["send", "send-2"], ["send", "send-2"])


def split_front_matter(out: str) -> tuple[dict[str, object], str]:
    match = re.match(r"---\n(.*?)\n---\n", out, re.S)
    assert match, out[:200]
    loaded = yaml.safe_load(match.group(1))
    assert isinstance(loaded, dict)
    return loaded, out[match.end() :]


def test_front_matter_is_off_by_default() -> None:
    assert render_markdown(full_doc()).startswith("# Stripe Payments\n")


def test_front_matter_has_title_description_and_order() -> None:
    doc = full_doc().model_copy(update={"description": "Платежи Stripe.\nВторая строка.\n\nЕщё абзац."})
    out = render_markdown(doc, front_matter=True, sidebar_order=3)
    data, rest = split_front_matter(out)
    assert data == {"title": "Stripe Payments", "description": "Платежи Stripe. Вторая строка.", "order": 3}
    assert rest.startswith("\n# Stripe Payments\n")
    assert headings(rest) == headings(render_markdown(doc))
    data, _ = split_front_matter(render_markdown(empty_doc(), front_matter=True))
    assert data == {"title": "Empty"}


@pytest.mark.parametrize(
    "hostile", [*HOSTILE, "key: value\n---\n- x", '"\\u0000\'#', "\x7f\x9f\ufeff\uffff", "</SCRIPT></script x>"]
)
def test_front_matter_is_valid_yaml_for_any_text(hostile: str) -> None:
    doc = hostile_doc(hostile).model_copy(update={"description": hostile})
    out = render_markdown(doc, front_matter=True, sidebar_order=-1)
    data, rest = split_front_matter(out)
    shown = fold(hostile).replace(ZWSP, "")
    assert str(data["title"]).replace(ZWSP, "") == shown
    assert str(data.get("description", "")).replace(ZWSP, "") == shown
    assert "</script" not in (str(data["title"]) + str(data.get("description", ""))).lower()
    assert data["order"] == -1
    assert structure(rest) == structure(render_markdown(doc))


# --------------------------------------------------------------------------- filters


def test_filters_escape_and_fence() -> None:
    assert text("# x") == "\\# x"
    assert text("1. x") == "1\\. x"
    assert code("a`b") == "``a`b``"
    assert code("`a") == "`` `a ``"
    assert fenced("x\n````\ny", "json").startswith("`````json\n")
    assert bash_quote("it's") == "'it'\\''s'"
    assert joined_lines("- a\n- b.\n- c") == "a; b. c"
    assert "{{" not in text("{{ x }}") and "}}" not in code("}}")
    marker = "<!-- extract-docs:begin manual:security -->"
    for escaped in (text(marker), cell(marker), code(marker), heading(marker)):
        assert not LOOSE_MARKER_RE.search(escaped)
    assert cell("") == "—" and cell("a|b") == "a\\|b" and cellcode("a|b") == "`a\\|b`"
    assert text("a_b _c_ *d*") == "a_b \\_c\\_ \\*d\\*"


# --------------------------------------------------------------------------- templates


def test_shipped_templates_found_with_every_partial() -> None:
    shipped = shipped_template_dir()
    assert (shipped / "integration.md.j2").is_file()
    top = (shipped / "integration.md.j2").read_text(encoding="utf-8")
    for partial in re.findall(r'include "(sections/[^"]+)"', top):
        assert (shipped / partial).is_file()
    assert template_search_path(None) == [shipped]


def test_user_partial_overrides_one_section(tmp_path: Path) -> None:
    (tmp_path / "sections").mkdir()
    (tmp_path / "sections" / "limitations.md.j2").write_text(
        "## Ограничения\n\n{{ region_begin('limitations') }}\nНе больше {{ doc.handlers | length }}.\n"
        "{{ region_end('limitations') }}\n",
        encoding="utf-8",
    )
    assert template_search_path(tmp_path) == [tmp_path.resolve(), shipped_template_dir()]
    out = render_markdown(full_doc(), template_dir=tmp_path)
    assert "Не больше 1." in out
    assert "Ограничения пока не описаны." not in out
    assert headings(out) == headings(render_markdown(full_doc()))


def test_user_top_template_overrides_everything(tmp_path: Path) -> None:
    (tmp_path / "integration.md.j2").write_text(
        "# {{ doc.name | heading }}\n\n{% include 'sections/events.md.j2' %}\n", encoding="utf-8"
    )
    out = render_markdown(full_doc(), template_dir=tmp_path)
    assert headings(out) == [(1, "Stripe Payments"), (2, "События")]


@pytest.mark.parametrize(
    "source",
    ["{{ doc.missing }}", "{% if %}", "{{ ''.__class__.__mro__ }}", "{{ region_begin('x') }}"],
)
def test_broken_user_template_raises_template_error(tmp_path: Path, source: str) -> None:
    (tmp_path / "integration.md.j2").write_text(source, encoding="utf-8")
    with pytest.raises(TemplateError):
        render_markdown(full_doc(), template_dir=tmp_path)


def test_missing_template_dir_raises(tmp_path: Path) -> None:
    with pytest.raises(TemplateError):
        render_markdown(full_doc(), template_dir=tmp_path / "nope")


# --------------------------------------------------------------------------- TypeScript


def find_tsc() -> str | None:
    candidates = [os.environ.get("TSC"), shutil.which("tsc"), str(REPO / "node_modules/.bin/tsc")]
    return next((c for c in candidates if c and Path(c).is_file()), None)


@pytest.mark.skipif(find_tsc() is None, reason="tsc not installed (set TSC=path/to/tsc)")
def test_usage_examples_type_check(tmp_path: Path) -> None:
    doc = several_doc()
    out = render_markdown(doc)
    examples = fences(section(out, "Использование"), "typescript")
    files = []
    for index, (item, example) in enumerate(zip(doc.handlers, examples, strict=True)):
        models = {m.interface: m.typescript for m in (item.request, item.response) if m}
        path = tmp_path / f"example{index}.ts"
        path.write_text("\n".join([*models.values(), "export {};", example]), encoding="utf-8")
        files.append(str(path))
    result = subprocess.run(
        [find_tsc() or "tsc", "--strict", "--noEmit", "--target", "es2022", "--module", "es2022",
         "--lib", "es2022,dom", *files],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert result.returncode == 0, result.stdout + result.stderr
