"""The capacity of a sprint as text, for ``po-desktop capacity`` (no Qt)."""

from __future__ import annotations

from po_desktop.domain.messages import Bilingual, day_label
from po_desktop.store.calendar_queries import SprintCapacity

_T = {
    "person": Bilingual("Personne", "Person"),
    "working": Bilingual("Jours ouvrés", "Working days"),
    "absent": Bilingual("Absences", "Absent"),
    "availability": Bilingual("Disponibilité", "Availability"),
    "days": Bilingual("Jours disponibles", "Available days"),
    "focus": Bilingual("facteur de concentration", "focus factor"),
    "holidays": Bilingual("Jours fériés", "Public holidays"),
    "none": Bilingual("aucun", "none"),
    "team": Bilingual("Capacité de l'équipe", "Team capacity"),
    "day_unit": Bilingual("jours", "days"),
    "forecast": Bilingual("Prévision", "Forecast"),
    "no_forecast": Bilingual(
        "aucune (pas encore de sprint clos pour cette équipe)",
        "none (no closed sprint for this team yet)",
    ),
    "points": Bilingual("points", "points"),
    "from": Bilingual("d'après les derniers sprints clos", "from the last closed sprints"),
    "committed": Bilingual("Engagé", "Committed"),
    "over": Bilingual("au-delà de la prévision", "over the forecast"),
    "no_member": Bilingual(
        "Aucun membre dans ce sprint : ajoutez l'équipe pour calculer sa capacité.",
        "No member in this sprint: add the team to compute its capacity.",
    ),
}


def number(value: float, lang: str) -> str:
    """1 decimal at most, with a decimal comma in French."""
    text = f"{value:.1f}".rstrip("0").rstrip(".") if value % 1 else f"{value:.0f}"
    return text.replace(".", ",") if lang == "fr" else text


def capacity_report(cap: SprintCapacity, lang: str) -> str:
    t = {key: text.render(lang) for key, text in _T.items()}
    start, end = day_label(cap.start).render(lang), day_label(cap.end).render(lang)
    lines = [
        f"{cap.name} — {start} → {end} ({t['focus']} {number(cap.focus_factor, lang)})",
    ]
    sep = " : " if lang == "fr" else ": "  # French puts a space before the colon
    lines.append(f"{t['working']}{sep}{cap.working_days}")
    holidays = ", ".join(f"{day_label(d).render(lang)} ({name})" for d, name in cap.holidays)
    lines.append(f"{t['holidays']}{sep}{holidays or t['none']}")
    lines.append("")
    if cap.people:
        header = [t["person"], t["working"], t["absent"], t["availability"], t["days"]]
        rows = [
            [
                p.name,
                str(p.working_days),
                str(p.absent_days),
                f"{number(p.availability * 100, lang)} %",
                number(p.days, lang),
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
    lines.append(f"{t['team']}{sep}{number(cap.days, lang)} {t['day_unit']}")
    if cap.forecast is None:
        lines.append(f"{t['forecast']}{sep}{t['no_forecast']}")
    else:
        past = ", ".join(number(p.velocity, lang) for p in cap.history)
        points = f"{number(cap.forecast, lang)} {t['points']}"
        lines.append(f"{t['forecast']}{sep}{points} ({t['from']}{sep}{past})")
    committed = f"{t['committed']}{sep}{number(cap.committed, lang)} {t['points']}"
    lines.append(committed + (f" — {t['over']}" if cap.over_committed else ""))
    return "\n".join(lines) + "\n"
