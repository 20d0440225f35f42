"""Модели запросов и ответов Stripe: платежи, списания, возвраты."""

from datetime import datetime
from enum import Enum
from typing import Literal, Optional

from pydantic import BaseModel, ConfigDict, EmailStr, Field
from pydantic.alias_generators import to_camel


class Currency(str, Enum):
    """Валюта платежа (код ISO 4217 в нижнем регистре, как его принимает Stripe)."""

    RUB = "rub"
    USD = "usd"
    EUR = "eur"
    KZT = "kzt"


class PaymentStatus(str, Enum):
    """Статус PaymentIntent."""

    REQUIRES_PAYMENT_METHOD = "requires_payment_method"
    REQUIRES_CONFIRMATION = "requires_confirmation"
    REQUIRES_ACTION = "requires_action"
    PROCESSING = "processing"
    REQUIRES_CAPTURE = "requires_capture"
    CANCELED = "canceled"
    SUCCEEDED = "succeeded"


class Address(BaseModel):
    """Адрес плательщика."""

    line1: str = Field(description="Улица, дом, квартира", examples=["ул. Тверская, д. 7, кв. 12"])
    city: str = Field(description="Город", examples=["Москва"])
    postal_code: Optional[str] = Field(None, description="Почтовый индекс", examples=["125009"])
    country: str = Field(
        "RU", min_length=2, max_length=2, description="Код страны ISO 3166-1 alpha-2"
    )


class Customer(BaseModel):
    """Плательщик."""

    email: EmailStr = Field(description="Email для чека", examples=["ivan.petrov@example.ru"])
    name: Optional[str] = Field(None, max_length=256, description="Имя и фамилия")
    phone: Optional[str] = Field(
        None, pattern=r"^\+[1-9]\d{7,14}$", description="Телефон в формате E.164",
        examples=["+79161234567"],
    )
    address: Optional[Address] = None


class CreatePaymentRequest(BaseModel):
    """Параметры нового платежа."""

    amount: int = Field(
        ge=50, le=99_999_999, description="Сумма в минимальных единицах валюты (копейках)",
        examples=[199000],
    )
    currency: Currency = Field(Currency.RUB, description="Валюта платежа")
    description: Optional[str] = Field(
        None, max_length=500, description="Назначение платежа, видно в Dashboard"
    )
    customer: Customer = Field(description="Плательщик")
    capture_method: Literal["automatic", "manual"] = Field(
        "automatic", description="manual — только заблокировать сумму, списать позже"
    )
    metadata: dict[str, str] = Field(
        default_factory=dict, description="Произвольные пары ключ–значение (до 50 ключей)"
    )
    idempotency_key: Optional[str] = Field(
        None, alias="idempotencyKey", max_length=255,
        description="Ключ идемпотентности: повтор с тем же ключом не создаст второй платёж",
    )


class CreatePaymentResponse(BaseModel):
    """Созданный платёж."""

    model_config = ConfigDict(alias_generator=to_camel, populate_by_name=True)

    payment_id: str = Field(description="Идентификатор PaymentIntent", examples=["pi_3PqL2bJ7x"])
    client_secret: str = Field(description="Секрет для подтверждения оплаты на клиенте")
    status: PaymentStatus = Field(description="Статус платежа")
    next_action_url: Optional[str] = Field(
        None, description="URL страницы 3-D Secure, если требуется подтверждение"
    )
    created_at: datetime = Field(description="Время создания (UTC)")


class GetPaymentRequest(BaseModel):
    """Какой платёж показать."""

    payment_id: str = Field(
        pattern=r"^pi_[A-Za-z0-9]+$", description="Идентификатор PaymentIntent",
        examples=["pi_3PqL2bJ7x"],
    )
    expand_charges: bool = Field(False, description="Вернуть ли список списаний")


class Charge(BaseModel):
    """Списание по платежу."""

    id: str = Field(description="Идентификатор списания (ch_…)")
    amount: int = Field(ge=0, description="Сумма списания, копеек")
    paid: bool
    refunded: bool = False
    failure_code: Optional[str] = Field(None, description="Код отказа банка, если списание не прошло")


class Payment(BaseModel):
    """Платёж со списаниями."""

    id: str = Field(description="Идентификатор PaymentIntent")
    amount: int = Field(description="Сумма, копеек")
    amount_received: int = Field(0, description="Фактически списано, копеек")
    currency: Currency
    status: PaymentStatus
    customer: Optional[Customer] = None
    charges: list[Charge] = Field(default_factory=list, description="Списания по платежу")
    created_at: datetime


class ListPaymentsRequest(BaseModel):
    """Фильтр и страница списка платежей."""

    limit: int = Field(20, ge=1, le=100, description="Сколько платежей вернуть")
    starting_after: Optional[str] = Field(
        None, description="Курсор: id последнего платежа предыдущей страницы"
    )
    status: Optional[PaymentStatus] = Field(None, description="Только платежи в этом статусе")


class PaymentList(BaseModel):
    """Страница списка платежей."""

    items: list[Payment]
    has_more: bool = Field(description="Есть ли следующая страница")
    next_cursor: Optional[str] = Field(None, description="Курсор следующей страницы")


class CreateRefundRequest(BaseModel):
    """Параметры возврата."""

    payment_id: str = Field(description="Платёж, по которому делается возврат")
    amount: Optional[int] = Field(
        None, ge=1, description="Сумма возврата, копеек; без неё возвращается весь платёж"
    )
    reason: Optional[Literal["duplicate", "fraudulent", "requested_by_customer"]] = Field(
        None, description="Причина возврата"
    )


class RefundResponse(BaseModel):
    """Созданный возврат."""

    refund_id: str = Field(serialization_alias="refundId", description="Идентификатор возврата (re_…)")
    status: Literal["pending", "succeeded", "failed", "canceled"]
    amount: int = Field(description="Сумма возврата, копеек")
