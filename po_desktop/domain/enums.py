"""Vocabulary shared by every layer, stored as their string values."""

from __future__ import annotations

from enum import StrEnum


class ProjectKind(StrEnum):
    EXTERNAL = "external"
    INTERNAL = "internal"


class Source(StrEnum):
    RND = "rnd"
    CUSTOMER = "customer"
    TEAM = "team"
    OTHER = "other"


class Decision(StrEnum):
    PENDING = "pending"
    GO = "go"
    NO_GO = "no_go"
    EXPLORE = "explore"


class SprintState(StrEnum):
    PLANNED = "planned"
    ACTIVE = "active"
    CLOSED = "closed"


class CeremonyKind(StrEnum):
    PLANNING = "planning"
    DAILY = "daily"
    REVIEW = "review"
    RETRO = "retro"
    REFINEMENT = "refinement"


class Direction(StrEnum):
    BENEFIT = "benefit"
    COST = "cost"


class EventField(StrEnum):
    """What a need event records; burndown, scope change and audit read these."""

    CREATED = "created"
    COLUMN = "column"
    SPRINT = "sprint"
    POINTS = "points"
    DECISION = "decision"
    # The dossier (issue 19): a need's conversation, files, links and archive.
    COMMENT = "comment"
    """A comment added (new: its id) or deleted (old: its id); edits keep their own time."""
    ATTACHMENT = "attachment"
    """A file attached (new: its name) or removed (old: its name)."""
    LINK = "link"
    """A link made (new) or removed (old), as ``role:need id`` seen from this need."""
    ARCHIVE = "archive"
    """Archived (new: why, an :class:`ArchiveReason`) or restored (old: why it was)."""
    MERGE = "merge"
    """A duplicate merged into this need (new: the duplicate's id)."""


class LinkKind(StrEnum):
    """A link between two needs, read from its source: "ERP-3 blocks ERP-5"."""

    BLOCKS = "blocks"
    DUPLICATES = "duplicates"
    RELATES = "relates"
    PARENT = "parent"
    """The source is the parent (an epic) of the target."""


class LinkRole(StrEnum):
    """What a need is to the other end of a link: what its timeline and dossier say."""

    BLOCKS = "blocks"
    BLOCKED_BY = "blocked_by"
    DUPLICATES = "duplicates"
    DUPLICATED_BY = "duplicated_by"
    RELATES = "relates"
    PARENT_OF = "parent_of"
    CHILD_OF = "child_of"


class ArchiveReason(StrEnum):
    MANUAL = "manual"
    AUTO = "auto"
    """Done for the number of days the workspace's setting says."""
    MERGED = "merged"
    """Closed as the duplicate of another need."""


DEFAULT_COLUMNS: tuple[tuple[str, bool], ...] = (
    ("À qualifier", False),
    ("À coter", False),
    ("Prêt", False),
    ("En cours", False),
    ("En revue", False),
    ("Terminé", True),
)
"""Default workflow: (name, is the done column)."""
