"""Text the assembler derives: interface stems from route names."""

from __future__ import annotations

import re


def pascal(name: str) -> str:
    """`create-payment` → `CreatePayment`, `deal.created` → `DealCreated`."""
    parts = re.split(r"[^0-9A-Za-z]+", name)
    return "".join(p[:1].upper() + p[1:] for p in parts if p) or "Model"
