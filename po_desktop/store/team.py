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


def make_server_engine(location: str | URL) -> Engine:
    """An engine on the team database. Reused connections are checked first (a server
    restarted overnight), most recently used first so one window keeps one connection."""
    return create_engine(server_url(location), pool_pre_ping=True, pool_use_lifo=True)


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
        grant_roles(connection)
    stamp(engine)
    with sessionmaker(engine, expire_on_commit=False)() as session:
        workspace.initialize(session)
        session.commit()
