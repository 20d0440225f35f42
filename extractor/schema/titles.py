"""The names pydantic derives from Python: model titles (`Page[Item]`), core refs, field titles."""

from __future__ import annotations

from ..ir import (
    NONE,
    Registry,
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
)
from .types import named_alias

PRIM_DISPLAY: dict[str, str] = {
    "none": "NoneType", "uuid": "UUID", "decimal": "Decimal", "any": "Any", "email": "EmailStr",
    "url": "AnyUrl", "secret": "SecretStr", "path": "Path", "json": "Json",
}
"""How `_repr.display_as_type` spells a primitive (else its canonical name: `str`, `int`, …)."""


def title_from_name(name: str) -> str:
    """pydantic's `get_title_from_name`: `order_id` → `Order Id`, `customerEmail` → `Customeremail`."""
    return name.title().replace("_", " ").strip()


def display(t: Type, registry: Registry) -> str:  # noqa: PLR0911 (one case a variant)
    """`t` as pydantic's `display_as_type` writes it inside a generic model's name."""
    match t:
        case TPrim(name=name):
            return PRIM_DISPLAY.get(name, name)
        case TList(item=item, unique=unique):
            return f"{'set' if unique else 'list'}[{display(item, registry)}]"
        case TTuple(items=items):
            return f"tuple[{', '.join(display(i, registry) for i in items)}]"
        case TDict(key=key, value=value):
            return f"dict[{display(key, registry)}, {display(value, registry)}]"
        case TUnion(options=options):
            return f"Union[{', '.join(display(o, registry) for o in options)}]"
        case TLiteral(values=values):
            return f"Literal[{', '.join(map(repr, values))}]"
        case TModel():
            return model_title(t, registry)
        case TEnum(key=key):
            spec = registry.enums.get(key)
            return spec.name if spec else key.rpartition(".")[2]
        case TJson(inner=inner):
            return f"Json[{display(inner, registry)}]"
        case TVar(name=name):
            return name
        case TUnknown():
            return "Any"
        case _:
            assert_never(t)


def model_title(t: TModel, registry: Registry) -> str:
    """A model's title: its class name, with its type arguments (`Page[Item]`)."""
    spec = registry.models.get(t.key)
    name = spec.name if spec else t.key.rpartition(".")[2]
    if not t.args:
        return name
    return f"{name}[{', '.join(display(a, registry) for a in t.args)}]"


def core_ref(t: TModel | TEnum, registry: Registry) -> str:
    """pydantic's core ref without ids: `module.QualName`, type arguments joined by `,`."""
    module, _, name = t.key.rpartition(".")
    spec = registry.models.get(t.key) if isinstance(t, TModel) else registry.enums.get(t.key)
    qualified = f"{module}.{spec.name if spec else name}" if module else name
    if isinstance(t, TModel) and t.args:
        return f"{qualified}[{','.join(display(a, registry) for a in t.args)}]"
    return qualified


def titled(t: Type, registry: Registry) -> bool:
    """pydantic's `field_title_should_be_set`: a field named after a model or an enum (also
    Optional) has no title of its own; every other field has one."""
    options = [o for o in (t.options if isinstance(t, TUnion) else (t,)) if o != NONE]
    if isinstance(t, TUnion) and (len(options) != 1 or t.discriminator is not None):
        return True
    inner = options[0] if options else t
    if isinstance(inner, TVar) and inner.fallback is not None:
        return titled(inner.fallback, registry)
    return not ((isinstance(inner, TModel) and inner.key in registry.models)
                or (isinstance(inner, TEnum) and inner.key in registry.enums)
                or named_alias(inner) is not None)
