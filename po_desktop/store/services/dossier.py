"""A need's dossier: its conversation (comments) and its files (attachments), and the
e-mail that becomes a need.

Files are kept inside the workspace: the single file stays the whole workspace, backups
included. Their bytes sit in a table of their own, so moving or listing attachments never
reads them; nothing here ever runs or interprets a file.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

from sqlalchemy import func, insert, select
from sqlalchemy.orm import Session

from po_desktop.domain.enums import EventField
from po_desktop.domain.filenames import media_type as media_type_of
from po_desktop.domain.filenames import numbered, safe_name
from po_desktop.domain.formatting import FileSize
from po_desktop.domain.text import NameIndex, fold, is_email_address
from po_desktop.store import identity
from po_desktop.store.errors import NotFoundError, ValidationError
from po_desktop.store.models import (
    Attachment,
    AttachmentData,
    Need,
    NeedComment,
    Person,
    utcnow,
)
from po_desktop.store.services import needs, people
from po_desktop.store.services._base import LONG_TEXT_MAX, _event, clean_text, transactional

MAX_ATTACHMENT_BYTES = 25 * 1024 * 1024
"""25 MB a file: what mail programs accept, and what a workspace copied on a USB stick or
sent between machines can carry many of."""
COMMENT_MAX = 20_000
"""Characters of one comment: a long e-mail pasted in, not a book."""
EVENT_TEXT_MAX = 64
"""Characters an event keeps of a name (the history's column width)."""


def need_or_refuse(session: Session, need_id: int) -> Need:
    need = session.get(Need, need_id)
    if need is None:
        raise NotFoundError("need.not_found", ref=need_id)
    return need


def event_text(text: str) -> str:
    return text if len(text) <= EVENT_TEXT_MAX else text[: EVENT_TEXT_MAX - 1] + "…"


# ----- comments ---------------------------------------------------------------------------


def _author(session: Session, author_id: int | None, author_name: str) -> tuple[int | None, str]:
    if author_id is not None:
        person = session.get(Person, author_id)
        if person is None:
            raise NotFoundError("person.not_found", ref=author_id)
        return person.id, person.name
    if not author_name.strip():  # no one named: whoever writes through this session
        author = identity.current(session)
        return author.person_id, author.name
    return None, clean_text(author_name, "author", max_len=120)


@transactional
def add_comment(
    session: Session,
    need_id: int,
    text: str,
    *,
    author_id: int | None = None,
    author_name: str = "",
) -> int:
    """A comment on a need, by a person (``author_id``) or a name as typed; its id.

    The text keeps its line breaks; a blank one is refused, as is a need that does not
    exist. The person's name is kept with the comment, so it still says who wrote it if
    the person is removed from the workspace.
    """
    need = need_or_refuse(session, need_id)
    body = clean_text(text, "comment", required=True, max_len=COMMENT_MAX)
    person_id, name = _author(session, author_id, author_name)
    now = utcnow()
    comment = NeedComment(
        need_id=need.id, author_id=person_id, author_name=name, created_at=now, text=body
    )
    session.add(comment)
    session.flush()
    _event(session, need.id, EventField.COMMENT, None, comment.id, now)
    return comment.id


def _comment(session: Session, comment_id: int) -> NeedComment:
    comment = session.get(NeedComment, comment_id)
    if comment is None:
        raise NotFoundError("comment.not_found", ref=comment_id)
    return comment


@transactional
def edit_comment(session: Session, comment_id: int, text: str) -> None:
    """New text for a comment; it then says when it was edited. The same text changes
    nothing."""
    comment = _comment(session, comment_id)
    body = clean_text(text, "comment", required=True, max_len=COMMENT_MAX)
    if body != comment.text:
        comment.text = body
        comment.edited_at = utcnow()


@transactional
def delete_comment(session: Session, comment_id: int) -> None:
    """The comment goes; the need's history says a comment was deleted, and when."""
    comment = _comment(session, comment_id)
    need_id = comment.need_id
    session.delete(comment)
    session.flush()
    _event(session, need_id, EventField.COMMENT, comment_id, None, utcnow())


# ----- attachments ------------------------------------------------------------------------


def free_name(session: Session, need_id: int, wanted: str, *, but: int | None = None) -> str:
    """``wanted``, or ``wanted (2)``... when another attachment of the need has that name
    (regardless of case: two names a file system may not tell apart)."""
    taken = {
        fold(name)
        for attachment_id, name in session.execute(
            select(Attachment.id, Attachment.name).where(Attachment.need_id == need_id)
        )
        if attachment_id != but
    }
    name, number = wanted, 1
    while fold(name) in taken:
        number += 1
        name = numbered(wanted, number)
    return name


def refuse_too_big(name: str, size: int) -> None:
    """Refuse a file of ``size`` bytes over the limit (before reading it, when it can)."""
    if size > MAX_ATTACHMENT_BYTES:
        raise ValidationError(
            "attachment.too_big",
            field="attachment",
            name=name,
            size=FileSize(size),
            limit=FileSize(MAX_ATTACHMENT_BYTES),
        )


@transactional
def attach_file(
    session: Session, need_id: int, name: str, data: bytes, *, media_type: str | None = None
) -> int:
    """A file kept with a need, its bytes inside the workspace; the attachment's id.

    The name is made safe (no folder, no control or direction character, 255 bytes at
    most, see :mod:`po_desktop.domain.filenames`) and unique within the need ("a (2).pdf");
    a file over 25 MB is refused. The media type is the one declared if it is one, else
    guessed from the name.
    """
    need = need_or_refuse(session, need_id)
    if not isinstance(data, bytes | bytearray | memoryview):
        raise TypeError(f"attachment data must be bytes, not {type(data).__name__}")
    content = bytes(data)
    clean = safe_name(str(name))
    refuse_too_big(clean, len(content))
    final = free_name(session, need.id, clean)
    now = utcnow()
    attachment = Attachment(
        need_id=need.id,
        name=final,
        media_type=media_type_of(final, media_type),
        size=len(content),
        sha256=hashlib.sha256(content).hexdigest(),
        added_at=now,
    )
    session.add(attachment)
    session.flush()
    # A Core insert: an ORM object would keep the bytes in the session as long as it lives.
    session.execute(insert(AttachmentData).values(attachment_id=attachment.id, data=content))
    _event(session, need.id, EventField.ATTACHMENT, None, event_text(final), now)
    return attachment.id


def _attachment(session: Session, attachment_id: int) -> Attachment:
    attachment = session.get(Attachment, attachment_id)
    if attachment is None:
        raise NotFoundError("attachment.not_found", ref=attachment_id)
    return attachment


@transactional
def remove_attachment(session: Session, attachment_id: int) -> None:
    """The file leaves the need and the workspace (undo brings it back, byte for byte)."""
    attachment = _attachment(session, attachment_id)
    need_id, name = attachment.need_id, attachment.name
    session.delete(attachment)
    session.flush()
    _event(session, need_id, EventField.ATTACHMENT, event_text(name), None, utcnow())


# ----- an e-mail becomes a need -----------------------------------------------------------


@dataclass(frozen=True)
class MailInput:
    """What an e-mail gives a need (read by :mod:`po_desktop.io.mail`)."""

    subject: str
    body: str
    sender_name: str
    sender_address: str
    file_name: str
    data: bytes
    """The whole message as received: attached to the need."""
    media_type: str = "message/rfc822"
    """The attached file's type: an ``.eml`` as travelled, or Outlook's ``.msg``."""


@dataclass(frozen=True)
class MailNeed:
    """What :func:`create_need_from_mail` made."""

    need_id: int
    attachment_id: int
    requester: str
    matched: str
    """How the requester was found: "address" (a person with the sender's address),
    "name" (a person with the sender's name), "new" (a person made for the sender), or
    "none" (the mail names no sender)."""
    person_id: int | None = None


def requester_for(session: Session, name: str, address: str) -> tuple[Person | None, str]:
    """The person who sent a mail, and how they were found.

    First the person whose address is the sender's (regardless of case), whatever name the
    mail program shows; then the person whose name is the sender's (regardless of case and
    accents, when only one has it); else a new person with the sender's name (the address
    when the mail gives no name) and address. A mail naming no sender has no requester.
    """
    name, address = name.strip(), address.strip()
    if name.casefold() == address.casefold():
        name = ""  # Outlook repeats the address where a name is missing
    if address:
        person = people.person_by_email(session, address)
        if person is not None:
            return person, "address"
    if name:
        index = NameIndex((p.name, p) for p in session.scalars(select(Person)))
        found = index.find(name)
        if len(found) == 1:
            return found[0][1], "name"
    if not (name or address):
        return None, "none"
    email = address if is_email_address(address) else ""
    person = people.create_person(
        session, people.PersonInput(name=(name or address)[:120], email=email)
    )
    return person, "new"


@transactional
def create_need_from_mail(session: Session, project_id: int, mail: MailInput) -> MailNeed:
    """A need from an e-mail, in the first column: subject → title, text body → the
    problem statement's draft, sender → requester (a person, see :func:`requester_for`),
    and the mail itself attached. A mail without a subject takes its first line as a
    title."""
    title = mail.subject.strip() or next(
        (line.strip() for line in mail.body.splitlines() if line.strip()), ""
    )
    if not title:
        title = safe_name(mail.file_name).rsplit(".", 1)[0]
    person, matched = requester_for(session, mail.sender_name, mail.sender_address)
    requester = person.name[:200] if person is not None else ""
    need_id = needs.create_need(
        session,
        needs.NeedInput(
            title=title[: needs.TITLE_MAX],
            problem=mail.body[:LONG_TEXT_MAX],
            project_id=project_id,
            requester=requester,
        ),
    )
    attachment_id = attach_file(
        session, need_id, mail.file_name or "message.eml", mail.data, media_type=mail.media_type
    )
    return MailNeed(
        need_id, attachment_id, requester, matched, person.id if person is not None else None
    )


def attachment_total(session: Session, need_id: int | None = None) -> tuple[int, int]:
    """(how many files, their bytes) of one need, or of the whole workspace."""
    query = select(func.count(Attachment.id), func.coalesce(func.sum(Attachment.size), 0))
    if need_id is not None:
        query = query.where(Attachment.need_id == need_id)
    count, size = session.execute(query).one()
    return int(count), int(size)
