"""What the board shows of links, read when the board loads: the cards blocked by needs not
done yet, each child's epic and each epic's progress, the needs at either end of a link.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from po_desktop.domain.enums import LinkKind
from po_desktop.store.models import Need, NeedLink


def blocked_needs(session: Session) -> dict[int, list[int]]:
    """Each need blocked by needs that are not done yet: the ids of its blockers."""
    rows = session.execute(
        select(NeedLink.target_id, NeedLink.source_id)
        .join(Need, Need.id == NeedLink.source_id)
        .where(NeedLink.kind == LinkKind.BLOCKS.value, Need.done_at.is_(None))
        .order_by(NeedLink.target_id, NeedLink.source_id)
    )
    found: dict[int, list[int]] = {}
    for target, source in rows:
        found.setdefault(target, []).append(source)
    return found


def linked_needs(session: Session, kinds: Iterable[LinkKind]) -> frozenset[int]:
    """Every need at either end of a link of these kinds."""
    rows = session.execute(
        select(NeedLink.source_id, NeedLink.target_id).where(
            NeedLink.kind.in_([kind.value for kind in kinds])
        )
    )
    return frozenset(need_id for pair in rows for need_id in pair)


@dataclass(frozen=True)
class EpicProgress:
    children: int
    done_children: int
    points: float
    done_points: float


def epics(session: Session) -> tuple[dict[int, int], dict[int, EpicProgress]]:
    """(each child's parent, each parent's progress: its children done, their points)."""
    rows = session.execute(
        select(NeedLink.source_id, NeedLink.target_id, Need.points, Need.done_at)
        .join(Need, Need.id == NeedLink.target_id)
        .where(NeedLink.kind == LinkKind.PARENT.value)
    ).all()
    parent_of: dict[int, int] = {}
    totals: dict[int, list[float]] = {}
    for parent, child, points, done_at in rows:
        parent_of[child] = parent
        total = totals.setdefault(parent, [0, 0, 0.0, 0.0])
        total[0] += 1
        total[2] += points or 0.0
        if done_at is not None:
            total[1] += 1
            total[3] += points or 0.0
    progress = {
        parent: EpicProgress(int(t[0]), int(t[1]), t[2], t[3]) for parent, t in totals.items()
    }
    return parent_of, progress
