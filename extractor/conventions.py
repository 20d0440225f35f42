"""The names the extractor recognises: defaults from the conventions, extended by config."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Conventions:
    """Names recognised by shape and name (never by import path); config adds aliases."""

    integration_classes: tuple[str, ...] = ("Integration",)
    handler_decorators: tuple[str, ...] = ("handler",)
    event_decorators: tuple[str, ...] = ("event",)
    method_shorthands: tuple[str, ...] = ("get", "post", "put", "patch", "delete")
    credential_classes: tuple[str, ...] = ("Credential",)
    secret_classes: tuple[str, ...] = ("Secret",)
    error_bases: tuple[str, ...] = ("IntegrationError",)
    secret_name_suffixes: tuple[str, ...] = ("_KEY", "_SECRET", "_TOKEN", "_PASSWORD")
