"""Базовые модели ЮKassa: сумма, чек и общая часть запроса на возврат."""

from __future__ import annotations

from decimal import Decimal
from typing import Literal

from pydantic import BaseModel as PydanticModel
from pydantic import ConfigDict, EmailStr, Field


class YooModel(PydanticModel):
    """Общая конфигурация моделей ЮKassa: лишние поля ответа API игнорируются."""

    model_config = ConfigDict(extra="ignore", str_strip_whitespace=True)


class Amount(YooModel):
    """Сумма с валютой."""

    value: Decimal = Field(gt=0, decimal_places=2, description="Сумма, например 1490.00",
                           examples=["1490.00"])
    currency: Literal["RUB"] = Field("RUB", description="Валюта; ЮKassa возвращает только рубли")


class ReceiptItem(YooModel):
    """Позиция чека."""

    description: str = Field(max_length=128, description="Название товара или услуги")
    quantity: Decimal = Field(gt=0, description="Количество", examples=["1"])
    amount: Amount = Field(description="Цена за единицу")
    vat_code: int = Field(1, ge=1, le=12, description="Код ставки НДС по справочнику ЮKassa")


class Receipt(YooModel):
    """Чек возврата по 54-ФЗ."""

    customer_email: EmailStr | None = Field(
        None, description="Email покупателя для отправки чека", examples=["anna@example.ru"]
    )
    customer_phone: str | None = Field(None, pattern=r"^7\d{10}$", description="Телефон 7XXXXXXXXXX",
                                       examples=["79161234567"])
    items: list[ReceiptItem] = Field(min_length=1, max_length=100, description="Позиции чека")


class RefundBase(YooModel):
    """Общая часть запроса на возврат."""

    payment_id: str = Field(min_length=36, max_length=36, description="id платежа ЮKassa (UUID)",
                            examples=["2e6f4b4c-000f-5000-9000-1a6f1b2f8b4e"])
    amount: Amount = Field(description="Сумма возврата")
    description: str | None = Field(None, max_length=250, description="Комментарий к возврату")
