"""Jira's CSV export (Cloud and Server, "all fields" or "current fields", English or
French interface) read as needs.

Jira writes one column per value of a repeated field (two ``Sprint`` columns, three
``Labels``, one ``Comment`` per comment), names its columns in the user's language
("Issue key" / "Clé de ticket") and its dates in the user's locale ("15/Sep/25 6:42 PM",
"15/sept./25 18:42"). What each issue becomes:

* summary → title; description → the problem statement's draft (an issue without one
  waits in the first column, to be qualified);
* issue key → the need's external reference (a re-import updates the need);
* status → board column (by the import's statuses mapping); story points (either custom
  field's name) → points; labels → tags; reporter → requester; assignee → a person;
* sprints → sprints: the last one the issue is in, and the earlier ones (closed);
* epic link or parent → the need's parent; comments → the need's comments, with their
  author (a name, or the account id when the export gives no name for it) and date;
* the issue's creation date → the need's (a new need was asked for then).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from po_desktop.domain.text import fold
from po_desktop.io.needs_table import Cell, Table, normalise_header, tracker_table
from po_desktop.store.errors import ValidationError
from po_desktop.store.services.import_trackers import SPRINT_DAYS
from po_desktop.store.services.import_types import Comment

_NAMES: dict[str, tuple[str, ...]] = {
    "summary": ("summary", "resume"),
    "key": ("issue key", "cle de ticket", "cle du ticket", "cle de la demande", "key", "cle"),
    "id": ("issue id", "id de ticket", "id du ticket", "id de la demande"),
    "type": ("issue type", "type de ticket", "type de la demande", "type de demande"),
    "status": ("status", "etat", "statut"),
    "project": ("project key", "cle de projet", "cle du projet"),
    "assignee": ("assignee", "responsable", "personne assignee"),
    "assignee_id": ("assignee id", "id du responsable", "id de responsable", "id responsable"),
    "reporter": ("reporter", "rapporteur"),
    "reporter_id": ("reporter id", "id du rapporteur", "id de rapporteur", "id rapporteur"),
    "creator": ("creator", "createur"),
    "creator_id": ("creator id", "id du createur", "id de createur", "id createur"),
    "created": ("created", "creation", "date de creation", "cree"),
    "updated": ("updated", "mise a jour", "date de mise a jour"),
    "resolved": ("resolved", "resolu", "resolue", "date de resolution"),
    "description": ("description",),
    "labels": ("labels", "libelles", "etiquettes"),
    "sprint": ("sprint", "sprints"),
    "points": (
        "custom field (story points)",
        "custom field (story point estimate)",
        "champ personnalise (story points)",
        "champ personnalise (story point estimate)",
        "story points",
        "story point estimate",
        "estimation des story points",
    ),
    "epic": ("custom field (epic link)", "champ personnalise (epic link)", "epic link"),
    "parent_key": ("parent key", "cle du parent", "cle de parent"),
    "parent": ("parent", "parent id", "id du parent", "id de parent"),
    "comment": ("comment", "comments", "commentaire", "commentaires"),
}
_FIELD = {name: field for field, names in _NAMES.items() for name in names}
_FILLS = {
    "title": "summary",
    "problem": "description",
    "project": "project",
    "status": "status",
    "points": "points",
    "sprint": "sprint",
    "tags": "labels",
    "requester": "reporter",
}
"""Our column ← Jira's field that fills it (the project: else the issue key's prefix)."""

_ENGLISH_MONTHS = [
    "jan",
    "feb",
    "mar",
    "apr",
    "may",
    "jun",
    "jul",
    "aug",
    "sep",
    "oct",
    "nov",
    "dec",
]
_FRENCH_MONTHS = [
    "janv",
    "fevr",
    "mars",
    "avr",
    "mai",
    "juin",
    "juil",
    "aout",
    "sept",
    "oct",
    "nov",
    "dec",
]
_MONTHS = {
    **{month: number for number, month in enumerate(_ENGLISH_MONTHS, 1)},
    **{month: number for number, month in enumerate(_FRENCH_MONTHS, 1)},
    "fev": 2,
}
_DATE = re.compile(
    r"^\s*(\d{1,2})/([^/\d]+)/(\d{2}|\d{4})(?:\s+(\d{1,2}):(\d{2})(?::\d{2})?\s*([ap]\.?m\.?)?)?\s*$",
    re.IGNORECASE,
)


def _field(name: object) -> str | None:
    return _FIELD.get(normalise_header(name))


_JIRA_ONLY = frozenset(
    name for field in ("key", "id", "type") for name in _NAMES[field] if name not in ("key", "cle")
)
"""Names only Jira gives its columns: a file with "Clé" and "Résumé" may be anyone's."""


def looks_like_jira(header: Sequence[object]) -> bool:
    """A Jira export by its header: a summary beside an issue key, id or type."""
    names = {normalise_header(name) for name in header}
    return any(_field(name) == "summary" for name in names) and bool(names & _JIRA_ONLY)


def parse_date(text: str) -> datetime | None:
    """A date as Jira writes it, in English or French ("15/Sep/25 6:42 PM",
    "15/sept./25 18:42"); None for a blank text, refused when it is not a date."""
    if not text.strip():
        return None
    match = _DATE.match(text)
    month = None
    if match is not None:
        month = _MONTHS.get(fold(match.group(2)).strip(" .").replace(".", ""))
    if match is None or month is None:
        raise ValidationError("exchange.bad_date", value=text.strip()[:40])
    day, _m, year, hour, minute, half = match.groups()
    year_number = int(year) + (2000 if len(year) == 2 else 0)
    hours = int(hour or 0)
    if half:
        hours = hours % 12 + (12 if half.lower().startswith("p") else 0)
    try:
        return datetime(year_number, month, int(day), hours, int(minute or 0))
    except ValueError as exc:
        raise ValidationError("exchange.bad_date", value=text.strip()[:40]) from exc


def parse_comment(cell: str, people: dict[str, str]) -> Comment | None:
    """A comment cell: "15/Sep/25 6:42 PM;accountId;text" (the text may hold ";").
    A cell that does not start with a date is the comment's text alone."""
    if not cell.strip():
        return None
    parts = cell.split(";", 2)
    if len(parts) == 3:
        try:
            at = parse_date(parts[0])
        except ValidationError:
            at = None
        if at is not None:
            author = parts[1].strip()
            return Comment(text=parts[2], author=people.get(author, author), at=at)
    return Comment(text=cell)


def _local_to_utc(at: datetime | None) -> datetime | None:
    """Jira writes times in the exporting user's zone: taken as this machine's."""
    if at is None:
        return None
    return at.astimezone(UTC).replace(tzinfo=None)


def _cells(header: Sequence[str], row: Sequence[Cell]) -> dict[str, list[str]]:
    values: dict[str, list[str]] = {}
    for index, name in enumerate(header):
        field = _field(name)
        if field is None or index >= len(row):
            continue
        text = "" if row[index] is None else str(row[index])
        values.setdefault(field, []).append(text)
    return values


def source_names(header: Sequence[str]) -> dict[str, str]:
    """Our column → the export's columns that fill it, named as in the file ("Summary",
    "Résumé"; both story-point fields), for the import assistant."""
    names: dict[str, list[str]] = {}
    for name in header:
        field = _field(name)
        written = str(name).replace("\ufeff", "").strip()
        if field is not None and written not in names.setdefault(field, []):
            names[field].append(written)  # "Labels" once, however many columns
    found = {ours: ", ".join(names.get(theirs, [])) for ours, theirs in _FILLS.items()}
    if not found["project"]:
        found["project"] = ", ".join(names.get("key", []))  # ERP-12 is in ERP
    return found


def jira_table(
    path: Path, header: Sequence[str], rows: Sequence[tuple[int, Sequence[Cell]]]
) -> Table:
    issues = [(line, _cells(header, row)) for line, row in rows]
    issues = [(line, v) for line, v in issues if any(t.strip() for ts in v.values() for t in ts)]
    people: dict[str, str] = {}
    keys_by_id: dict[str, str] = {}
    for _line, values in issues:
        for name, account in (("assignee", "assignee_id"), ("reporter", "reporter_id")):
            for person, ident in zip(values.get(name, []), values.get(account, []), strict=False):
                if person.strip() and ident.strip():
                    people[ident.strip()] = person.strip()
        if values.get("creator") and values.get("creator_id"):
            people.setdefault(values["creator_id"][0].strip(), values["creator"][0].strip())
        ident, key = _first(values, "id"), _first(values, "key")
        if ident and key:
            keys_by_id[ident] = key
    windows = sprint_windows([values for _line, values in issues])
    items = []
    for line, values in issues:
        key = _first(values, "key")
        # Jira Cloud's "Parent" holds the parent's issue id, "Parent key" its key.
        parent = _first(values, "epic") or _first(values, "parent_key") or _first(values, "parent")
        parent = keys_by_id.get(parent, parent)
        sprints = [s.strip() for s in values.get("sprint", []) if s.strip()]
        comments = [parse_comment(c, people) for c in values.get("comment", [])]
        cells = {
            "title": _first(values, "summary"),
            "problem": _first(values, "description", strip=False),
            "project": _first(values, "project"),
            "status": _first(values, "status"),
            "points": _first(values, "points"),
            "sprint": sprints[-1] if sprints else "",
            "tags": ",".join(t.strip() for t in values.get("labels", []) if t.strip()),
            "requester": _first(values, "reporter"),
            "acceptance": "",
        }
        extra: dict[str, object] = {
            "key": "",
            "external_ref": key,
            "assignee": _first(values, "assignee"),
            "closed_sprints": tuple(sprints[:-1]),
            "sprint_dates": tuple((s, *windows[s]) for s in sprints if s in windows),
            "comments": tuple(
                Comment(c.text, c.author, _local_to_utc(c.at)) for c in comments if c is not None
            ),
            "parent_ref": parent if parent != key else "",
            "create_missing": "Jira",
            "created": _moment(_first(values, "created")),
        }
        if not cells["project"] and key and "-" in key:
            cells["project"] = key.rsplit("-", 1)[0]
        items.append((line, cells, extra))
    return tracker_table(path, "jira", items, source_header=header, sources=source_names(header))


def _moment(text: str) -> datetime | None:
    """When an issue was created, in UTC: one Jira did not write as a date leaves the
    need created at the import's time, no reason to refuse the issue."""
    try:
        return _local_to_utc(parse_date(text))
    except ValidationError:
        return None


def _day(text: str) -> date | None:
    """A date that only helps place a sprint: one Jira did not write is no reason to
    refuse the import, it is left out."""
    try:
        at = parse_date(text)
    except ValidationError:
        return None
    return None if at is None else at.date()


def sprint_windows(issues: Sequence[dict[str, list[str]]]) -> dict[str, tuple[date, date]]:
    """Each sprint's dates as far as its issues tell them: an export names its sprints,
    never their dates.

    A sprint ends on the last day one of the issues it finished was resolved (issues
    not resolved yet: their last update), and starts on the first, or
    :data:`SPRINT_DAYS` before its end when they all fall in a shorter span. An earlier
    sprint an issue went through without being finished there, that no issue dates,
    ends the day before the next one of that issue starts. Sprints no date speaks of
    are absent: the import places them after the team's last sprint.
    """
    resolved: dict[str, list[date]] = {}
    updated: dict[str, list[date]] = {}
    chains: list[list[str]] = []
    for values in issues:
        sprints = [s.strip() for s in values.get("sprint", []) if s.strip()]
        if not sprints:
            continue
        chains.append(sprints)
        done = _day(_first(values, "resolved"))
        if done is not None:
            resolved.setdefault(sprints[-1], []).append(done)
        touched = _day(_first(values, "updated"))
        if touched is not None:
            updated.setdefault(sprints[-1], []).append(touched)
    length = timedelta(days=SPRINT_DAYS - 1)
    windows: dict[str, tuple[date, date]] = {}
    for name in {s for chain in chains for s in chain}:
        days = resolved.get(name) or updated.get(name)
        if days:
            end = max(days)
            windows[name] = (min(min(days), end - length), end)
    for chain in chains:
        for index in range(len(chain) - 2, -1, -1):
            name, following = chain[index], windows.get(chain[index + 1])
            if name not in windows and following is not None:
                end = following[0] - timedelta(days=1)
                windows[name] = (end - length, end)
    return windows


def _first(values: dict[str, list[str]], field: str, *, strip: bool = True) -> str:
    """The field's first non-blank value (points: the first of either custom field)."""
    for text in values.get(field, []):
        if text.strip():
            return text.strip() if strip else text
    return ""
