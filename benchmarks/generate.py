"""A synthetic monorepo of integrations of realistic shape, for the benchmarks.

Each integration is a package: `__init__.py` (the integration object), `settings.py`
(credentials, secrets, a `BaseSettings` class), `models.py` (pydantic models and enums),
`handlers.py` (decorated handlers with real bodies), `errors.py`, `events.py`, and the
ordinary code that documents nothing: `client.py` (an HTTP client class, env reads) and
`helpers.py` (plain functions). The output is deterministic for a given count and seed.

A second shape, `--shape models`, is a model-heavy monorepo: few plain functions, many
models. Each integration keeps the integration object, settings, errors and events, and
has a `models/` package of one module per resource (about 90 models in all, with shared
bases, generic pages, `Annotated` constraints, discriminated unions, aliases and enums)
and short handlers; no HTTP client, no helpers.

    python benchmarks/generate.py benchmarks/corpus/n200 --count 200
    python benchmarks/generate.py benchmarks/corpus/models-n200 --count 200 --shape models
"""

from __future__ import annotations

import argparse
import random
import re
import shutil
from pathlib import Path

WORDS = (
    "account", "order", "invoice", "payment", "customer", "ticket", "contact", "deal", "refund",
    "shipment", "product", "message", "channel", "report", "subscription", "webhook", "lead",
)
TYPES = (
    ("str", '"{w}-1"'), ("int", "42"), ("float", "1.5"), ("bool", "True"), ("datetime", None),
    ("Optional[str]", "None"), ("list[str]", None), ("dict[str, str]", None),
)
DESCRIPTIONS = (
    "Идентификатор {w}", "Название {w}", "Сумма {w}, копеек", "Дата создания {w} (UTC)",
    "Статус {w}", "Комментарий к {w}", "Email для уведомлений по {w}", "Метки {w}",
)


def _camel(word: str) -> str:
    return "".join(part.capitalize() for part in word.split("_"))


class Writer:
    """Writes one integration's files from a seeded random source."""

    def __init__(self, folder: Path, index: int, seed: int) -> None:
        self.folder = folder
        self.index = index
        self.rng = random.Random(seed * 100_003 + index)
        self.prefix = f"INT{index:04d}"
        self.words = self.rng.sample(WORDS, 8)

    def write(self) -> None:
        """Every file of the integration."""
        self.folder.mkdir(parents=True, exist_ok=True)
        models = self._models()
        files = {
            "__init__.py": self._init(),
            "settings.py": self._settings(),
            "models.py": models,
            "errors.py": self._errors(),
            "handlers.py": self._handlers(),
            "events.py": self._events(),
            "client.py": self._client(),
            "helpers.py": self._helpers(),
        }
        for name, text in files.items():
            (self.folder / name).write_text(text, encoding="utf-8")
        (self.folder / "CHANGELOG.md").write_text(self._changelog(), encoding="utf-8")

    # -- the files that document the integration -------------------------------------

    def _init(self) -> str:
        return f'''"""Интеграция №{self.index}: синхронизация {", ".join(self.words[:3])}.

Интеграция позволяет:
- получать и создавать {self.words[0]};
- принимать события об изменении {self.words[1]}.
"""

from platform_sdk import Integration

from .settings import CREDENTIALS, SECRETS

TIMEOUT_MS = {self.rng.randint(2, 30)} * 1000  # сервис отвечает не дольше этого
RETRIES = {self.rng.randint(0, 5)}

integration = Integration(
    name="Integration {self.index}",
    version="1.{self.rng.randint(0, 9)}.{self.rng.randint(0, 20)}",
    credentials=CREDENTIALS,
    secrets=SECRETS,
    default_args={{"timeout": TIMEOUT_MS, "retries": RETRIES, "page_size": {self.rng.randint(10, 100)}}},
)

from . import events, handlers  # noqa: E402

__all__ = ["events", "handlers", "integration"]
'''

    def _settings(self) -> str:
        p = self.prefix
        fields = "\n".join(
            f'    {w}_url: str = Field("https://{w}.example.com", description="Адрес API {w}")'
            for w in self.words[:4]
        )
        return f'''"""Ключи интеграции и переменные окружения процесса."""

from typing import Optional

from pydantic import Field, SecretStr
from pydantic_settings import BaseSettings, SettingsConfigDict

from platform_sdk import Credential, Secret

CREDENTIALS = [
    Credential("{p}_API_KEY", "Ключ API", where="Кабинет → Настройки → API"),
    Credential(key="{p}_ACCOUNT_ID", description="Идентификатор аккаунта"),
]

SECRETS = [
    Secret("{p}_WEBHOOK_SECRET", "Секрет подписи вебхуков", format="32 символа"),
]


class Settings(BaseSettings):
    """Переменные окружения, которые читает клиент."""

    model_config = SettingsConfigDict(env_prefix="{p}_", extra="ignore")

    api_key: SecretStr = Field(description="Ключ API")
    timeout: int = Field(30, ge=1, description="Таймаут запроса, секунд")
    proxy: Optional[str] = Field(None, description="HTTP-прокси")
{fields}


def load_settings() -> Settings:
    """Читает настройки из окружения."""
    return Settings()  # type: ignore[call-arg]
'''

    def _field(self, word: str) -> str:
        annotation, default = self.rng.choice(TYPES)
        description = self.rng.choice(DESCRIPTIONS).format(w=word)
        name = f"{word}_{self.rng.choice(('id', 'name', 'total', 'note', 'at', 'tags', 'flag'))}"
        if default is None:
            return f'    {name}: {annotation} = Field(description="{description}")'
        if self.rng.random() < 0.3:
            return f"    {name}: {annotation} = {default}\n    \"\"\"{description}.\"\"\""
        return f'    {name}: {annotation} = Field({default}, description="{description}", examples=[{default}])'

    def _model(self, name: str, nested: str | None) -> str:
        word = self.rng.choice(self.words)
        fields = {self._field(self.rng.choice(self.words)) for _ in range(self.rng.randint(3, 9))}
        lines = sorted(fields, key=lambda line: line.split(":")[0])
        seen: set[str] = set()
        unique = []
        for line in lines:
            key = line.split(":")[0]
            if key not in seen:
                seen.add(key)
                unique.append(line)
        if nested:
            unique.append(f'    items: list[{nested}] = Field(default_factory=list, description="Элементы")')
        unique.append('    status: Status = Field(Status.ACTIVE, description="Статус")')
        body = "\n".join(unique)
        return f'''

class {name}(BaseModel):
    """{_camel(word)}: данные запроса или ответа."""

    model_config = ConfigDict(populate_by_name=True)

{body}
'''

    def _models(self) -> str:
        parts = ['''"""Модели запросов и ответов."""

from datetime import datetime
from enum import Enum
from typing import Literal, Optional

from pydantic import BaseModel, ConfigDict, Field


class Status(str, Enum):
    """Статус объекта."""

    ACTIVE = "active"
    ARCHIVED = "archived"
    DELETED = "deleted"
''']
        previous: str | None = None
        for word in self.words:
            for suffix in ("Item", "Request", "Response"):
                name = f"{_camel(word)}{suffix}"
                parts.append(self._model(name, previous if suffix == "Response" else None))
                if suffix == "Item":
                    previous = name
        parts.append('''

class ListQuery(BaseModel):
    """Страница списка."""

    limit: int = Field(20, ge=1, le=100, description="Сколько вернуть")
    cursor: Optional[str] = Field(None, description="Курсор следующей страницы")
    order: Literal["asc", "desc"] = "desc"
''')
        return "".join(parts)

    def _errors(self) -> str:
        classes = []
        for word in self.words[:5]:
            classes.append(f'''

class {_camel(word)}NotFoundError(ServiceError):
    """{_camel(word)} не найден или удалён."""

    code = "{word}_not_found"
    solution = "Проверьте идентификатор {word} и права токена."
''')
        return f'''"""Ошибки интеграции: код, причина (docstring) и решение."""

from platform_sdk import IntegrationError


class ServiceError(IntegrationError):
    """Сервис вернул неожиданную ошибку."""

    code = "service_error"
    solution = "Повторите запрос позже."

    def __init__(self, message: str, status: int | None = None) -> None:
        super().__init__(message)
        self.status = status
{"".join(classes)}'''

    def _handler(self, word: str, verb: str) -> str:
        camel = _camel(word)
        method = {"get": "GET", "create": "POST", "update": "PATCH"}[verb]
        return f'''

@integration.handler("{verb}-{word}", method="{method}", timeout={self.rng.randint(1, 20) * 1000})
async def {verb}_{word}(request: {camel}Request, ctx: Context) -> {camel}Response:
    """{verb.capitalize()} {word}: обращается к API сервиса и возвращает результат.

    Повторяет запрос при сетевой ошибке не больше RETRIES раз.
    """
    params: dict[str, Any] = {{"id": request.model_dump(by_alias=True)}}
    for key, value in list(params.items()):
        if value is None:
            params.pop(key)
    ctx.logger.info("{verb} {word} %s", params)
    data = client.Client(ctx.args["timeout"]).request("{method}", "/v1/{word}s", params)
    items = [helpers.normalize(item) for item in data.get("items", [])]
    if not items and data.get("error"):
        raise errors.ServiceError(str(data["error"]), status=data.get("status"))
    return {camel}Response.model_validate({{**data, "items": items}})
'''

    def _handlers(self) -> str:
        names = [(w, v) for w in self.words[:5] for v in ("get", "create", "update")][: self.rng.randint(4, 12)]
        imports = sorted({f"{_camel(w)}Request" for w, _ in names} | {f"{_camel(w)}Response" for w, _ in names})
        body = "".join(self._handler(w, v) for w, v in names)
        names_list = ",\n    ".join(imports)
        return f'''"""Handlers интеграции."""

from typing import Any

from platform_sdk import Context

from . import client, errors, helpers
from . import integration
from .models import (
    {names_list},
)
{body}'''

    def _events(self) -> str:
        events = "".join(f'''

@integration.event("{w}.updated")
async def on_{w}_updated(payload: m.{_camel(w)}Item, ctx: Context) -> None:
    """Изменён {w}."""
    ctx.logger.info("{w} %s изменён", payload)
''' for w in self.words[5:8])
        return f'''"""События, которые приходят вебхуками."""

from platform_sdk import Context

from . import integration
from . import models as m
{events}'''

    def _changelog(self) -> str:
        return """# Changelog

## [Unreleased]

## [1.1.0] - 2024-05-01
### Added
- Список объектов с курсорной навигацией

## [1.0.0] - 2024-01-15
"""

    # -- ordinary code that documents nothing ----------------------------------------

    def _method(self, name: str) -> str:
        steps = "\n".join(
            f"        value_{i} = self._session.get(key_{i % 3}, {i}) if key_{i % 3} else {i}"
            for i in range(self.rng.randint(3, 10))
        )
        return f'''
    def {name}(self, key_0: str, key_1: str = "", key_2: str = "") -> dict[str, Any]:
        """{name.replace("_", " ").capitalize()}."""
{steps}
        result = {{"key": key_0, "values": [key_1, key_2]}}
        for attempt in range(MAX_RETRIES):
            try:
                return self._send("GET", f"/{{key_0}}/{{attempt}}", result)
            except OSError as exc:  # повтор при сетевой ошибке
                last = exc
                time.sleep(0.1 * 2**attempt)
        raise RuntimeError(f"{name} failed: {{last}}")
'''

    def _client(self) -> str:
        p = self.prefix
        methods = "".join(self._method(f"{v}_{w}") for w in self.words for v in ("fetch", "push"))
        return f'''"""HTTP-клиент сервиса на стандартной библиотеке."""

import json
import os
import time
import urllib.request
from typing import Any

# Базовый URL API; для локальных тестов укажите адрес мок-сервера
API_BASE = os.getenv("{p}_API_BASE", "https://api.example.com")
MAX_RETRIES = int(os.getenv("{p}_MAX_RETRIES", "3"))  # Повторы при сетевой ошибке
LOG_LEVEL = os.environ.get("{p}_LOG_LEVEL", "info")


class Client:
    """Клиент API с повторами."""

    def __init__(self, timeout_ms: int) -> None:
        self.timeout = timeout_ms / 1000
        self._session: dict[str, Any] = {{}}
        self._token = os.environ["{p}_API_KEY"]

    def request(self, method: str, path: str, params: dict[str, Any]) -> dict[str, Any]:
        """Выполняет запрос и возвращает разобранный JSON."""
        return self._send(method, path, params)

    def _send(self, method: str, path: str, params: dict[str, Any]) -> dict[str, Any]:
        data = json.dumps(params).encode()
        headers = {{"Authorization": f"Bearer {{self._token}}", "Content-Type": "application/json"}}
        req = urllib.request.Request(API_BASE + path, data=data, method=method, headers=headers)
        with urllib.request.urlopen(req, timeout=self.timeout) as response:
            return json.loads(response.read().decode())
{methods}'''

    def _helper(self, index: int) -> str:
        lines = "\n".join(
            f"        if isinstance(value, {t}):\n            out[key] = {e}"
            for t, e in self.rng.sample(
                [("str", "value.strip()"), ("int", "value * 1"), ("list", "[normalize(v) for v in value]"),
                 ("dict", "normalize(value)"), ("float", "round(value, 2)"), ("bytes", "value.decode()")],
                self.rng.randint(2, 6),
            )
        )
        return f'''

def helper_{index}(data: dict[str, Any], *, depth: int = 0) -> dict[str, Any]:
    out: dict[str, Any] = {{}}
    for key, value in data.items():
{lines}
        else:
            out[key] = value
    return {{k: v for k, v in sorted(out.items()) if depth < 8 or k}}
'''

    def _helpers(self) -> str:
        helpers = "".join(self._helper(i) for i in range(self.rng.randint(8, 20)))
        return f'''"""Вспомогательные функции: нормализация ответов API."""

from typing import Any


def normalize(item: Any) -> Any:
    """Приводит ответ API к простым типам."""
    if isinstance(item, dict):
        return {{str(k): normalize(v) for k, v in item.items()}}
    if isinstance(item, list | tuple):
        return [normalize(v) for v in item]
    return item
{helpers}'''


class ModelHeavyWriter(Writer):
    """An integration of the model-heavy shape: a `models/` package, short handlers."""

    def write(self) -> None:
        """Every file of the integration."""
        self.folder.mkdir(parents=True, exist_ok=True)
        package = self.folder / "models"
        package.mkdir(exist_ok=True)
        files = {
            "__init__.py": self._init(),
            "settings.py": self._settings(),
            "errors.py": self._errors(),
            "handlers.py": self._short_handlers(),
            "events.py": re.sub(r"(m\.[A-Za-z]+)Item\b", r"\1", self._events()),
            "models/__init__.py": self._package(),
            "models/common.py": self._common(),
        }
        files.update({f"models/{word}.py": self._resource(word) for word in self.words})
        for name, text in files.items():
            (self.folder / name).write_text(text, encoding="utf-8")
        (self.folder / "CHANGELOG.md").write_text(self._changelog(), encoding="utf-8")

    def _package(self) -> str:
        lines = [f"from .{w} import *  # noqa: F403" for w in ("common", *self.words)]
        return '"""Модели запросов и ответов, по ресурсам."""\n\n' + "\n".join(lines) + "\n"

    def _common(self) -> str:
        return '''"""Общие базовые модели, перечисления и ограничения."""

from datetime import datetime
from enum import Enum, IntEnum
from typing import Annotated, Generic, Literal, Optional, TypeVar

from pydantic import BaseModel, ConfigDict, Field
from pydantic.alias_generators import to_camel

__all__ = ["Entity", "Money", "Page", "Priority", "Status", "Shortcode", "Status", "Timestamps", "T"]

T = TypeVar("T")
Shortcode = Annotated[str, Field(min_length=2, max_length=16, pattern=r"^[a-z0-9_]+$")]
Amount = Annotated[int, Field(ge=0, description="Сумма в копейках")]


class Status(str, Enum):
    """Статус объекта."""

    ACTIVE = "active"
    ARCHIVED = "archived"
    DELETED = "deleted"


class Priority(IntEnum):
    """Приоритет."""

    LOW = 1
    NORMAL = 2
    HIGH = 3


class CamelModel(BaseModel):
    """База: поля в camelCase на проводе."""

    model_config = ConfigDict(alias_generator=to_camel, populate_by_name=True)


class Timestamps(CamelModel):
    """Время создания и изменения."""

    created_at: datetime = Field(description="Создан (UTC)")
    updated_at: Optional[datetime] = Field(None, description="Изменён (UTC)")


class Entity(Timestamps):
    """Объект с идентификатором."""

    id: Shortcode = Field(description="Идентификатор")
    status: Status = Field(Status.ACTIVE, description="Статус")


class Money(CamelModel):
    """Сумма и валюта."""

    amount: Amount
    currency: Literal["RUB", "USD", "EUR"] = "RUB"


class Page(CamelModel, Generic[T]):
    """Страница списка."""

    items: list[T] = Field(default_factory=list, description="Элементы")
    next_cursor: Optional[str] = Field(None, description="Курсор следующей страницы")
    total: int = Field(0, ge=0)
'''

    def _resource(self, word: str) -> str:
        camel = _camel(word)
        extra = "\n".join(self._field(self.rng.choice(self.words)) for _ in range(self.rng.randint(4, 10)))
        extra = "\n".join(dict.fromkeys(line for line in extra.split("\n") if not line.lstrip().startswith('"""')))
        variants = "".join(f'''

class {camel}{kind.capitalize()}Change(CamelModel):
    """Изменение {word}: {kind}."""

    kind: Literal["{kind}"] = "{kind}"
    value: {typ} = Field(description="Новое значение")
    note: Optional[str] = Field(None, max_length=500)
''' for kind, typ in (("status", "Status"), ("amount", "Money"), ("tags", "list[Shortcode]")))
        return f'''"""Модели ресурса {word}."""

from datetime import datetime
from typing import Annotated, Literal, Optional, Union

from pydantic import Field

from .common import CamelModel, Entity, Money, Page, Priority, Shortcode, Status

__all__ = [
    "{camel}", "{camel}Create", "{camel}Update", "{camel}Page", "{camel}Address", "{camel}Contact",
    "{camel}Filter", "{camel}ChangeRequest", "{camel}StatusChange", "{camel}AmountChange", "{camel}TagsChange",
]


class {camel}Address(CamelModel):
    """Адрес."""

    city: str = Field(description="Город", examples=["Москва"])
    street: Optional[str] = None
    zip_code: Annotated[str, Field(pattern=r"^[0-9]{{6}}$")] = Field(description="Индекс")


class {camel}Contact(CamelModel):
    """Контакт."""

    name: str = Field(min_length=1, max_length=200, description="Имя")
    email: Optional[str] = Field(None, description="Email")
    phones: list[Annotated[str, Field(max_length=20)]] = Field(default_factory=list)


class {camel}(Entity):
    """{camel}: объект ресурса."""

    title: str = Field(description="Название")
    price: Money
    priority: Priority = Priority.NORMAL
    address: Optional[{camel}Address] = None
    contacts: list[{camel}Contact] = Field(default_factory=list, max_length=10)
    labels: dict[str, str] = Field(default_factory=dict, description="Метки")
{extra}


class {camel}Create(CamelModel):
    """Создание {word}."""

    title: str = Field(min_length=1, max_length=255, description="Название")
    price: Money
    address: Optional[{camel}Address] = None
    contacts: list[{camel}Contact] = Field(default_factory=list)


class {camel}Update(CamelModel):
    """Изменение {word}: только переданные поля."""

    title: Optional[str] = Field(None, max_length=255)
    status: Optional[Status] = None
    priority: Optional[Priority] = None


class {camel}Page(Page[{camel}]):
    """Страница {word}."""


class {camel}Filter(CamelModel):
    """Фильтр списка {word}."""

    limit: int = Field(20, ge=1, le=100, description="Сколько вернуть")
    cursor: Optional[str] = None
    status: Optional[Status] = None
    created_after: Optional[datetime] = None
{variants}

class {camel}ChangeRequest(CamelModel):
    """Изменения {word}, по одному на вид."""

    id: Shortcode
    changes: list[Annotated[Union[{camel}StatusChange, {camel}AmountChange, {camel}TagsChange],
                            Field(discriminator="kind")]] = Field(min_length=1)
'''

    def _short_handlers(self) -> str:
        routes = []
        for word in self.words:
            camel = _camel(word)
            for verb, request, response, method in (
                ("create", f"{camel}Create", camel, "POST"), ("list", f"{camel}Filter", f"{camel}Page", "GET"),
                ("change", f"{camel}ChangeRequest", camel, "PATCH"),
            ):
                routes.append(f'''

@integration.handler("{verb}-{word}", method="{method}")
async def {verb}_{word}(request: m.{request}, ctx: Context) -> m.{response}:
    """{verb.capitalize()} {word}."""
    return m.{response}.model_validate(await ctx.call("{verb}", request.model_dump(by_alias=True)))
''')
        return '''"""Handlers интеграции."""

from platform_sdk import Context

from . import integration
from . import models as m
''' + "".join(routes)


WRITERS = {"standard": Writer, "models": ModelHeavyWriter}
"""The corpus shapes, by `--shape` name."""


def generate(target: Path, count: int, seed: int = 1, shape: str = "standard") -> list[Path]:
    """Write `count` integrations under `target/integrations/` (replacing what is there)."""
    base = target / "integrations"
    if base.exists():
        shutil.rmtree(base)
    folders = []
    for index in range(count):
        folder = base / f"int_{index:04d}"
        WRITERS[shape](folder, index, seed).write()
        folders.append(folder)
    return folders


def main() -> None:
    """Command line: `generate.py TARGET --count N [--seed S]`."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("target", type=Path)
    parser.add_argument("--count", type=int, default=200)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--shape", choices=sorted(WRITERS), default="standard")
    args = parser.parse_args()
    folders = generate(args.target, args.count, args.seed, args.shape)
    files = sum(1 for folder in folders for _ in folder.rglob("*.py"))
    lines = sum(len(p.read_text(encoding="utf-8").splitlines()) for f in folders for p in f.rglob("*.py"))
    print(f"{len(folders)} integrations, {files} files, {lines} lines in {args.target}")


if __name__ == "__main__":
    main()
