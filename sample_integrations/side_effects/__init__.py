"""Склад 1С: выгрузка остатков (пример с побочными эффектами при импорте).

Интеграция позволяет:
- запрашивать остатки товара на складе по артикулу.

Этот пример проверяет, что extract-docs читает код, но никогда его не исполняет.
Каждый модуль при импорте делает что-то вредное:

- `__init__.py` записывает файл-маркер по пути из константы `MARKER_PATH`
  (`/tmp/extract-docs-side-effects.marker`): если файл появился после извлечения
  документации, значит код интеграции был исполнен;
- `handlers.py` открывает TCP-соединение с `UPSTREAM_HOST:UPSTREAM_PORT`
  (адрес из документационного диапазона TEST-NET-2, 198.51.100.7:9);
- `models.py` в конце модуля бросает `RuntimeError`;
- `bootstrap.py` вызывает `sys.exit(3)` на уровне модуля.

Во всём остальном это обычная документированная интеграция: объект интеграции,
handler `get-stock` с моделями запроса и ответа, переменная окружения и ошибка.
Runtime-тесты этот пакет не импортируют.

Смотрите также:
    - [libcst](https://libcst.readthedocs.io/) — парсер, которым extract-docs читает код, не импортируя его
"""

from pathlib import Path

from platform_sdk import Credential, Integration

MARKER_PATH = "/tmp/extract-docs-side-effects.marker"

Path(MARKER_PATH).write_text("side_effects/__init__.py был исполнен\n", encoding="utf-8")

integration = Integration(
    name="Склад 1С",
    version="0.9.0",
    credentials=[Credential("WAREHOUSE_API_KEY", "Ключ API выгрузки остатков",
                            where="1С → Администрирование → HTTP-сервисы")],
    default_args={"timeout": 20000, "retries": 1},
)

from . import bootstrap, handlers  # noqa: E402,F401
