"""Уведомления ЮKassa о возвратах."""

from platform_sdk import Context
from platform_sdk import event as on

from .models import RefundNotification, RefundStatus


@on("refund.succeeded")
async def on_refund_succeeded(notification: "RefundNotification", ctx: Context) -> None:
    """Возврат успешно проведён: деньги отправлены покупателю."""
    assert notification.object.status is RefundStatus.SUCCEEDED
    ctx.logger.info("Возврат %s проведён", notification.object.id)


@on(name="refund.canceled", payload_model=RefundNotification)
async def on_refund_canceled(notification, ctx: Context) -> None:  # type: ignore[no-untyped-def]
    """Возврат отменён; причина — в `cancellation_details`."""
    details = notification.object.cancellation_details
    ctx.logger.warning("Возврат %s отменён: %s", notification.object.id,
                       details.reason if details else "причина не указана")
