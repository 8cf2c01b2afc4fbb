"""Every committed write gives the workspace a new version; backups compare versions.

A version is ``<counter>:<token>``: the counter grows by one with each write
transaction (it orders copies without asking the wall clock, which may be wrong), the
random token tells two histories apart (a restored copy written again may reach the
same counter with other data). Both live in the ``setting`` table, so a copy carries
the version it was taken at.
"""

from __future__ import annotations

import secrets
import sqlite3
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import event, select
from sqlalchemy.orm import Session, sessionmaker

from po_desktop.store.models import Setting

COUNTER_KEY = "change_counter"
TOKEN_KEY = "change_token"
_WROTE = "po_desktop.wrote"


@dataclass(frozen=True, order=True)
class Version:
    counter: int
    token: str

    def __str__(self) -> str:
        return f"{self.counter}:{self.token}"


def install(factory: sessionmaker[Session]) -> None:
    """Bump the version of every transaction of these sessions that wrote something."""
    event.listen(factory, "after_flush", _mark)
    event.listen(factory, "before_commit", _bump)


def _mark(session: Session, _context: Any) -> None:
    if session.new or session.dirty or session.deleted:
        session.info[_WROTE] = True


def _bump(session: Session) -> None:
    session.flush()  # what is still pending counts as written too
    if not session.info.pop(_WROTE, False):
        return
    found = {  # both in one query: this runs on every commit (each card move)
        setting.key: setting
        for setting in session.scalars(
            select(Setting).where(Setting.key.in_((COUNTER_KEY, TOKEN_KEY)))
        )
    }
    counter, token = found.get(COUNTER_KEY), found.get(TOKEN_KEY)
    if counter is None:
        counter = Setting(key=COUNTER_KEY, value="0")
        session.add(counter)
    if token is None:
        token = Setting(key=TOKEN_KEY, value="")
        session.add(token)
    counter.value = str(_as_int(counter.value) + 1)
    token.value = secrets.token_hex(8)
    session.flush()
    session.info.pop(_WROTE, None)  # the bump itself is not a new write


def current(session: Session) -> Version:
    rows = dict(
        session.execute(
            select(Setting.key, Setting.value).where(Setting.key.in_((COUNTER_KEY, TOKEN_KEY)))
        ).all()
    )
    return Version(_as_int(rows.get(COUNTER_KEY)), rows.get(TOKEN_KEY) or "")


def of_file(path: Path) -> Version | None:
    """The version a database or backup file holds, read without writing a byte; None
    when the file cannot be read as one of ours."""
    try:
        conn = sqlite3.connect(f"{Path(path).resolve().as_uri()}?mode=ro", uri=True)
    except sqlite3.Error:
        return None
    try:
        rows = dict(
            conn.execute(
                "SELECT key, value FROM setting WHERE key IN (?, ?)", (COUNTER_KEY, TOKEN_KEY)
            ).fetchall()
        )
    except sqlite3.Error:
        return None
    finally:
        conn.close()
    return Version(_as_int(rows.get(COUNTER_KEY)), rows.get(TOKEN_KEY) or "")


def _as_int(value: object) -> int:
    try:
        return int(str(value))
    except (TypeError, ValueError):
        return 0
