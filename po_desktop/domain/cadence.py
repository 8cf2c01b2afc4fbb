"""Sprint cadences: the next sprints back to back, each with its rituals.

Pure rules, apart from ``domain.calendar`` so that what reads a sprint (the review
pack) does not build the cadence's settings and rules it never uses.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
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


PLACEHOLDERS = ("{n}", "{year}", "{week}")
"""What a name pattern replaces for each planned sprint (see :func:`sprint_name`)."""


def sprint_name(pattern: str, number: int, start: date) -> str:
    """A planned sprint's name: ``{n}`` its number, ``{year}`` and ``{week}`` the ISO
    year and week (two digits) of its first Monday ("Sprint {year}-{week}": "Sprint
    2026-49"). A pattern with none of them gets " {n}" at its end."""
    if not any(mark in pattern for mark in PLACEHOLDERS):
        pattern += " {n}"
    year, week, _day = start.isocalendar()
    return (
        pattern.replace("{n}", str(number))
        .replace("{year}", str(year))
        .replace("{week}", f"{week:02d}")
    )


def numbered(pattern: str) -> bool:
    """Whether the names a pattern makes carry the sprints' numbers: with ``{n}``, or
    with no placeholder at all (see :func:`sprint_name`)."""
    return "{n}" in pattern or not any(mark in pattern for mark in PLACEHOLDERS)


def name_pattern(name: str, start: date) -> tuple[str, int] | None:
    """The pattern a sprint's name follows, for the next ones, and its number: the ISO
    year and week of its start ("Sprint 2026-49" → "Sprint {year}-{week}", 49), else its
    last number ("Plateforme S14" → "Plateforme S{n}", 14); None for a name without one."""
    year, week, _day = start.isocalendar()
    for written, marks in (
        (f"{year}-W{week:02d}", "{year}-W{week}"),
        (f"{year}-{week:02d}", "{year}-{week}"),
    ):
        head, found, tail = name.rpartition(written)
        if found and not (tail[:1].isdigit() or head[-1:].isdigit()):
            return f"{head}{marks}{tail}", week
    match = _LAST_NUMBER.match(name)
    if match is None:
        return None
    return f"{match[1]}{{n}}{match[3]}", int(match[2])


_LAST_NUMBER = re.compile(r"^(.*?)(\d{1,6})(\D*)$", re.DOTALL)


def own_series(team: str) -> str:
    """The names a new team's sprints take: the team's own series (« ERP » : « ERP
    {n} »), « Sprint {n} » for the workspace's single unnamed team."""
    return f"{team.strip()} {{n}}" if team.strip() else "Sprint {n}"


def next_number(pattern: str, names: Iterable[str]) -> int:
    """The number of the next sprint a pattern names: one past the highest a sprint's
    name already carries in that series, whichever team's (names are unique in the
    workspace, regardless of case): « Sprint {n} » after « Sprint 6 » gives 7, « ERP
    {n} » for a new team 1, as does a pattern without ``{n}`` whose names do not end
    with a number."""
    if not any(mark in pattern for mark in PLACEHOLDERS):
        pattern += " {n}"
    if "{n}" not in pattern:
        return 1
    regex, parts = "", _PLACEHOLDER.split(pattern)
    for part in parts:  # a second {n} is the same number again
        regex += "(?P=n)" if part == "{n}" and "(?P<n>" in regex else _MARK_RE.get(part, "")
        regex += "" if part in _MARK_RE else re.escape(part)
    series = re.compile(regex, re.IGNORECASE | re.DOTALL)
    found = (series.fullmatch(name) for name in names)
    return max((int(match["n"]) for match in found if match is not None), default=0) + 1


_PLACEHOLDER = re.compile(r"(\{n\}|\{year\}|\{week\})")
_MARK_RE = {"{n}": r"(?P<n>\d{1,6})", "{year}": r"\d{4}", "{week}": r"\d{2}"}


def following(usual: RitualTimes, daily: time, daily_minutes: int, review: time) -> RitualTimes:
    """The rituals of a series with its daily scrum and its review set anew: the
    retrospective as long after the review as in ``usual`` (an hour and a half when it
    was not after it), the planning and every length as they were."""
    gap = (usual.retro.hour - usual.review.hour) * 60 + usual.retro.minute - usual.review.minute
    retro = review.hour * 60 + review.minute + (gap if gap > 0 else 90)
    return replace(
        usual,
        daily=daily,
        daily_minutes=daily_minutes,
        review=review,
        retro=time(min(23, retro // 60), retro % 60),
    )
