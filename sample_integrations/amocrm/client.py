"""Клиент API amoCRM v4: авторизация долгосрочным токеном и ограничение частоты запросов."""

import json
import os
import time
import urllib.error
import urllib.request
from typing import Any, Optional

from .errors import AmoCrmError, DealNotFoundError, RateLimitError, TokenExpiredError

# Домен аккаунта: amocrm.ru для российских аккаунтов, kommo.com для международных
AMOCRM_DOMAIN = os.getenv("AMOCRM_DOMAIN", "amocrm.ru")

_ERRORS: dict[int, type[AmoCrmError]] = {
    401: TokenExpiredError,
    404: DealNotFoundError,
    429: RateLimitError,
}
_last_call = 0.0


def base_url() -> str:
    """URL API аккаунта."""
    return f"https://{os.environ['AMOCRM_SUBDOMAIN']}.{AMOCRM_DOMAIN}/api/v4"


def call(method: str, path: str, body: Optional[Any] = None, *, rate_limit: int = 7,
         timeout_ms: int = 8000) -> Any:
    """Вызывает API amoCRM, соблюдая лимит запросов в секунду."""
    global _last_call
    wait = 1 / rate_limit - (time.monotonic() - _last_call)
    if wait > 0:
        time.sleep(wait)
    _last_call = time.monotonic()
    token = os.environ["AMOCRM_LONG_LIVED_TOKEN"]
    req = urllib.request.Request(
        base_url() + path,
        data=json.dumps(body).encode() if body is not None else None,
        method=method,
        headers={"Authorization": f"Bearer {token}", "Content-Type": "application/json"},
    )
    try:
        with urllib.request.urlopen(req, timeout=timeout_ms / 1000) as response:
            raw = response.read()
    except urllib.error.HTTPError as exc:
        raise _ERRORS.get(exc.code, AmoCrmError)(exc.reason, exc.code) from exc
    return json.loads(raw) if raw else None
