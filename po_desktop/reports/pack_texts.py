"""The pack's words and values in the reader's language: its labels (the catalogue) and
its numbers, points and dates (the formatting module)."""

from __future__ import annotations

import functools
from datetime import date

from po_desktop.domain import formatting
from po_desktop.i18n import N_, NP_, gettext

LABELS: dict[str, str] = {
    "title": N_("Sprint review"),
    "goal": N_("Sprint goal"),
    "dates": N_("Dates"),
    "projects": N_("Projects involved"),
    "team": N_("Team"),
    "po": N_("Product owner"),
    "generated": N_("Generated on"),
    "none": N_("—"),
    "summary": N_("Summary"),
    "committed": N_("Points committed"),
    "committed_start": N_("Points committed at the start"),
    "completed": N_("Points completed"),
    "completed_added": N_("of which added after the start: {points}"),
    "rate": N_("Commitment completed"),
    "n_done": N_("Needs done"),
    "n_not_done": N_("Needs not done"),
    "n_removed": N_("Removed during the sprint"),
    "n_added": N_("Added during the sprint"),
    "velocity": N_("Velocity of the last sprints"),
    "velocity_note": N_(
        "Light bars: points committed; dark bars: points completed; "
        "dotted line: average of points completed ({avg})."
    ),
    "burndown": N_("Burndown: points left per working day"),
    "burndown_note": N_("Solid line and squares: points left; dashes: ideal line."),
    "done": N_("Completed needs"),
    "not_done": N_("Needs not completed"),
    "removed": N_("Removed from the sprint during it"),
    "outside": N_("Completed outside the sprint"),
    "attachments": N_("Files attached to these needs"),
    "file": N_("File"),
    "size": N_("Size"),
    "decisions": N_("Scoring decisions taken during the sprint"),
    "next": N_("Next sprint preview"),
    "next_none": N_("No sprint is planned after this one."),
    "forecast": N_("Forecast capacity"),
    "planned": N_("Already planned (with what this sprint carries over)"),
    "next_full": N_("None: the next sprint is already full for its forecast."),
    "next_needs": N_("Top-ranked ready needs that fit the forecast"),
    "rituals": N_("Rituals of the sprint"),
    "notes": N_("Notes"),
    "attendance": N_("Attendance and sign-off"),
    "key": N_("Key"),
    "need": N_("Need"),
    "project": N_("Project"),
    "points": N_("Points"),
    "requester": N_("Requester"),
    "unit": N_("Business unit"),
    "column": N_("Column"),
    "next_place": N_("Goes to"),
    "backlog": N_("Backlog"),
    "score": N_("Score"),
    "decision": N_("Decision"),
    "rationale": N_("Rationale"),
    "by": N_("Decided by"),
    "decided_on": N_("Date (version)"),
    "ritual": N_("Ritual"),
    "when": N_("Dates"),
    "time": N_("Time"),
    "name": N_("Name"),
    "role": N_("Role"),
    "present": N_("Present"),
    "signature": N_("Signature"),
    "added_mark": N_("* added after the sprint started"),
    "empty": N_("None."),
    "empty_sprint": N_("This sprint holds no need: nothing was committed or completed."),
    "page": N_("page {n} / {total}"),
    "subject": N_("Review pack of the sprint “{name}”, {start} to {end}"),
}


SESSIONS = NP_("{n} session", "{n} sessions")


def pack_label(key: str, lang: str, **params: object) -> str:
    text = gettext(LABELS[key], lang)
    return text.format(**params) if params else text


# Numbers, points and dates are formatted once per value (``typed``: 3 and 3.0 stay
# apart): a pack prints the same few dozen of them hundreds of times, and Babel reads
# its pattern again for each.


@functools.lru_cache(maxsize=1024, typed=True)
def number_text(value: float | None, lang: str) -> str:
    return "—" if value is None else formatting.number(value, lang)


@functools.lru_cache(maxsize=1024, typed=True)
def points_text(value: float | None, lang: str) -> str:
    """A need's points as the app shows them: 0,5 · 3 · 13."""
    return "—" if value is None else formatting.number(value, lang, decimals=2)


@functools.lru_cache(maxsize=1024, typed=True)
def date_text(day: date, lang: str) -> str:
    """A date as the app shows it."""
    return formatting.day(day, lang)
