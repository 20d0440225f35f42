"""Битрикс24: сделки и контакты CRM через входящий вебхук портала."""

from . import events, handlers
from .integration import integration

__all__ = ["events", "handlers", "integration"]
