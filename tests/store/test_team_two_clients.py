"""Two processes edit one team workspace at once: both changes land, each hears the
other's through NOTIFY (not its own), and when both save the same need's form, filled
before either saved, one save lands and the other is refused naming who saved first."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from helpers import postgres
from sqlalchemy import select
from sqlalchemy.orm import Session

from po_desktop.store import team
from po_desktop.store.models import Need, NeedComment
from po_desktop.store.services import needs, projects

ROOT = Path(__file__).resolve().parents[2]

CLIENT = """
import dataclasses, json, pathlib, sys, time
from sqlalchemy import select
from po_desktop.store import changes, identity, live
from po_desktop.store.database import open_database
from po_desktop.store.errors import ConflictError
from po_desktop.store.models import Need
from po_desktop.store.services import dossier, needs

address, me, other, folder = sys.argv[1:5]
folder = pathlib.Path(folder)
db = open_database(address)
listener = live.connect_listener(db.url, me)
with db.session() as session:  # the form, filled before anyone saves
    need = session.scalars(select(Need).order_by(Need.id)).first()
    need_id, version, form = need.id, need.version, needs.need_input(need)
(folder / me).touch()  # listening, form filled: the other may write now
deadline = time.monotonic() + 20
while not (folder / other).exists() and time.monotonic() < deadline:
    time.sleep(0.02)
with db.session() as session:
    identity.sign_in(session, identity.Author(None, me))
    with changes.capture(session, author=me) as change:
        dossier.add_comment(session, need_id, "note de " + me, author_name=me)
heard = []
while time.monotonic() < deadline and not any(n.author == other for n in heard):
    live.wait(listener, 0.2, heard.append)
with db.session() as session:
    identity.sign_in(session, identity.Author(None, me))
    try:
        needs.update_need(
            session, need_id, dataclasses.replace(form, title="Relances de " + me),
            version=version,
        )
        saved = "saved"
    except ConflictError as refusal:
        saved = refusal.render("en")
print(json.dumps({"mine": change.id, "origin": db.origin, "saved": saved,
                  "heard": [[n.origin, n.author, n.id, n.need_ids] for n in heard]}))
listener.close()
db.close()
"""


@pytest.fixture
def server() -> str:
    with postgres.scratch_database() as url:
        engine = team.make_server_engine(url)
        try:
            team.create_schema(engine)
            with Session(engine) as session:
                erp = projects.create_project(session, projects.ProjectInput("ERP", "ERP"))
                needs.create_need(session, needs.NeedInput("Relances", "Défi", erp.id))
        finally:
            engine.dispose()
        yield postgres.address(url)


def test_two_processes_editing_one_workspace_both_land_hear_each_other_and_one_conflicts(
    server: str, tmp_path: Path
) -> None:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    clients = [
        subprocess.Popen(
            [sys.executable, "-c", CLIENT, server, me, other, str(tmp_path)],
            cwd=ROOT,
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for me, other in (("Virginie", "Paul"), ("Paul", "Virginie"))
    ]
    results = []
    for client in clients:
        out, err = client.communicate(timeout=60)
        assert client.returncode == 0, err
        results.append(json.loads(out.strip().splitlines()[-1]))
    virginie, paul = results
    for mine, theirs, name in ((virginie, paul, "Paul"), (paul, virginie, "Virginie")):
        others = [h for h in mine["heard"] if h[0] != mine["origin"]]
        assert {h[1] for h in others} == {name}  # (its form's save may be heard too)
        assert others[0][2] == theirs["mine"]  # the other's change, by its id
        assert len(others[0][3]) == 1  # and the need it concerns
        # Its own change comes back marked with its own origin: the window ignores it.
        assert [h[2] for h in mine["heard"] if h[0] == mine["origin"]] in ([], [mine["mine"]])
    engine = team.make_server_engine(server)
    try:
        with Session(engine) as session:
            texts = sorted(session.scalars(select(NeedComment.text)))
            title = session.scalars(select(Need.title)).one()
    finally:
        engine.dispose()
    assert texts == ["note de Paul", "note de Virginie"]
    # The same need's form saved by both: the first save lands, the second is refused
    # with who saved first, and the title is the first one's.
    outcomes = {virginie["saved"], paul["saved"]}
    assert "saved" in outcomes and len(outcomes) == 2, outcomes
    winner = "Virginie" if virginie["saved"] == "saved" else "Paul"
    refusal = (paul if winner == "Virginie" else virginie)["saved"]
    assert refusal.startswith(f"{winner} changed ERP-1 at "), refusal
    assert title == f"Relances de {winner}"
