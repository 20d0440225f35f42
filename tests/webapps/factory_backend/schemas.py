"""Request and response models."""

from dataclasses import dataclass, field

from pydantic import BaseModel, Field


class Token(BaseModel):
    access_token: str
    token_type: str = "bearer"


class LoginForm(BaseModel):
    username: str
    password: str
    remember: bool = False


class CommonHeaders(BaseModel):
    x_trace_id: str | None = None
    accept_language: str = "ru"


class Item(BaseModel):
    id: int
    name: str = Field(max_length=64)
    price: float = Field(gt=0)
    tags: list[str] = []


class ItemIn(BaseModel):
    name: str
    price: float


class Problem(BaseModel):
    detail: str


@dataclass
class Receipt:
    """A dataclass as a body and a response (FastAPI reads it as a model)."""

    number: int
    lines: list[str] = field(default_factory=list)
    note: str | None = None
