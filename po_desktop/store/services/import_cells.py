"""A row's cells as a need's values, for the import (:mod:`.importing`): the source by
its stored value or its label in either language, the technical flag, the points by the
file's convention for numbers, the tags as written, the number of the row's key."""

from __future__ import annotations

from functools import cache, lru_cache

from po_desktop.domain.enums import Source
from po_desktop.domain.keys import format_key, parse_key
from po_desktop.domain.messages import CHOICE_LABELS, Label, labels_in_every_language, listing
from po_desktop.domain.numbers import NumberConvention
from po_desktop.domain.text import fold
from po_desktop.store.errors import ValidationError
from po_desktop.store.models import Project
from po_desktop.store.services import needs as need_service
from po_desktop.store.services._base import clean_bool, clean_number
from po_desktop.store.services.import_types import NeedRecord


@cache
def source_aliases() -> dict[str, str]:
    """Stored values and French/English labels (folded: "equipe", "CLIENT") → stored value.
    Built on first use: the catalogue is read then, not when the module is imported."""
    aliases = {s.value: s.value for s in Source}
    for value in (s.value for s in Source):
        for label in labels_in_every_language(CHOICE_LABELS.get(value, value)):
            aliases[fold(label)] = value
    aliases.update({"equipe": Source.TEAM.value, "equipe interne": Source.TEAM.value})
    return aliases


@lru_cache(maxsize=256)
def source(raw: str) -> str:
    text = raw.strip()
    if not text:
        return Source.OTHER.value
    value = source_aliases().get(fold(text))
    if value is None:
        raise ValidationError(
            "field.bad_choice",
            field="source",
            value=text,
            choices=listing(Label("choice", s.value) for s in Source),
        )
    return value


@lru_cache(maxsize=256)
def technical(raw: str) -> bool:
    return True if not raw.strip() else clean_bool(raw, "technical")


def tags(raw: str) -> list[str]:
    """The tags as written; cleaned once, where a need is validated."""
    return raw.split(",") if raw.strip() else []


@lru_cache(maxsize=1024)
def points(raw: str | float, numbers: NumberConvention) -> float | None:
    return clean_number(raw, "points", minimum=0, maximum=need_service.MAX_POINTS, numbers=numbers)


def key_number(record: NeedRecord, project: Project) -> int | None:
    raw = record.key.strip()
    if not raw:
        return None
    parsed = parse_key(raw)
    if parsed is None:
        raise ValidationError("need.bad_key", field="key", key=raw)
    code, number = parsed
    if code != project.code:
        key = format_key(code, number)
        raise ValidationError("need.key_project_mismatch", field="key", key=key, code=project.code)
    return number
