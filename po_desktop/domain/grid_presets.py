"""The scoring grids every workspace starts with, and the presets a new grid can copy:
the default weighted grid (business relevance, investment, time, resources), RICE, WSJF
and ICE. Their labels are data in both languages, stored with the grid once created."""

from __future__ import annotations

from po_desktop.domain.enums import Direction
from po_desktop.domain.scoring import CriterionSpec, Grid, GridKind

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


def _criterion(
    key: str,
    labels: tuple[str, str],
    scale: tuple[float, float],
    direction: Direction,
    helps: tuple[str, str],
    weight: float = 1.0,
) -> CriterionSpec:
    return CriterionSpec(
        key, labels[0], labels[1], weight, scale[0], scale[1], direction, helps[0], helps[1]
    )


_B, _C = Direction.BENEFIT, Direction.COST

RICE_GRID = Grid(
    "RICE",
    GridKind.RICE,
    (
        _criterion(
            "reach",
            ("Portée", "Reach"),
            (0, 1000),
            _B,
            (
                "Personnes ou clients touchés par trimestre (0 à 1 000)",
                "People or customers reached per quarter (0 to 1,000)",
            ),
        ),
        _criterion(
            "impact",
            ("Impact", "Impact"),
            (0.25, 3),
            _B,
            (
                "0,25 : minime ; 0,5 : faible ; 1 : moyen ; 2 : fort ; 3 : massif",
                "0.25: minimal; 0.5: low; 1: medium; 2: high; 3: massive",
            ),
        ),
        _criterion(
            "confidence",
            ("Confiance", "Confidence"),
            (0, 100),
            _B,
            (
                "En % : 100 chiffres à l'appui ; 80 bonne intuition ; 50 pari",
                "In %: 100 backed by data; 80 good hunch; 50 a bet",
            ),
        ),
        _criterion(
            "effort",
            ("Effort", "Effort"),
            (0.5, 12),
            _C,
            (
                "Personnes-mois, de 0,5 à 12 (le score le divise)",
                "Person-months, 0.5 to 12 (the score divides by it)",
            ),
        ),
    ),
)

_FIB = (1, 20)
WSJF_GRID = Grid(
    "WSJF",
    GridKind.WSJF,
    (
        _criterion(
            "value",
            ("Valeur métier", "Business value"),
            _FIB,
            _B,
            ("Suite de Fibonacci 1, 2, 3, 5, 8, 13, 20", "Fibonacci 1, 2, 3, 5, 8, 13, 20"),
        ),
        _criterion(
            "time_criticality",
            ("Urgence", "Time criticality"),
            _FIB,
            _B,
            (
                "Ce que coûte chaque mois d'attente (1 à 20)",
                "What each month of waiting costs (1 to 20)",
            ),
        ),
        _criterion(
            "risk_reduction",
            ("Réduction de risque / opportunité", "Risk reduction / opportunity"),
            _FIB,
            _B,
            (
                "Risque écarté ou opportunité ouverte (1 à 20)",
                "Risk removed or opportunity opened (1 to 20)",
            ),
        ),
        _criterion(
            "job_size",
            ("Taille du travail", "Job size"),
            _FIB,
            _C,
            (
                "Taille relative, 1 à 20 (le score la divise)",
                "Relative size, 1 to 20 (the score divides by it)",
            ),
        ),
    ),
)

ICE_GRID = Grid(
    "ICE",
    GridKind.ICE,
    (
        _criterion(
            "impact",
            ("Impact", "Impact"),
            (1, 10),
            _B,
            ("1 : à peine visible ; 10 : change la donne", "1: barely visible; 10: game changer"),
        ),
        _criterion(
            "confidence",
            ("Confiance", "Confidence"),
            (1, 10),
            _B,
            ("1 : intuition ; 10 : preuves solides", "1: hunch; 10: solid evidence"),
        ),
        _criterion(
            "ease",
            ("Facilité", "Ease"),
            (1, 10),
            _B,
            ("1 : des mois ; 10 : quelques heures", "1: months; 10: a few hours"),
        ),
    ),
)

DEFAULT_WEIGHTED_GRID = Grid("Grille par défaut", GridKind.WEIGHTED, DEFAULT_GRID)

PRESETS: dict[str, Grid] = {
    "default": DEFAULT_WEIGHTED_GRID,
    "rice": RICE_GRID,
    "wsjf": WSJF_GRID,
    "ice": ICE_GRID,
}
