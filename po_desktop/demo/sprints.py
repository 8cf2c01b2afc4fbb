"""The demo's sprints: their dates, states and goals, rituals and the team's absences."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Any

from po_desktop.demo.corpus import GOALS, RETRO_FORMATS
from po_desktop.demo.rng import Rng
from po_desktop.domain.enums import CeremonyKind, SprintState

SPRINT_DAYS = 14
CLOSED_SPRINTS = 4


@dataclass
class SprintPlan:
    index: int
    start: date
    end: date
    work_days: list[date]
    state: SprintState
    name: str
    goal: str
    id: int = 0

    @property
    def planning_start(self) -> datetime:
        return datetime.combine(self.work_days[0], time(9, 30))

    @property
    def started_at(self) -> datetime:
        return datetime.combine(self.work_days[0], time(11, 30))

    @property
    def review_at(self) -> datetime:
        return datetime.combine(self.work_days[-1], time(14, 0))

    @property
    def closed_at(self) -> datetime:
        return datetime.combine(self.work_days[-1], time(17, 0))


def active_sprint_start(today: date) -> date:
    """Monday starting the sprint that holds ``today``; sprints start on odd ISO weeks.

    On a weekend the sprint is the one whose first week just ended, so that
    ``today`` always lies between its start and end dates.
    """
    monday = today - timedelta(days=today.weekday())
    if today.weekday() < 5 and monday.isocalendar().week % 2 == 0:
        return monday - timedelta(days=7)
    return monday


def sprint_plans(rng: Rng, today: date, working: Callable[[date], bool]) -> list[SprintPlan]:
    active = active_sprint_start(today)
    goals = rng.sample(GOALS, len(GOALS))
    plans = []
    for index in range(CLOSED_SPRINTS + 2):
        start = active + timedelta(days=SPRINT_DAYS * (index - CLOSED_SPRINTS))
        end = start + timedelta(days=SPRINT_DAYS - 3)  # Monday to Friday of the second week
        days = [start + timedelta(days=i) for i in range((end - start).days + 1)]
        work_days = [day for day in days if working(day)] or [start]
        state = (
            SprintState.CLOSED
            if index < CLOSED_SPRINTS
            else SprintState.ACTIVE
            if index == CLOSED_SPRINTS
            else SprintState.PLANNED
        )
        iso = start.isocalendar()
        plans.append(
            SprintPlan(
                index,
                start,
                end,
                work_days,
                state,
                f"Sprint {iso.year}-{iso.week:02d}",
                goals[index],
            )
        )
    return plans


def ceremony_rows_for(plans: list[SprintPlan], rng: Rng) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = []

    def add(
        plan: SprintPlan,
        kind: CeremonyKind,
        title: str,
        day: date,
        at: time,
        minutes: int,
        location: str,
        notes: str = "",
    ) -> None:
        rows.append(
            {
                "sprint_id": plan.id,
                "kind": kind.value,
                "title": title,
                "starts_at": datetime.combine(day, at),
                "duration_minutes": minutes,
                "location": location,
                "notes": notes,
            }
        )

    for plan in plans:
        first, last = plan.work_days[0], plan.work_days[-1]
        add(
            plan,
            CeremonyKind.PLANNING,
            f"Planification — {plan.name}",
            first,
            time(9, 30),
            120,
            "Salle Garonne",
            f"Objectif proposé : {plan.goal}.",
        )
        for day in plan.work_days:
            add(
                plan,
                CeremonyKind.DAILY,
                "Mêlée quotidienne",
                day,
                time(9, 15),
                15,
                "Open space, écran du tableau",
            )
        middle = plan.work_days[len(plan.work_days) // 2]
        add(
            plan,
            CeremonyKind.REFINEMENT,
            "Affinage du backlog",
            middle,
            time(14, 0),
            60,
            "Salle Dordogne",
            "Préparer les besoins du sprint suivant (critères, estimation).",
        )
        add(
            plan,
            CeremonyKind.REVIEW,
            f"Revue — {plan.name}",
            last,
            time(14, 0),
            60,
            "Salle Garonne + Teams",
            "Démonstration aux métiers : ADV, Marketing, RH, Finance.",
        )
        add(
            plan,
            CeremonyKind.RETRO,
            "Rétrospective",
            last,
            time(15, 30),
            90,
            "Salle Dordogne",
            rng.choice(RETRO_FORMATS),
        )
    return rows


def absence_rows_for(plans: list[SprintPlan], people: dict[str, int]) -> list[dict[str, Any]]:
    active, planned = plans[CLOSED_SPRINTS], plans[CLOSED_SPRINTS + 1]
    spans = (
        ("lea", active.end - timedelta(days=1), planned.start + timedelta(days=4), "Congés payés"),
        (
            "thomas",
            planned.start + timedelta(days=2),
            planned.start + timedelta(days=3),
            "Formation Kubernetes",
        ),
        ("emilie", active.start + timedelta(days=4), active.start + timedelta(days=4), "RTT"),
        ("nicolas", planned.start + timedelta(days=7), planned.end, "Congés payés"),
        (
            "camille",
            active.start + timedelta(days=1),
            active.start + timedelta(days=2),
            "Formation accessibilité numérique (RGAA)",
        ),
        (
            "julien",
            plans[CLOSED_SPRINTS - 1].start + timedelta(days=8),
            plans[CLOSED_SPRINTS - 1].start + timedelta(days=9),
            "Congés payés",
        ),
    )
    return [
        {"person_id": people[key], "start_date": start, "end_date": end, "reason": reason}
        for key, start, end, reason in spans
    ]
