"""Stripe: приём платежей картой, возвраты и история платежей.

Интеграция позволяет:
- создавать платежи (PaymentIntent) с автоматическим или ручным списанием;
- получать статус платежа и историю списаний по нему;
- выгружать список платежей с постраничной навигацией;
- оформлять полные и частичные возвраты.

Ограничения:
    - Stripe принимает до 100 запросов в секунду в боевом режиме и до 25 в тестовом.
    - Заблокированную сумму (`capture_method = "manual"`) нужно списать в течение 7 дней.

Смотрите также:
    - [Документация API Stripe](https://docs.stripe.com/api)
    - [Тестовые карты Stripe](https://docs.stripe.com/testing)
"""

from platform_sdk import Integration

from .settings import CREDENTIALS, SECRETS

INTEGRATION_NAME = "Stripe Payments"
TIMEOUT_MS = 5 * 1000  # Stripe рекомендует не ждать ответа дольше 5 секунд
RETRIES = 3

integration = Integration(
    name=INTEGRATION_NAME,
    version="1.2.0",
    credentials=CREDENTIALS,
    secrets=SECRETS,
    default_args={"timeout": TIMEOUT_MS, "retries": RETRIES, "idempotent": True},
)

from . import handlers  # noqa: E402  (регистрирует handlers на integration)

__all__ = ["handlers", "integration"]
