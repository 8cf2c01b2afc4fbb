"""Sprints, rituals, absences and capacity through the services, undo included."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from dateutil.rrule import rrulestr
from helpers.undo import act, redo, undo
from icalendar import Calendar
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from po_desktop.io.ics import export_ics
from po_desktop.store import calendar_forms, calendar_queries, changes, queries
from po_desktop.store.errors import ConflictError, NotFoundError, ValidationError
from po_desktop.store.models import Ceremony, Need, NeedEvent, Sprint, SprintMember
from po_desktop.store.services import columns, needs, people, rituals, sprints, workspace
from po_desktop.store.services.rituals import AbsenceInput, CadenceInput, CeremonyInput
from po_desktop.store.services.sprints import SprintInput


def _person(session: Session, name: str, availability: float = 1.0) -> int:
    return people.create_person(session, people.PersonInput(name, availability=availability)).id


def _sprint_state(session: Session, sprint_id: int) -> tuple[object, ...]:
    """A sprint with its team and rituals, as stored."""
    session.expire_all()
    sprint = session.get(Sprint, sprint_id)
    assert sprint is not None
    members = sorted(
        session.scalars(select(SprintMember.person_id).where(SprintMember.sprint_id == sprint_id))
    )
    rituals = sorted(
        (c.id, c.kind, c.starts_at)
        for c in session.scalars(select(Ceremony).where(Ceremony.sprint_id == sprint_id))
    )
    columns_ = [c.key for c in Sprint.__table__.columns if c.key not in changes.COUNTED]
    return tuple(getattr(sprint, c) for c in columns_), tuple(members), tuple(rituals)


def _sprint(session: Session, name: str, start: str, end: str, **kw: object) -> int:
    return sprints.create_sprint(session, SprintInput(name, start, end, **kw))  # type: ignore[arg-type]


def _need(session: Session, project_id: int, title: str, points: float, sprint: int | None) -> int:
    return needs.create_need(
        session,
        needs.NeedInput(title, f"Défi : {title}", project_id, points=points, sprint_id=sprint),
    )


def test_dates_and_overlaps_are_refused_with_the_other_sprint_named(session: Session) -> None:
    _sprint(session, "Sprint 12", "2027-07-12", "2027-07-23", team="Plateforme")
    with pytest.raises(ValidationError) as caught:
        sprints.create_sprint(session, SprintInput("S", "2027-08-10", "2027-08-01"))
    assert (
        caught.value.render("fr")
        == "La fin du sprint (1 août 2027) doit suivre son début (10 août 2027)."
    )
    with pytest.raises(ConflictError) as caught:
        sprints.create_sprint(
            session, SprintInput("Sprint 13", "2027-07-19", "2027-07-30", team="plateforme")
        )
    assert caught.value.render("en") == (
        "These dates overlap the sprint “Sprint 12” (12 Jul 2027 → 23 Jul 2027) of the same team."
    )
    with pytest.raises(ValidationError) as caught:
        sprints.create_sprint(session, SprintInput("S", "14/07/2027", "2027-07-30"))
    assert "YYYY-MM-DD" in caught.value.render("en")
    # Another team may run a sprint on the same dates.
    _sprint(session, "ERP 3", "2027-07-19", "2027-07-30", team="ERP")
    assert session.scalar(select(func.count()).select_from(Sprint)) == 2


def test_editing_and_deleting_a_sprint_undo_exactly(session: Session, project_id: int) -> None:
    lea = _person(session, "Léa")
    sprint_id = _sprint(session, "Sprint 1", "2027-01-04", "2027-01-15", member_ids=[lea])
    rituals.save_ceremony(
        session, None, CeremonyInput("review", datetime(2027, 1, 15, 14), 60, sprint_id)
    )
    before = _sprint_state(session, sprint_id)
    change = act(
        session,
        lambda s: sprints.update_sprint(
            s, sprint_id, SprintInput("Sprint 1 bis", "2027-01-04", "2027-01-14", goal="Paie")
        ),
    )
    assert session.get(Sprint, sprint_id).name == "Sprint 1 bis"  # type: ignore[union-attr]
    undo(session, change)
    assert _sprint_state(session, sprint_id) == before
    need = _need(session, project_id, "Paie", 3, sprint_id)
    with pytest.raises(ConflictError):
        sprints.delete_sprint(session, sprint_id)  # it still holds a need
    needs.plan_needs(session, [need], None)
    gone = act(session, lambda s: sprints.delete_sprint(s, sprint_id))
    assert session.get(Sprint, sprint_id) is None
    undo(session, gone)
    assert _sprint_state(session, sprint_id) == before  # rituals and team back


def test_capacity_with_a_holiday_an_absence_and_a_part_timer(session: Session) -> None:
    lea, marc = _person(session, "Léa"), _person(session, "Marc", availability=0.5)
    sprint_id = _sprint(
        session, "Juillet", "2027-07-12", "2027-07-23", focus_factor="0,8", member_ids=[lea, marc]
    )
    rituals.save_absence(session, None, AbsenceInput(lea, "2027-07-15", "2027-07-16", "Congés"))
    cap = calendar_queries.capacity(session, sprint_id)
    assert cap.working_days == 9  # 14 July
    assert [(p.name, p.present_days, p.days) for p in cap.people] == [
        ("Léa", 7, 5.6),  # 7 x 0.8
        ("Marc", 9, 3.6),  # 9 x 0.5 x 0.8
    ]
    assert cap.days == 9.2 and cap.forecast is None
    assert [name for _d, name in cap.holidays] == ["Fête nationale"]


def test_alsace_moselle_region_changes_capacity(session: Session) -> None:
    lea = _person(session, "Léa")
    sprint_id = _sprint(session, "Noël", "2028-12-25", "2029-01-05", member_ids=[lea])
    assert calendar_queries.capacity(session, sprint_id).working_days == 8
    workspace.set_setting(session, workspace.REGION_KEY, "6AE")
    assert calendar_queries.capacity(session, sprint_id).working_days == 7  # 26 December


def test_start_then_close_carries_unfinished_needs_and_records_velocity(
    session: Session, project_id: int
) -> None:
    lea = _person(session, "Léa")
    one = _sprint(session, "S1", "2027-01-04", "2027-01-15", member_ids=[lea])
    two = _sprint(session, "S2", "2027-01-18", "2027-01-29", member_ids=[lea])
    done_column = next(c for c in columns.workflow(session) if c.is_done)
    a = _need(session, project_id, "A", 3, one)
    b = _need(session, project_id, "B", 5, one)
    c = _need(session, project_id, "C", 2, one)
    started = act(session, lambda s: sprints.start_sprint(s, one))
    with pytest.raises(ConflictError):
        sprints.start_sprint(session, two)  # one active sprint per team
    late = _need(session, project_id, "Late", 1, one)
    assert calendar_queries.added_during(session, one) == {late}
    needs.move_needs(session, [a], done_column.id)
    closing = act(
        session, lambda s: sprints.close_sprint(s, one, sprints.NEXT, {c: sprints.BACKLOG})
    )
    rows = {r.id: r for r in queries.need_rows(session)}
    assert (rows[b].sprint_id, rows[c].sprint_id, rows[late].sprint_id) == (two, None, two)
    assert rows[a].sprint_id == one
    closed = session.get(Sprint, one)
    assert closed is not None and (closed.state, closed.velocity) == ("closed", 3.0)
    events = session.execute(
        select(NeedEvent.old_value, NeedEvent.new_value).where(
            NeedEvent.need_id == c, NeedEvent.field == "sprint"
        )
    ).all()
    assert events[-1] == (str(one), None)
    # Next sprint's forecast comes from this one: 3 points over 10 days of capacity.
    undo(session, closing)
    back = {r.id: r.sprint_id for r in queries.need_rows(session)}
    assert back[b] == back[c] == one
    assert session.get(Sprint, one).state == "active"  # type: ignore[union-attr]
    redo(session, closing)
    assert session.get(Sprint, one).velocity == 3.0  # type: ignore[union-attr]
    cap = calendar_queries.capacity(session, two)
    assert cap.forecast == 3.0 and cap.committed == 6.0 and cap.over_committed
    undo(session, closing)
    undo(session, started)
    assert session.get(Sprint, one).state == "planned"  # type: ignore[union-attr]


def test_closing_needs_a_next_sprint_to_carry_into(session: Session, project_id: int) -> None:
    one = _sprint(session, "S1", "2027-01-04", "2027-01-15")
    _need(session, project_id, "A", 3, one)
    sprints.start_sprint(session, one)
    with pytest.raises(ConflictError) as caught:
        sprints.close_sprint(session, one)
    assert "No sprint is planned after “S1”" in caught.value.render("en")
    sprints.close_sprint(session, one, sprints.BACKLOG)
    assert session.scalar(select(Need.sprint_id)) is None


def test_cadence_creates_sprints_with_rituals_all_or_nothing(session: Session) -> None:
    lea = _person(session, "Léa")
    change = act(
        session,
        lambda s: rituals.generate_cadence(
            s,
            CadenceInput("2027-04-26", 3, 2, team="Plateforme", member_ids=[lea], first_number=12),
        ),
    )
    made = list(session.scalars(select(Sprint).order_by(Sprint.start_date)))
    assert [(s.name, s.start_date, s.end_date) for s in made] == [
        ("Sprint 12", date(2027, 4, 26), date(2027, 5, 7)),
        ("Sprint 13", date(2027, 5, 10), date(2027, 5, 21)),
        ("Sprint 14", date(2027, 5, 24), date(2027, 6, 4)),
    ]
    dailies = session.scalars(
        select(Ceremony.starts_at).where(Ceremony.sprint_id == made[0].id, Ceremony.kind == "daily")
    ).all()
    assert len(dailies) == 9 and datetime(2027, 5, 6, 9, 30) not in dailies  # Ascension
    with pytest.raises(ConflictError):  # overlaps Sprint 14: nothing is created
        rituals.generate_cadence(session, CadenceInput("2027-05-31", 2, 2, team="plateforme"))
    assert session.scalar(select(func.count()).select_from(Sprint)) == 3
    with pytest.raises(ValidationError) as caught:
        rituals.generate_cadence(session, CadenceInput("2028-01-03", 0, 2))
    assert "from 1 to 52" in caught.value.render("en")
    undo(session, change)
    assert session.scalar(select(func.count()).select_from(Ceremony)) == 0


def test_ics_parses_back_with_the_same_events(session: Session) -> None:
    rituals.generate_cadence(session, CadenceInput("2027-04-26", 2, 2, name_pattern="Sprint {n}"))
    first = session.scalar(select(Sprint).order_by(Sprint.start_date))
    assert first is not None
    moved = session.scalars(
        select(Ceremony)
        .where(Ceremony.sprint_id == first.id, Ceremony.kind == "daily")
        .order_by(Ceremony.starts_at)
    ).all()[2]
    rituals.save_ceremony(
        session,
        moved.id,
        CeremonyInput("daily", datetime(2027, 4, 28, 11, 0), 15, first.id, location="Salle 2"),
    )
    expected = sorted(
        (c.kind, c.starts_at, c.duration_minutes)
        for c in session.scalars(select(Ceremony).where(Ceremony.sprint_id == first.id))
    )
    data = export_ics(session, "Sprint 1", lang="fr")
    assert b"BEGIN:VTIMEZONE" in data and b"TZID:Europe/Paris" in data
    cal = Calendar.from_ical(data)
    events = list(cal.walk("VEVENT"))
    span = next(e for e in events if e.get("summary") == "Sprint 1")
    assert (span.decoded("dtstart"), span.decoded("dtend")) == (date(2027, 4, 26), date(2027, 5, 8))
    found = []
    overrides = {e.decoded("recurrence-id"): e for e in events if e.get("recurrence-id")}
    for e in events:
        if e.get("summary") == "Sprint 1" or e.get("recurrence-id"):
            continue
        start = e.decoded("dtstart")
        minutes = int((e.decoded("dtend") - start).total_seconds() // 60)
        kind = "daily" if "Mêlée" in str(e.get("summary")) else str(e.get("summary"))
        if e.get("rrule"):
            rule = rrulestr(e["rrule"].to_ical().decode(), dtstart=start)
            exdates = _exdates(e)
            for occurrence in rule:
                if occurrence in exdates:
                    continue
                if occurrence in overrides:
                    o = overrides[occurrence]
                    ostart = o.decoded("dtstart")
                    omin = int((o.decoded("dtend") - ostart).total_seconds() // 60)
                    found.append(("daily", ostart.replace(tzinfo=None), omin))
                else:
                    found.append(("daily", occurrence.replace(tzinfo=None), minutes))
        else:
            found.append((kind, start.replace(tzinfo=None), minutes))
    kinds = {"Planification — Sprint 1": "planning", "Revue de sprint — Sprint 1": "review"}
    kinds["Rétrospective — Sprint 1"] = "retro"
    assert sorted((kinds.get(k, k), s, m) for k, s, m in found) == expected
    uids = [e.get("uid") for e in events]
    assert export_ics(session, "Sprint 1").count(b"UID:") == len(uids)  # same events again
    again = [
        e.get("uid") for e in Calendar.from_ical(export_ics(session, "Sprint 1")).walk("VEVENT")
    ]
    assert again == uids  # stable: a re-import updates, never duplicates


def _exdates(event: object) -> set[datetime]:
    raw = event.get("exdate")  # type: ignore[attr-defined]
    if raw is None:
        return set()
    items = raw if isinstance(raw, list) else [raw]
    return {d.dt for item in items for d in item.dts}


def test_team_and_sprint_names_compare_without_case_even_with_accents(session: Session) -> None:
    _sprint(session, "Été 1", "2027-07-05", "2027-07-16", team="Équipe Paie")
    with pytest.raises(ConflictError):  # same team, written in lower case
        sprints.create_sprint(
            session, SprintInput("Été 2", "2027-07-12", "2027-07-23", team="équipe paie")
        )
    with pytest.raises(ConflictError) as caught:  # a clear message, not a storage error
        sprints.create_sprint(session, SprintInput("été 1", "2027-09-06", "2027-09-17"))
    assert "already exists" in caught.value.render("en")


def test_a_sprint_is_found_by_its_name_typed_without_case_or_accents(session: Session) -> None:
    summer = _sprint(session, "Sprint Été", "2027-07-05", "2027-07-16")
    assert sprints.find_sprint(session, "sprint ete").id == summer
    assert sprints.find_sprint(session, " SPRINT ÉTÉ ").id == summer
    assert sprints.find_sprint(session, summer).id == summer
    plain = _sprint(session, "Sprint Ete", "2027-08-02", "2027-08-13")
    assert sprints.find_sprint(session, "Sprint Été").id == summer  # the exact name wins
    assert sprints.find_sprint(session, "sprint ete").id == plain  # then the same letters
    with pytest.raises(ValidationError) as caught:  # then both fold alike: never a guess
        sprints.find_sprint(session, "sprint éte")
    assert caught.value.message.msg_id == "name.ambiguous"
    assert caught.value.render("fr") == (
        "«\u00a0sprint éte\u00a0» désigne plusieurs éléments\u00a0: «\u00a0Sprint "
        "Été\u00a0», «\u00a0Sprint Ete\u00a0». "
        "Saisissez le nom exact, accents compris."
    )
    assert "“Sprint Été”, “Sprint Ete”" in caught.value.render("en")
    with pytest.raises(NotFoundError):
        sprints.find_sprint(session, "sprint hiver")
    numbered = _sprint(session, "12", "2027-09-06", "2027-09-17")
    assert sprints.find_sprint(session, "12").id == numbered  # a name before an id
    assert sprints.find_sprint(session, str(summer)).id == summer


def test_rituals_outside_any_sprint_are_exported_too(session: Session) -> None:
    _sprint(session, "Sprint 1", "2027-01-04", "2027-01-15")
    rituals.save_ceremony(
        session,
        None,
        CeremonyInput("refinement", datetime(2027, 1, 7, 14), 90, None, "Atelier client"),
    )
    rituals.save_ceremony(
        session, None, CeremonyInput("refinement", datetime(2027, 3, 7, 14), 90, None, "Plus tard")
    )
    every = [str(e.get("summary")) for e in Calendar.from_ical(export_ics(session)).walk("VEVENT")]
    assert "Atelier client" in every and "Plus tard" in every
    one = [
        str(e.get("summary"))
        for e in Calendar.from_ical(export_ics(session, "Sprint 1")).walk("VEVENT")
    ]
    assert "Atelier client" in one and "Plus tard" not in one  # only what falls in the sprint


def test_a_plan_for_a_new_team_leaves_its_members_to_choose(session: Session) -> None:
    """The first team of a workspace is everyone active; once a team has sprints, a new
    team starts with no member ticked, not every requester and manager of the company."""
    lea, marc = _person(session, "Léa"), _person(session, "Marc")
    first = calendar_forms.cadence_defaults(session, date(2027, 7, 1))
    assert first.fresh.members == {lea, marc}
    sprints.create_sprint(
        session, SprintInput("Sprint 3", "2027-07-05", "2027-07-16", member_ids=[lea, marc])
    )
    later = calendar_forms.cadence_defaults(session, date(2027, 7, 1))
    assert later.fresh.members == set()
    assert later.plan("").members == {lea, marc}  # the team that has sprints goes on
    assert (later.plan("ERP").pattern, later.plan("").first_number) == ("Sprint {n}", 4)


def test_a_new_sprint_starts_on_a_monday_after_the_last_one(session: Session) -> None:
    """The « Nouveau sprint » form's start: this week's Monday when it is today, the next
    one otherwise, and the Monday after the unnamed team's last sprint when it ends later."""
    monday, wednesday = date(2027, 7, 5), date(2027, 7, 7)
    assert calendar_forms.sprint_form(session, None, monday).next_start == monday
    assert calendar_forms.sprint_form(session, None, wednesday).next_start == date(2027, 7, 12)
    sprints.create_sprint(session, SprintInput("Sprint 3", "2027-07-12", "2027-07-23"))
    sprints.create_sprint(session, SprintInput("ERP 1", "2027-08-02", "2027-08-13", team="ERP"))
    form = calendar_forms.sprint_form(session, None, wednesday)
    assert form.next_start == date(2027, 7, 26)  # another team's sprints aside
