"""A team workspace on a PostgreSQL server: its engine and its schema.

The same tables, services and change protocol as a workspace file; what only a
server needs lives here. A team database starts at the newest schema (made from the
models, then stamped for Alembic, which migrates it from there on) and carries the
row triggers through which the change protocol records on PostgreSQL
(:mod:`po_desktop.store.capture_pg`).
"""

from __future__ import annotations

from sqlalchemy import Connection, Engine, create_engine
from sqlalchemy.engine import URL, make_url
from sqlalchemy.orm import sessionmaker

from po_desktop.store import capture_pg
from po_desktop.store.errors import StorageError
from po_desktop.store.migrate import stamp
from po_desktop.store.models import Base

SCHEMES = ("postgresql", "postgres")
"""What a workspace address starts with when it names a team server."""


def is_server_address(location: str) -> bool:
    """True when ``location`` names a PostgreSQL server rather than a file."""
    scheme = location.split("://", 1)[0].lower() if "://" in location else ""
    return scheme.split("+", 1)[0] in SCHEMES


def server_url(location: str | URL) -> URL:
    """The address with the driver this app uses (psycopg 3), whatever the user wrote:
    ``postgresql://``, ``postgres://`` or ``postgresql+psycopg://``. The query (TLS
    modes such as ``sslmode=verify-full``) passes through unchanged."""
    url = make_url(location) if isinstance(location, str) else location
    return url.set(drivername="postgresql+psycopg")


CONNECT_TIMEOUT_S = 3
"""How long a new connection may wait for the server before it is said unreachable."""

STATEMENT_TIMEOUT_MS = 30_000
"""The longest statement the server runs for this app (a lost lock, a server stuck)."""

KEEPALIVE = {"keepalives": 1, "keepalives_idle": 5, "keepalives_interval": 2, "keepalives_count": 2}
"""A connection whose server vanished (a cable pulled, a laptop asleep) is found dead
within seconds rather than after the system's two hours."""


def connect_options(url: URL, application_name: str = "") -> dict[str, object]:
    """libpq options this app sets unless the address sets them itself: a connection
    timeout, keepalives, a statement timeout and the name others see in
    ``pg_stat_activity`` (the person connected)."""
    given = set(url.query)
    options: dict[str, object] = {"connect_timeout": CONNECT_TIMEOUT_S, **KEEPALIVE}
    if "options" not in given:
        options["options"] = f"-c statement_timeout={STATEMENT_TIMEOUT_MS}"
    if application_name and "application_name" not in given:
        options["application_name"] = application_name[:63]  # the server's limit
    return {k: v for k, v in options.items() if k not in given}


def make_server_engine(location: str | URL, application_name: str = "") -> Engine:
    """An engine on the team database. Reused connections are checked first (a server
    restarted overnight), most recently used first so one window keeps one connection."""
    url = server_url(location)
    return create_engine(
        url,
        pool_pre_ping=True,
        pool_use_lifo=True,
        connect_args=connect_options(url, application_name),
    )


def shown(location: str | URL) -> str:
    """The address as it may be shown or printed: never a password."""
    url = server_url(location).set(drivername="postgresql")
    # Not even "***": the address is kept (recent list) and a password comes from the
    # keyring. URL.set() leaves a None alone: the password is taken out of the tuple.
    return url._replace(password=None).render_as_string(hide_password=True)


def copy_name(location: str | URL) -> str:
    """The file name of a team workspace's local copy: its server and database."""
    url = server_url(location)
    raw = f"{url.host or 'localhost'}-{url.port or 5432}-{url.database or 'postgres'}"
    return "".join(c if c.isalnum() or c in "-_." else "_" for c in raw) + ".podb"


EDITOR = "po_editor"
"""The role of those who change the workspace: read and write every table."""
VIEWER = "po_viewer"
"""The role of those who only look (boards, reports, packs, exports): the server itself
refuses their writes, whatever the application does."""


def grant_roles(connection: Connection) -> None:
    """The two roles (made once per server: roles are the server's, not a database's)
    and their rights on this database. An IT department makes each person a login role
    and grants it one of them (README, "A team workspace")."""
    for role in (EDITOR, VIEWER):
        connection.exec_driver_sql(
            "DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = "
            f"'{role}') THEN CREATE ROLE {role} NOLOGIN; END IF; END $$"
        )
    database = connection.exec_driver_sql("SELECT current_database()").scalar_one()
    quoted = '"' + str(database).replace('"', '""') + '"'
    both = f"{EDITOR}, {VIEWER}"
    for grant in (
        f"GRANT CONNECT, TEMPORARY ON DATABASE {quoted} TO {both}",
        f"GRANT USAGE ON SCHEMA public TO {both}",
        f"GRANT SELECT ON ALL TABLES IN SCHEMA public TO {both}",
        f"GRANT INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO {EDITOR}",
        f"GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO {EDITOR}",
        # Tables and sequences a later upgrade makes (run by the same administrator).
        f"ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT ON TABLES TO {both}",
        f"ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT INSERT, UPDATE, DELETE ON TABLES "
        f"TO {EDITOR}",
        f"ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO {EDITOR}",
    ):
        connection.exec_driver_sql(grant)


_FOLDED_RANGES = ((0x80, 0x250), (0x1E00, 0x1F00), (0x2000, 0x2070))
"""Latin-1, Latin Extended-A and -B, Latin Extended Additional (Vietnamese), and the
general punctuation (curly quotes, no-break and thin spaces): where folding changes
characters a French or European workspace holds."""


def _literal(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def fold_function_sql() -> str:
    """``fold(text)`` for the server, made from :func:`po_desktop.domain.text.fold`
    itself so both engines compare texts alike (the link picker and searches call it in
    SQL; SQLite gets the Python function on each connection)."""
    from po_desktop.domain.text import fold

    singles: list[tuple[str, str]] = []
    longer: list[tuple[str, str]] = []
    for start, end in _FOLDED_RANGES:
        for code in range(start, end):
            char = chr(code)
            folded = fold(char)
            if folded == char or (not char.isprintable() and not char.isspace()):
                continue
            (singles if len(folded) == 1 else longer).append((char, folded))
    value = "value"
    for char, folded in longer:
        value = f"replace({value}, {_literal(char)}, {_literal(folded)})"
    source = "".join(char for char, _folded in singles)
    target = "".join(folded for _char, folded in singles)
    body = f"SELECT lower(translate({value}, {_literal(source)}, {_literal(target)}))"
    return (
        "CREATE OR REPLACE FUNCTION fold(value text) RETURNS text LANGUAGE sql "
        f"IMMUTABLE STRICT PARALLEL SAFE AS $fold$ {body} $fold$"
    )


def install_functions(connection: Connection) -> None:
    """The SQL functions the queries call that PostgreSQL lacks (SQLite's come from
    :mod:`po_desktop.store.engine` on each connection)."""
    connection.exec_driver_sql(fold_function_sql().replace("%", "%%"))


def create_schema(engine: Engine) -> None:
    """Make an empty team database a workspace: the tables, the change protocol's
    triggers (one transaction: all or none), then Alembic's revision and the default
    columns and grid."""
    from po_desktop.store.services import workspace

    tables = list(Base.metadata.sorted_tables)
    with engine.begin() as connection:
        Base.metadata.create_all(connection)
        capture_pg.install(connection, tables)
        install_functions(connection)
    stamp(engine)
    with engine.begin() as connection:
        grant_roles(connection)  # Alembic's table included: a viewer reads the revision
    with sessionmaker(engine, expire_on_commit=False)() as session:
        workspace.initialize(session)
        session.commit()


TLS_MODES = ("", "disable", "prefer", "require", "verify-ca", "verify-full")
"""libpq's ``sslmode`` values the connect dialog offers ("": as the address says)."""


def address_from(typed: str, user: str = "", sslmode: str = "") -> URL:
    """The address a person typed in the connect dialog: a full ``postgresql://`` address
    (its options, such as ``sslrootcert``, passed through), or ``host[:port]/database``.
    ``user`` and ``sslmode`` fill what the address leaves out. Refused with a message
    when no server or database can be read from it."""
    from po_desktop.store.errors import ValidationError

    typed = typed.strip()
    if not typed:
        raise ValidationError("team.address_required")
    if "://" not in typed:
        typed = "postgresql://" + typed
    try:
        url = server_url(typed)
    except Exception:
        raise ValidationError("team.bad_address", value=typed) from None
    if not is_server_address(typed) or not url.host or not url.database:
        raise ValidationError("team.bad_address", value=typed)
    if user.strip() and not url.username:
        url = url.set(username=user.strip())
    if sslmode and "sslmode" not in url.query:
        url = url.update_query_dict({"sslmode": sslmode})
    return url


def unreachable(exc: BaseException) -> StorageError | None:
    """The user's message when ``exc`` is a team server's connection refused or lost
    (``team.unreachable``); None for any other error."""
    from sqlalchemy.exc import DBAPIError

    from po_desktop.store.services._base import storage_error

    if isinstance(exc, DBAPIError) and type(exc.orig).__module__.startswith("psycopg"):
        problem = storage_error(exc)
        if problem.message.msg_id == "team.unreachable":
            return problem
    return None
