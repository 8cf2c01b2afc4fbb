"""iCalendar export: sprints as all-day spans, rituals as events, the daily scrum recurring.

Times are Europe/Paris wall-clock times with their VTIMEZONE, so a calendar in
another zone still shows the daily at 9:30 in Paris. The VTIMEZONE states the zone's
yearly rules (standard and daylight time, each with its RRULE), the form every reader
follows (ical.js and Outlook ignore a list of dates). UIDs name the workspace file and
the row, so importing a newer export updates the events instead of adding copies; each
event's SEQUENCE, CREATED and LAST-MODIFIED come from what the workspace remembers of
its earlier exports (``store.calendar_revisions``): the same when nothing changed, the
next sequence when something did, so clients take the change. The daily scrum of a
sprint is one weekly-recurring event (Monday to Friday) with an exception for each
holiday or removed day; a daily moved to another time is an override of its occurrence.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from icalendar import Calendar, Event, Timezone, TimezoneDaylight, TimezoneStandard, vRecur
from sqlalchemy import select
from sqlalchemy.orm import Session

from po_desktop.domain.calendar import in_range
from po_desktop.domain.enums import CeremonyKind
from po_desktop.domain.messages import Message, choice_label
from po_desktop.domain.text import fold
from po_desktop.domain.timezones import LAST, observances
from po_desktop.store import calendar_revisions
from po_desktop.store.models import Ceremony, Sprint
from po_desktop.store.services import sprints as sprint_service
from po_desktop.store.services import workspace as workspace_service

ZONE = "Europe/Paris"
PARIS = ZoneInfo(ZONE)
DOMAIN = "po-desktop"
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


def _text(value: str) -> str:
    """A TEXT value RFC 5545 allows: no control character but TAB and line ends (escaped).

    The services refuse control characters, but an older database may hold some, and
    icalendar wrote a NUL or an ESC into the file as is. They are dropped.
    """
    return _CONTROL.sub("", value)


def export_ics(
    session: Session,
    sprint_ref: str | int | None = None,
    lang: str = "fr",
    skipped: list[Message] | None = None,
    *,
    now: datetime | None = None,
) -> bytes:
    """The calendar of one sprint, or of every sprint, as iCalendar bytes.

    A sprint or ritual whose stored dates are out of range (an older or hand-edited
    file) is left out and said in ``skipped``; asked for by name, it is refused. The
    events' revisions are remembered in the workspace (committed) when it can be
    written; ``now`` (UTC) is when a changed event is said to have changed.
    """
    uid = workspace_service.setting(session, workspace_service.UID_KEY) or "workspace"
    chosen = (
        [sprint_service.find_sprint(session, sprint_ref)]
        if sprint_ref is not None
        else list(session.scalars(select(Sprint).order_by(Sprint.start_date)))
    )
    if sprint_ref is not None:
        sprint_service.check_sprint_dates(chosen[0])
    left_out = skipped if skipped is not None else []

    def usable(ceremony: Ceremony) -> bool:
        if in_range(ceremony.starts_at.date()):
            return True
        left_out.append(sprint_service.ceremony_date_problem(ceremony))
        return False

    cal = Calendar()
    cal.add("prodid", "-//PO Desktop//Sprint calendar//FR")
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    name = chosen[0].name if sprint_ref is not None and chosen else "PO Desktop"
    cal.add("x-wr-calname", _text(name))
    cal.add("x-wr-timezone", ZONE)
    events: list[Event] = []
    for sprint in chosen:
        problem = sprint_service.sprint_dates_problem(sprint)
        if problem is not None:
            left_out.append(problem)
            continue
        events.append(_sprint_event(sprint, uid, lang))
        ceremonies = [
            c
            for c in session.scalars(
                select(Ceremony).where(Ceremony.sprint_id == sprint.id).order_by(Ceremony.starts_at)
            )
            if usable(c)
        ]
        dailies = [c for c in ceremonies if c.kind == CeremonyKind.DAILY.value]
        for ceremony in ceremonies:
            if ceremony.kind != CeremonyKind.DAILY.value:
                events.append(_ceremony_event(ceremony, sprint, uid, lang))
        events.extend(_daily_events(dailies, sprint, uid, lang))
    # Rituals outside any sprint (a workshop with a customer): with every sprint, or
    # when they fall within the one exported.
    loose = select(Ceremony).where(Ceremony.sprint_id.is_(None)).order_by(Ceremony.starts_at)
    if sprint_ref is not None and chosen:
        span = chosen[0]
        loose = loose.where(
            Ceremony.starts_at >= datetime.combine(span.start_date, datetime.min.time()),
            Ceremony.starts_at
            < datetime.combine(span.end_date + timedelta(days=1), datetime.min.time()),
        )
    for ceremony in session.scalars(loose):
        if usable(ceremony):
            events.append(_ceremony_event(ceremony, None, uid, lang))
    timed = [e.decoded("dtstart") for e in events if isinstance(e.decoded("dtstart"), datetime)]
    if timed:
        cal.add_component(_timezone(min(timed).year, max(timed).year))
    _stamp(session, events, now or datetime.now(UTC))
    for event in events:
        cal.add_component(event)
    data: bytes = cal.to_ical()
    return data


def _timezone(first_year: int, last_year: int) -> Timezone:
    """The zone's VTIMEZONE: its yearly rules over these years (see domain.timezones)."""
    zone = Timezone()
    zone.add("tzid", ZONE)
    for rule in observances(PARIS, first_year, last_year):
        part = TimezoneDaylight() if rule.daylight else TimezoneStandard()
        part.add("dtstart", rule.start)
        part.add("tzoffsetfrom", rule.offset_from)
        part.add("tzoffsetto", rule.offset_to)
        if rule.name:
            part.add("tzname", rule.name)
        if rule.month is not None and rule.weekday is not None and rule.week is not None:
            day = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")[rule.weekday]
            recur: dict[str, object] = {
                "FREQ": "YEARLY",
                "BYMONTH": rule.month,
                "BYDAY": f"{'-1' if rule.week == LAST else rule.week}{day}",
            }
            if rule.until is not None:
                recur["UNTIL"] = rule.until
            part.add("rrule", vRecur(recur))
        zone.add_component(part)
    return zone


def _stamp(session: Session, events: list[Event], now: datetime) -> None:
    """SEQUENCE, CREATED, LAST-MODIFIED and DTSTAMP of each event from its revision: the
    events of one UID (a series and its overrides) change together."""
    by_uid: dict[str, list[Event]] = {}
    for event in events:
        by_uid.setdefault(str(event["uid"]), []).append(event)
    known = calendar_revisions.load(session)
    revised: dict[str, calendar_revisions.Revision] = {}
    for uid, group in by_uid.items():
        digest = hashlib.sha256(b"".join(e.to_ical() for e in group)).hexdigest()[:32]
        revision = calendar_revisions.revise(known.get(uid), digest, now)
        if known.get(uid) != revision:
            revised[uid] = revision
        for event in group:
            event.add("dtstamp", revision.modified)  # no METHOD: DTSTAMP is LAST-MODIFIED
            event.add("created", revision.created)
            event.add("last-modified", revision.modified)
            event.add("sequence", revision.sequence)
    if revised:
        calendar_revisions.save(session, revised)


def _local(moment: datetime) -> datetime:
    return moment.replace(tzinfo=PARIS)


def _sprint_event(sprint: Sprint, uid: str, lang: str) -> Event:
    event = Event()
    event.add("uid", f"sprint-{sprint.id}-{uid}@{DOMAIN}")
    event.add("summary", _text(sprint.name))
    event.add("dtstart", sprint.start_date)
    event.add("dtend", sprint.end_date + timedelta(days=1))  # all-day: the end is exclusive
    event.add("transp", "TRANSPARENT")  # a sprint is not a meeting: it blocks no time
    if sprint.goal:
        event.add("description", _text(sprint.goal))
    event.add("categories", ["Sprint", _capital(choice_label(sprint.state, lang))])
    return event


def _capital(label: str) -> str:
    """A category as a calendar shows it, as a name: "Revue de sprint", "Daily scrum"."""
    return label[:1].upper() + label[1:]


def _title(ceremony: Ceremony, sprint: Sprint | None, lang: str) -> str:
    """The ritual's title, then its sprint's name unless the title already says it."""
    label = ceremony.title or _capital(choice_label(ceremony.kind, lang))
    if sprint is None or fold(sprint.name) in fold(label):
        return label
    return f"{label} — {sprint.name}"


def _ceremony_event(ceremony: Ceremony, sprint: Sprint | None, uid: str, lang: str) -> Event:
    event = Event()
    event.add("uid", f"ceremony-{ceremony.id}-{uid}@{DOMAIN}")
    _fill(event, ceremony, sprint, lang)
    return event


def _fill(
    event: Event,
    ceremony: Ceremony,
    sprint: Sprint | None,
    lang: str,
    start: datetime | None = None,
) -> None:
    """The event's fields from a ceremony; ``start`` replaces its own time (a series)."""
    start = start or _local(ceremony.starts_at)
    event.add("summary", _text(_title(ceremony, sprint, lang)))
    event.add("dtstart", start)
    event.add("dtend", start + timedelta(minutes=ceremony.duration_minutes))
    if ceremony.location:
        event.add("location", _text(ceremony.location))
    if ceremony.notes:
        event.add("description", _text(ceremony.notes))
    event.add("categories", [_capital(choice_label(ceremony.kind, lang))])


def _daily_events(dailies: list[Ceremony], sprint: Sprint, uid: str, lang: str) -> list[Event]:
    """One recurring event for the sprint's dailies, overrides and exceptions included."""
    on_weekdays = [c for c in dailies if c.starts_at.weekday() < 5]
    if not on_weekdays:
        return [_ceremony_event(c, sprint, uid, lang) for c in dailies]
    usual = Counter(_shape(c) for c in on_weekdays).most_common(1)[0][0]
    at = usual[0]
    first = min(c.starts_at.date() for c in on_weekdays)
    last = max(c.starts_at.date() for c in on_weekdays)
    weekdays = [
        day
        for day in (first + timedelta(days=i) for i in range((last - first).days + 1))
        if day.weekday() < 5
    ]
    # Each weekday of the series stands for one daily: the usual ones claim their day
    # first, a moved one takes a free day as an override, any other stands alone.
    occurrence: dict[date, Ceremony] = {}
    alone: list[Ceremony] = []
    for c in sorted(dailies, key=lambda c: (_shape(c) != usual, c.starts_at, c.id)):
        day = c.starts_at.date()
        if first <= day <= last and day.weekday() < 5 and day not in occurrence:
            occurrence[day] = c
        else:
            alone.append(c)
    series_uid = f"daily-sprint-{sprint.id}-{uid}@{DOMAIN}"
    series = Event()
    series.add("uid", series_uid)
    model = next(c for c in on_weekdays if _shape(c) == usual)
    _fill(series, model, sprint, lang, start=_local(datetime.combine(first, at)))
    until = _local(datetime.combine(last, at)).astimezone(UTC)
    series.add(
        "rrule",
        vRecur({"FREQ": "WEEKLY", "BYDAY": ["MO", "TU", "WE", "TH", "FR"], "UNTIL": until}),
    )
    missing = [_local(datetime.combine(d, at)) for d in weekdays if d not in occurrence]
    if missing:
        series.add("exdate", missing)
    events = [series]
    for day, c in sorted(occurrence.items()):
        if _shape(c) != usual:
            event = Event()
            event.add("uid", series_uid)
            event.add("recurrence-id", _local(datetime.combine(day, at)))
            _fill(event, c, sprint, lang)
            events.append(event)
    events.extend(_ceremony_event(c, sprint, uid, lang) for c in alone)
    return events


def _shape(ceremony: Ceremony) -> tuple[time, int, str, str, str]:
    """What makes dailies alike: time of day, length, title, place, notes."""
    return (
        ceremony.starts_at.time(),
        ceremony.duration_minutes,
        ceremony.title,
        ceremony.location,
        ceremony.notes,
    )
