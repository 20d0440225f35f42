"""Handler остатков; при импорте модуль открывает сетевое соединение."""

import os
import socket

from platform_sdk import Context, IntegrationError

from . import integration
from .models import StockLevel, StockRequest

UPSTREAM_HOST = "198.51.100.7"
UPSTREAM_PORT = 9
WAREHOUSE_URL = os.environ["WAREHOUSE_URL"]  # адрес HTTP-сервиса 1С, например https://1c.example.ru/stock

_connection = socket.create_connection((UPSTREAM_HOST, UPSTREAM_PORT), timeout=3)


class StockUnavailableError(IntegrationError):
    """HTTP-сервис 1С не ответил вовремя."""

    code = "warehouse_unavailable"
    solution = "Проверьте, что публикация HTTP-сервиса 1С доступна из сети платформы."


@integration.handler("get-stock", method="GET")
def get_stock(request: StockRequest, ctx: Context) -> StockLevel:
    """Возвращает свободный остаток товара по артикулу."""
    _connection.sendall(request.sku.encode())
    reply = _connection.recv(64).decode()
    if not reply:
        raise StockUnavailableError(WAREHOUSE_URL)
    return StockLevel(sku=request.sku, quantity=int(reply))
