"""ЮKassa: возвраты платежей и уведомления о них.

Интеграция объявлена классом: handlers — его методы, объект интеграции — его экземпляр.

Возможности:
    - оформлять полные и частичные возвраты с чеком по 54-ФЗ;
    - заранее рассчитывать доступную к возврату сумму;
    - узнавать статус возврата;
    - показывать покупателю справочник причин возврата;
    - получать уведомления об успешных и отменённых возвратах.

Ограничения:
    Вернуть можно только платёж в статусе `succeeded`, не позже чем через 3 года после оплаты.

Смотрите также:
    - [Возвраты в API ЮKassa](https://yookassa.ru/developers/api#refund)
"""

from typing import Optional

import platform_sdk as sdk

from . import client
from .models import GetRefundRequest, ReasonCategory, Refund, RefundReasons

REASONS = [
    ReasonCategory(code="quality", title="Товар ненадлежащего качества", children=[
        ReasonCategory(code="quality.defect", title="Брак или поломка"),
        ReasonCategory(code="quality.mismatch", title="Не соответствует описанию"),
    ]),
    ReasonCategory(code="delivery", title="Проблема с доставкой", children=[
        ReasonCategory(code="delivery.late", title="Доставлен с опозданием"),
        ReasonCategory(code="delivery.lost", title="Не доставлен"),
    ]),
    ReasonCategory(code="other", title="Другое"),
]


class YooKassaRefunds(sdk.Integration):
    """ЮKassa: возвраты; методы класса — handlers интеграции."""

    @sdk.handler("get-refund", method="get")
    def get_refund(self, request: GetRefundRequest, ctx: sdk.Context) -> Optional["Refund"]:
        """Возвращает возврат по id или null, если ЮKassa его не нашла."""
        data = client.call("GET", f"/refunds/{request.refund_id}", timeout_ms=ctx.args["timeout"])
        return Refund.model_validate(data) if data.get("type") != "error" else None

    @sdk.handler(method="GET", cache_ttl=3600)
    def list_refund_reasons(self, ctx: sdk.Context) -> RefundReasons:
        """Возвращает справочник причин возврата для формы на сайте.

        Справочник хранится в интеграции; ответ можно кэшировать на час.
        """
        return RefundReasons(categories=REASONS)


integration = YooKassaRefunds(
    name="ЮKassa: возвраты",
    version="1.4.0",
    credentials=[
        sdk.Credential("YOOKASSA_SHOP_ID", "Идентификатор магазина (shopId)",
                       "Личный кабинет ЮKassa → Интеграция → Ключи API"),
        sdk.Credential("YOOKASSA_SECRET_KEY", "Секретный ключ магазина",
                       where="Личный кабинет ЮKassa → Интеграция → Ключи API → Выпустить ключ"),
    ],
    secrets=[],
    default_args={"timeout": 10000, "retries": 3},
)
