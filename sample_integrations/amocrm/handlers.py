"""Handlers amoCRM: сделки, поиск контактов и примечания."""

from typing import Optional

from platform_sdk import Context

from . import client
from . import models as m
from .integration import integration


@integration.post("create-deal", timeout=12000)
def create_deal(request: m.CreateDealRequest, ctx: Context) -> m.Deal:
    """Создаёт сделку и, если указан contact_id, привязывает к ней контакт.

    Ошибки:
        ValidationFailedError: неверный id воронки, этапа или дополнительного поля.
        TokenExpiredError: долгосрочный токен истёк.

    Пример:
        Сделка на 50 000 ₽ в этапе «Первичный контакт»:

        ```json
        {"name": "Заказ с сайта", "price": 50000, "pipeline_id": 7, "status_id": 40001}
        ```
    """
    body: dict[str, object] = request.model_dump(exclude_none=True, exclude={"tags", "contact_id"})
    body["_embedded"] = {
        "tags": [{"name": tag} for tag in request.tags],
        "contacts": [{"id": request.contact_id}] if request.contact_id else [],
    }
    created = client.call("POST", "/leads", [body], rate_limit=ctx.args["rate_limit"],
                          timeout_ms=ctx.args["timeout"])
    deal_id = created["_embedded"]["leads"][0]["id"]
    data = client.call("GET", f"/leads/{deal_id}?with=contacts", rate_limit=ctx.args["rate_limit"])
    return m.Deal.model_validate(data)


@integration.get("find-contact")
def find_contact(request: m.FindContactRequest, ctx: Context) -> Optional[m.Contact]:
    """Ищет контакт по телефону или email; возвращает первый найденный или null."""
    data = client.call("GET", f"/contacts?query={request.query}&limit={request.limit}",
                       rate_limit=ctx.args["rate_limit"])
    contacts = (data or {}).get("_embedded", {}).get("contacts", [])
    return m.Contact.model_validate(contacts[0]) if contacts else None


@integration.handler("add-note", method="post", retries=0)
def add_note(request: m.AddNoteRequest, ctx: Context) -> None:
    """Добавляет примечание к сделке.

    Не повторяется автоматически, чтобы не создать дубль примечания.

    Raises:
        DealNotFoundError: сделки с таким id нет.

    Примечание:
        Примечание видно всем пользователям, у которых есть доступ к сделке.
    """
    note = {"note_type": request.note_type, "params": {"text": request.text}}
    client.call("POST", f"/leads/{request.deal_id}/notes", [note], rate_limit=ctx.args["rate_limit"])
