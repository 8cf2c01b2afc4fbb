"""Numbers written as text: which character separates the decimals is the writer's
convention, never the reader's interface language.

A French spreadsheet saves "2,5" in a ``;`` file, an English one "2.5" in a ``,``
file, and "1,500" means one and a half to the first and fifteen hundred to the second.
Whoever reads a file knows its convention (the separator of its columns tells it) and
passes it down with the text; a number typed in the interface follows the interface's
language. A file that says nothing (tab-separated text, a text cell of a workbook)
reads both ways, and refuses a number that reads differently in each.
"""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class NumberConvention:
    """How a number is written: ``decimal`` is "," or "."; None accepts both and refuses
    what would read as two different numbers ("1,500")."""

    decimal: str | None

    def parse(self, text: str) -> float:
        """The number ``text`` writes (see :func:`parse_number`)."""
        return parse_number(text, self)

    def format(self, value: float) -> str:
        """``value`` as this convention writes it: no trailing zero, no grouping."""
        text = str(int(value)) if float(value).is_integer() else repr(float(value))
        return text.replace(".", ",") if self.decimal == "," else text


DECIMAL_COMMA = NumberConvention(",")
"""French: "2,5", "1 000" (spaces group thousands)."""
DECIMAL_POINT = NumberConvention(".")
"""English: "2.5", "1,000" (commas group thousands)."""
EITHER = NumberConvention(None)
"""Unknown writer: "2,5" and "2.5" both read 2.5; "1,500" is refused as ambiguous."""


def for_delimiter(delimiter: str) -> NumberConvention:
    """A CSV file's convention from its separator: the ``;`` of a French spreadsheet
    comes with decimal commas, the ``,`` of an English one with decimal points."""
    if delimiter == ";":
        return DECIMAL_COMMA
    if delimiter == ",":
        return DECIMAL_POINT
    return EITHER


def for_language(lang: str) -> NumberConvention:
    """What a person typing in this interface language writes."""
    return DECIMAL_COMMA if lang == "fr" else DECIMAL_POINT


class AmbiguousNumberError(ValueError):
    """A number that reads as two: "1,500" is 1.5 or 1500 depending on who wrote it."""

    def __init__(self, text: str, decimal: float, grouped: float) -> None:
        super().__init__(text)
        self.decimal = decimal
        self.grouped = grouped


_SPACES = "[ \u00a0\u202f]"
_SPACED = re.compile(rf"[+-]?\d{{1,3}}(?:{_SPACES}\d{{3}})+(?:[.,]\d+)?")
_COMMAS = re.compile(r"[+-]?\d{1,3}(?:,\d{3})+(?:\.\d+)?")
_PLAIN = re.compile(r"[+-]?(?:\d+(?:[.,]\d*)?|[.,]\d+)")


def parse_number(text: str, convention: NumberConvention) -> float:
    """A number as people write it: "0,5" or "0.5"; "1 000" (spaces group by three);
    "1,000" is a thousand with decimal points, one with decimal commas.

    Anything else raises ValueError, so a typo never becomes a value: "1 5", "1_0",
    "nan", "1e3". :class:`AmbiguousNumberError` (a ValueError) when the convention is
    unknown and the text reads as two numbers.
    """
    cleaned = text.strip()
    if _SPACED.fullmatch(cleaned):
        cleaned = re.sub(_SPACES, "", cleaned)
    elif _COMMAS.fullmatch(cleaned) and convention.decimal != ",":
        grouped = float(cleaned.replace(",", ""))
        if convention.decimal == "." or cleaned.count(",") > 1 or "." in cleaned:
            return grouped
        raise AmbiguousNumberError(text, float(cleaned.replace(",", ".")), grouped)
    elif not _PLAIN.fullmatch(cleaned):
        raise ValueError(text)
    return float(cleaned.replace(",", "."))
