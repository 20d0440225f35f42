"""Facts gathered from one module: plain data with locations, names qualified through imports."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..diagnostics import Diagnostic
from .expressions import Call, Value


@dataclass
class Assign:
    """A module-level (or class-level) assignment `name[: annotation] = value`."""

    name: str
    value: Value | None
    location: str
    annotation: Value | None = None
    comment: str | None = None
    docstring: str | None = None
    has_value: bool = True
    annotated: bool = False
    """True for `x: T [= v]`, even when T is `None` (whose value is the literal None)."""


@dataclass
class Param:
    """A function parameter."""

    name: str
    annotation: Value | None = None
    default: Value | None = None
    has_default: bool = False
    """True when a default is written (`default` alone can't tell `= None` from no default)."""


@dataclass
class Function:
    """A function or method with its decorators, signature and docstring."""

    name: str
    location: str
    decorators: tuple[Value, ...] = ()
    params: tuple[Param, ...] = ()
    returns: Value | None = None
    docstring: str | None = None
    owner: str | None = None
    body: list[Assign | Call] = field(default_factory=list, compare=False)
    """The top-level simple statements of the body that are assignments or calls, and the
    name a `return NAME` gives back as `Assign("return", Ref(NAME))` (application factories)."""
    source: str | None = None
    """The source of a short module-level function's body (alias generators are read from
    it by the resolver's restricted evaluator); None for methods and long functions."""


@dataclass
class ClassDef:
    """A class with its bases, body assignments, methods and inner classes."""

    name: str
    location: str
    bases: tuple[Value, ...] = ()
    keywords: tuple[tuple[str, Value], ...] = ()
    docstring: str | None = None
    attrs: list[Assign] = field(default_factory=list)
    methods: list[Function] = field(default_factory=list)
    inner: dict[str, ClassDef] = field(default_factory=dict)
    decorators: tuple[Value, ...] = field(default=(), compare=False)
    """`@dataclass`, `@dataclass(frozen=True)`… as written."""

    def attr(self, name: str) -> Assign | None:
        """The class-level assignment of `name`, or None."""
        for assign in self.attrs:
            if assign.name == name:
                return assign
        return None


@dataclass
class EnvRead:
    """One read of an environment variable: `os.environ[...]`, `.get(...)`, `os.getenv(...)`."""

    name: Value
    required: bool
    location: str
    default: Value | None = None
    has_default: bool = False
    comment: str | None = None


@dataclass
class ModuleFacts:
    """Everything gathered from one module of an integration."""

    module: str
    rel: str
    is_package: bool
    docstring: str | None = None
    imports: dict[str, str] = field(default_factory=dict)
    star_imports: list[str] = field(default_factory=list)
    assigns: dict[str, Assign] = field(default_factory=dict)
    classes: dict[str, ClassDef] = field(default_factory=dict)
    functions: list[Function] = field(default_factory=list)
    env_reads: list[EnvRead] = field(default_factory=list)
    calls: list[Call] = field(default_factory=list)
    """Module-level expression statements that are calls, in source order."""
    warnings: list[Diagnostic] = field(default_factory=list)
