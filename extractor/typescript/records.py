"""What the typescript stage hands on: interface blocks and their field entries, plain records.

The assembling stage turns them into the public doc model (`model.DocModel`, `model.ModelField`).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ..ir import Mode


@dataclass(frozen=True)
class FieldEntry:
    """One field of an interface as it appears on the wire (alias applied)."""

    name: str
    python_name: str
    ts_type: str
    required: bool
    nullable: bool = False
    default: Any = None
    description: str | None = None
    deprecated: bool = False
    examples: list[Any] = field(default_factory=list)
    constraints: dict[str, Any] = field(default_factory=dict)
    location: str | None = None


@dataclass(frozen=True)
class InterfaceBlock:
    """A root type turned into TypeScript: its interface (or type alias) with the nested ones,
    the root model's field entries, and an example value."""

    model: str
    interface: str
    mode: Mode
    typescript: str
    description: str | None = None
    location: str | None = None
    fields: list[FieldEntry] = field(default_factory=list)
    example: Any = None
    declarations: str = ""
    """What the page declares in this block: the alias and the interfaces no earlier block
    of the page declared (`typescript` is the complete block, for readers of one block)."""
