"""Opening a team workspace: the server's schema checked (and migrated after a local
copy), the change announcements installed. :func:`po_desktop.store.database.open_database`
calls this for an address (``postgresql://…``); the result is the same
:class:`~po_desktop.store.database.Database` as for a file, with ``address`` set.

There is no file lock (the server arbitrates), no file check. The local copy
(``team-copies/<host>-<port>-<database>.podb`` in the user's data folder, replaced each
time) is made before any migration and, when asked, at each opening (the window makes it
in the background instead: :func:`refresh_copy`): it is the last local copy the window
offers, read-only, when the server is unreachable.
"""

from __future__ import annotations

import contextlib
import getpass
from pathlib import Path

from sqlalchemy import Engine, event
from sqlalchemy.engine import URL
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import sessionmaker

from po_desktop.domain.messages import Message
from po_desktop.store import files, live, team, transfer
from po_desktop.store.database import Database
from po_desktop.store.errors import DatabaseFileError, StorageError
from po_desktop.store.migrate import HEAD, KNOWN_REVISIONS, upgrade


def copies_folder() -> Path:
    from po_desktop import paths

    return paths.data_dir() / "team-copies"


def person_of(url: URL) -> str:
    """The name this connection shows to the others: the login's."""
    return url.username or getpass.getuser()


def _revision(engine: Engine) -> str | None:
    with engine.connect() as connection:
        if connection.exec_driver_sql("SELECT to_regclass('alembic_version')").scalar() is None:
            return None
        found = connection.exec_driver_sql("SELECT version_num FROM alembic_version").scalar()
        return None if found is None else str(found)


def refresh_copy(engine: Engine, copy: Path) -> Path:
    """The team database written into ``copy``, replacing the previous copy once the new
    one is complete (a failure leaves the previous one as it was)."""
    copy.parent.mkdir(parents=True, exist_ok=True)
    incoming = copy.with_name(copy.stem + ".incoming.podb")
    files.remove(incoming)
    # One snapshot for every table, whatever the others write meanwhile.
    snapshot = engine.execution_options(isolation_level="REPEATABLE READ")
    transfer.pull(snapshot, incoming)
    files.move(incoming, copy)
    return copy


def _refused(exc: DBAPIError, address: str) -> StorageError | None:
    """The server answered but would not let this login in (an unknown login, a wrong
    password, no such database): not "does not answer", which would send the user to
    check the network."""
    text = str(exc.orig or "")
    if "FATAL" not in text:  # libpq's mark of the server's own refusal
        return None
    reason = text.split("FATAL", 1)[1].lstrip(": ").splitlines()[0].strip()
    return StorageError("team.refused", address=address, detail=reason)


def _read_only_sessions(engine: Engine) -> None:
    def read_only(dbapi_connection: object, _record: object) -> None:
        with dbapi_connection.cursor() as cursor:  # type: ignore[attr-defined]
            cursor.execute("SET SESSION CHARACTERISTICS AS TRANSACTION READ ONLY")

    event.listen(engine, "connect", read_only)


def _may_write(engine: Engine) -> bool:
    """Whether this login may change the workspace (po_editor, or the owner)."""
    with engine.connect() as connection:
        allowed = connection.exec_driver_sql(
            "SELECT has_table_privilege(current_user, 'need', 'UPDATE')"
        ).scalar_one()
    return bool(allowed)


def open_server(
    location: str | URL,
    *,
    read_only: bool | None = None,
    local_copy: bool = False,
    copies: Path | None = None,
    person: str = "",
) -> Database:
    """The team workspace at ``location``. Refused with a message when the server does
    not answer, holds no workspace, or one of a newer PO Desktop."""
    from po_desktop.store.services._base import storage_error

    url = team.server_url(location)
    address = team.shown(url)
    person = person or person_of(url)
    engine = team.make_server_engine(url, live.application_name(person))
    if read_only:
        _read_only_sessions(engine)
    copy = (copies or copies_folder()) / team.copy_name(url)
    migrated_from: str | None = None
    backup_path: Path | None = None
    reason = Message("db.ro.asked", {"path": address})
    try:
        revision = _revision(engine)
        if revision is None:
            raise DatabaseFileError("team.not_a_workspace", address=address)
        if revision not in KNOWN_REVISIONS:
            raise DatabaseFileError("db.too_new", path=address, revision=revision)
        if read_only is None and not _may_write(engine):
            # A viewer (po_viewer): the server refuses its writes; the window offers
            # none, and says why, as for a file it cannot write.
            read_only, reason = True, Message("team.viewer", {"address": address})
            engine.dispose()
            _read_only_sessions(engine)
        if revision != HEAD and read_only:
            raise DatabaseFileError(
                "db.upgrade_needs_write",
                path=address,
                revision=revision,
                head=HEAD,
                reason=reason,
            )
        if local_copy or revision != HEAD:
            backup_path = refresh_copy(engine, copy)
        if revision != HEAD:
            upgrade(engine)
            migrated_from = revision
    except DBAPIError as exc:
        engine.dispose()
        raise (_refused(exc, address) or storage_error(exc, address)) from exc
    except BaseException:
        engine.dispose()
        raise
    factory = sessionmaker(engine, expire_on_commit=False)
    origin = live.new_origin()
    if not read_only:
        # No workspace version here (store/versions.py): it orders a file's backups,
        # and on a server one row bumped by every transaction would make every write
        # of every person wait on the others (and collide when the row is new).
        live.install(factory, origin)
    return Database(
        copy,
        engine,
        factory,
        None,
        migrated_from=migrated_from,
        backup_path=backup_path,
        read_only=bool(read_only),
        read_only_reason=(
            Message("team.opened_read_only", {"reason": reason}) if read_only else None
        ),
        address=address,
        url=url,
        origin=origin,
        person=person,
    )


def last_copy(location: str | URL, copies: Path | None = None) -> Path | None:
    """The local copy of this team workspace, when one was made here."""
    path = (copies or copies_folder()) / team.copy_name(location)
    with contextlib.suppress(OSError):
        if path.is_file():
            return path
    return None
