"""Служба поддержки на Flask: приём заявок от клиентов и работа с ними.

Интеграция позволяет:
- принимать заявки и комментарии к ним;
- менять срочность и статус заявок, закрывать их;
- выгружать вложения и ежедневные отчёты.

Для работы понадобится:
- база данных заявок (переменная `TICKETS_DATABASE_URL`).

Смотрите также:
    - [Документация Flask](https://flask.palletsprojects.com/)
"""

from flask import Flask, jsonify

from . import tickets
from .reports import reports

app = Flask(__name__)
app.register_blueprint(tickets.bp, url_prefix="/api/v2/tickets")
app.register_blueprint(reports)


def health():  # type: ignore[no-untyped-def]
    """Проверка, что служба запущена."""
    return jsonify(status="ok")


app.add_url_rule("/health", view_func=health, methods=["GET"])
