"""Worker processes: how many, and results streamed in order from a bounded window of tasks.

Only a few results wait in the parent at any time (`WINDOW_PER_WORKER` per worker), so memory
stays flat however many integrations there are; the output order is the input order.
"""

from __future__ import annotations

import gc
import os
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from typing import Generic, TypeVar

Item = TypeVar("Item")
Result = TypeVar("Result")

GC_THRESHOLD = 50_000
AUTO_MIN_WORK = 6
"""Without --jobs, worker processes start only when this many integrations need extracting:
below it, starting them costs more than they save."""
WINDOW_PER_WORKER = 2
"""Tasks handed out per worker ahead of the one the parent waits for."""


def tune_gc() -> None:
    """Collect garbage less often: parsing allocates many objects that live until the
    integration is done, and the default threshold (700) makes the collector rescan them."""
    first, *rest = gc.get_threshold()
    if first < GC_THRESHOLD:
        gc.set_threshold(GC_THRESHOLD, *rest)


def worker_count(jobs: int, work: int) -> int:
    """Processes for `work` integrations: `jobs` when given (> 0); by default one per CPU
    when there is enough work, else none (1: extract in this process)."""
    if jobs > 0:
        return max(1, min(jobs, work))
    if work < AUTO_MIN_WORK:
        return 1
    return max(1, min(os.cpu_count() or 1, work))


def in_order(
    items: Sequence[Item],
    task: Callable[[Item], Result],
    *,
    offload: Sequence[bool],
    workers: int,
) -> Iterator[tuple[Item, Result]]:
    """`(item, task(item))` for every item, in order. Items marked in `offload` run in
    `workers` processes (when more than one), the others in this process; `task` must be
    picklable (a module-level function or a `functools.partial` of one)."""
    if workers <= 1:
        for item in items:
            yield item, task(item)
        return
    with ProcessPoolExecutor(max_workers=workers) as pool:
        window = _Window(pool, items, task, offload, workers * WINDOW_PER_WORKER)
        for index, item in enumerate(items):
            window.fill()
            running = window.take(index)
            yield item, running.result() if running is not None else task(item)


class _Window(Generic[Item, Result]):
    """The offloaded tasks submitted ahead, at most `size` at a time, in item order."""

    def __init__(
        self, pool: ProcessPoolExecutor, items: Sequence[Item], task: Callable[[Item], Result],
        offload: Sequence[bool], size: int,
    ) -> None:
        self.pool = pool
        self.items = items
        self.task = task
        self.size = size
        self.waiting = iter([index for index, remote in enumerate(offload) if remote])
        self.running: dict[int, Future[Result]] = {}

    def fill(self) -> None:
        """Submit the next offloaded items until `size` are running."""
        while len(self.running) < self.size:
            index = next(self.waiting, None)
            if index is None:
                return
            self.running[index] = self.pool.submit(self.task, self.items[index])

    def take(self, index: int) -> Future[Result] | None:
        """The task of item `index`, forgotten here (None: it runs in this process)."""
        return self.running.pop(index, None)
