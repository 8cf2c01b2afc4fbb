"""A line of docs/benchmarks.md, as the scripts print it in their last JSON object."""

from __future__ import annotations


def row(
    what: str, size: str, seconds: float, goal: float | None, detail: str = ""
) -> dict[str, object]:
    """One line of docs/benchmarks.md, in the shape bench/run_all.py reads."""
    return {
        "what": what,
        "size": size,
        "value": round(seconds, 4),
        "unit": "s",
        "goal": goal,
        "met": None if goal is None else seconds < goal,
        "detail": detail,
    }


def at_most(
    what: str,
    size: str,
    value: float,
    unit: str,
    goal: float | None = None,
    detail: str = "",
    headline: str = "",
) -> dict[str, object]:
    """A line of docs/benchmarks.md whose goal, if any, is an upper bound (met at ≤ goal),
    as the goals of issue 21 are written; ``unit`` "×" for a ratio to a floor. A
    ``headline`` (a key of ``run_all.HEADLINES``) also puts it in the summary table."""
    return {
        "headline": headline,
        "what": what,
        "size": size,
        "value": round(value, 4),
        "unit": unit,
        "goal": goal,
        "met": None if goal is None else value <= goal,
        "detail": detail,
        "op": "≤",
    }
