"""Project colours: each new project gets one its neighbours on the board do not have."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

PROJECT_PALETTE = (
    "#2E86AB",  # blue
    "#E07A1F",  # orange
    "#3B9C5A",  # green
    "#8E5AA8",  # purple
    "#C0392B",  # red
    "#1F9E9E",  # teal
    "#B8860B",  # dark gold
    "#D15C9B",  # pink
    "#5B6C8F",  # slate
    "#7A8B2F",  # olive
    "#A0522D",  # sienna
    "#4A6FA5",  # steel blue
)
"""Distinct hues that stay apart in grey too (printed packs), in the order they are given."""


def next_project_colour(used: Iterable[str]) -> str:
    """The first palette colour no project has; once all are taken, the least used one."""
    counts = Counter(colour.upper() for colour in used)
    return min(PROJECT_PALETTE, key=lambda colour: (counts[colour], PROJECT_PALETTE.index(colour)))
