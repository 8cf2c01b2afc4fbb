"""Text as a person types it: search and name matching that ignore case and accents.

French users type "conges" for "congés", "oeuvre" for "œuvre", "ETE" for "Été", and
their word processor puts ’ where the keyboard gives '. :func:`fold` maps all of
these to one form; every search, filter and look-up by name compares folded texts,
and shows or stores the text as typed.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from typing import Generic, TypeVar

K = TypeVar("K")

_LETTERS = {
    # Letters that Unicode does not decompose into a base letter and an accent.
    "œ": "oe",
    "æ": "ae",
    "ø": "o",
    "ł": "l",
    "đ": "d",
    "ð": "d",
    "ħ": "h",
    "ŧ": "t",
    "ı": "i",
    "ȷ": "j",
    "þ": "th",
    # Typographic apostrophes and single quotes: a keyboard types '.
    "\u2018": "'",
    "\u2019": "'",
    "\u201b": "'",
    "\u02bc": "'",
}


def _fold_char(char: str) -> str:
    """One character folded: its compatibility decomposition without the combining
    marks, case folded, then the letters above."""
    bare = "".join(c for c in unicodedata.normalize("NFKD", char) if not unicodedata.combining(c))
    if bare.isspace() and not char.isspace():
        bare = char  # a spacing accent (´ ¨ ¸) decomposes to a space: keep the sign itself
    return "".join(_LETTERS.get(c, c) for c in bare.casefold())


class _FoldedChars(dict[int, str]):
    """Code point → the character folded, computed the first time it is met."""

    def __missing__(self, code: int) -> str:
        folded = self[code] = _fold_char(chr(code))
        return folded


_CHARS = _FoldedChars()

# Most French text is Latin-1: folded a byte at a time by ``bytes.translate``. The few
# Latin-1 characters that fold to something longer (æ → ae, ß → ss, ½ → 1⁄2) are kept
# by the table and replaced afterwards.
_LATIN1_TABLE = bytearray(range(256))
_LATIN1_LONGER: list[tuple[str, str]] = []
for _code in range(256):
    _folded = _CHARS[_code]
    if len(_folded) == 1 and ord(_folded) < 256:
        _LATIN1_TABLE[_code] = ord(_folded)
    else:
        _LATIN1_LONGER.append((chr(_code), _folded))
_LATIN1 = bytes(_LATIN1_TABLE)
_LATIN1_LONGER_BYTES = bytes(ord(char) for char, _ in _LATIN1_LONGER)
del _code, _folded


def fold(text: str) -> str:
    """``text`` without case or accents, for comparing what a person typed with what is
    stored: Été → ete, Œuvre → oeuvre, Straße → strasse, Łódź → lodz, l’été → l'ete,
    no-break spaces → spaces. Letters of other scripts lose their marks too; symbols,
    emoji and everything else are kept as they are. Folding a folded text changes nothing.
    """
    if text.isascii():
        return text.lower()
    # One byte per character: beyond Latin-1, each character becomes "?" for now.
    data = text.encode("latin-1", "replace").translate(_LATIN1)
    folded = data.decode("latin-1")
    if b"?" in data:
        folded = _beyond_latin1(text, folded)
    if len(data.translate(None, _LATIN1_LONGER_BYTES)) != len(data):
        for char, longer in _LATIN1_LONGER:
            folded = folded.replace(char, longer)
    return folded


def search_text(key: str, title: str, problem: str) -> str:
    """What a search for a need looks in, folded once: its key, title and problem statement.

    As UTF-8, one byte a character (:func:`_utf8`): half the memory of a text holding
    one character beyond Latin-1 (— or €), which Python keeps in two bytes a character,
    and the same finds: the UTF-8 of a folded search is in it exactly when the folded
    search is in the folded text.
    """
    return _utf8(fold(f"{key}\n{title}\n{problem}"))


def search_key(typed: str) -> str:
    """What a search looks for in :func:`search_text`: ``typed`` folded, as UTF-8."""
    return _utf8(fold(typed))


def _utf8(text: str) -> str:
    """The UTF-8 of ``text``, each byte a character: a ``str``, not ``bytes``, because
    ``in`` on bytes was up to three times slower here (each call takes a buffer of its
    argument)."""
    return text.encode("utf-8", "surrogatepass").decode("latin-1")


def _beyond_latin1(text: str, folded: str) -> str:
    """``folded`` with each "?" that stands for a character beyond Latin-1 replaced by
    that character folded."""
    pieces = []
    start = 0
    at = folded.find("?")
    while at >= 0:
        char = text[at]
        if char != "?":
            pieces += (folded[start:at], _CHARS[ord(char)])
            start = at + 1
        at = folded.find("?", at + 1)
    pieces.append(folded[start:])
    return "".join(pieces)


class NameIndex(Generic[K]):
    """Things found by the name a person types: the exact name first, then the name
    regardless of case, then regardless of case and accents ("sprint ete" finds
    "Sprint Été").

    :meth:`find` gives the (name, key) of every thing that matches at the first of
    these levels that matches any: one is a hit, none a miss, several are ambiguous
    (the caller says so and never picks one). With "Sprint Été" and "Sprint Ete" both
    there, each exact name still finds its own sprint.
    """

    def __init__(self, items: Iterable[tuple[str, K]]) -> None:
        self._levels: tuple[dict[str, list[tuple[str, K]]], ...] = ({}, {}, {})
        for name, key in items:
            for level, form in zip(self._levels, _forms(name), strict=True):
                level.setdefault(form, []).append((name, key))

    def find(self, typed: str) -> list[tuple[str, K]]:
        for level, form in zip(self._levels, _forms(typed), strict=True):
            found = level.get(form)
            if found:
                return found
        return []


def _forms(name: str) -> tuple[str, str, str]:
    """As typed, regardless of case (as the names' uniqueness rules), folded."""
    return name, name.lower(), fold(name)


EMAIL_MAX = 254
"""The longest address a mail server delivers to (RFC 5321's path, less its brackets)."""

_EMAIL = re.compile(r"[^@\s<>()\[\],;:\"]+@[^@\s<>()\[\],;:\"]+\.[^@\s<>()\[\],;:\".]{2,}")


def is_email_address(text: str) -> bool:
    """Whether ``text`` is one address as people type them: ``name@domain.tld``, without a
    display name, brackets, spaces or a second ``@`` (a mistyped address is caught while
    the person is on screen, not when a mail from it is not recognised)."""
    return (
        len(text) <= EMAIL_MAX
        and _EMAIL.fullmatch(text) is not None
        and ".." not in text
        and not text.startswith(".")
        and ".@" not in text
        and "@." not in text
    )
