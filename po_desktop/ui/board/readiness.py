"""Entry rules in words: the settings' checkboxes, the column tooltip, and the questions a
move that breaks them asks. One place, so each term is translated once."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from PySide6.QtCore import QObject

from po_desktop.domain.readiness import ENTRY_RULES, EntryRule, unmet_entry_rules
from po_desktop.store.queries import NeedRow
from po_desktop.ui.models import fill

LISTED = 10
"""Needs a question names; the others are counted ("… and 3 more needs")."""
TITLE_CHARS = 40


@dataclass(frozen=True)
class Breach:
    """A need that would enter a column without meeting all its entry rules."""

    key: str
    title: str
    unmet: tuple[EntryRule, ...]


def breaches(rules: frozenset[EntryRule], rows: Iterable[NeedRow]) -> list[Breach]:
    """The needs among ``rows`` that break some of ``rules``, in the order given."""
    if not rules:
        return []
    found = []
    for row in rows:
        unmet = unmet_entry_rules(
            rules, problem=row.stated, points=row.points, decision=row.decision
        )
        if unmet:
            found.append(Breach(row.key, row.title, unmet))
    return found


def _short(title: str) -> str:
    return title if len(title) <= TITLE_CHARS else title[: TITLE_CHARS - 1].rstrip() + "…"


class EntryRuleTexts(QObject):
    """Translated words for entry rules. Texts that quote user text (column names, need
    titles) are meant to be shown as plain text: the feedback sink, or ``literal_html``."""

    def title(self) -> str:
        return self.tr("Entry rules")

    def label(self, rule: EntryRule) -> str:
        """The rule as a checkbox names it."""
        return {
            EntryRule.PROBLEM: self.tr("Problem statement"),
            EntryRule.ESTIMATE: self.tr("Estimate (points)"),
            EntryRule.GO: self.tr("Go decision"),
        }[rule]

    def reason(self, rule: EntryRule) -> str:
        """What a need lacks when it breaks the rule."""
        return {
            EntryRule.PROBLEM: self.tr("no problem statement"),
            EntryRule.ESTIMATE: self.tr("no estimate"),
            EntryRule.GO: self.tr("not decided go"),
        }[rule]

    def explanation(self) -> str:
        return self.tr(
            "A need can still be moved into this column without them: the move asks first, "
            "and says what is missing."
        )

    def summary(self, rules: frozenset[EntryRule]) -> str:
        """ "Entry rules: Problem statement · Go decision", or "" for a column without any."""
        if not rules:
            return ""
        names = " · ".join(self.label(rule) for rule in ENTRY_RULES if rule in rules)
        return fill(self.tr("Entry rules: %1"), names)

    def reasons(self, unmet: Iterable[EntryRule]) -> str:
        return ", ".join(self.reason(rule) for rule in unmet)

    def breaches(self, column: str, found: list[Breach]) -> str:
        """The needs that would enter ``column`` against its rules, one line each, ten at most."""
        lines = [
            fill(
                self.tr(
                    "%n need(s) would enter “%1” without meeting its entry rules:", "", len(found)
                ),
                column,
            )
        ]
        lines += [
            fill(self.tr("%1 “%2”: %3"), b.key, _short(b.title), self.reasons(b.unmet))
            for b in found[:LISTED]
        ]
        if len(found) > LISTED:
            lines.append(self.tr("… and %n more need(s)", "", len(found) - LISTED))
        return "\n".join(lines)

    def need_question(self, column: str, unmet: Iterable[EntryRule]) -> str:
        """The need editor's question when its column change breaks the new column's rules."""
        return fill(
            self.tr(
                "This need does not meet the entry rules of “%1”: %2.\n\nSave it there anyway?"
            ),
            column,
            self.reasons(unmet),
        )
