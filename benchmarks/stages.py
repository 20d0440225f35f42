"""Where the time of a cold run goes: each pipeline stage over a corpus, in one process.

    python benchmarks/stages.py benchmarks/corpus/n200/integrations

Each stage runs over every integration (best of `--repeat`), fed by the previous stage's
output; `libcst, whole files` is the floor, for comparison. The garbage collector is set as
extract-docs sets it.
"""

from __future__ import annotations

import argparse
import ast
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import libcst

from extractor.app.pool import tune_gc
from extractor.assemble import Assembler
from extractor.conventions import Conventions
from extractor.discover import find_integrations
from extractor.gather import gather_module
from extractor.parse import SourceFile, parse_module, parse_source
from extractor.parse.nesting import check_nesting, python_parse
from extractor.parse.outline import outline
from extractor.parse.plan import plan
from extractor.pipeline import module_name
from extractor.render import render_markdown
from extractor.resolve import resolve


def best(action: Callable[[], Any], repeat: int) -> float:
    """The fastest of `repeat` runs of `action`, in seconds."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return min(times)


def _outline(text: str) -> object:
    tree = python_parse(text, "x")
    return outline(tree, text) if isinstance(tree, ast.Module) else None


def main() -> None:
    """Print one line per stage: seconds, and share of the sum of the pipeline's stages."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    tune_gc()
    repeat = args.repeat
    start = time.perf_counter()
    roots = find_integrations(args.folder)
    discovery = time.perf_counter() - start
    files = [(root, path, *module_name(root, path)) for root in roots for path in root.files]
    texts = [path.read_text(encoding="utf-8") for _, path, *_ in files]
    plans = [plan(text, "x") for text in texts]
    sources: dict[str, list[SourceFile]] = {root.slug: [] for root in roots}
    for (root, _, name, rel, is_package), text in zip(files, texts, strict=True):
        sources[root.slug].append(parse_source(text, rel, name, is_package=is_package))
    facts = {slug: [gather_module(s) for s in group] for slug, group in sources.items()}
    resolved = {slug: resolve(list(group), Conventions()) for slug, group in facts.items()}
    docs = [Assembler(result, slug, []).integration() for slug, result in resolved.items()]
    def guard_all() -> None:
        for chosen in plans:
            if chosen.outline is not None:
                check_nesting(chosen.outline.tree, "x", chosen.outline.skipped)

    stages = [
        ("discovery (once)", discovery),
        ("ast outline (Python's parser, what to leave out)",
         best(lambda: [_outline(text) for text in texts], repeat)),
        ("nesting guard", best(guard_all, repeat)),
        ("libcst, the outlined text", best(lambda: [parse_module(p.parse_text) for p in plans], repeat)),
        ("gather (facts, positions)", best(lambda: [[gather_module(s) for s in g] for g in sources.values()], repeat)),
        ("resolve", best(lambda: [resolve(list(g), Conventions()) for g in facts.values()], repeat)),
        ("assemble (doc model, TypeScript)",
         best(lambda: [Assembler(r, slug, []).integration() for slug, r in resolved.items()], repeat)),
        ("render (Jinja2)", best(lambda: [render_markdown(doc) for doc in docs], repeat)),
    ]
    floor = best(lambda: [libcst.parse_module(text) for text in texts], repeat)
    total = sum(seconds for _, seconds in stages)
    print(f"{len(roots)} integrations, {len(texts)} files")
    for name, seconds in stages:
        print(f"{name:52} {seconds:7.2f} s  {100 * seconds / total:5.1f}%")
    print(f"{'sum of the stages':52} {total:7.2f} s")
    print(f"{'libcst, whole files (the floor, same GC setting)':52} {floor:7.2f} s")


if __name__ == "__main__":
    main()
