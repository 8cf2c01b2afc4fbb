"""Row changes on SQLite: captured by temporary triggers, written back exactly.

While a recording runs, a temporary trigger on each table logs every inserted,
updated and deleted row (cascades included: SQLite fires triggers for foreign-key
actions) into a temporary table of the same connection. Values are logged with
``quote()``, SQLite's own literal of each stored value, so a float keeps every bit
(``json_object`` rounds to 15 digits), a text its exact characters and a blob its
bytes. Nothing of this is written to the database file: temporary triggers and
tables live with the connection.
"""

from __future__ import annotations

import json
import re
import sqlite3
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any

from sqlalchemy import Connection, Table

Row = dict[str, Any]
Key = tuple[Any, ...]
Entry = tuple[str, Key, Row | None, Row | None]

_LOG = "_po_change_log"
_READY = "po_desktop.capture_ready"
_DEPTH = "po_desktop.capture_depth"


def _q(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _literals(alias: str, columns: Sequence[str]) -> str:
    return "json_array(" + ", ".join(f"quote({alias}.{_q(c)})" for c in columns) + ")"


def _install(dbapi: Any, tables: Sequence[Table], state: dict[str, int]) -> None:
    """The log table, the flag function and one trigger per table and operation."""
    dbapi.create_function("po_recording", 0, lambda: state["depth"] > 0, deterministic=False)
    dbapi.execute(
        f"CREATE TEMP TABLE IF NOT EXISTS {_LOG} "
        "(seq INTEGER PRIMARY KEY, tbl TEXT, pk TEXT, old TEXT, new TEXT)"
    )
    for table in tables:
        columns = [c.name for c in table.columns]
        keys = [c.name for c in table.primary_key.columns]
        same_key = " AND ".join(f"OLD.{_q(k)} IS NEW.{_q(k)}" for k in keys)
        logged = {
            "insert": ("INSERT", "", [("NEW", "NULL", _literals("NEW", columns))]),
            "delete": ("DELETE", "", [("OLD", _literals("OLD", columns), "NULL")]),
            "update": (
                "UPDATE",
                f" AND {same_key}",
                [("NEW", _literals("OLD", columns), _literals("NEW", columns))],
            ),
            # A key that changes: the row leaves its old key and arrives at the new one.
            "rekey": (
                "UPDATE",
                f" AND NOT ({same_key})",
                [
                    ("OLD", _literals("OLD", columns), "NULL"),
                    ("NEW", "NULL", _literals("NEW", columns)),
                ],
            ),
        }
        for suffix, (operation, condition, inserts) in logged.items():
            body = " ".join(
                f"INSERT INTO {_LOG} (tbl, pk, old, new) VALUES "
                f"('{table.name}', {_literals(alias, keys)}, {old}, {new});"
                for alias, old, new in inserts
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


@contextmanager
def recording(
    connection: Connection, tables: Sequence[Table]
) -> Iterator[Callable[[], list[Entry]]]:
    """Log the rows written through ``connection`` inside the block; yields a function
    returning the log (outermost block only; an inner one shares it)."""
    dbapi = _driver(connection)
    info = connection.connection.info
    state = info.setdefault(_DEPTH, {"depth": 0})
    # Temporary objects created in a transaction that rolled back are gone: look, each
    # time (one lookup), instead of trusting a flag.
    installed = dbapi.execute(
        "SELECT 1 FROM sqlite_temp_master WHERE type = 'table' AND name = ?", (_LOG,)
    ).fetchone()
    if not installed or not info.get(_READY):
        _install(dbapi, tables, state)
        info[_READY] = True
    by_name = {t.name: [c.name for c in t.columns] for t in tables}
    outermost = state["depth"] == 0
    if outermost:
        dbapi.execute(f"DELETE FROM {_LOG}")
    state["depth"] += 1

    def read() -> list[Entry]:
        entries: list[Entry] = []
        for table, pk, old, new in dbapi.execute(
            f"SELECT tbl, pk, old, new FROM {_LOG} ORDER BY seq"
        ).fetchall():
            columns = by_name[table]
            entries.append(
                (
                    table,
                    tuple(_decode(v) for v in json.loads(pk)),
                    _row(columns, old),
                    _row(columns, new),
                )
            )
        return entries

    try:
        yield read
    finally:
        state["depth"] -= 1
        if outermost:
            dbapi.execute(f"DELETE FROM {_LOG}")


def _row(columns: Sequence[str], literals: str | None) -> Row | None:
    if literals is None:
        return None
    return dict(zip(columns, (_decode(v) for v in json.loads(literals)), strict=True))


_INTEGER = re.compile(r"^-?\d+$")


def _decode(literal: str) -> Any:
    """A value back from SQLite's ``quote()`` literal, exactly."""
    if literal == "NULL":
        return None
    if literal.startswith("'"):
        return literal[1:-1].replace("''", "'")
    if literal[:2] in ("X'", "x'"):
        return bytes.fromhex(literal[2:-1])
    if _INTEGER.match(literal):
        return int(literal)
    return float(literal)


def read_rows(connection: Connection, table: Table, keys: Sequence[Key]) -> dict[Key, Row]:
    """The rows of ``table`` at these keys now, in the log's own terms (absent: missing)."""
    dbapi = _driver(connection)
    columns = [c.name for c in table.columns]
    key_columns = [c.name for c in table.primary_key.columns]
    found: dict[Key, Row] = {}
    where = " AND ".join(f"{_q(c)} IS ?" for c in key_columns)
    sql = f"SELECT {_literals(_q(table.name), columns)} FROM {_q(table.name)} WHERE {where}"
    for key in keys:
        for (literals,) in dbapi.execute(sql, key).fetchall():
            found[key] = _row(columns, literals)  # type: ignore[assignment]
    return found


def write_rows(
    connection: Connection,
    changes: Sequence[tuple[Table, dict[Key, tuple[Row | None, Row | None]]]],
) -> None:
    """Put each row to its target state (None: absent), in an order foreign keys and
    unique constraints accept: values that must move are parked first, deletes go
    children first, inserts parents first, then updates."""
    dbapi = _driver(connection)
    dbapi.execute("PRAGMA defer_foreign_keys = ON")  # checked at commit, as a whole
    for table, rows in changes:  # park unique values of the rows that move or go
        parked = _parking(table)
        if parked is None:
            continue
        column, parked_value = parked
        for key, (before, _after) in rows.items():
            if before is not None:
                _update(dbapi, table, key, {column: parked_value(key)})
    for table, rows in reversed(changes):
        for key, (before, after) in rows.items():
            if before is not None and after is None:
                where = " AND ".join(f"{_q(c.name)} IS ?" for c in table.primary_key.columns)
                dbapi.execute(f"DELETE FROM {_q(table.name)} WHERE {where}", key)
    for table, rows in changes:
        for _key, (before, after) in rows.items():
            if before is None and after is not None:
                names = list(after)
                dbapi.execute(
                    f"INSERT INTO {_q(table.name)} ({', '.join(_q(n) for n in names)}) "
                    f"VALUES ({', '.join('?' for _ in names)})",
                    [after[n] for n in names],
                )
    for table, rows in changes:
        for key, (before, after) in rows.items():
            if before is not None and after is not None:
                keys = {c.name for c in table.primary_key.columns}
                _update(dbapi, table, key, {n: v for n, v in after.items() if n not in keys})


def _update(dbapi: Any, table: Table, key: Key, values: Row) -> None:
    if not values:
        return
    sets = ", ".join(f"{_q(n)} = ?" for n in values)
    where = " AND ".join(f"{_q(c.name)} IS ?" for c in table.primary_key.columns)
    dbapi.execute(f"UPDATE {_q(table.name)} SET {sets} WHERE {where}", [*values.values(), *key])


def _parking(table: Table) -> tuple[str, Callable[[Key], Any]] | None:
    """A column of the table's unique constraint and a value no row holds, per key:
    rows that swap names or numbers pass through it."""
    from sqlalchemy import Integer, UniqueConstraint

    for constraint in table.constraints:
        if isinstance(constraint, UniqueConstraint):
            column = list(constraint.columns)[-1]
            if isinstance(column.type, Integer):
                return column.name, lambda key: -1 - int(key[0])  # ids are positive
            return column.name, lambda key: "\x00parked " + "/".join(map(str, key))
    return None
