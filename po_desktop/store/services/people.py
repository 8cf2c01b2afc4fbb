"""People: team members, product owners and the business units they belong to."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from po_desktop.domain.text import EMAIL_MAX, is_email_address
from po_desktop.store.errors import ConflictError, NotFoundError, ValidationError
from po_desktop.store.identity import check_version
from po_desktop.store.models import Absence, Need, Person, Project, SprintMember
from po_desktop.store.services._base import clean_number, clean_text, locked, transactional


@dataclass
class PersonInput:
    name: str
    role: str = ""
    business_unit: str = ""
    availability: float = 1.0
    active: bool = True
    email: str = ""
    login: str | None = None
    """Their login role on a team workspace's server; None leaves it as it is."""


LOGIN_MAX = 63  # PostgreSQL's longest name


def clean_email(value: object) -> str:
    """An address as stored (trimmed), or empty; a mistyped one is refused with the text
    typed, so the person can correct it."""
    text = clean_text(value, "email", max_len=EMAIL_MAX)
    if text and not is_email_address(text):
        raise ValidationError("person.bad_email", field="email", value=text)
    return text


def _validate(data: PersonInput) -> PersonInput:
    availability = clean_number(
        data.availability, "availability", minimum=0, maximum=1, allow_none=False
    )
    assert availability is not None
    return PersonInput(
        name=clean_text(data.name, "name", required=True, max_len=120),
        role=clean_text(data.role, "role", max_len=120),
        business_unit=clean_text(data.business_unit, "business_unit", max_len=80),
        availability=availability,
        active=bool(data.active),
        email=clean_email(data.email),
        login=None if data.login is None else clean_text(data.login, "login", max_len=LOGIN_MAX),
    )


def _refuse_shared_email(session: Session, email: str, person_id: int | None) -> None:
    """One address, one person: a mail from it must have one requester."""
    owner = person_by_email(session, email)
    if owner is not None and owner.id != person_id:
        raise ValidationError("person.email_taken", field="email", value=email, name=owner.name)


@transactional
def create_person(session: Session, data: PersonInput) -> Person:
    clean = _validate(data)
    _refuse_shared_email(session, clean.email, None)
    values = vars(clean)
    values["login"] = values["login"] or ""
    person = Person(**values)
    session.add(person)
    session.flush()
    return person


def person_by_email(session: Session, address: str) -> Person | None:
    """The person whose address is ``address``, regardless of case (the first by name when
    two share it)."""
    wanted = address.strip().casefold()
    if not wanted:
        return None
    query = select(Person).where(Person.email != "").order_by(Person.name, Person.id)
    # SQLite's lower() folds ASCII only: compare in Python, over the few people with one.
    return next((p for p in session.scalars(query) if p.email.casefold() == wanted), None)


@transactional
def update_person(
    session: Session, person_id: int, data: PersonInput, *, version: int | None = None
) -> Person:
    """Edit a person. ``version``: as :func:`~po_desktop.store.services.projects.update_project`."""
    person = locked(session, Person, person_id, version)
    if person is None:
        raise NotFoundError("person.not_found", ref=person_id)
    check_version(person, version)
    clean = _validate(data)
    _refuse_shared_email(session, clean.email, person_id)
    for name, value in vars(clean).items():
        if value is not None:
            setattr(person, name, value)
    session.flush()
    return person


@transactional
def delete_person(session: Session, person_id: int) -> None:
    """Refused while the person carries work: deactivate them instead."""
    person = session.get(Person, person_id)
    if person is None:
        raise NotFoundError("person.not_found", ref=person_id)
    # Sprint memberships and absences would vanish with the person (cascade), so a
    # person with any history is deactivated rather than deleted.
    count = sum(
        session.scalar(select(func.count()).where(condition)) or 0
        for condition in (
            Need.assignee_id == person_id,
            Project.owner_id == person_id,
            SprintMember.person_id == person_id,
            Absence.person_id == person_id,
        )
    )
    if count:
        raise ConflictError("person.in_use", name=person.name, count=count)
    session.delete(person)
