"""Resolved facts shared by the resolve and typescript stages: types, models, enums (no libcst).

`ir.types` holds the type tree and every operation over it; `ir.records` the models, fields
and enums of one integration and their `Registry`.
"""

from .records import EnumSpec, FieldSpec, ModelConfig, ModelSpec, Registry
from .types import (
    NONE,
    Mode,
    Scalar,
    TDict,
    TEnum,
    TJson,
    TList,
    TLiteral,
    TModel,
    TPrim,
    TTuple,
    TUnion,
    TUnknown,
    TVar,
    Type,
    assert_never,
    children,
    is_nullable,
    models_in,
    non_null,
    substitute,
    type_vars,
    walk,
)

__all__ = [
    "NONE",
    "EnumSpec",
    "FieldSpec",
    "Mode",
    "ModelConfig",
    "ModelSpec",
    "Registry",
    "Scalar",
    "TDict",
    "TEnum",
    "TJson",
    "TList",
    "TLiteral",
    "TModel",
    "TPrim",
    "TTuple",
    "TUnion",
    "TUnknown",
    "TVar",
    "Type",
    "assert_never",
    "children",
    "is_nullable",
    "models_in",
    "non_null",
    "substitute",
    "type_vars",
    "walk",
]
