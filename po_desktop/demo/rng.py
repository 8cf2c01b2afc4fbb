"""The demo's one source of randomness, with cheap draws."""

from __future__ import annotations

import bisect
import itertools
import random
from collections.abc import Sequence
from typing import Any


class Rng(random.Random):
    """``random.Random`` whose ``choice`` costs one float draw, not a bit-rejection loop.

    Still fully determined by the seed; a 10,000-need demo makes ~100,000 choices.
    """

    def choice(self, seq: Sequence[Any]) -> Any:
        return seq[int(self.random() * len(seq))]

    def between(self, lo: int, hi: int) -> int:
        """An integer in [lo, hi], like ``randint``."""
        return lo + int(self.random() * (hi - lo + 1))

    def weighted(self, table: tuple[Sequence[Any], list[float]]) -> Any:
        """A draw from (population, cumulative weights) prepared by :func:`cumulative`."""
        population, cumulative = table
        return population[bisect.bisect(cumulative, self.random() * cumulative[-1])]


def cumulative(pairs: Sequence[tuple[Any, float]]) -> tuple[list[Any], list[float]]:
    population = [p[0] for p in pairs]
    return population, list(itertools.accumulate(p[1] for p in pairs))
