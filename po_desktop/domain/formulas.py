"""Spreadsheet cells that would run as formulas: what the user wrote is never executed.

A title starting with "=" is text to the app; a spreadsheet opening the exported file
would evaluate it (CSV injection). Every CSV the app writes neutralises such cells, and
reading them back restores the text exactly.
"""

from __future__ import annotations

FORMULA_STARTS = frozenset("=+-@\t\r")
"""First characters that make Excel or LibreOffice evaluate a cell (CSV injection)."""
ESCAPED_STARTS = FORMULA_STARTS | {"'"}
"""The characters after which a leading apostrophe is a protective one (see :func:`restore`)."""


def neutralise(value: str) -> str:
    """Prefix an apostrophe when a spreadsheet would read the value as a formula.

    A value that already starts with an apostrophe before such a character (or
    before another apostrophe) gets one too, so :func:`restore` is an exact inverse.
    """
    if value and (
        value[0] in FORMULA_STARTS
        or (value[0] == "'" and len(value) > 1 and value[1] in ESCAPED_STARTS)
    ):
        return "'" + value
    return value


def restore(value: str) -> str:
    """Undo :func:`neutralise`: drop exactly one protective apostrophe."""
    if len(value) > 1 and value[0] == "'" and value[1] in ESCAPED_STARTS:
        return value[1:]
    return value


def keep_apostrophe(value: str) -> str:
    """A text written to a typed text cell (a workbook's): never run as a formula, so
    only a text :func:`restore` would shorten gets an apostrophe, to come back as it is.

    A CSV file of ours saved as a workbook by a spreadsheet keeps the apostrophes
    :func:`neutralise` put as text: reading a workbook gives them back with
    :func:`restore`, so its own texts must survive that too.
    """
    if len(value) > 1 and value[0] == "'" and value[1] in ESCAPED_STARTS:
        return "'" + value
    return value
