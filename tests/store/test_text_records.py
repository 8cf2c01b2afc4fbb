"""Records made from a CSV file's rows of texts are the records the dataclass makes."""

from __future__ import annotations

import pytest

from po_desktop.domain.numbers import EITHER, for_delimiter
from po_desktop.store.services.import_types import NeedRecord, text_records


def test_made_records_equal_the_dataclass_records() -> None:
    row = ["ERP-3", "Titre", "Défi", "", "Nantes", "client", "3,5"]
    columns = list(enumerate(["key", "title", "problem", "solution", "project", "source"]))
    columns.append((6, "points"))
    numbers = for_delimiter(";")
    made = text_records(columns, numbers)(row, 12)
    expected = NeedRecord(
        key="ERP-3", title="Titre", problem="Défi", solution="", project="Nantes",
        source="client", points="3,5", line=12, numbers=numbers,
    )  # fmt: skip
    assert made == expected and hash(made) == hash(expected)
    assert made.requester is None and made.tags is None and made.people == ()
    with pytest.raises(AttributeError):
        made.title = "changé"  # type: ignore[misc]


def test_one_column_and_a_skipped_column() -> None:
    made = text_records([(1, "title")], EITHER)(["ignoré", "Seul"], 2)
    assert made == NeedRecord(title="Seul", line=2)


def test_an_unknown_field_is_refused_as_the_dataclass_refuses_it() -> None:
    with pytest.raises(TypeError):
        text_records([(0, "titre")], EITHER)
