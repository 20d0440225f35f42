"""Parse stage: read an integration's Python files safely and parse them with libcst.

One direction, each module importing only those before it: `decode` (bytes → text),
`nesting` (Python's one `ast` pass, the nesting verdict, the big stack), `walk` (which
statements' blocks belong to the enclosing scope, for both trees), `outline` (what libcst
needs to parse), `plan` (the outline or the whole text), `lines` (libcst's statements paired
with Python's, for their lines), `source` (the parsed `SourceFile`).
"""

from .decode import decode_source, read_file
from .nesting import MAX_NESTING, on_big_stack
from .source import SourceFile, parse_module, parse_source

__all__ = ["MAX_NESTING", "SourceFile", "decode_source", "on_big_stack", "parse_module", "parse_source", "read_file"]
