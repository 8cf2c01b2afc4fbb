"""Live team workspaces: each committed change is announced, every window hears it.

After each transaction that wrote on a team server, the server is told to ``NOTIFY``
:data:`CHANNEL` with a compact payload (:func:`payload`): which connection announced it
(``origin``, so a window ignores its own), the change's id and author, the kinds of
data it touched and the needs it concerns. A payload too long for the server (8000
bytes) says "everything" instead. NOTIFY is part of the transaction: it is sent when
and only when the transaction commits.

Listening is a dedicated connection in autocommit (:func:`connect_listener`); the
window's side (a thread waiting on its socket) is in ``po_desktop.ui.live``.
"""

from __future__ import annotations

import json
import select
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import quote, unquote

from sqlalchemy import event, text
from sqlalchemy.engine import URL
from sqlalchemy.orm import Session, sessionmaker

from po_desktop.store import team
from po_desktop.store.changes import Change

CHANNEL = "po_desktop_changes"
LIMIT = 7900
"""The longest payload sent; the server refuses 8000 bytes and more."""
NAME_PREFIX = "po:"
"""What this app's connections start their ``application_name`` with: the person's name
follows, percent-encoded (the server keeps only ASCII there)."""

_WROTE = "po_desktop.live_wrote"
_APPLIED = "po_desktop.live_applied"
_CAPTURE = "po_desktop.capture"  # changes.capture's change, merged before each commit


def new_origin() -> str:
    return uuid.uuid4().hex[:12]


def application_name(person: str) -> str:
    """The name other windows see for this connection (``pg_stat_activity``)."""
    return (NAME_PREFIX + quote(person, safe=" "))[:63]


def person_of(name: str) -> str | None:
    if not name.startswith(NAME_PREFIX):
        return None
    return unquote(name[len(NAME_PREFIX) :]) or None


def payload(change: Change | None, origin: str) -> str:
    """The notification of ``change`` (None: a write outside the change protocol)."""
    if change is None:
        return json.dumps({"o": origin, "all": 1})
    data: dict[str, Any] = {
        "o": origin,
        "id": change.id,
        "by": change.author,
        "k": sorted(change.kinds),
        "n": change.need_ids,
    }
    compact = json.dumps(data, separators=(",", ":"), ensure_ascii=False)
    if len(compact.encode()) <= LIMIT:
        return compact
    return json.dumps({"o": origin, "id": change.id, "by": change.author[:200], "all": 1})


class RemoteChange(Change):
    """A change made by another window, as its notification tells it: its kinds and its
    needs, not its rows (the views reload those needs from the database)."""

    def __init__(self, notice: Notice) -> None:
        super().__init__({}, notice.author, id=notice.id or uuid.uuid4().hex)
        self._kinds = frozenset(notice.kinds or ())
        self._needs = list(notice.need_ids)

    @property
    def kinds(self) -> frozenset[str]:
        return self._kinds

    @property
    def empty(self) -> bool:
        return False

    @property
    def need_ids(self) -> list[int]:
        return list(self._needs)


@dataclass
class Notice:
    """One notification as received."""

    origin: str
    id: str = ""
    author: str = ""
    kinds: list[str] | None = None
    """None: everything may have changed."""
    need_ids: list[int] = field(default_factory=list)

    def change(self) -> Change:
        if self.kinds is None:
            return Change.everything()
        return RemoteChange(self)


def parse(raw: str) -> Notice:
    """A payload read back; anything unreadable means "everything"."""
    try:
        data = json.loads(raw)
        origin = str(data.get("o", ""))
    except (ValueError, AttributeError):
        return Notice("")
    if data.get("all") or not isinstance(data.get("k"), list):
        return Notice(origin, str(data.get("id", "")), str(data.get("by", "")))
    needs = [n for n in data.get("n", []) if isinstance(n, int)]
    kinds = [str(k) for k in data["k"]]
    return Notice(origin, str(data.get("id", "")), str(data.get("by", "")), kinds, needs)


def note_applied(session: Session, change: Change) -> None:
    """Tell the next commit what it writes (an undo or redo: ``changes.apply``)."""
    session.info[_APPLIED] = change


def install(factory: sessionmaker[Session], origin: str) -> None:
    """Announce every committed write of these sessions on :data:`CHANNEL`."""

    def mark(session: Session, _context: Any) -> None:
        if session.new or session.dirty or session.deleted:
            session.info[_WROTE] = True

    def announce(session: Session) -> None:
        session.flush()
        applied = session.info.pop(_APPLIED, None)
        captured = session.info.get(_CAPTURE)
        wrote = session.info.pop(_WROTE, False)
        change = applied if applied is not None else captured
        if change is None and not wrote:
            return
        if change is not None and change.empty and not wrote:
            return
        session.execute(
            text("SELECT pg_notify(:channel, :payload)"),
            {"channel": CHANNEL, "payload": payload(change, origin)},
        )

    event.listen(factory, "after_flush", mark)
    event.listen(factory, "before_commit", announce)


def connect_listener(url: URL, person: str) -> Any:
    """A connection of its own (autocommit) listening on :data:`CHANNEL`."""
    import psycopg

    url = team.server_url(url)
    conninfo = url.set(drivername="postgresql").render_as_string(hide_password=False)
    options = team.connect_options(url, application_name(person))
    options.pop("options", None)  # a listener waits: no statement timeout to meet
    connection = psycopg.connect(conninfo, autocommit=True, **options)  # type: ignore[arg-type]
    connection.execute(f"LISTEN {CHANNEL}")
    return connection


def wait(connection: Any, seconds: float, on_notice: Callable[[Notice], None]) -> None:
    """Wait up to ``seconds`` on the connection's socket, then hand over what arrived.
    A connection lost raises ``psycopg.OperationalError``."""
    readable, _, _ = select.select([connection.fileno()], [], [], seconds)
    if not readable:
        return
    received: list[Notice] = []
    handler = lambda n: received.append(parse(n.payload))  # noqa: E731
    connection.add_notify_handler(handler)
    try:
        connection.execute("SELECT 1")  # reads the socket: notifications, or the loss
    finally:
        connection.remove_notify_handler(handler)
    for notice in received:
        on_notice(notice)


def present(connection: Any) -> list[str]:
    """Who has this workspace open, by name (each once, sorted)."""
    rows = connection.execute(
        "SELECT DISTINCT application_name FROM pg_stat_activity "
        "WHERE datname = current_database() AND application_name LIKE %s",
        (NAME_PREFIX + "%",),
    ).fetchall()
    names = {person_of(row[0]) for row in rows}
    return sorted((n for n in names if n), key=str.casefold)
