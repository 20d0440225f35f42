"""Handlers Битрикс24: сделки и поиск контактов."""

from typing import Any

from platform_sdk import Context

from . import client
from . import models as m
from .integration import integration


def _deal(data: dict[str, Any], contact: dict[str, Any] | None) -> m.Deal:
    return m.Deal(
        id=int(data["ID"]), title=data["TITLE"], stage=m.Stage(data["STAGE_ID"]),
        amount=data["OPPORTUNITY"], currency=data.get("CURRENCY_ID") or "RUB",
        contact=_contact(contact) if contact else None,
    )


def _contact(data: dict[str, Any]) -> m.Contact:
    phones = [item["VALUE"] for item in data.get("PHONE", [])]
    return m.Contact(id=int(data["ID"]), name=data["NAME"], last_name=data.get("LAST_NAME"), phone=phones)


@integration.post("create-deal", timeout=15000)
def create_deal(request: m.CreateDealRequest, ctx: Context) -> m.Deal:
    """Создаёт сделку в CRM портала.

    Сделка создаётся от имени пользователя вебхука; без `contact_id` она остаётся без
    контакта, и привязать его можно позже в карточке сделки.

    Raises:
        AccessDeniedError: у вебхука нет прав на CRM.
        QueryLimitError: портал ограничил частоту запросов.

    Пример:
        Сделка на 15 000 ₽ для контакта 17:

        ```json
        {"title": "Заявка с сайта", "amount": "15000.00", "contact_id": 17}
        ```
    """
    fields = {"TITLE": request.title, "OPPORTUNITY": str(request.amount), "CURRENCY_ID": request.currency,
              "STAGE_ID": request.stage.value, "CONTACT_ID": request.contact_id}
    deal_id = client.call("crm.deal.add", {"fields": fields})
    return get_deal(m.GetDealRequest(deal_id=deal_id), ctx)


@integration.get("get-deal")
def get_deal(request: m.GetDealRequest, ctx: Context) -> m.Deal:
    """Возвращает сделку по ID вместе с основным контактом.

    Ошибки:
        DealNotFoundError: сделки нет или она недоступна пользователю вебхука.
    """
    data = client.call("crm.deal.get", {"id": request.deal_id})
    contact_id = data.get("CONTACT_ID")
    contact = client.call("crm.contact.get", {"id": contact_id}) if contact_id else None
    return _deal(data, contact)


@integration.get("find-contacts", retries=0)
def find_contacts(request: m.FindContactsRequest, ctx: Context) -> m.FindContactsResponse:
    """Ищет контакты по телефону.

    Телефон сравнивается целиком, в формате E.164; частичного совпадения Битрикс24 не ищет.

    Примечание:
        Контакты без телефона в результат не попадают.
    """
    found = client.call("crm.duplicate.findbycomm", {"type": "PHONE", "values": [request.phone]})
    ids = found.get("CONTACT", [])[: request.limit]
    contacts = [_contact(client.call("crm.contact.get", {"id": contact_id})) for contact_id in ids]
    return m.FindContactsResponse(items=contacts, total=len(found.get("CONTACT", [])))
