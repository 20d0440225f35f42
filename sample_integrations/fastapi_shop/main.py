"""Магазин на FastAPI: каталог товаров, заказы и их оплата по HTTP.

Приложение собирает маршруты каталога и заказов под префиксом /api/v1.

Интеграция позволяет:
- искать товары в каталоге и заводить новые;
- менять цену товара;
- оформлять, оплачивать и отменять заказы;
- проверять, что сервис жив.

Для работы понадобится:
- ключ API магазина (заголовок `X-Api-Key`);
- адрес базы данных заказов.

Смотрите также:
    - [Документация FastAPI](https://fastapi.tiangolo.com/)
"""

from fastapi import FastAPI

from .models import Health
from .routers import catalog, orders

API_PREFIX = "/api/v1"
VERSION = "2.1.0"

app = FastAPI(
    title="Магазин (FastAPI)",
    version=VERSION,
    description="HTTP API магазина: каталог товаров и заказы с оплатой.",
)

app.include_router(catalog.router, prefix=API_PREFIX)
app.include_router(orders.router, prefix=API_PREFIX)


@app.get("/health", tags=["Служебное"], response_model=Health)
def health() -> Health:
    """Проверка, что сервис запущен."""
    return Health(version=VERSION)
