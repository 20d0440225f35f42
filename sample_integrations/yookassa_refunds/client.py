"""Клиент API ЮKassa v3: Basic-авторизация магазина и ключи идемпотентности."""

import base64
import json
import os as _os
import urllib.request
import uuid
from os import getenv
from typing import Any, Optional

API_URL = _os.getenv("YOOKASSA_API_URL", "https://api.yookassa.ru/v3")
# id магазина; тестовое значение по умолчанию подходит только для песочницы
SHOP_ID = getenv("YOOKASSA_SHOP_ID", "506751")
USER_AGENT = _os.environ.get("YOOKASSA_USER_AGENT", "platform-yookassa-refunds/1.4")


def _auth() -> str:
    secret_key = _os.environ["YOOKASSA_SECRET_KEY"]  # live_… или test_… из личного кабинета
    return base64.b64encode(f"{SHOP_ID}:{secret_key}".encode()).decode()


def call(method: str, path: str, body: Optional[dict[str, Any]] = None,
         *, timeout_ms: int = 10000) -> dict[str, Any]:
    """Запрос к API ЮKassa; POST получает новый Idempotence-Key."""
    headers = {"Authorization": f"Basic {_auth()}", "User-Agent": USER_AGENT,
               "Content-Type": "application/json"}
    if method == "POST":
        headers["Idempotence-Key"] = str(uuid.uuid4())
    req = urllib.request.Request(f"{API_URL}{path}", method=method, headers=headers,
                                 data=json.dumps(body).encode() if body is not None else None)
    with urllib.request.urlopen(req, timeout=timeout_ms / 1000) as response:
        data: dict[str, Any] = json.loads(response.read().decode())
    return data
