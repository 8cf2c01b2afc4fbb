"""A need's dossier as text (``po-desktop need show``): its fields, links, attachments
(size and SHA-256) and activity timeline, in French or English.

Times are stored in UTC and shown in the computer's local time. User text is printed as
it is: the services refuse the control characters a terminal would obey.
"""

from __future__ import annotations

from datetime import UTC, datetime

from po_desktop.domain import formatting
from po_desktop.domain.enums import ArchiveReason, EventField, LinkRole
from po_desktop.domain.messages import choice_label, translate
from po_desktop.i18n import N_, gettext
from po_desktop.store.dossier_queries import ActivityItem, LinkInfo, NeedDossier

NONE = "—"
INDENT = "    "

ROLE_LABELS: dict[LinkRole, str] = {
    LinkRole.BLOCKS: N_("Blocks"),
    LinkRole.BLOCKED_BY: N_("Blocked by"),
    LinkRole.DUPLICATES: N_("Duplicates"),
    LinkRole.DUPLICATED_BY: N_("Duplicated by"),
    LinkRole.RELATES: N_("Relates to"),
    LinkRole.PARENT_OF: N_("Parent of"),
    LinkRole.CHILD_OF: N_("Child of"),
}
"""A link as a dossier lists it, from the need shown."""

ARCHIVED = {
    ArchiveReason.MANUAL.value: N_("Archived"),
    ArchiveReason.AUTO.value: N_("Archived automatically (done long enough)"),
    ArchiveReason.MERGED.value: N_("Archived as a duplicate"),
}


def local(moment: datetime, lang: str) -> str:
    """A stored (naive UTC) time in the computer's time zone, as the language writes it."""
    shown = moment.replace(tzinfo=UTC).astimezone().replace(tzinfo=None)
    return formatting.moment(shown, lang)


def _t(text: str, lang: str, **values: object) -> str:
    return gettext(text, lang).format(**values)


def _points(value: str | None, lang: str) -> str:
    try:
        return formatting.number(float(value), lang) if value is not None else NONE
    except ValueError:
        return value or NONE


def _decision(value: str | None, lang: str) -> str:
    return choice_label(value, lang) if value else NONE


def _role(item: ActivityItem, lang: str) -> str:
    return translate(f"link.role.{item.role.value}", lang) if item.role else ""


def event_text(item: ActivityItem, lang: str) -> str:
    """One event of a need's history, in a sentence."""
    old, new = item.old_label, item.new_label
    kind = item.kind
    if kind == EventField.CREATED.value:
        return _t(N_("Created in “{column}”"), lang, column=new)
    if kind == EventField.COLUMN.value:
        return _t(N_("Moved from “{old}” to “{new}”"), lang, old=old, new=new)
    if kind == EventField.SPRINT.value:
        if old is None:
            return _t(N_("Planned in the sprint “{new}”"), lang, new=new)
        if new is None:
            return _t(N_("Taken out of the sprint “{old}”"), lang, old=old)
        return _t(N_("Moved from the sprint “{old}” to “{new}”"), lang, old=old, new=new)
    if kind == EventField.POINTS.value:
        if old is None:
            return _t(N_("Estimated at {new} points"), lang, new=_points(new, lang))
        if new is None:
            return _t(N_("Estimate removed (it was {old} points)"), lang, old=_points(old, lang))
        return _t(
            N_("Estimate changed from {old} to {new} points"),
            lang,
            old=_points(old, lang),
            new=_points(new, lang),
        )
    if kind == EventField.DECISION.value:
        if old is None:
            return _t(N_("Decision: {new}"), lang, new=_decision(new, lang))
        return _t(
            N_("Decision changed from {old} to {new}"),
            lang,
            old=_decision(old, lang),
            new=_decision(new, lang),
        )
    if kind == EventField.LINK.value:
        if new is not None:
            return _t(N_("Linked: {role} {key}"), lang, role=_role(item, lang), key=new)
        return _t(N_("Link removed: {role} {key}"), lang, role=_role(item, lang), key=old)
    if kind == EventField.ATTACHMENT.value:
        if new is not None:
            return _t(N_("Attached “{name}”"), lang, name=new)
        return _t(N_("Attachment “{name}” removed"), lang, name=old)
    if kind == EventField.COMMENT.value:
        return gettext(N_("A comment was deleted"), lang)
    if kind == EventField.ARCHIVE.value:
        if new is not None:
            return gettext(ARCHIVED.get(new, ARCHIVED[ArchiveReason.MANUAL.value]), lang)
        return gettext(N_("Back on the board"), lang)
    if kind == EventField.MERGE.value:
        return _t(N_("The duplicate {key} was merged into this need"), lang, key=new)
    return f"{kind}: {old or NONE} → {new or NONE}"


def labelled(label: str, value: str, lang: str) -> str:
    """ "Project: ERP" ("Projet : ERP" in French typography)."""
    return _t(N_("{label}: {value}"), lang, label=gettext(label, lang), value=value)


def heading(label: str, lang: str) -> str:
    return _t(N_("{label}:"), lang, label=gettext(label, lang))


def _block(text: str) -> list[str]:
    return [INDENT + line for line in (text.splitlines() or [""])]


def timeline_lines(items: list[ActivityItem], lang: str) -> list[str]:
    lines = []
    for item in items:
        when = local(item.at, lang)
        comment = item.comment
        if comment is None:
            by = " — " + _t(N_("by {author}"), lang, author=item.author) if item.author else ""
            lines.append(f"  {when}  {event_text(item, lang)}{by}")
            continue
        author = comment.author or gettext(N_("(no name)"), lang)
        edited = ""
        if comment.edited_at is not None:
            edited = " " + _t(N_("(edited {when})"), lang, when=local(comment.edited_at, lang))
        lines.append(f"  {when}  " + _t(N_("{author} wrote:"), lang, author=author) + edited)
        lines += ["  " + line for line in _block(comment.text)]
    return lines


def _link_line(link: LinkInfo, lang: str) -> str:
    states = []
    if link.other_done:
        states.append(gettext(N_("done"), lang))
    if link.other_archived:
        states.append(gettext(N_("archived"), lang))
    state = f" ({', '.join(states)})" if states else ""
    line = _t(
        N_("{role} {key} “{title}”"),
        lang,
        role=gettext(ROLE_LABELS[link.role], lang),
        key=link.other_key,
        title=link.other_title,
    )
    return f"  {line}{state}"


def dossier_text(dossier: NeedDossier, timeline: list[ActivityItem], lang: str) -> str:
    """The whole dossier, for a terminal or a text file."""
    d = dossier
    lines = [f"{d.key} — {d.title}"]

    def field(label: str, value: object) -> None:
        lines.append(labelled(label, str(value) if value not in (None, "") else NONE, lang))

    field(N_("Project"), d.project)
    field(N_("Column"), d.column)
    field(N_("Sprint"), d.sprint)
    field(N_("Story points"), formatting.number(d.points, lang) if d.points is not None else None)
    field(N_("Assignee"), d.assignee)
    field(N_("Requester"), d.requester)
    field(N_("Tags"), ", ".join(d.tags))
    if d.external_ref:
        field(N_("External reference"), d.external_ref)
    score = f" ({formatting.number(d.score, lang)})" if d.score is not None else ""
    field(N_("Decision"), (_decision(d.decision, lang) + score) if d.decision else None)
    field(N_("Created on"), local(d.created_at, lang))
    if d.done_at is not None:
        field(N_("Done on"), local(d.done_at, lang))
    if d.archived_at is not None:
        field(N_("Archived on"), local(d.archived_at, lang))
    for label, text in (
        (N_("Problem statement"), d.problem),
        (N_("Proposed solution"), d.solution),
    ):
        lines += ["", heading(label, lang)]
        lines += _block(text) if text.strip() else [INDENT + NONE]
    lines += ["", heading(N_("Links"), lang)]
    lines += [_link_line(link, lang) for link in d.links] or [INDENT + NONE]
    count = len(d.attachments)
    total = formatting.file_size(d.attachment_bytes, lang)
    lines += ["", translate("dossier.attachments", lang, count=count, size=total)]
    for a in d.attachments:
        lines.append(f"  {a.name}  {a.media_type}  {formatting.file_size(a.size, lang)}")
        lines.append(f"{INDENT}SHA-256 {a.sha256}")
    lines += ["", heading(N_("Activity"), lang)]
    lines += timeline_lines(timeline, lang) or [INDENT + NONE]
    return "\n".join(lines) + "\n"
