"""The typescript stage: resolved IR types → TypeScript interface blocks and `DocModel`s."""

from extractor.typescript.context import SharedNames
from extractor.typescript.document import shared_names
from extractor.typescript.interfaces import build_doc_model
from extractor.typescript.naming import to_camel, to_pascal, to_snake

__all__ = ["SharedNames", "build_doc_model", "shared_names", "to_camel", "to_pascal", "to_snake"]
