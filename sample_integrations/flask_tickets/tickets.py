"""Заявки: список, карточка, создание, изменение, комментарии и закрытие."""

from datetime import datetime, timezone

from flask import Blueprint, abort, send_from_directory

from .config import PAGE_SIZE
from .models import Comment, CommentIn, Ticket, TicketCreate, TicketFilter, TicketList, TicketStatus, TicketUpdate
from .validation import validate

bp = Blueprint("tickets", __name__, url_prefix="/tickets")

_TICKETS: dict[int, Ticket] = {}


@bp.get("/")
@validate()
def list_tickets(query: TicketFilter) -> TicketList:
    """Возвращает страницу заявок, новые первыми."""
    items = [t for t in _TICKETS.values() if query.status is None or t.status == query.status]
    start = (query.page - 1) * PAGE_SIZE
    return TicketList(items=items[start : start + PAGE_SIZE], total=len(items))


@bp.route("/<int:ticket_id>")
@validate()
def get_ticket(ticket_id: int) -> Ticket:
    """Возвращает заявку по номеру."""
    if ticket_id not in _TICKETS:
        abort(404)
    return _TICKETS[ticket_id]


@bp.route("/", methods=["POST"])
@validate(on_success_status=201)
def create_ticket(body: TicketCreate) -> Ticket:
    """Создаёт заявку от имени клиента."""
    ticket = Ticket(id=len(_TICKETS) + 1, subject=body.subject, priority=body.priority,
                    created_at=datetime.now(timezone.utc))
    _TICKETS[ticket.id] = ticket
    return ticket


@bp.route("/<int:ticket_id>", methods=["PUT", "PATCH"], endpoint="update-ticket")
@validate()
def update_ticket(ticket_id: int, body: TicketUpdate) -> Ticket:
    """Меняет тему, срочность или статус заявки."""
    ticket = get_ticket.__wrapped__(ticket_id)
    changes = body.model_dump(exclude_none=True)
    _TICKETS[ticket_id] = ticket.model_copy(update=changes)
    return _TICKETS[ticket_id]


@bp.post("/<int:ticket_id>/comments")
@validate(on_success_status=201)
def add_comment(ticket_id: int, body: CommentIn) -> Comment:
    """Добавляет комментарий к заявке."""
    get_ticket.__wrapped__(ticket_id)
    return Comment(id=1, created_at=datetime.now(timezone.utc), **body.model_dump())


@bp.delete("/<int:ticket_id>")
def close_ticket(ticket_id: int) -> tuple[str, int]:
    """Закрывает заявку."""
    ticket = get_ticket.__wrapped__(ticket_id)
    _TICKETS[ticket_id] = ticket.model_copy(update={"status": TicketStatus.CLOSED})
    return "", 204


@bp.get("/<int:ticket_id>/attachments/<path:filename>")
def download_attachment(ticket_id: int, filename: str):  # type: ignore[no-untyped-def]
    """Отдаёт вложение заявки как файл."""
    return send_from_directory(f"attachments/{ticket_id}", filename)
