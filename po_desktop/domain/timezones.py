"""A time zone's rules as a calendar states them: yearly rules, not a list of dates.

An iCalendar file carries the time zone of its times (``VTIMEZONE``) as observances:
standard and daylight time, each starting at a local time and repeating by a yearly rule
(``RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU``). Some readers (ical.js, Outlook) follow
only such rules and ignore a long list of dates, so :func:`observances` finds the rules
the zone followed over the years asked for, from its actual transitions: every yearly
transition that falls on the same weekday of the same week of the same month at the
same time, year after year, is one rule. A transition that follows no rule is an onset
of its own.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta, tzinfo

LAST = -1
"""The week of a rule that falls in the last seven days of its month."""


@dataclass(frozen=True)
class Observance:
    """Standard or daylight time from a local onset on, repeated by a yearly rule or once."""

    daylight: bool
    name: str
    offset_from: timedelta
    offset_to: timedelta
    start: datetime
    """The first onset, in local time before it (the ``offset_from`` clock), naive."""
    month: int | None = None
    weekday: int | None = None
    """0 is Monday, as ``date.weekday()``."""
    week: int | None = None
    """1 to 4, or :data:`LAST`."""
    until: datetime | None = None
    """The last onset under the rule, in UTC; None while the rule holds."""

    @property
    def yearly(self) -> bool:
        return self.month is not None


@dataclass(frozen=True)
class _Transition:
    at: datetime  # UTC
    daylight: bool
    name: str
    offset_from: timedelta
    offset_to: timedelta

    @property
    def local(self) -> datetime:
        """The onset on the clock that was running until it."""
        return (self.at + self.offset_from).replace(tzinfo=None)

    def weeks(self) -> set[int]:
        """The weeks of the month this day can be said to fall in (1-4, and LAST)."""
        day = self.local.day
        found = {(day - 1) // 7 + 1} if day <= 28 else set()
        if day + 7 > calendar.monthrange(self.local.year, self.local.month)[1]:
            found.add(LAST)
        return found


def _offset(zone: tzinfo, moment: datetime) -> timedelta:
    return moment.astimezone(zone).utcoffset() or timedelta(0)


def _transitions(zone: tzinfo, first: date, last: date) -> list[_Transition]:
    """Every change of offset or name between two days, found to the second."""
    found: list[_Transition] = []
    moment = datetime(first.year, first.month, first.day, tzinfo=UTC)
    end = datetime(last.year, last.month, last.day, tzinfo=UTC) + timedelta(days=1)
    step = timedelta(days=1)

    def state(at: datetime) -> tuple[timedelta, str | None, timedelta | None]:
        local = at.astimezone(zone)
        return local.utcoffset() or timedelta(0), local.tzname(), local.dst()

    while moment < end:
        following = moment + step
        if state(moment) != state(following):
            low, high = moment, following  # state(low) differs from state(high)
            while high - low > timedelta(seconds=1):
                middle = low + (high - low) / 2
                middle = middle.replace(microsecond=0)
                if state(middle) == state(low):
                    low = middle
                else:
                    high = middle
            local = high.astimezone(zone)
            found.append(
                _Transition(
                    at=high,
                    daylight=bool(local.dst()),
                    name=local.tzname() or "",
                    offset_from=_offset(zone, low),
                    offset_to=_offset(zone, high),
                )
            )
        moment = following
    return found


def observances(zone: tzinfo, first_year: int, last_year: int) -> list[Observance]:
    """The observances that give every local time of ``first_year`` to ``last_year`` its
    offset: the rules the zone followed then, each from its first onset (the year before
    ``first_year`` at the earliest, so the first days of the range are covered).

    A rule still followed in ``last_year`` is left open (no end): the zone's known future.
    """
    start = date(first_year - 1, 1, 1)
    transitions = _transitions(zone, start, date(last_year, 12, 31))
    found: list[Observance] = []
    if not transitions or transitions[0].at.date() > date(first_year, 1, 1):
        # No onset before the range starts: the offset in force then, from its first day.
        moment = datetime(start.year, 1, 1, 12, tzinfo=UTC).astimezone(zone)
        offset = moment.utcoffset() or timedelta(0)
        found.append(
            Observance(
                daylight=bool(moment.dst()),
                name=moment.tzname() or "",
                offset_from=offset,
                offset_to=offset,
                start=datetime(start.year, 1, 1),
            )
        )
    kinds: dict[tuple[bool, str, timedelta, timedelta], list[_Transition]] = {}
    for t in transitions:
        kinds.setdefault((t.daylight, t.name, t.offset_from, t.offset_to), []).append(t)
    for same_kind in kinds.values():
        for run, weeks in _runs(same_kind):
            found.append(_observance(run, weeks, open_ended=run[-1].local.year >= last_year))
    return sorted(found, key=lambda o: o.start)


def _runs(transitions: list[_Transition]) -> list[tuple[list[_Transition], set[int]]]:
    """Consecutive years whose transition falls on the same weekday of the same week of
    the same month at the same time; the weeks that describe all of them."""
    runs: list[tuple[list[_Transition], set[int]]] = []
    for t in transitions:
        if runs:
            run, weeks = runs[-1]
            previous = run[-1]
            common = weeks & t.weeks()
            if (
                common
                and t.local.year == previous.local.year + 1
                and t.local.month == previous.local.month
                and t.local.weekday() == previous.local.weekday()
                and t.local.time() == previous.local.time()
            ):
                run.append(t)
                runs[-1] = (run, common)
                continue
        runs.append(([t], t.weeks()))
    return runs


def _observance(run: list[_Transition], weeks: set[int], *, open_ended: bool) -> Observance:
    """One rule for a run of two years or more; a single onset is only a date (one
    sample is no rule: the zone may have changed once for good)."""
    first = run[0]
    if len(run) < 2 or not weeks:
        return Observance(
            first.daylight, first.name, first.offset_from, first.offset_to, first.local
        )
    return Observance(
        first.daylight,
        first.name,
        first.offset_from,
        first.offset_to,
        first.local,
        month=first.local.month,
        weekday=first.local.weekday(),
        week=LAST if LAST in weeks else min(weeks),
        until=None if open_ended else run[-1].at,
    )
