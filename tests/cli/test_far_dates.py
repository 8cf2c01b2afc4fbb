"""Dates out of range: refused when typed, survived when a file already holds them.

A sprint ending on 31 December 9999 once went in, then ``capacity``, ``pack`` and
``ics`` died of an OverflowError. Now the services refuse such a date with a message
naming the field and the range, and every command on a file that already holds one
goes on: the reports on that sprint say what to fix, the others leave it out and say so,
``check`` lists it.
"""

from __future__ import annotations

import sqlite3
from datetime import date, datetime
from pathlib import Path

import pytest
from helpers.far_dates import FAR_SPRINT, YEAR_ONE, insert_far_dates
from sqlalchemy.orm import Session

from po_desktop.cli import main
from po_desktop.demo import seed_demo
from po_desktop.domain.calendar import public_holidays, working_days
from po_desktop.store.database import open_database
from po_desktop.store.errors import ValidationError
from po_desktop.store.services import people, rituals, sprints

FAR = "Le sprint «\u00a0Sprint fou\u00a0» a des dates hors de la plage prise en charge"


@pytest.fixture(scope="module")
def far(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, str]]:
    """A demo workspace from the end of 2026 with far dates slipped in; sprint names."""
    path = tmp_path_factory.mktemp("far") / "demo.podb"
    with open_database(path) as db, db.session() as session:
        seed_demo(session, needs=30, seed=5, today=date(2026, 12, 1))
    insert_far_dates(path)
    with sqlite3.connect(path) as raw:
        names = dict(raw.execute("SELECT state, name FROM sprint WHERE start_date LIKE '2026%'"))
    return path, names


def _run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    capsys.readouterr()
    code = main([*args, "--lang", "fr"])
    out, err = capsys.readouterr()
    assert "Traceback" not in err and "inattendue" not in err and "Overflow" not in err, err
    return code, out, err


def test_commands_survive_far_dates_in_the_file(
    far: tuple[Path, dict[str, str]], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path, names = far
    db = ["--db", str(path)]
    code, _out, err = _run(capsys, "capacity", *db, "--sprint", FAR_SPRINT)
    assert code == 2 and err.startswith(f"po-desktop: {FAR} (4 janv. 2027 → 31 déc. 9999)")
    assert "(du 1 janv. 2000 au 31 déc. 2099)" in err
    code, out, _err = _run(capsys, "capacity", *db, "--sprint", names["active"])
    assert code == 0 and "Prévision\u00a0: " in out  # the sprint of the year 1 is no history
    code, _out, err = _run(
        capsys, "pack", *db, "--sprint", FAR_SPRINT, "-o", str(tmp_path / "f.pdf")
    )
    assert code == 2 and FAR in err and not (tmp_path / "f.pdf").exists()
    # The planned sprint's pack names the sprint after it (the far one) without its forecast.
    code, out, _err = _run(
        capsys, "pack", *db, "--sprint", names["planned"], "-o", str(tmp_path / "p.pdf")
    )
    assert code == 0 and "Dossier de revue écrit" in out
    code, out, err = _run(capsys, "ics", *db, "-o", str(tmp_path / "all.ics"))
    assert code == 0 and "Calendrier écrit" in out
    skipped = err.splitlines()
    assert len(skipped) == 3 and all(
        line.startswith("po-desktop: Ignoré\u00a0: ") for line in skipped
    )
    assert FAR in err and YEAR_ONE in err and "Fin des temps" in err
    ics = (tmp_path / "all.ics").read_bytes()
    assert b"9999" not in ics and b"00010101" not in ics and ics.count(b"BEGIN:VEVENT") > 10
    code, _out, err = _run(
        capsys, "ics", *db, "--sprint", FAR_SPRINT, "-o", str(tmp_path / "f.ics")
    )
    assert code == 2 and FAR in err
    code, out, _err = _run(capsys, "backlog", *db)
    assert code == 0 and out.startswith("Rang")
    code, out, _err = _run(capsys, "check", *db)
    problems = [line for line in out.splitlines() if line.startswith("Problème\u00a0: ")]
    assert code == 1 and len(problems) == 4, out
    assert "Congé sans fin" not in out and "L'absence de " in out


def test_services_refuse_dates_out_of_range_naming_the_field(session: Session) -> None:
    with pytest.raises(ValidationError) as info:
        sprints.create_sprint(session, sprints.SprintInput("S", "2027-01-04", "9999-12-31"))
    assert info.value.render("fr") == (
        "La date «\u00a0Fin\u00a0» (31 déc. 9999) doit être comprise entre le 1 janv. 2000 "
        "et le 31 déc. 2099."
    )
    assert info.value.render("en") == (
        "The date “End” (31 Dec 9999) must be between 1 Jan 2000 and 31 Dec 2099."
    )
    with pytest.raises(ValidationError, match="“Start” \\(31 Dec 1999\\)"):
        sprints.create_sprint(session, sprints.SprintInput("S", date(1999, 12, 31), "2000-01-07"))
    person = people.create_person(session, people.PersonInput("Léa")).id
    with pytest.raises(ValidationError, match="“End” \\(1 Jan 2100\\)"):
        rituals.save_absence(
            session, None, rituals.AbsenceInput(person, "2099-12-30", "2100-01-01")
        )
    with pytest.raises(ValidationError, match="“Start” \\(3 Jan 2100\\)"):
        rituals.save_ceremony(
            session, None, rituals.CeremonyInput("review", datetime(2100, 1, 3, 10))
        )
    with pytest.raises(ValidationError, match="“Start” \\(31 Dec 9999\\)"):
        rituals.generate_cadence(session, rituals.CadenceInput("9999-12-31", 2, 2))
    with pytest.raises(ValidationError, match=r"“End” \(.* 2100\)"):  # the last sprints
        rituals.generate_cadence(session, rituals.CadenceInput("2099-11-02", 6, 2))
    assert sprints.dates_out_of_range(session) == []


def test_working_days_and_holidays_stay_finite_to_the_end_of_time() -> None:
    days = working_days(date(2099, 12, 1), date.max, public_holidays(date(2099, 12, 1), date.max))
    assert days[-1] == date(2099, 12, 31) and len(days) == 22
    assert working_days(date.min, date(2000, 1, 7), {})[0] == date(2000, 1, 3)
