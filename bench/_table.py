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
