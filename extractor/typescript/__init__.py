"""The typescript stage: resolved IR types → TypeScript interface blocks (`InterfaceBlock`)."""

from .collect import WireField, wire_fields
from .context import Context, SharedNames, Site
from .document import shared_names
from .fields import field_default
from .interfaces import build_interfaces
from .naming import to_camel, to_pascal, to_snake
from .records import FieldEntry, InterfaceBlock
from .types import ts_type

__all__ = [
    "Context",
    "FieldEntry",
    "InterfaceBlock",
    "SharedNames",
    "Site",
    "WireField",
    "build_interfaces",
    "field_default",
    "shared_names",
    "to_camel",
    "to_pascal",
    "to_snake",
    "ts_type",
    "wire_fields",
]
