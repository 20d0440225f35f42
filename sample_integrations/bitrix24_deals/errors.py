"""Ошибки интеграции Битрикс24: код, причина (docstring) и решение."""

from platform_sdk import IntegrationError


class Bitrix24Error(IntegrationError):
    """Битрикс24 вернул ошибку, которую интеграция не распознала."""

    code = "bitrix24_error"
    solution = "Повторите запрос позже; если ошибка повторяется, проверьте журнал вебхука на портале."


class QueryLimitError(Bitrix24Error):
    """Превышен лимит запросов к порталу (QUERY_LIMIT_EXCEEDED)."""

    code = "bitrix24_query_limit"
    solution = "Уменьшите частоту вызовов: не больше 2 запросов в секунду на портал."


class DealNotFoundError(Bitrix24Error):
    """Сделка с таким ID не найдена или недоступна пользователю вебхука."""

    code = "bitrix24_deal_not_found"
    solution = "Проверьте ID сделки и то, что пользователь вебхука видит её в CRM."


class AccessDeniedError(Bitrix24Error):
    """У вебхука нет прав на CRM (insufficient_scope)."""

    code = "bitrix24_access_denied"
    solution = "Включите право «CRM (crm)» во входящем вебхуке и обновите credential BITRIX24_WEBHOOK_URL."
