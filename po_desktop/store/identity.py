"""Who is writing: the author every change made through a session records.

Whoever opens a workspace says once who works in it (:func:`sign_in`): the window from
its "who am I" preference, the command line from ``--author`` (both default to the
computer's login name); on a team workspace the server's login role, when it is a
person's login, comes first. The author is
a person of the workspace when one matches (by their login, then by their name), else
the name as given. Every session carries it in ``session.info``; the store then stamps
it, whatever the service: the author of each event of a need's history, the one who last
changed a need (with the need's version, counted here: a form saved on an older version
is refused, see ``needs.update_need``). Comments and decisions take it when the caller
names no one.
"""

from __future__ import annotations

import getpass
from dataclasses import dataclass

from sqlalchemy import event, func, inspect, select
from sqlalchemy.orm import Session, sessionmaker

from po_desktop.domain.text import NameIndex
from po_desktop.store.models import Need, NeedEvent, Person, utcnow

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


_QUIET = frozenset({"rank", "version", "updated_by", "updated_at"})
"""Need columns whose change alone is no one's change to that need: the rank moves when
other cards are dropped around it."""


@event.listens_for(Session, "before_flush")
def _stamp(session: Session, _context: object, _instances: object) -> None:
    author = current(session)
    for obj in session.new:
        if isinstance(obj, NeedEvent) and obj.author_id is None and not obj.author_name:
            obj.author_id, obj.author_name = author.person_id, author.name
    for obj in session.dirty:
        if not isinstance(obj, Need):
            continue
        state = inspect(obj)
        changed = {
            attr.key
            for attr in state.mapper.column_attrs
            if state.attrs[attr.key].history.has_changes()
        }
        if not changed - _QUIET:
            continue
        obj.version = (obj.version or 1) + 1
        obj.updated_by = author.name
        if "updated_at" not in changed:
            obj.updated_at = utcnow()
