"""What each exported calendar event was when last exported: its SEQUENCE and its times.

A calendar client that already has an event replaces it by a newer copy only when the
copy's ``SEQUENCE`` is higher. So the workspace remembers, for each event UID it has
exported, a digest of what the event said, its sequence, when it was first exported
(``CREATED``) and when what it says last changed (``LAST-MODIFIED``). Exporting again
what has not changed gives the same sequence and times; a changed event gets the next
sequence.

This is kept by the store itself, like the workspace's version: it is never part of a
change (see ``changes.UNRECORDED``), so undoing an edit does not take the sequence back
down, where a client that saw the edit would ignore the event restored.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import select
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session

from po_desktop.store.errors import StorageError
from po_desktop.store.models import Setting

KEY = "calendar_revisions"

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Revision:
    digest: str
    sequence: int
    created: datetime
    """UTC, to the second."""
    modified: datetime
    """UTC, to the second."""


def revise(previous: Revision | None, digest: str, now: datetime) -> Revision:
    """The revision of an event that now reads ``digest``: the same as before when it has
    not changed, the next sequence from ``now`` on when it has."""
    now = now.astimezone(UTC).replace(microsecond=0)
    if previous is None:
        return Revision(digest, 0, now, now)
    if previous.digest == digest:
        return previous
    return Revision(digest, previous.sequence + 1, previous.created, max(now, previous.modified))


def load(session: Session) -> dict[str, Revision]:
    """Every event's last exported revision, by UID; what cannot be read is forgotten
    (the events are then exported as new ones)."""
    text = session.scalar(select(Setting.value).where(Setting.key == KEY))
    if not text:
        return {}
    try:
        data = json.loads(text)
        return {
            str(uid): Revision(
                str(digest),
                int(sequence),
                datetime.fromtimestamp(int(created), UTC),
                datetime.fromtimestamp(int(modified), UTC),
            )
            for uid, (digest, sequence, created, modified) in data.items()
        }
    except (ValueError, TypeError, AttributeError, OverflowError, OSError):
        log.warning("Unreadable %s setting: the calendar's events start again at 0", KEY)
        return {}


def save(session: Session, revisions: Mapping[str, Revision]) -> bool:
    """Remember these revisions (with those of events not exported this time) and commit;
    False when the workspace cannot be written (read-only, busy): the export goes on."""
    try:
        known = load(session)
        known.update(revisions)
        text = json.dumps(
            {
                uid: [r.digest, r.sequence, int(r.created.timestamp()), int(r.modified.timestamp())]
                for uid, r in sorted(known.items())
            },
            separators=(",", ":"),
        )
        row = session.get(Setting, KEY)
        if row is None:
            session.add(Setting(key=KEY, value=text))
        else:
            row.value = text
        session.commit()
    except (OperationalError, StorageError) as exc:  # StorageError: a read-only database
        session.rollback()
        log.info("Calendar revisions not remembered: %s", exc)
        return False
    return True
