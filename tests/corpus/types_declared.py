"""Corpus: types declared by a call or a tuple class, as SDKs and generators write them:
`TypeAliasType` (plain, generic with `type_params`, recursive, `Annotated`), `NamedTuple`
(class and call), classes nested in a class body, pydantic's and the stdlib's own types."""

from __future__ import annotations

import ipaddress
from collections import namedtuple
from datetime import datetime
from typing import Annotated, Any, Dict, Generic, List, Literal, NamedTuple, Optional, Union

from pydantic import (
    AnyHttpUrl,
    BaseModel,
    ByteSize,
    Field,
    FtpUrl,
    IPvAnyNetwork,
    JsonValue,
    MongoDsn,
    NonNegativeInt,
    PositiveFloat,
    SecretStr,
    StrictBool,
    model_serializer,
)
from pydantic.json_schema import JsonSchemaValue
from pydantic.networks import IPvAnyAddress
from pydantic.types import UUID4, Base64Str, PastDatetime
from typing_extensions import TypeAliasType, TypeVar

T = TypeVar("T")
K = TypeVar("K", bound=str)
N = TypeVar("N", int, float)
D = TypeVar("D", default=str)

ResourceId = TypeAliasType("ResourceId", str)
PositiveCount = TypeAliasType("PositiveCount", Annotated[int, Field(gt=0, le=1000)])
Pair = TypeAliasType("Pair", tuple[T, T], type_params=(T,))
Listing = TypeAliasType("Listing", List[T], type_params=(T,))
JsonTree = TypeAliasType("JsonTree", "Union[Dict[str, JsonTree], List[JsonTree], str, int, bool, None]")
Metadata = TypeAliasType("Metadata", Dict[str, Union[str, int, None]])


class Point(NamedTuple):
    """A point on the map."""

    lat: float
    lon: float


class Span(NamedTuple):
    start: int
    end: Optional[int] = None
    label: str = ""


Version = NamedTuple("Version", [("major", int), ("minor", int), ("patch", int)])
Size = namedtuple("Size", ["width", "height"])


class Shape(BaseModel):
    id: ResourceId
    count: PositiveCount
    corners: Pair[Point]
    ids: Listing[ResourceId] = []
    tree: JsonTree = None
    metadata: Optional[Metadata] = None
    span: Optional[Span] = None
    version: Version
    size: Optional[Size] = None


class Message(BaseModel):
    """A chat message with its tool calls, classes nested as SDKs nest them."""

    class ToolCall(BaseModel):
        class Function(BaseModel):
            name: str
            arguments: str

        id: str
        type: Literal["function"] = "function"
        function: Function

    class Usage(BaseModel):
        input_tokens: int
        output_tokens: int

    role: Literal["user", "assistant", "tool"]
    content: Optional[str] = None
    tool_calls: List[ToolCall] = []
    usage: Optional[Usage] = None


class Conversation(BaseModel):
    messages: List[Message]
    last_call: Optional[Message.ToolCall] = None
    function: Optional[Message.ToolCall.Function] = None


class Box(BaseModel, Generic[T, K, N, D]):
    item: T
    key: K
    number: N
    label: D


class Unparametrised(BaseModel):
    box: Box
    boxes: List[Box] = []


class PydanticTypes(BaseModel):
    payload: JsonValue
    schema_: JsonSchemaValue = Field(alias="schema")
    homepage: AnyHttpUrl
    mirror: Optional[FtpUrl] = None
    database: MongoDsn
    address: IPvAnyAddress
    network: IPvAnyNetwork
    host: ipaddress.IPv4Address
    token: SecretStr
    size: ByteSize
    uuid: UUID4
    encoded: Base64Str
    seen: PastDatetime
    retries: NonNegativeInt = 3
    ratio: PositiveFloat = 1.0
    strict: StrictBool = False


class AuditEntry(BaseModel):
    at: datetime
    actor: str
    changes: Dict[str, Any]

    @model_serializer(mode="wrap")
    def _serialize(self, handler):
        data = handler(self)
        data["at"] = self.at.isoformat()
        return data


class PlainSerialized(BaseModel):
    name: str
    tags: List[str] = []

    @model_serializer
    def _serialize(self):
        return {"name": self.name, "tags": self.tags}


class JsonOnly(BaseModel):
    value: int

    @model_serializer(mode="wrap", when_used="json")
    def _serialize(self, handler):
        return handler(self)


class AuditLog(BaseModel):
    entries: List[AuditEntry]
    plain: Optional[PlainSerialized] = None
    json_only: List[JsonOnly] = []
