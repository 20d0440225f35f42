"""Модели Битрикс24: сделки, контакты и payload событий."""

from datetime import datetime
from decimal import Decimal
from enum import Enum
from typing import Optional

from pydantic import BaseModel, Field


class Stage(str, Enum):
    """Стадии сделки в воронке по умолчанию."""

    NEW = "NEW"
    PREPARATION = "PREPARATION"
    WON = "WON"
    LOSE = "LOSE"


class Contact(BaseModel):
    """Контакт CRM."""

    id: int = Field(description="ID контакта", examples=[17])
    name: str = Field(description="Имя", examples=["Анна"])
    last_name: Optional[str] = Field(default=None, description="Фамилия")
    phone: list[str] = Field(default_factory=list, description="Телефоны в формате E.164")


class Deal(BaseModel):
    """Сделка CRM."""

    id: int = Field(description="ID сделки", examples=[4021])
    title: str = Field(description="Название сделки", examples=["Заявка с сайта"])
    stage: Stage = Field(description="Стадия воронки")
    amount: Decimal = Field(description="Сумма сделки", examples=["15000.00"])
    currency: str = Field(default="RUB", description="Валюта (код ISO 4217)")
    contact: Optional[Contact] = Field(default=None, description="Основной контакт сделки")


class CreateDealRequest(BaseModel):
    """Новая сделка."""

    title: str = Field(max_length=255, description="Название сделки", examples=["Заявка с сайта"])
    amount: Decimal = Field(ge=0, description="Сумма сделки", examples=["15000.00"])
    currency: str = Field(default="RUB", min_length=3, max_length=3, description="Валюта (код ISO 4217)")
    stage: Stage = Field(default=Stage.NEW, description="Начальная стадия")
    contact_id: Optional[int] = Field(default=None, description="ID существующего контакта")


class GetDealRequest(BaseModel):
    """Какую сделку показать."""

    deal_id: int = Field(gt=0, description="ID сделки", examples=[4021])


class FindContactsRequest(BaseModel):
    """Поиск контактов по телефону."""

    phone: str = Field(pattern=r"^\+\d{10,15}$", description="Телефон в формате E.164", examples=["+79161234567"])
    limit: int = Field(default=20, ge=1, le=50, description="Сколько контактов вернуть")


class FindContactsResponse(BaseModel):
    """Найденные контакты."""

    items: list[Contact] = Field(description="Контакты, новые первыми")
    total: int = Field(description="Сколько контактов нашлось всего")


class DealAdded(BaseModel):
    """Payload события `deal.added`."""

    deal: Deal = Field(description="Новая сделка")
    created_at: datetime = Field(description="Когда сделка создана на портале")


class DealStageChanged(BaseModel):
    """Payload события `deal.stage_changed`."""

    deal_id: int = Field(description="ID сделки")
    old_stage: Stage = Field(description="Прежняя стадия")
    stage: Stage = Field(description="Новая стадия")
