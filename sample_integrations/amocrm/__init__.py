"""amoCRM: сделки, контакты и события воронки продаж.

Интеграция позволяет:
- создавать сделки с контактом и бюджетом;
- искать контакт по телефону или email;
- добавлять примечания к сделкам;
- получать события о новых сделках, смене этапа и изменении контактов.
"""

from . import events, handlers
from .errors import (
    AmoCrmError,
    DealNotFoundError,
    RateLimitError,
    TokenExpiredError,
    ValidationFailedError,
)
from .integration import integration
from .models import Contact, Deal

__all__ = [
    "AmoCrmError",
    "Contact",
    "Deal",
    "DealNotFoundError",
    "RateLimitError",
    "TokenExpiredError",
    "ValidationFailedError",
    "events",
    "handlers",
    "integration",
]
