"""SQLAlchemy 2.0 typed models; every schema change is an Alembic revision.

No ``from __future__ import annotations`` here: SQLAlchemy would ``eval`` every
string annotation at import, a tenth of a second of start-up. Forward
references are quoted instead.
"""

from collections.abc import Iterable
from datetime import UTC, date, datetime

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Text,
    UniqueConstraint,
    false,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

from po_desktop.domain.enums import (
    CeremonyKind,
    Decision,
    Direction,
    EventField,
    LinkKind,
    ProjectKind,
    Source,
    SprintState,
)
from po_desktop.domain.keys import format_key
from po_desktop.domain.readiness import EntryRule

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def utcnow() -> datetime:
    """Naive UTC: SQLite keeps no time zone, so every stored time is UTC by rule."""
    return datetime.now(UTC).replace(tzinfo=None)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


def _enum_check(column: str, enum: type) -> CheckConstraint:
    """``column`` holds one of ``enum``'s values. Written as comparisons joined by OR,
    not ``IN (…)``: SQLite's integrity check, run on every file the app opens, evaluates
    an ``IN`` list about four times slower per row (0.4 s of its 0.9 s at 100,000 needs
    and their history; migration 0010)."""
    alternatives = " OR ".join(f"{column} = '{member.value}'" for member in enum)
    return CheckConstraint(alternatives, name=f"{column}_valid")


class Versioned:
    """A row that counts its changes and keeps who made the last one and when: a form
    saved on an older version was built on what someone else has changed since, and is
    refused with who and when (see :mod:`po_desktop.store.identity`, which counts them)."""

    version: Mapped[int] = mapped_column(Integer, default=1, server_default="1")
    updated_by: Mapped[str] = mapped_column(String(120), default="", server_default="")
    """Who made the last change (a person's name at the time), or empty when unknown."""
    updated_at: Mapped[datetime | None] = mapped_column(DateTime)
    """When the last change was made; None for a row no one has changed since 0009."""


class Person(Versioned, Base):
    __tablename__ = "person"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(120))
    role: Mapped[str] = mapped_column(String(120), default="")
    business_unit: Mapped[str] = mapped_column(String(80), default="")
    availability: Mapped[float] = mapped_column(Float, default=1.0)
    """Share of a full-time week this person gives the team by default (0–1)."""
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    email: Mapped[str] = mapped_column(String(254), default="", server_default="", index=True)
    """Their e-mail address, or empty: a mail from this address has them as its requester."""
    login: Mapped[str] = mapped_column(String(63), default="", server_default="", index=True)
    """Their login role on a team workspace's server (PostgreSQL's ``current_user``), or
    empty: who signs in as this role is this person, the author of what they change."""

    __table_args__ = (
        CheckConstraint("availability >= 0 AND availability <= 1", name="availability_range"),
    )


class Project(Versioned, Base):
    __tablename__ = "project"

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(10), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    kind: Mapped[str] = mapped_column(String(16), default=ProjectKind.EXTERNAL.value)
    owner_id: Mapped[int | None] = mapped_column(
        ForeignKey("person.id", ondelete="SET NULL"), index=True
    )
    color: Mapped[str] = mapped_column(String(7), default="#4A6FA5")
    archived: Mapped[bool] = mapped_column(Boolean, default=False)
    next_number: Mapped[int] = mapped_column(Integer, default=1)
    """Never decreases: automatic numbering never hands a deleted need's key to a new one."""
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)

    owner: Mapped[Person | None] = relationship()

    __table_args__ = (_enum_check("kind", ProjectKind),)


class BoardColumn(Versioned, Base):
    __tablename__ = "board_column"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(60), unique=True)
    position: Mapped[int] = mapped_column(Integer)
    wip_limit: Mapped[int | None] = mapped_column(Integer)
    is_done: Mapped[bool] = mapped_column(Boolean, default=False)
    """Needs entering this column get a done time (burndown, velocity)."""
    # Entry rules ("definition of ready"): a move that breaks one asks first.
    requires_problem: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    requires_estimate: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    requires_go: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())

    __table_args__ = (
        CheckConstraint("wip_limit IS NULL OR wip_limit > 0", name="wip_limit_positive"),
        # Events name columns by id: a removed column's id must never be handed out again.
        {"sqlite_autoincrement": True},
    )

    @property
    def entry_rules(self) -> frozenset[EntryRule]:
        return frozenset(rule for rule in EntryRule if getattr(self, _RULE_COLUMNS[rule]))

    @entry_rules.setter
    def entry_rules(self, rules: Iterable[EntryRule]) -> None:
        wanted = frozenset(rules)
        for rule, column in _RULE_COLUMNS.items():
            setattr(self, column, rule in wanted)


_RULE_COLUMNS = {
    EntryRule.PROBLEM: "requires_problem",
    EntryRule.ESTIMATE: "requires_estimate",
    EntryRule.GO: "requires_go",
}
"""The board column flag that holds each entry rule."""


class Sprint(Versioned, Base):
    __tablename__ = "sprint"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(80), unique=True)
    goal: Mapped[str] = mapped_column(Text, default="")
    team: Mapped[str] = mapped_column(String(80), default="", server_default="")
    """Sprints of one team may not overlap; "" is the workspace's only team."""
    start_date: Mapped[date] = mapped_column(Date)
    end_date: Mapped[date] = mapped_column(Date)
    state: Mapped[str] = mapped_column(String(16), default=SprintState.PLANNED.value)
    focus_factor: Mapped[float] = mapped_column(Float, default=0.8)
    velocity: Mapped[float | None] = mapped_column(Float)
    started_at: Mapped[datetime | None] = mapped_column(DateTime)
    closed_at: Mapped[datetime | None] = mapped_column(DateTime)

    members: Mapped[list["SprintMember"]] = relationship(
        cascade="all, delete-orphan", passive_deletes=True
    )

    __table_args__ = (
        _enum_check("state", SprintState),
        CheckConstraint("end_date >= start_date", name="dates_ordered"),
        CheckConstraint("focus_factor > 0 AND focus_factor <= 1", name="focus_range"),
    )


class SprintMember(Base):
    __tablename__ = "sprint_member"

    sprint_id: Mapped[int] = mapped_column(
        ForeignKey("sprint.id", ondelete="CASCADE"), primary_key=True
    )
    person_id: Mapped[int] = mapped_column(
        ForeignKey("person.id", ondelete="CASCADE"), primary_key=True, index=True
    )


class Need(Base):
    __tablename__ = "need"

    id: Mapped[int] = mapped_column(primary_key=True)
    project_id: Mapped[int] = mapped_column(ForeignKey("project.id", ondelete="RESTRICT"))
    number: Mapped[int] = mapped_column(Integer)
    title: Mapped[str] = mapped_column(String(300))
    problem: Mapped[str] = mapped_column(Text, default="")
    solution: Mapped[str] = mapped_column(Text, default="")
    requester: Mapped[str] = mapped_column(String(200), default="")
    source: Mapped[str] = mapped_column(String(16), default=Source.OTHER.value)
    business_unit: Mapped[str] = mapped_column(String(80), default="")
    technical: Mapped[bool] = mapped_column(Boolean, default=True)
    column_id: Mapped[int] = mapped_column(ForeignKey("board_column.id", ondelete="RESTRICT"))
    rank: Mapped[int] = mapped_column(Integer)
    points: Mapped[float | None] = mapped_column(Float)
    sprint_id: Mapped[int | None] = mapped_column(ForeignKey("sprint.id", ondelete="SET NULL"))
    assignee_id: Mapped[int | None] = mapped_column(
        ForeignKey("person.id", ondelete="SET NULL"), index=True
    )
    acceptance: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    done_at: Mapped[datetime | None] = mapped_column(DateTime)
    column_since: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    """When the need entered its current column: the card's age on the board."""
    archived_at: Mapped[datetime | None] = mapped_column(DateTime)
    """When the need left the board (done, no-go, merged); None while it is on it."""
    external_ref: Mapped[str] = mapped_column(String(300), default="", server_default="")
    """Where the need came from in another tool (a Jira issue key, a Trello card's
    address); a re-import finds the need by it. Empty for needs made here."""
    version: Mapped[int] = mapped_column(Integer, default=1, server_default="1")
    """Counts the changes made to the need: a form saved on an older version was built
    on what someone else has changed since, and is refused (see ``update_need``)."""
    updated_by: Mapped[str] = mapped_column(String(120), default="", server_default="")
    """Who made the last change (a person's name at the time), or empty when unknown."""

    project: Mapped[Project] = relationship(lazy="joined", innerjoin=True)
    column: Mapped[BoardColumn] = relationship()
    sprint: Mapped[Sprint | None] = relationship()
    assignee: Mapped[Person | None] = relationship()
    tags: Mapped[list["NeedTag"]] = relationship(
        cascade="all, delete-orphan", passive_deletes=True, order_by="NeedTag.name"
    )
    events: Mapped[list["NeedEvent"]] = relationship(
        cascade="all, delete-orphan", passive_deletes=True, order_by="NeedEvent.id"
    )

    __table_args__ = (
        UniqueConstraint("project_id", "number", name="uq_need_project_number"),
        # A column's needs in rank order, and with what the board's column figures read
        # (archived or not, points): those figures, needed before the first paint, come
        # from the index alone, a few pages, not every need's texts (migration 0011).
        Index("ix_need_column_rank", "column_id", "rank", "id", "archived_at", "points"),
        Index("ix_need_sprint", "sprint_id"),
        Index("ix_need_external_ref", "external_ref"),
        _enum_check("source", Source),
        CheckConstraint("points IS NULL OR points >= 0", name="points_positive"),
    )

    @property
    def key(self) -> str:
        return format_key(self.project.code, self.number)

    @property
    def tag_names(self) -> list[str]:
        return sorted((tag.name for tag in self.tags), key=str.casefold)


class NeedTag(Base):
    __tablename__ = "need_tag"

    need_id: Mapped[int] = mapped_column(
        ForeignKey("need.id", ondelete="CASCADE"), primary_key=True
    )
    name: Mapped[str] = mapped_column(String(40), primary_key=True)

    __table_args__ = (Index("ix_need_tag_name", "name"),)


class NeedEvent(Base):
    """One change of a need's column, sprint, points or decision, with its time."""

    __tablename__ = "need_event"

    id: Mapped[int] = mapped_column(primary_key=True)
    need_id: Mapped[int] = mapped_column(ForeignKey("need.id", ondelete="CASCADE"), index=True)
    at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    field: Mapped[str] = mapped_column(String(16))
    old_value: Mapped[str | None] = mapped_column(String(64))
    new_value: Mapped[str | None] = mapped_column(String(64))
    author_id: Mapped[int | None] = mapped_column(
        ForeignKey("person.id", ondelete="SET NULL"), index=True
    )
    author_name: Mapped[str] = mapped_column(String(120), default="", server_default="")
    """Who did it, as their name was at the time: it stays when the person is removed."""

    __table_args__ = (_enum_check("field", EventField),)


class NeedComment(Base):
    """One message of a need's conversation with its requester."""

    __tablename__ = "need_comment"

    id: Mapped[int] = mapped_column(primary_key=True)
    need_id: Mapped[int] = mapped_column(ForeignKey("need.id", ondelete="CASCADE"), index=True)
    author_id: Mapped[int | None] = mapped_column(
        ForeignKey("person.id", ondelete="SET NULL"), index=True
    )
    author_name: Mapped[str] = mapped_column(String(120), default="")
    """The name as written (a person's name at the time, or a free name): it stays when the
    person is removed."""
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    edited_at: Mapped[datetime | None] = mapped_column(DateTime)
    text: Mapped[str] = mapped_column(Text)


class Attachment(Base):
    """A file kept inside the workspace: the single file stays the whole workspace."""

    __tablename__ = "attachment"

    id: Mapped[int] = mapped_column(primary_key=True)
    need_id: Mapped[int] = mapped_column(ForeignKey("need.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(String(255))
    """Sanitised: a plain file name, unique within its need."""
    media_type: Mapped[str] = mapped_column(String(127))
    size: Mapped[int] = mapped_column(Integer)
    sha256: Mapped[str] = mapped_column(String(64))
    added_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)

    __table_args__ = (
        UniqueConstraint("need_id", "name", name="uq_attachment_need_name"),
        CheckConstraint("size >= 0", name="size_positive"),
    )


class AttachmentData(Base):
    """An attachment's bytes, apart from its description: moving, renaming or listing
    attachments never reads nor records their content."""

    __tablename__ = "attachment_data"

    attachment_id: Mapped[int] = mapped_column(
        ForeignKey("attachment.id", ondelete="CASCADE"), primary_key=True
    )
    data: Mapped[bytes] = mapped_column(LargeBinary)


class NeedLink(Base):
    """``source kind target``: "ERP-3 blocks ERP-5", "ERP-1 is the parent of ERP-4"."""

    __tablename__ = "need_link"

    source_id: Mapped[int] = mapped_column(
        ForeignKey("need.id", ondelete="CASCADE"), primary_key=True
    )
    target_id: Mapped[int] = mapped_column(
        ForeignKey("need.id", ondelete="CASCADE"), primary_key=True, index=True
    )
    kind: Mapped[str] = mapped_column(String(16), primary_key=True)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)

    __table_args__ = (
        _enum_check("kind", LinkKind),
        CheckConstraint("source_id <> target_id", name="not_self"),
    )


class ScoringModel(Base):
    __tablename__ = "scoring_model"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(80), unique=True)
    preset: Mapped[str] = mapped_column(String(16), default="custom")
    active: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)

    criteria: Mapped[list["Criterion"]] = relationship(
        cascade="all, delete-orphan", passive_deletes=True, order_by="Criterion.position"
    )


class Criterion(Base):
    __tablename__ = "criterion"

    id: Mapped[int] = mapped_column(primary_key=True)
    model_id: Mapped[int] = mapped_column(ForeignKey("scoring_model.id", ondelete="CASCADE"))
    position: Mapped[int] = mapped_column(Integer)
    key: Mapped[str] = mapped_column(String(40))
    label_fr: Mapped[str] = mapped_column(String(120))
    label_en: Mapped[str] = mapped_column(String(120))
    help_fr: Mapped[str] = mapped_column(Text, default="")
    help_en: Mapped[str] = mapped_column(Text, default="")
    weight: Mapped[float] = mapped_column(Float, default=1.0)
    scale_min: Mapped[float] = mapped_column(Float, default=1.0)
    scale_max: Mapped[float] = mapped_column(Float, default=5.0)
    direction: Mapped[str] = mapped_column(String(8), default=Direction.BENEFIT.value)

    __table_args__ = (
        UniqueConstraint("model_id", "key", name="uq_criterion_model_key"),
        CheckConstraint("weight > 0", name="weight_positive"),
        CheckConstraint("scale_max > scale_min", name="scale_ordered"),
        _enum_check("direction", Direction),
    )


class Assessment(Base):
    """One version of a need's scoring; never edited, a new version supersedes it."""

    __tablename__ = "assessment"

    id: Mapped[int] = mapped_column(primary_key=True)
    need_id: Mapped[int] = mapped_column(ForeignKey("need.id", ondelete="CASCADE"))
    model_id: Mapped[int] = mapped_column(
        ForeignKey("scoring_model.id", ondelete="RESTRICT"), index=True
    )
    version: Mapped[int] = mapped_column(Integer)
    score: Mapped[float] = mapped_column(Float)
    decision: Mapped[str] = mapped_column(String(16), default=Decision.PENDING.value)
    rationale: Mapped[str] = mapped_column(Text, default="")
    decided_by: Mapped[str] = mapped_column(String(120), default="")
    decided_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)

    values: Mapped[list["AssessmentValue"]] = relationship(
        cascade="all, delete-orphan", passive_deletes=True
    )

    __table_args__ = (
        UniqueConstraint("need_id", "version", name="uq_assessment_need_version"),
        _enum_check("decision", Decision),
        CheckConstraint("score >= 0 AND score <= 100", name="score_range"),
    )


class AssessmentValue(Base):
    __tablename__ = "assessment_value"

    assessment_id: Mapped[int] = mapped_column(
        ForeignKey("assessment.id", ondelete="CASCADE"), primary_key=True
    )
    criterion_id: Mapped[int] = mapped_column(
        ForeignKey("criterion.id", ondelete="RESTRICT"), primary_key=True, index=True
    )
    value: Mapped[float] = mapped_column(Float)


class SprintCommitment(Base):
    """The committed scope, snapshotted when the sprint starts."""

    __tablename__ = "sprint_commitment"

    sprint_id: Mapped[int] = mapped_column(
        ForeignKey("sprint.id", ondelete="CASCADE"), primary_key=True
    )
    need_id: Mapped[int] = mapped_column(
        ForeignKey("need.id", ondelete="CASCADE"), primary_key=True, index=True
    )
    points: Mapped[float | None] = mapped_column(Float)


class Ceremony(Base):
    __tablename__ = "ceremony"

    id: Mapped[int] = mapped_column(primary_key=True)
    sprint_id: Mapped[int | None] = mapped_column(
        ForeignKey("sprint.id", ondelete="CASCADE"), index=True
    )
    kind: Mapped[str] = mapped_column(String(16))
    title: Mapped[str] = mapped_column(String(200), default="")
    starts_at: Mapped[datetime] = mapped_column(DateTime)
    """Local wall-clock time (Europe/Paris by default): rituals follow the office clock."""
    duration_minutes: Mapped[int] = mapped_column(Integer, default=60)
    location: Mapped[str] = mapped_column(String(200), default="")
    notes: Mapped[str] = mapped_column(Text, default="")

    __table_args__ = (
        _enum_check("kind", CeremonyKind),
        CheckConstraint("duration_minutes > 0", name="duration_positive"),
    )


class Absence(Base):
    __tablename__ = "absence"

    id: Mapped[int] = mapped_column(primary_key=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("person.id", ondelete="CASCADE"), index=True)
    start_date: Mapped[date] = mapped_column(Date)
    end_date: Mapped[date] = mapped_column(Date)
    reason: Mapped[str] = mapped_column(String(200), default="")

    __table_args__ = (CheckConstraint("end_date >= start_date", name="dates_ordered"),)


class Setting(Base):
    """A workspace setting that travels with the file (holiday region, export id)."""

    __tablename__ = "setting"

    key: Mapped[str] = mapped_column(String(60), primary_key=True)
    value: Mapped[str] = mapped_column(Text, default="", server_default="")
