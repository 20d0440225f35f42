"""Модели amoCRM: сделки, контакты, дополнительные поля и payload событий."""

from datetime import datetime
from enum import IntEnum
from typing import Annotated, Literal, Optional

from pydantic import BaseModel, ConfigDict, EmailStr, Field

Phone = Annotated[str, Field(pattern=r"^\+?\d{10,15}$", examples=["+79161234567"])]


class DealStatus(IntEnum):
    """Системные этапы воронки amoCRM."""

    WON = 142
    LOST = 143


class CustomFieldValue(BaseModel):
    """Значение дополнительного поля."""

    field_id: int = Field(description="id дополнительного поля в аккаунте")
    values: list[str | int | float | bool] = Field(
        min_length=1, description="Значения поля (для мультисписков — несколько)",
        examples=[["Москва"]],
    )


class Tag(BaseModel):
    """Тег сделки или контакта."""

    id: Optional[int] = None
    name: str = Field(max_length=255)


class Contact(BaseModel):
    """Контакт amoCRM."""

    id: int
    name: str = Field(description="Имя контакта")
    phones: list[Phone] = Field(default_factory=list, description="Телефоны")
    emails: list[EmailStr] = Field(default_factory=list, description="Email-адреса")
    responsible_user_id: Optional[int] = Field(None, description="Ответственный менеджер")


class DealEmbedded(BaseModel):
    """Связанные с сделкой сущности."""

    contacts: list[Contact] = Field(default_factory=list)
    tags: list[Tag] = Field(default_factory=list)


class Deal(BaseModel):
    """Сделка amoCRM."""

    model_config = ConfigDict(populate_by_name=True)

    id: int = Field(description="id сделки")
    name: str = Field(description="Название сделки")
    price: int = Field(0, ge=0, description="Бюджет, руб.")
    pipeline_id: int = Field(description="id воронки")
    status_id: int = Field(description="id этапа воронки (142 — успешно, 143 — не реализовано)")
    created_at: datetime
    custom_fields_values: Optional[list[CustomFieldValue]] = None
    embedded: DealEmbedded = Field(
        default_factory=DealEmbedded, alias="_embedded", description="Контакты и теги сделки"
    )


class CreateDealRequest(BaseModel):
    """Новая сделка."""

    name: str = Field(min_length=1, max_length=255, description="Название сделки",
                      examples=["Заказ №4821 с сайта"])
    price: int = Field(0, ge=0, description="Бюджет, руб.")
    pipeline_id: Optional[int] = Field(None, description="id воронки; без него — основная воронка")
    status_id: Optional[int] = Field(None, description="id этапа; без него — первый этап воронки")
    contact_id: Optional[int] = Field(None, description="Привязать существующий контакт")
    tags: list[str] = Field(default_factory=list, max_length=10, description="Названия тегов")
    custom_fields_values: list[CustomFieldValue] = Field(default_factory=list)


class FindContactRequest(BaseModel):
    """Поиск контакта: нужен телефон или email."""

    query: str = Field(min_length=3, description="Телефон или email", examples=["+79161234567"])
    limit: int = Field(1, ge=1, le=50)


class AddNoteRequest(BaseModel):
    """Примечание к сделке."""

    deal_id: int = Field(description="id сделки")
    note_type: Literal["common", "call_in", "call_out"] = Field("common", description="Тип примечания")
    text: str = Field(min_length=1, max_length=10000, description="Текст примечания")


class DealCreated(BaseModel):
    """Создана сделка."""

    deal: Deal
    account_id: int = Field(description="id аккаунта amoCRM")


class DealStatusChanged(BaseModel):
    """Сделка перешла на другой этап."""

    deal_id: int
    pipeline_id: int
    old_status_id: int
    status_id: int = Field(description="Новый этап")
    outcome: Optional[DealStatus] = Field(None, description="Итог, если сделка закрыта")
    changed_at: datetime


class ContactUpdated(BaseModel):
    """Изменён контакт."""

    contact: Contact
    changed_fields: list[str] = Field(default_factory=list, description="Какие поля изменились")
