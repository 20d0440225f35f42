"""События Битрикс24: новые сделки и смена стадии."""

from platform_sdk import Context

from . import models as m
from .integration import integration


@integration.event("deal.added")
def on_deal_added(payload: m.DealAdded, ctx: Context) -> None:
    """На портале создана сделка.

    Событие приходит и для сделок, созданных самой интеграцией через `create-deal`.
    """
    ctx.logger.info("deal %s added", payload.deal.id)


@integration.event("deal.stage_changed")
def on_deal_stage_changed(payload: m.DealStageChanged, ctx: Context) -> None:
    """Сделка перешла на другую стадию воронки."""
    ctx.logger.info("deal %s: %s -> %s", payload.deal_id, payload.old_stage, payload.stage)
