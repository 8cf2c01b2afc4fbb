"""Typed errors of the store layer, each carrying a translatable message."""

from __future__ import annotations

from typing import Any

from po_desktop.domain.messages import Message


class PoDesktopError(Exception):
    """Base of every error the user is meant to read."""

    def __init__(self, msg_id: str, **params: Any) -> None:
        self.message = Message(msg_id, dict(params))
        super().__init__(self.message.render("en"))

    def render(self, lang: str | None = None) -> str:
        return self.message.render(lang)


class ValidationError(PoDesktopError):
    """Input a user can fix; nothing was written."""

    def __init__(self, msg_id: str, *, field: str | None = None, **params: Any) -> None:
        if field is not None:
            params["field"] = field
        self.field = field
        super().__init__(msg_id, **params)


class NotFoundError(PoDesktopError):
    pass


class ConflictError(PoDesktopError):
    """The change contradicts existing data (duplicate code, column not empty...)."""


class DatabaseFileError(PoDesktopError):
    """The file cannot be used as a PO Desktop database; it was not modified."""

    def __init__(self, msg_id: str, **params: Any) -> None:
        super().__init__(msg_id, **params)
        self.kind = msg_id.removeprefix("db.")


class StorageError(PoDesktopError):
    """A write failed underneath (disk full, busy, read-only); the transaction rolled back."""
