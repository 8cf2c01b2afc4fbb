"""The calendar file as calendar programs read it, across the changes of time in Paris.

Two independent readers expand the exported file: Python's ``icalendar`` with
``recurring-ical-events``, and ical.js (Thunderbird's and many web calendars' reader)
under node. Each ritual must come out at its local time in the workspace, on both sides
of the change to summer time (28 March 2027) and back (31 October 2027). ical.js needs
``npm ci --prefix tests/io/icaljs`` (``.ci/run`` does it); without node or that, its test
says why it skips.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from helpers.undo import act, undo
from icalendar import Calendar
from sqlalchemy import select
from sqlalchemy.orm import Session

from po_desktop.cli import main
from po_desktop.io.ics import export_ics
from po_desktop.store.database import open_database
from po_desktop.store.models import Ceremony, Sprint
from po_desktop.store.services import rituals
from po_desktop.store.services.rituals import CadenceInput, CeremonyInput

PARIS = ZoneInfo("Europe/Paris")
ICALJS = Path(__file__).parent / "icaljs"
Ritual = tuple[str, datetime, int]
"""A ritual as a person checks it: its title, local start, minutes."""


@pytest.fixture
def workspace(session: Session) -> Session:
    _fill(session)
    return session


@pytest.fixture
def workspace_file(tmp_path: Path) -> Path:
    path = tmp_path / "sprints.podb"
    with open_database(path) as db, db.session() as session:
        _fill(session)
    return path


def _fill(session: Session) -> None:
    """Sprints across both changes of time in 2027, a moved daily, a review titled with
    its sprint's name, rituals outside any sprint on the days the clocks change."""
    rituals.generate_cadence(session, CadenceInput("2027-03-15", 2, 2, name_pattern="Sprint {n}"))
    rituals.generate_cadence(
        session, CadenceInput("2027-10-18", 2, 2, name_pattern="Sprint {n}", first_number=3)
    )
    first = session.scalars(select(Sprint).order_by(Sprint.start_date)).first()
    assert first is not None
    review = session.scalars(
        select(Ceremony).where(Ceremony.sprint_id == first.id, Ceremony.kind == "review")
    ).one()
    rituals.save_ceremony(
        session,
        review.id,
        CeremonyInput("review", review.starts_at, 60, first.id, title="Revue — Sprint 1"),
    )
    daily = session.scalars(
        select(Ceremony).where(
            Ceremony.kind == "daily", Ceremony.starts_at == datetime(2027, 3, 30, 9, 30)
        )
    ).one()
    rituals.save_ceremony(
        session,
        daily.id,
        CeremonyInput("daily", datetime(2027, 3, 30, 11, 0), 20, daily.sprint_id),
    )
    for at in (datetime(2027, 3, 28, 10, 0), datetime(2027, 10, 31, 10, 0)):
        rituals.save_ceremony(
            session, None, CeremonyInput("refinement", at, 90, None, "Atelier client")
        )


def _expected(session: Session) -> list[Ritual]:
    rows = session.scalars(select(Ceremony)).all()
    assert any(r.starts_at.date() < date(2027, 3, 28) for r in rows)
    assert any(date(2027, 3, 28) < r.starts_at.date() < date(2027, 10, 31) for r in rows)
    assert any(r.starts_at.date() > date(2027, 10, 31) for r in rows)
    return sorted(
        (r.title or r.kind, r.starts_at, r.duration_minutes) for r in rows
    )  # titles compared apart: here, only when and how long


def _when(found: list[Ritual]) -> list[tuple[datetime, int]]:
    return sorted((start, minutes) for _t, start, minutes in found)


def _local(moment: datetime) -> datetime:
    return moment.astimezone(PARIS).replace(tzinfo=None)


def test_the_time_zone_is_stated_as_yearly_rules(workspace: Session) -> None:
    data = export_ics(workspace, lang="fr")
    zone = next(iter(Calendar.from_ical(data).walk("VTIMEZONE")))
    parts = {p.name: p for p in zone.subcomponents}
    assert sorted(parts) == ["DAYLIGHT", "STANDARD"] and len(zone.subcomponents) == 2
    assert b"RDATE" not in data and b"only works from" not in data
    assert parts["DAYLIGHT"]["rrule"].to_ical() == b"FREQ=YEARLY;BYDAY=-1SU;BYMONTH=3"
    assert parts["STANDARD"]["rrule"].to_ical() == b"FREQ=YEARLY;BYDAY=-1SU;BYMONTH=10"
    # The onset on the clock it ends: 2:00 becomes 3:00 in March, 3:00 becomes 2:00.
    assert parts["DAYLIGHT"].decoded("dtstart").time() == time(2, 0)
    assert parts["STANDARD"].decoded("dtstart").time() == time(3, 0)


def test_python_readers_find_every_ritual_at_its_local_time(workspace: Session) -> None:
    import recurring_ical_events

    data = export_ics(workspace, lang="fr")
    # Under a name no time-zone database knows, the reader must follow the file's rules.
    own = data.replace(b"TZID=Europe/Paris", b"TZID=PO-Test").replace(
        b"TZID:Europe/Paris", b"TZID:PO-Test"
    )
    assert own.count(b"PO-Test") > 10
    occurrences = recurring_ical_events.of(Calendar.from_ical(own)).between(
        date(2027, 1, 1), date(2028, 1, 1)
    )
    found: list[Ritual] = []
    for event in occurrences:
        start, end = event.decoded("dtstart"), event.decoded("dtend")
        if not isinstance(start, datetime):
            continue  # a sprint: all day
        assert start.tzinfo is not None and str(start.tzinfo) != "Europe/Paris"
        minutes = int((end - start).total_seconds() // 60)
        found.append((str(event["summary"]), _local(start), minutes))
    assert _when(found) == _when(_expected(workspace))


def test_ical_js_finds_every_ritual_at_its_local_time(workspace: Session, tmp_path: Path) -> None:
    node = shutil.which("node")
    if node is None:
        pytest.skip("node is not installed: ical.js cannot read the file")
    if not (ICALJS / "node_modules" / "ical.js").is_dir():
        pytest.skip("ical.js is not installed: npm ci --prefix tests/io/icaljs")
    path = tmp_path / "sprints.ics"
    path.write_bytes(export_ics(workspace, lang="fr"))
    done = subprocess.run(
        [node, str(ICALJS / "expand.mjs"), str(path)],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    found: list[Ritual] = []
    spans: dict[str, tuple[str, str]] = {}
    for line in done.stdout.splitlines():
        item = json.loads(line)
        if isinstance(item["start"], str):
            spans[item["summary"]] = (item["start"], item["end"])
            continue
        start = datetime.fromtimestamp(item["start"], UTC)
        end = datetime.fromtimestamp(item["end"], UTC)
        found.append((item["summary"], _local(start), int((end - start).total_seconds() // 60)))
    assert _when(found) == _when(_expected(workspace))
    assert spans["Sprint 1"] == ("2027-03-15", "2027-03-27")  # all day: the end is exclusive
    titles = {title for title, _s, _m in found}
    assert "Revue — Sprint 1" in titles and "Revue de sprint — Sprint 2" in titles
    assert "Mêlée quotidienne — Sprint 4" in titles and "Atelier client" in titles
    moved = [(s, m) for t, s, m in found if s.date() == date(2027, 3, 30) and "Mêlée" in t]
    assert moved == [(datetime(2027, 3, 30, 11, 0), 20)]


def test_titles_name_the_sprint_once_and_categories_follow_the_language(
    workspace: Session,
) -> None:
    english = Calendar.from_ical(export_ics(workspace, lang="en")).walk("VEVENT")
    titles = [str(e["summary"]) for e in english]
    assert "Revue — Sprint 1" in titles and "Revue — Sprint 1 — Sprint 1" not in titles
    assert "Sprint review — Sprint 2" in titles and "Daily scrum — Sprint 3" in titles
    categories = {c for e in english for c in e["categories"].cats}
    assert {"Sprint", "Planned", "Sprint review", "Daily scrum"} <= categories
    french = Calendar.from_ical(export_ics(workspace, lang="fr")).walk("VEVENT")
    categories = {c for e in french for c in e["categories"].cats}
    assert {"Sprint", "Prévu", "Revue de sprint", "Mêlée quotidienne"} <= categories
    assert "Sprint review" not in categories


def _revisions(data: bytes) -> dict[str, tuple[int, datetime, datetime, datetime]]:
    """UID → SEQUENCE, CREATED, LAST-MODIFIED, DTSTAMP (of the series, for a daily)."""
    found = {}
    for e in Calendar.from_ical(data).walk("VEVENT"):
        if e.get("recurrence-id") is None:
            found[str(e["uid"])] = (
                int(e["sequence"]),
                e.decoded("created"),
                e.decoded("last-modified"),
                e.decoded("dtstamp"),
            )
    return found


def test_a_changed_event_gets_the_next_sequence_and_only_it(workspace: Session) -> None:
    monday = datetime(2027, 4, 5, 8, 0, tzinfo=UTC)
    first = export_ics(workspace, lang="fr", now=monday)
    assert export_ics(workspace, lang="fr", now=monday + timedelta(days=1)) == first
    before = _revisions(first)
    assert {r for r in before.values()} == {(0, monday, monday, monday)}

    retro = workspace.scalars(select(Ceremony).where(Ceremony.kind == "retro")).first()
    assert retro is not None
    uid = next(u for u in before if u.startswith(f"ceremony-{retro.id}-"))
    change = act(
        workspace,
        lambda s: rituals.save_ceremony(
            s,
            retro.id,
            CeremonyInput("retro", retro.starts_at + timedelta(hours=1), 60, retro.sprint_id),
        ),
    )
    wednesday = monday + timedelta(days=2)
    after = _revisions(export_ics(workspace, lang="fr", now=wednesday))
    assert after[uid] == (1, monday, wednesday, wednesday)
    assert {u: r for u, r in after.items() if u != uid} == {
        u: r for u, r in before.items() if u != uid
    }

    # Undone, the retro is what it was, but clients saw sequence 1: it takes the next one.
    undo(workspace, change)
    friday = monday + timedelta(days=4)
    assert _revisions(export_ics(workspace, lang="fr", now=friday))[uid] == (
        2,
        monday,
        friday,
        friday,
    )

    # A daily moved: the whole series (one UID, its overrides) gets the next sequence.
    daily = workspace.scalars(
        select(Ceremony).where(
            Ceremony.kind == "daily", Ceremony.starts_at == datetime(2027, 10, 19, 9, 30)
        )
    ).one()
    series = next(u for u in before if u.startswith(f"daily-sprint-{daily.sprint_id}-"))
    rituals.save_ceremony(
        workspace,
        daily.id,
        CeremonyInput("daily", datetime(2027, 10, 19, 10, 0), 15, daily.sprint_id),
    )
    data = export_ics(workspace, "Sprint 3", lang="fr", now=friday)
    events = [e for e in Calendar.from_ical(data).walk("VEVENT") if str(e["uid"]) == series]
    assert len(events) == 2 and {int(e["sequence"]) for e in events} == {1}
    # A whole export remembers what the single sprint's export said.
    assert _revisions(export_ics(workspace, lang="fr", now=friday))[series][0] == 1


def test_a_read_only_workspace_still_exports(workspace_file: Path) -> None:
    moment = datetime(2026, 12, 1, 9, 30, tzinfo=UTC)  # two calls, one clock: no second ticks
    with open_database(workspace_file, read_only=True) as db, db.session() as session:
        first = export_ics(session, lang="fr", now=moment)
        assert export_ics(session, lang="fr", now=moment) == first  # nothing remembered
    assert first.count(b"SEQUENCE:0") == first.count(b"BEGIN:VEVENT") > 10


def test_the_command_line_writes_categories_in_the_language_asked(
    workspace_file: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("LANG", "fr_FR.UTF-8")
    monkeypatch.setenv("LC_ALL", "fr_FR.UTF-8")
    out = tmp_path / "sprints.ics"
    assert main(["ics", "--db", str(workspace_file), "-o", str(out), "--lang", "en"]) == 0
    text = out.read_text(encoding="utf-8")
    assert "CATEGORIES:Sprint review" in text and "CATEGORIES:Daily scrum" in text
    assert "Revue de sprint" not in text and "quotidienne" not in text
