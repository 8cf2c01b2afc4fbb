"""What a list or the board shows: combinable quick filters over the loaded need rows.

Pure Python on purpose: the board re-filters 10,000 rows on every keystroke, and
one pass over a list of tuples with prebuilt folded text (case and accents removed,
see :mod:`po_desktop.domain.text`) is a few milliseconds, where a
QSortFilterProxyModel would call into Python per row.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass, fields, replace
from itertools import compress
from typing import Any

from po_desktop.domain.text import search_key
from po_desktop.store.queries import NeedRow

UNASSIGNED = -1
"""``assignee_id`` filter value for needs given to nobody."""
UNSCORED = "unscored"
"""``decision`` filter value for needs without any assessment."""

SCOPES = ("all", "sprint", "backlog", "archived")
"""Everything, the active sprint's needs, the backlog (needs without a sprint), or the
archived needs: the other scopes leave those out."""


@dataclass(frozen=True)
class NeedFilter:
    text: str = ""
    """The search as typed, found in key, title and problem statement regardless of case
    and accents ("conges" finds "Congés")."""
    project_id: int | None = None
    source: str | None = None
    business_unit: str | None = None
    assignee_id: int | None = None
    decision: str | None = None
    tag: str | None = None
    scope: str = "all"
    open_only: bool = False
    done_column_ids: frozenset[int] = frozenset()

    @property
    def is_narrowing(self) -> bool:
        """True when some rows may be hidden (the board then shows "3 of 12")."""
        return self != NeedFilter(done_column_ids=self.done_column_ids)

    def accepts(self, row: NeedRow) -> bool:
        if (row.archived_at is not None) != (self.scope == "archived"):
            return False
        if self.project_id is not None and row.project_id != self.project_id:
            return False
        if self.open_only and row.column_id in self.done_column_ids:
            return False
        if self.source is not None and row.source != self.source:
            return False
        if self.business_unit is not None and row.business_unit != self.business_unit:
            return False
        if self.assignee_id is not None:
            wanted = None if self.assignee_id == UNASSIGNED else self.assignee_id
            if row.assignee_id != wanted:
                return False
        if self.decision is not None:
            if self.decision == UNSCORED:
                if row.decision is not None:
                    return False
            elif row.decision != self.decision:
                return False
        if self.tag is not None and self.tag not in row.tags:
            return False
        if self.scope == "sprint" and row.sprint_state != "active":
            return False
        if self.scope == "backlog" and row.sprint_id is not None:
            return False
        if self.text:
            return search_key(self.text) in row.text
        return True

    def apply(self, rows: Iterable[NeedRow]) -> list[NeedRow]:
        """The accepted rows, in input order."""
        if self == NeedFilter(done_column_ids=self.done_column_ids):
            return [r for r in rows if r.archived_at is None]
        if not self.text:
            return [r for r in rows if self.accepts(r)]
        text = search_key(self.text)
        fast = NeedFilter(text="", **_without_text(self))
        plain = fast == NeedFilter(done_column_ids=self.done_column_ids)
        result = []
        for row in rows:
            if text in row.text and ((row.archived_at is None) if plain else fast.accepts(row)):
                result.append(row)
        return result

    def to_state(self) -> dict[str, Any]:
        """What is kept between runs (per database); the done columns are not."""
        state = asdict(self)
        state.pop("done_column_ids")
        state.pop("open_only")
        return state

    @classmethod
    def from_state(cls, state: object) -> NeedFilter:
        """Tolerant of old or hand-edited settings: unknown keys and bad types are dropped."""
        if not isinstance(state, dict):
            return cls()
        types = {"text": str, "source": str, "business_unit": str, "decision": str, "tag": str}
        kept: dict[str, Any] = {}
        for name in ("text", "project_id", "source", "business_unit", "assignee_id"):
            kept[name] = state.get(name)
        kept["decision"] = state.get("decision")
        kept["tag"] = state.get("tag")
        for name, value in list(kept.items()):
            expected = types.get(name, int)
            if value is not None and (not isinstance(value, expected) or isinstance(value, bool)):
                kept[name] = None
        kept["text"] = kept["text"] or ""
        scope = state.get("scope")
        kept["scope"] = scope if scope in SCOPES else "all"
        return cls(**kept)


class SearchIndex:
    """What the recent searches over the same rows found, so that a search narrows as the
    user types: "factur" is looked for only among the cards "factu" found (a card holding
    "factur" holds "factu"), and erasing a letter gives back what was found before.

    Results are exactly :meth:`NeedFilter.apply`'s, in the same order: the other filters
    are applied once (the search of "" below), and every folded text contained in the new
    one found a superset of its cards. Each result keeps its cards' search texts beside
    them, so a keystroke is one pass of ``in`` over a list of strings. The owner calls
    :meth:`clear` whenever its rows or their texts change; another filter beside the text
    starts over.
    """

    BUDGET = 4
    """Cards kept over all searches, as a multiple of the cards the other filters let
    through: at 100,000 needs, a few broad searches and many narrow ones."""

    def __init__(self) -> None:
        self._base: NeedFilter | None = None
        self._found: dict[str, _Found] = {}
        """By search key (:func:`~po_desktop.domain.text.search_key`)."""

    def clear(self) -> None:
        self._base = None
        self._found.clear()

    def apply(self, need_filter: NeedFilter, rows: Sequence[NeedRow]) -> list[NeedRow]:
        """``need_filter.apply(rows)``, from a narrower earlier result if any."""
        return list(self.shown(need_filter, rows))

    def shown(self, need_filter: NeedFilter, rows: Sequence[NeedRow]) -> list[NeedRow]:
        """What :meth:`apply` returns, the list kept here: to be read, never changed."""
        base = replace(need_filter, text="")
        if base != self._base:
            self._found.clear()
            self._base = base
        text = search_key(need_filter.text)
        found = self._found.get(text)
        if found is None:
            found = source = self._everything(base, rows)
            for known, earlier in self._found.items():
                if known in text and len(earlier.rows) < len(source.rows):
                    source = earlier
            keep = [text in hay for hay in source.texts]
            if all(keep):  # "e" finds every card: the same lists, read only, not copies
                found = source
            else:
                found = _Found(
                    list(compress(source.rows, keep)), list(compress(source.texts, keep))
                )
            self._keep(text, found)
        return found.rows

    def _everything(self, base: NeedFilter, rows: Sequence[NeedRow]) -> _Found:
        """The cards the other filters let through, with their search texts."""
        found = self._found.get("")
        if found is None:
            shown = base.apply(rows)
            found = self._found[""] = _Found(shown, [row.text for row in shown])
        return found

    def _keep(self, text: str, found: _Found) -> None:
        """Keep a result, dropping the oldest searches (never "") beyond the budget."""
        self._found[text] = found
        budget = self.BUDGET * max(len(self._found[""].rows), 1)
        kept = sum(len(earlier.rows) for earlier in self._found.values())
        for known in list(self._found):
            if kept <= budget:
                break
            if known not in ("", text):
                kept -= len(self._found.pop(known).rows)


@dataclass(frozen=True, slots=True)
class _Found:
    """A search's cards and their search texts, in the same order."""

    rows: list[NeedRow]
    texts: list[str]


def _without_text(need_filter: NeedFilter) -> dict[str, Any]:
    return {f.name: getattr(need_filter, f.name) for f in fields(need_filter) if f.name != "text"}
