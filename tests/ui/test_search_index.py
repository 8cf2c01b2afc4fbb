"""The board's search narrows as the user types, and finds exactly what a full scan finds."""

from __future__ import annotations

import random
from datetime import datetime

from po_desktop.domain.text import search_text
from po_desktop.store.queries import NeedRow
from po_desktop.ui.filtering import NeedFilter, SearchIndex

WORDS = [
    "facture",
    "Factures",
    "export",
    "Exporté",
    "client",
    "clientèle",
    "congés",
    "CONGES",
    "paie",
    "paiement",
]
WORDS += ["œuvre", "oeuvre", "relance", "l’été", "l'ete", "fac", "e"]


def _row(need_id: int, title: str, problem: str, project_id: int) -> NeedRow:
    key = f"ERP-{need_id}"
    return NeedRow(
        need_id, key, title, CountedText(search_text(key, title, problem)), True, project_id,
        "ERP", "#000", 1, "À faire", 0, need_id, None, "team", "", False, "", None, None, None,
        None, None, None, None, datetime(2026, 1, 1), None,
    )  # fmt: skip


def _rows(count: int, seed: int) -> list[NeedRow]:
    pick = random.Random(seed)
    rows = [
        _row(i, " ".join(pick.sample(WORDS, 3)), " ".join(pick.sample(WORDS, 2)), 1 + i % 3)
        for i in range(1, count + 1)
    ]
    CountedText.looked = 0
    return rows


class CountedText(str):
    """A card's search text that counts how often a search looked into it."""

    looked = 0

    def __contains__(self, part: object) -> bool:
        CountedText.looked += 1
        return super().__contains__(part)  # type: ignore[operator]


def _plain(rows: list[NeedRow]) -> list[NeedRow]:
    """The same rows, with search texts that count nothing: what a full search finds."""
    return [row._replace(text=str(row.text)) for row in rows]


def test_each_keystroke_finds_exactly_what_a_full_search_finds() -> None:
    rows = _rows(2_000, seed=21)
    index, plain = SearchIndex(), _plain(rows)
    pick = random.Random(7)
    typed = ""
    for _ in range(400):
        action = pick.random()
        if action < 0.55:
            typed += pick.choice("aefcilnoprstuxé’' œ")
        elif action < 0.85:
            typed = typed[:-1]
        elif action < 0.95:
            typed = pick.choice(WORDS)[: pick.randint(1, 6)]
        else:
            typed = ""
        wanted = NeedFilter(text=typed, project_id=pick.choice([None, None, None, 2]))
        assert index.shown(wanted, rows) == wanted.apply(plain)


def test_a_longer_search_looks_only_among_the_cards_the_shorter_one_found() -> None:
    rows = _rows(3_000, seed=3)
    index = SearchIndex()
    found = index.apply(NeedFilter(text="fact"), rows)
    assert CountedText.looked == len(rows)
    CountedText.looked = 0
    narrower = index.apply(NeedFilter(text="factu"), rows)
    assert CountedText.looked == len(found) < len(rows)
    assert narrower == NeedFilter(text="factu").apply(_plain(rows))
    CountedText.looked = 0  # erasing the letter gives back the earlier cards without a search
    assert index.apply(NeedFilter(text="fact"), rows) == found
    assert CountedText.looked == 0


def test_another_filter_or_cleared_index_searches_all_cards_again() -> None:
    rows = _rows(1_000, seed=5)
    index = SearchIndex()
    index.apply(NeedFilter(text="cli"), rows)
    CountedText.looked = 0
    in_project = NeedFilter(text="clie", project_id=2)
    assert index.apply(in_project, rows) == in_project.apply(_plain(rows))
    assert CountedText.looked == sum(row.project_id == 2 for row in rows)
    renamed = [_row(1, "clients partout", "", rows[0].project_id), *rows[1:]]
    index.clear()
    found = index.apply(in_project, renamed)
    assert found == in_project.apply(_plain(renamed))
    assert renamed[0] in found
