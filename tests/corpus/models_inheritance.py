"""Corpus: fields of bases, overrides, multiple inheritance, config inherited."""

from datetime import datetime

from pydantic import BaseModel, ConfigDict, Field
from pydantic.alias_generators import to_camel


class Base(BaseModel):
    id: int
    name: str
    note: str | None = None


class Child(Base):
    name: str = "child"
    extra: bool


class GrandChild(Child):
    id: str
    note: str


class Stamp(BaseModel):
    created: datetime
    updated: datetime | None = None


class Multi(Child, Stamp):
    tag: str = Field(default="t", description="Own field after inherited ones")


class CamelBase(BaseModel):
    model_config = ConfigDict(alias_generator=to_camel, populate_by_name=True)

    first_name: str


class CamelChild(CamelBase):
    last_name: str
    middle_name: str | None = None


class ForbidChild(CamelChild):
    model_config = ConfigDict(extra="forbid")

    nick_name: str = ""
