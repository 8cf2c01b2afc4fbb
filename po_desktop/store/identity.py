"""Who is writing: the author every change made through a session records.

Whoever opens a workspace says once who works in it (:func:`sign_in`): the window from
its "who am I" preference, the command line from ``--author`` (both default to the
computer's login name); on a team workspace the server's login role, when it is a
person's login, comes first. The author is
a person of the workspace when one matches (by their login, then by their name), else
the name as given. Every session carries it in ``session.info``; the store then stamps
it, whatever the service: the author of each event of a need's history, the one who last
changed a need, a project, a person, a sprint or a board column (with the row's version,
counted here: a form saved on an older version is refused, see ``needs.update_need`` and
:func:`check_version`). Comments and decisions take it when the caller names no one.
"""

from __future__ import annotations

import getpass
from dataclasses import dataclass
from typing import Any

from sqlalchemy import event, func, inspect, select, update
from sqlalchemy.orm import Session, sessionmaker

from po_desktop.domain.formatting import Clock
from po_desktop.domain.messages import Message
from po_desktop.domain.text import NameIndex
from po_desktop.store.errors import ConflictError
from po_desktop.store.models import (
    BoardColumn,
    Need,
    NeedEvent,
    Person,
    Project,
    Sprint,
    Versioned,
    utcnow,
)

AUTHOR_MAX = 120
_KEY = "po_desktop.author"


@dataclass(frozen=True)
class Author:
    """A person of the workspace (``person_id``) and their name, or a name alone."""

    person_id: int | None
    name: str


NOBODY = Author(None, "")


def os_login() -> str:
    """The computer's login name, or empty when the system cannot tell."""
    try:
        return getpass.getuser()
    except (OSError, KeyError):
        return ""


def server_login(session: Session) -> str | None:
    """The login role of a team workspace's connection; None for a workspace file."""
    if session.get_bind().dialect.name != "postgresql":
        return None
    return str(session.execute(select(func.current_user())).scalar_one())


def resolve(session: Session, typed: str) -> Author:
    """The person ``typed`` names: by their login (regardless of case), else by their name
    (as :class:`NameIndex` finds names: case and accents aside, when one alone matches);
    else the name as typed, no one of the workspace."""
    printable = "".join(ch for ch in typed if ch.isprintable() or ch.isspace())
    text = " ".join(printable.split())[:AUTHOR_MAX]  # one line, nothing a file cannot carry
    if not text:
        return NOBODY
    people = session.execute(select(Person.id, Person.name, Person.login).order_by(Person.id))
    rows = list(people)
    for person_id, name, login in rows:
        if login and login.casefold() == text.casefold():
            return Author(person_id, name)
    found = NameIndex((name, person_id) for person_id, name, _login in rows).find(text)
    if len(found) == 1:
        return Author(found[0][1], found[0][0])
    return Author(None, text)


def who(session: Session, typed: str | None = None) -> Author:
    """Who writes through ``session``. On a team workspace, the person whose login is the
    server's login role, whatever is typed (the server knows who signed in); a role that
    is no one's (a shared one) leaves it to ``typed``. Otherwise ``typed`` if given (the
    "who am I" preference, ``--author``), else the computer's login."""
    login = server_login(session)
    if login is not None:
        found = resolve(session, login)
        if found.person_id is not None or typed is None or not typed.strip():
            return found
    if typed is not None and typed.strip():
        return resolve(session, typed)
    return resolve(session, login if login is not None else os_login())


def sign_in(target: Session | sessionmaker[Session], author: Author) -> None:
    """Make ``author`` the author of what ``target`` (a session, or every session a
    factory makes from now on) writes."""
    if isinstance(target, Session):
        target.info[_KEY] = author
        return
    info = target.kw.setdefault("info", {})
    info[_KEY] = author


def current(session: Session) -> Author:
    """The author of what ``session`` writes (nobody known: an empty name)."""
    author = session.info.get(_KEY)
    return author if isinstance(author, Author) else NOBODY


BOOKKEEPING = frozenset({"version", "updated_by", "updated_at"})
"""The columns that say who last changed a versioned row, and when: set here."""

VERSIONED: dict[str, type[Any]] = {
    "need": Need,
    "project": Project,
    "person": Person,
    "sprint": Sprint,
    "board_column": BoardColumn,
}
"""The tables whose rows count their changes, and their models."""

QUIET: dict[type[Any], frozenset[str]] = {
    Need: BOOKKEEPING | {"rank"},
    Project: BOOKKEEPING | {"next_number"},
    BoardColumn: BOOKKEEPING | {"position"},
    Person: BOOKKEEPING,
    Sprint: BOOKKEEPING,
}
"""The versioned tables, and the columns whose change alone is no one's change to the row:
a need's rank moves when other cards are dropped around it, a project's next number when
a need is added to it, a column's position when another column is added or removed."""

_STAMPED = "po_desktop.stamped"
_COUNTING = "po_desktop.counting"
"""The rows the flush under way counts, whose versions it moves on when it is done."""
_IDS_A_STATEMENT = 500
"""Ids in one version UPDATE: under SQLite's oldest limit of 999 values a statement."""


def _stamped(session: Session) -> set[object]:
    """The rows already counted in the session's transaction: a row changed by several
    flushes of one action is one change, one version further."""
    transaction = session.get_transaction()
    held = session.info.get(_STAMPED)
    if held is None or held[0] is not transaction:
        held = (transaction, set())
        session.info[_STAMPED] = held
    return held[1]


@event.listens_for(Session, "before_flush")
def _stamp(session: Session, _context: object, _instances: object) -> None:
    author = current(session)
    for obj in session.new:
        if isinstance(obj, NeedEvent) and obj.author_id is None and not obj.author_name:
            obj.author_id, obj.author_name = author.person_id, author.name
    stamped = _stamped(session)
    for obj in session.dirty:
        quiet = QUIET.get(type(obj))
        if quiet is None:
            continue
        state = inspect(obj)
        if state.identity_key in stamped:
            continue
        changed = {
            attr.key
            for attr in state.mapper.column_attrs
            if state.attrs[attr.key].history.has_changes()
        }
        if changed - quiet:
            _count(session, obj, author, stamped, keep_time="updated_at" in changed)


def _count(
    session: Session, obj: Any, author: Author, stamped: set[object], *, keep_time: bool = False
) -> None:
    stamped.add(inspect(obj).identity_key)
    session.info.setdefault(_COUNTING, []).append(obj)  # its version: see _count_versions
    obj.updated_by = author.name
    if not keep_time:
        obj.updated_at = utcnow()


@event.listens_for(Session, "after_flush_postexec")
def _count_versions(session: Session, _context: object) -> None:
    """The rows counted by this flush one version further, by one UPDATE a table adding
    one to the stored version, not from the value the session read: on a team server two
    writers that read the same version (an import and an undo, say) would both write the
    next one, and a form loaded after the first would pass after the second. The rows
    are locked by the flush's own UPDATE, so the version added to is the last one
    committed. One statement a table (not one a row), so that a thousand needs archived
    on a distant server are not a thousand round trips."""
    counting: list[Any] | None = session.info.pop(_COUNTING, None)
    if not counting:
        return
    by_table: dict[Any, list[Any]] = {}
    for obj in counting:
        by_table.setdefault(type(obj).__table__, []).append(obj)
    connection = session.connection()
    for table, rows in by_table.items():
        ids = [inspect(row).identity[0] for row in rows]
        for start in range(0, len(ids), _IDS_A_STATEMENT):
            connection.execute(
                update(table)
                .where(table.c.id.in_(ids[start : start + _IDS_A_STATEMENT]))
                .values(version=func.coalesce(table.c.version, 1) + 1)
            )
        for row in rows:
            if inspect(row).persistent:  # not a row the same flush deleted
                session.expire(row, ["version"])  # read again when asked for


@event.listens_for(Session, "after_soft_rollback")
def _forget_counting(session: Session, _previous: object) -> None:
    """A flush that failed leaves nothing to count in the next one."""
    session.info.pop(_COUNTING, None)


def touch(session: Session, row: Versioned) -> None:
    """Count a change to ``row`` that its own columns do not show (a sprint's members),
    once per action like any other."""
    stamped = _stamped(session)
    if inspect(row).identity_key not in stamped:
        _count(session, row, current(session), stamped)


def describe(row: object) -> Message | None:
    """A versioned row other than a need as a message names it ("the project ERP")."""
    if isinstance(row, Project):
        return Message("row.project", {"name": row.code})
    if isinstance(row, Person):
        return Message("row.person", {"name": row.name})
    if isinstance(row, Sprint):
        return Message("row.sprint", {"name": row.name})
    if isinstance(row, BoardColumn):
        return Message("row.column", {"name": row.name})
    return None


def changed_since(row: Versioned) -> ConflictError:
    """The refusal of a change built on an older version of ``row`` (a project, a person,
    a sprint, a board column): who changed it, and when."""
    at = Clock(row.updated_at or utcnow())
    what = describe(row)
    if row.updated_by:
        return ConflictError("row.changed_by", who=row.updated_by, what=what, at=at)
    return ConflictError("row.changed_since", what=what, at=at)


def check_version(row: Versioned, version: int | None) -> None:
    """Refuse (:func:`changed_since`) a save built on ``version`` when ``row`` is at
    another one; None: the caller edits whatever is there (a script, an import)."""
    if version is not None and row.version != version:
        raise changed_since(row)
