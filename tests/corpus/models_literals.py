"""Corpus: Literal values of every kind, Enum / IntEnum / StrEnum, enum-keyed dicts."""

from enum import Enum, IntEnum, StrEnum, auto
from typing import Literal, Optional

from pydantic import BaseModel


class Color(str, Enum):
    RED = "red"
    GREEN = "green"


class Level(IntEnum):
    LOW = 1
    HIGH = 2


class Speed(StrEnum):
    FAST = auto()
    SLOW = auto()


class Mixed(Enum):
    ONE = 1
    TWO = "two"


class Literals(BaseModel):
    lit_str: Literal["a", "b"]
    lit_int: Literal[1, 2, 3]
    lit_bool: Literal[True]
    lit_none: Literal[None]
    lit_mixed: Literal["x", 1, False, None] = "x"
    lit_enum: Literal[Color.RED]
    lit_enum_int: Literal[Level.HIGH, Level.LOW]
    lit_negative: Literal[-1, 0] = 0
    nested_lit: Optional[Literal["on", "off"]] = None
    lit_union: Literal["a"] | Literal["b", "c"]
    lit_quote: Literal['say "hi"', "ё"] = "ё"


class Enums(BaseModel):
    color: Color
    level: Level = Level.LOW
    speed: Speed
    mixed: Mixed
    colors: list[Color] = []
    optional_color: Optional[Color] = None
    by_color: dict[Color, int] = {}
    by_level: dict[Level, str] = {}
    by_literal: dict[Literal["x", "y"], bool] = {}
    speed_default: Speed = Speed.FAST
