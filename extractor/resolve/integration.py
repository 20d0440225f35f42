"""The integration object: `Integration(...)` (or a class deriving from it) and its arguments."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from ..conventions import Conventions
from ..diagnostics import Diagnostic, Unknown
from ..gather.expressions import Call, Ref
from ..gather.facts import Assign, ModuleFacts
from .classes import ClassInfo, Hierarchy
from .constants import Resolver, to_json
from .records import CredentialRecord, SecretRecord

FIELDS = ("name", "description", "version", "credentials", "secrets", "default_args")


@dataclass
class IntegrationObject:
    """Where the integration is declared and the keyword values it was given."""

    module: ModuleFacts
    location: str
    values: dict[str, Any] = field(default_factory=dict)
    cls: ClassInfo | None = None


class IntegrationFinder:
    """Finds the integration declaration and reads credentials, secrets and default args."""

    def __init__(self, hierarchy: Hierarchy, resolver: Resolver, options: Conventions) -> None:
        self.hierarchy = hierarchy
        self.resolver = resolver
        self.options = options
        self.warnings: list[Diagnostic] = []

    def find(self) -> list[IntegrationObject]:
        """Every integration declaration: `x = Integration(...)` or `class X(Integration)`."""
        calls: list[IntegrationObject] = []
        classes: list[IntegrationObject] = []
        for module in self.hierarchy.symbols.modules.values():
            for assign in module.assigns.values():
                if isinstance(assign.value, Call) and self.is_integration_call(assign.value):
                    calls.append(self._from_call(module, assign, assign.value))
            for cls in module.classes.values():
                info = ClassInfo(cls, module)
                if self.is_integration_class(info):
                    classes.append(self._from_class(info))
        instantiated = {obj.cls.key for obj in calls if obj.cls is not None}
        return calls + [obj for obj in classes if obj.cls is not None and obj.cls.key not in instantiated]

    def is_integration_call(self, call: Call) -> bool:
        """`Integration(...)`, `sdk.Integration(...)` or an instance of an integration subclass."""
        if not isinstance(call.func, Ref):
            return False
        if call.func.last in self.options.integration_classes:
            return self.hierarchy.resolve_class(call.func) is None
        info = self.hierarchy.resolve_class(call.func)
        return info is not None and self.is_integration_class(info)

    def is_integration_class(self, info: ClassInfo) -> bool:
        """A class of the integration deriving from the SDK's `Integration`."""
        return self.hierarchy.derives_from(info, self.options.integration_classes)

    def _from_call(self, module: ModuleFacts, assign: Assign, call: Call) -> IntegrationObject:
        obj = IntegrationObject(module, assign.location)
        info = self.hierarchy.resolve_class(call.func) if isinstance(call.func, Ref) else None
        if info is not None:
            obj.cls = info
            obj.values.update(self._class_values(info))
        for index, key in enumerate(FIELDS[:1]):
            if index < len(call.args):
                obj.values[key] = self.resolver.evaluate(call.args[index])
        for key, value in call.kwargs:
            if key == "**":
                self.warnings.append(Diagnostic(assign.location, "`**` arguments of the integration are not "
                                                "statically known; what they set is not documented"))
                continue
            obj.values[key] = self.resolver.evaluate(value)
        return obj

    def _from_class(self, info: ClassInfo) -> IntegrationObject:
        obj = IntegrationObject(info.module, info.cls.location, cls=info)
        obj.values.update(self._class_values(info))
        return obj

    def _class_values(self, info: ClassInfo) -> dict[str, Any]:
        values: dict[str, Any] = {}
        for item in reversed(self.hierarchy.mro(info)):
            for assign in item.cls.attrs:
                if assign.name in FIELDS:
                    values[assign.name] = self.resolver.evaluate(assign.value)
        return values

    def credentials(self, obj: IntegrationObject) -> list[CredentialRecord]:
        """`Credential(key, description, where=…)` entries, positional or keyword."""
        rows = self._entries(obj, "credentials", self.options.credential_classes, ("key", "description", "where"))
        return [CredentialRecord(*row) for row in rows]

    def secrets(self, obj: IntegrationObject) -> list[SecretRecord]:
        """`Secret(key, description, format=…)` entries, positional or keyword."""
        rows = self._entries(obj, "secrets", self.options.secret_classes, ("key", "description", "format"))
        return [SecretRecord(*row) for row in rows]

    def _entries(
        self, obj: IntegrationObject, key: str, classes: tuple[str, ...], names: tuple[str, str, str]
    ) -> list[tuple[str, str, str | None, str]]:
        value = obj.values.get(key)
        if value is None:
            return []
        if not isinstance(value, list):
            self.warnings.append(Diagnostic(obj.location, f"`{key}` is not a static list: {_reason(value)}"))
            return []
        rows = []
        for item in value:
            row = self._entry(item, classes, names, obj.location)
            if row is not None:
                rows.append(row)
        return rows

    def _entry(
        self, item: Any, classes: tuple[str, ...], names: tuple[str, str, str], where: str
    ) -> tuple[str, str, str | None, str] | None:
        if isinstance(item, Call):
            parts = [item.arg(i, n) for i, n in enumerate(names)]
            where = item.location
        elif isinstance(item, dict):
            parts = [item.get(n) for n in names]
        else:
            self.warnings.append(Diagnostic(where, f"entry is not statically known: {_reason(item)}"))
            return None
        key, description, extra = parts
        if not isinstance(key, str):
            self.warnings.append(Diagnostic(where, f"key is not statically known: {_reason(key)}"))
            return None
        if description is not None and not isinstance(description, str):
            self.warnings.append(Diagnostic(where, f"description of `{key}` is not statically known"))
        if extra is not None and not isinstance(extra, str):
            self.warnings.append(Diagnostic(where, f"`{names[2]}` of `{key}` is not statically known"))
        text = description if isinstance(description, str) else ""
        return key, text, extra if isinstance(extra, str) else None, where

    def default_args(self, obj: IntegrationObject) -> dict[str, Any]:
        """The integration's `default_args` as JSON; what isn't static is left out with a warning."""
        value = obj.values.get("default_args")
        if value is None:
            return {}
        data = to_json(value) if isinstance(value, dict) else value
        if not isinstance(data, dict):
            self.warnings.append(Diagnostic(obj.location, f"`default_args` is not static: {_reason(value)}"))
            data = _static_items(value) if isinstance(value, dict) else {}
        return self.resolver.secrets.named(data)  # type: ignore[no-any-return]


def _static_items(value: dict[Any, Any]) -> dict[str, Any]:
    return {str(k): v for k, v in ((k, to_json(v)) for k, v in value.items()) if not isinstance(v, Unknown)}


def _reason(value: Any) -> str:
    return value.reason if isinstance(value, Unknown) else f"{type(value).__name__} value"



def integration_docstring(declaration: IntegrationObject | None, modules: Iterable[ModuleFacts]) -> str | None:
    """What describes the integration: the docstring of the declaring module, else of the
    declaring class, else of the top-most module that has one."""
    if declaration is not None and declaration.module.docstring:
        return declaration.module.docstring
    if declaration is not None and declaration.cls is not None and declaration.cls.cls.docstring:
        return declaration.cls.cls.docstring
    roots = sorted(modules, key=lambda m: m.module.count("."))
    return next((m.docstring for m in roots if m.docstring), None)
