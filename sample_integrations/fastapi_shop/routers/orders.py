"""Заказы: оформление, оплата и отмена. Все маршруты требуют ключ API."""

from datetime import datetime, timezone
from decimal import Decimal
from typing import Annotated
from uuid import UUID, uuid4

from fastapi import APIRouter, BackgroundTasks, Body, Depends, HTTPException, Request
from fastapi import status as http_status

from ..deps import require_api_key
from ..models import Address, Order, OrderCreate, OrderStatus, PaymentIn, PaymentReceipt
from ..settings import PAYMENT_WEBHOOK_URL

router = APIRouter(prefix="/orders", tags=["Заказы"], dependencies=[Depends(require_api_key)])

_ORDERS: dict[UUID, Order] = {}


def _notify(order_id: UUID) -> None:
    """Отправляет уведомление об оплате (если задан адрес)."""
    if PAYMENT_WEBHOOK_URL:
        print(f"POST {PAYMENT_WEBHOOK_URL}: {order_id}")


@router.post("", status_code=http_status.HTTP_201_CREATED, summary="Оформить заказ")
async def create_order(order: OrderCreate, tasks: BackgroundTasks) -> Order:
    """Оформляет заказ; сумма считается по текущим ценам каталога."""
    created = Order(id=uuid4(), status=OrderStatus.NEW, lines=order.lines,
                    total=Decimal(sum(line.quantity for line in order.lines) * 100),
                    created_at=datetime.now(timezone.utc))
    _ORDERS[created.id] = created
    return created


@router.get("/{order_id}", name="get-order")
async def read_order(order_id: UUID, with_lines: bool = True) -> Order:
    """Возвращает заказ по идентификатору."""
    if order_id not in _ORDERS:
        raise HTTPException(status_code=404, detail="Заказ не найден")
    order = _ORDERS[order_id]
    return order if with_lines else order.model_copy(update={"lines": []})


@router.post("/{order_id}/pay", response_model=PaymentReceipt)
async def pay_order(
    order_id: UUID,
    payment: PaymentIn,
    delivery: Annotated[Address, Body(description="Куда доставить оплаченный заказ")],
    request: Request,
    tasks: BackgroundTasks,
    notify: Annotated[bool, Body()] = True,
) -> dict[str, object]:
    """Оплачивает заказ и назначает доставку."""
    order = await read_order(order_id)
    if notify:
        tasks.add_task(_notify, order.id)
    return {"order_id": order.id, "paid": True, "receipt_url": f"{request.base_url}receipts/{order.id}"}


@router.api_route("/{order_id}/cancel", methods=["POST", "DELETE"], response_model=Order)
async def cancel_order(order_id: UUID, reason: Annotated[str, Body(embed=True, max_length=200)] = "") -> Order:
    """Отменяет неоплаченный заказ."""
    order = await read_order(order_id)
    return order.model_copy(update={"status": OrderStatus.CANCELLED})


@router.get("/export/csv", include_in_schema=False)
async def export_orders() -> str:
    """Выгрузка для бухгалтерии: служебный маршрут, не в документации."""
    return "\n".join(str(order_id) for order_id in _ORDERS)
