"""The decision letter and its e-mail draft, as the requester and the mail program get
them: the PDF read back with pypdf in both languages, the .eml parsed back with the
standard library, refusals and hostile texts."""

from __future__ import annotations

import email
import re
from dataclasses import replace
from datetime import date
from email import policy
from email.message import EmailMessage
from pathlib import Path

import pytest
from pypdf import PdfReader
from sqlalchemy.orm import Session

from po_desktop.cli import main
from po_desktop.domain import formatting
from po_desktop.reports.export import export_letter
from po_desktop.reports.letter_data import NotScoredError, collect_letter
from po_desktop.reports.letter_mail import requester_address
from po_desktop.store.database import open_database
from po_desktop.store.services import needs, people, projects, scoring, sprints

TODAY = date(2027, 3, 1)
START, END = date(2027, 3, 8), date(2027, 3, 19)
REQUESTER = "Marie Dupont <marie.dupont@example.org>"


def _flat(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def _text(pdf: Path) -> str:
    return _flat("\n".join(page.extract_text() for page in PdfReader(pdf).pages))


def _workspace(
    session: Session,
    *,
    decision: str = "go",
    title: str = "Relances de factures",
    problem: str = "Les relances partent à la main, avec des oublis.",
    solution: str = "Un envoi automatique chaque lundi.",
    requester: str = REQUESTER,
    planned: bool = True,
    scored: bool = True,
) -> int:
    owner = people.create_person(session, people.PersonInput("Claire Moreau", "Product Owner"))
    erp = projects.create_project(
        session, projects.ProjectInput("ERP", "Déploiement ERP", owner_id=owner.id)
    )
    sprint_id = sprints.create_sprint(session, sprints.SprintInput("Sprint 12", START, END))
    need = needs.create_need(
        session,
        needs.NeedInput(
            title,
            problem,
            erp.id,
            solution=solution,
            requester=requester,
            points=3,
            sprint_id=sprint_id if planned else None,
        ),
    )
    if scored:
        grid = scoring.active_model(session)
        values = {c.key: str(1 + i) for i, c in enumerate(grid.criteria)}
        rationale = "Gain direct pour la finance." if decision != "pending" else ""
        scoring.assess_need(
            session,
            need,
            scoring.AssessmentInput(values, decision, rationale, "Claire et Marie"),
        )
    return need


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        (
            "fr",
            [
                "Objet\u00a0: votre demande ERP-1 «\u00a0Relances de factures\u00a0»",
                "Le problème tel que nous l’avons compris",
                "Les relances partent à la main, avec des oublis.",
                "La solution que vous avez proposée",
                "Go\u00a0: nous le ferons.",
                "Pourquoi\u00a0: Gain direct pour la finance.",
                "Décidé par Claire et Marie le",
                "Pertinence métier 1",
                "Ressources à allouer 4",
                "Prochaine étape",
                "Il est prévu dans le sprint «\u00a0Sprint 12\u00a0», "
                "du 8 mars 2027 au 19 mars 2027.",
                "Claire Moreau, Product Owner",
            ],
        ),
        (
            "en",
            [
                "Subject: your request ERP-1 “Relances de factures”",
                "The problem as we understood it",
                "The solution you proposed",
                "Go: we will do it.",
                "Why: Gain direct pour la finance.",
                "Decided by Claire et Marie on",
                "Business relevance 1",
                "Resources to allocate 4",
                "Next step",
                "It is planned in the sprint “Sprint 12”, from 8 Mar 2027 to 19 Mar 2027.",
            ],
        ),
    ],
)
def test_the_letter_says_the_need_the_decision_the_score_and_the_next_step(
    session: Session, tmp_path: Path, lang: str, expected: list[str]
) -> None:
    need = _workspace(session)
    out = tmp_path / "lettre.pdf"
    export_letter(session, "ERP-1", out, lang=lang, today=TODAY)
    reader = PdfReader(out)
    assert len(reader.pages) == 1
    text = _text(out)
    for line in expected:
        assert _flat(line) in text, line
    letter = collect_letter(session, need)
    score = formatting.number(round(letter.score), lang, decimals=0)
    assert f"{score} / 100" in text
    assert formatting.day(TODAY, lang) in text
    assert formatting.day(letter.decided_on, lang) in text


def test_the_letter_gives_the_score_as_worked_out_by_hand(session: Session, tmp_path: Path) -> None:
    need = _workspace(session, scored=False)
    grid = scoring.active_model(session)
    draft = scoring.draft_of(grid)
    criteria = tuple(replace(c, weight=4.0) if c.key == "resources" else c for c in draft.criteria)
    scoring.save_grid(session, grid.id, replace(draft, criteria=criteria))  # 3 / 2 / 2 / 4
    values = {"relevance": "5", "investment": "2", "time": "1", "resources": "1"}
    scoring.assess_need(
        session, need, scoring.AssessmentInput(values, "go", "Gain direct.", "Claire")
    )
    out = tmp_path / "lettre.pdf"
    export_letter(session, "ERP-1", out, lang="en", today=TODAY)
    # (3 x 1 + 2 x 0.75 + 2 x 1 + 4 x 1) / 11 = 10.5 / 11 = 95.4545…: 95, not 96 from a 95.5
    assert "The score: 95 / 100" in _text(out)


@pytest.mark.parametrize(
    ("lang", "title", "subject", "keywords"),
    [
        (
            "fr",
            "Décision sur ERP-1 — Relances de factures",
            "Lettre de décision à Marie Dupont <marie.dupont@example.org> sur le besoin ERP-1 "
            "«\u00a0Relances de factures\u00a0»",
            "Lettre de décision, ERP-1, Déploiement ERP, go",
        ),
        (
            "en",
            "Decision on ERP-1 — Relances de factures",
            "Decision letter to Marie Dupont <marie.dupont@example.org> about the need ERP-1 "
            "“Relances de factures”",
            "Decision letter, ERP-1, Déploiement ERP, go",
        ),
    ],
)
def test_the_letter_says_what_it_is_in_its_language(
    session: Session, tmp_path: Path, lang: str, title: str, subject: str, keywords: str
) -> None:
    _workspace(session)
    out = tmp_path / "lettre.pdf"
    export_letter(session, "ERP-1", out, lang=lang, today=TODAY)
    reader = PdfReader(out)
    info = reader.metadata
    assert info is not None
    assert (info.title, info.subject, info.author) == (title, subject, "Claire Moreau")
    assert info["/Keywords"] == keywords
    assert reader.trailer["/Root"]["/Lang"] == lang
    xmp = reader.trailer["/Root"]["/Metadata"].get_object().get_data().decode("utf-8")
    assert f"<rdf:li>{lang}</rdf:li>" in xmp and "Claire Moreau" in xmp
    assert title in xmp


def _draft(path: Path) -> EmailMessage:
    message = email.message_from_bytes(path.read_bytes(), policy=policy.default)
    assert isinstance(message, EmailMessage)
    return message


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_the_draft_opens_as_unsent_to_the_requester_with_the_letter_attached(
    session: Session, tmp_path: Path, lang: str
) -> None:
    _workspace(session)
    pdf, eml = tmp_path / "lettre.pdf", tmp_path / "lettre.eml"
    export_letter(session, "ERP-1", pdf, eml, lang=lang, today=TODAY)
    assert b"\r\n" in eml.read_bytes()  # RFC 5322 line ends
    message = _draft(eml)
    assert message["X-Unsent"] == "1"
    assert [a.addr_spec for a in message["To"].addresses] == ["marie.dupont@example.org"]
    assert message["To"].addresses[0].display_name == "Marie Dupont"
    subject = {
        "fr": "Décision sur votre demande ERP-1\u00a0: Relances de factures",
        "en": "Decision on your request ERP-1: Relances de factures",
    }[lang]
    assert message["Subject"] == subject
    body = message.get_body(("plain",))
    assert body is not None
    words = body.get_content()
    assert ("Bonjour Marie Dupont," if lang == "fr" else "Hello Marie Dupont,") in words
    assert ("Go\u00a0: nous le ferons." if lang == "fr" else "Go: we will do it.") in words
    assert "Sprint 12" in words and "Claire Moreau" in words
    attachments = list(message.iter_attachments())
    assert len(attachments) == 1
    assert attachments[0].get_content_type() == "application/pdf"
    assert attachments[0].get_filename() == "decision-ERP-1.pdf"
    assert attachments[0].get_content() == pdf.read_bytes()  # byte for byte


def test_without_an_address_the_draft_has_no_recipient_and_a_plain_greeting(
    session: Session, tmp_path: Path
) -> None:
    _workspace(session, requester="Groupe Hélios")
    pdf, eml = tmp_path / "lettre.pdf", tmp_path / "lettre.eml"
    export_letter(session, "ERP-1", pdf, eml, lang="fr", today=TODAY)
    message = _draft(eml)
    assert str(message["To"]) == ""
    body = message.get_body(("plain",))
    assert body is not None
    assert body.get_content().startswith("Bonjour,\r\n\r\nVous trouverez ci-joint")
    assert "À : Groupe Hélios" in _text(pdf)


@pytest.mark.parametrize(
    ("requester", "address"),
    [
        ("marie@example.org", "marie@example.org"),
        ("Marie Dupont <marie@example.org>", "marie@example.org"),
        ("Groupe Hélios", None),
        ("a@b.fr, c@d.fr", None),  # two people: the user chooses
        ("Marie <not an address>", None),
        ("<script>@x", None),
    ],
)
def test_the_recipient_is_taken_only_from_one_clear_address(
    requester: str, address: str | None
) -> None:
    found = requester_address(requester)
    assert (found.addr_spec if found is not None else None) == address


def test_a_title_cannot_add_headers_to_the_draft(session: Session, tmp_path: Path) -> None:
    _workspace(session, title="Factures\r\nBcc: espion@example.org\nX-Evil: 1")
    pdf, eml = tmp_path / "lettre.pdf", tmp_path / "lettre.eml"
    export_letter(session, "ERP-1", pdf, eml, lang="en", today=TODAY)
    message = _draft(eml)
    assert message["Bcc"] is None and message["X-Evil"] is None
    assert "Bcc: espion@example.org" in message["Subject"]  # on the subject's one line


def test_a_pending_decision_gets_a_letter_that_says_so(session: Session, tmp_path: Path) -> None:
    _workspace(session, decision="pending", planned=False)
    out = tmp_path / "lettre.pdf"
    export_letter(session, "ERP-1", out, lang="en", today=TODAY)
    text = _text(out)
    assert "Pending: the decision is not taken yet." in text
    assert "Why: No rationale was recorded." in text
    assert "Scored by Claire et Marie on" in text
    assert "We will come back to you with the decision after the next scoring session." in text


@pytest.mark.parametrize(
    ("decision", "planned", "step"),
    [
        ("go", False, "The need joins the backlog"),
        ("no_go", True, "Nothing more will be done on this need."),  # its sprint is no promise
        ("explore", False, "A study comes first"),
    ],
)
def test_the_next_step_follows_the_decision_when_no_sprint_is_planned(
    session: Session, tmp_path: Path, decision: str, planned: bool, step: str
) -> None:
    _workspace(session, decision=decision, planned=planned)
    out = tmp_path / "lettre.pdf"
    export_letter(session, "ERP-1", out, lang="en", today=TODAY)
    assert step in _text(out)


def test_a_need_never_scored_gets_no_letter(session: Session, tmp_path: Path) -> None:
    _workspace(session, scored=False)
    out = tmp_path / "lettre.pdf"
    with pytest.raises(NotScoredError) as refused:
        export_letter(session, "ERP-1", out, tmp_path / "lettre.eml", lang="fr")
    assert refused.value.render("fr") == (
        "ERP-1 n’a pas encore été coté\u00a0: il n’y a pas de décision à envoyer. Cotez-le "
        "d’abord avec le demandeur (vue Cotation)."
    )
    assert not out.exists() and not (tmp_path / "lettre.eml").exists()


HOSTILE_TITLE = "<b>R&D</b> 🚀 مرحبا بالعالم " + "très long titre " * 17


def test_hostile_texts_stay_literal_and_on_one_page(session: Session, tmp_path: Path) -> None:
    _workspace(
        session,
        title=HOSTILE_TITLE[:300],
        problem="<i>Texte</i> & שלום 👩‍💻\n" + "problème sans fin " * 11000,
        solution="</para><b>x</b>" * 500,
    )
    out = tmp_path / "lettre.pdf"
    export_letter(session, "ERP-1", out, lang="fr", today=TODAY)
    reader = PdfReader(out)
    assert len(reader.pages) == 1
    text = _text(out)
    assert "<b>R&D</b>" in text and "<i>Texte</i> & " in text and "</para><b>x</b>" in text
    assert "🚀" in text
    assert "Go : nous le ferons." in text  # what follows the long texts is still there
    assert "Prochaine étape" in text


def _cli_workspace(path: Path, *, scored: bool = True) -> None:
    with open_database(path) as db, db.session() as session:
        _workspace(session, scored=scored)


def test_the_command_line_writes_the_letter_and_its_draft(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "espace.podb"
    _cli_workspace(db)
    pdf, eml = tmp_path / "décision.pdf", tmp_path / "décision.eml"
    args = ["letter", "ERP-1", "--db", str(db), "-o", str(pdf), "--eml", str(eml)]
    assert main([*args, "--lang", "en"]) == 0
    out = capsys.readouterr().out
    assert f"Decision letter of ERP-1 written: {pdf}" in out
    assert f"E-mail draft written: {eml}" in out
    assert "Go: we will do it." in _text(pdf)
    assert _draft(eml)["X-Unsent"] == "1"


@pytest.mark.parametrize(
    ("key", "message"),
    [
        ("ERP-99", "po-desktop: Need not found: ERP-99."),
        ("erp 1", "po-desktop: Invalid key “erp 1”: expected CODE-NUMBER, e.g. ERP-12."),
    ],
)
def test_the_command_line_names_an_unknown_key(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], key: str, message: str
) -> None:
    db = tmp_path / "espace.podb"
    _cli_workspace(db)
    out = tmp_path / "lettre.pdf"
    assert main(["letter", key, "--db", str(db), "-o", str(out), "--lang", "en"]) == 2
    assert capsys.readouterr().err.strip() == message
    assert not out.exists()


def test_the_command_line_refuses_an_unscored_need_and_an_unwritable_folder(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "espace.podb"
    _cli_workspace(db, scored=False)
    out = tmp_path / "lettre.pdf"
    assert main(["letter", "ERP-1", "--db", str(db), "-o", str(out), "--lang", "en"]) == 2
    assert "ERP-1 has not been scored yet" in capsys.readouterr().err
    nowhere = tmp_path / "absent" / "lettre.pdf"
    with open_database(db) as opened, opened.session() as session:
        need = needs.find_need(session, "ERP-1").id
        values = {c.key: "3" for c in scoring.active_model(session).criteria}
        scoring.assess_need(session, need, scoring.AssessmentInput(values, "go"))
    assert main(["letter", "ERP-1", "--db", str(db), "-o", str(nowhere), "--lang", "en"]) == 2
    err = capsys.readouterr().err
    assert f"Cannot write {nowhere}: the file or folder does not exist." in err
    assert main(["letter", "ERP-1", "--db", str(db), "-o", str(out), "--eml", str(out)]) == 2
    assert "cannot be both the letter and its e-mail draft" in capsys.readouterr().err
