"""Preferences and window state: the one place that talks to QSettings.

Every option is declared once below with its key, type and default. Values are
typed on the way out: a hand-edited or older settings file yields defaults,
never an exception. State that belongs to one database (the board's filters) is
keyed by the database's resolved path. The public-holiday region is not here: it
describes the team's calendar, so it lives in the database and travels with it.
"""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path
from typing import Any, Generic, TypeVar, overload

from PySide6.QtCore import QByteArray, QSettings

from po_desktop import paths
from po_desktop.domain.backups import POLICY_LIMITS, BackupPolicy

T = TypeVar("T")

SETTINGS_VERSION = 2
"""1: board state only (0.1 before preferences); 2: typed preferences and window state."""

RECENT_LIMIT = 8
LANGUAGES = ("", "fr", "en")
"""'' follows the system's language."""


class _Option(Generic[T]):
    """A typed entry of the settings file; subclasses say how to read a raw value back."""

    def __init__(self, key: str, default: T) -> None:
        self.key = key
        self.default = default

    @overload
    def __get__(self, obj: None, owner: type) -> _Option[T]: ...
    @overload
    def __get__(self, obj: Settings, owner: type) -> T: ...
    def __get__(self, obj: Settings | None, owner: type) -> _Option[T] | T:
        if obj is None:
            return self
        raw = obj._qs.value(self.key)
        if raw is None:
            return self.default
        try:
            return self.parse(raw)
        except (TypeError, ValueError):
            return self.default

    def __set__(self, obj: Settings, value: T) -> None:
        obj._qs.setValue(self.key, self.dump(value))

    def parse(self, raw: Any) -> T:
        raise NotImplementedError

    def dump(self, value: T) -> Any:
        return value


class _Choice(_Option[str]):
    def __init__(self, key: str, default: str, choices: tuple[str, ...]) -> None:
        super().__init__(key, default)
        self.choices = choices

    def parse(self, raw: Any) -> str:
        text = str(raw)
        if text not in self.choices:
            raise ValueError(text)
        return text


class _Text(_Option[str]):
    def parse(self, raw: Any) -> str:
        if not isinstance(raw, str):
            raise TypeError(raw)
        return raw


class _Int(_Option[int]):
    def __init__(self, key: str, default: int, low: int, high: int) -> None:
        super().__init__(key, default)
        self.low, self.high = low, high

    def parse(self, raw: Any) -> int:
        return min(max(int(str(raw).strip()), self.low), self.high)

    def dump(self, value: int) -> Any:
        return int(value)


class _Bytes(_Option[bytes]):
    """Qt's saveGeometry/saveState blobs."""

    def parse(self, raw: Any) -> bytes:
        if isinstance(raw, QByteArray):
            return raw.data()
        if isinstance(raw, bytes):
            return raw
        raise TypeError(raw)

    def dump(self, value: bytes) -> Any:
        return QByteArray(value)


class _Paths(_Option[list[str]]):
    """A list of file paths, stored as JSON (INI lists of one item come back as strings)."""

    def parse(self, raw: Any) -> list[str]:
        value = json.loads(str(raw))
        if not isinstance(value, list):
            raise TypeError(value)
        return [item for item in value if isinstance(item, str) and item]

    def dump(self, value: list[str]) -> Any:
        return json.dumps(list(value), ensure_ascii=False)


def _policy(name: str) -> _Int:
    default = BackupPolicy.__dataclass_fields__[name].default
    assert isinstance(default, int)
    return _Int(f"backups/{name}", default, *POLICY_LIMITS[name])


class Settings:
    FILE_NAME = "settings.ini"

    language = _Choice("general/language", "", LANGUAGES)
    who_am_i = _Text("general/who_am_i", "")
    """The name (or login) this computer's changes are signed with; empty: the login."""
    last_database = _Text("files/last_database", "")
    recent_databases = _Paths("files/recent", [])
    window_geometry = _Bytes("window/geometry", b"")
    window_state = _Bytes("window/state", b"")
    last_view = _Int("window/last_view", 0, 0, 3)
    backup_keep_recent = _policy("keep_recent")
    backup_keep_weeks = _policy("keep_weeks")
    backup_every_hours = _policy("every_hours")

    def __init__(self, path: Path | None = None) -> None:
        self.path = path or paths.config_dir() / self.FILE_NAME
        self._qs = QSettings(str(self.path), QSettings.Format.IniFormat)
        self._upgrade()

    def _upgrade(self) -> None:
        """Bring an older file up to date, once; a newer one is read as far as it is known."""
        try:
            version = int(str(self._qs.value("meta/version", 1)))
        except ValueError:
            version = 1
        # 1 -> 2 only added keys, read with their defaults. A later change of a key's
        # meaning converts the old value here, before anything reads it.
        if version < SETTINGS_VERSION:
            self._qs.setValue("meta/version", SETTINGS_VERSION)

    # ----- backups ------------------------------------------------------------------------
    @property
    def backup_policy(self) -> BackupPolicy:
        return BackupPolicy(
            keep_recent=self.backup_keep_recent,
            keep_weeks=self.backup_keep_weeks,
            every_hours=self.backup_every_hours,
        )

    @backup_policy.setter
    def backup_policy(self, policy: BackupPolicy) -> None:
        policy = policy.clamped()
        self.backup_keep_recent = policy.keep_recent
        self.backup_keep_weeks = policy.keep_weeks
        self.backup_every_hours = policy.every_hours

    # ----- files --------------------------------------------------------------------------
    @staticmethod
    def _location(database: Path | str) -> str:
        """A file's resolved path, or a team workspace's address as it is."""
        if isinstance(database, str) and "://" in database:
            return database
        return str(Path(database).expanduser().resolve())

    def remember_database(self, database: Path | str) -> None:
        """The file (or team workspace) just opened becomes the last one and heads the
        recent list."""
        resolved = self._location(database)
        self.last_database = resolved
        recent = [p for p in self.recent_databases if p != resolved]
        self.recent_databases = [resolved, *recent][:RECENT_LIMIT]

    def forget_database(self, database: Path | str) -> None:
        resolved = self._location(database)
        self.recent_databases = [p for p in self.recent_databases if p != resolved]

    def last_folder(self, purpose: str) -> str:
        """The folder a file chooser last chose a file in for this purpose ("" if none)."""
        raw = self._qs.value(f"folders/{purpose}")
        return raw if isinstance(raw, str) else ""

    def set_last_folder(self, purpose: str, folder: str) -> None:
        self._qs.setValue(f"folders/{purpose}", folder)

    # ----- per-window and per-database state ------------------------------------------------
    def splitter_state(self, name: str) -> bytes:
        raw = self._qs.value(f"window/splitter_{name}")
        return raw.data() if isinstance(raw, QByteArray) else b""

    def set_splitter_state(self, name: str, state: bytes) -> None:
        self._qs.setValue(f"window/splitter_{name}", QByteArray(state))

    @staticmethod
    def _database_key(database: Path) -> str:
        digest = hashlib.sha1(os.fsencode(database.resolve()), usedforsecurity=False)
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

    def import_plan(self, source: str) -> dict[str, Any]:
        """How the user last mapped a file of this layout (io.needs_table.file_layout):
        ``columns`` (file column → field, "" left out), ``statuses`` (file status →
        board column name) and ``project``; {} when never imported. Only strings are
        kept: a hand-edited file cannot put anything else in the assistant."""
        value = self._json(f"imports/{source}")
        if not isinstance(value, dict):
            return {}
        plan: dict[str, Any] = {}
        for key in ("columns", "statuses"):
            part = value.get(key)
            if isinstance(part, dict):
                plan[key] = {
                    k: v for k, v in part.items() if isinstance(k, str) and isinstance(v, str)
                }
        if isinstance(value.get("project"), str):
            plan["project"] = value["project"]
        return plan

    def set_import_plan(self, source: str, plan: dict[str, Any]) -> None:
        self._qs.setValue(f"imports/{source}", json.dumps(plan, ensure_ascii=False))

    def sync(self) -> None:
        self._qs.sync()
