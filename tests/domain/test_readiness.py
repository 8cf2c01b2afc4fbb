"""A column's entry rules: which ones a need breaks."""

from __future__ import annotations

import pytest

from po_desktop.domain.readiness import EntryRule, unmet_entry_rules

ALL = frozenset(EntryRule)


def test_a_ready_need_breaks_nothing() -> None:
    assert (
        unmet_entry_rules(ALL, problem="Les relances partent à la main", points=3, decision="go")
        == ()
    )


def test_a_bare_need_breaks_every_rule_in_order() -> None:
    unmet = unmet_entry_rules(
        [EntryRule.GO, EntryRule.PROBLEM, EntryRule.ESTIMATE],
        problem="",
        points=None,
        decision=None,
    )
    assert unmet == (EntryRule.PROBLEM, EntryRule.ESTIMATE, EntryRule.GO)


def test_only_the_column_s_rules_count() -> None:
    assert unmet_entry_rules([], problem="", points=None, decision=None) == ()
    assert unmet_entry_rules([EntryRule.ESTIMATE], problem="", points=None, decision=None) == (
        EntryRule.ESTIMATE,
    )


@pytest.mark.parametrize("blank", ["", "   ", "\n\t", "\u00a0\u202f"])
def test_a_blank_problem_is_no_problem_statement(blank: str) -> None:
    unmet = unmet_entry_rules([EntryRule.PROBLEM], problem=blank, points=1, decision="go")
    assert unmet == (EntryRule.PROBLEM,)


@pytest.mark.parametrize(
    ("points", "estimated"),
    [
        (None, False),
        (0, True),
        (0.0, True),
        (0.5, True),
        (13, True),
        ("", False),
        (" ", False),
        ("0", True),
        ("0,5", True),
    ],
)
def test_zero_points_is_an_estimate_and_nothing_is_not(
    points: float | str | None, estimated: bool
) -> None:
    unmet = unmet_entry_rules([EntryRule.ESTIMATE], problem="x", points=points, decision="go")
    assert unmet == (() if estimated else (EntryRule.ESTIMATE,))


@pytest.mark.parametrize(
    ("decision", "go"),
    [("go", True), (None, False), ("pending", False), ("no_go", False), ("explore", False)],
)
def test_only_a_go_decision_is_a_go(decision: str | None, go: bool) -> None:
    unmet = unmet_entry_rules([EntryRule.GO], problem="x", points=1, decision=decision)
    assert unmet == (() if go else (EntryRule.GO,))
