"""Объект интеграции amoCRM: ключи, секреты и аргументы по умолчанию.

Возможности:
    - создавать сделки с контактом и бюджетом;
    - искать контакт по телефону или email;
    - добавлять примечания к сделкам;
    - получать события о новых сделках, смене этапа и изменении контактов.

Требования:
    - аккаунт amoCRM с правами администратора, чтобы создать интеграцию и долгосрочный токен.

Ограничения:
    amoCRM принимает не больше 7 запросов в секунду на аккаунт; интеграция выдерживает
    этот лимит сама (default arg `rate_limit`).

Смотрите также:
    - [API amoCRM v4](https://www.amocrm.ru/developers/content/crm_platform/api-reference)
    - [Вебхуки amoCRM](https://www.amocrm.ru/developers/content/crm_platform/webhooks-format)
"""

from platform_sdk import Credential, Integration, Secret

AMO_RATE_LIMIT_PER_SECOND = 7
DEFAULT_TIMEOUT_MS = 8000

integration = Integration(
    name="amoCRM",
    description="Синхронизация сделок и контактов с amoCRM и приём событий воронки.",
    version="2.1.0",
    credentials=[
        Credential("AMOCRM_SUBDOMAIN", "Поддомен аккаунта: company для company.amocrm.ru"),
        Credential(
            "AMOCRM_CLIENT_ID",
            "ID интеграции (client_id)",
            where="amoCRM → Настройки → Интеграции → ваша интеграция → Ключи и доступы",
        ),
        Credential(
            "AMOCRM_CLIENT_SECRET",
            "Секретный ключ интеграции (client_secret)",
            where="amoCRM → Настройки → Интеграции → ваша интеграция → Ключи и доступы",
        ),
        Credential(
            "AMOCRM_LONG_LIVED_TOKEN",
            "Долгосрочный токен доступа",
            where="amoCRM → Настройки → Интеграции → Ключи и доступы → Долгосрочные токены",
        ),
    ],
    secrets=[
        Secret(
            "AMOCRM_WEBHOOK_TOKEN",
            "Токен, который платформа добавляет в URL вебхука amoCRM для проверки источника",
            format="32 символа [a-f0-9]",
        ),
    ],
    default_args={
        "timeout": DEFAULT_TIMEOUT_MS,
        "retries": 2,
        "rate_limit": AMO_RATE_LIMIT_PER_SECOND,
    },
)
