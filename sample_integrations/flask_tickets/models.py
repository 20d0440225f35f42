"""Модели заявок: то, что служба принимает и отдаёт в JSON."""

from datetime import datetime
from enum import Enum
from typing import Optional

from pydantic import BaseModel, ConfigDict, EmailStr, Field
from pydantic.alias_generators import to_camel


class Priority(str, Enum):
    """Срочность заявки."""

    LOW = "low"
    NORMAL = "normal"
    URGENT = "urgent"


class TicketStatus(str, Enum):
    """Статус заявки."""

    OPEN = "open"
    IN_PROGRESS = "in_progress"
    CLOSED = "closed"


class TicketCreate(BaseModel):
    """Новая заявка."""

    model_config = ConfigDict(alias_generator=to_camel, populate_by_name=True)

    subject: str = Field(min_length=3, max_length=120, description="Тема заявки", examples=["Не приходит чек"])
    body: str = Field(description="Текст обращения")
    author_email: EmailStr = Field(description="Email автора для ответа")
    priority: Priority = Field(Priority.NORMAL, description="Срочность")


class TicketUpdate(BaseModel):
    """Изменение заявки: передаются только меняющиеся поля."""

    subject: Optional[str] = Field(None, min_length=3, max_length=120, description="Новая тема")
    priority: Optional[Priority] = Field(None, description="Новая срочность")
    status: Optional[TicketStatus] = Field(None, description="Новый статус")


class Ticket(BaseModel):
    """Заявка."""

    model_config = ConfigDict(alias_generator=to_camel, populate_by_name=True)

    id: int = Field(description="Номер заявки")
    subject: str
    status: TicketStatus = TicketStatus.OPEN
    priority: Priority
    created_at: datetime = Field(description="Когда создана")


class TicketList(BaseModel):
    """Страница списка заявок."""

    items: list[Ticket]
    total: int = Field(description="Сколько заявок всего")


class TicketFilter(BaseModel):
    """Фильтр списка заявок (параметры строки запроса)."""

    status: Optional[TicketStatus] = Field(None, description="Только заявки в этом статусе")
    priority: Optional[Priority] = Field(None, description="Только заявки этой срочности")
    page: int = Field(1, ge=1, description="Номер страницы")


class CommentIn(BaseModel):
    """Комментарий к заявке."""

    text: str = Field(min_length=1, description="Текст комментария")
    internal: bool = Field(False, description="Виден только сотрудникам")


class Comment(CommentIn):
    """Сохранённый комментарий."""

    id: int
    created_at: datetime
