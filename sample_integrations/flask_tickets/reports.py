"""Отчёты для руководителя поддержки."""

from typing import Literal

from flask import Blueprint
from pydantic import BaseModel

reports = Blueprint("reports", __name__, url_prefix="/reports")


class DailyReport(BaseModel):
    """Сводка за день."""

    day: str
    opened: int
    closed: int


@reports.route("/daily/<any(today, yesterday):day>", methods=["GET"])
def daily_report(day: Literal["today", "yesterday"]) -> DailyReport:
    """Сводка по заявкам за сегодня или вчера."""
    return DailyReport(day=day, opened=0, closed=0)
