"""Corpus: models generated from a GraphQL schema (ariadne-codegen / graphql-pydantic style):
Relay connections, `__typename` discriminators, input types with camelCase aliases."""

from typing import Annotated, Generic, List, Literal, Optional, TypeVar, Union

from pydantic import BaseModel, ConfigDict, Field
from pydantic.alias_generators import to_camel

NodeT = TypeVar("NodeT")


class BaseGraphQLModel(BaseModel):
    model_config = ConfigDict(populate_by_name=True, validate_assignment=True, protected_namespaces=())


class PageInfo(BaseGraphQLModel):
    has_next_page: bool = Field(alias="hasNextPage")
    has_previous_page: bool = Field(alias="hasPreviousPage")
    start_cursor: Optional[str] = Field(default=None, alias="startCursor")
    end_cursor: Optional[str] = Field(default=None, alias="endCursor")


class Edge(BaseGraphQLModel, Generic[NodeT]):
    cursor: str
    node: NodeT


class Connection(BaseGraphQLModel, Generic[NodeT]):
    edges: List[Edge[NodeT]]
    page_info: PageInfo = Field(alias="pageInfo")
    total_count: Optional[int] = Field(default=None, alias="totalCount")


class User(BaseGraphQLModel):
    typename__: Literal["User"] = Field(alias="__typename")
    id: str
    login: str
    avatar_url: Optional[str] = Field(default=None, alias="avatarUrl")


class Bot(BaseGraphQLModel):
    typename__: Literal["Bot"] = Field(alias="__typename")
    id: str
    login: str


class Organization(BaseGraphQLModel):
    typename__: Literal["Organization"] = Field(alias="__typename")
    id: str
    name: Optional[str] = None
    members: Connection[User]


Actor = Annotated[Union[User, Bot, Organization], Field(discriminator="typename__")]


class Label(BaseGraphQLModel):
    id: str
    name: str
    color: Annotated[str, Field(pattern="^[0-9a-f]{6}$")]


class Issue(BaseGraphQLModel):
    id: str
    number: int
    title: str
    author: Optional[Actor] = None
    labels: Connection[Label]
    state: Literal["OPEN", "CLOSED"]


class IssueConnection(Connection[Issue]):
    pass


class Repository(BaseGraphQLModel):
    id: str
    name_with_owner: str = Field(alias="nameWithOwner")
    issues: IssueConnection
    owner: Actor


class CreateIssueInput(BaseModel):
    model_config = ConfigDict(alias_generator=to_camel, populate_by_name=True)
    repository_id: str
    title: Annotated[str, Field(min_length=1, max_length=256)]
    body: Optional[str] = None
    label_ids: Optional[List[str]] = None
    assignee_ids: Annotated[Optional[List[str]], Field(max_length=10)] = None
    client_mutation_id: Optional[str] = None


class CreateIssuePayload(BaseGraphQLModel):
    client_mutation_id: Optional[str] = Field(default=None, alias="clientMutationId")
    issue: Optional[Issue] = None


class GraphQLError(BaseModel):
    message: str
    path: Optional[List[Union[str, int]]] = None
    locations: Optional[List[dict]] = None
    extensions: Optional[dict] = None


class CreateIssueResponse(BaseModel):
    data: Optional[CreateIssuePayload] = None
    errors: Optional[List[GraphQLError]] = None
