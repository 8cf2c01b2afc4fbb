"""Shared fixtures: every test gets its own data directory and database file."""

from __future__ import annotations

import os
import runpy

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy.orm import Session

from po_desktop import i18n, paths
from po_desktop.domain import messages
from po_desktop.store.database import Database, open_database
from po_desktop.store.services import projects


@pytest.fixture(scope="session", autouse=True)
def compiled_translations() -> None:
    """The .mo files beside their sources, compiled by the project's one compile step when
    `make` has not (messages, the CLI and the interface all read them)."""
    tool = Path(__file__).resolve().parents[1] / "tools" / "compile_translations.py"
    runpy.run_path(str(tool))["compile_translations"](paths.resources_dir() / "translations")
    i18n.catalogue.cache_clear()


@pytest.fixture(autouse=True)
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Keep backups and defaults out of the real user data dir; messages in English."""
    data = tmp_path / "home"
    monkeypatch.setenv("PO_DESKTOP_HOME", str(data))
    messages.set_language("en")
    return data


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "workspace.podb"


@pytest.fixture
def db(db_path: Path) -> Iterator[Database]:
    database = open_database(db_path)
    yield database
    database.close()


@pytest.fixture
def session(db: Database) -> Iterator[Session]:
    with db.session() as s:
        yield s


@pytest.fixture
def project_id(session: Session) -> int:
    return projects.create_project(
        session, projects.ProjectInput("ERP", "Déploiement ERP", "internal")
    ).id
