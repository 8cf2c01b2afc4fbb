"""Row changes on SQLite: captured by temporary triggers, written back exactly.

While a recording runs, a temporary trigger on each table logs every inserted,
updated and deleted row (cascades included: SQLite fires triggers for foreign-key
actions) into a temporary table of the same connection. Values are logged with
JSON, which keeps a text's exact characters and an integer's digits; a float is logged
as ``quote()``, SQLite's own literal of it, which keeps every bit (JSON rounds to 15
digits), marked by a leading ``~`` (a text that starts with one gets a second: see
:func:`_literal`). Only those few values need decoding in Python: a 10,000-row import
reads its log back in a third of the time every value's ``quote()`` took. A blob (an
attachment's content) is logged apart, as it is, in a temporary table of its own: as a
hex literal inside JSON it would take five copies of its size in memory.
Nothing of this is written to the database file: temporary triggers and tables live with
the connection.
"""

from __future__ import annotations

import functools
import json
import sqlite3
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any

from sqlalchemy import Connection, LargeBinary, Table

Row = dict[str, Any]
Key = tuple[Any, ...]
Entry = tuple[str, Key, Row | None, Row | None]

_LOG = "_po_change_log"
_BLOBS = "_po_change_blobs"
_BLOB = object()
"""A blob column's value in a decoded row until it is read from :data:`_BLOBS`."""
_READY = "po_desktop.capture_ready"
_DEPTH = "po_desktop.capture_depth"


def _q(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _blobs(table: Table) -> list[str]:
    return [c.name for c in table.columns if isinstance(c.type, LargeBinary)]


def _literal(alias: str, column: str, blobs: Sequence[str]) -> str:
    """A value as the log's JSON holds it: as it is (a text, an integer, NULL), or
    marked by a leading ``~``: ``~r`` and the ``quote()`` of a float, ``~b`` for a blob of
    a blob column (logged apart), ``~x`` and the hex of a blob anywhere else, and ``~~``
    for a text that starts with ``~`` (plain texts, no JSON subtypes: any SQLite)."""
    value = f"{alias}.{_q(column)}"
    blob = "'~b'" if column in blobs else f"'~x' || hex({value})"
    return (
        f"CASE typeof({value}) WHEN 'real' THEN '~r' || quote({value}) "
        f"WHEN 'blob' THEN {blob} "
        f"WHEN 'text' THEN CASE WHEN substr({value}, 1, 1) = '~' THEN '~' || {value} "
        f"ELSE {value} END ELSE {value} END"
    )


def _literals(alias: str, columns: Sequence[str], blobs: Sequence[str] = ()) -> str:
    return "json_array(" + ", ".join(_literal(alias, c, blobs) for c in columns) + ")"


def _blob_logs(alias: str, side: str, blobs: Sequence[str]) -> str:
    """Statements that log the blobs of the row just logged (the log's newest entry)."""
    return " ".join(
        f"INSERT INTO {_BLOBS} (entry, side, col, data) SELECT (SELECT max(seq) FROM {_LOG}), "
        f"'{side}', '{c}', {alias}.{_q(c)} WHERE typeof({alias}.{_q(c)}) = 'blob';"
        for c in blobs
    )


def _install(dbapi: Any, tables: Sequence[Table], state: dict[str, int]) -> None:
    """The log table, the flag function and one trigger per table and operation."""
    dbapi.create_function("po_recording", 0, lambda: state["depth"] > 0, deterministic=False)
    dbapi.execute(
        f"CREATE TEMP TABLE IF NOT EXISTS {_LOG} "
        "(seq INTEGER PRIMARY KEY, tbl TEXT, pk TEXT, old TEXT, new TEXT)"
    )
    dbapi.execute(
        f"CREATE TEMP TABLE IF NOT EXISTS {_BLOBS} "
        "(seq INTEGER PRIMARY KEY, entry INTEGER, side TEXT, col TEXT, data BLOB)"
    )
    for table in tables:
        columns = [c.name for c in table.columns]
        keys = [c.name for c in table.primary_key.columns]
        blobs = _blobs(table)
        same_key = " AND ".join(f"OLD.{_q(k)} IS NEW.{_q(k)}" for k in keys)
        old_row, new_row = _literals("OLD", columns, blobs), _literals("NEW", columns, blobs)
        old_blobs, new_blobs = _blob_logs("OLD", "old", blobs), _blob_logs("NEW", "new", blobs)
        logged = {
            "insert": ("INSERT", "", [("NEW", "NULL", new_row, new_blobs)]),
            "delete": ("DELETE", "", [("OLD", old_row, "NULL", old_blobs)]),
            "update": (
                "UPDATE",
                f" AND {same_key}",
                [("NEW", old_row, new_row, old_blobs + " " + new_blobs)],
            ),
            # A key that changes: the row leaves its old key and arrives at the new one.
            "rekey": (
                "UPDATE",
                f" AND NOT ({same_key})",
                [
                    ("OLD", old_row, "NULL", old_blobs),
                    ("NEW", "NULL", new_row, new_blobs),
                ],
            ),
        }
        for suffix, (operation, condition, inserts) in logged.items():
            body = " ".join(
                f"INSERT INTO {_LOG} (tbl, pk, old, new) VALUES "
                f"('{table.name}', {_literals(alias, keys)}, {old}, {new}); {blob_logs}"
                for alias, old, new, blob_logs in inserts
            )
            dbapi.execute(
                f"CREATE TEMP TRIGGER IF NOT EXISTS {_q(f'po_log_{table.name}_{suffix}')} "
                f"AFTER {operation} ON main.{_q(table.name)} "
                f"WHEN po_recording(){condition} BEGIN {body} END"
            )


def _driver(connection: Connection) -> sqlite3.Connection:
    """The SQLite connection under SQLAlchemy's: the triggers' log is read through it."""
    dbapi = connection.connection.driver_connection
    if not isinstance(dbapi, sqlite3.Connection):  # only SQLite records through triggers
        raise TypeError(f"change capture needs a SQLite connection, not {type(dbapi)}")
    return dbapi


def _ready(
    connection: Connection, dbapi: sqlite3.Connection, tables: Sequence[Table]
) -> dict[str, int]:
    """The connection's recording state, its log and triggers installed."""
    info = connection.connection.info
    state: dict[str, int] = info.setdefault(_DEPTH, {"depth": 0})
    # Temporary objects created in a transaction that rolled back are gone: look, each
    # time (one lookup), instead of trusting a flag.
    installed = dbapi.execute(
        "SELECT 1 FROM sqlite_temp_master WHERE type = 'table' AND name = ?", (_LOG,)
    ).fetchone()
    if not installed or not info.get(_READY):
        _install(dbapi, tables, state)
        info[_READY] = True
    return state


def prepare(connection: Connection, tables: Sequence[Table]) -> None:
    """Install the log and triggers of ``connection`` ahead of its first recording, and
    prepare the statements a recording runs (SQLite keeps them per connection).

    Records and writes nothing to the database: the triggers and log are temporary, of
    the connection. The caller commits, or they are gone with the transaction.
    """
    dbapi = _driver(connection)
    state = _ready(connection, dbapi, tables)
    if state["depth"] == 0:  # inside a recording its log is not emptied
        _clear(dbapi)
        dbapi.execute(f"SELECT entry, side, col, data FROM {_BLOBS}").fetchall()
        dbapi.execute(f"SELECT seq, tbl, pk, old, new FROM {_LOG} ORDER BY seq").fetchall()


@contextmanager
def recording(
    connection: Connection, tables: Sequence[Table]
) -> Iterator[Callable[[], list[Entry]]]:
    """Log the rows written through ``connection`` inside the block; yields a function
    returning the log (outermost block only; an inner one shares it)."""
    dbapi = _driver(connection)
    state = _ready(connection, dbapi, tables)
    by_name = {t.name: [c.name for c in t.columns] for t in tables}
    outermost = state["depth"] == 0
    if outermost:
        _clear(dbapi)
    state["depth"] += 1

    def read() -> list[Entry]:
        entries: list[Entry] = []
        blobs: dict[tuple[int, str, str], bytes] = {
            (entry, side, column): data
            for entry, side, column, data in dbapi.execute(
                f"SELECT entry, side, col, data FROM {_BLOBS}"
            )
        }
        cursor = dbapi.execute(f"SELECT seq, tbl, pk, old, new FROM {_LOG} ORDER BY seq")
        while batch := cursor.fetchmany(_READ_BATCH):
            # One JSON text a batch: decoding each entry's texts apart costs twice as much.
            texts = ",".join(f"{pk},{old or 'null'},{new or 'null'}" for *_, pk, old, new in batch)
            decoded = json.loads(f"[{texts}]")
            marked = '"~' in texts
            for i, (seq, table, _pk, old_text, new_text) in enumerate(batch):
                columns = by_name[table]
                pk, old, new = decoded[3 * i : 3 * i + 3]
                # Only the entries that logged a marked value (a float, a blob, a text
                # starting with "~"; a key's values are in its row too) are decoded
                # further: in an import of needs with points, a batch nearly always has
                # one, most of its entries none.
                if marked and '"~' in f"{old_text}{new_text}":
                    pk = _unmarked_all(pk)
                    old = None if old is None else _unmarked_all(old)
                    new = None if new is None else _unmarked_all(new)
                    entries.append(
                        (
                            table,
                            tuple(pk),
                            _row(columns, old, functools.partial(_logged_blob, blobs, seq, "old")),
                            _row(columns, new, functools.partial(_logged_blob, blobs, seq, "new")),
                        )
                    )
                else:
                    entries.append((table, tuple(pk), _row(columns, old), _row(columns, new)))
        return entries

    try:
        yield read
    finally:
        state["depth"] -= 1
        if outermost:
            _clear(dbapi)


def _logged_blob(
    blobs: dict[tuple[int, str, str], bytes], entry: int, side: str, column: str
) -> bytes:
    return blobs[entry, side, column]


def _clear(dbapi: sqlite3.Connection) -> None:
    dbapi.execute(f"DELETE FROM {_LOG}")
    dbapi.execute(f"DELETE FROM {_BLOBS}")


_READ_BATCH = 2000
"""Log entries decoded at a time."""


def _row(
    columns: Sequence[str],
    values: Sequence[Any] | None,
    blob: Callable[[str], bytes] | None = None,
) -> Row | None:
    """A row from its logged values (:func:`_values`); ``blob`` gives a blob column's
    value, logged apart."""
    if values is None:
        return None
    row = dict(zip(columns, values, strict=True))
    if blob is not None and _BLOB in values:
        for column, value in row.items():
            if value is _BLOB:
                row[column] = blob(column)
    return row


def _values(literals: str) -> list[Any]:
    """The values of a logged row or key, exactly (see :func:`_literal`)."""
    decoded = json.loads(literals)
    if '"~' not in literals:  # no marked value (most rows have none)
        return decoded  # type: ignore[no-any-return]
    return _unmarked_all(decoded)


def _unmarked_all(values: list[Any]) -> list[Any]:
    return [_unmarked(v) if type(v) is str and v[:1] == "~" else v for v in values]


def _unmarked(value: str) -> Any:
    kind, rest = value[1:2], value[2:]
    if kind == "r":
        return float(rest)
    if kind == "b":
        return _BLOB
    if kind == "x":
        return bytes.fromhex(rest)
    return value[1:]  # "~~…": a text that starts with "~"


def read_rows(connection: Connection, table: Table, keys: Sequence[Key]) -> dict[Key, Row]:
    """The rows of ``table`` at these keys now, in the log's own terms (absent: missing)."""
    dbapi = _driver(connection)
    columns = [c.name for c in table.columns]
    key_columns = [c.name for c in table.primary_key.columns]
    blobs = _blobs(table)
    found: dict[Key, Row] = {}
    where = " AND ".join(f"{_q(c)} IS ?" for c in key_columns)
    selected = ", ".join([_literals(_q(table.name), columns, blobs), *map(_q, blobs)])
    sql = f"SELECT {selected} FROM {_q(table.name)} WHERE {where}"
    for key in keys:
        for literals, *raw in dbapi.execute(sql, key).fetchall():
            by_column = dict(zip(blobs, raw, strict=True))
            found[key] = _row(columns, _values(literals), by_column.__getitem__)  # type: ignore[assignment]
    return found


def write_rows(
    connection: Connection,
    changes: Sequence[tuple[Table, dict[Key, tuple[Row | None, Row | None]]]],
) -> None:
    """Put each row to its target state (None: absent), in the order of :func:`plan`."""
    dbapi = _driver(connection)
    dbapi.execute("PRAGMA defer_foreign_keys = ON")  # checked at commit, as a whole
    for operation, table, key, values in plan(changes):
        if operation == "delete":
            where = " AND ".join(f"{_q(c.name)} IS ?" for c in table.primary_key.columns)
            dbapi.execute(f"DELETE FROM {_q(table.name)} WHERE {where}", key)
        elif operation == "insert":
            names = list(values)
            dbapi.execute(
                f"INSERT INTO {_q(table.name)} ({', '.join(_q(n) for n in names)}) "
                f"VALUES ({', '.join('?' for _ in names)})",
                [values[n] for n in names],
            )
        else:
            _update(dbapi, table, key, values)


Operation = tuple[str, Table, Key, Row]
"""("update", "delete" or "insert"; the table; the row's key; the values to write)."""


def plan(
    changes: Sequence[tuple[Table, dict[Key, tuple[Row | None, Row | None]]]],
) -> Iterator[Operation]:
    """The statements that put each row to its target state, in an order foreign keys
    checked at once (PostgreSQL's) and unique constraints accept: the unique values of
    rows that move or go are parked first, then inserts go parents first, updates
    follow (a row may now point at a new parent, or away from one about to go), and
    deletes come last, children first: a cascade finds nothing left to take."""
    for table, rows in changes:
        parked = _parking(table)
        if parked is None:
            continue
        column, parked_value = parked
        for key, (before, _after) in rows.items():
            if before is not None:
                yield "update", table, key, {column: parked_value(key)}
    for table, rows in changes:
        for key, (before, after) in rows.items():
            if before is None and after is not None:
                yield "insert", table, key, after
    for table, rows in changes:
        keys = {c.name for c in table.primary_key.columns}
        for key, (before, after) in rows.items():
            if before is not None and after is not None:
                values = {n: v for n, v in after.items() if n not in keys}
                if values:
                    yield "update", table, key, values
    for table, rows in reversed(changes):
        for key, (before, after) in rows.items():
            if before is not None and after is None:
                yield "delete", table, key, {}


def _update(dbapi: Any, table: Table, key: Key, values: Row) -> None:
    sets = ", ".join(f"{_q(n)} = ?" for n in values)
    where = " AND ".join(f"{_q(c.name)} IS ?" for c in table.primary_key.columns)
    dbapi.execute(f"UPDATE {_q(table.name)} SET {sets} WHERE {where}", [*values.values(), *key])


def _parking(table: Table) -> tuple[str, Callable[[Key], Any]] | None:
    """A column of the table's unique constraint and a value no row holds, per key:
    rows that swap names or numbers pass through it (a text one no user types, and
    that PostgreSQL accepts: no NUL)."""
    from sqlalchemy import Integer, UniqueConstraint

    for constraint in table.constraints:
        if isinstance(constraint, UniqueConstraint):
            column = list(constraint.columns)[-1]
            if isinstance(column.type, Integer):
                return column.name, lambda key: -1 - int(key[0])  # ids are positive
            return column.name, lambda key: "\uffffparked " + "/".join(map(str, key))
    return None
