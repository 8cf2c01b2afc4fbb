"""What an import from a tracker (Jira, Trello) brings beyond a need's fields: the
need found again by its external reference, the people and sprints the export names
(created when the workspace lacks them), the comments and the parent link.

All of it runs inside :func:`importing.import_needs`: one transaction, one change to
undo. A re-import of the same export finds every need by its reference and adds only
the comments it does not have yet, so importing twice changes nothing the second time.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from po_desktop.domain.enums import LinkKind, SprintState
from po_desktop.domain.text import NameIndex
from po_desktop.store.errors import PoDesktopError
from po_desktop.store.models import Need, NeedComment, NeedLink, Person, Sprint, utcnow
from po_desktop.store.services import dossier, links
from po_desktop.store.services._base import pick_named
from po_desktop.store.services.import_types import Comment, NeedRecord, SprintMade
from po_desktop.store.services.people import PersonInput, create_person
from po_desktop.store.services.sprints import SprintInput, create_sprint

REF_MAX = 300
"""The longest external reference kept (the column's length): longer ones are cut, the
same way wherever a reference is stored or looked up."""


def ref_key(ref: str) -> str:
    """An external reference as stored and looked up."""
    return ref.strip()[:REF_MAX]


SPRINT_DAYS = 14
"""A tracker's export gives a sprint's name, not its dates: a created sprint takes the
window its issues' dates suggest (see ``jira_needs.sprint_windows``), else it follows
the team's last sprint (or today), two weeks long. Either way the import's summary
names it, its dates to be checked in the calendar."""


def needs_by_ref(session: Session, refs: Iterable[str]) -> dict[str, tuple[int, int, int]]:
    """External reference → (need id, project id, number), for the references given."""
    wanted = sorted({ref_key(ref) for ref in refs if ref_key(ref)})
    found: dict[str, tuple[int, int, int]] = {}
    for start in range(0, len(wanted), 500):
        query = select(Need.external_ref, Need.id, Need.project_id, Need.number).where(
            Need.external_ref.in_(wanted[start : start + 500])
        )
        for ref, need_id, project_id, number in session.execute(query):
            found.setdefault(ref, (need_id, project_id, number))
    return found


class Helpers:
    """People and sprints by name, created on first use when the export asks for it."""

    def __init__(self, session: Session) -> None:
        self.session = session
        self._people: NameIndex[int] | None = None
        self.people_cache: dict[str, int] = {}
        self.sprints_made: list[SprintMade] = []

    def known_person_id(self, name: str) -> int | None:
        """The person of the workspace by that name (as :func:`pick_named` finds one),
        None when there is none (or no name): nothing is created."""
        name = name.strip()
        if not name:
            return None
        found = self.people_cache.get(name)
        if found is not None:
            return found
        if self._people is None:
            self._people = NameIndex(
                (person.name, person.id) for person in self.session.scalars(select(Person))
            )
        return pick_named(self._people, name)

    def person_id(self, name: str) -> int | None:
        """The person by that name, created when the workspace has none."""
        name = name.strip()
        if not name:
            return None
        person_id = self.known_person_id(name)
        if person_id is None:
            person_id = create_person(self.session, PersonInput(name=name)).id
        self.people_cache[name] = person_id
        return person_id

    def new_sprint(
        self, name: str, team: str, *, closed: bool, window: tuple[date, date] | None = None
    ) -> int:
        """A sprint the export names and the workspace lacks: in ``window`` (the dates
        its issues suggest) unless another sprint of the team holds those days, else
        after the team's last one."""
        team_sprints = func.lower(Sprint.team) == team.lower()
        if window is not None:
            taken = self.session.scalar(
                select(Sprint.id).where(
                    team_sprints, Sprint.start_date <= window[1], Sprint.end_date >= window[0]
                )
            )
            window = None if taken is not None else window
        if window is not None:
            start, end = window
        else:
            last = self.session.scalar(select(func.max(Sprint.end_date)).where(team_sprints))
            start = date.today() if last is None else last + timedelta(days=1)
            end = start + timedelta(days=SPRINT_DAYS - 1)
        sprint_id = create_sprint(
            self.session, SprintInput(name=name, start=start, end=end, team=team)
        )
        if closed:
            sprint = self.session.get(Sprint, sprint_id)
            assert sprint is not None
            sprint.state = SprintState.CLOSED.value
            sprint.closed_at = utcnow()
            self.session.flush()
        self.sprints_made.append(SprintMade(name, start, end, from_issues=window is not None))
        return sprint_id


class Afterwards:
    """Comments and parent links, written once every need of the file exists."""

    def __init__(self, session: Session) -> None:
        self.session = session
        self.pending: list[tuple[str, tuple[Comment, ...], str]] = []

    def keep(self, record: NeedRecord, ref: str) -> None:
        """``ref``: the record's external reference as stored (:func:`ref_key`)."""
        if ref and (record.comments or record.parent_ref):
            self.pending.append((ref, record.comments, ref_key(record.parent_ref)))

    def apply(self) -> None:
        if not self.pending:
            return
        refs = [ref for ref, _c, _p in self.pending] + [p for _r, _c, p in self.pending if p]
        needs = needs_by_ref(self.session, refs)
        for ref, comments, parent_ref in self.pending:
            need_id = needs[ref][0]
            self._comments(need_id, comments)
            parent = needs.get(parent_ref) if parent_ref else None
            if parent is not None:
                self._parent(parent[0], need_id)
        self.pending.clear()

    def _comments(self, need_id: int, comments: tuple[Comment, ...]) -> None:
        if not comments:
            return
        query = select(NeedComment.author_name, NeedComment.text).where(
            NeedComment.need_id == need_id
        )
        present = {(author, text) for author, text in self.session.execute(query)}
        for comment in comments:
            author = comment.author.strip()[:120]
            if not comment.text.strip() or (author, comment.text.strip()) in present:
                continue
            comment_id = dossier.add_comment(
                self.session, need_id, comment.text, author_name=author
            )
            stored = self.session.get(NeedComment, comment_id)
            assert stored is not None
            present.add((stored.author_name, stored.text))
            if comment.at is not None:
                stored.created_at = comment.at
        self.session.flush()

    def _parent(self, parent_id: int, child_id: int) -> None:
        """The epic as the child's parent; a child that has one already keeps it, and a
        link that would make a circle is left out rather than refusing the import."""
        has_parent = self.session.scalar(
            select(NeedLink.source_id).where(
                NeedLink.target_id == child_id, NeedLink.kind == LinkKind.PARENT.value
            )
        )
        if has_parent is not None or parent_id == child_id:
            return
        try:
            links.link_needs(self.session, parent_id, LinkKind.PARENT, child_id)
        except PoDesktopError:
            return


TRACKER_STATUSES: dict[str, str] = {
    "backlog": "À qualifier",
    "open": "À qualifier",
    "ouvert": "À qualifier",
    "new": "À qualifier",
    "nouveau": "À qualifier",
    "to do": "À coter",  # not started: to score before it is ready (the items a team
    "a faire": "À coter",  # chose for its next sprint are "selected for development")
    "selected for development": "Prêt",
    "ready": "Prêt",
    "in progress": "En cours",
    "doing": "En cours",
    "en cours": "En cours",
    "in review": "En revue",
    "review": "En revue",
    "code review": "En revue",
    "done": "Terminé",
    "closed": "Terminé",
    "resolved": "Terminé",
    "termine": "Terminé",
    "terminee": "Terminé",
    "termine(e)": "Terminé",
    "ferme": "Terminé",
    "resolu": "Terminé",
}
"""A tracker's usual statuses (folded) → the default board's columns, for a status that
is neither in the import's statuses mapping nor the name of a column."""
