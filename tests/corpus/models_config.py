"""Corpus: extra="allow"/"forbid", ClassVar, PrivateAttr, @property, computed_field, exclude,
`json_schema_serialization_defaults_required`, and a pydantic 2 model with `class Config`."""

from functools import cached_property
from typing import ClassVar, Final, Optional

from pydantic import BaseModel, ConfigDict, Field, PrivateAttr, computed_field


class Open(BaseModel):
    """Extra keys are kept."""

    model_config = ConfigDict(extra="allow")

    name: str
    size: int = 0


class Closed(BaseModel):
    model_config = ConfigDict(extra="forbid")

    name: str


class KeywordConfig(BaseModel, extra="allow", populate_by_name=True):
    code: str = Field(alias="Code")


class NotFields(BaseModel):
    kind: ClassVar[str] = "constant"
    limit: ClassVar[int]
    version: Final = 2
    _cache: dict[str, int] = PrivateAttr(default_factory=dict)
    _secret: str = "hidden"
    name: str

    @property
    def upper(self) -> str:
        return self.name.upper()

    @cached_property
    def lower(self) -> str:
        return self.name.lower()


class Computed(BaseModel):
    width: int
    height: int = 1
    internal: str = Field(default="x", exclude=True)
    hidden_required: str = Field(exclude=True)

    @computed_field
    @property
    def area(self) -> int:
        """Width times height."""
        return self.width * self.height

    @computed_field(alias="perimeterCm", description="Around the edge")
    @property
    def perimeter(self) -> float:
        return 2.0 * (self.width + self.height)

    @computed_field
    @property
    def label(self) -> Optional[str]:
        return None


class DefaultsRequired(BaseModel):
    """Serialized fields with defaults are always present."""

    model_config = ConfigDict(json_schema_serialization_defaults_required=True)

    id: int
    name: str = ""
    tags: list[str] = Field(default_factory=list)
    skip: str = Field(default="", exclude=True)


class ClassConfigV2(BaseModel):
    """`class Config` on a pydantic 2 model: Optional without a default is still required."""

    value: Optional[int]
    name: str = ""

    class Config:
        extra = "forbid"
        str_strip_whitespace = True
