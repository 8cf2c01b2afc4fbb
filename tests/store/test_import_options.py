"""The import service beyond a plain file: a preview that writes nothing, the source's
statuses mapped to board columns, a default project, progress that can stop it, and keys
checked across batches of a file read as it comes (issue 18)."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from po_desktop.store.database import Database, open_database
from po_desktop.store.errors import ValidationError
from po_desktop.store.models import BoardColumn, Need, NeedEvent, Project
from po_desktop.store.services import needs as need_service
from po_desktop.store.services.import_types import (
    CREATE,
    SKIP,
    UPDATE,
    ImportOptions,
    ImportResult,
    NeedRecord,
    PreviewRow,
    status_key,
)
from po_desktop.store.services.importing import import_needs, preview_import


@pytest.fixture
def db(tmp_path: Path) -> Iterator[Database]:
    database = open_database(tmp_path / "w.podb")
    yield database
    database.close()


def count(database: Database, model: type) -> int:
    with database.session() as session:
        return session.scalar(select(func.count()).select_from(model)) or 0


def record(title: str, key: str = "", project: str = "ERP", **fields: str) -> NeedRecord:
    return NeedRecord(key=key, title=title, problem="Défi", project=project, **fields)


def test_preview_lists_each_row_and_writes_nothing(db: Database) -> None:
    with db.session() as session:
        import_needs(session, [record("Un"), record("Deux")])
    before = count(db, NeedEvent)
    rows = [
        record("Un", "ERP-1"),
        record("Deux modifié", "ERP-2"),
        record("Trois"),
        record("Sept", "ERP-7"),
        record("Autre", project="CRM"),
    ]
    with db.session() as session:
        result = preview_import(session, rows, ImportOptions(preview=True))
    assert (result.created, result.updated, result.skipped, result.projects_created) == (
        3,
        1,
        1,
        1,
    )
    assert result.preview == [
        PreviewRow(2, SKIP, "ERP-1", "Un"),
        PreviewRow(3, UPDATE, "ERP-2", "Deux modifié"),
        PreviewRow(4, CREATE, "", "Trois"),
        PreviewRow(5, CREATE, "ERP-7", "Sept"),
        PreviewRow(6, CREATE, "", "Autre"),
    ]
    assert count(db, Need) == 2 and count(db, Project) == 1 and count(db, NeedEvent) == before
    with db.session() as session:
        assert need_service.find_need(session, "ERP-2").title == "Deux"
        # the session is usable as before: the real import follows the preview
        assert import_needs(session, rows).created == 3
        assert need_service.find_need(session, "ERP-8").title == "Trois"


def test_a_preview_refuses_what_the_import_would(db: Database) -> None:
    with db.session() as session, pytest.raises(ValidationError) as info:
        preview_import(session, [record("A"), record("", project="NEW")])
    assert info.value.render("en").startswith("Line 3: The field “Title” is required.")
    assert count(db, Project) == 0


def test_the_sources_statuses_map_to_board_columns(db: Database) -> None:
    with db.session() as session:
        columns = {
            name: id_ for name, id_ in session.execute(select(BoardColumn.name, BoardColumn.id))
        }
    statuses = {status_key("To Do"): columns["À qualifier"], status_key("Done"): columns["Terminé"]}
    rows = [
        record("A", status="to do"),
        record("B", status="DONE"),
        record("C", status="Prêt"),  # a column's own name still works
    ]
    with db.session() as session:
        import_needs(session, rows, ImportOptions(statuses=statuses))
        found = {n.title: n.column.name for n in session.scalars(select(Need))}
    assert found == {"A": "À qualifier", "B": "Terminé", "C": "Prêt"}
    with db.session() as session, pytest.raises(ValidationError) as info:
        import_needs(session, [record("D", status="In Progress")], ImportOptions(statuses=statuses))
    assert "“In Progress”" in info.value.render("en")


def test_default_project_for_rows_that_name_none(db: Database) -> None:
    rows = [record("A", project=""), record("B", project="CRM")]
    with db.session() as session:
        result = import_needs(session, rows, ImportOptions(default_project="web"))
        assert result.projects_created == 2
        assert [n.key for n in session.scalars(select(Need).order_by(Need.id))] == [
            "WEB-1",
            "CRM-1",
        ]


def test_stopping_from_the_progress_callback_writes_nothing(
    db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("po_desktop.store.services.importing.BATCH_SIZE", 3)
    seen: list[int] = []

    class StopError(Exception):
        pass

    def progress(rows: int) -> None:
        seen.append(rows)
        if rows >= 6:
            raise StopError

    with db.session() as session, pytest.raises(StopError):
        import_needs(
            session, (record(f"N{i}") for i in range(10)), ImportOptions(progress=progress)
        )
    assert seen == [3, 6]
    assert count(db, Need) == 0 and count(db, Project) == 0


def test_a_key_named_twice_is_found_across_batches(
    db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("po_desktop.store.services.importing.BATCH_SIZE", 2)
    with db.session() as session:
        import_needs(session, [record("Existant", "ERP-1")])
    for rows, line in [
        ([record("A", "ERP-5"), record("B"), record("C"), record("D", "erp-5")], 5),
        ([record("A", "ERP-1"), record("B"), record("C", "ERP-1")], 4),
        ([record("A", "ERP-9"), record("B", "ERP-9")], 3),
    ]:
        with db.session() as session, pytest.raises(ValidationError) as info:
            import_needs(session, rows)
        assert info.value.render("en").startswith(f"Line {line}: the key ERP-")
    assert count(db, Need) == 1


def test_keyless_rows_are_numbered_after_every_key_of_the_file(
    db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("po_desktop.store.services.importing.BATCH_SIZE", 2)
    rows = [record("A"), record("B"), record("C", "ERP-4"), record("D"), record("E", "ERP-2")]
    with db.session() as session:
        assert import_needs(session, rows) == ImportResult(created=5, projects_created=1)
        keys = {n.title: n.key for n in session.scalars(select(Need))}
        project = session.scalar(select(Project))
        assert project is not None and project.next_number == 8
    assert keys == {"A": "ERP-5", "B": "ERP-6", "C": "ERP-4", "D": "ERP-7", "E": "ERP-2"}


def test_errors_come_in_the_order_of_the_rows(db: Database) -> None:
    """A bad key after a bad title: the title's line is the one reported."""
    rows = [record("A"), record(""), record("C", "pas une clé")]
    with db.session() as session, pytest.raises(ValidationError) as info:
        import_needs(session, rows)
    assert info.value.render("en").startswith("Line 3: The field “Title” is required.")


def test_imported_times_are_stored_as_every_other_time(
    db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The import writes its rows without SQLAlchemy's per-row conversion: its times must
    still be the text SQLAlchemy writes (never the sqlite3 module's own adapter, which
    drops zero microseconds and is deprecated from Python 3.12)."""
    import re
    from datetime import datetime

    from sqlalchemy import text

    monkeypatch.setattr(
        "po_desktop.store.services.importing.utcnow", lambda: datetime(2026, 12, 7, 9, 30)
    )

    with db.session() as session:
        project = session.scalar(select(Project.id))
        if project is None:
            import_needs(session, [record("Premier")])
        need_service.create_need(
            session, need_service.NeedInput("Saisi", "Défi", session.scalar(select(Project.id)))
        )
        import_needs(session, [record("Importé", status="Terminé")])
        stored = {
            title: values
            for title, *values in session.execute(
                text("SELECT title, created_at, updated_at, column_since, done_at FROM need")
            )
        }
    shape = re.compile(r"\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{6}")
    for title in ("Saisi", "Importé"):
        assert all(shape.fullmatch(v) for v in stored[title] if v is not None), stored[title]
    assert stored["Importé"][3] == stored["Importé"][0]  # done when imported into Terminé


def test_keys_among_existing_needs_update_theirs_and_create_the_others(db: Database) -> None:
    """Batches of keys read as a range (close numbers) or one by one (scattered): a row
    updates the need of its own key and no other, however close the numbers."""
    with db.session() as session:
        import_needs(session, [record(f"Besoin {n}", f"ERP-{n}") for n in range(1, 41, 2)])
    close = [record(f"Nouveau {n}", f"ERP-{n}") for n in range(2, 41, 2)]
    close.append(record("Besoin 7 revu", "ERP-7"))
    scattered = [record("Loin", "ERP-5000"), record("Besoin 9 revu", "ERP-9")]
    with db.session() as session:
        result = import_needs(session, [*close, *scattered, record("Sans clé")])
        assert (result.created, result.updated) == (22, 2)
    with db.session() as session:
        titles = {n: t for n, t in session.execute(select(Need.number, Need.title))}
    assert titles[1] == "Besoin 1" and titles[2] == "Nouveau 2" and titles[40] == "Nouveau 40"
    assert titles[7] == "Besoin 7 revu" and titles[9] == "Besoin 9 revu"
    assert titles[5000] == "Loin" and titles[5001] == "Sans clé" and len(titles) == 42
    with db.session() as session:
        need = need_service.find_need(session, "ERP-5001")
        assert need.title == "Sans clé" and need.project.next_number == 5002


def test_the_garbage_collector_runs_again_after_an_import_done_or_refused(db: Database) -> None:
    """The import pauses the cyclic collector while it works: left paused, a long session
    of the app would keep every cycle it makes afterwards."""
    assert gc.isenabled()
    with db.session() as session:
        import_needs(session, [record("Un"), record("Deux")])
    assert gc.isenabled()
    with db.session() as session, pytest.raises(ValidationError):
        import_needs(session, [record("Trois"), record("", "ERP-9")])
    assert gc.isenabled()
    gc.disable()  # a caller that paused it itself keeps it paused
    try:
        with db.session() as session:
            import_needs(session, [record("Quatre")])
        assert not gc.isenabled()
    finally:
        gc.enable()
    assert count(db, Need) == 3


def test_each_imported_need_has_its_history_on_either_engine(
    session: Session, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Every need of a batch starts its history with its creation in the column it was
    imported into, then its points, as a need created in the dialog does: the
    timeline, burndown and cycle times read them (three batches here, on SQLite and on
    PostgreSQL, whose ids come from a sequence)."""
    monkeypatch.setattr("po_desktop.store.services.importing.BATCH_SIZE", 2)
    query = select(BoardColumn.name, BoardColumn.id).order_by(BoardColumn.position)
    columns = {name: column_id for name, column_id in session.execute(query)}
    rows = [record("Un", points="3"), record("Deux", status="En cours"), record("Trois")]
    rows += [record("Quatre", "ERP-9", status="Terminé", points="0,5"), record("Cinq")]
    import_needs(session, rows)
    history = {
        title: [(field, old, new) for _, field, old, new in events]
        for title, events in _events_by_need(session).items()
    }
    first = str(next(iter(columns.values())))  # "À qualifier"
    assert history == {
        "Un": [("created", None, first), ("points", None, "3")],
        "Deux": [("created", None, str(columns["En cours"]))],
        "Trois": [("created", None, first)],
        "Quatre": [("created", None, str(columns["Terminé"])), ("points", None, "0.5")],
        "Cinq": [("created", None, first)],
    }


def _events_by_need(session: Session) -> dict[str, list[tuple[int, str, str | None, str]]]:
    found: dict[str, list[tuple[int, str, str | None, str]]] = {}
    query = (
        select(Need.title, NeedEvent.id, NeedEvent.field, NeedEvent.old_value, NeedEvent.new_value)
        .join(NeedEvent, NeedEvent.need_id == Need.id)
        .order_by(NeedEvent.id)
    )
    for title, *event in session.execute(query):
        found.setdefault(title, []).append(tuple(event))  # type: ignore[arg-type]
    return found
