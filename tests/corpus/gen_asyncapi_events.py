"""Corpus: event payloads as generated from AsyncAPI / JSON Schema: deep RootModel unions with
quoted forward references, discriminated unions (`Field(discriminator=…)`, callable
`Discriminator` with `Tag`), recursive models."""

from __future__ import annotations

from datetime import datetime
from enum import Enum
from typing import Annotated, Any, Dict, List, Literal, Optional, Union

from pydantic import BaseModel, ConfigDict, Discriminator, Field, RootModel, Tag


class EventType(str, Enum):
    created = "created"
    updated = "updated"
    deleted = "deleted"


class Actor(BaseModel):
    id: str
    kind: Literal["user", "service"] = "user"


class A1(BaseModel):
    type: Literal["a1"]
    value: int


class A2(BaseModel):
    type: Literal["a2"]
    text: str


class A3(BaseModel):
    type: Literal["a3"]
    flags: List[bool] = []


class AnyA(RootModel[Union["A1", "A2", "A3"]]):
    root: Union["A1", "A2", "A3"]


class SomeA(RootModel[Union["A2", "A3"]]):
    pass


class ManyA(RootModel[List[AnyA]]):
    root: List[AnyA]


class ByType(RootModel[Annotated[Union[A1, A2, A3], Field(discriminator="type")]]):
    root: Annotated[Union[A1, A2, A3], Field(discriminator="type")]


class Created(BaseModel):
    event: Literal[EventType.created]
    at: datetime
    actor: Actor
    data: Dict[str, Any]


class Updated(BaseModel):
    event: Literal[EventType.updated]
    at: datetime
    actor: Actor
    changes: Dict[str, List[Any]]


class Deleted(BaseModel):
    event: Literal[EventType.deleted]
    at: datetime
    actor: Optional[Actor] = None


class Envelope(BaseModel):
    model_config = ConfigDict(populate_by_name=True)
    id: str
    payload: Union[Created, Updated, Deleted] = Field(..., discriminator="event")
    trace_id: Optional[str] = Field(None, alias="traceId")


class Batch(BaseModel):
    events: List[Annotated[Union[Created, Updated, Deleted], Field(discriminator="event")]] = Field(
        ..., min_length=1, max_length=100
    )


def _shape_kind(value: Any) -> str:
    if isinstance(value, dict):
        return value.get("shape", "circle")
    return getattr(value, "shape", "circle")


class Circle(BaseModel):
    shape: Literal["circle"] = "circle"
    radius: float


class Rect(BaseModel):
    shape: Literal["rect"]
    width: float
    height: float


class Polygon(BaseModel):
    shape: Literal["polygon"]
    points: List[List[float]] = Field(..., min_length=3)


Shape = Annotated[
    Union[Annotated[Circle, Tag("circle")], Annotated[Rect, Tag("rect")], Annotated[Polygon, Tag("polygon")]],
    Discriminator(_shape_kind),
]


class Drawing(BaseModel):
    shapes: List[Shape]
    background: Optional[Shape] = None


def _value_kind(value: Any) -> str:
    return "number" if isinstance(value, (int, float)) else "text"


class Setting(BaseModel):
    key: str
    value: Annotated[Union[Annotated[float, Tag("number")], Annotated[str, Tag("text")]], Discriminator(_value_kind)]


class TreeNode(BaseModel):
    name: str
    children: List[TreeNode] = []
    parent: Optional[TreeNode] = None


class Expression(BaseModel):
    op: Literal["and", "or", "not"]
    args: List[Union[Expression, Condition]]


class Condition(BaseModel):
    field: str
    equals: Union[str, int, bool, None]


class Rule(BaseModel):
    name: str
    when: Union[Expression, Condition]


class JsonPatchOp(BaseModel):
    op: Literal["add", "remove", "replace", "move", "copy", "test"]
    path: str
    value: Optional[Any] = None
    from_: Optional[str] = Field(None, alias="from")


class JsonPatch(RootModel[List[JsonPatchOp]]):
    root: List[JsonPatchOp]


class Level3(RootModel[Union[int, str]]):
    root: Union[int, str]


class Level2(RootModel[Union[Level3, List[Level3]]]):
    root: Union[Level3, List[Level3]]


class Level1(RootModel[Optional[Dict[str, Level2]]]):
    root: Optional[Dict[str, Level2]] = None


class Deep(BaseModel):
    levels: Level1
    patch: Optional[JsonPatch] = None


class Subscription(BaseModel):
    channel: str
    events: Annotated[List[EventType], Field(min_length=1)]
    filters: Dict[Literal["actor", "type", "source"], str] = {}
    rule: Optional[Rule] = None


TreeNode.model_rebuild()
Expression.model_rebuild()
