"""Sparse integer ranks: a move rewrites one card, not the whole column.

Ranks are spaced by ``STEP``; a card dropped between two neighbours takes the
midpoint. When neighbours touch, the column is renumbered (rare, and reported
so that undo can restore every rank it changed).
"""

from __future__ import annotations

STEP = 1 << 16


def spread(count: int) -> list[int]:
    """Evenly spaced ranks for ``count`` cards in order."""
    return [(i + 1) * STEP for i in range(count)]


def between(before: int | None, after: int | None) -> int | None:
    """A rank strictly between two neighbours, or None when there is no room.

    ``before`` is the rank of the card above (None at the top), ``after`` the
    card below (None at the bottom).
    """
    if before is None and after is None:
        return STEP
    if before is None:
        assert after is not None
        return after - STEP if after - STEP > 0 else (after // 2 if after > 1 else None)
    if after is None:
        return before + STEP
    if after - before < 2:
        return None
    return before + (after - before) // 2
