"""Модели возвратов ЮKassa: запросы, ответы, уведомления и справочник причин."""

from datetime import datetime
from decimal import Decimal
from enum import Enum
from typing import Literal, Optional

from pydantic import Field

from .base import Amount, Receipt, RefundBase, YooModel


class RefundStatus(str, Enum):
    """Статус возврата в ЮKassa."""

    PENDING = "pending"
    SUCCEEDED = "succeeded"
    CANCELED = "canceled"


class RefundRequest(RefundBase):
    """Запрос на возврат: общая часть и чек."""

    receipt: Optional[Receipt] = Field(None, description="Чек; обязателен, если магазин работает по 54-ФЗ")
    reason_code: Optional[str] = Field(None, description="Код причины из справочника причин возврата")


RefundIn = RefundRequest


class Refund(YooModel):
    """Возврат в ЮKassa."""

    id: str = Field(description="id возврата")
    payment_id: str
    status: RefundStatus
    amount: Amount
    created_at: datetime
    description: Optional[str] = None
    cancellation_details: Optional["CancellationDetails"] = None


class CancellationDetails(YooModel):
    """Почему возврат отменён."""

    party: Literal["yoo_money", "payment_network", "refund_network"]
    reason: str = Field(description="Причина отмены", examples=["insufficient_funds"])


class GetRefundRequest(YooModel):
    """Какой возврат показать."""

    refund_id: str = Field(min_length=36, max_length=36, description="id возврата",
                           examples=["2e6f4c1a-0015-5000-a000-1b2f3a4d5e6f"])


class CalculateRefundRequest(YooModel):
    """Данные для расчёта доступной к возврату суммы."""

    paid: Decimal = Field(gt=0, description="Оплачено по платежу, руб.", examples=["1490.00"])
    refunded: Decimal = Field(Decimal("0"), ge=0, description="Уже возвращено, руб.")
    requested: Optional[Decimal] = Field(None, gt=0, description="Сколько хотят вернуть; без суммы — весь остаток")


class RefundQuote(YooModel):
    """Результат расчёта возврата."""

    refundable: Decimal = Field(description="Можно вернуть, руб.")
    amount: Decimal = Field(description="Будет возвращено, руб.")
    full: bool = Field(description="Возвращается ли весь остаток платежа")


class ReasonCategory(YooModel):
    """Раздел справочника причин возврата; разделы вложены друг в друга."""

    code: str = Field(description="Код причины")
    title: str = Field(description="Название для покупателя")
    children: list["ReasonCategory"] = Field(default_factory=list, description="Подразделы")


class RefundReasons(YooModel):
    """Справочник причин возврата."""

    categories: list[ReasonCategory]


class RefundNotification(YooModel):
    """Уведомление ЮKassa о возврате."""

    type: Literal["notification"] = "notification"
    event: Literal["refund.succeeded", "refund.canceled"] = Field(description="Событие")
    object: Refund = Field(description="Возврат в его текущем состоянии")
