"""Plumbing shared by services: one transaction per user action, and validators."""

from __future__ import annotations

import contextlib
import functools
import math
import re
import sqlite3
from collections.abc import Callable, Iterable, Iterator
from datetime import datetime
from typing import Concatenate, ParamSpec, TypeVar

from sqlalchemy import select
from sqlalchemy.exc import DBAPIError, OperationalError
from sqlalchemy.orm import Mapped, Session

from po_desktop.domain.enums import EventField
from po_desktop.domain.messages import (
    Bilingual,
    language,
    listing,
    server_reason,
    sqlite_reason,
)
from po_desktop.domain.numbers import AmbiguousNumberError, NumberConvention, for_language
from po_desktop.domain.text import NameIndex
from po_desktop.store import changes, identity
from po_desktop.store.errors import NotFoundError, StorageError, ValidationError
from po_desktop.store.models import NeedEvent

P = ParamSpec("P")
R = TypeVar("R")
T = TypeVar("T")

LONG_TEXT_MAX = 200_000
COLOR_RE = re.compile(r"^#[0-9A-Fa-f]{6}$")


_DEPTH = "po_desktop.service_depth"
_STAMPS = identity.current  # the store stamps authors and versions on every write


def locked(session: Session, model: type[T], row_id: int, version: int | None) -> T | None:
    """The row ``row_id`` of ``model``; when a save is built on a ``version`` of it, read
    afresh and locked until the commit (on PostgreSQL), so that the version compared is
    the one the save writes over."""
    checking = version is not None
    return session.get(model, row_id, with_for_update=checking, populate_existing=checking)


def transactional(fn: Callable[Concatenate[Session, P], R]) -> Callable[Concatenate[Session, P], R]:
    """Make a service one user action: committed as a whole, or not at all.

    The outermost service commits (including a transaction that earlier reads
    opened implicitly). A service called from inside another one, or inside
    :func:`atomic`, runs in a savepoint and leaves the commit to its caller, so
    an import of many needs stays all-or-nothing.
    """

    @functools.wraps(fn)
    def wrapper(session: Session, *args: P.args, **kwargs: P.kwargs) -> R:
        depth = session.info.get(_DEPTH, 0)
        session.info[_DEPTH] = depth + 1
        try:
            if depth:
                with session.begin_nested():
                    return fn(session, *args, **kwargs)
            if not session.in_transaction():
                with session.begin(), changes.capturing(session):
                    return fn(session, *args, **kwargs)
            try:
                with changes.capturing(session):
                    result = fn(session, *args, **kwargs)
                session.commit()
                return result
            except BaseException:
                session.rollback()
                raise
        except OperationalError as exc:
            if driver_fault(exc):
                raise
            raise _storage_error(exc, session) from exc
        except DBAPIError as exc:
            # Integrity errors mean validation missed a case (or a race): still one
            # readable line for the user, and the transaction was rolled back.
            if driver_fault(exc):
                raise
            raise _storage_error(exc, session) from exc
        finally:
            session.info[_DEPTH] = depth

    wrapper.__transactional__ = True  # type: ignore[attr-defined]  # a write service
    return wrapper


@contextlib.contextmanager
def atomic(session: Session) -> Iterator[Session]:
    """Several services as one user action (one commit at the end, rollback on error)."""
    depth = session.info.get(_DEPTH, 0)
    if depth:
        with session.begin_nested():
            yield session
        return
    session.info[_DEPTH] = 1
    try:
        if session.in_transaction():
            try:
                with changes.capturing(session):
                    yield session
                session.commit()
            except BaseException:
                session.rollback()
                raise
        else:
            with session.begin(), changes.capturing(session):
                yield session
    finally:
        session.info[_DEPTH] = 0


@contextlib.contextmanager
def rolled_back(session: Session) -> Iterator[Session]:
    """Run services for what they would do, then undo it all: inside, each service runs
    in a savepoint as in an import; at the end everything is rolled back, whether the
    block succeeded or not. Nothing is committed, nothing is recorded as a change."""
    if session.info.get(_DEPTH, 0):
        raise RuntimeError("rolled_back() inside a service would roll back its caller")
    if session.in_transaction():
        session.rollback()
    session.info[_DEPTH] = 1
    try:
        with session.begin():
            yield session
            session.rollback()
    except OperationalError as exc:
        if driver_fault(exc):
            raise
        raise _storage_error(exc, session) from exc
    finally:
        session.info[_DEPTH] = 0


def _storage_error(exc: DBAPIError, session: Session) -> StorageError:
    return storage_error(exc, session.get_bind().url.database or "")


def _first_line(error: BaseException) -> str:
    """The driver's reason, one line (libpq's is English and spans several)."""
    return next((line.strip() for line in str(error).splitlines() if line.strip()), "")


_SQLITE_BUSY, _SQLITE_LOCKED, _SQLITE_READONLY, _SQLITE_FULL = 5, 6, 8, 13
"""SQLite's primary result codes (the low byte of an extended one) that have a message
of their own."""


def driver_fault(exc: DBAPIError) -> bool:
    """An error the SQLite driver raised by itself, with no result code from SQLite: a
    connection used after it was closed or from inside another of its calls, a value it
    cannot bind. A bug of ours, not a fault of the disk or the file: it goes to the
    crash report as one, never to the user as a save that failed."""
    return (
        isinstance(exc.orig, sqlite3.Error) and getattr(exc.orig, "sqlite_errorcode", None) is None
    )


def storage_error(exc: DBAPIError, path: str = "") -> StorageError:
    """A database error as the user reads it: SQLite's English stays in the log.

    SQLite's result code says what failed; its English words only when it gives no
    code (a server's, or the driver's own): a constraint that names a column
    "full_name" is no full disk, a statement about a "locked" flag no busy file."""
    code = getattr(exc.orig, "sqlite_errorcode", None)
    name = getattr(exc.orig, "sqlite_errorname", None)
    if code is not None:
        primary = code & 0xFF
        if primary in (_SQLITE_BUSY, _SQLITE_LOCKED):
            return StorageError("db.busy")
        if primary == _SQLITE_FULL:
            return StorageError("db.full")
        if primary == _SQLITE_READONLY:
            return StorageError("db.read_only", path=path)
        return StorageError("db.write_failed", detail=sqlite_reason(code, name))
    text = str(exc.orig).lower()
    if "locked" in text or "busy" in text:
        return StorageError("db.busy")
    if "full" in text:  # SQLITE_FULL: no room on the disk (or the file's page limit)
        return StorageError("db.full")
    if "readonly" in text or "read-only" in text:
        return StorageError("db.read_only", path=path)
    if type(exc.orig).__module__.startswith("psycopg"):  # a team workspace's server
        sqlstate = getattr(exc.orig, "sqlstate", None)
        if sqlstate is None or sqlstate.startswith("08"):  # no connection, or lost
            return StorageError("team.unreachable", detail=_first_line(exc.orig or exc))
        return StorageError("db.write_failed", detail=server_reason(sqlstate))
    return StorageError("db.write_failed", detail=sqlite_reason(None, name))


SHORT_TEXT_MAX = 300
"""Fields up to this length are one line (titles, names); longer ones keep their layout."""

_LINE_BREAK = re.compile("\r\n|[\r\x0b\x0c\x85\u2028\u2029]")
_NONCHARACTERS = "".join(
    chr(plane + 0xFFFE) + chr(plane + 0xFFFF) for plane in range(0, 0x110000, 0x10000)
)
_UNSTORABLE = re.compile(
    "[\x00-\x08\x0e-\x1f\x7f-\x84\x86-\x9f"  # control characters (not TAB, LF and line breaks)
    "\ud800-\udfff"  # lone surrogates: no UTF-8 form, SQLite refuses them with an exception
    f"\ufdd0-\ufdef{_NONCHARACTERS}]"  # noncharacters: Qt's editors use some internally
)


def _check_characters(text: str, field: str) -> None:
    """Refuse what no file can carry: NUL and other controls pasted by accident, lone
    surrogates (SQLite raised UnicodeEncodeError), noncharacters (Qt turned U+FDD0 into a
    line break). TAB and every line break stay: e-mails and spreadsheets are full of them."""
    bad = _UNSTORABLE.search(text)
    if bad is not None:
        raise ValidationError("field.bad_character", field=field, char=f"U+{ord(bad[0]):04X}")


def storable(text: str) -> str:
    """``text`` without the characters :func:`clean_text` refuses: for text that comes
    from a file (an e-mail's body), where refusing would lose the whole file."""
    return _UNSTORABLE.sub("", text)


_LEADING_BOM = re.compile("^\ufeff+")
_LEADING_SPACE = re.compile(r"^[\s\ufeff]+")


def _one_line(text: str) -> str:
    flat = _LINE_BREAK.sub(" ", text).replace("\n", " ").replace("\t", " ")
    return _LEADING_SPACE.sub("", flat).rstrip()


def clean_text(value: object, field: str, *, required: bool = False, max_len: int) -> str:
    """A typed text as stored, or a ValidationError naming the field.

    Line ends become ``\\n`` (CR LF, CR, VT, FF, NEL, U+2028, U+2029): Qt's text editors
    give CR LF, CR and U+2028/9 back as LF anyway, so an edit never changes them. A short field
    (``max_len`` ≤ 300) is one line: its line breaks and tabs become spaces and surrounding
    whitespace is stripped. A leading U+FEFF (a byte-order mark pasted from a file) is
    dropped: Qt drops it from any text it is given, so it could not survive an edit. The
    length is checked on what would be stored.
    """
    text = "" if value is None else str(value)
    if text.isprintable():  # most titles and names: no control, break, BOM or odd code
        if max_len <= SHORT_TEXT_MAX:
            text = text.strip()
    elif "\n" in text and text.replace("\n", "").isprintable():
        # Most long texts: paragraphs split by LF alone, nothing else to look for (every
        # refused character, other line break and BOM is unprintable): the character
        # search below costs more than all the other checks of a row.
        if max_len <= SHORT_TEXT_MAX:
            text = text.replace("\n", " ").strip()
    else:
        _check_characters(text, field)
        if max_len <= SHORT_TEXT_MAX:
            text = _one_line(text)
        else:
            text = _LEADING_BOM.sub("", _LINE_BREAK.sub("\n", text))
    if required and not text.strip():
        raise ValidationError("field.required", field=field)
    if len(text) > max_len:
        raise ValidationError("field.too_long", field=field, max=max_len)
    return text


def clean_choice(value: object, field: str, choices: Iterable[str]) -> str:
    allowed = list(choices)
    text = str(value)
    if text not in allowed:
        raise ValidationError("field.bad_choice", field=field, value=text, choices=listing(allowed))
    return text


def clean_number(
    value: object,
    field: str,
    *,
    minimum: float | None = None,
    maximum: float | None = None,
    allow_none: bool = True,
    numbers: NumberConvention | None = None,
) -> float | None:
    """A number from a value or a text, checked against its bounds.

    A text is read by ``numbers``, the convention of whoever wrote it (a file's, see
    :mod:`po_desktop.domain.numbers`); None means typed in the interface, in its language.
    """
    if value is None or (isinstance(value, str) and not value.strip()):
        if allow_none:
            return None
        raise ValidationError("field.required", field=field)
    if isinstance(value, bool):
        raise ValidationError("field.bad_number", field=field, value=value)
    try:
        if isinstance(value, str):
            number = (numbers or for_language(language())).parse(value)
        else:
            number = float(value)  # type: ignore[arg-type]
    except AmbiguousNumberError as exc:
        raise ValidationError(
            "field.ambiguous_number",
            field=field,
            value=value,
            decimal=Bilingual(_fmt(exc.decimal).replace(".", ","), _fmt(exc.decimal)),
            grouped=_fmt(exc.grouped),
        ) from None
    except (TypeError, ValueError):
        raise ValidationError("field.bad_number", field=field, value=value) from None
    if math.isnan(number) or math.isinf(number):
        raise ValidationError("field.bad_number", field=field, value=value)
    lo = -math.inf if minimum is None else minimum
    hi = math.inf if maximum is None else maximum
    if not lo <= number <= hi:
        raise ValidationError(
            "field.out_of_range",
            field=field,
            value=value,
            min=_fmt(minimum),
            max=_fmt(maximum),
        )
    return number


def _fmt(bound: float | None) -> str:
    if bound is None:
        return "∞"
    return str(int(bound)) if float(bound).is_integer() else str(bound)


def clean_color(value: object) -> str:
    text = str(value or "").strip()
    if not COLOR_RE.match(text):
        raise ValidationError("field.bad_color", field="color", value=text)
    return text.upper()


TRUE_WORDS = {"1", "true", "yes", "oui", "vrai", "y", "o", "x"}
FALSE_WORDS = {"0", "false", "no", "non", "faux", "n", ""}


def clean_bool(value: object, field: str) -> bool:
    if isinstance(value, bool):
        return value
    text = str(value if value is not None else "").strip().lower()
    if text in TRUE_WORDS:
        return True
    if text in FALSE_WORDS:
        return False
    raise ValidationError("field.bad_bool", field=field, value=value)


def clean_tags(values: Iterable[str]) -> list[str]:
    """Tags are one-line texts (see :func:`clean_text`), deduplicated case-insensitively,
    sorted, comma-free."""
    seen: dict[str, str] = {}
    for raw in values:
        text = str(raw)
        if text.isprintable():  # no control, break or BOM: one line already
            tag = text.strip()
        else:
            _check_characters(text, "tags")
            tag = _one_line(text)
        if not tag:
            continue
        if "," in tag or len(tag) > 40:
            raise ValidationError("tag.invalid", field="tags", tag=tag)
        seen.setdefault(tag.casefold(), tag)
    return sorted(seen.values(), key=str.casefold)


def find_named(session: Session, model: type[T], ref: str | int, msg_id: str) -> T:
    """A row by id, or by its ``name`` as typed, then regardless of case, then of accents
    too (see :func:`pick_named`); typed digits are a name first, then an id (a sprint may
    well be called "12")."""
    found = None
    if isinstance(ref, int):
        found = session.get(model, ref)
    else:
        typed = ref.strip()
        names = name_index(session, model.name, model.id)  # type: ignore[attr-defined]
        found_id = pick_named(names, typed)
        if found_id is not None:
            found = session.get(model, found_id)
        elif typed.isdigit():
            found = session.get(model, int(typed))
    if found is None:
        raise NotFoundError(msg_id, ref=ref)
    return found


def name_index(session: Session, name: Mapped[str], key: Mapped[int]) -> NameIndex[int]:
    """Every name in a column with its row's id (oldest first), to find the one typed."""
    rows = session.execute(select(name, key).order_by(key))
    return NameIndex((text, row_id) for text, row_id in rows)


def pick_named(index: NameIndex[T], typed: str) -> T | None:
    """The key of the one thing called ``typed`` in ``index``, None if nothing is.

    The names are few (sprints, grids, columns, projects): they are matched in Python,
    where folding accents is the same on every database engine. Two names that match
    equally well are refused with both names, never guessed between.
    """
    found = index.find(typed)
    if len(found) > 1:
        names = [name for name, _key in found]
        raise ValidationError(
            "name.ambiguous",
            ref=typed,
            names=listing(names, quoted=True),
        )
    return found[0][1] if found else None


# ----- a need's history ----------------------------------------------------------------


def _event(
    session: Session, need_id: int, kind: EventField, old: object, new: object, at: datetime
) -> None:
    session.add(
        NeedEvent(
            need_id=need_id,
            at=at,
            field=kind.value,
            old_value=None if old is None else _event_value(old),
            new_value=None if new is None else _event_value(new),
        )
    )


def _event_value(value: object) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)
