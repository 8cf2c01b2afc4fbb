"""The demo workspace: reproducible, coherent with its own history, and quick to build."""

from __future__ import annotations

import itertools
from collections import defaultdict
from collections.abc import Iterator
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import func, select, text
from sqlalchemy.orm import Session

from po_desktop.demo import DemoSummary, seed_demo
from po_desktop.domain.enums import DEFAULT_COLUMNS, Decision, SprintState
from po_desktop.domain.grid_presets import DEFAULT_GRID
from po_desktop.domain.readiness import EntryRule, unmet_entry_rules
from po_desktop.domain.scoring import weighted_score
from po_desktop.store import dossier_queries, queries
from po_desktop.store.database import Database, open_database
from po_desktop.store.engine import integrity_problems
from po_desktop.store.errors import ConflictError, ValidationError
from po_desktop.store.models import (
    Assessment,
    AssessmentValue,
    BoardColumn,
    Ceremony,
    Criterion,
    Need,
    NeedEvent,
    NeedTag,
    Person,
    Project,
    Sprint,
    SprintCommitment,
)
from po_desktop.store.services import archive, projects

TODAY = date(2026, 3, 11)  # a Wednesday, in the week after a sprint started


@pytest.fixture(autouse=True)
def _home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PO_DESKTOP_HOME", str(tmp_path / "home"))


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Database, DemoSummary]]:
    """One default demo shared by the read-only checks below (it is built once)."""
    folder = tmp_path_factory.mktemp("demo")
    with pytest.MonkeyPatch.context() as mp:  # undone at once: no clash with per-test patches
        mp.setenv("PO_DESKTOP_HOME", str(folder / "home"))
        db = open_database(folder / "demo.podb")
        with db.session() as session:
            summary = seed_demo(session, today=TODAY)
    try:
        yield db, summary
    finally:
        db.close()


@pytest.fixture
def session(demo: tuple[Database, DemoSummary]) -> Iterator[Session]:
    with demo[0].session() as s:
        yield s


def _column_ids(session: Session) -> dict[str, int]:
    return {c.name: c.id for c in session.scalars(select(BoardColumn))}


def test_default_size_and_summary(demo: tuple[Database, DemoSummary], session: Session) -> None:
    _db, summary = demo
    assert summary.needs == 240
    assert summary.projects == 2
    assert summary.sprints == 6
    assert 13 <= summary.people <= 16
    assert session.scalar(select(func.count()).select_from(Need)) == 240
    assert session.scalar(select(func.count()).select_from(NeedEvent)) == summary.events
    assert session.scalar(select(func.count()).select_from(Assessment)) == summary.assessments
    assert session.scalar(select(func.count()).select_from(Ceremony)) == summary.ceremonies


def test_projects_split_and_numbered(session: Session) -> None:
    query = select(Project.code, func.count(Need.id)).join(Need).group_by(Project.code)
    counts: dict[str, int] = {code: n for code, n in session.execute(query)}
    assert set(counts) == {"PLAT", "ERP"}
    assert 0.45 <= counts["PLAT"] / 240 <= 0.65
    for project in session.scalars(select(Project)):
        numbers = sorted(session.scalars(select(Need.number).where(Need.project_id == project.id)))
        assert numbers == list(range(1, len(numbers) + 1))
        assert project.next_number == len(numbers) + 1
        assert project.owner_id is not None
    colours = set(session.scalars(select(Project.color)))
    assert len(colours) == 2


def test_every_column_has_needs_with_spaced_ranks(session: Session) -> None:
    for column in session.scalars(select(BoardColumn)):
        ranks = list(
            session.scalars(
                select(Need.rank).where(Need.column_id == column.id).order_by(Need.rank)
            )
        )
        assert ranks, column.name
        assert all(b - a > 1 for a, b in itertools.pairwise(ranks))
        done = column.is_done
        missing_done_at = session.scalar(
            select(func.count()).where(Need.column_id == column.id, Need.done_at.is_(None))
        )
        assert (missing_done_at == 0) if done else (missing_done_at == len(ranks))


def test_six_sprints_around_today(session: Session) -> None:
    sprints = list(session.scalars(select(Sprint).order_by(Sprint.start_date)))
    assert [s.state for s in sprints] == ["closed"] * 4 + ["active", "planned"]
    active = sprints[4]
    assert active.start_date <= TODAY <= active.end_date
    for sprint, following in itertools.pairwise(sprints):
        assert following.start_date - sprint.start_date == timedelta(days=14)
    for sprint in sprints:
        assert sprint.goal
        assert len(sprint.members) >= 5
        if sprint.state == SprintState.PLANNED:
            assert sprint.started_at is None and sprint.velocity is None
        else:
            assert sprint.started_at is not None
            assert sprint.started_at.date() >= sprint.start_date
        if sprint.state == SprintState.CLOSED:
            assert sprint.closed_at is not None and sprint.velocity is not None
            assert sprint.closed_at.date() <= sprint.end_date
        committed = session.scalar(
            select(func.count()).where(SprintCommitment.sprint_id == sprint.id)
        )
        assert (committed > 0) == (sprint.state != SprintState.PLANNED)


def test_velocity_is_the_points_done_in_each_closed_sprint(session: Session) -> None:
    done_id = _column_ids(session)[DEFAULT_COLUMNS[-1][0]]
    for sprint in session.scalars(select(Sprint).where(Sprint.state == "closed")):
        done = session.execute(
            select(Need.points, Need.done_at).where(
                Need.sprint_id == sprint.id, Need.column_id == done_id
            )
        ).all()
        assert done
        assert sprint.velocity == sum(points or 0 for points, _at in done)
        for _points, done_at in done:
            assert sprint.start_date <= done_at.date() <= sprint.end_date
        assert (
            session.scalar(
                select(func.count()).where(Need.sprint_id == sprint.id, Need.column_id != done_id)
            )
            == 0
        )


def test_active_sprint_spans_the_workflow(session: Session) -> None:
    active = session.scalar(select(Sprint).where(Sprint.state == "active"))
    assert active is not None
    names = {v: k for k, v in _column_ids(session).items()}
    columns = {
        names[c] for c in session.scalars(select(Need.column_id).where(Need.sprint_id == active.id))
    }
    assert {"Prêt", "En cours", "En revue", "Terminé"} <= columns
    now = datetime.combine(TODAY, datetime.max.time())
    assert session.scalar(select(func.max(NeedEvent.at))) <= now


def test_ceremonies_follow_the_french_calendar(session: Session) -> None:
    dailies = list(session.scalars(select(Ceremony).where(Ceremony.kind == "daily")))
    assert dailies
    for daily in dailies:
        assert daily.starts_at.weekday() < 5
        assert (daily.starts_at.hour, daily.starts_at.minute) == (9, 15)
        assert daily.duration_minutes == 15
    days = {d.starts_at.date() for d in dailies}
    assert date(2026, 1, 1) not in days  # Jour de l'an
    for sprint in session.scalars(select(Sprint)):
        kinds = [
            c.kind for c in session.scalars(select(Ceremony).where(Ceremony.sprint_id == sprint.id))
        ]
        for kind in ("planning", "review", "retro"):
            assert kinds.count(kind) == 1
        planning = session.scalar(
            select(Ceremony).where(Ceremony.sprint_id == sprint.id, Ceremony.kind == "planning")
        )
        assert planning is not None and planning.duration_minutes == 120
        assert (planning.starts_at.hour, planning.starts_at.minute) == (9, 30)


def test_easter_monday_has_no_daily(tmp_path: Path) -> None:
    db = open_database(tmp_path / "easter.podb")
    try:
        with db.session() as session:
            seed_demo(session, needs=30, today=date(2026, 4, 15))
            days = set(
                session.scalars(
                    select(func.date(Ceremony.starts_at)).where(Ceremony.kind == "daily")
                )
            )
        assert "2026-04-06" not in days  # lundi de Pâques
        assert "2026-04-07" in days
    finally:
        db.close()


def test_a_demo_built_in_the_morning_has_no_afternoon_yet(tmp_path: Path) -> None:
    """Built at 10:30, nothing in it happened later that day (its history ran to 17:00:
    « Terminé … dans 0 s » on a card moved at 14:14, before 14:14 came)."""
    clock = datetime.combine(TODAY, time(10, 30, 12, 5))
    db = open_database(tmp_path / "matin.podb")
    try:
        with db.session() as session:
            seed_demo(session, needs=120, today=TODAY, clock=clock)
            latest = session.scalar(select(func.max(NeedEvent.at)))
            ended = session.scalar(select(func.max(Need.updated_at)))
        at = clock.replace(second=0, microsecond=0, tzinfo=ZoneInfo("Europe/Paris"))
        utc_clock = at.astimezone(UTC).replace(tzinfo=None)
        assert latest is not None and ended is not None
        assert max(latest, ended) <= utc_clock
        assert latest.date() == TODAY  # the morning's work is there
    finally:
        db.close()


def test_needs_read_like_a_french_backlog(session: Session) -> None:
    rows = session.execute(
        select(Need.title, Need.problem, Need.business_unit, Need.technical, Need.source)
    ).all()
    assert len({r.title for r in rows}) >= 0.9 * len(rows)
    assert {r.business_unit for r in rows} == {"IT", "Marketing", "RH", "ADV", "Finance"}
    assert {r.source for r in rows} == {"rnd", "customer", "team", "other"}
    non_technical = [r for r in rows if not r.technical]
    assert len(non_technical) > 0.3 * len(rows)
    assert {r.business_unit for r in non_technical} >= {"Marketing", "RH", "ADV"}
    assert all(r.problem.startswith(("Comment", "Aujourd'hui", "Les ", "Nos ")) for r in rows)
    assert all("?" in r.problem for r in rows)
    tags = set(session.scalars(select(NeedTag.name)))
    assert {"RGPD", "mobile", "facturation", "paie", "reporting"} <= tags
    points = set(session.scalars(select(Need.points)))
    assert None in points
    assert points - {None} <= {1, 2, 3, 5, 8, 13}
    companies = Need.requester.like("% SA") | Need.requester.like("% SARL")  # French firms
    assert session.scalar(select(func.count()).where(companies)) > 0


def test_assessments_are_versioned_scored_and_explained(session: Session) -> None:
    assessed = session.scalar(select(func.count(func.distinct(Assessment.need_id))))
    assert 0.55 <= assessed / 240 <= 0.75
    decisions = set(session.scalars(select(Assessment.decision)))
    assert decisions == {d.value for d in Decision}
    assert session.scalar(select(func.count()).where(Assessment.version == 2)) > 0
    assert session.scalar(select(func.min(Assessment.version))) == 1
    keys = {c.id: c.key for c in session.scalars(select(Criterion))}
    owners = {"Claire Moreau", "Julien Lefèvre", "Sophie Garnier"}
    for assessment in session.scalars(select(Assessment)):
        values = {
            keys[v.criterion_id]: v.value
            for v in session.scalars(
                select(AssessmentValue).where(AssessmentValue.assessment_id == assessment.id)
            )
        }
        assert set(values) == {spec.key for spec in DEFAULT_GRID}
        assert all(1 <= v <= 5 for v in values.values())
        assert assessment.score == weighted_score(DEFAULT_GRID, values)
        if assessment.decision in ("no_go", "explore"):
            assert assessment.rationale.strip()
        assert assessment.decided_by in owners
    qualify_id = _column_ids(session)["À qualifier"]
    triage = session.scalar(select(func.count()).where(Need.column_id == qualify_id))
    triage_assessed = session.scalar(
        select(func.count(func.distinct(Assessment.need_id)))
        .join(Need, Need.id == Assessment.need_id)
        .where(Need.column_id == qualify_id)
    )
    assert triage_assessed < 0.4 * triage


def test_history_replays_to_the_current_state(session: Session) -> None:
    """Each need's events, in id order, lead exactly to its column, sprint, points, decision."""
    events: dict[int, list[NeedEvent]] = defaultdict(list)
    for event in session.scalars(select(NeedEvent).order_by(NeedEvent.id)):
        events[event.need_id].append(event)
    latest = {  # ordered by version: the last write wins
        need_id: decision
        for need_id, decision in session.execute(
            select(Assessment.need_id, Assessment.decision).order_by(Assessment.version)
        )
    }
    done_id = _column_ids(session)["Terminé"]
    committed = {
        (c.sprint_id, c.need_id): c.points for c in session.scalars(select(SprintCommitment))
    }
    sprints = {s.id: s for s in session.scalars(select(Sprint))}
    for need in session.scalars(select(Need)):
        history = events[need.id]
        assert history[0].field == "created"
        assert history[0].at == need.created_at
        assert [e.at for e in history] == sorted(e.at for e in history)
        assert history[-1].at == need.updated_at
        state: dict[str, Any] = {"column": history[0].new_value, "sprint": None, "points": None}
        state["decision"] = state["archive"] = None
        for event in history[1:]:
            assert event.field != "created"
            assert state[event.field] == event.old_value, (need.id, event.field)
            state[event.field] = event.new_value
            if event.field == "sprint" and event.new_value is not None:
                sprint = sprints[int(event.new_value)]
                if sprint.started_at is not None and event.at <= sprint.started_at:
                    assert (sprint.id, need.id) in committed
        assert state["column"] == str(need.column_id)
        assert state["sprint"] == (None if need.sprint_id is None else str(need.sprint_id))
        points = None if need.points is None else str(int(need.points))
        assert state["points"] == points
        assert state["decision"] == latest.get(need.id)
        assert (state["archive"] is not None) == (need.archived_at is not None)
        if need.column_id == done_id:
            last_move = [e for e in history if e.field == "column"][-1]
            assert need.done_at == last_move.at
    for (sprint_id, need_id), _points in committed.items():
        sprint = sprints[sprint_id]
        assert sprint.started_at is not None
        joined = [
            e
            for e in events[need_id]
            if e.field == "sprint" and e.new_value == str(sprint_id) and e.at <= sprint.started_at
        ]
        assert joined, (sprint_id, need_id)


def test_every_change_has_a_plausible_author(session: Session) -> None:
    """The timeline and the cards say who did it: the need's product owner creates, plans,
    estimates, decides and accepts it; whoever has it moves it into progress and review."""
    people = {p.id: p for p in session.scalars(select(Person))}
    needs = {n.id: n for n in session.scalars(select(Need))}
    decided_by = {
        need_id: name
        for need_id, name in session.execute(select(Assessment.need_id, Assessment.decided_by))
    }
    columns = _column_ids(session)
    hands_on = {str(columns["En cours"]), str(columns["En revue"])}
    by_assignee = 0
    last: dict[int, str] = {}
    for event in session.scalars(select(NeedEvent).order_by(NeedEvent.id)):
        author = people[event.author_id]  # type: ignore[index]
        assert event.author_name == author.name
        need = needs[event.need_id]
        if event.field == "column" and event.new_value in hands_on and need.assignee_id:
            assert author.id == need.assignee_id
            by_assignee += 1
        else:
            assert author.role.startswith("Product Owner"), (event.field, author.role)
            if need.id in decided_by:
                assert author.name == decided_by[need.id]
        last[need.id] = author.name
    assert by_assignee > 20
    assert all(need.updated_by == last[need.id] for need in needs.values())
    need_id = next(n.id for n in needs.values() if n.column_id == columns["En revue"])
    timeline = dossier_queries.activity(session, need_id)
    assert timeline and all(item.author for item in timeline)
    row = queries.need_rows(session, need_ids=[need_id])[0]
    assert row.updated_by == needs[need_id].updated_by != ""  # "Moved by …" on the card


def test_opens_with_nothing_left_to_archive(session: Session) -> None:
    """A demo opened for the first time does not archive dozens of needs at once (the
    app's automatic archive): what closed more than the workspace's days ago is already
    in the archive, each on the first working morning after it was due, by its product
    owner, as one « auto » event; what closed since is still on the board."""
    days = archive.auto_archive_days(session)
    assert days == 14
    now = datetime.combine(TODAY, time(17, 0), ZoneInfo("Europe/Paris")).astimezone(UTC)
    now = now.replace(tzinfo=None)
    assert archive.closed_since(session, days, now) == []
    archived = list(session.scalars(select(Need).where(Need.archived_at.is_not(None))))
    assert len(archived) > 20
    done_id = _column_ids(session)["Terminé"]
    assert session.scalar(  # the board keeps the needs done lately
        select(func.count()).where(Need.column_id == done_id, Need.archived_at.is_(None))
    )
    soon = 0
    for need in archived:
        *before, event = session.scalars(
            select(NeedEvent).where(NeedEvent.need_id == need.id).order_by(NeedEvent.id)
        )
        assert (event.field, event.old_value, event.new_value) == ("archive", None, "auto")
        assert event.at == need.archived_at == need.updated_at
        assert before[-1].at < need.archived_at
        closed = need.done_at or session.scalar(
            select(Assessment.decided_at)
            .where(Assessment.need_id == need.id)
            .order_by(Assessment.version.desc())
            .limit(1)
        )
        assert closed is not None
        assert closed + timedelta(days=days) < need.archived_at <= now
        soon += need.archived_at - max(closed, before[-1].at) < timedelta(days=days + 5)
        local = need.archived_at.replace(tzinfo=UTC).astimezone(ZoneInfo("Europe/Paris"))
        assert local.weekday() < 5 and local.time() == time(9, 0)
    assert soon == len(archived)  # on the first mornings it was due, not all on one day
    assert len({need.archived_at.date() for need in archived}) > 10


def test_scope_changes_mid_sprint(session: Session) -> None:
    """Some needs join a running sprint and a couple leave it: burndowns have something to show."""
    sprints = {s.id: s for s in session.scalars(select(Sprint))}
    added = removed = 0
    for event in session.scalars(select(NeedEvent).where(NeedEvent.field == "sprint")):
        if event.new_value is not None:
            sprint = sprints[int(event.new_value)]
            if sprint.started_at is not None and event.at > sprint.started_at:
                added += 1
        elif event.old_value is not None:
            removed += 1
    assert added >= 3
    assert removed >= 2


def test_integrity(demo: tuple[Database, DemoSummary]) -> None:
    assert integrity_problems(demo[0].engine) == []


def _clocked(table: str, column: str) -> bool:
    return table in ("sprint", "person") and column == "updated_at"


def _dump(path: Path, seed: int, today: date, needs: int) -> dict[str, list[Any]]:
    db = open_database(path)
    try:
        with db.session() as session:
            seed_demo(session, needs=needs, seed=seed, today=today)
        with db.engine.connect() as conn:
            return {
                table: [
                    # When a sprint or a person was last changed is the computer's clock.
                    tuple(v for k, v in r._mapping.items() if not _clocked(table, k))
                    for r in conn.execute(text(f"SELECT * FROM {table} ORDER BY 1, 2"))
                ]
                for table in (
                    "need",
                    "need_event",
                    "need_tag",
                    "assessment",
                    "assessment_value",
                    "sprint",
                    "sprint_commitment",
                    "ceremony",
                    "person",
                    "absence",
                )
            }
    finally:
        db.close()


def test_same_seed_same_database(tmp_path: Path) -> None:
    first = _dump(tmp_path / "a.podb", 11, TODAY, 300)
    second = _dump(tmp_path / "b.podb", 11, TODAY, 300)
    assert first == second
    other = _dump(tmp_path / "c.podb", 12, TODAY, 300)
    assert other["need"] != first["need"]


def test_refuses_a_workspace_with_data(tmp_path: Path) -> None:
    db = open_database(tmp_path / "used.podb")
    try:
        with db.session() as session:
            seed_demo(session, needs=20, today=TODAY)
            with pytest.raises(ConflictError) as caught:
                seed_demo(session, needs=20, today=TODAY)
            assert caught.value.message.msg_id == "demo.not_empty"
            assert "neuf" in caught.value.render("fr")
            assert session.scalar(select(func.count()).select_from(Need)) == 20
    finally:
        db.close()


def test_refuses_a_workspace_with_a_project(tmp_path: Path) -> None:
    db = open_database(tmp_path / "project.podb")
    try:
        with db.session() as session:
            projects.create_project(session, projects.ProjectInput("PLAT", "Ma plateforme"))
            with pytest.raises(ConflictError):
                seed_demo(session, needs=20, today=TODAY)
    finally:
        db.close()


@pytest.mark.parametrize("needs", [-1, 200_001])
def test_rejects_out_of_range_counts(tmp_path: Path, needs: int) -> None:
    db = open_database(tmp_path / "range.podb")
    try:
        with db.session() as session, pytest.raises(ValidationError) as caught:
            seed_demo(session, needs=needs, today=TODAY)
        assert caught.value.message.msg_id == "field.out_of_range"
        assert caught.value.field == "needs"
        assert "Nombre de besoins" in caught.value.render("fr")
    finally:
        db.close()


def test_zero_needs_still_builds_the_team_and_calendar(tmp_path: Path) -> None:
    db = open_database(tmp_path / "empty.podb")
    try:
        with db.session() as session:
            summary = seed_demo(session, needs=0, today=TODAY)
            assert summary.needs == 0 and summary.events == 0 and summary.assessments == 0
            assert summary.sprints == 6 and summary.ceremonies > 60
            assert session.scalar(select(func.count()).select_from(Need)) == 0
            assert {p.next_number for p in session.scalars(select(Project))} == {1}
        assert integrity_problems(db.engine) == []
    finally:
        db.close()


@pytest.mark.parametrize("today", [date(2026, 3, 14), date(2026, 3, 15), date(2026, 12, 28)])
def test_weekends_and_year_ends_keep_today_in_the_active_sprint(
    tmp_path: Path, today: date
) -> None:
    db = open_database(tmp_path / "dates.podb")
    try:
        with db.session() as session:
            seed_demo(session, needs=120, today=today)
            active = session.scalar(select(Sprint).where(Sprint.state == "active"))
            assert active is not None and active.start_date <= today <= active.end_date
            latest = session.scalar(select(func.max(NeedEvent.at)))
            assert latest is not None and latest.date() <= today
        assert integrity_problems(db.engine) == []
    finally:
        db.close()


def test_two_thousand_needs(tmp_path: Path) -> None:
    db = open_database(tmp_path / "big.podb")
    try:
        with db.session() as session:
            summary = seed_demo(session, needs=2000, seed=3, today=TODAY)
            assert summary.needs == 2000
            assert session.scalar(select(func.count()).select_from(Need)) == 2000
            titles = session.scalar(select(func.count(func.distinct(Need.title))))
            assert titles > 1200
            assert summary.events > 2000
        assert integrity_problems(db.engine) == []
    finally:
        db.close()


def test_ready_column_has_a_definition_of_ready_that_its_needs_meet(session: Session) -> None:
    """A new user sees the entry rules on "Prêt", and the demo does not break its own rules."""
    rules = {c.name: c.entry_rules for c in queries.columns(session)}
    assert rules.pop("Prêt") == frozenset(EntryRule)
    assert not any(rules.values())
    ready = [r for r in queries.need_rows(session) if r.column_name == "Prêt"]
    assert len(ready) > 20
    for row in ready:
        unmet = unmet_entry_rules(
            frozenset(EntryRule), problem=row.stated, points=row.points, decision=row.decision
        )
        assert unmet == (), f"{row.key} is in Prêt without: {unmet}"
    # Needs still being costed do break them: moving one into "Prêt" shows the rules at work.
    costing = [r for r in queries.need_rows(session) if r.column_name == "À coter"]
    assert any(r.points is None or r.decision != "go" for r in costing)
