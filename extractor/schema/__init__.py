"""The schema stage: IR types and models → JSON Schema, as pydantic's `model_json_schema(mode=...)`."""

from .document import json_schema
from .generate import COMPONENTS_TEMPLATE, DEFS_TEMPLATE, Definitions, Generator
from .names import MODE_TITLE, normalize_name
from .titles import title_from_name

__all__ = [
    "COMPONENTS_TEMPLATE",
    "DEFS_TEMPLATE",
    "MODE_TITLE",
    "Definitions",
    "Generator",
    "json_schema",
    "normalize_name",
    "title_from_name",
]
