"""Write/check stage: merging a document with what is on disk (hand-written regions), atomic
writes, and `--check`.

`regions` finds and keeps the hand-written regions; `files` composes, writes and checks.
"""

from .files import (
    CheckReport,
    FileCheck,
    Status,
    check_one,
    compose,
    normalise,
    read_existing,
    remove_stale_temporaries,
    write_atomic,
    write_if_changed,
)

__all__ = [
    "CheckReport",
    "FileCheck",
    "Status",
    "check_one",
    "compose",
    "normalise",
    "read_existing",
    "remove_stale_temporaries",
    "write_atomic",
    "write_if_changed",
]
