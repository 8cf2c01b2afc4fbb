"""A column's choices checked by comparisons joined by OR, not by ``IN (…)``.

SQLite's integrity check, which the app runs on every file it opens, evaluates an
``IN (…)`` list in a CHECK constraint about four times slower per row than the same
choices written ``field = 'created' OR field = 'column' OR …``: at 100,000 needs and
their 336,000 history events, 0.4 s of the check's 0.9 s, before the board can show.
The two forms accept and refuse exactly the same values (NULL included), so the rows
are not touched: on SQLite only the tables' stored definitions change, by the procedure
SQLite documents for changes that leave the file's content as it is (``writable_schema``,
then a new schema version), and the tables are checked again before the upgrade commits.

This is a speed-up, never a reason not to open a workspace: a table whose definition
does not read as expected is left as it is, and so is every table where SQLite refuses
to edit its schema (a library built in "defensive" mode), inside a savepoint.

A team workspace (PostgreSQL) is left as it is: the server keeps ``IN`` as ``= ANY``,
with no such cost and no check at opening, and rewriting its constraints would lock the
team's tables for nothing.

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-06
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Callable

from alembic import op
from sqlalchemy.exc import DBAPIError

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None

CHOICES = {
    "sprint": "state",
    "ceremony": "kind",
    "criterion": "direction",
    "project": "kind",
    "assessment": "decision",
    "need": "source",
    "need_link": "kind",
    "need_event": "field",
}
"""The tables with a column of choices, and that column."""

_VALUE = r"'[a-z_]+'"
_AS_LIST = r"CHECK \({column} IN \(((?:{value}, )*{value})\)\)"
_AS_COMPARISONS = r"CHECK \(((?:{column} = {value} OR )*{column} = {value})\)"


def _as_comparisons(column: str) -> Callable[[re.Match[str]], str]:
    def rewrite(found: re.Match[str]) -> str:
        values = found.group(1).split(", ")
        return "CHECK (" + " OR ".join(f"{column} = {value}" for value in values) + ")"

    return rewrite


def _as_list(column: str) -> Callable[[re.Match[str]], str]:
    def rewrite(found: re.Match[str]) -> str:
        values = found.group(1).split(" OR ")
        return f"CHECK ({column} IN (" + ", ".join(v.split(" = ")[1] for v in values) + "))"

    return rewrite


def _rewrite(pattern: str, to: Callable[[str], Callable[[re.Match[str]], str]]) -> None:
    bind = op.get_bind()
    if bind.dialect.name != "sqlite":
        return
    changed = {}
    for table, column in CHOICES.items():
        sql = bind.exec_driver_sql(
            "SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?", (table,)
        ).scalar()
        found = re.compile(pattern.format(column=column, value=_VALUE))
        new, count = found.subn(to(column), sql or "")
        if count == 1:  # else written otherwise: left as it is
            changed[table] = new
    if not changed:
        return
    try:
        with bind.begin_nested():
            _store(changed)
    except (DBAPIError, _RefusedError):
        pass  # refused ("table sqlite_master may not be modified"): the definitions stay


class _RefusedError(Exception):
    """The new definitions did not pass SQLite's check: the old ones are kept."""


def _store(changed: dict[str, str]) -> None:
    """The tables' new definitions, by SQLite's procedure, then checked."""
    bind = op.get_bind()
    version = bind.exec_driver_sql("PRAGMA schema_version").scalar_one()
    bind.exec_driver_sql("PRAGMA writable_schema = ON")
    try:
        for table, sql in changed.items():
            bind.exec_driver_sql(
                "UPDATE sqlite_master SET sql = ? WHERE type = 'table' AND name = ?",
                (sql, table),
            )
        bind.exec_driver_sql(f"PRAGMA schema_version = {int(version) + 1}")
    finally:
        bind.exec_driver_sql("PRAGMA writable_schema = OFF")
    # A table's name as the check's argument needs SQLite 3.33; before, the argument is
    # a count of errors and each call would check the whole file: once is enough.
    by_table = sqlite3.sqlite_version_info >= (3, 33)
    checks = [f'PRAGMA quick_check("{t}")' for t in changed] if by_table else ["PRAGMA quick_check"]
    for check in checks:
        problem = bind.exec_driver_sql(check).scalar()
        if problem != "ok":
            raise _RefusedError(f"{check} after the definitions were rewritten: {problem}")


def upgrade() -> None:
    _rewrite(_AS_LIST, _as_comparisons)


def downgrade() -> None:
    _rewrite(_AS_COMPARISONS, _as_list)
