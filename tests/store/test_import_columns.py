"""The import checks a batch of new needs a column at a time (issue 18's speed): whatever
path a batch takes, the workspace ends up holding the same needs, tags and history, and a
bad row is refused with its line as before."""

from __future__ import annotations

from typing import Any

import pytest
from helpers.import_rows import plain_rows, plain_workspace, stored, watch
from helpers.undo import act, redo, undo
from sqlalchemy import select
from sqlalchemy.orm import Session

from po_desktop.store.errors import ValidationError
from po_desktop.store.models import Need, Project
from po_desktop.store.services._base import rolled_back
from po_desktop.store.services.import_types import ImportOptions, NeedRecord
from po_desktop.store.services.importing import BATCH_SIZE, import_needs, preview_import


@pytest.fixture
def workspace(session: Session) -> Session:
    return plain_workspace(session)


def by_both_paths(
    session: Session, monkeypatch: pytest.MonkeyPatch, rows: list[NeedRecord]
) -> tuple[list[bool], list[tuple[Any, ...]], list[tuple[Any, ...]]]:
    """The batches' paths, and what the workspace holds after the import, by the column
    path where it applies and by the row path alone (each import rolled back)."""
    taken = watch(monkeypatch)
    with rolled_back(session):
        import_needs(session, rows)
        by_columns = stored(session)
    watch(monkeypatch, refuse=True)
    with rolled_back(session):
        import_needs(session, rows)
        by_rows = stored(session)
    return taken, by_columns, by_rows


def test_plain_batches_store_what_the_row_path_stores(
    workspace: Session, monkeypatch: pytest.MonkeyPatch
) -> None:
    rows = plain_rows(BATCH_SIZE + 240)
    taken, by_columns, by_rows = by_both_paths(workspace, monkeypatch, rows)
    assert taken == [True, True]
    assert len(by_columns) == len(rows)
    assert by_columns == by_rows
    # What the rows' shapes become, whichever path: one-line texts trimmed, paragraphs
    # kept, labels and spellings read, tags deduplicated, sprint and points in history.
    first = {values["title"]: (values, tags, events) for _, values, _, _, tags, events in by_rows}
    values, tags, events = first["Deux lignes 2"]
    assert values["requester"] == "Camille Martin"
    assert values["source"] == "customer" and values["points"] == 3
    assert tags == sorted(["a", "B"])  # "a, B, a"
    assert [e[0] for e in events] == ["created", "sprint", "points"]
    assert first["Espacé 1"][0]["problem"] == "Premier paragraphe 1\nSecond paragraphe"


def test_a_batch_with_a_text_to_mend_goes_the_row_path_alone(
    workspace: Session, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Windows line ends in a problem statement: the row path stores them as LF; the
    batches before it still go the column path, and every row ends up the same."""
    rows = plain_rows(BATCH_SIZE + 240, dirty_from=BATCH_SIZE)
    taken, by_columns, by_rows = by_both_paths(workspace, monkeypatch, rows)
    assert taken == [True, False]
    assert by_columns == by_rows
    problems = {values["problem"] for _, values, *_ in by_columns}
    assert f"Ligne un {BATCH_SIZE + 1}\nLigne deux" in problems
    assert not any("\r" in problem for problem in problems)


@pytest.mark.parametrize(
    ("cell", "value", "says"),
    [
        ("status", "Archivé", "Archivé"),
        ("sprint", "Sprint 99", "Sprint 99"),
        ("source", "fournisseur", "fournisseur"),
        ("points", "beaucoup", "beaucoup"),
        ("title", "x" * 301, "300"),
        ("key", "ERP-101", "ERP-101"),
        ("problem", "  ", "En cours"),
    ],
)
def test_a_bad_row_among_plain_ones_is_refused_with_its_line(
    workspace: Session, monkeypatch: pytest.MonkeyPatch, cell: str, value: str, says: str
) -> None:
    rows = plain_rows(300)
    bad = rows[250]
    fields = {**bad.__dict__, cell: value}
    if cell == "key":
        fields["project"] = "ERP"  # ERP-101 is row 1's key: named twice
    if cell == "problem":
        fields["status"] = "En cours"  # only the first column takes a need without one
    rows[250] = NeedRecord(**fields)
    taken = watch(monkeypatch)
    with pytest.raises(ValidationError) as refused:
        import_needs(workspace, rows)
    assert taken == [False]
    assert refused.value.message.params["line"] == 252
    assert says in str(refused.value)
    workspace.rollback()
    assert workspace.scalars(select(Need)).first() is None


def test_the_preview_of_plain_rows_lists_each_one(
    workspace: Session, monkeypatch: pytest.MonkeyPatch
) -> None:
    rows = plain_rows(20)
    taken = watch(monkeypatch)
    result = preview_import(workspace, rows, ImportOptions(preview=True))
    assert taken == [True]
    assert result.created == 20
    assert [(p.line, p.action, p.key, p.title) for p in result.preview[:5]] == [
        (2, "create", "", "Besoin 0"),
        (3, "create", "ERP-101", "  Espacé 1  "),
        (4, "create", "ERP-102", "Deux\nlignes 2"),
        (5, "create", "CRM-103", "🚀 Fusée 3"),
        (6, "create", "", "Achats — n° 4"),
    ]
    assert workspace.scalars(select(Need)).first() is None


def test_an_import_by_columns_is_undone_and_redone_exactly(
    workspace: Session, monkeypatch: pytest.MonkeyPatch
) -> None:
    """One action, one change: undone, the workspace holds no need and no project the
    file brought; redone, every need, tag and event comes back as imported."""

    def projects() -> list[str]:
        return sorted(workspace.scalars(select(Project.code)))

    taken = watch(monkeypatch)
    before = (stored(workspace), projects())
    change = act(workspace, lambda s: import_needs(s, plain_rows(300)))
    after = (stored(workspace), projects())
    assert taken == [True]
    assert len(after[0]) == 300 and after[1] == ["CRM", "ERP"]
    undo(workspace, change)
    assert (stored(workspace), projects()) == before
    redo(workspace, change)
    assert (stored(workspace), projects()) == after
