"""What a need's dossier shows, read in one session: its fields, links, comments,
attachments and activity timeline; the needs a new title may duplicate.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from po_desktop.domain import links as link_rules
from po_desktop.domain.enums import EventField, LinkKind, LinkRole
from po_desktop.domain.keys import format_key
from po_desktop.domain.similarity import SimilarityIndex
from po_desktop.domain.text import fold
from po_desktop.store.errors import NotFoundError
from po_desktop.store.models import (
    Assessment,
    Attachment,
    AttachmentData,
    BoardColumn,
    Need,
    NeedComment,
    NeedEvent,
    NeedLink,
    Person,
    Project,
    Sprint,
)
from po_desktop.store.services.needs import find_need


@dataclass(frozen=True)
class CommentInfo:
    id: int
    need_id: int
    author_id: int | None
    author: str
    """The author's name now (a person renamed since shows the new name), else as written."""
    created_at: datetime
    edited_at: datetime | None
    text: str


@dataclass(frozen=True)
class AttachmentInfo:
    id: int
    need_id: int
    name: str
    media_type: str
    size: int
    sha256: str
    added_at: datetime


@dataclass(frozen=True)
class LinkInfo:
    """A link seen from one need: what it is to the other need (``role``), and that need."""

    role: LinkRole
    kind: LinkKind
    source_id: int
    target_id: int
    other_id: int
    other_key: str
    other_title: str
    other_done: bool
    other_archived: bool


@dataclass(frozen=True)
class ActivityItem:
    """One line of a need's timeline: a comment, or an event of its history.

    ``old``/``new`` are the event's values as stored; ``old_label``/``new_label`` say them
    for a reader: a column's or a sprint's name, another need's key (for a link, its role
    is in ``role``), an attachment's name. A comment carries itself in ``comment``.
    """

    at: datetime
    kind: str
    """"comment", or an :class:`EventField` value."""
    comment: CommentInfo | None = None
    old: str | None = None
    new: str | None = None
    old_label: str | None = None
    new_label: str | None = None
    role: LinkRole | None = None
    author: str = ""
    """Who did it (their name at the time), or empty when unknown (before authors were
    kept)."""


@dataclass(frozen=True)
class NeedDossier:
    id: int
    key: str
    title: str
    problem: str
    solution: str
    requester: str
    project: str
    column: str
    sprint: str | None
    points: float | None
    assignee: str | None
    tags: tuple[str, ...]
    decision: str | None
    score: float | None
    created_at: datetime
    updated_at: datetime
    done_at: datetime | None
    archived_at: datetime | None
    links: list[LinkInfo]
    comments: list[CommentInfo]
    """Oldest first."""
    attachments: list[AttachmentInfo]
    attachment_bytes: int
    external_ref: str = ""
    """Where the need was imported from: a Jira issue key, a Trello card's address."""


def _comment(row: NeedComment, current_name: str | None) -> CommentInfo:
    return CommentInfo(
        row.id,
        row.need_id,
        row.author_id,
        current_name or row.author_name,
        row.created_at,
        row.edited_at,
        row.text,
    )


def comments(session: Session, need_id: int) -> list[CommentInfo]:
    """The need's comments, oldest first."""
    rows = session.execute(
        select(NeedComment, Person.name)
        .outerjoin(Person, NeedComment.author_id == Person.id)
        .where(NeedComment.need_id == need_id)
        .order_by(NeedComment.created_at, NeedComment.id)
    ).all()
    return [_comment(comment, name) for comment, name in rows]


_ATTACHMENT_COLUMNS = (
    Attachment.id,
    Attachment.need_id,
    Attachment.name,
    Attachment.media_type,
    Attachment.size,
    Attachment.sha256,
    Attachment.added_at,
)


def attachments(session: Session, need_id: int) -> list[AttachmentInfo]:
    """The need's attachments (never their bytes), by name."""
    rows = session.execute(
        select(*_ATTACHMENT_COLUMNS).where(Attachment.need_id == need_id).order_by(Attachment.id)
    )
    return sorted((AttachmentInfo(*row) for row in rows), key=lambda a: (fold(a.name), a.id))


def attachment(session: Session, attachment_id: int) -> AttachmentInfo:
    row = session.execute(
        select(*_ATTACHMENT_COLUMNS).where(Attachment.id == attachment_id)
    ).one_or_none()
    if row is None:
        raise NotFoundError("attachment.not_found", ref=attachment_id)
    return AttachmentInfo(*row)


def attachment_named(session: Session, need_id: int, name: str) -> AttachmentInfo:
    """The need's attachment called ``name``: as written, else regardless of case and
    accents when only one matches."""
    found = attachments(session, need_id)
    exact = [a for a in found if a.name == name.strip()]
    if not exact:
        exact = [a for a in found if fold(a.name) == fold(name.strip())]
    if len(exact) != 1:
        raise NotFoundError("attachment.not_found", ref=name)
    return exact[0]


def attachment_bytes(session: Session, attachment_id: int) -> bytes:
    """An attachment's content, exactly as it was attached."""
    data = session.scalar(
        select(AttachmentData.data).where(AttachmentData.attachment_id == attachment_id)
    )
    if data is None:
        raise NotFoundError("attachment.not_found", ref=attachment_id)
    return bytes(data)


def attachment_totals(session: Session) -> tuple[int, int]:
    """(files, bytes) attached in the whole workspace."""
    count, size = session.execute(
        select(func.count(Attachment.id), func.coalesce(func.sum(Attachment.size), 0))
    ).one()
    return int(count), int(size)


def _keys(session: Session, need_ids: Iterable[int]) -> dict[int, tuple[str, str, bool, bool]]:
    """Key, title, done and archived of each need that still exists."""
    ids = list(set(need_ids))
    found: dict[int, tuple[str, str, bool, bool]] = {}
    for start in range(0, len(ids), 500):
        rows = session.execute(
            select(
                Need.id,
                Project.code,
                Need.number,
                Need.title,
                Need.done_at,
                Need.archived_at,
            )
            .join(Project, Need.project_id == Project.id)
            .where(Need.id.in_(ids[start : start + 500]))
        )
        for need_id, code, number, title, done_at, archived_at in rows:
            found[need_id] = (
                format_key(code, number),
                title,
                done_at is not None,
                archived_at is not None,
            )
    return found


def links(session: Session, need_id: int) -> list[LinkInfo]:
    """Every link of the need, each seen from it, in a stable order (role, then key)."""
    rows = session.execute(
        select(NeedLink.source_id, NeedLink.target_id, NeedLink.kind).where(
            or_(NeedLink.source_id == need_id, NeedLink.target_id == need_id)
        )
    ).all()
    others = _keys(session, [t if s == need_id else s for s, t, _k in rows])
    found = []
    for source, target, kind_value in rows:
        kind = LinkKind(kind_value)
        outgoing = source == need_id
        role = link_rules.roles(kind)[0 if outgoing else 1]
        other = target if outgoing else source
        key, title, done, archived = others[other]
        found.append(LinkInfo(role, kind, source, target, other, key, title, done, archived))
    order = list(LinkRole)
    return sorted(found, key=lambda link: (order.index(link.role), link.other_key))


def dossier(session: Session, ref: str | int) -> NeedDossier:
    """Everything ``po-desktop need show`` and the need's dossier show, by id or key."""
    need = find_need(session, ref)
    latest = session.execute(
        select(Assessment.decision, Assessment.score)
        .where(Assessment.need_id == need.id)
        .order_by(Assessment.version.desc())
        .limit(1)
    ).one_or_none()
    column = session.get(BoardColumn, need.column_id)
    sprint = session.get(Sprint, need.sprint_id) if need.sprint_id is not None else None
    assignee = session.get(Person, need.assignee_id) if need.assignee_id is not None else None
    files = attachments(session, need.id)
    return NeedDossier(
        id=need.id,
        key=need.key,
        title=need.title,
        problem=need.problem,
        solution=need.solution,
        requester=need.requester,
        project=need.project.name,
        column=column.name if column is not None else "",
        sprint=sprint.name if sprint is not None else None,
        points=need.points,
        assignee=assignee.name if assignee is not None else None,
        tags=tuple(need.tag_names),
        decision=latest[0] if latest else None,
        score=latest[1] if latest else None,
        created_at=need.created_at,
        updated_at=need.updated_at,
        done_at=need.done_at,
        archived_at=need.archived_at,
        links=links(session, need.id),
        comments=comments(session, need.id),
        attachments=files,
        attachment_bytes=sum(a.size for a in files),
        external_ref=need.external_ref,
    )


# ----- the activity timeline --------------------------------------------------------------


def _int(value: str | None) -> int | None:
    try:
        return int(value) if value is not None else None
    except ValueError:
        return None


def _labeller(session: Session, events: list[NeedEvent]) -> dict[tuple[str, str], str]:
    """Readable names of the ids events mention: columns, sprints, other needs."""
    wanted: dict[str, set[int]] = {"column": set(), "sprint": set(), "need": set()}
    for event in events:
        for value in (event.old_value, event.new_value):
            number = _int(value)
            if event.field in (EventField.CREATED.value, EventField.COLUMN.value) and number:
                wanted["column"].add(number)
            elif event.field == EventField.SPRINT.value and number:
                wanted["sprint"].add(number)
            elif event.field == EventField.MERGE.value and number:
                wanted["need"].add(number)
            elif event.field == EventField.LINK.value:
                parsed = link_rules.parse_event_value(value)
                if parsed is not None:
                    wanted["need"].add(parsed[1])
    labels: dict[tuple[str, str], str] = {}
    if wanted["column"]:
        for column_id, name in session.execute(
            select(BoardColumn.id, BoardColumn.name).where(BoardColumn.id.in_(wanted["column"]))
        ):
            labels["column", str(column_id)] = name
    if wanted["sprint"]:
        for sprint_id, name in session.execute(
            select(Sprint.id, Sprint.name).where(Sprint.id.in_(wanted["sprint"]))
        ):
            labels["sprint", str(sprint_id)] = name
    for need_id, (key, _title, _done, _archived) in _keys(session, wanted["need"]).items():
        labels["need", str(need_id)] = key
    return labels


def _event_item(event: NeedEvent, labels: dict[tuple[str, str], str]) -> ActivityItem:
    field = event.field
    role: LinkRole | None = None

    def label(value: str | None) -> str | None:
        nonlocal role
        if value is None:
            return None
        if field in (EventField.CREATED.value, EventField.COLUMN.value):
            return labels.get(("column", value), f"#{value}")
        if field == EventField.SPRINT.value:
            return labels.get(("sprint", value), f"#{value}")
        if field == EventField.MERGE.value:
            return labels.get(("need", value), f"#{value}")
        if field == EventField.LINK.value:
            parsed = link_rules.parse_event_value(value)
            if parsed is None:
                return value
            role = parsed[0]
            return labels.get(("need", str(parsed[1])), f"#{parsed[1]}")
        return value

    old_label, new_label = label(event.old_value), label(event.new_value)
    return ActivityItem(
        event.at,
        field,
        None,
        event.old_value,
        event.new_value,
        old_label,
        new_label,
        role,
        event.author_name,
    )


def activity(session: Session, need_id: int, *, comments_only: bool = False) -> list[ActivityItem]:
    """The need's comments and history merged in time order (oldest first); with
    ``comments_only``, its comments alone.

    A comment is shown once, as itself: the event that recorded its writing is left out;
    a deleted comment leaves its deletion in the history.
    """
    items = [
        ActivityItem(c.created_at, "comment", c, author=c.author)
        for c in comments(session, need_id)
    ]
    if comments_only:
        return items
    events = list(
        session.scalars(
            select(NeedEvent).where(NeedEvent.need_id == need_id).order_by(NeedEvent.id)
        )
    )
    shown = [
        e for e in events if not (e.field == EventField.COMMENT.value and e.new_value is not None)
    ]
    labels = _labeller(session, shown)
    timeline = [_event_item(e, labels) for e in shown]
    merged = [(item.at, 1, index, item) for index, item in enumerate(items)]
    merged += [(item.at, 0, index, item) for index, item in enumerate(timeline)]
    merged.sort(key=lambda entry: entry[:3])
    return [item for *_order, item in merged]


# ----- similar needs ------------------------------------------------------------------------


@dataclass(frozen=True)
class SimilarNeed:
    id: int
    key: str
    title: str
    column: str
    archived: bool
    score: float
    """From 0 to 1 (the same words)."""


_INDEXES: dict[str, tuple[int, SimilarityIndex[int]]] = {}
"""The titles' index of each open database, with the titles it was built from (hashed)."""


def _title_index(session: Session) -> SimilarityIndex[int]:
    """The index of every need's title, built again only when a title changed: the
    capture dialog asks at each pause of the typing, and reading the titles costs a
    fraction of indexing them (bench/dossier.py)."""
    rows = tuple(
        (need_id, text)
        for need_id, text in session.connection().execute(select(Need.id, Need.title))
    )
    fingerprint = hash(rows)
    where = str(session.connection().engine.url)
    cached = _INDEXES.get(where)
    if cached is None or cached[0] != fingerprint:
        if len(_INDEXES) > 4:
            _INDEXES.clear()
        cached = _INDEXES[where] = (fingerprint, SimilarityIndex(rows))
    return cached[1]


def similar_needs(
    session: Session, title: str, *, limit: int = 3, exclude: Iterable[int] = ()
) -> list[SimilarNeed]:
    """The ``limit`` existing needs whose titles come closest to ``title``, regardless of
    case and accents (see :mod:`po_desktop.domain.similarity`), archived ones included: "it
    was already done in ERP-20" is worth knowing. Best first; none when nothing is close."""
    best = _title_index(session).similar(title, limit=limit, exclude=exclude)
    if not best:
        return []
    details = {
        need_id: (format_key(code, number), text, column, archived_at is not None)
        for need_id, code, number, text, column, archived_at in session.execute(
            select(
                Need.id, Project.code, Need.number, Need.title, BoardColumn.name, Need.archived_at
            )
            .join(Project, Need.project_id == Project.id)
            .join(BoardColumn, Need.column_id == BoardColumn.id)
            .where(Need.id.in_([need_id for need_id, _score in best]))
        )
    }
    return [SimilarNeed(need_id, *details[need_id], score) for need_id, score in best]
