"""Corpus: RootModel in both spellings, as a root and as a field type."""

from typing import Optional

from pydantic import BaseModel, RootModel


class Tag(BaseModel):
    name: str


class Tags(RootModel[list[Tag]]):
    """A list of tags."""


class Scores(RootModel):
    root: dict[str, float]


class MaybeName(RootModel[Optional[str]]):
    root: Optional[str] = None


class Tagged(BaseModel):
    tags: Tags
    scores: Scores = Scores({})
    optional_tags: Optional[Tags] = None
