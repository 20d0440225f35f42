"""Corpus: unions of models and scalars, discriminated unions in every spelling."""

from typing import Annotated, Literal, Optional, Union

from pydantic import BaseModel, Discriminator, Field, Tag


class Cat(BaseModel):
    kind: Literal["cat"] = "cat"
    lives: int = 9


class Dog(BaseModel):
    kind: Literal["dog"]
    good: bool = True


class Fish(BaseModel):
    kind: Literal["fish", "shark"]
    fins: int


Pet = Annotated[Union[Cat, Dog, Fish], Field(discriminator="kind")]


class Shelter(BaseModel):
    pet: Union[Cat, Dog] = Field(discriminator="kind")
    pets: list[Pet] = []
    annotated: Annotated[Union[Cat, Dog], Field(discriminator="kind")]
    optional_pet: Optional[Pet] = None
    by_name: dict[str, Pet] = {}


class Mixed(BaseModel):
    value: Union[int, str, None]
    model_or_scalar: Union[Cat, str]
    models: list[Cat | Dog]
    pipe_optional: Cat | Dog | None = None
    nested_union: Union[int, Union[str, bool]] = 0


def _pet_tag(value: object) -> str:
    return "cat" if isinstance(value, dict) and "lives" in value else "dog"


class CallableDiscriminator(BaseModel):
    pet: Annotated[
        Union[Annotated[Cat, Tag("cat")], Annotated[Dog, Tag("dog")]],
        Discriminator(_pet_tag),
    ]
