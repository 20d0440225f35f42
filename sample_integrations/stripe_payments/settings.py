"""Настройки интеграции Stripe: ключи для платформы и переменные окружения процесса."""

from typing import Optional

from pydantic import Field, SecretStr
from pydantic_settings import BaseSettings, SettingsConfigDict

from platform_sdk import Credential, Secret

CREDENTIALS = [
    Credential(
        "STRIPE_API_KEY",
        "Секретный ключ API (sk_live_… или sk_test_…)",
        where="Dashboard → Developers → API keys",
    ),
    Credential(
        key="STRIPE_ACCOUNT_ID",
        description="Идентификатор подключённого аккаунта Stripe Connect (acct_…)",
        where="Dashboard → Settings → Account details",
    ),
]

SECRETS = [
    Secret(
        "STRIPE_WEBHOOK_SECRET",
        "Секрет подписи вебхуков: им проверяется заголовок Stripe-Signature",
        format="whsec_…",
    ),
]


class StripeSettings(BaseSettings):
    """Переменные окружения, которые читает клиент Stripe."""

    model_config = SettingsConfigDict(env_prefix="STRIPE_", extra="ignore")

    api_key: SecretStr = Field(description="Секретный ключ API Stripe")
    api_base: str = Field(
        "https://api.stripe.com",
        description="Базовый URL API; для локальных тестов — адрес stripe-mock",
    )
    api_version: str = Field("2024-06-20", description="Версия API Stripe (заголовок Stripe-Version)")
    webhook_tolerance: int = Field(
        300, ge=0, description="Допустимое расхождение времени подписи вебхука, секунд"
    )
    connect_account: Optional[str] = Field(
        None,
        alias="STRIPE_CONNECT_ACCOUNT",
        description="Аккаунт Stripe Connect, от имени которого выполняются запросы",
    )


def load_settings() -> StripeSettings:
    """Читает настройки из окружения (ошибка, если не задан STRIPE_API_KEY)."""
    return StripeSettings()  # type: ignore[call-arg]
