"""Row changes on PostgreSQL: captured by row triggers, written back exactly.

The counterpart of :mod:`po_desktop.store.capture` (SQLite) for a team workspace, with
the same three functions. PostgreSQL cannot put a temporary trigger on a shared table,
so each table carries one permanent row trigger (:func:`install`, run by whoever creates
the schema) that does nothing unless the transaction asks for it: a recording sets the
transaction-local setting ``po.recording`` and the trigger then logs the row, as
``to_jsonb`` writes it, into a temporary table of the session. A blob (an attachment's
content) is logged apart, as it is, in a temporary table of its own. Nothing is logged
outside a recording, nothing is written to the shared tables, and the setting ends with
the transaction even when the application does not (a crash, a lost connection).

Values are those of ``to_jsonb``: texts, numbers (a double keeps every bit: the server
writes the shortest exact form), booleans, ISO dates and times as text, which the
server reads back into their columns' types.
"""

from __future__ import annotations

import functools
import json
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any

from sqlalchemy import Connection, LargeBinary, Table

from po_desktop.store.capture import plan

Row = dict[str, Any]
Key = tuple[Any, ...]
Entry = tuple[str, Key, Row | None, Row | None]

_LOG = "_po_change_log"
_BLOBS = "_po_change_blobs"
_FUNCTION = "po_log_row"
_TRIGGER = "po_log"
_SETTING = "po.recording"
_DEPTH = "po_desktop.capture_depth"
_BLOB = "blob"
"""What the log holds in place of a blob, which is in :data:`_BLOBS`."""

_FUNCTION_SQL = f"""
CREATE OR REPLACE FUNCTION {_FUNCTION}() RETURNS trigger LANGUAGE plpgsql AS $body$
DECLARE
    keys text[] := string_to_array(TG_ARGV[0], ',');
    blobs text[] := CASE WHEN TG_ARGV[1] = '' THEN ARRAY[]::text[]
                         ELSE string_to_array(TG_ARGV[1], ',') END;
    old_row jsonb;
    new_row jsonb;
    old_key jsonb;
    new_key jsonb;
    column_name text;
    entry bigint;
BEGIN
    IF coalesce(current_setting('{_SETTING}', true), '') <> 'on' THEN
        RETURN NULL;
    END IF;
    IF TG_OP <> 'INSERT' THEN
        old_row := to_jsonb(OLD);
        old_key := (SELECT jsonb_agg(old_row -> k ORDER BY n)
                    FROM unnest(keys) WITH ORDINALITY AS u(k, n));
        FOREACH column_name IN ARRAY blobs LOOP
            IF old_row -> column_name <> 'null'::jsonb THEN
                old_row := jsonb_set(old_row, ARRAY[column_name], '"{_BLOB}"'::jsonb);
            END IF;
        END LOOP;
    END IF;
    IF TG_OP <> 'DELETE' THEN
        new_row := to_jsonb(NEW);
        new_key := (SELECT jsonb_agg(new_row -> k ORDER BY n)
                    FROM unnest(keys) WITH ORDINALITY AS u(k, n));
        FOREACH column_name IN ARRAY blobs LOOP
            IF new_row -> column_name <> 'null'::jsonb THEN
                new_row := jsonb_set(new_row, ARRAY[column_name], '"{_BLOB}"'::jsonb);
            END IF;
        END LOOP;
    END IF;
    IF TG_OP = 'UPDATE' AND old_key IS DISTINCT FROM new_key THEN
        -- A key that changes: the row leaves its old key and arrives at the new one.
        INSERT INTO pg_temp.{_LOG} (tbl, pk, old, new)
            VALUES (TG_TABLE_NAME, old_key, old_row, NULL) RETURNING seq INTO entry;
        FOREACH column_name IN ARRAY blobs LOOP
            EXECUTE format('INSERT INTO pg_temp.{_BLOBS} (entry, side, col, data) '
                           'SELECT $1, ''old'', $2, ($3).%I WHERE ($3).%I IS NOT NULL',
                           column_name, column_name) USING entry, column_name, OLD;
        END LOOP;
        old_row := NULL;
        old_key := new_key;
    END IF;
    INSERT INTO pg_temp.{_LOG} (tbl, pk, old, new)
        VALUES (TG_TABLE_NAME, coalesce(new_key, old_key), old_row, new_row)
        RETURNING seq INTO entry;
    FOREACH column_name IN ARRAY blobs LOOP
        IF old_row IS NOT NULL THEN
            EXECUTE format('INSERT INTO pg_temp.{_BLOBS} (entry, side, col, data) '
                           'SELECT $1, ''old'', $2, ($3).%I WHERE ($3).%I IS NOT NULL',
                           column_name, column_name) USING entry, column_name, OLD;
        END IF;
        IF new_row IS NOT NULL THEN
            EXECUTE format('INSERT INTO pg_temp.{_BLOBS} (entry, side, col, data) '
                           'SELECT $1, ''new'', $2, ($3).%I WHERE ($3).%I IS NOT NULL',
                           column_name, column_name) USING entry, column_name, NEW;
        END IF;
    END LOOP;
    RETURN NULL;
END
$body$
"""


def _q(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _blobs(table: Table) -> list[str]:
    return [c.name for c in table.columns if isinstance(c.type, LargeBinary)]


def _keys(table: Table) -> list[str]:
    return [c.name for c in table.primary_key.columns]


def install(connection: Connection, tables: Sequence[Table]) -> None:
    """The logging function and one row trigger per table (idempotent). Needs the
    tables' owner: the team workspace's creation runs it, never an editor."""
    connection.exec_driver_sql(_FUNCTION_SQL.replace("%", "%%"))  # no parameters in it
    for table in tables:
        arguments = f"'{','.join(_keys(table))}', '{','.join(_blobs(table))}'"
        connection.exec_driver_sql(f"DROP TRIGGER IF EXISTS {_TRIGGER} ON {_q(table.name)}")
        connection.exec_driver_sql(
            f"CREATE TRIGGER {_TRIGGER} AFTER INSERT OR UPDATE OR DELETE ON {_q(table.name)} "
            f"FOR EACH ROW EXECUTE FUNCTION {_FUNCTION}({arguments})"
        )


def _begin_log(connection: Connection) -> None:
    connection.exec_driver_sql(
        f"CREATE TEMP TABLE IF NOT EXISTS {_LOG} "
        "(seq bigserial PRIMARY KEY, tbl text, pk jsonb, old jsonb, new jsonb)"
    )
    connection.exec_driver_sql(
        f"CREATE TEMP TABLE IF NOT EXISTS {_BLOBS} "
        "(seq bigserial PRIMARY KEY, entry bigint, side text, col text, data bytea)"
    )
    _clear(connection)


def _clear(connection: Connection) -> None:
    connection.exec_driver_sql(f"DELETE FROM pg_temp.{_LOG}")
    connection.exec_driver_sql(f"DELETE FROM pg_temp.{_BLOBS}")


def _set_recording(connection: Connection, on: bool) -> None:
    connection.exec_driver_sql(
        "SELECT set_config(%(name)s, %(value)s, true)",
        {"name": _SETTING, "value": "on" if on else "off"},
    )


@contextmanager
def recording(
    connection: Connection, tables: Sequence[Table]
) -> Iterator[Callable[[], list[Entry]]]:
    """Log the rows written through ``connection`` inside the block (one transaction);
    yields a function returning the log (outermost block only; an inner one shares it)."""
    info = connection.connection.info
    state = info.setdefault(_DEPTH, {"depth": 0})
    by_name = {t.name: t for t in tables}
    outermost = state["depth"] == 0
    if outermost:
        _begin_log(connection)
        _set_recording(connection, True)
    state["depth"] += 1

    def read() -> list[Entry]:
        blobs: dict[tuple[int, str, str], bytes] = {
            (entry, side, column): bytes(data)
            for entry, side, column, data in connection.exec_driver_sql(
                f"SELECT entry, side, col, data FROM pg_temp.{_BLOBS}"
            )
        }
        entries: list[Entry] = []
        for seq, table, pk, old, new in connection.exec_driver_sql(
            f"SELECT seq, tbl, pk, old, new FROM pg_temp.{_LOG} ORDER BY seq"
        ):
            columns = [c.name for c in by_name[table].columns]
            entries.append(
                (
                    table,
                    tuple(_loaded(pk)),
                    _row(columns, old, functools.partial(_logged_blob, blobs, seq, "old")),
                    _row(columns, new, functools.partial(_logged_blob, blobs, seq, "new")),
                )
            )
        return entries

    try:
        yield read
    except BaseException:
        # The transaction is failing: PostgreSQL refuses every statement until it rolls
        # back, which ends the setting and empties the log made in it.
        state["depth"] -= 1
        raise
    state["depth"] -= 1
    if outermost:
        _set_recording(connection, False)
        _clear(connection)


def _logged_blob(
    blobs: dict[tuple[int, str, str], bytes], entry: int, side: str, column: str
) -> bytes:
    return blobs[entry, side, column]


def _loaded(value: Any) -> Any:
    """psycopg hands jsonb over decoded; a driver that does not gives its text."""
    return json.loads(value) if isinstance(value, str) else value


def _row(columns: Sequence[str], logged: Any, blob: Callable[[str], bytes]) -> Row | None:
    if logged is None:
        return None
    values = _loaded(logged)
    return {
        column: blob(column) if values.get(column) == _BLOB else values.get(column)
        for column in columns
    }


def read_rows(connection: Connection, table: Table, keys: Sequence[Key]) -> dict[Key, Row]:
    """The rows of ``table`` at these keys now, in the log's own terms (absent: missing),
    locked until the commit: an undo compares them with what its change left and then
    writes over them, so a save another person is committing meanwhile is waited for and
    seen (the undo is refused naming her) instead of being written over unseen."""
    columns = [c.name for c in table.columns]
    blobs = _blobs(table)
    json_row = "to_jsonb(t)" + "".join(f" - '{c}'" for c in blobs)
    selected = ", ".join([json_row, *(f"t.{_q(c)}" for c in blobs)])
    where = " AND ".join(f"t.{_q(c)} = %(k{i})s" for i, c in enumerate(_keys(table)))
    sql = f"SELECT {selected} FROM {_q(table.name)} AS t WHERE {where} FOR UPDATE"
    found: dict[Key, Row] = {}
    for key in sorted(keys):  # locked in one order: two undos of the same rows never deadlock
        params = {f"k{i}": value for i, value in enumerate(key)}
        for logged, *raw in connection.exec_driver_sql(sql, params):
            values = _loaded(logged)
            for column, data in zip(blobs, raw, strict=True):
                values[column] = None if data is None else bytes(data)
            found[key] = {column: values.get(column) for column in columns}
    return found


def write_rows(
    connection: Connection,
    changes: Sequence[tuple[Table, dict[Key, tuple[Row | None, Row | None]]]],
) -> None:
    """Put each row to its target state (None: absent), in the order of
    :func:`po_desktop.store.capture.plan` (foreign keys are checked at each statement)."""
    for operation, table, key, values in plan(changes):
        if operation == "insert":
            names = list(values)
            connection.exec_driver_sql(
                f"INSERT INTO {_q(table.name)} ({', '.join(_q(n) for n in names)}) "
                f"VALUES ({', '.join(f'%(v{i})s' for i in range(len(names)))})",
                {f"v{i}": values[n] for i, n in enumerate(names)},
            )
            continue
        columns = _keys(table)
        where = " AND ".join(f"{_q(c)} = %(k{i})s" for i, c in enumerate(columns))
        params = {f"k{i}": value for i, value in enumerate(key)}
        if operation == "delete":
            connection.exec_driver_sql(f"DELETE FROM {_q(table.name)} WHERE {where}", params)
            continue
        sets = ", ".join(f"{_q(n)} = %(v{i})s" for i, n in enumerate(values))
        params.update({f"v{i}": v for i, v in enumerate(values.values())})
        connection.exec_driver_sql(f"UPDATE {_q(table.name)} SET {sets} WHERE {where}", params)
