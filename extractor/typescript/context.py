"""What the typescript stage carries while it builds one block: registry, mode, names, warnings."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..diagnostics import Diagnostic
from ..ir import Mode, Registry, TModel


@dataclass(frozen=True)
class Site:
    """Where a type is used: `file:line` and a label such as `Model.field`, for warnings."""

    location: str
    label: str


@dataclass(frozen=True)
class SharedNames:
    """Naming decided for a whole document (see `typescript.document.shared_names`)."""

    split: frozenset[TModel] = frozenset()
    """Models shown in both modes with two shapes: `IAmountInput` / `IAmountOutput`."""
    qualified: frozenset[str] = frozenset()
    """Keys whose class name another key of the document shares: module-qualified names."""


MODE_SUFFIX: dict[Mode, str] = {"validation": "Input", "serialization": "Output"}
"""pydantic's own suffixes for a definition whose two modes differ (`Amount-Input`)."""


@dataclass
class Context:
    """The state of one `build_interfaces` call."""

    registry: Registry
    mode: Mode
    names: dict[TModel, str] = field(default_factory=dict)
    warnings: list[Diagnostic] = field(default_factory=list)

    def warn(self, location: str, message: str) -> None:
        """Record a warning once (the same type may be rendered several times)."""
        warning = Diagnostic(location, message)
        if warning not in self.warnings:
            self.warnings.append(warning)
