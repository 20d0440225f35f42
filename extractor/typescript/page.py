"""One page, one TypeScript module: every model of a document named once and declared once.

A page shows several roots (requests, responses, event payloads). All their declaration
blocks pasted together must compile as one module, so each model gets one name for the
whole page and its interface is written in the first block (in page order) that reaches it;
later blocks name it only. A root that is a model used nowhere else takes the root's own
name (`ICreateDealRequest`); a model used more than once keeps its own name (`IDeal`) and
the root becomes an alias (`type IGetDealResponse = IDeal;`); so does a non-model root
(`type IFindContactResponse = IContact | null;`).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from ..diagnostics import Diagnostic
from ..ir import Mode, Registry, TModel, TUnion, TUnknown, Type, is_nullable
from .collect import ambiguous_keys, reachable_models
from .context import MODE_SUFFIX, Context, SharedNames, Site
from .document import MODES, shared_from_reached
from .fields import clean_text, described_models, merged_fields
from .interfaces import interface_block
from .labels import python_label, type_label
from .records import FieldEntry, InterfaceBlock
from .sample_values import example_value
from .types import ts_type

PageKey = tuple[TModel, str]
"""A model as the page declares it: the model and its mode suffix (`""`, `Input`, `Output`)."""


@dataclass(frozen=True)
class Use:
    """One root the page shows: its type, its mode and the name the page gives it."""

    root: Type
    mode: Mode
    interface: str


@dataclass(frozen=True)
class PageBlock:
    """What one use contributes: the complete block, and what the page declares there first."""

    typescript: str
    declarations: str
    root_entries: list[FieldEntry]


class PageModule:
    """The TypeScript of one page: names, interface texts (each built once), blocks in order."""

    def __init__(self, uses: Sequence[Use], registry: Registry, shared: SharedNames | None = None) -> None:
        self.uses = unique_interfaces(uses)
        self.registry = registry
        self.reached = [reachable_models(u.root, registry, u.mode) for u in self.uses]
        self.shared = shared or shared_from_reached(
            ((u.mode, reached) for u, reached in zip(self.uses, self.reached, strict=True)), registry)
        names = _page_names(self, registry)
        self.contexts = {mode: Context(registry=registry, mode=mode,
                                       names={m: names[self.key(m, mode)] for m in _models(self, mode)})
                         for mode in MODES}
        self._texts: dict[tuple[Mode, TModel], tuple[str, list[FieldEntry]]] = {}
        self._examples: dict[tuple[Mode, Type], Any] = {}
        self._declared: set[str] = set()
        self.blocks = [self._block(i) for i in range(len(self.uses))]

    def key(self, model: TModel, mode: Mode) -> PageKey:
        """The page key of a model shown in `mode`."""
        return model, MODE_SUFFIX[mode] if model in self.shared.split else ""

    @property
    def warnings(self) -> list[Diagnostic]:
        """The warnings met while building the page's types, each once."""
        return list(dict.fromkeys(w for mode in MODES for w in self.contexts[mode].warnings))

    def text(self, model: TModel, mode: Mode) -> tuple[str, list[FieldEntry]]:
        """The interface text of a model in `mode` and its field entries, built once."""
        found = self._texts.get((mode, model))
        if found is None:
            found = self._texts[(mode, model)] = interface_block(model, self.contexts[mode])
        return found

    def example(self, use: Use) -> Any:
        """A JSON example of a use's root, built once per root and mode."""
        key = (use.mode, use.root)
        if key not in self._examples:
            self._examples[key] = example_value(use.root, self.contexts[use.mode])
        return self._examples[key]

    def _block(self, index: int) -> PageBlock:
        use, ctx = self.uses[index], self.contexts[self.uses[index].mode]
        parts: list[tuple[str, str]] = []
        if not (isinstance(use.root, TModel) and ctx.names.get(use.root) == use.interface):
            site = Site(_location(use.root, self.registry), use.interface)
            parts.append((use.interface, f"type {use.interface} = {ts_type(use.root, ctx, site)};\n"))
        entries_of: dict[TModel, list[FieldEntry]] = {}
        for model in self.reached[index]:
            text, entries_of[model] = self.text(model, use.mode)
            parts.append((ctx.names[model], text))
        described = described_models(use.root, self.registry, use.mode)
        entries = merged_fields([entries_of[m] for m in described if m in entries_of])
        new = [text for name, text in parts if name not in self._declared]
        self._declared.update(name for name, _ in parts)
        return PageBlock("\n".join(text for _, text in parts), "\n".join(new), entries)


def unique_interfaces(uses: Sequence[Use]) -> list[Use]:
    """The uses with one name each: a name two roots would share (`send x` and `send_x` are
    both `ISendXRequest`) gets a number after the first (`ISendXRequest2`)."""
    taken: set[str] = set()
    unique: list[Use] = []
    for use in uses:
        name, n = use.interface, 2
        while name in taken:
            name, n = f"{use.interface}{n}", n + 1
        taken.add(name)
        unique.append(Use(use.root, use.mode, name))
    return unique


def root_model(root: Type) -> TModel | None:
    """The model a root shows: the root itself, or the one model of `Model | None`."""
    if isinstance(root, TModel):
        return root
    if isinstance(root, TUnion):
        models = [o for o in root.options if not is_nullable(o)]
        if len(models) == 1 and isinstance(models[0], TModel):
            return models[0]
    return None


def _models(page: PageModule, mode: Mode) -> list[TModel]:
    found = [m for use, reached in zip(page.uses, page.reached, strict=True) if use.mode == mode for m in reached]
    return list(dict.fromkeys(found))


def _page_names(page: PageModule, registry: Registry) -> dict[PageKey, str]:
    """A name per page key: a root's own name when it is used by that root alone, else
    `I` + model name (module-qualified when two keys share a class name, the mode suffix
    when split, a number when still taken)."""
    seen = Counter(k for use, reached in zip(page.uses, page.reached, strict=True)
                   for k in {page.key(m, use.mode) for m in reached})
    names: dict[PageKey, str] = {}
    for use in page.uses:
        if isinstance(use.root, TModel) and use.root.key in registry.models:
            key = page.key(use.root, use.mode)
            if seen[key] == 1:
                names[key] = use.interface
    every = list(dict.fromkeys(m for reached in page.reached for m in reached))
    ambiguous = ambiguous_keys(every, registry) | page.shared.qualified
    interfaces = {use.interface: page.key(use.root, use.mode) if isinstance(use.root, TModel) else None
                  for use in page.uses}
    taken = set(names.values())
    ordered = list(dict.fromkeys(page.key(m, use.mode) for use, reached in zip(page.uses, page.reached, strict=True)
                                 for m in reached))
    for key in ordered:
        if key in names:
            continue
        model, suffix = key
        name = "I" + type_label(model, registry, ambiguous) + suffix
        if _clashes(name, key, taken, interfaces):
            name = "I" + type_label(model, registry, qualified=True) + suffix
        base, n = name, 2
        while _clashes(name, key, taken, interfaces):
            name, n = f"{base}{n}", n + 1
        taken.add(name)
        names[key] = name
    return names


def _clashes(name: str, key: PageKey, taken: set[str], interfaces: dict[str, PageKey | None]) -> bool:
    """Taken by another model, or by a root's name that is not this model's own."""
    return name in taken or (name in interfaces and interfaces[name] != key)


def _location(root: Type, registry: Registry) -> str:
    match root:
        case TModel(key=key) if key in registry.models:
            return registry.models[key].location
        case TUnknown(location=location):
            return location
    return ""


def page_block(page: PageModule, index: int) -> InterfaceBlock:
    """The `InterfaceBlock` of the page's `index`-th use: names, texts, example and entries."""
    use, block = page.uses[index], page.blocks[index]
    shown = root_model(use.root)
    spec = page.registry.models.get(shown.key) if shown is not None else None
    return InterfaceBlock(
        model=python_label(shown if spec is not None and shown is not None else use.root, page.registry),
        interface=use.interface,
        description=clean_text(spec.docstring) if spec else None,
        location=spec.location if spec else None,
        mode=use.mode,
        fields=block.root_entries,
        typescript=block.typescript,
        declarations=block.declarations,
        example=page.example(use),
    )


def build_interfaces(
    root: Type, registry: Registry, *, interface: str, mode: Mode, shared: SharedNames | None = None
) -> tuple[InterfaceBlock, list[Diagnostic]]:
    """Turn one resolved type into its `InterfaceBlock` and the warnings met on the way: a page
    of one use. A model root becomes `interface <interface> {…}`; any other root becomes
    `type <interface> = …;`. Every model reachable through the fields shown in `mode` gets its
    own interface after it (`I` + model name), each once, in first-reference order.
    `shared` carries the naming of a whole document (`typescript.document.shared_names`)."""
    page = PageModule([Use(root, mode, interface)], registry, shared)
    return page_block(page, 0), page.warnings
