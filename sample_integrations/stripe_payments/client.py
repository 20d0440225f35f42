"""HTTP-клиент Stripe API на стандартной библиотеке: запросы, ключи и заголовки."""

import json
import os
import urllib.parse
import urllib.request
from os import environ as env
from typing import Any, Optional

# Базовый URL API; для локальных тестов укажите адрес stripe-mock
API_BASE = os.getenv("STRIPE_API_BASE", "https://api.stripe.com")
STRIPE_VERSION = os.getenv("STRIPE_API_VERSION", "2024-06-20")
MAX_NETWORK_RETRIES = int(os.getenv("STRIPE_MAX_NETWORK_RETRIES", "2"))  # Повторы при сетевой ошибке
# Токен отладочного прокси; в продакшене не используется
DEBUG_PROXY_TOKEN = env.get("STRIPE_DEBUG_PROXY_TOKEN", "dev-proxy-7f3a9c")
LOG_LEVEL = os.environ.get("STRIPE_LOG_LEVEL", "info")


def api_key() -> str:
    """Секретный ключ API из окружения (обязателен)."""
    return os.environ["STRIPE_API_KEY"]


def webhook_secret() -> str:
    """Секрет подписи вебхуков."""
    return env["STRIPE_WEBHOOK_SECRET"]  # whsec_… из настроек эндпоинта вебхуков


def connect_account() -> Optional[str]:
    """Аккаунт Stripe Connect, если запросы идут от его имени."""
    return env.get("STRIPE_CONNECT_ACCOUNT")


def _headers(idempotency_key: Optional[str]) -> dict[str, str]:
    headers = {
        "Authorization": f"Bearer {api_key()}",
        "Stripe-Version": STRIPE_VERSION,
        "Content-Type": "application/x-www-form-urlencoded",
    }
    account = connect_account()
    if account:
        headers["Stripe-Account"] = account
    if idempotency_key:
        headers["Idempotency-Key"] = idempotency_key
    return headers


def request(
    method: str,
    path: str,
    params: Optional[dict[str, Any]] = None,
    *,
    idempotency_key: Optional[str] = None,
    timeout_ms: int = 5000,
) -> dict[str, Any]:
    """Выполняет запрос к Stripe API и возвращает разобранный JSON-ответ."""
    query = urllib.parse.urlencode(params or {}, doseq=True)
    url = f"{API_BASE}{path}"
    data = None
    if method == "GET" and query:
        url = f"{url}?{query}"
    elif query:
        data = query.encode()
    req = urllib.request.Request(url, data=data, method=method, headers=_headers(idempotency_key))
    with urllib.request.urlopen(req, timeout=timeout_ms / 1000) as response:
        return json.loads(response.read().decode())
