"""Real workspace files for tests: the fixture of each released schema, and their contents."""

from __future__ import annotations

import hashlib
import sqlite3
from pathlib import Path

from sqlalchemy import select

from po_desktop.store.database import open_database
from po_desktop.store.models import Project
from po_desktop.store.services import projects

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def project_codes(path: Path) -> list[str]:
    with open_database(path, create=False) as db, db.session() as session:
        return sorted(session.scalars(select(Project.code)))


def add_project(path: Path, code: str) -> None:
    with open_database(path) as db, db.session() as session:
        projects.create_project(session, projects.ProjectInput(code, f"Projet {code}", "internal"))


def tables(path: Path) -> dict[str, tuple[list[str], list[tuple[object, ...]]]]:
    """Every user table: its columns and all its rows, in a stable order."""
    conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        names = [
            row[0]
            for row in conn.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table'"
                " AND name NOT LIKE 'sqlite_%' AND name != 'alembic_version'"
            )
        ]
        found = {}
        for name in names:
            cursor = conn.execute(f'SELECT * FROM "{name}" ORDER BY 1')
            columns = [d[0] for d in cursor.description]
            found[name] = (columns, sorted(cursor.fetchall(), key=repr))
        return found
    finally:
        conn.close()
