"""Настройки магазина: переменные окружения процесса."""

import os
from functools import lru_cache

from pydantic import Field, SecretStr
from pydantic_settings import BaseSettings, SettingsConfigDict

# Куда отправлять уведомления об оплате; без адреса уведомления не отправляются
PAYMENT_WEBHOOK_URL = os.getenv("SHOP_PAYMENT_WEBHOOK_URL")


class ShopSettings(BaseSettings):
    """Переменные окружения, которые читает магазин."""

    model_config = SettingsConfigDict(env_prefix="SHOP_", extra="ignore")

    api_key: SecretStr = Field(description="Ключ API, который клиенты передают в заголовке X-Api-Key")
    database_url: str = Field("sqlite:///shop.db", description="Адрес базы данных заказов")
    currency: str = Field("RUB", min_length=3, max_length=3, description="Валюта цен по умолчанию")


@lru_cache
def get_settings() -> ShopSettings:
    """Настройки, прочитанные один раз за жизнь процесса."""
    return ShopSettings()  # type: ignore[call-arg]
