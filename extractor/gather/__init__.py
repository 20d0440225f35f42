"""Gather stage: one reader per fact, turning a parsed module into plain `ModuleFacts`."""

from .facts import ModuleFacts
from .module import gather_module

__all__ = ["ModuleFacts", "gather_module"]
