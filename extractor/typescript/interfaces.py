"""The interface block of a root type (`InterfaceBlock`): the stage's entry point."""

from __future__ import annotations

from ..diagnostics import Diagnostic
from ..ir import Mode, Registry, TModel, TUnknown, Type
from .collect import interface_names, is_alias, reachable_models, wire_fields
from .context import Context, SharedNames, Site
from .fields import clean_text, described_models, field_entry, field_lines, index_signature, jsdoc, merged_fields
from .labels import python_label
from .records import FieldEntry, InterfaceBlock
from .sample_values import example_value
from .types import ts_type


def build_interfaces(
    root: Type, registry: Registry, *, interface: str, mode: Mode, shared: SharedNames | None = None
) -> tuple[InterfaceBlock, list[Diagnostic]]:
    """Turn a resolved type into its `InterfaceBlock` and the warnings met on the way.

    A model root becomes `interface <interface> {…}`; any other root becomes
    `type <interface> = …;`. Every model reachable through the fields shown in `mode` gets its
    own interface after it (`I` + model name), each once, in first-reference order.
    `shared` carries the naming of the whole document (`typescript.document.shared_names`).
    """
    ctx = Context(registry=registry, mode=mode)
    models = reachable_models(root, registry, mode)
    ctx.names = interface_names(models, registry, interface, root, mode=mode, shared=shared)
    blocks: list[str] = []
    entries_of: dict[TModel, list[FieldEntry]] = {}
    if root not in ctx.names:
        site = Site(_root_location(root, registry), interface)
        blocks.append(f"type {interface} = {ts_type(root, ctx, site)};\n")
    for model in models:
        text, entries_of[model] = interface_block(model, ctx)
        blocks.append(text)
    fields = merged_fields([entries_of[m] for m in described_models(root, registry, mode) if m in entries_of])
    spec = registry.models.get(root.key) if isinstance(root, TModel) else None
    block = InterfaceBlock(
        model=python_label(root, registry),
        interface=interface,
        description=clean_text(spec.docstring) if spec else None,
        location=spec.location if spec else None,
        mode=mode,
        fields=fields,
        typescript="\n".join(blocks),
        example=example_value(root, ctx),
    )
    return block, ctx.warnings


def interface_block(model: TModel, ctx: Context) -> tuple[str, list[FieldEntry]]:
    """`interface IName { … }` for one model instance, and its fields' doc entries; a
    `RootModel` is `type IName = <its root type>;` (the value is the root, not an object)."""
    spec = ctx.registry.models[model.key]
    lines = jsdoc((clean_text(spec.docstring) or "").splitlines(), "")
    fields = wire_fields(model, ctx.registry, ctx.mode)
    entries = [field_entry(field, ctx, spec.name) for field in fields]
    if is_alias(spec, ctx.mode):
        root_type = entries[0].ts_type if entries else "unknown"
        return "\n".join([*lines, f"type {ctx.names[model]} = {root_type};"]) + "\n", entries
    lines.append(f"interface {ctx.names[model]} {{")
    for field, entry in zip(fields, entries, strict=True):
        lines += field_lines(field, entry)
    extra = index_signature(spec, ctx)
    if extra is not None:
        lines.append(extra)
    lines.append("}")
    return "\n".join(lines) + "\n", entries


def _root_location(root: Type, registry: Registry) -> str:
    match root:
        case TModel(key=key) if key in registry.models:
            return registry.models[key].location
        case TUnknown(location=location):
            return location
    return ""
