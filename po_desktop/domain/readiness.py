"""A column's entry rules (its "definition of ready"), and which of them a need breaks.

A board column may ask that a need arriving in it has a problem statement, an
estimate and a go decision. Breaking a rule is never forbidden: the move asks
first, like a work-in-progress limit. The words are the interface's business;
here are only the rules.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable

from po_desktop.domain.enums import Decision


class EntryRule(enum.Enum):
    """What a need must have to enter a column; declared in the order messages list them."""

    PROBLEM = "problem"
    ESTIMATE = "estimate"
    GO = "go"


ENTRY_RULES: tuple[EntryRule, ...] = tuple(EntryRule)


def has_problem(problem: str) -> bool:
    """A problem statement that says something: whitespace alone is no statement."""
    return bool(problem.strip())


def has_estimate(points: float | str | None) -> bool:
    """Points were given, 0 included: a zero is the team saying "trivial", an estimate
    like any other (the service and the CSV keep it apart from "not estimated", which is
    None). Text is what a user typed in a form: any text is an estimate, which the
    service then parses and checks."""
    if isinstance(points, str):
        return bool(points.strip())
    return points is not None


def has_go(decision: str | None) -> bool:
    """The need's current decision (its latest assessment) is go; none at all is not."""
    return decision == Decision.GO.value


def unmet_entry_rules(
    rules: Iterable[EntryRule],
    *,
    problem: str | bool,
    points: float | str | None,
    decision: str | None,
) -> tuple[EntryRule, ...]:
    """The rules among ``rules`` that a need with these facts breaks, in declaration order.
    ``problem``: the statement, or whether the need has one (all a loaded row keeps)."""
    wanted = frozenset(rules)
    met = {
        EntryRule.PROBLEM: problem if isinstance(problem, bool) else has_problem(problem),
        EntryRule.ESTIMATE: has_estimate(points),
        EntryRule.GO: has_go(decision),
    }
    return tuple(rule for rule in ENTRY_RULES if rule in wanted and not met[rule])
