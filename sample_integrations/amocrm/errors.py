"""Ошибки интеграции amoCRM: код, причина (docstring) и решение."""

from platform_sdk import IntegrationError


class AmoCrmError(IntegrationError):
    """amoCRM вернул неожиданную ошибку."""

    code = "amocrm_error"
    solution = "Повторите запрос позже; если ошибка повторяется, проверьте статус amoCRM."

    def __init__(self, message: str, status: int | None = None) -> None:
        super().__init__(message)
        self.status = status


class TokenExpiredError(AmoCrmError):
    """Долгосрочный токен истёк или был отозван (HTTP 401)."""

    code = "amocrm_token_expired"
    solution = "Выпустите новый долгосрочный токен и обновите credential AMOCRM_LONG_LIVED_TOKEN."


class RateLimitError(AmoCrmError):
    """Превышен лимит: не больше 7 запросов в секунду на аккаунт (HTTP 429)."""

    code = "amocrm_rate_limited"
    solution = "Уменьшите default arg rate_limit или распределите запросы во времени."


class DealNotFoundError(AmoCrmError):
    """Сделка с указанным id не найдена или удалена."""

    code = "amocrm_deal_not_found"
    solution = "Проверьте id сделки и права пользователя, от имени которого выдан токен."


class ValidationFailedError(AmoCrmError):
    """amoCRM отклонил данные: неизвестное поле, неверный id воронки или этапа (HTTP 400)."""

    code = "amocrm_validation_failed"
    solution = "Сверьте pipeline_id, status_id и id дополнительных полей с настройками аккаунта."
