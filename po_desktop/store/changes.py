"""The change protocol: what one user action did, row by row, and how to undo or redo it.

A :class:`Change` holds, for each table, the rows the action touched as they were
before and after it (``None``: absent), plus the kinds of data that changed, its
author and time. It is plain data (column values as the database stores them) so the
team workspace can send it between machines. :func:`record` captures it around any
service call, whatever the service does (ORM objects, bulk statements, cascades);
:func:`apply` plays it backwards (undo) or forwards (redo), exactly, ids included,
and refuses when the rows are no longer as the change left them.

Capture is engine-specific and lives in :mod:`po_desktop.store.capture` (SQLite) and
:mod:`po_desktop.store.capture_pg` (PostgreSQL); this module
speaks rows and tables only.
"""

from __future__ import annotations

import base64
import sqlite3
import uuid
from collections.abc import Iterator, Mapping
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Connection, ForeignKey, Table, func, select, update
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session

from po_desktop.domain.messages import Message
from po_desktop.store import capture as sqlite_capture
from po_desktop.store import capture_pg, identity
from po_desktop.store.errors import ConflictError
from po_desktop.store.models import Base

Row = dict[str, Any]
"""Column name to the value the database stores (text dates, 0/1 booleans)."""
Key = tuple[Any, ...]

KINDS: Mapping[str, str] = {
    "need": "needs",
    "need_tag": "needs",
    "need_event": "needs",
    "need_comment": "needs",
    "attachment": "needs",
    "attachment_data": "needs",
    "need_link": "needs",
    "sprint_commitment": "needs",
    "assessment": "scoring",
    "assessment_value": "scoring",
    "scoring_model": "grids",
    "criterion": "grids",
    "project": "projects",
    "person": "people",
    "board_column": "columns",
    "sprint": "calendar",
    "sprint_member": "calendar",
    "ceremony": "calendar",
    "absence": "calendar",
    "setting": "settings",
}
"""What each table's rows are, for the views: each refreshes what the kinds concern."""

QUIET = {"project": frozenset({"next_number"})}
"""Columns whose change no view shows (the number the next key takes): a change of only
these does not make its table's kind part of the change."""


def _shows(table: str, rows: Mapping[Key, tuple[Row | None, Row | None]]) -> bool:
    quiet = QUIET.get(table)
    if quiet is None or not rows:
        return True
    for before, after in rows.values():
        if before is None or after is None:
            return True
        if any(before.get(c) != after.get(c) for c in before if c not in quiet):
            return True
    return False


UNRECORDED = {"setting": {("change_counter",), ("change_token",), ("calendar_revisions",)}}
"""Rows kept by the store itself (the workspace's version, the calendar events' revisions:
``calendar_revisions``), never part of a change."""


@dataclass
class Change:
    """One user action: the rows it touched, before and after."""

    rows: dict[str, dict[Key, tuple[Row | None, Row | None]]] = field(default_factory=dict)
    author: str = ""
    at: datetime = field(default_factory=lambda: datetime.now(UTC))
    id: str = field(default_factory=lambda: uuid.uuid4().hex)
    result: Any = field(default=None, compare=False)
    """What the service returned (an id, a summary): for the caller, never serialised."""

    @classmethod
    def everything(cls) -> Change:
        """A change of unknown extent (written outside the protocol, a file replaced):
        every kind concerned, no row known, for views to reload all they show."""
        return cls({table: {} for table in KINDS})

    @property
    def kinds(self) -> frozenset[str]:
        return frozenset(
            KINDS.get(table, table) for table, rows in self.rows.items() if _shows(table, rows)
        )

    @property
    def empty(self) -> bool:
        return not self.rows

    @property
    def need_ids(self) -> list[int]:
        """Every need this change concerns (its own row, or a row that belongs to it)."""
        found: dict[int, None] = {}
        for table, rows in self.rows.items():
            for key, (before, after) in rows.items():
                if table == "need":
                    found[key[0]] = None
                    continue
                for row in (before, after):
                    if row is not None and isinstance(row.get("need_id"), int):
                        found[row["need_id"]] = None
        return list(found)

    def merge(self, later: Change) -> None:
        """Add what a later step of the same action did (its 'after' wins)."""
        for table, rows in later.rows.items():
            mine = self.rows.setdefault(table, {})
            for key, (before, after) in rows.items():
                mine[key] = (mine[key][0], after) if key in mine else (before, after)
            self.rows[table] = {k: (b, a) for k, (b, a) in mine.items() if b != a}
            if not self.rows[table]:
                del self.rows[table]

    def created(self, table: str) -> list[Key]:
        """Keys of the rows of ``table`` the action created."""
        return [key for key, (before, _after) in self.rows.get(table, {}).items() if before is None]

    def inverse(self) -> Change:
        """The change that undoes this one (its rows swapped)."""
        return Change(
            {t: {k: (a, b) for k, (b, a) in rows.items()} for t, rows in self.rows.items()},
            self.author,
        )

    # ----- plain data ---------------------------------------------------------------------
    def to_data(self) -> dict[str, Any]:
        """JSON-ready: what crosses the network in a team workspace."""
        return {
            "id": self.id,
            "author": self.author,
            "at": self.at.isoformat(),
            "rows": {
                table: [
                    [list(key), _plain(before), _plain(after)]
                    for key, (before, after) in rows.items()
                ]
                for table, rows in self.rows.items()
            },
        }

    @classmethod
    def from_data(cls, data: Mapping[str, Any]) -> Change:
        return cls(
            {
                table: {
                    tuple(key): (_from_plain(before), _from_plain(after))
                    for key, before, after in rows
                }
                for table, rows in data["rows"].items()
            },
            data.get("author", ""),
            datetime.fromisoformat(data["at"]),
            data["id"],
        )


_BYTES = "base64"


def _plain(row: Row | None) -> Row | None:
    """A row as JSON can carry it: bytes (an attachment's content) as base64."""
    if row is None or not any(isinstance(v, bytes) for v in row.values()):
        return row
    return {
        name: {_BYTES: base64.b64encode(v).decode("ascii")} if isinstance(v, bytes) else v
        for name, v in row.items()
    }


def _from_plain(row: Row | None) -> Row | None:
    if row is None or not any(isinstance(v, dict) for v in row.values()):
        return row
    return {
        name: base64.b64decode(v[_BYTES]) if isinstance(v, dict) else v for name, v in row.items()
    }


def _backend(connection: Connection) -> Any:
    """The capture of the connection's engine: SQLite's file or a team's PostgreSQL."""
    return capture_pg if connection.dialect.name == "postgresql" else sqlite_capture


def tables() -> list[Table]:
    """Every table a change may touch, parents before children."""
    return list(Base.metadata.sorted_tables)


@contextmanager
def record(session: Session, author: str = "") -> Iterator[Change]:
    """Capture every row the statements inside the block touch, into the change yielded
    (filled when the block ends). Nested blocks share the outer recording."""
    change = Change(author=author)
    connection = session.connection()
    with _backend(connection).recording(connection, tables()) as log:
        yield change
        session.flush()
        change.rows = _collapse(log(), tables())


def prepare(session: Session) -> bool:
    """Ready the first recording on the session's connection ahead of time, and commit:
    on SQLite, installing its temporary triggers took 30 to 100 ms on the first action
    after opening a file (a team's PostgreSQL has its triggers already). Records and
    writes nothing to the file (the triggers and their log are temporary).

    False when it could not be done (a lock held elsewhere, a full temporary store):
    the first recording installs what it needs then, and says what fails.
    """
    try:
        connection = session.connection()
        if _backend(connection) is sqlite_capture:
            sqlite_capture.prepare(connection, tables())
        session.commit()
    except (SQLAlchemyError, sqlite3.Error):
        with suppress(SQLAlchemyError, sqlite3.Error):
            session.rollback()
        return False
    return True


_CAPTURE = "po_desktop.capture"
_CAPTURING = "po_desktop.capturing"


@contextmanager
def capture(session: Session, author: str = "") -> Iterator[Change]:
    """What the services called inside the block change, gathered into one change (the
    services commit as usual; each records its rows before its commit). Its author is
    ``author``, else whoever writes through the session (:mod:`identity`)."""
    change = Change(author=author or identity.current(session).name)
    previous = session.info.get(_CAPTURE)
    session.info[_CAPTURE] = change
    try:
        yield change
    finally:
        if previous is None:
            session.info.pop(_CAPTURE, None)
        else:
            session.info[_CAPTURE] = previous


@contextmanager
def capturing(session: Session) -> Iterator[None]:
    """Inside a service's transaction: record its rows when a capture asks for them."""
    target: Change | None = session.info.get(_CAPTURE)
    if target is None or session.info.get(_CAPTURING):
        yield
        return
    session.info[_CAPTURING] = True
    try:
        with record(session) as change:
            yield
        target.merge(change)
    finally:
        session.info.pop(_CAPTURING, None)


def _collapse(
    entries: list[tuple[str, Key, Row | None, Row | None]], known: list[Table]
) -> dict[str, dict[Key, tuple[Row | None, Row | None]]]:
    """First 'before' and last 'after' of each row; rows back where they were, dropped."""
    merged: dict[str, dict[Key, tuple[Row | None, Row | None]]] = {}
    for table, key, before, after in entries:
        if key in UNRECORDED.get(table, ()):
            continue
        rows = merged.setdefault(table, {})
        if key in rows:
            rows[key] = (rows[key][0], after)
        else:
            rows[key] = (before, after)
    order = {t.name: i for i, t in enumerate(known)}
    result: dict[str, dict[Key, tuple[Row | None, Row | None]]] = {}
    for table in sorted(merged, key=lambda name: order.get(name, len(order))):
        kept = {k: (b, a) for k, (b, a) in merged[table].items() if b != a}
        if kept:
            result[table] = kept
    return result


def apply(session: Session, change: Change, *, backwards: bool) -> Change:
    """Undo (``backwards``) or redo a change, in the session's transaction; returns the
    change that was applied (rows before and after, this time).

    Every row must still be as the change left it (for an undo, its 'after'): if
    another action, or another person, changed it since, nothing is applied and
    :class:`ConflictError` says so. The :data:`COUNTED` columns of a versioned row (a
    need, a project, a person, a sprint, a board column) are left out of that comparison
    and move forward instead of back (see :func:`_counted`).
    """
    session.flush()
    wanted = change.inverse() if backwards else change
    connection = session.connection()
    by_name = {t.name: t for t in tables()}
    counted: dict[str, dict[Key, Row]] = {}
    for table_name, rows in wanted.rows.items():
        table = by_name[table_name]
        current = _backend(connection).read_rows(connection, table, list(rows))
        for key, (expected, _target) in rows.items():
            if not _same(table_name, current.get(key), expected):
                raise _stale(session, table_name, key, current.get(key) or expected, change)
        if table_name in VERSIONED:
            counted[table_name] = {key: row for key, row in current.items() if row is not None}
    _refuse_orphans(session, wanted, change, by_name)
    wanted = _counted(session, wanted, counted)
    _backend(connection).write_rows(
        connection, [(by_name[t], rows) for t, rows in wanted.rows.items()]
    )
    from po_desktop.store.models import utcnow

    for table_name, stamped in counted.items():
        if stamped:
            table = by_name[table_name]
            ids = [key[0] for key in stamped]
            session.execute(update(table).where(table.c.id.in_(ids)).values(updated_at=utcnow()))
    session.expire_all()
    return wanted


_CHUNK = 500
"""Ids per ``IN`` list when looking for rows that point at rows about to go."""


def _refuse_orphans(
    session: Session, wanted: Change, change: Change, by_name: Mapping[str, Table]
) -> None:
    """Refuse to delete a row that rows the change does not know point at: a comment, an
    attachment or a link another person added to a need since (a team workspace), which
    the database would delete with it (or leave pointing at nothing). Each table is
    counted, not read: an undone import of 10,000 needs asks a few hundred counts."""
    going: dict[str, set[Any]] = {}
    for table_name, rows in wanted.rows.items():
        table = by_name[table_name]
        if len(table.primary_key.columns) != 1:
            continue
        gone = {key[0] for key, (before, after) in rows.items() if before and after is None}
        if gone:
            going[table_name] = gone
    if not going:
        return
    orphans: list[tuple[Table, ForeignKey, list[Any]]] = []
    for child in by_name.values():
        if child.name in _HISTORY:
            continue
        known = wanted.rows.get(child.name, {})
        for foreign in child.foreign_keys:
            parents = going.get(foreign.column.table.name)
            if not parents:
                continue
            column = foreign.parent
            expected = sum(1 for b, _ in known.values() if b and b.get(column.name) in parents)
            ordered = sorted(parents)
            found = 0
            for start in range(0, len(ordered), _CHUNK):
                chunk = ordered[start : start + _CHUNK]
                found += session.execute(
                    select(func.count()).select_from(child).where(column.in_(chunk))
                ).scalar_one()
            if found > expected:
                orphans.append((child, foreign, ordered))
    if orphans:  # the one a user knows best: a comment rather than the event it left
        named = [o for o in orphans if o[0].name in _ADDED]
        child, foreign, keys = (
            min(named, key=lambda o: list(_ADDED).index(o[0].name)) if named else orphans[0]
        )
        raise _orphaned(session, child, foreign, keys, wanted.rows.get(child.name, {}), change)


_HISTORY = frozenset({"need_event"})
"""Rows that record what happened to the row they point at: they go with it, and the
names they hold stay when a person they point at goes."""

_ADDED = {
    "need_comment": "change.what.comment",
    "attachment": "change.what.attachment",
    "need_link": "change.what.link",
    "need_tag": "change.what.tag",
    "sprint_commitment": "change.what.commitment",
    "assessment": "change.what.score",
}
"""What a row that belongs to another is, in a refusal; other tables: "data"."""


def _orphaned(
    session: Session,
    child: Table,
    foreign: ForeignKey,
    ids: list[Any],
    known: Mapping[Key, tuple[Row | None, Row | None]],
    change: Change,
) -> ConflictError:
    """The refusal naming one row the change does not know: what it is, to what, by whom."""
    from po_desktop.domain.formatting import Clock

    column, parent = foreign.parent, foreign.column.table.name
    keys = [c.name for c in child.primary_key.columns]
    row: Row = {}
    for start in range(0, len(ids), _CHUNK):
        query = select(child).where(column.in_(ids[start : start + _CHUNK]))
        for found in session.execute(query).mappings():
            if tuple(found[k] for k in keys) not in known:
                row = dict(found)
                break
        if row:
            break
    what = Message(_ADDED.get(child.name, "change.what.data"))
    model = identity.VERSIONED.get(parent)
    owner = session.get(model, row.get(column.name)) if model is not None and row else None
    name = (owner.key if parent == "need" else identity.describe(owner)) if owner else ""
    where = name or f"{parent} {row.get(column.name, '')}"
    who = row.get("author_name") or ""
    at = row.get("created_at") or row.get("added_at") or row.get("at")
    if who and who != change.author and isinstance(at, datetime):
        return ConflictError("change.added_by", who=who, what=what, key=where, at=Clock(at))
    return ConflictError("change.added", what=what, key=where)


VERSIONED = frozenset(identity.VERSIONED)
"""The tables whose rows count their changes (see :mod:`po_desktop.store.identity`)."""

COUNTED = identity.BOOKKEEPING
"""A versioned row's bookkeeping: its version only grows, an undo or a redo is a change
too (by whoever applies it, now), so a form loaded before it is refused after it. An undo
or redo compares and restores everything else."""


def _same(table: str, current: Row | None, expected: Row | None) -> bool:
    if table not in VERSIONED or current is None or expected is None:
        return current == expected
    return all(current.get(c) == v for c, v in expected.items() if c not in COUNTED) and all(
        c in expected or c in COUNTED for c in current
    )


def _counted(session: Session, wanted: Change, current: dict[str, dict[Key, Row]]) -> Change:
    """``wanted`` with each versioned row it writes over an existing one a version further."""
    if not any(current.values()):
        return wanted
    who = identity.current(session).name
    written = dict(wanted.rows)
    for table, now_rows in current.items():
        rows = dict(written[table])
        for key, (before, after) in rows.items():
            now = now_rows.get(key)
            if after is not None and now is not None:
                version = max(int(now.get("version") or 1), int(after.get("version") or 1)) + 1
                rows[key] = (before, {**after, "version": version, "updated_by": who})
        written[table] = rows
    return Change(written, wanted.author, wanted.at, wanted.id)


_OWNERS = {"sprint_member": ("sprint", "sprint_id")}
"""Rows that belong to a versioned row other than a need: the table and column of it."""


def _stale(
    session: Session, table: str, key: Key, row: Row | None, change: Change
) -> ConflictError:
    """The refusal of an undo: who changed the row (or the need, the sprint it belongs to)
    and when, when its last change came after the one undone; else which row."""
    from po_desktop.domain.formatting import Clock

    owner, owner_id = table, key[0]
    if table not in VERSIONED:
        owner, column = _OWNERS.get(table, ("need", "need_id"))
        owner_id = (row or {}).get(column)
    model = identity.VERSIONED.get(owner)
    found = (  # read afresh: the session may still hold the row as it was before
        session.get(model, owner_id, populate_existing=True)
        if model and isinstance(owner_id, int)
        else None
    )
    done = change.at.astimezone(UTC).replace(tzinfo=None).replace(microsecond=0)
    if found is not None and found.updated_at is not None and found.updated_at >= done:
        at = Clock(found.updated_at)
        what = found.key if owner == "need" else identity.describe(found)
        if found.updated_by and found.updated_by != change.author:
            return ConflictError("change.stale_by", who=found.updated_by, key=what, at=at)
        if owner == "need":
            return ConflictError("change.stale_at", key=what, at=at)
        return ConflictError("change.stale_row_at", what=what, at=at)
    return ConflictError("change.stale", table=table, key=_show(key))


def _show(key: Key) -> str:
    return "/".join(str(part) for part in key)
