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


BOTH_ENGINES = ("store", "reliability/test_hostile_text.py", "io/test_trackers_real.py")
"""Where a test that asks for a ``session`` (and not for the file: ``db``, ``db_path``) runs
twice: on a workspace file and on a team workspace's PostgreSQL (tests/helpers/postgres.py)."""


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    own = set(metafunc.definition._fixtureinfo.argnames)
    where = Path(str(metafunc.definition.path)).relative_to(Path(__file__).parent).as_posix()
    if (
        "engine_kind" in metafunc.fixturenames
        and not own & {"db", "db_path"}
        and metafunc.definition.get_closest_marker("file_only") is None
        and any(where.startswith(prefix) for prefix in BOTH_ENGINES)
    ):
        metafunc.parametrize("engine_kind", ["sqlite", "postgresql"], indirect=True)


@pytest.fixture
def engine_kind(request: pytest.FixtureRequest) -> str:
    return getattr(request, "param", "sqlite")


@pytest.fixture(scope="session")
def server_template() -> Iterator[str]:
    """A team workspace just made (``team init``), copied for each test that needs one."""
    from helpers import postgres
    from sqlalchemy.engine import make_url

    from po_desktop.store import team

    url = postgres.create_database()
    engine = team.make_server_engine(url)
    try:
        team.create_schema(engine)
    finally:
        engine.dispose()
    try:
        yield str(make_url(url).database)
    finally:
        postgres.drop_database(url)


@pytest.fixture
def session(engine_kind: str, request: pytest.FixtureRequest) -> Iterator[Session]:
    if engine_kind == "sqlite":
        db: Database = request.getfixturevalue("db")
        with db.session() as s:
            yield s
        return
    from helpers import postgres
    from sqlalchemy.orm import sessionmaker

    from po_desktop.store import team, versions

    template = request.getfixturevalue("server_template")
    with postgres.scratch_database(template) as url:
        engine = team.make_server_engine(url)
        factory = sessionmaker(engine, expire_on_commit=False)
        versions.install(factory)
        try:
            with factory() as s:
                yield s
        finally:
            engine.dispose()


@pytest.fixture
def project_id(session: Session) -> int:
    return projects.create_project(
        session, projects.ProjectInput("ERP", "Déploiement ERP", "internal")
    ).id
