"""The application layer: a configuration and paths in, per-integration outcomes out.

`generate(config, request)` discovers the integrations and plans their targets; iterating the
`Generation` it returns makes each document (from the cache or the pipeline, in worker
processes when there are many) and settles its file (written, checked, or composed for a
preview), one integration at a time, so that memory stays flat however many there are. It
returns values and raises the project's errors (`extractor.errors`); it never prints or exits:
the command line (`extractor.cli`) does that, and `preview` builds its pages on the same call
(`extractor.app.pages.collect_pages`, imported by `preview` alone: it brings the local
site server with it).
"""

from __future__ import annotations

from .generate import Generation, Request, generate
from .outcomes import Action, FileOutcome, FileStatus, Outcome

__all__ = [
    "Action",
    "FileOutcome",
    "FileStatus",
    "Generation",
    "Outcome",
    "Request",
    "generate",
]
