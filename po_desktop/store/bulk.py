"""Many rows into one table in one statement, for an import of thousands of needs.

SQLAlchemy's executemany turns every row into a dictionary of bound values and runs
each value through its type's converter; for 10,000 needs with their events and tags
that costs more than SQLite's own work. Here the statement is compiled once for the
table and the dialect, the values are taken as they are (the caller converts what needs
converting once, with :func:`bind_value`), and the driver gets plain tuples.
"""

from __future__ import annotations

import operator
from collections.abc import Callable, Iterable, Sequence
from functools import lru_cache
from itertools import chain
from typing import Any

from sqlalchemy import Column, Connection, Dialect, Integer, Table, insert


def bind_value(connection: Connection, table: Table, column: str, value: Any) -> Any:
    """``value`` as the dialect stores it in ``table.column`` (a datetime as SQLite's
    text): convert a value shared by many rows once, not per row."""
    return stored_as(connection, table, column)(value)


def stored_as(connection: Connection, table: Table, column: str) -> Callable[[Any], Any]:
    """The conversion of values of ``table.column`` to what the dialect stores, looked up
    once for rows that each have their own value (every event its own time)."""
    return _stored_as(connection.dialect, table, column)


def _stored_as(dialect: Dialect, table: Table, column: str) -> Callable[[Any], Any]:
    processor = table.c[column].type.dialect_impl(dialect).bind_processor(dialect)
    return processor if processor is not None else _same


def _same(value: Any) -> Any:
    return value


def insert_many(
    connection: Connection, table: Table, columns: Sequence[str], rows: Iterable[Sequence[Any]]
) -> int | None:
    """Insert ``rows`` (values in the order of ``columns``, already as the database
    stores them: see :func:`bind_value`) in one executemany.

    On SQLite, returns the rowid of the last row inserted (see :func:`ids_given`); None
    elsewhere, or when there was no row."""
    rows = list(rows)
    if not rows:
        return None
    statement, names, order, extra, positional = _plan(connection.dialect, table, tuple(columns))
    if extra:  # columns the caller leaves to their default (added by a newer schema)
        rows = [(*row, *extra) for row in rows]
    if positional:
        if order == tuple(range(len(order))):
            parameters: list[Any] = rows
        else:
            pick = operator.itemgetter(*order)
            parameters = [pick(row) if len(order) > 1 else (row[order[0]],) for row in rows]
    else:
        parameters = [dict(zip(names, row, strict=True)) for row in rows]
    if connection.dialect.name == "sqlite" and positional:
        return _insert_chunks(connection, statement, len(order), parameters)
    connection.exec_driver_sql(statement, parameters)
    return None


def ids_given(last_rowid: int | None, count: int, highest_before: int) -> range | None:
    """The ids of ``count`` rows just inserted into a table whose highest id was
    ``highest_before``, given the rowid of the last one: SQLite gives each new row the
    highest rowid plus one, so they are the ``count`` ids after it when the last one is
    ``highest_before + count``. None when that cannot be told (another database, or a
    table whose highest rowid left SQLite to pick ids at random): ask the table."""
    if last_rowid is None or last_rowid != highest_before + count:
        return None
    return range(highest_before + 1, last_rowid + 1)


_Plan = tuple[str, tuple[str, ...], tuple[int, ...], tuple[Any, ...], bool]


@lru_cache(maxsize=64)
def _plan(dialect: Dialect, table: Table, columns: tuple[str, ...]) -> _Plan:
    """The INSERT of ``columns`` into ``table`` compiled for ``dialect`` once, not per
    call (an import inserts a batch at a time): its text, the place in a row of each value
    it binds, the values of the columns left to their default, whether it is positional."""
    compiled = insert(table).compile(dialect=dialect, column_keys=list(columns))
    bound = compiled.positiontup or compiled.binds
    defaults = [name for name in bound if name not in columns]
    extra = tuple(_default(dialect, table, name) for name in defaults)
    names = (*columns, *defaults)
    order = tuple(names.index(name) for name in compiled.positiontup or ())
    return compiled.string, names, order, extra, bool(compiled.positional)


SQLITE_VARIABLES = 999
"""Values one SQLite statement may bind, whatever the library's build (the historic
default limit; newer builds allow more)."""


def _insert_chunks(
    connection: Connection, statement: str, width: int, rows: list[Sequence[Any]]
) -> int | None:
    """The rows as statements of many ``VALUES (…), (…)`` each, on SQLite: the sqlite3
    module's executemany binds and steps its statement once per row, which costs a
    third more than the same rows in a few hundred statements."""
    head, marker, one = statement.rpartition(" VALUES ")
    if not marker or not one.startswith("("):  # not a plain INSERT … VALUES (…)
        connection.exec_driver_sql(statement, rows)
        return None
    per = max(1, SQLITE_VARIABLES // max(1, width))
    full = f"{head} VALUES {', '.join([one] * per)}"
    flat = chain.from_iterable
    last = None
    for start in range(0, len(rows), per):
        chunk = rows[start : start + per]
        sql = full if len(chunk) == per else f"{head} VALUES {', '.join([one] * len(chunk))}"
        last = connection.exec_driver_sql(sql, tuple(flat(chunk))).lastrowid
    return last


def _default(dialect: Dialect, table: Table, name: str) -> Any:
    default = table.c[name].default
    value = getattr(default, "arg", None) if getattr(default, "is_scalar", False) else None
    return _stored_as(dialect, table, name)(value)


def claim_ids(connection: Connection, tables: Iterable[Table]) -> None:
    """After rows were inserted with their ids given (the demo, a pushed workspace):
    move PostgreSQL's id counters past them, so the next row created gets a new id.
    SQLite needs nothing: it takes the next id from the rows themselves."""
    if connection.dialect.name != "postgresql":
        return
    for table in tables:
        keys = list(table.primary_key.columns)
        if len(keys) != 1 or not _counted(keys[0]):
            continue
        name, column = table.name, keys[0].name
        connection.exec_driver_sql(
            f"SELECT setval(pg_get_serial_sequence('\"{name}\"', '{column}'), "
            f'coalesce((SELECT max("{column}") FROM "{name}"), 0) + 1, false)'
        )


def _counted(column: Column[Any]) -> bool:
    """True for an id the database hands out (an integer key, not a foreign one)."""
    return (
        isinstance(column.type, Integer)
        and column.autoincrement is not False
        and not column.foreign_keys
    )
