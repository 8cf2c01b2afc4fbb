"""Weighted scoring of needs on a 0–100 scale, comparable across grids."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from po_desktop.domain.enums import Direction


@dataclass(frozen=True)
class CriterionSpec:
    key: str
    label_fr: str
    label_en: str
    weight: float
    scale_min: float
    scale_max: float
    direction: Direction
    help_fr: str = ""
    help_en: str = ""


class ScoringError(ValueError):
    """A grid or a set of values that cannot produce a score."""


def normalised(spec: CriterionSpec, value: float) -> float:
    """Position of ``value`` on the criterion's scale, 0 (worst) to 1 (best)."""
    if not spec.scale_min <= value <= spec.scale_max:
        raise ScoringError(f"{spec.key}={value} outside [{spec.scale_min}, {spec.scale_max}]")
    span = spec.scale_max - spec.scale_min
    position = (value - spec.scale_min) / span
    return position if spec.direction is Direction.BENEFIT else 1.0 - position


def weighted_score(criteria: Sequence[CriterionSpec], values: Mapping[str, float]) -> float:
    """Weighted mean of normalised values, times 100, rounded to one decimal."""
    if not criteria:
        raise ScoringError("a grid needs at least one criterion")
    total_weight = 0.0
    acc = 0.0
    for spec in criteria:
        if spec.weight <= 0:
            raise ScoringError(f"{spec.key}: weight must be positive")
        if spec.scale_max <= spec.scale_min:
            raise ScoringError(f"{spec.key}: empty scale")
        acc += spec.weight * normalised(spec, values[spec.key])
        total_weight += spec.weight
    return round(100.0 * acc / total_weight, 1)


DEFAULT_GRID: tuple[CriterionSpec, ...] = (
    CriterionSpec(
        "relevance",
        "Pertinence métier",
        "Business relevance",
        3.0,
        1,
        5,
        Direction.BENEFIT,
        "1 : confort ; 3 : gain net pour un métier ; 5 : enjeu stratégique ou client majeur",
        "1: nice to have; 3: clear gain for one team; 5: strategic or key-customer stake",
    ),
    CriterionSpec(
        "investment",
        "Investissement consenti",
        "Investment agreed",
        2.0,
        1,
        5,
        Direction.COST,
        "1 : négligeable ; 3 : budget d'équipe ; 5 : arbitrage de direction",
        "1: negligible; 3: team budget; 5: needs a board decision",
    ),
    CriterionSpec(
        "time",
        "Temps estimé",
        "Estimated time",
        2.0,
        1,
        5,
        Direction.COST,
        "1 : moins d'une semaine ; 3 : un sprint ; 5 : plusieurs mois",
        "1: under a week; 3: one sprint; 5: several months",
    ),
    CriterionSpec(
        "resources",
        "Ressources à allouer",
        "Resources to allocate",
        1.0,
        1,
        5,
        Direction.COST,
        "1 : une personne ; 3 : une équipe ; 5 : plusieurs équipes",
        "1: one person; 3: one team; 5: several teams",
    ),
)
