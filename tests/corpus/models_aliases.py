"""Corpus: alias, validation_alias, serialization_alias, alias generators, AliasChoices/AliasPath."""

from pydantic import AliasChoices, AliasPath, BaseModel, ConfigDict, Field
from pydantic.alias_generators import to_camel, to_pascal, to_snake


class Explicit(BaseModel):
    order_id: str = Field(alias="orderId")
    amount: int = Field(validation_alias="amountIn")
    currency: str = Field(serialization_alias="currencyOut")
    both: str = Field(validation_alias="bothIn", serialization_alias="bothOut")
    alias_and_out: str = Field(alias="aliasA", serialization_alias="aliasOut")
    plain: str = ""


class NotIdentifiers(BaseModel):
    order_id: str = Field(alias="order-id")
    first: int = Field(alias="1st")
    spaced: str = Field(alias="with space", default="")
    dollar: str = Field(alias="$ref", default="")
    cyrillic: str = Field(alias="имя", default="")
    quote: str = Field(alias='say "hi"', default="")


class Camel(BaseModel):
    model_config = ConfigDict(alias_generator=to_camel, populate_by_name=True)

    first_name: str
    last_name_2: str = ""
    http_response_code: int = 200
    explicit_wins: str = Field(alias="EXPLICIT", default="")


class Pascal(BaseModel):
    model_config = ConfigDict(alias_generator=to_pascal)

    first_name: str
    user_id: int = 0


class Snake(BaseModel):
    model_config = ConfigDict(alias_generator=to_snake, populate_by_name=True)

    firstName: str
    HTTPCode: int = 0


class Choices(BaseModel):
    name: str = Field(validation_alias=AliasChoices("fullName", "name"))
    city: str = Field(validation_alias=AliasPath("address", "city"), default="")
    path_first: str = Field(validation_alias=AliasChoices(AliasPath("a", 0), "pathFirst"))
    code: str = Field(validation_alias=AliasChoices("codeIn", "code"), serialization_alias="codeOut")


class PopulateByName(BaseModel):
    model_config = ConfigDict(populate_by_name=True)

    user_name: str = Field(alias="userName")
    user_age: int = Field(alias="userAge", default=0)
