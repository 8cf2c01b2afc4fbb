"""Links between needs, and merging a duplicate into the need it duplicates.

A link reads from its source ("ERP-3 blocks ERP-5"); both ends record it in their
history, each in its own words. Refused: a need linked to itself, the same link twice
(a relation or a duplicate one way makes the other way the same link), a chain of
"blocks" or of parents that comes back to where it started, and a second parent.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from po_desktop.domain import links as rules
from po_desktop.domain.enums import ArchiveReason, EventField, LinkKind, LinkRole
from po_desktop.domain.keys import format_key
from po_desktop.domain.messages import Message
from po_desktop.store.errors import ConflictError, ValidationError
from po_desktop.store.models import (
    Attachment,
    Need,
    NeedComment,
    NeedLink,
    Project,
    utcnow,
)
from po_desktop.store.services._base import _event, clean_choice, transactional
from po_desktop.store.services.dossier import free_name, need_or_refuse


def _kind(kind: LinkKind | str) -> LinkKind:
    return LinkKind(clean_choice(str(kind), "link", [k.value for k in LinkKind]))


def _keys(session: Session, need_ids: Iterable[int]) -> dict[int, str]:
    ids = list(dict.fromkeys(need_ids))
    rows = session.execute(
        select(Need.id, Project.code, Need.number)
        .join(Project, Need.project_id == Project.id)
        .where(Need.id.in_(ids))
    )
    return {need_id: format_key(code, number) for need_id, code, number in rows}


def _edges(session: Session, kind: LinkKind) -> list[tuple[int, int]]:
    return [
        (source, target)
        for source, target in session.execute(
            select(NeedLink.source_id, NeedLink.target_id).where(NeedLink.kind == kind.value)
        )
    ]


def _existing(session: Session, source_id: int, kind: LinkKind, target_id: int) -> bool:
    pairs = [(source_id, target_id)]
    if kind in rules.SYMMETRIC:
        pairs.append((target_id, source_id))
    return any(
        session.get(NeedLink, (source, target, kind.value)) is not None for source, target in pairs
    )


def role_message(role: LinkRole) -> Message:
    """The words of a link's role in a sentence: "blocks", "is a child of"."""
    return Message(f"link.role.{role.value}")


def _check(session: Session, source_id: int, kind: LinkKind, target_id: int) -> None:
    """Refuse the link ``source kind target`` when it may not be made (see the module)."""
    keys = _keys(session, (source_id, target_id))
    if source_id == target_id:
        raise ValidationError("link.self", field="link", key=keys[source_id])
    if _existing(session, source_id, kind, target_id):
        raise ConflictError(
            "link.exists",
            source=keys[source_id],
            target=keys[target_id],
            role=role_message(rules.roles(kind)[0]),
        )
    if kind == LinkKind.PARENT:
        parent = session.scalar(
            select(NeedLink.source_id).where(
                NeedLink.target_id == target_id, NeedLink.kind == kind.value
            )
        )
        if parent is not None:
            raise ConflictError(
                "link.second_parent",
                key=keys[target_id],
                parent=_keys(session, [parent])[parent],
            )
    if kind in rules.ACYCLIC:
        path = rules.path_between(_edges(session, kind), target_id, source_id)
        if path is not None:
            names = _keys(session, path)
            raise ConflictError(
                "link.cycle" if kind == LinkKind.BLOCKS else "link.parent_cycle",
                source=keys[source_id],
                target=keys[target_id],
                path=" → ".join([keys[source_id], *(names[n] for n in path)]),
            )


def _record(
    session: Session, source_id: int, kind: LinkKind, target_id: int, *, made: bool, at: datetime
) -> None:
    source_role, target_role = rules.roles(kind)
    for need_id, role, other in (
        (source_id, source_role, target_id),
        (target_id, target_role, source_id),
    ):
        value = rules.event_value(role, other)
        old, new = (None, value) if made else (value, None)
        _event(session, need_id, EventField.LINK, old, new, at)


@transactional
def link_needs(session: Session, source_id: int, kind: LinkKind | str, target_id: int) -> None:
    """``source kind target``: ``link_needs(s, a, "blocks", b)`` is "a blocks b",
    ``link_needs(s, epic, "parent", story)`` makes ``story`` a child of ``epic``."""
    link_kind = _kind(kind)
    need_or_refuse(session, source_id)
    need_or_refuse(session, target_id)
    _check(session, source_id, link_kind, target_id)
    now = utcnow()
    session.add(
        NeedLink(source_id=source_id, target_id=target_id, kind=link_kind.value, created_at=now)
    )
    session.flush()
    _record(session, source_id, link_kind, target_id, made=True, at=now)


@transactional
def unlink_needs(session: Session, source_id: int, kind: LinkKind | str, target_id: int) -> None:
    """Remove the link ``source kind target`` (for a relation or a duplicate, either way)."""
    link_kind = _kind(kind)
    found = session.get(NeedLink, (source_id, target_id, link_kind.value))
    if found is None and link_kind in rules.SYMMETRIC:
        found = session.get(NeedLink, (target_id, source_id, link_kind.value))
    if found is None:
        keys = _keys(session, (source_id, target_id))
        raise ConflictError(
            "link.not_found",
            source=keys.get(source_id, str(source_id)),
            target=keys.get(target_id, str(target_id)),
            role=role_message(rules.roles(link_kind)[0]),
        )
    source, target = found.source_id, found.target_id
    session.delete(found)
    session.flush()
    _record(session, source, link_kind, target, made=False, at=utcnow())


# ----- merging a duplicate ----------------------------------------------------------------


@dataclass(frozen=True)
class MergeResult:
    comments: int
    attachments: int
    links: int


def _move_links(session: Session, duplicate_id: int, into_id: int) -> int:
    """The duplicate's links, re-pointed to the need it duplicates; those the other need
    already has, or that would link it to itself, are dropped. Returns how many moved."""
    moved = 0
    found = session.scalars(
        select(NeedLink).where(
            or_(NeedLink.source_id == duplicate_id, NeedLink.target_id == duplicate_id)
        )
    ).all()
    for link in found:
        source = into_id if link.source_id == duplicate_id else link.source_id
        target = into_id if link.target_id == duplicate_id else link.target_id
        kind = LinkKind(link.kind)
        session.delete(link)
        session.flush()
        if source == target or _existing(session, source, kind, target):
            continue
        if kind == LinkKind.PARENT and target == into_id:
            has_parent = session.scalar(
                select(NeedLink.source_id).where(
                    NeedLink.target_id == into_id, NeedLink.kind == kind.value
                )
            )
            if has_parent is not None:
                continue  # the need keeps its own epic
        _check(session, source, kind, target)
        session.add(
            NeedLink(
                source_id=source, target_id=target, kind=kind.value, created_at=link.created_at
            )
        )
        session.flush()
        moved += 1
    return moved


@transactional
def merge_needs(session: Session, duplicate_id: int, into_id: int) -> MergeResult:
    """Close ``duplicate_id`` as a duplicate of ``into_id``, as one action.

    Its comments and attachments move to ``into_id`` (an attachment whose name is taken
    gets a number), its links too (see :func:`_move_links`; a move that would make a
    cycle refuses the whole merge). It is then archived, with a "duplicates" link to the
    need it merged into: its dossier says where it went.
    """
    duplicate = need_or_refuse(session, duplicate_id)
    into = need_or_refuse(session, into_id)
    keys = _keys(session, (duplicate_id, into_id))
    if duplicate_id == into_id:
        raise ValidationError("merge.self", field="link", key=keys[duplicate_id])
    if duplicate.archived_at is not None:
        raise ConflictError("merge.archived", key=keys[duplicate_id])
    if into.archived_at is not None:
        raise ConflictError("merge.into_archived", key=keys[into_id])
    now = utcnow()
    comments = session.scalars(select(NeedComment).where(NeedComment.need_id == duplicate_id)).all()
    for comment in comments:
        comment.need_id = into_id
    attachments = session.scalars(
        select(Attachment).where(Attachment.need_id == duplicate_id).order_by(Attachment.id)
    ).all()
    for attachment in attachments:
        attachment.name = free_name(session, into_id, attachment.name, but=attachment.id)
        attachment.need_id = into_id
        session.flush()
    moved = _move_links(session, duplicate_id, into_id)
    session.add(
        NeedLink(
            source_id=duplicate_id,
            target_id=into_id,
            kind=LinkKind.DUPLICATES.value,
            created_at=now,
        )
    )
    duplicate.archived_at = now
    duplicate.updated_at = now
    into.updated_at = now
    session.flush()
    _event(session, duplicate_id, EventField.ARCHIVE, None, ArchiveReason.MERGED.value, now)
    _event(session, into_id, EventField.MERGE, None, duplicate_id, now)
    return MergeResult(len(comments), len(attachments), moved)
