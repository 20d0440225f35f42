"""Клиент REST API Битрикс24: вызовы через входящий вебхук."""

import json
import os
import urllib.request
from typing import Any

from .errors import AccessDeniedError, Bitrix24Error, DealNotFoundError, QueryLimitError

BITRIX24_TIMEOUT_S = int(os.getenv("BITRIX24_TIMEOUT_S", "10"))  # Таймаут одного запроса к порталу, секунд

# Язык сообщений об ошибках портала: ru или en
BITRIX24_LANG = os.environ.get("BITRIX24_LANG", "ru")

_ERRORS: dict[str, type[Bitrix24Error]] = {
    "QUERY_LIMIT_EXCEEDED": QueryLimitError,
    "NOT_FOUND": DealNotFoundError,
    "insufficient_scope": AccessDeniedError,
}


def call(method: str, params: dict[str, Any]) -> Any:
    """Вызывает метод REST API и возвращает поле `result` ответа."""
    url = os.environ["BITRIX24_WEBHOOK_URL"].rstrip("/") + f"/{method}.json"
    body = json.dumps({**params, "lang": BITRIX24_LANG}).encode("utf-8")
    request = urllib.request.Request(url, body, {"Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=BITRIX24_TIMEOUT_S) as response:
        data = json.load(response)
    if "error" in data:
        raise _ERRORS.get(data["error"], Bitrix24Error)(data.get("error_description", data["error"]))
    return data["result"]
