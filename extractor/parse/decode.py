"""Bytes to text, as the interpreter reads source: BOM, PEP 263 declaration, NUL, surrogates."""

from __future__ import annotations

import codecs
import re
from pathlib import Path

from ..errors import InputError

_CODING_RE = re.compile(rb"^[ \t\f]*#.*?coding[:=][ \t]*([-\w.]+)")
_SURROGATE = re.compile("[\ud800-\udfff]")
_WIDE_BOMS = ((codecs.BOM_UTF32_LE, "UTF-32"), (codecs.BOM_UTF32_BE, "UTF-32"),
              (codecs.BOM_UTF16_LE, "UTF-16"), (codecs.BOM_UTF16_BE, "UTF-16"))


def decode_source(data: bytes, rel: str) -> str:
    """Decode Python source bytes like the interpreter does (BOM, PEP 263), LF line endings."""
    wide = next((name for bom, name in _WIDE_BOMS if data.startswith(bom)), None)
    if wide is not None:
        raise InputError(f"file is {wide} (byte-order mark); Python source must be UTF-8", f"{rel}:1")
    if b"\x00" in data:
        line = data[: data.index(b"\x00")].count(b"\n") + 1
        raise InputError("file contains NUL bytes; not Python source", f"{rel}:{line}")
    encoding, line = "utf-8", 1
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8) :]
    else:
        encoding, line = _declared_encoding(data)
    try:
        if codecs.lookup(encoding).name.startswith(("utf-16", "utf-32")):
            raise InputError(f"declared encoding {encoding!r} is not one Python reads source in", f"{rel}:{line}")
    except LookupError:
        raise InputError(f"unknown encoding {encoding!r} declared", f"{rel}:{line}") from None
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        hint = "save it as UTF-8 or declare its encoding (`# -*- coding: cp1251 -*-`)"
        raise InputError(f"not valid {encoding}: byte 0x{data[exc.start]:02x} can't be decoded; {hint}",
                         f"{rel}:{line}") from None
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    surrogate = _SURROGATE.search(text)
    if surrogate is not None:  # some codecs (utf-7) decode to what no UTF-8 text can hold
        line = text.count("\n", 0, surrogate.start()) + 1
        raise InputError(f"decodes to a lone surrogate (U+{ord(surrogate.group()):04X}); not Python source",
                         f"{rel}:{line}")
    return text


def _declared_encoding(data: bytes) -> tuple[str, int]:
    """The PEP 263 encoding of the first two lines, and its line (utf-8 by default)."""
    for line, text in enumerate(data.split(b"\n", 2)[:2], start=1):
        match = _CODING_RE.match(text)
        if match:
            return match.group(1).decode("ascii"), line
    return "utf-8", 1


def read_file(path: Path, rel: str) -> str:
    """Read and decode one file, turning OS errors into InputError."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(f"can't read file: {exc.strerror or exc}", f"{rel}:1") from None
    return decode_source(data, rel)
