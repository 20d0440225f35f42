"""Corpus: TypedDicts nested in models, as SDKs write request params (PEP 655 / PEP 728)."""

from typing import Any, Dict, List, Literal, Optional, Union

from pydantic import BaseModel, ConfigDict, Field
from pydantic.alias_generators import to_camel, to_pascal
from typing_extensions import NotRequired, Required, TypedDict


class ImageURL(TypedDict, total=False):
    url: Required[str]
    detail: Literal["auto", "low", "high"]


class TextPart(TypedDict):
    type: Literal["text"]
    text: str


class ImagePart(TypedDict):
    type: Literal["image_url"]
    image_url: ImageURL


class FunctionSpec(TypedDict):
    name: str
    description: NotRequired[str]
    parameters: NotRequired[Dict[str, Any]]
    strict: NotRequired[Optional[bool]]


class ToolSpec(TypedDict):
    type: Literal["function"]
    function: FunctionSpec


class ResponseFormat(TypedDict, total=False):
    type: Required[Literal["text", "json_object", "json_schema"]]
    json_schema: Dict[str, Any]


class ChatParams(BaseModel):
    model: str
    messages: List[Union[TextPart, ImagePart]]
    tools: Optional[List[ToolSpec]] = None
    response_format: Optional[ResponseFormat] = None


class PageInfo(TypedDict):
    has_next_page: bool
    end_cursor: NotRequired[Optional[str]]


class Extras(TypedDict, extra_items=Any):
    request_id: str
    retry_after_ms: NotRequired[int]


class Labels(TypedDict, extra_items=str):
    owner_team: str


class Strict(TypedDict, closed=True):
    api_version: str


class CamelPage(BaseModel):
    """A page of results: its TypedDicts take the model's camelCase keys."""

    model_config = ConfigDict(alias_generator=to_camel, populate_by_name=True)
    page_info: PageInfo
    extras: Extras
    labels: Optional[Labels] = None
    strict_part: Optional[Strict] = None
    total_count: int


class Coordinates(TypedDict):
    lat_deg: float
    lon_deg: float


class GeoPoint(TypedDict):
    point_name: str
    coordinates: Coordinates


class PascalFeature(BaseModel):
    model_config = ConfigDict(alias_generator=to_pascal)
    feature_id: str
    geo_point: GeoPoint
    alternatives: List[GeoPoint] = []


class OpenMeta(BaseModel):
    model_config = ConfigDict(extra="allow")
    coordinates: Coordinates


class ForbidMeta(BaseModel):
    model_config = ConfigDict(extra="forbid", alias_generator=to_camel)
    point: GeoPoint


class Usage(TypedDict, total=False):
    prompt_tokens: int
    completion_tokens: int
    total_tokens: Required[int]


class CompletionChunk(BaseModel):
    id: str
    usage: Usage
    usages: Dict[str, Usage] = Field(default_factory=dict)


class BaseEvent(TypedDict):
    event_id: str


class ClickEvent(BaseEvent, total=False):
    element: str
    x_pos: Required[int]


class EventBatch(BaseModel):
    model_config = ConfigDict(alias_generator=to_camel)
    events: List[ClickEvent]
    sent_at: Optional[str] = None
