"""The capacity of a sprint as text, for ``po-desktop capacity`` (no Qt)."""

from __future__ import annotations

from po_desktop.domain import formatting
from po_desktop.i18n import N_, gettext, pgettext
from po_desktop.store.calendar_queries import SprintCapacity

_T: dict[str, str] = {
    "person": N_("Person"),
    "working": N_("Working days"),
    "absent": N_("Absent"),
    "availability": N_("Availability"),
    "days": N_("Available days"),
    "focus": N_("focus factor"),
    "holidays": N_("Public holidays"),
    "team": N_("Team capacity"),
    "day_unit": N_("days"),
    "forecast": N_("Forecast"),
    "no_forecast": N_("none (no closed sprint for this team yet)"),
    "points": N_("points"),
    "from": N_("from the last closed sprints"),
    "committed": N_("Committed"),
    "over": N_("over the forecast"),
    "no_member": N_("No member in this sprint: add the team to compute its capacity."),
}


def capacity_report(cap: SprintCapacity, lang: str) -> str:
    t = {key: gettext(text, lang) for key, text in _T.items()}
    t["none"] = pgettext("public holidays", "none", lang)

    start, end = formatting.day(cap.start, lang), formatting.day(cap.end, lang)
    lines = [
        f"{cap.name} — {start} → {end} ({t['focus']} {formatting.number(cap.focus_factor, lang)})",
    ]
    sep = "\u00a0: " if lang == "fr" else ": "  # French: a no-break space before the colon
    lines.append(f"{t['working']}{sep}{cap.working_days}")
    holidays = ", ".join(f"{formatting.day(d, lang)} ({name})" for d, name in cap.holidays)
    lines.append(f"{t['holidays']}{sep}{holidays or t['none']}")
    lines.append("")
    if cap.people:
        header = [t["person"], t["working"], t["absent"], t["availability"], t["days"]]
        rows = [
            [
                p.name,
                str(p.working_days),
                str(p.absent_days),
                formatting.percent(p.availability, lang),
                formatting.number(p.days, lang),
            ]
            for p in cap.people
        ]
        widths = [max(len(r[i]) for r in [header, *rows]) for i in range(len(header))]
        for cells in [header, *rows]:
            lines.append(
                "  ".join(
                    c.ljust(w) if i == 0 else c.rjust(w)
                    for i, (c, w) in enumerate(zip(cells, widths, strict=True))
                ).rstrip()
            )
    else:
        lines.append(t["no_member"])
    lines.append("")
    lines.append(f"{t['team']}{sep}{formatting.number(cap.days, lang)} {t['day_unit']}")
    if cap.forecast is None:
        lines.append(f"{t['forecast']}{sep}{t['no_forecast']}")
    else:
        past = ", ".join(formatting.number(p.velocity, lang) for p in cap.history)
        points = f"{formatting.number(cap.forecast, lang)} {t['points']}"
        lines.append(f"{t['forecast']}{sep}{points} ({t['from']}{sep}{past})")
    committed = f"{t['committed']}{sep}{formatting.number(cap.committed, lang)} {t['points']}"
    lines.append(committed + (f" — {t['over']}" if cap.over_committed else ""))
    return "\n".join(lines) + "\n"
