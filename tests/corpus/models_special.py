"""Corpus: date/time, UUID, Decimal, bytes, e-mail, URLs, secrets, paths and `Json`."""

import datetime as dt
import uuid
from datetime import date, datetime, time, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any, Optional
from uuid import UUID

from pydantic import (
    AnyUrl,
    AwareDatetime,
    BaseModel,
    EmailStr,
    HttpUrl,
    Json,
    PositiveInt,
    SecretBytes,
    SecretStr,
    StrictBool,
    condecimal,
)


class Temporal(BaseModel):
    at: datetime
    on: date
    clock: time
    span: timedelta
    aware: AwareDatetime
    qualified: dt.datetime
    optional_date: Optional[date] = None
    history: list[datetime] = []


class Identifiers(BaseModel):
    id: UUID
    other: uuid.UUID
    optional_id: UUID | None = None
    email: EmailStr
    site: HttpUrl
    any_url: AnyUrl = "https://example.com/"
    path: Path


class Numbers(BaseModel):
    amount: Decimal
    fee: condecimal(max_digits=10, decimal_places=2) = Decimal("0")
    optional_amount: Optional[Decimal] = None
    amounts: list[Decimal] = []
    positive: PositiveInt = 1
    strict: StrictBool = False


class Secrets(BaseModel):
    password: SecretStr
    token: SecretBytes
    optional_secret: SecretStr | None = None
    raw: bytes
    raw_default: bytes = b"abc"


class JsonFields(BaseModel):
    numbers: Json[list[int]]
    anything: Json
    any_json: Json[Any] = None
    nested: Json[dict[str, bool]]
