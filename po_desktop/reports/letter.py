"""The decision letter: one A4 page for the requester of a need, in French or English.

It says the problem as the team understood it, the solution the requester proposed, the
decision with its rationale, who decided and when, the score with each criterion's
value, and what happens next (the sprint and its dates when the need is planned).

Same rules as the review pack (:mod:`po_desktop.reports.pack`): embedded fonts with the
emoji fallback, user text printed literally (``<b>`` stays ``<b>``), French spacing,
legible in black and white, and a file that says what it is (information dictionary and
XMP). Long texts are shortened and the page shrinks its content rather than spill onto
a second page: a letter is one sheet.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import IO, Any

from reportlab.lib import colors
from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import KeepInFrame, Paragraph, Spacer, Table, TableStyle

from po_desktop.domain import formatting
from po_desktop.domain.enums import Decision
from po_desktop.domain.messages import choice_label
from po_desktop.domain.scoring import score_text
from po_desktop.i18n import N_, gettext
from po_desktop.reports.letter_data import DecisionLetter
from po_desktop.reports.pdf_metadata import Metadata, NumberedCanvas, a4_document
from po_desktop.reports.pdf_text import (
    BOLD,
    FONT,
    clip_title,
    draw_text,
    plain_text,
    register_fonts,
    text,
    typeset,
)

LABELS: dict[str, str] = {
    "kind": N_("Decision letter"),
    "to": N_("To: {requester}"),
    "subject_line": N_("Subject: your request {key} “{title}”"),
    "greeting": N_("Hello,"),
    "intro": N_(
        "You brought us a need on {date}. Here is what we understood of it, the decision "
        "taken and what comes next."
    ),
    "problem": N_("The problem as we understood it"),
    "solution": N_("The solution you proposed"),
    "no_solution": N_("No solution was proposed: the problem above is what we worked from."),
    "decision": N_("The decision"),
    "rationale": N_("Why"),
    "no_rationale": N_("No rationale was recorded."),
    "decided_by": N_("Decided by {who} on {date} (scoring version {version})."),
    "decided": N_("Decided on {date} (scoring version {version})."),
    "scored_by": N_("Scored by {who} on {date} (scoring version {version})."),
    "scored": N_("Scored on {date} (scoring version {version})."),
    "score": N_("The score: {score} / 100 on the grid “{grid}”"),
    "criterion": N_("Criterion"),
    "value": N_("Value"),
    "scale": N_("Scale"),
    "weight": N_("Weight"),
    "counts": N_("Counts as"),
    "benefit": N_("benefit"),
    "cost": N_("cost"),
    "next": N_("Next step"),
    "next_done": N_("The need was done on {date}."),
    "next_active": N_("It is being carried out in the sprint “{name}”, from {start} to {end}."),
    "next_planned": N_("It is planned in the sprint “{name}”, from {start} to {end}."),
    "closing": N_("Best regards,"),
    "footer": N_("{key} — decision letter of {date}, written with PO Desktop"),
    "title": N_("Decision on {key} — {title}"),
    "subject": N_("Decision letter to {requester} about the need {key} “{title}”"),
    "subject_nobody": N_("Decision letter about the need {key} “{title}”"),
}

VERDICTS: dict[str, str] = {
    Decision.GO.value: N_("Go: we will do it."),
    Decision.NO_GO.value: N_("No go: we will not do it."),
    Decision.EXPLORE.value: N_("To explore: we will study it before deciding."),
    Decision.PENDING.value: N_("Pending: the decision is not taken yet."),
}
"""The decision in one sentence, as the letter prints it."""

NEXT_STEPS: dict[str, str] = {
    Decision.GO.value: N_(
        "The need joins the backlog: it will be planned in a coming sprint according to its "
        "rank, and we will tell you when."
    ),
    Decision.NO_GO.value: N_(
        "Nothing more will be done on this need. If the situation changes, tell us: we will "
        "look at it again."
    ),
    Decision.EXPLORE.value: N_(
        "A study comes first: we will come back to you with what it finds before deciding."
    ),
    Decision.PENDING.value: N_(
        "We will come back to you with the decision after the next scoring session."
    ),
}
"""What happens next when the need is in no open sprint, by decision."""

PROBLEM_MAX, SOLUTION_MAX, RATIONALE_MAX = 1500, 700, 900
"""Characters of each text the page prints: a letter is one sheet."""


def label(name: str, lang: str, /, **params: object) -> str:
    found = gettext(LABELS[name], lang)
    return found.format(**params) if params else found


def verdict(letter: DecisionLetter, lang: str) -> str:
    return gettext(VERDICTS[letter.decision], lang)


def next_step(letter: DecisionLetter, lang: str) -> str:
    """The sprint and its dates when the need is planned; else what its decision leads to."""
    day = formatting.day
    if letter.done_on is not None:
        return label("next_done", lang, date=day(letter.done_on, lang))
    sprint = letter.sprint
    if sprint is not None and letter.decision != Decision.NO_GO.value:
        return label(
            "next_active" if sprint.active else "next_planned",
            lang,
            name=plain_text(clip_title(sprint.name, 80), limit=None),
            start=day(sprint.start, lang),
            end=day(sprint.end, lang),
        )
    return gettext(NEXT_STEPS[letter.decision], lang)


def decided_line(letter: DecisionLetter, lang: str) -> str:
    """Who decided and when; for a pending decision, who scored the need and when."""
    when = formatting.day(letter.decided_on, lang)
    pending = letter.decision == Decision.PENDING.value
    if letter.decided_by.strip():
        who = plain_text(clip_title(letter.decided_by, 120), limit=None)
        name = "scored_by" if pending else "decided_by"
        return label(name, lang, who=who, date=when, version=letter.version)
    return label("scored" if pending else "decided", lang, date=when, version=letter.version)


def signature(letter: DecisionLetter) -> str:
    """Who signs: the project's owner and role, else the project."""
    if letter.signer.strip():
        role = f", {letter.signer_role}" if letter.signer_role.strip() else ""
        return plain_text(clip_title(letter.signer + role, 160), limit=None)
    return plain_text(clip_title(f"{letter.project_code} — {letter.project_name}", 160), limit=None)


class _Styles:
    def __init__(self, lang: str) -> None:
        self.lang = lang
        base = ParagraphStyle("base", fontName=FONT, fontSize=10, leading=13.5)
        self.body = base
        self.small = ParagraphStyle("small", parent=base, fontSize=8, leading=10)
        self.right = ParagraphStyle("right", parent=base, alignment=TA_RIGHT)
        self.subject = ParagraphStyle(
            "subject", parent=base, fontName=BOLD, fontSize=12, leading=15.5, spaceAfter=4
        )
        self.h2 = ParagraphStyle(
            "h2", parent=base, fontName=BOLD, fontSize=11, leading=14, spaceBefore=7, spaceAfter=2
        )
        self.verdict = ParagraphStyle(
            "verdict", parent=base, fontName=BOLD, fontSize=13, leading=17
        )
        self.cell = ParagraphStyle("cell", parent=base, fontSize=8.5, leading=10.5)
        self.cell_head = ParagraphStyle("cellhead", parent=self.cell, fontName=BOLD)

    def para(self, value: object, style: ParagraphStyle) -> Paragraph:
        return Paragraph(text(value, self.lang), style)


def _criteria_table(letter: DecisionLetter, s: _Styles, width: float) -> Table:
    lang = s.lang
    number = formatting.number
    header = [label(k, lang) for k in ("criterion", "value", "scale", "weight", "counts")]
    rows: list[list[Any]] = [[s.para(h, s.cell_head) for h in header]]
    for c in letter.criteria:
        scale = f"{number(c.scale_min, lang, decimals=2)} – {number(c.scale_max, lang, decimals=2)}"
        rows.append(
            [
                s.para(clip_title(c.label.render(lang), 120), s.cell),
                s.para(number(c.value, lang, decimals=2), s.cell),
                s.para(scale, s.cell),
                s.para(number(c.weight, lang, decimals=2), s.cell),
                s.para(label("cost" if c.cost else "benefit", lang), s.cell),
            ]
        )
    fixed = [16 * mm, 20 * mm, 19 * mm, 25 * mm]
    table = Table(rows, colWidths=[width - sum(fixed), *fixed], repeatRows=1)
    table.setStyle(
        TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), FONT),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LINEBELOW", (0, 0), (-1, 0), 0.8, colors.black),
                ("LINEBELOW", (0, 1), (-1, -1), 0.25, colors.grey),
                ("TOPPADDING", (0, 0), (-1, -1), 2),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
            ]
        )
    )
    return table


def _decision_box(letter: DecisionLetter, s: _Styles, width: float) -> Table:
    lang = s.lang
    sep = "\u00a0: " if lang == "fr" else ": "
    rationale = clip_title(letter.rationale.strip(), RATIONALE_MAX) or label("no_rationale", lang)
    content = [
        s.para(verdict(letter, lang), s.verdict),
        Spacer(1, 1.5 * mm),
        s.para(f"{label('rationale', lang)}{sep}{rationale}", s.body),
        Spacer(1, 1.5 * mm),
        s.para(decided_line(letter, lang), s.small),
    ]
    box = Table([[content]], colWidths=[width])
    box.setStyle(
        TableStyle(
            [
                ("BOX", (0, 0), (-1, -1), 1.2, colors.black),
                ("LEFTPADDING", (0, 0), (-1, -1), 8),
                ("RIGHTPADDING", (0, 0), (-1, -1), 8),
                ("TOPPADDING", (0, 0), (-1, -1), 6),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 6),
            ]
        )
    )
    return box


def _story(letter: DecisionLetter, s: _Styles, width: float, today: date) -> list[Any]:
    lang = s.lang
    title = clip_title(letter.title, 200)
    project = clip_title(f"{letter.project_code} — {letter.project_name}", 200)
    head = Table(
        [[s.para(project, s.body), s.para(formatting.day(today, lang), s.right)]],
        colWidths=[width * 0.65, width * 0.35],
    )
    head.setStyle(
        TableStyle([("LEFTPADDING", (0, 0), (-1, -1), 0), ("RIGHTPADDING", (0, 0), (-1, -1), 0)])
    )
    story: list[Any] = [head, Spacer(1, 8 * mm)]
    if letter.requester.strip():
        story.append(s.para(label("to", lang, requester=clip_title(letter.requester, 200)), s.body))
        story.append(Spacer(1, 3 * mm))
    story.append(s.para(label("subject_line", lang, key=letter.key, title=title), s.subject))
    story.append(Spacer(1, 2 * mm))
    story.append(s.para(label("greeting", lang), s.body))
    story.append(Spacer(1, 1.5 * mm))
    intro = label("intro", lang, date=formatting.day(letter.asked_on, lang))
    story.append(s.para(intro, s.body))
    story.append(s.para(label("problem", lang), s.h2))
    story.append(s.para(clip_title(letter.problem.strip(), PROBLEM_MAX) or "—", s.body))
    story.append(s.para(label("solution", lang), s.h2))
    solution = clip_title(letter.solution.strip(), SOLUTION_MAX) or label("no_solution", lang)
    story.append(s.para(solution, s.body))
    story.append(s.para(label("decision", lang), s.h2))
    story.append(_decision_box(letter, s, width))
    score = label("score", lang, score=score_text(letter.score), grid=clip_title(letter.grid, 80))
    story.append(s.para(score, s.h2))
    if letter.criteria:
        story.append(_criteria_table(letter, s, width))
    story.append(s.para(label("next", lang), s.h2))
    story.append(s.para(next_step(letter, lang), s.body))
    story.append(Spacer(1, 6 * mm))
    story.append(s.para(label("closing", lang), s.body))
    story.append(Spacer(1, 2 * mm))
    story.append(s.para(signature(letter), s.body))
    return story


def metadata(letter: DecisionLetter, lang: str) -> Metadata:
    key = letter.key
    title = plain_text(clip_title(letter.title, 200), limit=None)
    requester = plain_text(clip_title(letter.requester.strip(), 200), limit=None)
    if requester:
        subject = label("subject", lang, requester=requester, key=key, title=title)
    else:
        subject = label("subject_nobody", lang, key=key, title=title)
    project = plain_text(clip_title(letter.project_name, 200), limit=None)
    keywords = (label("kind", lang), key, project, choice_label(letter.decision, lang))
    author = plain_text(clip_title(letter.signer, 200), limit=None) or "PO Desktop"
    return Metadata(
        title=label("title", lang, key=key, title=title),
        subject=typeset(subject, lang),
        author=author,
        keywords=tuple(dict.fromkeys(k for k in keywords if k.strip())),
        lang=lang,
    )


def build_letter(
    letter: DecisionLetter, output: Path | IO[bytes], lang: str = "fr", today: date | None = None
) -> None:
    """Write the letter to ``output`` (a file name or a binary file): always one page."""
    register_fonts()
    today = today or date.today()
    styles = _Styles(lang)
    meta = metadata(letter, lang)
    margin = 20 * mm
    footer_text = label("footer", lang, key=letter.key, date=formatting.day(today, lang))

    def footer(canvas: Canvas, _number: int, _total: int) -> None:
        canvas.saveState()
        canvas.setFillColor(colors.black)
        draw_text(canvas, margin, 11 * mm, footer_text, 7.5)
        canvas.restoreState()

    class _LetterCanvas(NumberedCanvas):
        pass

    _LetterCanvas.footer = staticmethod(footer)
    _LetterCanvas.metadata = meta
    doc = a4_document(output, meta, (margin, margin, 18 * mm, 18 * mm), 10)
    width = doc.width - 12  # the frame's padding, 6 points each side
    height = doc.height - 12
    story = _story(letter, styles, width, today)
    # Whatever the texts, one page: what does not fit is scaled down, never sent over.
    doc.build([KeepInFrame(width, height, story, mode="shrink")], canvasmaker=_LetterCanvas)
