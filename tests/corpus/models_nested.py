"""Corpus: nested models, lists of models, self-reference, mutual recursion, string forward refs."""

from typing import Optional

from pydantic import BaseModel


class Address(BaseModel):
    """A postal address."""

    street: str
    city: str = "Moscow"


class Person(BaseModel):
    name: str
    address: Address
    previous: list[Address] = []
    work: Optional[Address] = None


class TreeNode(BaseModel):
    value: int
    children: list["TreeNode"] = []
    parent: Optional["TreeNode"] = None


class Author(BaseModel):
    name: str
    books: list["Book"] = []


class Book(BaseModel):
    title: str
    author: Optional[Author] = None
    sequel: "Book | None" = None


class Directory(BaseModel):
    by_name: dict[str, Person]
    pairs: list[tuple[Person, Address]]
    grid: list[list[Address]]
    roots: "list[TreeNode]" = []
