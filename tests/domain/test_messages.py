"""Messages stay short and speak the user's language, whatever the data or the system says."""

from __future__ import annotations

import errno
import os

import pytest

from po_desktop.domain import messages
from po_desktop.domain.messages import (
    OS_ERRORS,
    listing,
    os_message,
    os_reason,
    sqlite_reason,
    translate,
)


def test_a_long_list_shows_ten_items_then_how_many_more() -> None:
    columns = listing([f"colonne {i}" for i in range(10_000)], quoted=True)
    french = translate("csv.unknown_columns", "fr", columns=columns)
    english = translate("csv.unknown_columns", "en", columns=columns)
    assert french.endswith("«\u00a0colonne 9\u00a0» et 9\u202f990 autres.")
    assert english.endswith("“colonne 9” and 9,990 more.")
    assert len(french) < 400 and len(english) < 400
    short = translate("csv.missing_columns", "en", columns=listing(["a", "b"]), expected="x")
    assert short.startswith("Missing header columns: a, b.")


def test_values_and_paths_from_files_are_clipped() -> None:
    cell = "é" * 200_000
    text = translate("field.bad_choice", "fr", field="status", value=cell, choices="A, B")
    assert len(text) < 400 and "é…" in text
    path = "/home/po/" + "dossier/" * 300 + "revue.pdf"
    text = translate("output.failed", "en", path=path, reason=messages.Message("os.no_space"))
    assert len(text) < 600 and text.startswith("Cannot write /home/po/")
    assert "…" in text and "/revue.pdf: the disk is full." in text
    items = listing(["x" * 5000] * 3, quoted=True).render("en")
    assert len(items) < 700


@pytest.mark.parametrize("code", sorted(OS_ERRORS))
def test_every_mapped_system_error_is_said_in_both_languages(code: int) -> None:
    error = OSError(code, os.strerror(code), "/tmp/sortie.csv")
    french, english = os_reason(error).render("fr"), os_reason(error).render("en")
    assert french and english and french != english
    assert os.strerror(code) not in french
    assert os_message(error).render("fr").startswith("/tmp/sortie.csv\u00a0: ")


def test_an_unmapped_system_error_is_named_not_described_in_english() -> None:
    error = OSError(errno.EINVAL, "Invalid argument")
    assert os_reason(error).render("fr") == "erreur du système (EINVAL)"
    assert (
        os_message(OSError("no errno")).render("en") == "File system error: system error (OSError)."
    )
    sharing = OSError(errno.EACCES, "Permission denied")
    sharing.winerror = 32  # type: ignore[attr-defined]  # what Windows gives for a file in use
    assert os_reason(sharing).render("fr") == "le fichier est utilisé par un autre programme"


def test_sqlite_errors_are_said_without_sqlite_english() -> None:
    assert sqlite_reason(266, "SQLITE_IOERR_READ").render("fr") == (
        "erreur d'entrée-sortie sur le disque"
    )
    assert sqlite_reason(13).render("en") == "the disk is full"
    assert sqlite_reason(1, "SQLITE_ERROR").render("fr") == "erreur SQLite SQLITE_ERROR"
    assert sqlite_reason(None).render("en") == "SQLite error ?"
