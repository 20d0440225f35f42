"""Handlers интеграции Stripe: платежи и возвраты."""

from datetime import datetime, timezone
from typing import Any

from platform_sdk import Context

from . import client, integration
from .models import (
    CreatePaymentRequest,
    CreatePaymentResponse,
    CreateRefundRequest,
    GetPaymentRequest,
    ListPaymentsRequest,
    Payment,
    PaymentList,
    RefundResponse,
)


@integration.handler("create-payment", method="POST", timeout=10000)
async def create_payment(request: CreatePaymentRequest, ctx: Context) -> CreatePaymentResponse:
    """Создаёт платёж (PaymentIntent) в Stripe.

    При `capture_method = "manual"` сумма только блокируется на карте; списать её
    нужно отдельно в течение 7 дней.
    """
    params: dict[str, Any] = {
        "amount": request.amount,
        "currency": request.currency.value,
        "capture_method": request.capture_method,
        "receipt_email": request.customer.email,
    }
    if request.description:
        params["description"] = request.description
    for key, value in request.metadata.items():
        params[f"metadata[{key}]"] = value
    ctx.logger.info("Создаю платёж на %s", request.amount)
    data = client.request(
        "POST", "/v1/payment_intents", params,
        idempotency_key=request.idempotency_key, timeout_ms=ctx.args["timeout"],
    )
    return CreatePaymentResponse(
        payment_id=data["id"],
        client_secret=data["client_secret"],
        status=data["status"],
        next_action_url=(data.get("next_action") or {}).get("redirect_to_url", {}).get("url"),
        created_at=datetime.fromtimestamp(data["created"], tz=timezone.utc),
    )


@integration.get("get-payment")
async def get_payment(request: GetPaymentRequest, ctx: Context) -> Payment:
    """Возвращает платёж по идентификатору, при необходимости со списаниями."""
    params = {"expand[]": ["latest_charge"]} if request.expand_charges else {}
    data = client.request("GET", f"/v1/payment_intents/{request.payment_id}", params,
                          timeout_ms=ctx.args["timeout"])
    return Payment.model_validate(_payment_fields(data))


@integration.handler(
    name="list-payments",
    method="get",
    response_model=PaymentList,
    description="Возвращает страницу списка платежей, новые первыми.",
)
def list_payments(request: ListPaymentsRequest, ctx: Context) -> dict[str, Any]:
    """Список платежей с курсорной навигацией."""
    params: dict[str, Any] = {"limit": request.limit}
    if request.starting_after:
        params["starting_after"] = request.starting_after
    data = client.request("GET", "/v1/payment_intents", params, timeout_ms=ctx.args["timeout"])
    items = [_payment_fields(item) for item in data["data"]]
    if request.status is not None:
        items = [item for item in items if item["status"] == request.status.value]
    return {
        "items": items,
        "has_more": data["has_more"],
        "next_cursor": items[-1]["id"] if data["has_more"] and items else None,
    }


@integration.post("create-refund", retries=5)
async def create_refund(request: CreateRefundRequest, ctx: Context) -> RefundResponse:
    """Оформляет полный или частичный возврат по платежу.

    Повторяется до пяти раз: Stripe не создаст второй возврат с тем же ключом идемпотентности.
    """
    params: dict[str, Any] = {"payment_intent": request.payment_id}
    if request.amount is not None:
        params["amount"] = request.amount
    if request.reason is not None:
        params["reason"] = request.reason
    data = client.request("POST", "/v1/refunds", params, timeout_ms=ctx.args["timeout"])
    return RefundResponse(refund_id=data["id"], status=data["status"], amount=data["amount"])


def _payment_fields(data: dict[str, Any]) -> dict[str, Any]:
    charge = data.get("latest_charge")
    charges = [charge] if isinstance(charge, dict) else []
    return {
        "id": data["id"],
        "amount": data["amount"],
        "amount_received": data.get("amount_received", 0),
        "currency": data["currency"],
        "status": data["status"],
        "charges": [
            {"id": c["id"], "amount": c["amount"], "paid": c["paid"],
             "refunded": c.get("refunded", False), "failure_code": c.get("failure_code")}
            for c in charges
        ],
        "created_at": datetime.fromtimestamp(data["created"], tz=timezone.utc),
    }
