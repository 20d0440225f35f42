"""События amoCRM, которые приходят вебхуками аккаунта."""

from platform_sdk import Context

from . import models as m
from .integration import integration


@integration.event("deal.created")
async def on_deal_created(payload: m.DealCreated, ctx: Context) -> None:
    """В amoCRM создана новая сделка."""
    ctx.logger.info("Новая сделка %s: %s", payload.deal.id, payload.deal.name)


@integration.event(name="deal.status_changed", payload_model=m.DealStatusChanged)
async def on_deal_status_changed(payload: dict, ctx: Context) -> None:  # type: ignore[type-arg]
    """Сделка перешла на другой этап воронки.

    Для закрытых сделок в payload есть `outcome`: 142 — успешно, 143 — не реализовано.
    """
    ctx.logger.info("Сделка %s: этап %s", payload["deal_id"], payload["status_id"])


@integration.event("contact.updated")
async def on_contact_updated(payload: m.ContactUpdated, ctx: Context) -> None:
    """Изменены данные контакта: имя, телефоны, email или ответственный."""
    ctx.logger.info("Контакт %s изменён: %s", payload.contact.id, payload.changed_fields)
