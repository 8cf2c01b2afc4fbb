"""Texts with paragraphs split by LF alone take a quick path in ``clean_text``; what they
store, and what is refused in them, must be what the full check gives."""

from __future__ import annotations

import pytest

from po_desktop.store.errors import ValidationError
from po_desktop.store.services._base import clean_tags, clean_text


@pytest.mark.parametrize(
    ("typed", "long_kept", "title_kept"),
    [
        ("  Contexte :\nles agences\n\nattendent  ", "  Contexte :\nles agences\n\nattendent  ",
         "Contexte : les agences  attendent"),
        ("\nA\n", "\nA\n", "A"),
        ("Ligne 1\r\nLigne 2\n", "Ligne 1\nLigne 2\n", "Ligne 1 Ligne 2"),
        ("A\u00a0:\nB", "A\u00a0:\nB", "A\u00a0: B"),
        ("\ufeffA\nB", "A\nB", "A B"),
        ("A\n\u2028B\tC", "A\n\nB\tC", "A  B C"),
    ],
)  # fmt: skip
def test_line_feeds_keep_the_documented_form(typed: str, long_kept: str, title_kept: str) -> None:
    assert clean_text(typed, "problem", max_len=200_000) == long_kept
    assert clean_text(typed, "title", max_len=300) == title_kept


@pytest.mark.parametrize("hidden", ["\x00", "\x1b", "\x9f", "\ufdd0", "\uffff", "\U0001fffe"])
def test_a_refused_character_among_line_feeds_is_still_refused(hidden: str) -> None:
    for max_len in (200_000, 300):
        with pytest.raises(ValidationError) as caught:
            clean_text(f"Contexte\nles agences{hidden}\nattendent", "problem", max_len=max_len)
        assert caught.value.message.msg_id == "field.bad_character"
        assert caught.value.message.params["char"] == f"U+{ord(hidden):04X}"


def test_a_blank_or_too_long_text_of_line_feeds_is_refused() -> None:
    with pytest.raises(ValidationError) as caught:
        clean_text("\n \n", "title", required=True, max_len=300)
    assert caught.value.message.msg_id == "field.required"
    with pytest.raises(ValidationError) as caught:
        clean_text("a\n" * 51, "problem", max_len=100)
    assert caught.value.message.msg_id == "field.too_long"


def test_tags_keep_their_documented_form_on_either_path() -> None:
    typed = [" urgent ", "Urgent", "front\u00a0end", "saisie\tclient", "\ufeffERP", "", "  "]
    assert clean_tags(typed) == ["ERP", "front\u00a0end", "saisie client", "urgent"]
    for refused, msg_id in (("a\x00b", "field.bad_character"), ("x" * 41, "tag.invalid")):
        with pytest.raises(ValidationError) as caught:
            clean_tags(["ok", refused])
        assert caught.value.message.msg_id == msg_id
