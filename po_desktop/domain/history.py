"""What a need looked like at any moment, from its event history: burndown and scope.

Every change to a need's column, sprint or points is an event with its time. A
need's state at time t is its state now with every later event undone, which
needs no assumption about how it began.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime, time

from po_desktop.domain.enums import EventField


@dataclass(frozen=True)
class Event:
    at: datetime
    field: str
    """"created", "column", "sprint", "points" or "decision"."""
    old: str | None
    new: str | None


@dataclass(frozen=True)
class NeedState:
    exists: bool
    column: int | None
    sprint: int | None
    points: float | None


@dataclass(frozen=True)
class NeedHistory:
    need_id: int
    now: NeedState
    events: tuple[Event, ...]
    """Oldest first."""

    def at(self, moment: datetime) -> NeedState:
        state = self.now
        for event in reversed(self.events):
            if event.at <= moment:
                break
            state = _undo(state, event)
        return state

    def changes(self, field: str) -> Iterable[Event]:
        return (e for e in self.events if e.field == field)


def _int(value: str | None) -> int | None:
    return None if value is None else int(float(value))


def _undo(state: NeedState, event: Event) -> NeedState:
    if event.field == EventField.CREATED:
        return replace(state, exists=False)
    if event.field == EventField.COLUMN:
        return replace(state, column=_int(event.old))
    if event.field == EventField.SPRINT:
        return replace(state, sprint=_int(event.old))
    if event.field == EventField.POINTS:
        return replace(state, points=None if event.old is None else float(event.old))
    return state


def end_of(day: date) -> datetime:
    return datetime.combine(day, time(23, 59, 59))


def burndown(
    sprint_id: int,
    days: Sequence[date],
    needs: Sequence[NeedHistory],
    done_columns: Collection[int],
    until: datetime,
) -> list[tuple[date, float | None]]:
    """Points still to do in the sprint at the end of each working day; None after ``until``
    (days not lived yet are not drawn)."""
    series: list[tuple[date, float | None]] = []
    for day in days:
        if day > until.date():
            series.append((day, None))
            continue
        moment = min(end_of(day), until)
        remaining = 0.0
        for need in needs:
            state = need.at(moment)
            if state.exists and state.sprint == sprint_id and state.column not in done_columns:
                remaining += state.points or 0.0
        series.append((day, round(remaining, 2)))
    return series


def ideal_line(start_points: float, days: Sequence[date]) -> list[tuple[date, float]]:
    """From the committed points on the first day down to zero on the last."""
    if not days:
        return []
    if len(days) == 1:
        return [(days[0], 0.0)]
    step = start_points / (len(days) - 1)
    return [(day, round(start_points - step * i, 2)) for i, day in enumerate(days)]
