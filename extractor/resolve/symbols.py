"""The integration's symbol table: qualified names → definitions, across its own modules."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from ..gather.facts import Assign, ClassDef, Function, ModuleFacts

Definition = Assign | ClassDef | Function | ModuleFacts
MAX_DEPTH = 32


@dataclass(frozen=True)
class Symbol:
    """A definition found for a qualified name; `rest` are attributes left after it."""

    definition: Definition
    module: ModuleFacts
    rest: tuple[str, ...] = ()

    @property
    def key(self) -> str:
        """The canonical qualified name of the definition (for classes: the registry key)."""
        name = getattr(self.definition, "name", "")
        return f"{self.module.module}.{name}" if name else self.module.module


class SymbolTable:
    """Looks qualified names up in the integration's modules, following re-exports."""

    def __init__(self, modules: list[ModuleFacts]) -> None:
        self.modules = {m.module: m for m in modules}
        self._functions = {(m.module, f.name): f for m in modules for f in m.functions}

    def lookup(self, qualname: str, depth: int = 0) -> Symbol | None:
        """The definition `qualname` names in the integration, or None when it is external."""
        if depth > MAX_DEPTH:
            return None
        if qualname in self.modules:
            return Symbol(self.modules[qualname], self.modules[qualname])
        parts = qualname.split(".")
        for cut in range(len(parts) - 1, 0, -1):
            module = self.modules.get(".".join(parts[:cut]))
            if module is not None:
                return self._in_module(module, parts[cut], tuple(parts[cut + 1 :]), depth)
        return None

    def _in_module(
        self, module: ModuleFacts, name: str, rest: tuple[str, ...], depth: int
    ) -> Symbol | None:
        local: Definition | None = (
            module.classes.get(name) or module.assigns.get(name) or self._functions.get((module.module, name))
        )
        if local is not None:
            return Symbol(local, module, rest)
        if name in module.imports:
            return self.lookup(".".join([module.imports[name], *rest]), depth + 1)
        for star in module.star_imports:
            found = self.lookup(".".join([star, name, *rest]), depth + 1)
            if found is not None:
                return found
        submodule = self.modules.get(f"{module.module}.{name}")
        if submodule is not None:
            return self.lookup(".".join([submodule.module, *rest]), depth + 1) if rest else Symbol(
                submodule, submodule
            )
        return None

    def classes(self) -> Iterator[tuple[ModuleFacts, ClassDef]]:
        """Every class of every module, in module order."""
        for module in self.modules.values():
            for cls in module.classes.values():
                yield module, cls
