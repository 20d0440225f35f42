"""`$defs` names as pydantic chooses them: the short name, then with the mode, then module-qualified.

pydantic gives every definition a list of candidate names and keeps, for each, the first
candidate no other definition with a different schema also wants (`_DefinitionsRemapping`),
rewrites the refs inside the definitions, and chooses again until nothing changes. The same
rule names FastAPI's components (`Item`, `Item-Input` / `Item-Output`, `pkg__models__Item`).
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from ..ir import Mode

MODE_TITLE: dict[Mode, str] = {"validation": "Input", "serialization": "Output"}
_SPLIT = re.compile(r"([\][,])")
_QUALIFIER = re.compile(r"(?:[^.[\]]+\.)+((?:[^.[\]]+))")

JsonSchema = dict[str, Any]


def normalize_name(name: str) -> str:
    """pydantic's `GenerateJsonSchema.normalize_name`: a name safe in a JSON pointer."""
    return re.sub(r"[^a-zA-Z0-9.\-_]", "_", name).replace(".", "__")


def short_ref(core_ref: str) -> str:
    """`pkg.mod.Page[Item]` → `Page[Item]`: every dotted component without its module."""
    return "".join(_QUALIFIER.sub(r"\1", part) for part in _SPLIT.split(core_ref))


@dataclass
class DefNames:
    """The provisional name of each definition (one per class and mode) and its candidates."""

    choices: dict[str, list[str]] = field(default_factory=dict)
    _counter: Counter[str] = field(default_factory=Counter)
    _index: dict[str, int] = field(default_factory=dict)

    def provisional(self, core_ref: str, identity: str, mode: Mode) -> str:
        """The provisional `$defs` name of `core_ref` (module-qualified, no ids) in `mode`;
        `identity` tells two classes with one qualified name apart."""
        title = MODE_TITLE[mode]
        name = normalize_name(short_ref(core_ref))
        qualified = normalize_name(core_ref)
        occurrence = self._index.get(identity)
        if occurrence is None:
            self._counter[qualified] += 1
            occurrence = self._index[identity] = self._counter[qualified]
        chosen = f"{qualified}-{title}__{occurrence}"
        self.choices[chosen] = [name, f"{name}-{title}", qualified, f"{qualified}-{title}",
                                f"{qualified}__{occurrence}", chosen]
        return chosen


def remap(defs: dict[str, JsonSchema], choices: dict[str, list[str]], ref: Callable[[str], str]
          ) -> dict[str, str]:
    """The final name of each provisional one, as pydantic picks it: each definition takes its
    first candidate that no definition with a different schema also wants; the refs inside the
    definitions are renamed and the choice made again until nothing changes (two modes of one
    model become one definition once the models they name have become one)."""
    current = defs
    for _ in range(100):
        wanted: dict[str, set[str]] = {}
        for name, schema in current.items():
            text = json.dumps(schema, sort_keys=True)
            for alternative in choices[name]:
                wanted.setdefault(alternative, set()).add(text)
        mapping = {name: next(a for a in choices[name] if len(wanted[a]) == 1) for name in defs}
        targets = {ref(alt): ref(chosen) for name, chosen in mapping.items()
                   for alt in choices[name][choices[name].index(chosen):]}
        renamed = {name: _renamed(schema, targets) for name, schema in current.items()}
        if renamed == current:
            return mapping
        current = renamed
    raise AssertionError("definition names did not settle")  # pragma: no cover (pydantic's own bound)


def rename_refs(value: Any, mapping: dict[str, str], ref: Callable[[str], str]) -> Any:
    """`value` with every ref to a provisional name pointing at its final name instead."""
    targets = {ref(old): ref(new) for old, new in mapping.items()}
    return _renamed(value, targets)


def _renamed(value: Any, targets: dict[str, str]) -> Any:
    """Every string that is a ref renamed, as pydantic's `remap_json_schema` does (a
    discriminator's `mapping` holds refs as plain values)."""
    if isinstance(value, dict):
        return {key: _renamed(item, targets) for key, item in value.items()}
    if isinstance(value, list):
        return [_renamed(item, targets) for item in value]
    return targets.get(value, value) if isinstance(value, str) else value
