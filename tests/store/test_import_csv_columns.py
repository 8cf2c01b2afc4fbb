"""A CSV file's rows are checked a batch of columns at a time, without a record per row
(issue 18's speed): the workspace ends up holding what the row path stores, a row that
needs checking alone is refused with its line in the file as before, and the needs'
tags and history go to the right needs whatever ids the database gives them."""

from __future__ import annotations

import csv
from pathlib import Path
from typing import Any

import pytest
from helpers.import_rows import plain_rows, plain_workspace, stored, watch
from helpers.undo import act, redo, undo
from sqlalchemy import func, insert, select
from sqlalchemy.orm import Session

from po_desktop.io.csv_needs import open_csv
from po_desktop.io.needs_table import COLUMNS, header_label, records
from po_desktop.store.database import Database
from po_desktop.store.errors import ValidationError
from po_desktop.store.models import BoardColumn, Need, NeedEvent, NeedTag, Project, utcnow
from po_desktop.store.services import people
from po_desktop.store.services._base import rolled_back
from po_desktop.store.services.import_types import ImportOptions, NeedRecord
from po_desktop.store.services.importing import BATCH_SIZE, import_needs, preview_import


@pytest.fixture
def workspace(session: Session) -> Session:
    return plain_workspace(session)


def write_csv(
    path: Path, rows: list[NeedRecord], *, blank_after: int | None = None, blanks: int = 0
) -> Path:
    """The rows as our export writes them (French headers, ``;``, CR LF, BOM); a blank
    row after the row ``blank_after``, as a spreadsheet leaves one; ``blanks`` blank
    lines after the header, empty ones and rows of empty cells in turn."""
    with path.open("w", encoding="utf-8-sig", newline="") as fh:
        writer = csv.writer(fh, delimiter=";", lineterminator="\r\n")
        writer.writerow([header_label(column, "fr") for column in COLUMNS])
        for i in range(blanks):
            writer.writerow([] if i % 2 else [" "] * len(COLUMNS))
        for i, row in enumerate(rows):
            writer.writerow(["" if getattr(row, c) is None else getattr(row, c) for c in COLUMNS])
            if i == blank_after:
                writer.writerow([""] * len(COLUMNS))
    return path


def line_of(path: Path, title: str) -> int:
    """The file's line where the row of that title starts."""
    with path.open(encoding="utf-8-sig", newline="") as fh:
        reader = csv.reader(fh, delimiter=";")
        end = 0
        for row in reader:
            start, end = end + 1, reader.line_num
            if len(row) > 1 and row[1] == title:
                return start
    raise LookupError(title)


def widen(path: Path, key: str) -> int:
    """A cell more on the row of that key, as a stray separator adds one; returns the
    index of its first line among the file's CR LF lines."""
    lines = path.read_bytes().decode("utf-8-sig").split("\r\n")
    at = next(i for i, line in enumerate(lines) if line.startswith(f"{key};"))
    lines[at] += ";en trop"
    path.write_bytes("\r\n".join(lines).encode("utf-8-sig"))
    return at


def no_keyless_refs(rows: list[NeedRecord]) -> list[NeedRecord]:
    """The rows, those without a key carrying no external reference (one that does is
    looked up first: see the test of that)."""
    return [NeedRecord(**{**r.__dict__, "external_ref": ""}) if not r.key else r for r in rows]


def imported(session: Session, path: Path, options: ImportOptions | None = None) -> Any:
    with open_csv(path) as table:
        return import_needs(session, records(table), options)


def test_a_csv_file_read_as_columns_stores_what_the_row_path_stores(
    workspace: Session, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    path = write_csv(tmp_path / "besoins.csv", no_keyless_refs(plain_rows(BATCH_SIZE + 240)))
    taken = watch(monkeypatch, "new_needs_read")
    with rolled_back(workspace):
        result = imported(workspace, path)
        by_columns = stored(workspace)
    watch(monkeypatch, "new_needs_read", refuse=True)
    watch(monkeypatch, "new_needs", refuse=True)  # nor as a list of records
    with rolled_back(workspace):
        imported(workspace, path)
        by_rows = stored(workspace)
    assert taken == [True, True]
    assert result.created == len(by_columns) == BATCH_SIZE + 240
    assert by_columns == by_rows
    titles = {values["title"] for _, values, *_ in by_columns}
    assert {"Deux lignes 2", "🚀 Fusée 3", "Espacé 1"} <= titles


def test_a_csv_import_by_columns_is_undone_and_redone_exactly(
    workspace: Session, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """One action, one change, whichever way its batches went: undone, no need and no
    project of the file is left; redone, every need, tag and event comes back."""
    path = write_csv(tmp_path / "besoins.csv", no_keyless_refs(plain_rows(BATCH_SIZE + 40)))
    taken = watch(monkeypatch, "new_needs_read")
    before = (stored(workspace), sorted(workspace.scalars(select(Project.code))))
    change = act(workspace, lambda s: imported(s, path))
    after = (stored(workspace), sorted(workspace.scalars(select(Project.code))))
    assert taken == [True, True] and len(after[0]) == BATCH_SIZE + 40
    undo(workspace, change)
    assert (stored(workspace), sorted(workspace.scalars(select(Project.code)))) == before
    redo(workspace, change)
    assert (stored(workspace), sorted(workspace.scalars(select(Project.code)))) == after


@pytest.mark.parametrize(
    ("cell", "value", "says"),
    [
        ("key", "ERP-ABC", "ERP-ABC"),  # not a key
        ("key", "CRM-7", "CRM"),  # a key of another project than the row's
        ("project", "", "“Project”"),  # neither project nor key, and no default
        ("key", "ERP-101", "ERP-101"),  # row 1's key: named twice
        ("status", "Archivé", "Archivé"),
    ],
)
def test_a_bad_row_of_a_csv_file_is_refused_with_its_line_in_the_file(
    workspace: Session,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    cell: str,
    value: str,
    says: str,
) -> None:
    """The line named is where the row starts in the file, past cells of several lines
    and a blank line."""
    rows = no_keyless_refs(plain_rows(300))
    fields = {**rows[250].__dict__, cell: value, "project": "ERP", "title": "La mauvaise"}
    if cell == "project":
        fields.update(project="", key="")
    rows[250] = NeedRecord(**fields)
    path = write_csv(tmp_path / "besoins.csv", rows, blank_after=100)
    taken = watch(monkeypatch, "new_needs_read")
    with pytest.raises(ValidationError) as refused:
        imported(workspace, path)
    assert taken == [False]
    assert refused.value.message.params["line"] == line_of(path, "La mauvaise") > 252
    assert says in str(refused.value)
    workspace.rollback()
    assert workspace.scalars(select(Need)).first() is None


def test_blank_rows_do_not_move_which_rows_are_checked_together(
    workspace: Session, tmp_path: Path
) -> None:
    """A batch is so many needs, blank rows aside, as the row path counts them: a bad
    status in the first thousand needs is the error named, not a row of the wrong width
    further on that a batch cut by lines would have read with it."""
    rows = no_keyless_refs(plain_rows(1600))
    rows[995] = NeedRecord(**{**rows[995].__dict__, "status": "Nulle part", "title": "Statut"})
    path = write_csv(tmp_path / "besoins.csv", rows, blanks=10)
    widen(path, rows[1490].key)
    with pytest.raises(ValidationError) as refused:
        imported(workspace, path)
    assert refused.value.message.params["line"] == line_of(path, "Statut")
    assert "Nulle part" in str(refused.value)


def test_blank_rows_and_empty_lines_are_left_out(
    workspace: Session, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    rows = no_keyless_refs(plain_rows(BATCH_SIZE + 5))
    path = write_csv(tmp_path / "besoins.csv", rows, blanks=6, blank_after=BATCH_SIZE - 3)
    taken = watch(monkeypatch, "new_needs_read")
    done: list[int] = []
    with open_csv(path) as table:
        result = import_needs(workspace, records(table), ImportOptions(progress=done.append))
    assert result.created == BATCH_SIZE + 5
    assert taken == [True, True] and done == [BATCH_SIZE, BATCH_SIZE + 5]


def test_a_csv_row_of_the_wrong_width_is_refused_with_its_line(
    workspace: Session, tmp_path: Path
) -> None:
    rows = no_keyless_refs(plain_rows(40))
    path = write_csv(tmp_path / "besoins.csv", rows)
    at = widen(path, rows[31].key)
    with pytest.raises(ValidationError) as refused:
        imported(workspace, path)
    assert refused.value.message.params["line"] == line_of(path, rows[31].title) > at + 1
    assert "17" in str(refused.value) and "16" in str(refused.value)  # cells, expected


def test_the_preview_of_a_csv_file_lists_each_row_with_its_line_and_key(
    workspace: Session, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    rows = no_keyless_refs(plain_rows(20))
    path = write_csv(tmp_path / "besoins.csv", rows, blank_after=0)
    taken = watch(monkeypatch, "new_needs_read")
    with open_csv(path) as table:
        result = preview_import(workspace, records(table), ImportOptions(preview=True))
    assert taken == [True]
    assert result.created == 20
    assert [(p.action, p.key, p.title) for p in result.preview[:5]] == [
        ("create", "", "Besoin 0"),
        ("create", "ERP-101", "  Espacé 1  "),
        ("create", "ERP-102", "Deux\nlignes 2"),
        ("create", "CRM-103", "🚀 Fusée 3"),
        ("create", "", "Achats — n° 4"),
    ]
    # Where each starts in the file: past the blank line 3 and cells of two lines.
    lines = [line_of(path, row.title) for row in rows]
    assert [p.line for p in result.preview] == lines
    assert lines[:2] == [2, 4] and lines[-1] > 22
    assert workspace.scalars(select(Need)).first() is None


def test_a_keyless_row_with_a_known_reference_updates_that_need(
    workspace: Session, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """A row without a key whose external reference a need of the workspace carries
    updates that need, as a re-import of the same file does, never duplicates it."""
    rows = no_keyless_refs(plain_rows(30))
    imported(workspace, write_csv(tmp_path / "un.csv", rows))
    erp_125 = select(Need).join(Project).where(Project.code == "ERP", Need.number == 125)
    need = workspace.scalars(erp_125).one()
    need.external_ref = "JIRA-9"
    workspace.commit()
    fields = {**rows[25].__dict__, "key": "", "external_ref": "JIRA-9", "title": "Retitré"}
    again = [NeedRecord(**fields), *rows[26:28]]
    again[1:] = [
        NeedRecord(**{**r.__dict__, "key": "", "title": f"Nouveau {r.title}"}) for r in again[1:]
    ]
    taken = watch(monkeypatch, "new_needs_read")
    result = imported(workspace, write_csv(tmp_path / "deux.csv", again))
    assert taken == [False]
    assert (result.created, result.updated) == (2, 1)
    workspace.refresh(need)
    assert need.title == "Retitré"


@pytest.mark.parametrize("apart", [3, BATCH_SIZE + 3], ids=["same batch", "next batch"])
def test_two_rows_without_a_key_and_one_reference_are_refused_at_the_second(
    workspace: Session, tmp_path: Path, apart: int
) -> None:
    """An external reference is the item's identity in its tool: two rows without a key
    that give the same one are refused at the second, naming the reference (it named a
    placeholder « ERP--7 » when the first was in an earlier batch, and took both as two
    needs when in the same one)."""
    rows = no_keyless_refs(plain_rows(BATCH_SIZE + 40))
    for i, title in ((10, "Premier"), (10 + apart, "Second")):
        fields = {**rows[i].__dict__, "key": "", "external_ref": "JIRA-21", "title": title}
        rows[i] = NeedRecord(**fields)
    path = write_csv(tmp_path / "besoins.csv", rows)
    with pytest.raises(ValidationError) as refused:
        imported(workspace, path)
    assert refused.value.message.params["line"] == line_of(path, "Second")
    assert "JIRA-21" in str(refused.value) and "--" not in str(refused.value)
    # Named as a reference, not as a key (it read « la clé JIRA-21 apparaît deux fois »).
    assert refused.value.render("fr").endswith(
        "la référence externe JIRA-21 apparaît deux fois dans le fichier. Rien n'a été importé."
    )
    workspace.rollback()
    assert workspace.scalars(select(Need)).first() is None


@pytest.mark.parametrize("keyed_first", [True, False], ids=["keyed first", "keyless first"])
def test_a_row_with_a_key_and_one_without_may_give_the_same_reference(
    workspace: Session, tmp_path: Path, keyed_first: bool
) -> None:
    """Only a row without a key is known by its reference: a row with a key that gives
    the same one does not make it a repeat, in either order."""
    rows = no_keyless_refs(plain_rows(12))
    keyed = next(i for i, row in enumerate(rows) if row.key)
    keyless = next(i for i, row in enumerate(rows) if not row.key)
    for i in (keyed, keyless):
        rows[i] = NeedRecord(**{**rows[i].__dict__, "external_ref": "JIRA-7"})
    if keyed_first == (keyed > keyless):
        rows.reverse()
    result = imported(workspace, write_csv(tmp_path / "besoins.csv", rows))
    assert result.created == 12


def test_a_field_mapped_to_two_columns_takes_the_last(workspace: Session, tmp_path: Path) -> None:
    """As a row read alone takes it, whether its batch is stored as columns (all new
    needs) or goes the row path (a need of the workspace updated)."""
    path = tmp_path / "notes.csv"
    path.write_text(
        "Clé;Titre;Défi;Projet;Notes;Notes\r\n"
        "ERP-1;Premier;Défi 1;ERP;vieille note;note retenue\r\n",
        encoding="utf-8-sig",
    )
    mapping = ["key", "title", "problem", "project", "solution", "solution"]
    for _time in range(2):  # created by columns, then updated by the row path
        with open_csv(path) as table:
            import_needs(workspace, records(table, mapping))
        path.write_text(
            path.read_text(encoding="utf-8-sig").replace("Défi 1", "Défi revu"),
            encoding="utf-8-sig",
        )
    need = workspace.scalars(select(Need)).one()
    assert (need.problem, need.solution) == ("Défi revu", "note retenue")


def test_tags_and_history_go_to_their_needs_when_the_ids_are_not_consecutive(
    db: Database, tmp_path: Path
) -> None:
    """SQLite gives a new row the highest id plus one, unless that is the largest
    integer: then it picks ids at random. The import then asks which need got which id
    rather than count them, and every tag and event is its own need's."""
    path = write_csv(tmp_path / "besoins.csv", no_keyless_refs(plain_rows(60)))
    with db.session() as session:
        plain_workspace(session)
        with rolled_back(session):
            imported(session, path)
            expected = stored(session)
        project = Project(code="ZZZ", name="Dernier")
        session.add(project)
        session.flush()
        highest, now = 2**63 - 1, utcnow()
        session.execute(
            insert(Need).values(
                id=highest, project_id=project.id, number=1, title="Le dernier id",
                problem="", solution="", requester="", source="other", business_unit="",
                technical=False, column_id=session.scalar(select(BoardColumn.id).limit(1)),
                rank=0, acceptance="", created_at=now, updated_at=now, column_since=now,
            )
        )  # fmt: skip
        imported(session, path)
        ids = session.scalars(select(Need.id).where(Need.id != highest)).all()
        assert len(ids) == 60 and max(ids) - min(ids) + 1 != 60  # not one after another
        assert [need for need in stored(session) if need[0] != "ZZZ"] == expected
        assert session.scalar(select(func.count()).where(NeedTag.need_id == highest)) == 0
        assert session.scalar(select(func.count()).where(NeedEvent.need_id == highest)) == 0


def test_assignees_a_batch_of_columns_stores_as_the_row_path_and_undoes(
    workspace: Session, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """The « Responsable » of our export: a person the workspace knows goes through a
    batch of columns, with what the row path stores; the import undoes and redoes whole."""
    lea = people.create_person(workspace, people.PersonInput("Léa Dubois")).id
    workspace.commit()
    rows = no_keyless_refs(plain_rows(40))
    rows = [
        NeedRecord(**{**row.__dict__, "assignee": "léa dubois" if i % 2 else ""})
        for i, row in enumerate(rows)
    ]
    path = write_csv(tmp_path / "besoins.csv", rows)
    taken = watch(monkeypatch, "new_needs_read")
    with rolled_back(workspace):
        imported(workspace, path)
        by_columns = stored(workspace)
    watch(monkeypatch, "new_needs_read", refuse=True)
    watch(monkeypatch, "new_needs", refuse=True)
    with rolled_back(workspace):
        imported(workspace, path)
        by_rows = stored(workspace)
    assert taken == [True] and by_columns == by_rows
    assert [values["assignee_id"] for _, values, *_ in by_columns].count(lea) == 20
    monkeypatch.undo()
    before = stored(workspace)
    change = act(workspace, lambda s: imported(s, path))
    assert stored(workspace) == by_columns
    undo(workspace, change)
    assert stored(workspace) == before
    redo(workspace, change)
    assert stored(workspace) == by_columns
