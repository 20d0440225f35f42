"""Модели каталога и заказов: то, что магазин принимает и отдаёт по HTTP."""

from datetime import datetime
from decimal import Decimal
from enum import Enum
from typing import Literal, Optional
from uuid import UUID

from pydantic import BaseModel, ConfigDict, Field, computed_field
from pydantic.alias_generators import to_camel


class Category(str, Enum):
    """Раздел каталога."""

    BOOKS = "books"
    GAMES = "games"
    MUSIC = "music"


class OrderStatus(str, Enum):
    """Статус заказа."""

    NEW = "new"
    PAID = "paid"
    CANCELLED = "cancelled"


class ProductCreate(BaseModel):
    """Новый товар каталога."""

    title: str = Field(min_length=1, max_length=200, description="Название", examples=["Мастер и Маргарита"])
    category: Category = Field(description="Раздел каталога")
    price: Decimal = Field(gt=0, description="Цена в рублях", examples=["590.00"])
    tags: list[str] = Field(default_factory=list, description="Метки для поиска")


class Product(ProductCreate):
    """Товар каталога."""

    id: int = Field(description="Идентификатор товара")
    in_stock: bool = Field(True, description="Есть ли на складе")


class OrderLine(BaseModel):
    """Строка заказа."""

    model_config = ConfigDict(alias_generator=to_camel, populate_by_name=True)

    product_id: int = Field(ge=1, description="Идентификатор товара")
    quantity: int = Field(1, ge=1, le=99, description="Количество")


class Address(BaseModel):
    """Адрес доставки."""

    city: str = Field(description="Город", examples=["Казань"])
    street: str = Field(description="Улица, дом, квартира")
    postal_code: Optional[str] = Field(None, alias="zip", pattern=r"^\d{6}$", description="Почтовый индекс")


class OrderCreate(BaseModel):
    """Новый заказ."""

    model_config = ConfigDict(alias_generator=to_camel, populate_by_name=True)

    customer_email: str = Field(description="Email покупателя для чека")
    lines: list[OrderLine] = Field(min_length=1, description="Что заказано")
    delivery: Optional[Address] = Field(None, description="Адрес доставки; без него — самовывоз")
    comment: str = Field("", max_length=500, description="Комментарий к заказу")


class Order(BaseModel):
    """Заказ."""

    model_config = ConfigDict(alias_generator=to_camel, populate_by_name=True)

    id: UUID = Field(description="Идентификатор заказа")
    status: OrderStatus = Field(description="Статус заказа")
    lines: list[OrderLine]
    total: Decimal = Field(description="Сумма заказа, руб.")
    created_at: datetime = Field(description="Когда оформлен")

    @computed_field  # type: ignore[prop-decorator]
    @property
    def is_paid(self) -> bool:
        """Оплачен ли заказ."""
        return self.status is OrderStatus.PAID


class PaymentIn(BaseModel):
    """Оплата заказа."""

    method: Literal["card", "sbp"] = Field(description="Способ оплаты: карта или СБП")
    amount: Decimal = Field(gt=0, description="Сумма к оплате, руб.")


class PaymentReceipt(BaseModel):
    """Результат оплаты."""

    order_id: UUID
    paid: bool
    receipt_url: Optional[str] = Field(None, description="Ссылка на электронный чек")


class Health(BaseModel):
    """Состояние сервиса."""

    status: Literal["ok"] = "ok"
    version: str
