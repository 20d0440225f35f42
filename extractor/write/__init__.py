"""Write/check stage: merging a document with what is on disk (hand-written regions), atomic
writes, and `--check`.

`regions` finds and keeps the hand-written regions; `checksums` records what was generated
and finds a person's edits of it; `files` composes, writes and checks.
"""

from .checksums import Edit, find_edit, stamp
from .files import (
    CheckReport,
    FileCheck,
    Status,
    check_one,
    compose,
    read_existing,
    remove_stale_temporaries,
    write_atomic,
    write_if_changed,
)
from .regions import normalise

__all__ = [
    "CheckReport",
    "Edit",
    "FileCheck",
    "Status",
    "check_one",
    "compose",
    "find_edit",
    "normalise",
    "read_existing",
    "remove_stale_temporaries",
    "stamp",
    "write_atomic",
    "write_if_changed",
]
