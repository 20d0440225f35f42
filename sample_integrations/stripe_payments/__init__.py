"""Stripe: приём платежей картой, возвраты и история платежей.

Интеграция позволяет:
- создавать платежи (PaymentIntent) с автоматическим или ручным списанием;
- получать статус платежа и историю списаний по нему;
- выгружать список платежей с постраничной навигацией;
- оформлять полные и частичные возвраты.
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
