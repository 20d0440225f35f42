"""The typescript stage: resolved IR types → TypeScript interface blocks (`InterfaceBlock`)."""

from .collect import WireField, wire_fields
from .context import Context, SharedNames, Site
from .document import shared_names
from .fields import field_default
from .naming import to_camel, to_pascal, to_snake
from .page import PageModule, Use, build_interfaces, page_block
from .records import FieldEntry, InterfaceBlock
from .types import ts_type

__all__ = [
    "Context",
    "FieldEntry",
    "InterfaceBlock",
    "PageModule",
    "SharedNames",
    "Site",
    "Use",
    "WireField",
    "build_interfaces",
    "field_default",
    "page_block",
    "shared_names",
    "to_camel",
    "to_pascal",
    "to_snake",
    "ts_type",
    "wire_fields",
]
