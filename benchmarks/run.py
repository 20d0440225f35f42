"""Measures extract-docs against the libcst floor and griffe, side by side, on the same files.

    python benchmarks/run.py                       # 50 / 200 / 800 integrations, both shapes, best of 3
    python benchmarks/run.py --sizes 200 --shapes models --repeat 5 --json results.json

Every figure is the wall time of a whole process (start-up included), the best of
`--repeat` runs, with its peak RSS (the largest process of the run). Corpora are generated
by `benchmarks/generate.py` into `--corpus-dir` (default `benchmarks/corpus/`, not checked in).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
PYTHON = sys.executable
EXTRACT = [PYTHON, "-m", "extractor.cli"]
IMPORT_LINE = [PYTHON, "-c", "import libcst, pydantic, jinja2, typer"]
SAMPLE = REPO / "sample_integrations" / "stripe_payments"
CONFIG = '[tool.extract-docs]\npaths = ["integrations"]\noutput = "docs/{slug}.md"\n'
CHANGED_FILES = {"standard": Path("integrations/int_0000/models.py"),
                 "models": Path("integrations/int_0000/models/common.py")}
"""The file edited for the `one file changed` row, by corpus shape."""
PEAK_RSS_MB = 200


@dataclass
class Run:
    """One measured command: best wall time and the peak RSS of that run."""

    name: str
    seconds: float
    cpu: float
    rss_mb: float
    command: str


@dataclass
class Corpus:
    """The figures of one corpus size."""

    size: int
    files: int
    lines: int
    shape: str = "standard"
    runs: dict[str, Run] = field(default_factory=dict)

    @property
    def folder_name(self) -> str:
        """Its folder under the corpus directory."""
        return folder_name(self.size, self.shape)

    @property
    def label(self) -> str:
        """Its column title."""
        return f"{self.size} integrations" + ("" if self.shape == "standard" else f" ({self.shape})")


def folder_name(size: int, shape: str) -> str:
    """`n200` for the standard shape, `models-n200` for the model-heavy one."""
    return f"n{size}" if shape == "standard" else f"{shape}-n{size}"


CODE = [REPO]
"""Where the measured processes import extractor from (`snapshot` points it at a copy)."""


def snapshot(folder: Path) -> None:
    """Measure a copy of `extractor/` and `templates/`: an edit of the working tree while the
    benchmark runs can't change what is measured (nor invalidate the cache between runs)."""
    for name in ("extractor", "templates"):
        shutil.copytree(REPO / name, folder / name, ignore=shutil.ignore_patterns("__pycache__"))
    CODE[0] = folder


def child_env() -> dict[str, str]:
    """The environment of the measured processes: bytecode caching on, as after `pip install`."""
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONDONTWRITEBYTECODE", "CI")}
    env["PYTHONPATH"] = os.pathsep.join(str(path) for path in (CODE[0], REPO))
    return env


def timed(command: Sequence[str], cwd: Path) -> tuple[float, float, float]:
    """Wall seconds, CPU seconds (user + system, its worker processes included) and peak RSS
    (MB) of one process; fails loudly on a non-zero exit."""
    start = time.perf_counter()
    process = subprocess.Popen(command, cwd=cwd, env=child_env(), stdout=subprocess.DEVNULL,
                               stderr=subprocess.PIPE)
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - start
    process.returncode = os.waitstatus_to_exitcode(status)
    stderr = process.stderr.read().decode() if process.stderr else ""
    if process.returncode != 0:
        raise SystemExit(f"failed ({process.returncode}): {' '.join(command)}\n{stderr}")
    return seconds, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024


def best(name: str, command: Sequence[str], cwd: Path, repeat: int, before: object = None) -> Run:
    """The best of `repeat` runs; `before` (a callable) runs untimed before each one."""
    results = []
    for attempt in range(repeat):
        if callable(before):
            before(attempt)
        results.append(timed(command, cwd))
    return summarize(name, command, results)


def summarize(name: str, command: Sequence[str], results: list[tuple[float, float, float]]) -> Run:
    """The fastest run (wall time), with the largest peak RSS seen."""
    fastest = min(results)
    rss = max(r[2] for r in results)
    shown = " ".join(Path(part).name if part == PYTHON else part for part in command)
    return Run(name, fastest[0], fastest[1], rss, shown)


def prepare(root: Path, size: int, seed: int, shape: str = "standard") -> Corpus:
    """Generate the corpus (unless it is already there) with its pyproject.toml."""
    folder = root / folder_name(size, shape)
    marker = folder / "corpus.json"
    expected = {"size": size, "seed": seed, "shape": shape,
                "generator": (HERE / "generate.py").read_text(encoding="utf-8")}
    if not marker.exists() or json.loads(marker.read_text(encoding="utf-8")) != expected:
        if folder.exists():
            shutil.rmtree(folder)
        subprocess.run([PYTHON, str(HERE / "generate.py"), str(folder), "--count", str(size), "--seed", str(seed),
                        "--shape", shape], check=True, stdout=subprocess.DEVNULL)
        (folder / "pyproject.toml").write_text(CONFIG, encoding="utf-8")
        marker.write_text(json.dumps(expected), encoding="utf-8")
    files = sorted((folder / "integrations").rglob("*.py"))
    lines = sum(path.read_bytes().count(b"\n") for path in files)
    return Corpus(size, len(files), lines, shape)


def measure_corpus(root: Path, corpus: Corpus, repeat: int, *, full: bool) -> None:
    """Every row of the table for one corpus."""
    folder = root / corpus.folder_name
    runs = corpus.runs
    changed_file = CHANGED_FILES[corpus.shape]

    def clean(_: int = 0) -> None:
        shutil.rmtree(folder / ".extract-docs-cache", ignore_errors=True)
        shutil.rmtree(folder / "docs", ignore_errors=True)

    side_by_side = {
        "floor": ("libcst floor", [PYTHON, str(HERE / "floor.py"), "integrations"]),
        "floor_gc": ("libcst floor, GC threshold as extract-docs",
                     [PYTHON, str(HERE / "floor.py"), "integrations", "--gc-threshold", "50000"]),
        "griffe": ("griffe", [PYTHON, str(HERE / "peer_griffe.py"), "integrations"]),
        "cold_j1": ("cold, --jobs 1", [*EXTRACT, "-q", "--no-cache", "--jobs", "1"]),
        "cold": ("cold, default jobs", [*EXTRACT, "-q", "--no-cache"]),
    }
    results: dict[str, list[tuple[float, float, float]]] = {key: [] for key in side_by_side}
    for _ in range(repeat):  # interleaved, so that a busy moment of the machine hits all alike
        for key, (_, command) in side_by_side.items():
            clean()
            results[key].append(timed(command, folder))
    for key, (name, command) in side_by_side.items():
        runs[key] = summarize(name, command, results[key])
    runs["fill"] = best("cold, filling the cache", [*EXTRACT, "-q"], folder, repeat, clean)
    runs["warm"] = best("warm, nothing changed", [*EXTRACT, "-q"], folder, repeat)
    original = (folder / changed_file).read_bytes()

    def change(attempt: int) -> None:
        line = f'    extra_{attempt}: int = Field(0, description="Поле {attempt}")\n'
        (folder / changed_file).write_bytes(original + line.encode())

    try:
        runs["one_file"] = best("one file changed", [*EXTRACT, "-q"], folder, repeat, change)
    finally:
        (folder / changed_file).write_bytes(original)
    timed([*EXTRACT, "-q"], folder)
    if full:
        measure_single(root / "single", runs, repeat)


def measure_single(folder: Path, runs: dict[str, Run], repeat: int) -> None:
    """The pre-commit case: one integration, as a process, against the bare import line
    (run in an empty folder: the document goes to stdout, the cache into that folder)."""
    folder.mkdir(parents=True, exist_ok=True)
    sample = [*EXTRACT, str(SAMPLE)]
    runs["imports"] = best("python -c 'import libcst, pydantic, jinja2, typer'", IMPORT_LINE, folder, repeat)
    runs["one_cold"] = best("one integration, no cache", [*sample, "--no-cache"], folder, repeat)
    runs["one_warm"] = best("one integration, cached", sample, folder, repeat)
    runs["help"] = best("--help", [*EXTRACT, "--help"], folder, repeat)
    runs["version"] = best("--version", [*EXTRACT, "--version"], folder, repeat)
    shutil.rmtree(folder / ".extract-docs-cache", ignore_errors=True)


TARGETS: list[tuple[str, str, str, float]] = [
    ("cold_j1", "floor", "cold, one process ≤ 1.0× the libcst floor", 1.0),
    ("cold", "griffe", "cold, default jobs ≤ 1.0× griffe", 1.0),
    ("warm", "cold_j1", "warm ≤ 3% of cold (--jobs 1)", 0.03),
    ("warm", "cold", "warm ≤ 3% of cold (default jobs)", 0.03),
    ("one_file", "cold_j1", "one file changed ≤ 5% of cold (--jobs 1)", 0.05),
    ("one_file", "cold", "one file changed ≤ 5% of cold (default jobs)", 0.05),
    ("one_cold", "imports", "one integration (no cache) ≤ 1.5× the import line", 1.5),
    ("one_warm", "imports", "one integration (cached) ≤ 1.5× the import line", 1.5),
]


def report(corpora: list[Corpus]) -> str:
    """The Markdown tables: figures per corpus, the targets, and the scaling."""
    out = ["Wall time, best of the runs (its CPU time: user + system, worker processes included), peak RSS.", "",
           "| run | " + " | ".join(c.label for c in corpora) + " |",
           "| --- | " + " | ".join("---:" for _ in corpora) + " |"]
    names = list(dict.fromkeys(key for c in corpora for key in c.runs))
    for key in names:
        label = next(c.runs[key].name for c in corpora if key in c.runs)
        cells = [_cell(c.runs[key]) if key in c.runs else "" for c in corpora]
        out.append(f"| {label} | " + " | ".join(cells) + " |")
    out += ["", "| target | " + " | ".join(c.label for c in corpora) + " |",
            "| --- | " + " | ".join("---:" for _ in corpora) + " |"]
    for key, reference, label, limit in TARGETS:
        cells = []
        for corpus in corpora:
            if key in corpus.runs and reference in corpus.runs:
                ratio = corpus.runs[key].seconds / corpus.runs[reference].seconds
                cells.append(f"{ratio:.2f}× {'met' if ratio <= limit else 'NOT met'}")
            else:
                cells.append("")
        out.append(f"| {label} | " + " | ".join(cells) + " |")
    peak = max(run.rss_mb for c in corpora for run in c.runs.values() if run.name.startswith(("cold", "warm", "one")))
    out += ["", f"peak RSS of an extract-docs process: {peak:.0f} MB (target ≤ {PEAK_RSS_MB} MB)", ""]
    out += ["| corpus | files | lines | floor | cold --jobs 1 | cold, default jobs | griffe |",
            "| --- | ---: | ---: | ---: | ---: | ---: | ---: |"]
    for c in corpora:
        cells = [f"{c.runs[key].seconds:.2f} s ({1000 * c.runs[key].seconds / c.size:.1f} ms each)"
                 for key in ("floor", "cold_j1", "cold", "griffe")]
        out.append(f"| {c.label} | {c.files} | {c.lines} | " + " | ".join(cells) + " |")
    return "\n".join(out)


def _cell(run: Run) -> str:
    return f"{run.seconds:.2f} s (CPU {run.cpu:.2f} s), {run.rss_mb:.0f} MB"


def machine() -> str:
    """nproc, CPU model, Python."""
    model = "unknown"
    cpuinfo = Path("/proc/cpuinfo")
    if cpuinfo.exists():
        for line in cpuinfo.read_text(encoding="utf-8").splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    return f"{os.cpu_count()} CPUs ({model}), Python {platform.python_version()}, {platform.system()}"


def main() -> None:
    """Command line."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[50, 200, 800])
    parser.add_argument("--shapes", nargs="+", choices=sorted(CHANGED_FILES), default=["standard", "models"],
                        help="corpus shapes (benchmarks/generate.py --shape), each measured at every size")
    parser.add_argument("--main", type=int, default=200, help="the size that also gets the one-integration rows")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--corpus-dir", type=Path, default=HERE / "corpus")
    parser.add_argument("--json", type=Path, help="also write the figures here")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="extract-docs-bench-") as code:
        snapshot(Path(code))
        corpora = measure(args)
    print(f"machine: {machine()}")
    print(f"command: {' '.join(['python', *sys.argv])}\n")
    print(report(corpora))
    if args.json:
        command = " ".join(["python", *sys.argv])
        data = {"machine": machine(), "command": command, "corpora": [asdict(c) for c in corpora]}
        args.json.write_text(json.dumps(data, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


def measure(args: argparse.Namespace) -> list[Corpus]:
    """Every corpus, generated when needed, measured."""
    warm_up = ("import extractor.cli.commands, extractor.cli.run, extractor.pipeline, extractor.render.markdown, "
               "extractor.app.cache")
    for command in (IMPORT_LINE, [PYTHON, "-c", warm_up]):
        timed(command, REPO)  # bytecode written once, before anything is timed
    corpora = []
    for size in args.sizes:
        for shape in args.shapes:
            corpus = prepare(args.corpus_dir, size, args.seed, shape)
            print(f"measuring {corpus.label} ({corpus.files} files, {corpus.lines} lines)…", file=sys.stderr)
            full = size == args.main and shape == args.shapes[0]
            measure_corpus(args.corpus_dir, corpus, args.repeat, full=full)
            corpora.append(corpus)
    return corpora


if __name__ == "__main__":
    main()
