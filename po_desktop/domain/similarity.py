"""Needs that look alike: the ones a new title may duplicate.

Titles are compared by their words, folded (no case, no accent: "Relances facture"
matches "relance des factures"), the little words dropped, each word cut to its first
six letters so that plurals and derived forms meet ("facturation", "factures"). Rare
words weigh more than common ones (a word in every title says nothing); the score is the
cosine of the two weighted word sets, from 0 (nothing shared) to 1 (the same words).
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Hashable, Iterable
from typing import Generic, TypeVar

from po_desktop.domain.text import fold

K = TypeVar("K", bound=Hashable)

STEM = 6
"""Letters kept of each word."""
MIN_SCORE = 0.3
"""Below this, two titles share too little to be worth showing."""

_WORD = re.compile(r"[^\W_]+")
_LITTLE_WORDS = """
    les des une aux pour par dans sur avec sans sous entre vers chez que qui quoi dont est
    sont pas plus moins tout tous toute toutes son ses leur leurs nos vos notre votre cette
    ces mais ou donc car afin lors ainsi comme
    the and for with from into onto that this these those are was were not all any our your
    their its can should would could will has have how what when where which who why
"""
_LITTLE = frozenset(_LITTLE_WORDS.split())


def words(title: str) -> frozenset[str]:
    """The words of a title that count, folded and stemmed."""
    return frozenset(
        word[:STEM]
        for word in _WORD.findall(fold(title))
        if (len(word) >= 3 or word.isdigit()) and word not in _LITTLE
    )


class SimilarityIndex(Generic[K]):
    """Titles by key, ready to be compared with a new one."""

    def __init__(self, titles: Iterable[tuple[K, str]]) -> None:
        self._words: list[tuple[K, frozenset[str]]] = [(key, words(t)) for key, t in titles]
        counts: Counter[str] = Counter()
        for _key, found in self._words:
            counts.update(found)
        total = len(self._words)
        self._weights = {word: math.log((total + 1) / (n + 1)) + 1 for word, n in counts.items()}
        self._unknown = math.log(total + 1) + 1
        self._by_word: dict[str, list[int]] = {}
        for index, (_key, found) in enumerate(self._words):
            for word in found:
                self._by_word.setdefault(word, []).append(index)

    def __len__(self) -> int:
        return len(self._words)

    def _norm(self, found: Iterable[str]) -> float:
        return math.sqrt(sum(self._weight(w) ** 2 for w in found))

    def _weight(self, word: str) -> float:
        return self._weights.get(word, self._unknown)

    def similar(
        self, title: str, *, limit: int = 3, exclude: Iterable[K] = ()
    ) -> list[tuple[K, float]]:
        """The ``limit`` keys whose titles come closest to ``title``, best first, with
        their score; only those scoring :data:`MIN_SCORE` or more."""
        query = words(title)
        if not query:
            return []
        left_out = set(exclude)
        shared: dict[int, float] = {}
        for word in query:
            weight = self._weight(word) ** 2
            for index in self._by_word.get(word, ()):
                shared[index] = shared.get(index, 0.0) + weight
        query_norm = self._norm(query)
        scored: list[tuple[float, int]] = []
        for index, overlap in shared.items():
            key, found = self._words[index]
            if key in left_out:
                continue
            score = overlap / (query_norm * self._norm(found))
            if score >= MIN_SCORE:
                scored.append((score, index))
        scored.sort(key=lambda item: (-item[0], item[1]))
        return [(self._words[index][0], round(score, 4)) for score, index in scored[:limit]]
