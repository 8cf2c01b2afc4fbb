"""Alembic, driven from code: the app migrates a database when it opens it."""

from __future__ import annotations

import threading
from pathlib import Path

from sqlalchemy import Engine

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"

HEAD = "0011"
"""The newest revision this build knows; a test keeps it equal to Alembic's head."""

KNOWN_REVISIONS = (
    "0001",
    "0002",
    "0003",
    "0004",
    "0005",
    "0006",
    "0007",
    "0008",
    "0009",
    "0010",
    "0011",
)
"""Every revision this build can upgrade from, oldest first."""


def alembic_config(engine: Engine | None = None):
    """Alembic is imported only when a migration runs: it costs startup time otherwise."""
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    if engine is not None:
        cfg.attributes["engine"] = engine
    return cfg


_ALEMBIC = threading.Lock()
"""Alembic runs one migration at a time per process (its ``context`` and ``op`` are
module-level proxies): a team workspace's local copy, made on a thread of its own while
the window creates or copies a file, must not run beside another."""


def upgrade(engine: Engine, revision: str = "head") -> None:
    from alembic import command

    with _ALEMBIC:
        command.upgrade(alembic_config(engine), revision)
    # Fresh connections afterwards: the migration ran with foreign keys off.
    engine.dispose()


def stamp(engine: Engine, revision: str = "head") -> None:
    """Record the schema made from the models as being at ``revision``, without running
    the migrations (a team workspace starts at the newest schema)."""
    from alembic import command

    with _ALEMBIC:
        command.stamp(alembic_config(engine), revision)


def script_head() -> str:
    from alembic.script import ScriptDirectory

    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert head is not None
    return head
