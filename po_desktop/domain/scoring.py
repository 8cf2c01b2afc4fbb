"""Weighted scoring of needs on a 0–100 scale, comparable across grids."""

from __future__ import annotations

import gc
import math
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace
from enum import StrEnum
from operator import itemgetter, sub
from typing import NamedTuple

from po_desktop.domain.enums import Decision, Direction
from po_desktop.domain.formatting import Number
from po_desktop.domain.messages import Bilingual, Message


@dataclass(frozen=True)
class CriterionSpec:
    key: str
    label_fr: str
    label_en: str
    weight: float
    scale_min: float
    scale_max: float
    direction: Direction
    help_fr: str = ""
    help_en: str = ""

    @property
    def label(self) -> Bilingual:
        return Bilingual(self.label_fr, self.label_en)

    @property
    def help(self) -> Bilingual:
        return Bilingual(self.help_fr, self.help_en)


class ScoringError(ValueError):
    """A grid or a set of values that cannot produce a score.

    Carries a message id of :mod:`po_desktop.domain.messages` and its parameters, so
    the form and the CLI can say what is wrong in the user's language.
    """

    def __init__(self, msg_id: str, **params: object) -> None:
        self.message = Message(msg_id, dict(params))
        super().__init__(self.message.render("en"))

    def render(self, lang: str | None = None) -> str:
        return self.message.render(lang)


def _value(spec: CriterionSpec, values: Mapping[str, float]) -> float:
    value = values.get(spec.key)
    if value is None or isinstance(value, bool) or not math.isfinite(float(value)):
        raise ScoringError("scoring.missing_value", criterion=spec.label)
    value = float(value)
    if not spec.scale_min <= value <= spec.scale_max:
        raise ScoringError(
            "scoring.out_of_range",
            criterion=spec.label,
            value=_number(value),
            min=_number(spec.scale_min),
            max=_number(spec.scale_max),
        )
    return value


def _number(value: float) -> Number:
    """A number as each language writes it: 0,5 in French, 0.5 in English."""
    return Number(value)


def normalised(spec: CriterionSpec, value: float) -> float:
    """Position of ``value`` on the criterion's scale, 0 (worst) to 1 (best)."""
    value = _value(spec, {spec.key: value})
    span = spec.scale_max - spec.scale_min
    position = (value - spec.scale_min) / span
    return position if spec.direction is Direction.BENEFIT else 1.0 - position


def _check_criteria(criteria: Sequence[CriterionSpec]) -> None:
    if not criteria:
        raise ScoringError("scoring.no_criterion")
    for spec in criteria:
        if not math.isfinite(spec.weight) or spec.weight <= 0:
            raise ScoringError(
                "scoring.bad_weight",
                criterion=spec.label,
                weight=_number(spec.weight),
            )
        if not spec.scale_max > spec.scale_min:
            raise ScoringError("scoring.empty_scale", criterion=spec.label)


SCORE_DIGITS = 6
"""Decimals a score keeps: far more than anyone reads (the app shows whole numbers), far
fewer than a float carries, so the arithmetic's noise (some 1e-14 at 100) goes. Only a
score within 0.0000005 of a half (one in a million or so) could still show the other way
than by hand."""


def _settled(score: float) -> float:
    """A score as computed, without its floating-point noise: the one rounding of a score.

    Every way of computing one ends here, and so do the value / effort matrix's axes
    (:meth:`Grid.value_effort`, shown as whole numbers too), so that:

    - two needs whose scores are equal on paper get equal floats, and tie as :func:`rank`
      explains ties: 0.2 + 0.3 x 0.75 + 0.4 x 0.75 and 0.1 + 0.3 x 0.75 + 0.4 are both
      0.725, yet the first sum gives 72.50000000000001, which would even show "73"
      beside the other's "72";
    - a score never lands a hair above 100, which the database refuses;
    - the shown whole number is the one a hand computation gives: rounding to one
      decimal first, as scores once were, showed 95.4545… (stored 95.5) as 96. Scores
      saved that way by older versions stay as they were.

    It keeps :class:`Reranker` equal to :meth:`Grid.score` to the last bit: both round
    the same float the same way.
    """
    return round(score, SCORE_DIGITS)


def weighted_score(criteria: Sequence[CriterionSpec], values: Mapping[str, float]) -> float:
    """Weighted mean of normalised values, times 100 (noise aside, unrounded: see
    :func:`_settled`)."""
    _check_criteria(criteria)
    total_weight = sum(spec.weight for spec in criteria)
    acc = 0.0
    for spec in criteria:  # a plain loop: the same sum, bit for bit, as Reranker's columns
        acc += spec.weight * normalised(spec, _value(spec, values))
    return _settled(100.0 * acc / total_weight)


class GridKind(StrEnum):
    """How a grid turns values into a score; every kind lands on the same 0–100 scale."""

    WEIGHTED = "weighted"
    RICE = "rice"
    WSJF = "wsjf"
    ICE = "ice"


FORMULA_ROLES: dict[GridKind, tuple[str, ...]] = {
    GridKind.RICE: ("reach", "impact", "confidence", "effort"),
    GridKind.WSJF: ("value", "time_criticality", "risk_reduction", "job_size"),
    GridKind.ICE: ("impact", "confidence", "ease"),
}
"""Criterion keys each formula needs; a formula grid may not drop any of them."""

_DIVISORS = {GridKind.RICE: "effort", GridKind.WSJF: "job_size"}
_FORMULA_NAMES = {GridKind.RICE: "RICE", GridKind.WSJF: "WSJF", GridKind.ICE: "ICE"}


@dataclass(frozen=True)
class Grid:
    """A scoring grid: its criteria and the way they combine.

    Every kind gives 100 to the best need the grid can describe and keeps the
    ranking its own formula gives, so scores of different grids read alike:

    - weighted: the weighted mean of each value's position on its scale (a cost
      criterion counts backwards);
    - RICE (reach x impact x confidence / effort) and ICE (impact x confidence x
      ease): the weighted geometric mean of each factor's ratio to its best value
      (value / maximum, or minimum / value for the divisor). With equal weights
      that is the formula's own result over its best possible result, to the
      power 1/n: the same order as the raw formula, spread over 0–100;
    - WSJF ((value + time criticality + risk reduction) / job size): the cost of
      delay as a share of its maximum (weights weigh its three parts) and the
      job-size ratio, combined the same geometric way.

    A weight is how much a criterion counts: a factor in the weighted mean, an
    exponent in the products. Changing it is what the what-if panel does.
    """

    name: str
    kind: GridKind
    criteria: tuple[CriterionSpec, ...]

    def spec(self, key: str) -> CriterionSpec | None:
        return next((c for c in self.criteria if c.key == key), None)

    def validate(self) -> None:
        """Raise :class:`ScoringError` for a grid that cannot score any need."""
        _check_criteria(self.criteria)
        if self.kind is GridKind.WEIGHTED:
            return
        formula = _FORMULA_NAMES[self.kind]
        for role in FORMULA_ROLES[self.kind]:
            spec = self.spec(role)
            if spec is None:
                raise ScoringError("scoring.missing_role", formula=formula, role=role)
            if role == _DIVISORS.get(self.kind) and spec.scale_min <= 0:
                raise ScoringError("scoring.formula_scale", criterion=spec.label, formula=formula)
            if spec.scale_min < 0:
                raise ScoringError("scoring.formula_scale", criterion=spec.label, formula=formula)

    def score(self, values: Mapping[str, float]) -> float:
        """The need's score, 0 to 100, as precise as computed (:func:`_settled`); only its
        text, :func:`score_text`, is rounded."""
        self.validate()
        if self.kind is GridKind.WEIGHTED:
            return weighted_score(self.criteria, values)
        if self.kind is GridKind.WSJF:
            return self._wsjf(values)
        factors = []
        for role in FORMULA_ROLES[self.kind]:
            spec = self.spec(role)
            assert spec is not None
            factors.append(
                (self._ratio(spec, values, divisor=role == _DIVISORS.get(self.kind)), spec.weight)
            )
        return _geometric(factors)

    def raw(self, values: Mapping[str, float]) -> float | None:
        """The formula's own number (RICE, WSJF, ICE) for the form; None for a weighted grid."""
        self.validate()
        if self.kind is GridKind.WEIGHTED:
            return None
        v = {role: _value(self.spec(role), values) for role in FORMULA_ROLES[self.kind]}  # type: ignore[arg-type]
        if self.kind is GridKind.RICE:
            return v["reach"] * v["impact"] * v["confidence"] / v["effort"]
        if self.kind is GridKind.WSJF:
            return (v["value"] + v["time_criticality"] + v["risk_reduction"]) / v["job_size"]
        return v["impact"] * v["confidence"] * v["ease"]

    @staticmethod
    def _ratio(spec: CriterionSpec, values: Mapping[str, float], *, divisor: bool) -> float:
        """How close a value is to its best: 1 at best, towards 0 at worst.

        A divisor's scale starts above 0 (``validate``), so an effort of 0 is refused
        as out of range before anything divides by it.
        """
        value = _value(spec, values)
        return spec.scale_min / value if divisor else value / spec.scale_max

    def _wsjf(self, values: Mapping[str, float]) -> float:
        parts = [self.spec(role) for role in FORMULA_ROLES[GridKind.WSJF][:3]]
        size = self.spec("job_size")
        assert size is not None and all(p is not None for p in parts)
        best = sum(p.weight * p.scale_max for p in parts)  # type: ignore[union-attr]
        delay = sum(p.weight * _value(p, values) for p in parts) / best  # type: ignore[arg-type, union-attr]
        # The cost of delay weighs as much as its parts on average: scaling every weight
        # alike changes nothing, as for RICE and ICE.
        delay_weight = sum(p.weight for p in parts) / len(parts)  # type: ignore[union-attr]
        return _geometric(
            [(delay, delay_weight), (self._ratio(size, values, divisor=True), size.weight)]
        )

    def scorer(self) -> Callable[[Mapping[str, float]], float]:
        """``score`` for many needs: the grid is checked once, not once per need.

        What-if re-ranks every scored need on each weight change; checking the
        grid 10,000 times would be most of that time.
        """
        self.validate()
        if self.kind is GridKind.WEIGHTED:
            total = sum(c.weight for c in self.criteria)
            specs = [
                (
                    c.key,
                    c.weight,
                    c.scale_min,
                    c.scale_max,
                    c.scale_max - c.scale_min,
                    c.direction is Direction.BENEFIT,
                    c,
                )
                for c in self.criteria
            ]

            def weighted(values: Mapping[str, float]) -> float:
                acc = 0.0
                for key, share, low, high, span, benefit, spec in specs:
                    value = values.get(key)
                    if value is None or not low <= value <= high:  # NaN fails too
                        _value(spec, values)  # raises the message that says why
                    position = (value - low) / span  # type: ignore[operator]
                    acc += share * (position if benefit else 1.0 - position)
                return _settled(100.0 * acc / total)  # the same arithmetic as weighted_score

            return weighted
        if self.kind is GridKind.WSJF:
            return self._wsjf
        divisor = _DIVISORS.get(self.kind)
        specs = [(self.spec(role), role == divisor) for role in FORMULA_ROLES[self.kind]]
        return lambda values: _geometric(
            [(self._ratio(spec, values, divisor=d), spec.weight) for spec, d in specs]  # type: ignore[arg-type, union-attr]
        )

    def value_effort(self, values: Mapping[str, float]) -> tuple[float, float]:
        """Where a need sits on the value / effort matrix: two numbers from 0 to 100.

        Value gathers what the grid counts as benefit, effort what it counts as
        cost (100 = the most effort the grid can describe), each the grid's own
        way: weighted means for a weighted grid, the formula's numerator and its
        divisor for RICE and WSJF, ICE's ease read backwards. A grid without a
        benefit (or a cost) criterion puts every need in the middle of that axis.
        """
        self.validate()
        if self.kind is GridKind.WEIGHTED:
            benefits = [c for c in self.criteria if c.direction is Direction.BENEFIT]
            costs = [c for c in self.criteria if c.direction is Direction.COST]
            return _mean_position(benefits, values), _mean_position(costs, values)
        specs = {role: self.spec(role) for role in FORMULA_ROLES[self.kind]}
        if self.kind is GridKind.WSJF:
            parts = [specs["value"], specs["time_criticality"], specs["risk_reduction"]]
            best = sum(p.weight * p.scale_max for p in parts)  # type: ignore[union-attr]
            delay = sum(p.weight * _value(p, values) for p in parts) / best  # type: ignore[arg-type, union-attr]
            return _settled(100.0 * delay), _mean_position([specs["job_size"]], values)  # type: ignore[list-item]
        gains = (
            ("impact", "confidence") if self.kind is GridKind.ICE else FORMULA_ROLES[self.kind][:3]
        )
        value = _geometric(
            [(self._ratio(specs[r], values, divisor=False), specs[r].weight) for r in gains]  # type: ignore[arg-type, union-attr]
        )
        if self.kind is GridKind.ICE:  # easy means little effort
            return value, _settled(100.0 - _mean_position([specs["ease"]], values))  # type: ignore[list-item]
        return value, _mean_position([specs["effort"]], values)  # type: ignore[list-item]

    def with_weight(self, key: str, weight: float) -> Grid:
        """The same grid with one criterion weighted differently (what-if)."""
        return Grid(
            self.name,
            self.kind,
            tuple(replace(c, weight=weight) if c.key == key else c for c in self.criteria),
        )


def _mean_position(criteria: Sequence[CriterionSpec], values: Mapping[str, float]) -> float:
    """Weighted mean of raw positions on the scales (0 = scale minimum), 0–100; 50 if none."""
    if not criteria:
        return 50.0
    total = sum(c.weight for c in criteria)
    acc = sum(
        c.weight * (_value(c, values) - c.scale_min) / (c.scale_max - c.scale_min) for c in criteria
    )
    return _settled(100.0 * acc / total)


def _geometric(factors: Sequence[tuple[float, float]]) -> float:
    """100 x the weighted geometric mean of ratios in [0, 1]; any zero factor gives 0."""
    total = sum(weight for _ratio, weight in factors)
    if any(ratio <= 0 for ratio, _weight in factors):
        return 0.0
    acc = 0.0
    for ratio, weight in factors:  # not sum(): Python 3.12 compensates it, Reranker cannot
        acc += weight * math.log(ratio)
    return _settled(100.0 * math.exp(acc / total))


class Ranked(NamedTuple):
    """A need's place in the backlog; ``tie`` says which rule separated it from equals.

    A tuple, not a frozen dataclass: what-if builds 10,000 of these per weight change.
    """

    need_id: int
    score: float
    rank: int
    tie: str | None = None
    """None, or "decision" / "older" when another need has the same score."""


DECISION_ORDER: dict[str | None, int] = {
    Decision.GO: 0,
    Decision.EXPLORE: 1,
    Decision.PENDING: 2,
    None: 3,
    Decision.NO_GO: 4,
}


def rank(entries: Sequence[tuple[int, float, str | None]]) -> list[Ranked]:
    """Order (need id, score, decision) by score; equal scores are ordered, not shuffled.

    Ties go to the need whose decision is further along (go, explore, pending,
    unscored, no-go), then to the older need (smaller id): every order the
    backlog shows can be explained, and it is the same every time.
    """

    order = DECISION_ORDER
    # Three stable sorts on simple keys (older first, then decision, then score) give
    # the order of one sort on (-score, decision, id) four times faster: what-if
    # ranks 10,000 needs on every weight change.
    ordered = sorted(entries, key=itemgetter(0))
    ordered.sort(key=lambda e: order.get(e[2], 3))
    ordered.sort(key=itemgetter(1), reverse=True)
    ranked: list[Ranked] = []
    last = len(ordered) - 1
    for index, (need_id, score, decision) in enumerate(ordered):
        tie = None
        if index and ordered[index - 1][1] == score:
            other = ordered[index - 1]
        elif index < last and ordered[index + 1][1] == score:
            other = ordered[index + 1]
        else:
            other = None
        if other is not None:
            same = order.get(other[2], 3) == order.get(decision, 3)
            tie = "older" if same else "decision"
        ranked.append(Ranked(need_id, score, index + 1, tie))
    return ranked


_NEED_ID, _RANK = itemgetter(0), itemgetter(2)
"""A :class:`Ranked`'s need and place, read without an attribute lookup."""


class WhatIf(NamedTuple):
    """The backlog re-ranked with other weights, and how far each need moved."""

    ranked: list[Ranked]
    moved: dict[int, int]
    """Places gained (positive) or lost (negative) by each need."""


class Reranker:
    """Re-ranks many needs on one grid as its weights change: what-if at typing speed.

    Each need's values become, once, one term per criterion that no weight
    changes: its position on the scale for a weighted grid, the log of its ratio
    to the best for RICE and ICE. A weight change then costs one weighted sum per
    need, with the same arithmetic as :meth:`Grid.score`, so the scores are equal
    to the last digit. WSJF, whose cost of delay puts weights inside a ratio,
    scores each need in full.
    """

    def __init__(self, grid: Grid, values: Mapping[int, Mapping[str, float]]) -> None:
        grid.validate()
        self.grid = grid
        self.values = values
        self._linear = grid.kind is GridKind.WEIGHTED
        self._keys: tuple[str, ...] = ()
        self._ids: list[int] = sorted(values)
        """The needs in the order of their ids, the ranking's last tie-break: its first
        sort then finds them in order."""
        self._columns: list[list[float]] = []
        self._zero: list[bool] = []
        """RICE and ICE needs with a factor at 0: their score is 0 whatever the weights."""
        if grid.kind is GridKind.WSJF:
            return
        if self._linear:
            specs = list(grid.criteria)
            self._columns = [
                [normalised(spec, _value(spec, values[i])) for i in self._ids] for spec in specs
            ]
        else:
            divisor = _DIVISORS.get(grid.kind)
            specs = [grid.spec(role) for role in FORMULA_ROLES[grid.kind]]  # type: ignore[misc]
            ratios = [
                [Grid._ratio(spec, values[i], divisor=spec.key == divisor) for i in self._ids]  # type: ignore[arg-type]
                for spec in specs
            ]
            self._zero = [any(r <= 0 for r in need) for need in zip(*ratios, strict=True)]
            self._columns = [[math.log(r) if r > 0 else 0.0 for r in column] for column in ratios]
        self._keys = tuple(spec.key for spec in specs)  # type: ignore[union-attr]

    def scores(self, grid: Grid) -> list[tuple[int, float]]:
        """Every need's score on ``grid``: this grid with other weights."""
        return list(zip(self._ids, self._scores(grid), strict=True))

    def _scores(self, grid: Grid) -> list[float]:
        """The scores of :meth:`scores`, in the order of the needs' ids."""
        if [replace(c, weight=1.0) for c in grid.criteria] != [
            replace(c, weight=1.0) for c in self.grid.criteria
        ] or grid.kind is not self.grid.kind:
            raise ValueError("the grid differs by more than its weights")
        grid.validate()  # a zero or negative weight is refused here, as for saving
        if grid.kind is GridKind.WSJF:
            score, values = grid.scorer(), self.values
            return [score(values[need_id]) for need_id in self._ids]
        by_key = {c.key: c.weight for c in grid.criteria}
        weights = [by_key[k] for k in self._keys]
        total = sum(weights)
        # One pass per criterion over a column of terms: the same additions, in the
        # same order, as score's plain loops, for a fraction of the interpreter's work.
        sums = [0.0 + weights[0] * t for t in self._columns[0]]
        for weight, column in zip(weights[1:], self._columns[1:], strict=True):
            sums = [acc + weight * t for acc, t in zip(sums, column, strict=True)]
        if self._linear:
            return [_settled(100.0 * acc / total) for acc in sums]
        exp = math.exp
        return [
            0.0 if zero else _settled(100.0 * exp(acc / total))
            for acc, zero in zip(sums, self._zero, strict=True)
        ]

    def what_if(
        self,
        grid: Grid,
        decisions: Mapping[int, str | None],
        current: Sequence[Ranked],
        fixed: Mapping[int, float] | None = None,
    ) -> WhatIf:
        """Re-rank on ``grid`` (weights changed) without touching saved assessments.

        ``fixed`` holds the scores of needs scored on other grids, which the new
        weights do not change but which still share the ranking. ``current`` is
        the ranking before the change, so each need can show how far it moved.
        """
        # Tens of thousands of short-lived tuples: a cyclic-GC pass over the whole heap
        # in the middle (the app holds every need row) would double the time, and none
        # of these objects can form a cycle.
        collecting = gc.isenabled()
        gc.disable()
        try:
            # Built with map and zip rather than comprehensions: no interpreted step per
            # need where C can do the walk.
            get, ids = decisions.get, self._ids
            entries = list(zip(ids, self._scores(grid), map(get, ids), strict=True))
            if fixed:
                entries.extend(
                    (need_id, s, get(need_id))
                    for need_id, s in fixed.items()
                    if need_id not in self.values
                )
            ranked = rank(entries)
            need_ids = list(map(_NEED_ID, ranked))
            places = list(map(_RANK, ranked))
            before = dict(zip(map(_NEED_ID, current), map(_RANK, current), strict=True))
            # A need new to the ranking has not moved: its place counts as its place before.
            moved = dict(
                zip(need_ids, map(sub, map(before.get, need_ids, places), places), strict=True)
            )
        finally:
            if collecting:
                gc.enable()
        return WhatIf(ranked, moved)


def what_if(
    grid: Grid,
    values: Mapping[int, Mapping[str, float]],
    decisions: Mapping[int, str | None],
    current: Sequence[Ranked],
    fixed: Mapping[int, float] | None = None,
) -> WhatIf:
    """Re-rank needs on ``grid`` (weights changed) without touching saved assessments.

    ``values`` holds each need's latest values on this grid. For many weight
    changes over the same needs, keep a :class:`Reranker` instead.
    """
    return Reranker(grid, values).what_if(grid, decisions, current, fixed)


def score_text(score: float) -> str:
    """A score as the app shows it, on screen and in print: a whole number, halves to
    the even one as Python rounds (62.5 → "62", 87.5 → "88").

    The one rounding a reader sees: the score it is given is kept as computed
    (:func:`_settled`), so 10.5 / 11 = 95.4545… shows "95", as by hand."""
    return f"{score:.0f}"
