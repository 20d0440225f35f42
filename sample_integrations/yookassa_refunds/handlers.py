"""Handlers ЮKassa, объявленные функциями: возврат и расчёт суммы возврата."""

from decimal import Decimal
from typing import Annotated

import platform_sdk as sdk
from platform_sdk import Context, handler

from . import client
from .base import RefundBase
from .models import CalculateRefundRequest, Refund, RefundIn, RefundQuote


@handler(method="POST", request_model=RefundIn, idempotent=True)
async def create_refund(request: RefundBase, ctx: Context) -> "Refund":
    """Оформляет возврат по платежу ЮKassa.

    Сумма возврата не может превышать оплаченную за вычетом прошлых возвратов;
    посчитать её заранее помогает handler `calculate-refund`.
    """
    body = request.model_dump(mode="json", exclude_none=True)
    data = client.call("POST", "/refunds", body, timeout_ms=ctx.args["timeout"])
    return Refund.model_validate(data)


@sdk.handler("calculate-refund", timeout=1000, retries=0)
def calculate_refund(
    request: Annotated[CalculateRefundRequest, "тело запроса"], ctx: Context
) -> RefundQuote:
    """Рассчитывает, какую сумму можно вернуть по платежу.

    Ничего не отправляет в ЮKassa: расчёт локальный.
    """
    refundable = max(request.paid - request.refunded, Decimal("0"))
    amount = min(request.requested, refundable) if request.requested is not None else refundable
    return RefundQuote(refundable=refundable, amount=amount, full=amount == refundable)

