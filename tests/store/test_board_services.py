"""Services behind the board's card actions and its settings dialog."""

from __future__ import annotations

import dataclasses
import shutil
import sqlite3
from datetime import date, datetime
from pathlib import Path

import pytest
from helpers.undo import act, undo
from sqlalchemy import select
from sqlalchemy.orm import Session

from po_desktop.domain.readiness import EntryRule
from po_desktop.store import queries
from po_desktop.store.database import open_database
from po_desktop.store.errors import ConflictError, NotFoundError, ValidationError
from po_desktop.store.models import BoardColumn, NeedEvent, Sprint
from po_desktop.store.services import columns, needs, people
from po_desktop.store.services.columns import ColumnSpec
from po_desktop.store.services.needs import NeedInput

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"


def _need(session: Session, project_id: int, title: str, **extra: object) -> int:
    return needs.create_need(session, NeedInput(title, "Quel défi ?", project_id, **extra))


def _sprint(session: Session, name: str, state: str = "planned") -> int:
    sprint = Sprint(name=name, start_date=date(2027, 1, 4), end_date=date(2027, 1, 15), state=state)
    session.add(sprint)
    session.commit()
    return sprint.id


def _events(session: Session, need_id: int, field: str) -> list[tuple[str | None, str | None]]:
    rows = session.execute(
        select(NeedEvent.old_value, NeedEvent.new_value)
        .where(NeedEvent.need_id == need_id, NeedEvent.field == field)
        .order_by(NeedEvent.id)
    )
    return [tuple(r) for r in rows]  # type: ignore[misc]


def test_assign_then_undo(session: Session, project_id: int) -> None:
    lea = people.create_person(session, people.PersonInput("Léa Martin")).id
    a, b = _need(session, project_id, "A"), _need(session, project_id, "B")
    change = act(session, lambda s: needs.assign_needs(s, [a, b], lea))
    rows = {r.id: r for r in queries.need_rows(session)}
    assert rows[a].assignee_name == rows[b].assignee_name == "Léa Martin"
    undo(session, change)
    assert {r.assignee_id for r in queries.need_rows(session)} == {None}
    with pytest.raises(NotFoundError):
        needs.assign_needs(session, [a], 999)


def test_plan_records_sprint_events_and_refuses_closed_sprints(
    session: Session, project_id: int
) -> None:
    a = _need(session, project_id, "A")
    sprint = _sprint(session, "Sprint 12")
    closed = _sprint(session, "Sprint 11", "closed")
    planned = act(session, lambda s: needs.plan_needs(s, [a], sprint))
    assert _events(session, a, "sprint") == [(None, str(sprint))]
    unplanned = act(session, lambda s: needs.plan_needs(s, [a], None))
    assert _events(session, a, "sprint")[-1] == (str(sprint), None)
    with pytest.raises(ConflictError) as err:
        needs.plan_needs(session, [a], closed)
    assert "Sprint 11" in err.value.render("en") and "clos" in err.value.render("fr")
    with pytest.raises(ConflictError):  # undone in order only: the later action first
        undo(session, planned)
    undo(session, unplanned)
    undo(session, planned)
    assert _events(session, a, "sprint") == []


def test_duplicate_lands_below_its_original_with_a_new_key(
    session: Session, project_id: int
) -> None:
    a = _need(session, project_id, "A", tags=["RH"], points=3)
    _need(session, project_id, "B")
    change = act(session, lambda s: needs.duplicate_needs(s, [a]))
    (copy,) = change.result
    assert copy != a
    rows = sorted(queries.need_rows(session), key=lambda r: r.rank)
    assert [r.title for r in rows] == ["A", "A", "B"]
    assert rows[1].key == "ERP-3" and rows[1].tags == ("RH",) and rows[1].points == 3
    assert [e[0] for e in _events(session, copy, "created")] == [None]
    undo(session, change)
    rows = sorted(queries.need_rows(session), key=lambda r: r.rank)  # need_rows has no order
    assert [r.title for r in rows] == ["A", "B"]


def test_workflow_renames_swap_reorder_and_limit_in_one_action(
    session: Session, project_id: int
) -> None:
    first, second, *rest = columns.workflow(session)
    _need(session, project_id, "A")  # in the first column
    specs = [
        ColumnSpec(second.id, first.name, 3),
        ColumnSpec(first.id, second.name),
        *rest,
        ColumnSpec(None, "Archivé", None, True),
    ]
    before, after = columns.apply_workflow(session, specs)
    names = [c.name for c in columns.workflow(session)]
    assert names[:2] == [first.name, second.name] and names[-1] == "Archivé"
    assert columns.workflow(session)[0] == ColumnSpec(second.id, first.name, 3, False)
    assert after[-1].id is not None
    columns.apply_workflow(session, before)  # undo: the new column goes, names swap back
    assert columns.workflow(session) == before
    columns.apply_workflow(session, after)  # redo: the new column keeps its id
    assert columns.workflow(session) == after


def test_workflow_refuses_removing_a_column_with_cards(session: Session, project_id: int) -> None:
    first, *rest = columns.workflow(session)
    _need(session, project_id, "A")
    with pytest.raises(ConflictError) as err:
        columns.apply_workflow(session, rest)
    assert first.name in err.value.render("en") and "1" in err.value.render("en")
    assert columns.workflow(session)[0] == first
    with pytest.raises(ConflictError) as err:
        columns.apply_workflow(session, [first, ColumnSpec(None, first.name.upper())])
    assert "name of its own" in err.value.render("en")
    with pytest.raises(ConflictError):
        columns.apply_workflow(session, [])


def test_undoing_a_column_removal_keeps_its_events_meaningful(
    session: Session, project_id: int
) -> None:
    specs = columns.workflow(session)
    a = _need(session, project_id, "A")
    needs.move_needs(session, [a], specs[1].id)
    needs.move_needs(session, [a], specs[0].id)
    before, _after = columns.apply_workflow(session, [s for s in specs if s.id != specs[1].id])
    columns.apply_workflow(session, before)
    assert columns.workflow(session)[1] == specs[1]  # same id: the events still name it
    assert _events(session, a, "column")[0] == (str(specs[0].id), str(specs[1].id))


def test_schema_0001_fixture_migrates_with_its_data(tmp_path: Path, home: Path) -> None:
    path = tmp_path / "old.podb"
    shutil.copy(FIXTURES / "schema-0001.podb", path)
    raw = sqlite3.connect(path)
    expected = raw.execute(
        "SELECT n.id, max(e.at) FROM need n JOIN need_event e ON e.need_id = n.id"
        " WHERE e.field IN ('created', 'column') GROUP BY n.id ORDER BY n.id"
    ).fetchall()
    counts = [raw.execute(f"SELECT count(*) FROM {t}").fetchone() for t in ("need", "need_event")]
    raw.close()
    with open_database(path) as db:
        assert db.migrated_from == "0001" and db.backup_path is not None
        with db.session() as s:
            rows = sorted(queries.need_rows(s))
            assert [(r.id, r.column_since) for r in rows] == [
                (need_id, datetime.fromisoformat(at)) for need_id, at in expected
            ]
    raw = sqlite3.connect(path)
    after = [raw.execute(f"SELECT count(*) FROM {t}").fetchone() for t in ("need", "need_event")]
    assert after == counts
    highest_named = raw.execute(
        "SELECT max(CAST(new_value AS INTEGER)) FROM need_event WHERE field = 'column'"
    ).fetchone()[0]
    raw.close()
    with open_database(path) as db, db.session() as s:
        _before, new = columns.apply_workflow(s, [*columns.workflow(s), ColumnSpec(None, "QA")])
        assert new[-1].id is not None and new[-1].id > highest_named


def test_column_since_changes_only_when_the_column_does(session: Session, project_id: int) -> None:
    specs = columns.workflow(session)
    a, b = _need(session, project_id, "A"), _need(session, project_id, "B")

    def since(need_id: int) -> datetime:
        return next(r.column_since for r in queries.need_rows(session) if r.id == need_id)

    created = since(a)
    needs.move_needs(session, [a], specs[0].id)  # reordered within its column
    assert since(a) == created
    needs.move_needs(session, [b], specs[2].id)
    assert since(b) > created


def test_move_can_reassign_in_the_same_action(session: Session, project_id: int) -> None:
    lea = people.create_person(session, people.PersonInput("Léa Martin")).id
    flow = columns.workflow(session)
    a = _need(session, project_id, "A")
    change = act(session, lambda s: needs.move_needs(s, [a], flow[1].id, assignee_id=lea))
    row = queries.need_rows(session)[0]
    assert (row.column_id, row.assignee_id) == (flow[1].id, lea)
    undo(session, change)
    row = queries.need_rows(session)[0]
    assert (row.column_id, row.assignee_id) == (flow[0].id, None)
    with pytest.raises(NotFoundError):
        needs.move_needs(session, [a], flow[1].id, assignee_id=999)
    assert queries.need_rows(session)[0].column_id == flow[0].id  # nothing half-done


def test_a_removed_columns_id_is_never_given_to_a_new_one(session: Session) -> None:
    specs = columns.workflow(session)
    last = specs[-1]
    columns.apply_workflow(session, specs[:-1])
    _before, after = columns.apply_workflow(session, [*specs[:-1], ColumnSpec(None, "QA")])
    assert after[-1].id is not None and after[-1].id > last.id  # its events stay its own


def test_schema_0002_fixture_migrates_with_its_data(tmp_path: Path, home: Path) -> None:
    path = tmp_path / "old.podb"
    shutil.copy(FIXTURES / "schema-0002.podb", path)
    tables = ("need", "need_event", "sprint", "ceremony", "assessment", "absence")
    raw = sqlite3.connect(path)
    counts = [raw.execute(f"SELECT count(*) FROM {t}").fetchone() for t in tables]
    sprints = raw.execute("SELECT id, name, start_date FROM sprint ORDER BY id").fetchall()
    raw.close()
    with open_database(path) as db:
        assert db.migrated_from == "0002" and db.backup_path is not None
        with db.session() as s:
            rows = sorted((r.id, r.name) for r in queries.sprint_rows(s))
            assert rows == [(i, n) for i, n, _d in sprints]
            assert {sp.team for sp in s.scalars(select(Sprint))} == {""}
    raw = sqlite3.connect(path)
    assert [raw.execute(f"SELECT count(*) FROM {t}").fetchone() for t in tables] == counts
    raw.close()


# --- entry rules ("definition of ready") ---------------------------------------------------


def test_entry_rules_are_stored_by_create_and_update_and_read_back(session: Session) -> None:
    ready = columns.create_column(session, "Prêt à livrer", entry_rules=[EntryRule.GO, "estimate"])
    assert ready.entry_rules == {EntryRule.ESTIMATE, EntryRule.GO}
    columns.update_column(session, ready.id, name="Prêt à livrer", wip_limit=None)  # rules kept
    read = {c.id: c.entry_rules for c in queries.columns(session)}
    assert read[ready.id] == {EntryRule.ESTIMATE, EntryRule.GO}
    columns.update_column(
        session, ready.id, name="Prêt à livrer", wip_limit=None, entry_rules=[EntryRule.PROBLEM]
    )
    session.expire_all()
    stored = session.execute(
        select(
            BoardColumn.requires_problem, BoardColumn.requires_estimate, BoardColumn.requires_go
        ).where(BoardColumn.id == ready.id)
    ).one()
    assert tuple(stored) == (True, False, False)
    with pytest.raises(ValidationError) as refused:
        columns.update_column(
            session, ready.id, name="Prêt à livrer", wip_limit=None, entry_rules=["owner"]
        )
    assert refused.value.field == "entry_rules" and "Entry rules" in refused.value.render()
    assert queries.columns(session)[-1].entry_rules == {EntryRule.PROBLEM}
    # New workspaces start without any rule: the board asks nothing until someone sets one.
    assert all(not c.entry_rules for c in queries.columns(session)[:-1])


def test_undo_and_redo_of_a_rule_change_restore_the_rules_exactly(session: Session) -> None:
    specs = columns.workflow(session)
    ready = specs[2]
    assert ready.entry_rules == frozenset()
    changed = [
        dataclasses.replace(s, entry_rules=frozenset(EntryRule)) if s.id == ready.id else s
        for s in specs
    ]
    changed[3] = dataclasses.replace(changed[3], entry_rules=frozenset({EntryRule.ESTIMATE}))
    before, after = columns.apply_workflow(session, changed)
    assert before == specs
    assert columns.workflow(session) == after
    assert [s.entry_rules for s in after][2:4] == [frozenset(EntryRule), {EntryRule.ESTIMATE}]
    columns.apply_workflow(session, before)  # undo
    assert columns.workflow(session) == specs
    columns.apply_workflow(session, after)  # redo
    assert columns.workflow(session) == after
    # A removed column comes back from undo with its rules.
    removed_before, _ = columns.apply_workflow(session, [s for s in after if s.id != ready.id])
    columns.apply_workflow(session, removed_before)
    assert columns.workflow(session)[2].entry_rules == frozenset(EntryRule)


def test_schema_0003_fixture_upgrades_with_no_entry_rules(tmp_path: Path, home: Path) -> None:
    path = tmp_path / "old.podb"
    shutil.copy(FIXTURES / "schema-0003.podb", path)
    raw = sqlite3.connect(path)
    expected = raw.execute("SELECT id, name, wip_limit, is_done FROM board_column").fetchall()
    raw.close()
    with open_database(path) as db:
        assert db.migrated_from == "0003" and db.backup_path is not None
        with db.session() as s:
            found = [(c.id, c.name, c.wip_limit, c.is_done) for c in queries.columns(s)]
            assert sorted(found) == sorted((i, n, w, bool(d)) for i, n, w, d in expected)
            assert all(c.entry_rules == frozenset() for c in queries.columns(s))
    raw = sqlite3.connect(path)
    # Altered in place, not copied: the table keeps the AUTOINCREMENT of revision 0002.
    sql = raw.execute("SELECT sql FROM sqlite_master WHERE name = 'board_column'").fetchone()[0]
    raw.execute("INSERT INTO board_column (name, position, is_done) VALUES ('QA', 9, 0)")
    rules = raw.execute(
        "SELECT requires_problem, requires_estimate, requires_go FROM board_column"
        " WHERE name = 'QA'"
    ).fetchone()
    raw.close()
    assert "AUTOINCREMENT" in sql
    assert rules == (0, 0, 0)  # a row written without them, by any tool, has no rule


def test_board_start_reads_each_columns_first_cards_and_its_exact_figures(
    session: Session, project_id: int
) -> None:
    """What the board paints first at 100,000 needs: the columns' counts and points as
    every row would give them, the first cards in rank order, archived needs aside."""
    from po_desktop.store.services import archive

    flow = [c.id for c in columns.ordered_columns(session)]
    ids = [
        _need(session, project_id, f"N{n}", column_id=flow[n % 2], points=n or None)
        for n in range(9)
    ]
    needs.move_needs(session, [ids[4]], flow[0], before_id=ids[0])  # ranked first now
    archive.archive_needs(session, [ids[2]])
    session.commit()

    start = queries.board_start(session, flow, 2)

    every = [r for r in queries.need_rows(session) if r.archived_at is None]
    for column_id in flow:
        mine = sorted((r for r in every if r.column_id == column_id), key=lambda r: (r.rank, r.id))
        figures = start.figures.get(column_id, (0, 0.0))
        assert figures == (len(mine), sum(r.points or 0.0 for r in mine))
        assert [r for r in start.rows if r.column_id == column_id] == mine[:2]
    assert [r.title for r in start.rows if r.column_id == flow[0]] == ["N4", "N0"]
    assert start.needs == 9
