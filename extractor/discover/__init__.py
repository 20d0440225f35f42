"""Discover stage: which folders and modules are integrations, and their files.

`roots` walks the paths (skipping virtual environments, caches, hidden folders) and
`detect` tells integration code by shape and name, without parsing it.
"""

from .roots import CHANGELOG_NAME, IntegrationRoot, find_integrations, is_skipped_name

__all__ = ["CHANGELOG_NAME", "IntegrationRoot", "find_integrations", "is_skipped_name"]
