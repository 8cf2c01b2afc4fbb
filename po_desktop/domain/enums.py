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


DEFAULT_COLUMNS: tuple[tuple[str, bool], ...] = (
    ("À qualifier", False),
    ("À coter", False),
    ("Prêt", False),
    ("En cours", False),
    ("En revue", False),
    ("Terminé", True),
)
"""Default workflow: (name, is the done column)."""
