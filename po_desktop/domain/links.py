"""Links between needs: what each end is to the other, and the cycles refused.

A link reads from its source: "ERP-3 blocks ERP-5", "ERP-1 is the parent of ERP-4".
Each end sees it in its own words (ERP-5 is blocked by ERP-3, ERP-4 a child of ERP-1).
A need cannot block itself through others (nothing could ever start), nor be its own
ancestor (an epic inside itself); duplicates and relations go both ways.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable, Mapping

from po_desktop.domain.enums import LinkKind, LinkRole

ROLES: Mapping[LinkKind, tuple[LinkRole, LinkRole]] = {
    LinkKind.BLOCKS: (LinkRole.BLOCKS, LinkRole.BLOCKED_BY),
    LinkKind.DUPLICATES: (LinkRole.DUPLICATES, LinkRole.DUPLICATED_BY),
    LinkKind.RELATES: (LinkRole.RELATES, LinkRole.RELATES),
    LinkKind.PARENT: (LinkRole.PARENT_OF, LinkRole.CHILD_OF),
}
"""(what the source is to the target, what the target is to the source)."""

ACYCLIC = frozenset({LinkKind.BLOCKS, LinkKind.PARENT})
"""Kinds whose links may not come back to where they started."""

SYMMETRIC = frozenset({LinkKind.RELATES, LinkKind.DUPLICATES})
"""Kinds where a link one way makes the other way redundant (or contradictory)."""


def roles(kind: LinkKind) -> tuple[LinkRole, LinkRole]:
    return ROLES[kind]


def event_value(role: LinkRole, other_id: int) -> str:
    """How a need's history records a link: ``blocked_by:42``."""
    return f"{role.value}:{other_id}"


def parse_event_value(value: str | None) -> tuple[LinkRole, int] | None:
    """The role and other need of a link event's value; None if it is not one."""
    if not value or ":" not in value:
        return None
    role, _sep, other = value.partition(":")
    try:
        return LinkRole(role), int(other)
    except ValueError:
        return None


def path_between(edges: Iterable[tuple[int, int]], start: int, goal: int) -> list[int] | None:
    """The shortest path from ``start`` to ``goal`` along ``edges`` (source → target), as
    the list of nodes from start to goal; None when there is none.

    Adding the edge goal → start closes a cycle exactly when such a path exists: the
    path is what the refusal names.
    """
    following: dict[int, list[int]] = {}
    for source, target in edges:
        following.setdefault(source, []).append(target)
    came_from: dict[int, int | None] = {start: None}
    queue = deque([start])
    while queue:
        node = queue.popleft()
        if node == goal:
            path = [node]
            while (previous := came_from[path[-1]]) is not None:
                path.append(previous)
            return path[::-1]
        for nxt in following.get(node, ()):
            if nxt not in came_from:
                came_from[nxt] = node
                queue.append(nxt)
    return None
