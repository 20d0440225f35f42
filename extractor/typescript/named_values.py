"""A realistic example value from a field's name, where nothing in the code gives one.

`customer_email` → `user@example.com`, `deal_id` → `1001`, `price` → `1500`. The name is cut
into lower-case words (`camelCase`, `snake_case`, `kebab-case`), plural words are read
singular (`phones` → `phone`), and the first rule whose word the name has gives the value;
the rules are checked in table order, so the more specific ones come first.
"""

from __future__ import annotations

import functools
import re
from typing import Final, TypeVar

T = TypeVar("T", str, int)

STRING_BY_WORD: Final[tuple[tuple[frozenset[str], str], ...]] = (
    (frozenset({"email", "mail"}), "user@example.com"),
    (frozenset({"phone", "tel", "mobile", "telephone"}), "+79161234567"),
    (frozenset({"url", "uri", "link", "href", "website", "site", "callback", "webhook", "endpoint"}),
     "https://example.com/"),
    (frozenset({"authorization", "auth"}), "Bearer example-token"),
    (frozenset({"token", "key", "secret", "apikey", "password", "signature"}), "example-token"),
    (frozenset({"firstname"}), "Иван"),
    (frozenset({"lastname", "surname"}), "Петров"),
    (frozenset({"username", "login", "nickname"}), "ivan.petrov"),
    (frozenset({"fullname", "customername", "clientname", "contactname", "personname", "fio", "customer",
                "client", "contact", "person", "author", "user", "manager"}), "Иван Петров"),
    (frozenset({"currency"}), "RUB"),
    (frozenset({"country"}), "RU"),
    (frozenset({"city"}), "Москва"),
    (frozenset({"address", "street"}), "Москва, ул. Тверская, д. 1"),
    (frozenset({"lang", "language", "locale"}), "ru"),
    (frozenset({"timezone", "tz"}), "Europe/Moscow"),
    (frozenset({"ip"}), "192.0.2.1"),
    (frozenset({"color", "colour"}), "#3366ff"),
    (frozenset({"sku", "article", "barcode"}), "SKU-1001"),
    (frozenset({"status", "state"}), "active"),
    (frozenset({"tag", "label", "category"}), "vip"),
    (frozenset({"query", "search", "q", "term"}), "Иван"),
    (frozenset({"slug", "code"}), "example-1"),
    (frozenset({"text", "message", "body", "content"}), "Текст сообщения"),
    (frozenset({"comment", "note", "remark"}), "Комментарий"),
    (frozenset({"description", "details", "summary"}), "Описание"),
    (frozenset({"reason", "cause"}), "Причина"),
    (frozenset({"title", "subject", "name", "caption"}), "Пример названия"),
)
"""Strings by a word of the field's name."""

NUMBER_BY_WORD: Final[tuple[tuple[frozenset[str], int], ...]] = (
    (frozenset({"page"}), 1),
    (frozenset({"limit", "size", "count", "perpage", "max", "top"}), 10),
    (frozenset({"quantity", "qty", "amount", "price", "sum", "total", "cost", "budget", "balance", "value"}), 1500),
    (frozenset({"id", "number", "num", "no"}), 1001),
    (frozenset({"age"}), 30),
    (frozenset({"year"}), 2026),
    (frozenset({"month", "day", "hour", "priority", "level", "version", "step", "retries", "attempts"}), 1),
    (frozenset({"timeout", "seconds", "duration", "ttl", "delay", "interval"}), 30),
    (frozenset({"percent", "discount", "rate", "ratio"}), 10),
    (frozenset({"port"}), 8080),
    (frozenset({"lat", "latitude"}), 55),
    (frozenset({"lon", "lng", "longitude"}), 37),
)
"""Numbers by a word of the field's name."""

DEFAULT_NUMBER: Final = 1
DEFAULT_STRING: Final = "Пример"

_WORDS = re.compile(r"[A-Z]?[a-z]+|[A-Z]+(?![a-z])|\d+")


def name_words(name: str) -> list[str]:
    """The words a name is looked up by, the most telling first: the whole name joined
    (`firstname`), then each word from the last (the head noun: `customer_email` → email),
    read singular (`phones` → phone)."""
    words = [w.lower() for w in _WORDS.findall(name)]
    singular = [w[:-1] if len(w) > 3 and w.endswith("s") and not w.endswith("ss") else w for w in words]
    return list(dict.fromkeys(["".join(words), *reversed(singular), *reversed(words)]))


@functools.lru_cache(maxsize=4096)
def named_string(name: str, owner: str = "") -> str:
    """A string for a field named `name` of the model `owner`: an id as `<word>_1001`
    (`deal_id` → `deal_1001`, `Payment.id` → `payment_1001`), else by the words' table; a bare
    `name` or `title` is read with its model's name first (`Customer.name` → a person's name)."""
    words = [w.lower() for w in _WORDS.findall(name)]
    if words[-1:] == ["id"]:
        subject = words[-2] if len(words) > 1 else _owner_word(owner)
        return f"{subject}_1001" if subject else "1001"
    if owner and words in (["name"], ["title"]):
        return _lookup(STRING_BY_WORD, [*name_words(owner + name.title()), *name_words(name)], DEFAULT_STRING)
    return _lookup(STRING_BY_WORD, name_words(name), DEFAULT_STRING)


def _owner_word(owner: str) -> str:
    words = [w.lower() for w in _WORDS.findall(owner)]
    return words[-1] if words else ""


@functools.lru_cache(maxsize=4096)
def named_number(name: str) -> int:
    """A number for a field named `name` (bounds and steps are applied by the caller)."""
    return _lookup(NUMBER_BY_WORD, name_words(name), DEFAULT_NUMBER)


def _lookup(table: tuple[tuple[frozenset[str], T], ...], words: list[str], default: T) -> T:
    for word in words:
        for keys, value in table:
            if word in keys:
                return value
    return default
