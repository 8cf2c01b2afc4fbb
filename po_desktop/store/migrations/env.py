"""Alembic environment: batch mode so SQLite can alter tables."""

from __future__ import annotations

from alembic import context
from sqlalchemy import Connection, Engine

from po_desktop.store.engine import make_engine
from po_desktop.store.models import Base

config = context.config
target_metadata = Base.metadata


def run_migrations_offline() -> None:
    context.configure(
        url=config.get_main_option("sqlalchemy.url") or "sqlite://",
        target_metadata=target_metadata,
        render_as_batch=True,
        literal_binds=True,
    )
    with context.begin_transaction():
        context.run_migrations()


def run_migrations_online() -> None:
    engine: Engine | None = config.attributes.get("engine")
    if engine is None:
        engine = make_engine(config.get_main_option("sqlalchemy.url", "po-desktop.podb"))
    if engine.dialect.name != "sqlite":
        _run_on_server(engine)
        return
    with engine.connect() as connection:
        # Batch migrations copy and drop tables: with foreign keys on, dropping the old
        # table would cascade and wipe history. Off for the migration (the pragma only
        # works outside a transaction), checked before commit, back on afterwards.
        raw = connection.connection.driver_connection
        raw.execute("PRAGMA foreign_keys=OFF")
        try:
            _configure(connection)
            with context.begin_transaction():
                context.run_migrations()
                problems = connection.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
                if problems:
                    raise RuntimeError(f"migration broke foreign keys: {problems[:5]}")
            if connection.in_transaction():
                connection.commit()
        finally:
            raw.execute("PRAGMA foreign_keys=ON")


def _configure(connection: Connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        render_as_batch=True,
        compare_type=True,
        # SQLite's DDL is transactional, though Alembic assumes otherwise and commits
        # after each revision: one transaction for the whole upgrade, so a crash leaves
        # the old schema or the new one, never one in between. PostgreSQL's DDL is too.
        transactional_ddl=True,
    )


def _run_on_server(engine: Engine) -> None:
    """A team workspace (PostgreSQL): tables are altered in place, foreign keys stay on
    and hold at every statement; the whole upgrade is one transaction."""
    with engine.connect() as connection:
        _configure(connection)
        with context.begin_transaction():
            context.run_migrations()
        if connection.in_transaction():
            connection.commit()


if context.is_offline_mode():
    run_migrations_offline()
else:
    run_migrations_online()
