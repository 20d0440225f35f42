"""Corpus: descriptions, class and attribute docstrings, deprecated, examples, defaults."""

from typing import Optional

from pydantic import BaseModel, ConfigDict, Field


class Documented(BaseModel):
    """A model with docs.

    Second paragraph with */ a comment closer.
    """

    model_config = ConfigDict(use_attribute_docstrings=True)

    name: str = Field(description="The name")
    count: int = 1
    """How many (an attribute docstring)."""
    old: Optional[str] = Field(default=None, deprecated=True)
    very_old: str = Field(default="", deprecated="Use `name`")
    sample: str = Field(default="a", examples=["a", "b"])
    multiline: str = Field(
        default="",
        description="First line.\n\nSecond paragraph.",
    )
    limits: list[int] = Field(default=[1, 2], min_length=1, max_length=5)
    mapping: dict[str, int] = {"a": 1}
    json_extra: str = Field(default="", json_schema_extra={"x-note": "ignored by TypeScript"})
    title_only: str = Field(default="", title="Custom title")


class Undocumented(BaseModel):
    plain: str
