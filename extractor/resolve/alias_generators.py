"""A model's `alias_generator`, read statically: pydantic's helpers, custom functions and
lambdas (through `string_eval`), `AliasGenerator(...)`; applied to fields as pydantic does."""

from __future__ import annotations

import builtins
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from ..diagnostics import Unknown
from ..gather.expressions import Call, Code, Ref, Value
from ..gather.facts import Function, ModuleFacts
from ..ir import FieldSpec
from ..ir.aliases import ALIAS_GENERATORS
from .string_eval import call
from .string_subset import Source, UnreadableError
from .symbols import SymbolTable

StrFn = Callable[[str], str]
_BUILTINS = frozenset(dir(builtins))


@dataclass(frozen=True)
class AliasGen:
    """A generator: its label, and the functions for `alias`, `validation_alias`,
    `serialization_alias` (pydantic's `AliasGenerator`; a plain callable is `alias`)."""

    label: str
    alias: StrFn | None = None
    validation: StrFn | None = None
    serialization: StrFn | None = None

    def keys(self, name: str) -> tuple[str, str]:
        """The (validation, serialization) keys of a field named `name`; `UnreadableError` when a
        function can't be interpreted for it."""
        alias = self.alias(name) if self.alias else None
        validation = self.validation(name) if self.validation else alias
        serialization = self.serialization(name) if self.serialization else alias
        return validation or name, serialization or name


class AliasGenerators:
    """Reads `alias_generator=` values of one integration."""

    def __init__(self, symbols: SymbolTable) -> None:
        self.symbols = symbols

    def read(self, raw: Value, module: ModuleFacts) -> AliasGen | str:
        """The generator `raw` denotes, or the reason it can't be read statically."""
        if isinstance(raw, Call) and isinstance(raw.func, Ref) and raw.func.last == "AliasGenerator":
            parts = {key: raw.arg(index, key) for index, key in
                     enumerate(("alias", "validation_alias", "serialization_alias"))}
            found = {key: self._function(value, module) for key, value in parts.items() if value is not None}
            reasons = [f for f in found.values() if isinstance(f, str)]
            if reasons:
                return reasons[0]
            fns: dict[str, StrFn] = {k: v for k, v in found.items() if not isinstance(v, str)}
            return AliasGen("AliasGenerator", fns.get("alias"), fns.get("validation_alias"),
                            fns.get("serialization_alias"))
        found_fn = self._function(raw, module)
        if isinstance(found_fn, str):
            return found_fn
        return AliasGen(_label(raw), found_fn)

    def _function(self, raw: Value, module: ModuleFacts) -> StrFn | str:
        if isinstance(raw, Ref) and raw.name.startswith("pydantic.alias_generators.") and raw.last in ALIAS_GENERATORS:
            return ALIAS_GENERATORS[raw.last]
        if isinstance(raw, Code):
            return self._interpreted(Source(raw.params, raw.body, True, _qualifier(module), self._source))
        if isinstance(raw, Ref):
            source = self._source(raw.name)
            if source is not None:
                return self._interpreted(source)
            return f"`{raw.name}` is not a function of the integration nor a `pydantic.alias_generators` helper"
        if isinstance(raw, Unknown):
            return raw.reason
        return "the value is not a function"

    def _source(self, qualified: str) -> Source | None:
        """A module function of the integration as evaluator source, or None."""
        symbol = self.symbols.lookup(qualified)
        if symbol is None or symbol.rest or not isinstance(symbol.definition, Function):
            return None
        function = symbol.definition
        if function.source is None:
            return None
        params = tuple(p.name for p in function.params)
        return Source(params, function.source, False, _qualifier(symbol.module), self._source)

    @staticmethod
    def _interpreted(source: Source) -> StrFn:
        return lambda name: call(source, name)


def _label(raw: Value) -> str:
    return raw.last if isinstance(raw, Ref) else "lambda"


def _qualifier(module: ModuleFacts) -> Callable[[str], str]:
    """How a name of `module` qualifies (as `gather.evaluate.Scope.qualify`)."""
    defined = {*module.assigns, *module.classes, *(f.name for f in module.functions)}

    def qualify(name: str) -> str:
        head, _, rest = name.partition(".")
        if head in module.imports:
            base = module.imports[head]
        elif head in defined or head not in _BUILTINS:
            base = f"{module.module}.{head}"
        else:
            base = f"builtins.{head}"
        return f"{base}.{rest}" if rest else base
    return qualify


def apply_generator(generator: AliasGen, fields: Iterable[FieldSpec]) -> str | None:
    """Set every field's `generated_aliases`; the reason when the generator fails on one
    (then no field gets one: the Python names are documented, with the warning)."""
    specs = list(fields)
    keys: list[tuple[str, str] | None]
    try:
        keys = [generator.keys(spec.python_name) for spec in specs]
    except UnreadableError as exc:
        keys = [None] * len(specs)
        reason: str | None = str(exc)
    else:
        reason = None
    for spec, found in zip(specs, keys, strict=True):
        spec.generated_aliases = found
    return reason
