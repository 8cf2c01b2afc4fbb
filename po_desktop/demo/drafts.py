"""Needs being generated: their text, decisions and history, before they become rows."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, timedelta
from typing import Any

from po_desktop.demo.corpus import (
    BUSINESS_ASSIGNEES,
    CUSTOMERS,
    GENERIC_CHECKS,
    INTERNAL_REQUESTERS,
    OTHER_REQUESTERS,
    RATIONALES,
    RND_REQUESTERS,
    SOLUTION_EXTRAS,
    TECH_ASSIGNEES,
    THEMES,
    UNIT_PHRASE,
    VALUE_RANGES,
    Theme,
    Topic,
)
from po_desktop.demo.phrases import need_problem, need_title
from po_desktop.demo.rng import Rng, cumulative
from po_desktop.demo.timeline import DAY_START, Timeline
from po_desktop.domain.enums import ArchiveReason, Decision, EventField, Source
from po_desktop.domain.grid_presets import DEFAULT_GRID
from po_desktop.domain.scoring import weighted_score

# Workflow stages, in the order of DEFAULT_COLUMNS.
Q, C, R, D, V, T = range(6)

POINTS = (1.0, 2.0, 3.0, 5.0, 8.0, 13.0)
_POINT_WEIGHTS = (10, 20, 25, 25, 14, 6)


class Draft:
    """A need being generated; times are local until the rows are written."""

    __slots__ = (
        "acceptance",
        "archived_at",
        "assessments",
        "assignee",
        "created_at",
        "decided_by",
        "done_at",
        "events",
        "id",
        "number",
        "order",
        "points",
        "problem",
        "project",
        "requester",
        "score",
        "solution",
        "source",
        "sprint",
        "stage",
        "tags",
        "technical",
        "theme",
        "title",
        "topic",
        "unit",
    )

    acceptance: str
    archived_at: datetime | None
    assessments: list[tuple[int, Decision, tuple[int, ...], float, str, datetime]]
    assignee: str | None
    created_at: datetime
    decided_by: str
    done_at: datetime | None
    events: list[tuple[datetime, str, Any, Any]]
    id: int
    number: int
    order: int
    points: float | None
    problem: str
    project: str
    requester: str
    score: float | None
    solution: str
    source: str
    sprint: int | None
    stage: int
    tags: list[str]
    technical: bool
    theme: Theme
    title: str
    topic: Topic
    unit: str

    def __init__(self, order: int) -> None:
        self.order = order
        self.events = []
        self.assessments = []
        self.stage = Q
        self.sprint = None
        self.points = None
        self.done_at = None
        self.archived_at = None
        self.assignee = None
        self.score = None
        self.id = 0
        self.number = 0

    def event(self, at: datetime, kind: EventField, old: Any, new: Any) -> None:
        self.events.append((at, kind.value, old, new))

    def move(self, at: datetime, stage: int) -> None:
        self.event(at, EventField.COLUMN, self.stage, stage)
        self.stage = stage
        self.done_at = at if stage == T else None

    def closed_at(self) -> datetime | None:
        """When it left the work: done, or decided no-go by its latest scoring (what the
        archive service counts from, ``services.archive.closed_since``)."""
        if self.done_at is not None:
            return self.done_at
        if self.assessments and self.assessments[-1][1] is Decision.NO_GO:
            return self.assessments[-1][5]
        return None


def archive_closed(
    drafts: list[Draft], days: int | None, now: datetime, working: Callable[[date], bool]
) -> None:
    """The needs closed more than ``days`` days before ``now`` archived as the app does
    by itself (``ui.auto_archive``), so that a demo opened for the first time does not
    empty its board of dozens of needs, and its archive already holds some: on the first
    working morning after they were due and after their last change (a no-go need may
    still have moved afterwards), or ``now`` when that morning is yet to come."""
    if days is None:
        return
    for d in drafts:
        closed = d.closed_at()
        if closed is None or closed + timedelta(days=days) >= now:
            continue
        day = max(closed + timedelta(days=days), d.events[-1][0]).date() + timedelta(days=1)
        while not working(day):
            day += timedelta(days=1)
        at = min(datetime.combine(day, DAY_START), now)
        d.event(at, EventField.ARCHIVE, None, ArchiveReason.AUTO.value)
        d.archived_at = at


class Builder:
    """Generates drafts; one instance per :func:`seed_demo` call, one RNG for everything."""

    def __init__(self, rng: Rng, timeline: Timeline) -> None:
        self.rng = rng
        self.line = timeline
        self.drafts: list[Draft] = []
        self._themes = {
            code: cumulative([(t, t.weight) for t in THEMES if t.project == code])
            for code in ("PLAT", "ERP")
        }
        self._units = {id(t): cumulative(t.units) for t in THEMES}
        self._sources = {id(t): cumulative(t.sources) for t in THEMES}
        self._points = cumulative(list(zip(POINTS, _POINT_WEIGHTS, strict=True)))
        self._score_cache: dict[tuple[int, ...], float] = {}

    # -- content

    def new(self) -> Draft:
        rng = self.rng
        d = Draft(len(self.drafts))
        self.drafts.append(d)
        d.project = "PLAT" if rng.random() < 0.55 else "ERP"
        theme: Theme = rng.weighted(self._themes[d.project])
        d.theme = theme
        topic = rng.choice(theme.topics)
        d.topic = topic
        d.unit = rng.weighted(self._units[id(theme)])
        d.title, defect = need_title(rng, theme, topic)
        d.technical = defect or rng.random() < theme.technical
        d.source = rng.weighted(self._sources[id(theme)])
        if d.source == Source.CUSTOMER:
            d.requester = rng.choice(CUSTOMERS)
        elif d.source == Source.TEAM:
            d.requester = rng.choice(INTERNAL_REQUESTERS[d.unit])
        elif d.source == Source.RND:
            d.requester = rng.choice(RND_REQUESTERS)
        else:
            d.requester = rng.choice(OTHER_REQUESTERS)
        d.problem = need_problem(rng, theme, topic)
        d.solution = ""
        d.acceptance = ""
        tags = rng.sample(topic.tags, min(len(topic.tags), rng.choice((0, 1, 1, 2, 2, 3))))
        if rng.random() < 0.08:
            tags.append("mobile" if d.project == "PLAT" else "reporting")
        if rng.random() < 0.05:
            tags.append("quick win")
        seen: dict[str, str] = {}
        for tag in tags:
            seen.setdefault(tag.casefold(), tag)
        d.tags = list(seen.values())
        d.decided_by = theme.owner
        return d

    def describe(self, d: Draft) -> None:
        """Solution and acceptance criteria: written once a need is worth detailing."""
        rng = self.rng
        rich = d.stage >= R or any(kind == EventField.SPRINT for _at, kind, *_v in d.events)
        if rich or rng.random() < (0.6 if d.stage == C else 0.25):
            text = rng.choice(d.topic.solutions)
            if rng.random() < 0.3:
                text += " " + rng.choice(SOLUTION_EXTRAS)
            d.solution = text
        if rich or (d.stage == C and rng.random() < 0.4):
            lines = rng.sample(d.topic.checks, rng.between(2, 3))
            if rng.random() < 0.5:
                lines.append(rng.choice(GENERIC_CHECKS))
            d.acceptance = "\n".join(f"- {line}" for line in lines)

    def assign(self, d: Draft, chance: float = 1.0) -> None:
        if self.rng.random() >= chance:
            return
        pool = TECH_ASSIGNEES[d.project] if d.technical else BUSINESS_ASSIGNEES[d.unit]
        d.assignee = self.rng.choice(pool)

    def estimate(self, chance: float = 1.0) -> float | None:
        """Story points, or None (not estimated yet) with probability ``1 - chance``."""
        if chance < 1.0 and self.rng.random() >= chance:
            return None
        points: float = self.rng.weighted(self._points)
        return points

    def fill(self, load: float, capacity: int) -> float:
        """Points of the next need taken into a sprint, small ones filling the last gap."""
        points = self.estimate()
        assert points is not None
        room = capacity + 3 - load
        if points > room:
            points = max(p for p in POINTS if p <= max(room, POINTS[0]))
        return points

    # -- decisions

    def plan_decisions(self, final_stage: int, committed: bool) -> list[Decision]:
        """Decision of each assessment version, consistent with where the need ends up."""
        rng = self.rng
        if committed or final_stage >= R:
            # "Prêt" asks for a go decision (READY_RULES): every need that got there has one.
            if rng.random() < 0.25:
                return [Decision.EXPLORE, Decision.GO]
            return [Decision.GO, Decision.GO] if rng.random() < 0.15 else [Decision.GO]
        if final_stage == C:
            if rng.random() >= 0.75:
                return []
            first = rng.choices(
                (Decision.GO, Decision.EXPLORE, Decision.PENDING, Decision.NO_GO), (55, 20, 10, 15)
            )[0]
            if first is Decision.NO_GO or rng.random() >= 0.25:
                return [first]
            follow = {
                Decision.GO: (Decision.GO, Decision.GO, Decision.GO, Decision.NO_GO),
                Decision.EXPLORE: (Decision.GO, Decision.NO_GO),
                Decision.PENDING: (Decision.GO, Decision.EXPLORE),
            }[first]
            return [first, rng.choice(follow)]
        if rng.random() >= 0.2:
            return []
        first = rng.choices((Decision.PENDING, Decision.EXPLORE, Decision.NO_GO), (40, 35, 25))[0]
        if first is not Decision.NO_GO and rng.random() < 0.2:
            return [first, Decision.NO_GO if first is Decision.EXPLORE else Decision.EXPLORE]
        return [first]

    def assess(self, d: Draft, version: int, decision: Decision, at: datetime) -> None:
        rng = self.rng
        values = tuple(rng.between(lo, hi) for lo, hi in VALUE_RANGES[decision])
        score = self._score_cache.get(values)
        if score is None:
            score = weighted_score(
                DEFAULT_GRID,
                {spec.key: float(v) for spec, v in zip(DEFAULT_GRID, values, strict=True)},
            )
            self._score_cache[values] = score
        template = rng.choice(RATIONALES[decision])
        rationale = template.format(unit=UNIT_PHRASE[d.unit], requester=d.requester)
        previous = d.assessments[-1][1].value if d.assessments else None
        d.assessments.append((version, decision, values, score, rationale, at))
        d.score = score
        d.event(at, EventField.DECISION, previous, decision.value)

    # -- history

    def prehistory(
        self,
        d: Draft,
        target: int,
        hi: float,
        *,
        points: float | None,
        committed: bool = False,
        recent: bool = False,
    ) -> None:
        """Creation, triage, scoring and estimation up to ``target``, before offset ``hi``.

        ``recent`` favours late creation dates: a triage pile is mostly fresh.
        """
        rng = self.rng
        decisions = self.plan_decisions(target, committed)
        created_at = Q if target == Q or rng.random() < 0.8 else C
        steps: list[tuple[str, Any]] = []
        if created_at == Q and decisions:
            steps.append(("decision", 0))
        if created_at == Q and target >= C:
            steps.append(("move", C))
        if created_at == C and decisions:
            steps.append(("decision", 0))
        if len(decisions) > 1:
            steps.append(("decision", 1))
        if points is not None:
            steps.append(("points", points))
        steps.extend(("move", stage) for stage in range(max(R, created_at + 1), target + 1))
        u = rng.random()
        start = hi * (1 - u * u) if recent else hi * u
        first = self.line.at(start)
        d.created_at = first
        d.stage = created_at
        d.event(first, EventField.CREATED, None, created_at)
        times = self.line.sample(rng, len(steps), self.line.offset(first), hi)
        for at, (kind, payload) in zip(times, steps, strict=True):
            if kind == "decision":
                self.assess(d, payload + 1, decisions[payload], at)
            elif kind == "points":
                d.event(at, EventField.POINTS, d.points, payload)
                d.points = payload
            else:
                d.move(at, payload)

    def flow(self, d: Draft, target: int, lo: float, hi: float, *, rescore: bool = False) -> None:
        """Walk the workflow from the need's column to ``target`` between two offsets.

        ``rescore`` slips in a re-estimate during the work, a scope change that
        burndown charts must show.
        """
        stages = list(range(d.stage + 1, target + 1))
        count = len(stages) + (1 if rescore and stages else 0)
        times = self.line.sample(self.rng, count, lo, hi)
        if rescore and stages:
            at = times.pop(len(times) // 2)
            old = d.points
            index = POINTS.index(old) if old in POINTS else 2
            new = POINTS[min(len(POINTS) - 1, index + 1) if index < 3 else index - 1]
            d.event(at, EventField.POINTS, old, new)
            d.points = new
        for at, stage in zip(times, stages, strict=True):
            d.move(at, stage)
