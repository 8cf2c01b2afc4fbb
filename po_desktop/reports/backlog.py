"""The ranked backlog as text: a table for the terminal, or CSV for a spreadsheet.

Open needs (not in a done column) ranked by their latest score, or by their
latest assessment on one grid; equal scores are ordered and say why.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from po_desktop.domain import formatting
from po_desktop.domain.formulas import neutralise
from po_desktop.domain.messages import choice_label
from po_desktop.domain.scoring import rank
from po_desktop.i18n import N_, gettext
from po_desktop.store import queries
from po_desktop.store.models import Assessment
from po_desktop.store.services import scoring

HEADERS = {
    "rank": N_("Rank"),
    "key": N_("Key"),
    "title": N_("Title"),
    "score": N_("Score"),
    "decision": N_("Decision"),
    "project": N_("Project"),
    "source": N_("Source"),
    "unit": N_("Business unit"),
    "tie": N_("Tie"),
}
TIES = {
    "decision": N_("broken by decision"),
    "older": N_("older first"),
}
UNSCORED = N_("not scored")


@dataclass(frozen=True)
class BacklogLine:
    rank: int
    key: str
    title: str
    score: float | None
    decision: str | None
    project: str
    source: str
    unit: str
    tie: str | None


def ranked_backlog(session: Session, grid: str | None = None) -> list[BacklogLine]:
    """Open needs (archived ones aside), best first; unscored needs last, oldest first."""
    done = {c.id for c in queries.columns(session) if c.is_done}
    rows = [r for r in queries.need_rows(session) if r.in_backlog(done)]
    scores = {r.id: (r.score, r.decision) for r in rows}
    if grid is not None:
        model = scoring.find_model(session, grid)
        latest = (
            select(Assessment.need_id, func.max(Assessment.version).label("v"))
            .where(Assessment.model_id == model.id)
            .group_by(Assessment.need_id)
            .subquery()
        )
        on_grid = session.execute(
            select(Assessment.need_id, Assessment.score, Assessment.decision).join(
                latest,
                (latest.c.need_id == Assessment.need_id) & (latest.c.v == Assessment.version),
            )
        )
        # The score on this grid, but the need's current decision: a later assessment on
        # another grid may have changed it.
        found = {need_id: score for need_id, score, _decision in on_grid}
        scores = {r.id: (found.get(r.id), r.decision if r.id in found else None) for r in rows}
    by_id = {r.id: r for r in rows}
    scored = [(i, s, d) for i, (s, d) in scores.items() if s is not None]
    unscored = sorted(i for i, (s, _d) in scores.items() if s is None)
    lines = [
        _line(by_id[r.need_id], r.rank, r.score, scores[r.need_id][1], r.tie) for r in rank(scored)
    ]
    start = len(lines) + 1
    lines += [_line(by_id[i], start + n, None, None, None) for n, i in enumerate(unscored)]
    return lines


def _line(
    row: queries.NeedRow, position: int, score: float | None, decision: str | None, tie: str | None
) -> BacklogLine:
    return BacklogLine(
        position,
        row.key,
        row.title,
        score,
        decision,
        row.project_code,
        row.source,
        row.business_unit,
        tie,
    )


def _cells(line: BacklogLine, lang: str) -> list[str]:
    score = "" if line.score is None else formatting.fixed(line.score, lang, group=False)
    decision = choice_label(line.decision, lang) if line.decision else gettext(UNSCORED, lang)
    return [
        str(line.rank),
        line.key,
        line.title,
        score,
        decision,
        line.project,
        choice_label(line.source, lang),
        line.unit,
        gettext(TIES[line.tie], lang) if line.tie else "",
    ]


def as_csv(lines: list[BacklogLine], lang: str) -> str:
    """UTF-8 text with ';' (what French spreadsheets expect); formulas are neutralised."""
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
    writer.writerow([gettext(h, lang) for h in HEADERS.values()])
    for line in lines:
        writer.writerow([neutralise(cell) for cell in _cells(line, lang)])
    return out.getvalue()


def as_table(lines: list[BacklogLine], lang: str, title_width: int = 48) -> str:
    """Aligned columns for a terminal; long titles are shortened with an ellipsis."""
    header = [gettext(h, lang) for h in HEADERS.values()]
    rows = []
    for line in lines:
        cells = _cells(line, lang)
        title = cells[2].replace("\n", " ")
        cells[2] = title if len(title) <= title_width else title[: title_width - 1] + "…"
        rows.append(cells)
    widths = [max(len(r[i]) for r in [header, *rows]) for i in range(len(header))]
    right = {0, 3}
    text = []
    for cells in [header, *rows]:
        text.append(
            "  ".join(
                c.rjust(w) if i in right else c.ljust(w)
                for i, (c, w) in enumerate(zip(cells, widths, strict=True))
            ).rstrip()
        )
    return "\n".join(text) + "\n"
