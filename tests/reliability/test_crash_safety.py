"""Crash safety: a writer is SIGKILLed mid-burst, again and again, and nothing committed is lost.

Users keep years of decisions in one file, and a laptop dies, a session is killed, a
debugger stops the app. Each round forks a writer (tests/reliability/crash_writer.py)
that makes real service calls on the same database and journals each one once it has
returned; the test kills it after a random delay spread over the writer's measured
action period, then checks, as the next start of the app would see the file:

* ``PRAGMA integrity_check`` and ``foreign_key_check`` are clean, and ``open_database``
  opens it (the dead writer's lock went with it);
* every journaled action is there, and the one in flight is either whole or absent —
  never half an import, half a sprint close or an assessment without its values;
* the phase the writer was in (a shared-memory byte) agrees with what the file shows.

The database survives from round to round, so a commit lost at any later recovery is
caught too. ``PO_CRASH_SEED`` replays a run's choices (the kill moments stay timing-bound).
"""

from __future__ import annotations

import contextlib
import importlib.util
import json
import os
import random
import select
import signal
import sqlite3
import subprocess
import sys
import time
from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from po_desktop.demo import seed_demo
from po_desktop.store.database import open_database

WRITER_PATH = Path(__file__).with_name("crash_writer.py")
SEED = int(os.environ.get("PO_CRASH_SEED", "20260310"))
REPLY_TIMEOUT = 30.0

Key = tuple[str, int, str]

pytestmark = pytest.mark.skipif(not hasattr(os, "fork"), reason="the writers are forked")


def _load_writer() -> ModuleType:
    """The writer script as a module: one definition of its journal, phases and queries."""
    spec = importlib.util.spec_from_file_location("po_crash_writer", WRITER_PATH)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up by name
    spec.loader.exec_module(module)
    return module


cw = _load_writer()

INVARIANTS: dict[str, str] = {
    # Each query lists what breaks a rule every committed state keeps: must return nothing.
    "a project's next number is free": (
        "SELECT p.code, p.next_number, max(n.number) FROM project p"
        " JOIN need n ON n.project_id = p.id GROUP BY p.id HAVING max(n.number) >= p.next_number"
    ),
    "every need has its creation event": (
        "SELECT n.id, n.title FROM need n WHERE NOT EXISTS"
        " (SELECT 1 FROM need_event e WHERE e.need_id = n.id AND e.field = 'created')"
    ),
    "every assessment has a value per criterion": (
        "SELECT a.id, a.need_id, a.version FROM assessment a"
        " WHERE (SELECT count(*) FROM assessment_value v WHERE v.assessment_id = a.id)"
        " != (SELECT count(*) FROM criterion c WHERE c.model_id = a.model_id)"
    ),
    "one active sprint per team": (
        "SELECT lower(team), count(*) FROM sprint WHERE state = 'active'"
        " GROUP BY lower(team) HAVING count(*) > 1"
    ),
    "sprint dates and velocity match its state": (
        "SELECT id, state, started_at, closed_at, velocity FROM sprint WHERE"
        " (state = 'closed' AND (closed_at IS NULL OR velocity IS NULL OR started_at IS NULL))"
        " OR (state = 'active' AND (started_at IS NULL OR closed_at IS NOT NULL))"
        " OR (state = 'planned' AND (started_at IS NOT NULL OR closed_at IS NOT NULL"
        " OR EXISTS (SELECT 1 FROM sprint_commitment c WHERE c.sprint_id = sprint.id)))"
    ),
}


@dataclass
class Tally:
    """What a campaign did: the figures the test asserts on and prints."""

    seed: int
    kills: int = 0
    actions: int = 0
    """Journaled (committed and claimed) actions, all rounds together."""
    phases: Counter[str] = field(default_factory=Counter)
    inflight: Counter[str] = field(default_factory=Counter)
    kinds: Counter[str] = field(default_factory=Counter)
    writer_seconds: float = 0.0
    """Time writers ran between "ready" and the kill."""
    seconds: float = 0.0

    def summary(self) -> str:
        names = cw.PHASE_NAMES
        phases = ", ".join(f"{names.get(p, p)}: {n}" for p, n in sorted(self.phases.items()))
        return (
            f"seed {self.seed}: {self.kills} kills, {self.actions} journaled actions"
            f" ({dict(self.kinds)}), in flight when killed: {dict(self.inflight)};"
            f" phases at the kill: {phases}; writers ran {self.writer_seconds:.1f} s,"
            f" campaign {self.seconds:.1f} s"
        )


class Replies:
    """JSON lines from the zygote and its writers, with a deadline: a hang fails the test."""

    def __init__(self, stream: Any) -> None:
        self.fd = stream.fileno()
        self.buffer = b""
        self.backlog: list[dict[str, Any]] = []

    def _read(self, deadline: float) -> dict[str, Any]:
        while b"\n" not in self.buffer:
            left = deadline - time.monotonic()
            if left <= 0 or not select.select([self.fd], [], [], left)[0]:
                raise AssertionError(f"no reply from the crash writer within {REPLY_TIMEOUT} s")
            chunk = os.read(self.fd, 65536)
            if not chunk:
                raise AssertionError("the crash writer's zygote closed its output (it died)")
            self.buffer += chunk
        line, self.buffer = self.buffer.split(b"\n", 1)
        return json.loads(line)

    def wait(self, event: str, where: str, **match: Any) -> dict[str, Any]:
        deadline = time.monotonic() + REPLY_TIMEOUT
        while True:
            for reply in self.backlog:
                if reply["event"] == event and all(reply.get(k) == v for k, v in match.items()):
                    self.backlog.remove(reply)
                    return reply
            reply = self._read(deadline)
            if reply["event"] == "error":
                raise AssertionError(f"{where}: the writer failed:\n{reply['traceback']}")
            self.backlog.append(reply)


def _send(proc: subprocess.Popen[bytes], command: dict[str, Any]) -> None:
    assert proc.stdin is not None
    proc.stdin.write((json.dumps(command) + "\n").encode())
    proc.stdin.flush()


def _read_journal(
    path: Path, where: str
) -> tuple[dict[int, dict[str, Any]], dict[int, dict[str, Any]]]:
    """Intents and "done" claims by sequence number (a torn last line is no claim)."""
    intents: dict[int, dict[str, Any]] = {}
    done: dict[int, dict[str, Any]] = {}
    text = path.read_text(encoding="utf-8") if path.exists() else ""
    for line in text.split("\n")[:-1]:  # what follows the last newline was never finished
        record = json.loads(line)
        assert "error" not in record, f"{where}: the writer failed:\n{record['error']}"
        if record.get("done"):
            done[record["seq"]] = record
        else:
            intents[record["seq"]] = record
    return intents, done


def _read_state(conn: sqlite3.Connection) -> dict[Key, Any]:
    """Every tracked field of every need and sprint, as the file holds them now."""
    state: dict[Key, Any] = {}
    columns = ", ".join(cw.TRACKED_NEED_FIELDS)
    for need_id, *values in conn.execute(f"SELECT id, {columns} FROM need"):
        for column, value in zip(cw.TRACKED_NEED_FIELDS, values, strict=True):
            state["need", need_id, column] = value
        state[cw.TAGS, need_id, "names"] = ""
    tags: dict[int, list[str]] = {}
    for need_id, name in conn.execute("SELECT need_id, name FROM need_tag"):
        tags.setdefault(need_id, []).append(name)
    for need_id, names in tags.items():
        state[cw.TAGS, need_id, "names"] = ",".join(sorted(names))
    columns = ", ".join(cw.TRACKED_SPRINT_FIELDS)
    for sprint_id, *values in conn.execute(f"SELECT id, {columns} FROM sprint"):
        for column, value in zip(cw.TRACKED_SPRINT_FIELDS, values, strict=True):
            state["sprint", sprint_id, column] = value
    return state


_ABSENT = "<no such row>"


def _mismatches(
    conn: sqlite3.Connection, state: dict[Key, Any], intent: dict[str, Any], side: str
) -> list[str]:
    """How the file differs from the intent's ``after`` (or ``before``) side; [] when it matches."""
    problems = []
    for table, row_id, column, before, after in intent["fields"]:
        expected = after if side == "after" else before
        found = state.get((table, row_id, column), _ABSENT)
        if found != expected:
            problems.append(f"{table} {row_id} {column}: expected {expected!r}, found {found!r}")
    for name, params, after, before in intent["counts"]:
        expected = after if side == "after" else before
        found = conn.execute(cw.COUNT_QUERIES[name], params).fetchone()[0]
        if found != expected:
            problems.append(f"{name} {params}: expected {expected}, found {found}")
    return problems


def _stable(where: str, intent: dict[str, Any]) -> list[tuple[str, dict[str, Any], list[Any]]]:
    """An applied action's counts that later actions cannot change: checked to the end."""
    return [
        (where, intent, count) for count in intent["counts"] if count[0] not in cw.UNSTABLE_COUNTS
    ]


def _describe(intent: dict[str, Any]) -> str:
    return f"action #{intent['seq']} ({intent['kind']}: {intent['what']})"


def _record(model: dict[Key, Any], intent: dict[str, Any], side: str, where: str) -> None:
    """Apply an action's fields to the expected model, after checking the writer's "before"
    against what the previous committed actions left: a lost commit shows here first."""
    for table, row_id, column, before, after in intent["fields"]:
        key = (table, row_id, column)
        if key in model:
            assert model[key] == before, (
                f"{where}: {_describe(intent)} read {table} {row_id} {column} = {before!r},"
                f" but the last committed action left {model[key]!r}"
            )
        model[key] = after if side == "after" else before


_PHASES_IF = {
    "applied": {cw.COMMITTING, cw.COMMITTED},
    "not applied": {cw.PREPARING, cw.STARTED, cw.WRITING, cw.COMMITTING},
    "none": {cw.READY, cw.PREPARING, cw.COMMITTED, cw.IDLE},
}
"""Phases the writer may have been in, given what the file shows of the action in flight."""


def _verify_round(
    db: Path,
    directory: Path,
    round_no: int,
    model: dict[Key, Any],
    facts: list[tuple[str, dict[str, Any], list[Any]]],
    tally: Tally,
) -> None:
    phase, phase_seq = cw.read_phase(directory, round_no)
    tally.phases[phase] += 1
    where = (
        f"seed {tally.seed}, round {round_no} (killed while"
        f" {cw.PHASE_NAMES.get(phase, repr(phase))}, action #{phase_seq})"
    )
    intents, dones = _read_journal(cw.journal_path(directory, round_no), where)
    done = set(dones)
    seqs = sorted(intents)
    assert seqs == list(range(1, len(seqs) + 1)), f"{where}: journal intents {seqs}"
    assert done <= set(seqs), f"{where}: done {sorted(done - set(seqs))} without an intent"
    open_seqs = [seq for seq in seqs if seq not in done]
    assert open_seqs in ([], seqs[-1:]), (
        f"{where}: only the last action may lack its 'done' line, not {open_seqs}"
    )
    conn = sqlite3.connect(db)  # as the next start does: recovers the WAL the writer left
    try:
        integrity = conn.execute("PRAGMA integrity_check").fetchall()
        assert integrity == [("ok",)], f"{where}: integrity_check after the kill: {integrity}"
        foreign = conn.execute("PRAGMA foreign_key_check").fetchall()
        assert foreign == [], f"{where}: foreign_key_check after the kill: {foreign}"
        state = _read_state(conn)
        for seq in sorted(done):
            _record(model, intents[seq], "after", where)
            _record(model, {**intents[seq], "fields": dones[seq]["created"]}, "after", where)
            facts += _stable(where, intents[seq])
        outcome = "none"
        if open_seqs:
            intent = intents[open_seqs[0]]
            if not (missing := _mismatches(conn, state, intent, "after")):
                outcome = "applied"
                facts += _stable(where, intent)
            elif not (applied := _mismatches(conn, state, intent, "before")):
                outcome = "not applied"
            else:
                pytest.fail(
                    f"{where}: {_describe(intent)} was killed in flight and is HALF-APPLIED."
                    f"\nDiffers from fully applied: {missing}\nDiffers from not applied: {applied}"
                )
            _record(model, intent, "after" if outcome == "applied" else "before", where)
        tally.inflight[outcome] += 1
        assert phase in _PHASES_IF[outcome], (
            f"{where}: the file shows the action in flight as {outcome!r}, which cannot"
            f" follow a kill in that phase"
        )
        if outcome != "none" and phase != cw.PREPARING:
            assert phase_seq == open_seqs[0], f"{where}: phase of #{phase_seq}, not #{open_seqs}"
        lost = [
            f"{' '.join(map(str, key))}: expected {value!r}, found {state.get(key, _ABSENT)!r}"
            for key, value in model.items()
            if state.get(key, _ABSENT) != value
        ]
        assert not lost, f"{where}: committed changes are missing after the kill: {lost[:10]}"
        _check_facts(conn, [f for f in facts if f[0] == where])
        for rule, query in INVARIANTS.items():
            broken = conn.execute(query).fetchall()
            assert not broken, f"{where}: after the kill, not every time {rule}: {broken[:10]}"
    finally:
        conn.close()
    database = open_database(db)  # refuses a damaged file, or one still locked
    database.close()
    tally.actions += len(done)
    tally.kinds.update(intents[seq]["kind"] for seq in done)


def _check_facts(
    conn: sqlite3.Connection, facts: list[tuple[str, dict[str, Any], list[Any]]]
) -> None:
    """Rows an applied action created with its token: still all there (never removed later)."""
    for where, intent, (name, params, after, _before) in facts:
        found = conn.execute(cw.COUNT_QUERIES[name], params).fetchone()[0]
        assert found == after, (
            f"{where}: {_describe(intent)} is committed, but {name} {params}:"
            f" expected {after}, found {found}"
        )


def _seed(db: Path, seed: int) -> None:
    with open_database(db) as database, database.session() as session:
        seed_demo(session, needs=200, seed=seed, today=date(2026, 3, 10))


def run_campaign(tmp_path: Path, kills: int, seed: int) -> Tally:
    """Seed a workspace, then ``kills`` rounds of fork, write, SIGKILL, verify."""
    started = time.monotonic()
    tally = Tally(seed)
    rng = random.Random(seed)
    db = tmp_path / "survivor.podb"
    directory = tmp_path / "journals"
    directory.mkdir()
    _seed(db, seed)
    model: dict[Key, Any] = {}
    facts: list[tuple[str, dict[str, Any], list[Any]]] = []
    period = 0.03  # seconds per action, refined from what the writers really do
    forked: set[int] = set()
    reaped: set[int] = set()
    command = [sys.executable, str(WRITER_PATH), "--db", str(db), "--dir", str(directory)]
    proc = subprocess.Popen(
        [*command, "--seed", str(seed)], stdin=subprocess.PIPE, stdout=subprocess.PIPE
    )
    try:
        assert proc.stdout is not None
        replies = Replies(proc.stdout)
        replies.wait("zygote", f"seed {seed}, starting the zygote")
        for round_no in range(1, kills + 1):
            where = f"seed {seed}, round {round_no}"
            _send(proc, {"cmd": "fork", "round": round_no})
            pid = replies.wait("forked", where, round=round_no)["pid"]
            forked.add(pid)
            ready = replies.wait("ready", where, pid=pid)
            ready_at = time.monotonic()
            assert (ready["journal_mode"], ready["synchronous"]) == ("wal", 2), (
                f"{where}: the writer's connection runs journal_mode={ready['journal_mode']},"
                f" synchronous={ready['synchronous']}; expected wal and 2 (FULL)"
            )
            # Spread over many action periods: kills land in every phase of an action.
            time.sleep(rng.uniform(0.5, 14.0) * period)
            os.kill(pid, signal.SIGKILL)
            ran = time.monotonic() - ready_at
            _send(proc, {"cmd": "reap", "pid": pid})
            status = replies.wait("reaped", where, pid=pid)["status"]
            reaped.add(pid)
            assert os.WIFSIGNALED(status) and os.WTERMSIG(status) == signal.SIGKILL, (
                f"{where}: the writer ended with wait status {status}, not by our SIGKILL"
            )
            before = tally.actions
            _verify_round(db, directory, round_no, model, facts, tally)
            tally.kills += 1
            tally.writer_seconds += ran
            period = 0.7 * period + 0.3 * ran / max(1, tally.actions - before)
    finally:
        for pid in forked - reaped:  # a failed round: its writer may still be running
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGKILL)
        if proc.stdin is not None:
            proc.stdin.close()  # EOF: the zygote kills and reaps any writer left
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
        if proc.stdout is not None:
            proc.stdout.close()
    assert proc.returncode == 0, f"seed {seed}: the zygote exited with {proc.returncode}"
    assert forked == reaped, f"seed {seed}: writers never reaped: {sorted(forked - reaped)}"
    conn = sqlite3.connect(db)
    try:
        _check_facts(conn, facts)  # the whole history, once more, on the final file
    finally:
        conn.close()
    tally.seconds = time.monotonic() - started
    return tally


def _assert_meaningful(tally: Tally, kills: int) -> None:
    """The campaign proves something only if writers worked and kills hit transactions."""
    print(tally.summary())
    assert tally.kills == kills, tally.summary()
    assert tally.actions > 5 * kills, f"too little work between kills: {tally.summary()}"
    # Thresholds far below the usual shares (about 35% and 55%), so timing noise cannot flake.
    in_transaction = sum(tally.phases[p] for p in cw.IN_TRANSACTION)
    assert in_transaction >= max(2, kills // 10), (
        f"too few kills inside a transaction: {tally.summary()}"
    )
    assert tally.inflight["not applied"] >= max(1, kills // 10), (
        f"too few kills caught an action before its commit: {tally.summary()}"
    )


def test_a_killed_writer_never_loses_a_commit_nor_leaves_half_an_action(tmp_path: Path) -> None:
    _assert_meaningful(run_campaign(tmp_path, kills=24, seed=SEED), 24)


@pytest.mark.slow
def test_two_hundred_kills_in_a_row(tmp_path: Path) -> None:
    _assert_meaningful(run_campaign(tmp_path, kills=200, seed=SEED + 1), 200)
