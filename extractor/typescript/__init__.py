"""The typescript stage: resolved IR types → TypeScript interface blocks and `DocModel`s."""

from extractor.typescript.interfaces import build_doc_model
from extractor.typescript.naming import to_camel, to_pascal, to_snake

__all__ = ["build_doc_model", "to_camel", "to_pascal", "to_snake"]
