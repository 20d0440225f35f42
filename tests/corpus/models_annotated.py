"""Corpus: `Annotated[T, Field(...)]`, module-level aliases, constr / conint / conlist."""

from typing import Annotated, Optional

import annotated_types
from pydantic import BaseModel, Field, conint, conlist, constr

PositiveInt = Annotated[int, Field(gt=0)]
ShortStr = Annotated[str, Field(max_length=8, examples=["abc"])]
Tags = Annotated[list[ShortStr], Field(min_length=1)]
MaybeShort = Optional[ShortStr]
Percent = Annotated[float, annotated_types.Ge(0), annotated_types.Le(100)]


class Constrained(BaseModel):
    quantity: PositiveInt
    code: ShortStr = "x"
    tags: Tags
    maybe: MaybeShort = None
    percent: Percent = 0.0
    inline: Annotated[int, Field(ge=1, le=5, description="From one to five")] = 3
    nested_annotated: Annotated[Annotated[str, Field(min_length=2)], Field(max_length=4)]
    legacy_str: constr(min_length=2, pattern=r"^[a-z]+$")
    legacy_int: conint(ge=0, lt=10) = 0
    legacy_list: conlist(int, min_length=1)
    optional_annotated: Annotated[Optional[int], Field(ge=0)] = None
    list_of_positive: list[PositiveInt] = []


class FieldOnly(BaseModel):
    name: str = Field(min_length=1, max_length=50, pattern=r"^\w+$")
    price: float = Field(gt=0, multiple_of=0.01)
    items: list[str] = Field(default_factory=list, max_length=3)
    required_annotated: Annotated[str, Field(description="Required through Annotated")]
    default_in_annotated: Annotated[int, Field(default=7)]
