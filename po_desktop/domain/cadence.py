"""Sprint cadences: the next sprints back to back, each with its rituals.

Pure rules, apart from ``domain.calendar`` so that what reads a sprint (the review
pack) does not build the cadence's settings and rules it never uses.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from po_desktop.domain.calendar import PlannedCeremony, PlannedSprint
from po_desktop.domain.enums import CeremonyKind


@dataclass(frozen=True)
class RitualTimes:
    """When the generated rituals take place and how long they last."""

    daily: time = time(9, 30)
    daily_minutes: int = 15
    planning: time = time(10, 0)
    planning_minutes: int = 120
    review: time = time(14, 0)
    review_minutes: int = 60
    retro: time = time(15, 30)
    retro_minutes: int = 60


class CadenceError(ValueError):
    """A cadence that cannot be generated; ``msg_id`` names the message to show."""

    def __init__(self, msg_id: str, **params: object) -> None:
        super().__init__(msg_id)
        self.msg_id = msg_id
        self.params = params


def cadence(
    first_start: date,
    count: int,
    weeks: int,
    is_holiday: Callable[[date], bool],
    *,
    names: Callable[[int], str],
    rituals: RitualTimes | None = None,
) -> list[PlannedSprint]:
    """The next ``count`` sprints of ``weeks`` weeks, back to back from ``first_start``.

    Each sprint runs from its first working day to its last one (a sprint that
    would end on a Sunday or a holiday ends on the working day before). Its
    rituals: planning on the first day, a daily scrum on every working day,
    review and retrospective on the last day; public holidays get none.
    ``names(i)`` names the i-th sprint (0-based).
    """
    if not 1 <= count <= 52:
        raise CadenceError("cadence.bad_count", max=52)
    if not 1 <= weeks <= 8:
        raise CadenceError("cadence.bad_weeks", max=8)
    times = rituals or RitualTimes()
    planned = []
    for index in range(count):
        span_start = first_start + timedelta(weeks=weeks * index)
        span_end = span_start + timedelta(weeks=weeks, days=-1)
        days = []
        day = span_start
        while day <= span_end:
            if day.weekday() < 5 and not is_holiday(day):
                days.append(day)
            day += timedelta(days=1)
        if not days:
            raise CadenceError("cadence.no_working_day", start=span_start.isoformat())
        first, last = days[0], days[-1]
        at = datetime.combine
        ceremonies = [
            PlannedCeremony(
                CeremonyKind.PLANNING, at(first, times.planning), times.planning_minutes
            )
        ]
        ceremonies += [
            PlannedCeremony(CeremonyKind.DAILY, at(day, times.daily), times.daily_minutes)
            for day in days
        ]
        ceremonies += [
            PlannedCeremony(CeremonyKind.REVIEW, at(last, times.review), times.review_minutes),
            PlannedCeremony(CeremonyKind.RETRO, at(last, times.retro), times.retro_minutes),
        ]
        planned.append(
            PlannedSprint(
                names(index), first, last, tuple(sorted(ceremonies, key=lambda c: c.starts_at))
            )
        )
    return planned
