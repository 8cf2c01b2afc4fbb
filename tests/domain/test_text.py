"""Folding: what a French user types without accents finds what was written with them."""

from __future__ import annotations

import random
import sys

import pytest

from po_desktop.domain.text import NameIndex, _fold_char, fold, search_key, search_text


@pytest.mark.parametrize(
    ("typed", "folded"),
    [
        ("Congés payés", "conges payes"),
        ("ÉTÉ", "ete"),
        ("È à ù â ê î ô û ë ï ü ÿ", "e a u a e i o u e i u y"),
        ("œuvre", "oeuvre"),
        ("Œuvre", "oeuvre"),
        ("ŒUVRE", "oeuvre"),
        ("Ça, façade", "ca, facade"),
        ("Straße", "strasse"),
        ("STRAẞE", "strasse"),
        ("Ænéide, cæcum", "aeneide, caecum"),
        ("Søren, Ø", "soren, o"),
        ("Łódź", "lodz"),
        ("Đorđe, Ð, ð", "dorde, d, d"),
        ("ı", "i"),
        ("İstanbul", "istanbul"),
        ("Þór", "thor"),
        ("ﬁchier", "fichier"),  # a ligature from a PDF
        ("e\u0301te\u0301", "ete"),  # decomposed accents (macOS file names, some e-mails)
        ("l’été", "l'ete"),
        ("l‘été", "l'ete"),
        ("lʼété", "l'ete"),
        ("10\u00a0000\u00a0€", "10 000 €"),
        ("Pourquoi\u202f?", "pourquoi ?"),
        ("Άλφα, Ёлка", "αλφα, елка"),
        ("", ""),
    ],
)
def test_fold(typed: str, folded: str) -> None:
    assert fold(typed) == folded


@pytest.mark.parametrize(
    "kept",
    [
        "😀 🇫🇷 👩\u200d💻 1\ufe0f\u20e3 👍🏽",  # emoji, flags, sequences, keycaps, skin tones
        "東京 — 2 × 3 ÷ 4 « » ¿ ¡ § ° £ €",
        "a  b\tc\nd – e",  # runs of spaces, tabs, line breaks and dashes stay as they are
        "´ ¨ ¸",  # spacing accents are signs, not spaces
        "???",
    ],
)
def test_fold_keeps_what_has_no_case_or_accent(kept: str) -> None:
    assert fold(kept) == kept


def test_fold_sorts_accented_names_with_their_letter() -> None:
    names = ["Zoé", "Émilie", "denis", "Fanny", "Œdipe", "Éric", "oscar"]
    assert sorted(names, key=fold) == ["denis", "Émilie", "Éric", "Fanny", "Œdipe", "oscar", "Zoé"]


def test_fold_of_a_text_is_the_fold_of_each_character() -> None:
    """ASCII, Latin-1 and wider texts take different paths; all give the same result."""
    rng = random.Random(14)
    pool = [chr(c) for c in range(0x250)] + list("’‘ʼœŒẞ\u202f\u0301\u0327😀東€—?")
    for _ in range(5000):
        text = "".join(rng.choice(pool) for _ in range(rng.randint(0, 12)))
        assert fold(text) == "".join(_fold_char(c) for c in text), ascii(text)


def test_fold_changes_nothing_already_folded() -> None:
    every = "".join(chr(c) for c in range(0x10000) if not 0xD800 <= c < 0xE000)
    folded = fold(every)
    assert fold(folded) == folded


def test_a_search_in_a_need_text_finds_what_the_folded_texts_would() -> None:
    """Search texts are kept as UTF-8 (half the memory beyond Latin-1): the same finds."""
    pick = random.Random(11)
    letters = "aeéEÉ€—œ’' 1-ßñ日本\n"
    for _ in range(2000):
        key, title, problem = ("".join(pick.choices(letters, k=pick.randint(0, 8))) for _ in "kt.")
        whole = fold(f"{key}\n{title}\n{problem}")
        typed = "".join(pick.choices(letters, k=pick.randint(1, 3)))
        assert (search_key(typed) in search_text(key, title, problem)) == (fold(typed) in whole)
    assert search_key("coût—délai") in search_text("ERP-1", "Coût — délai", "Le COÛT—DÉLAI")


def test_names_are_found_exactly_then_regardless_of_case_then_of_accents() -> None:
    index = NameIndex([("Sprint Été", 1), ("Sprint Ete", 2), ("Sprint Œuvre", 3), ("Revue", 4)])
    assert index.find("Sprint Été") == [("Sprint Été", 1)]  # each exact name finds its own
    assert index.find("Sprint Ete") == [("Sprint Ete", 2)]
    assert index.find("SPRINT ÉTÉ") == [("Sprint Été", 1)]  # the case-insensitive match wins
    assert index.find("sprint ete") == [("Sprint Ete", 2)]
    assert index.find("sprint éte") == [("Sprint Été", 1), ("Sprint Ete", 2)]  # ambiguous
    assert index.find("sprint oeuvre") == [("Sprint Œuvre", 3)]
    assert index.find("REVUE") == [("Revue", 4)]
    assert index.find("Revues") == []
    assert NameIndex([]).find("") == []


@pytest.mark.slow
def test_every_character_folds_once_and_for_all() -> None:
    for code in range(sys.maxunicode + 1):
        folded = _fold_char(chr(code))
        assert "".join(_fold_char(c) for c in folded) == folded, hex(code)
