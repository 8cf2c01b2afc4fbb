"""Preferences and window state: the one place that talks to QSettings.

Values are typed on the way out: a hand-edited or older settings file yields
defaults, never an exception. State that belongs to one database (the board's
filters) is keyed by the database's resolved path.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

from PySide6.QtCore import QSettings

from po_desktop import paths


class Settings:
    FILE_NAME = "settings.ini"

    def __init__(self, path: Path | None = None) -> None:
        self.path = path or paths.config_dir() / self.FILE_NAME
        self._qs = QSettings(str(self.path), QSettings.Format.IniFormat)

    @staticmethod
    def _database_key(database: Path) -> str:
        digest = hashlib.sha1(str(database.resolve()).encode(), usedforsecurity=False)
        return digest.hexdigest()[:16]

    def _json(self, key: str) -> Any:
        raw = self._qs.value(key)
        if not isinstance(raw, str):
            return None
        try:
            return json.loads(raw)
        except ValueError:
            return None

    def board_state(self, database: Path) -> dict[str, Any]:
        """Lanes, quick filters and folded lanes of the board for this database."""
        value = self._json(f"databases/{self._database_key(database)}/board")
        return value if isinstance(value, dict) else {}

    def set_board_state(self, database: Path, state: dict[str, Any]) -> None:
        key = self._database_key(database)
        self._qs.setValue(f"databases/{key}/path", str(database.resolve()))
        self._qs.setValue(f"databases/{key}/board", json.dumps(state, ensure_ascii=False))

    def sync(self) -> None:
        self._qs.sync()
