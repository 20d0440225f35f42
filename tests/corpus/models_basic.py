"""Corpus: JSON scalars, Optional with and without defaults, defaults and default factories."""

from typing import Any, Optional, Union

from pydantic import BaseModel, Field


class Scalars(BaseModel):
    """Every JSON scalar, all required."""

    text: str
    count: int
    ratio: float
    flag: bool
    nothing: None


class Optionals(BaseModel):
    """Optional spelled every way; a default is what makes a field optional."""

    a: Optional[str]
    b: str | None
    c: Optional[int] = None
    d: int | None = 5
    e: Union[str, None] = Field(default=None)
    f: Union[None, int, str]
    g: Optional[Optional[bool]] = None
    h: "Optional[float]" = Field(None)


class Defaults(BaseModel):
    name: str = "anon"
    count: int = Field(3)
    ratio: float = Field(default=0.5)
    flag: bool = False
    required_explicit: str = Field(...)
    required_ellipsis: int = ...
    required_described: int = Field(description="Still required")
    tags: list[str] = Field(default_factory=list)
    mapping: dict[str, int] = Field(default_factory=dict)
    factory_lambda: list[int] = Field(default_factory=lambda: [1, 2])
    pair: tuple[int, int] = (1, 2)
    negative: int = -1
    expression: int = 60 * 60
    none_default: str | None = None


class Anything(BaseModel):
    any_value: Any
    any_default: Any = None
    obj: object
    maybe_obj: object | None = None
    list_any: list[Any] = []
    dict_any: dict[str, Any]
    union_with_any: Union[int, Any] = 0
