"""Writer process for tests/reliability/test_crash_safety.py: real service calls until killed.

Started as a *zygote* (``python crash_writer.py --db ... --dir ... --seed ...``): it imports
the store once, then forks one writer per round on request, so a round costs a fork, not
the half second a fresh interpreter needs to import SQLAlchemy. The zygote opens no
database; each writer opens it with ``open_database`` as the app does.

Protocol, one JSON object a line. Commands on the zygote's stdin: ``{"cmd": "fork",
"round": n}`` and ``{"cmd": "reap", "pid": p}``; EOF ends the zygote (it kills and reaps
any child left). Replies on stdout: ``zygote``, ``forked``, ``ready`` (from the writer,
with its connection's ``journal_mode`` and ``synchronous``), ``reaped`` (wait status) and
``error`` (a writer whose service call failed: a bug in this script or in the app).

Each action writes to ``journal-<round>.jsonl`` first an *intent* (what it will change:
fields as before/after values, and counts of rows carrying its unique token), then, once
the service call has returned (committed), a ``done`` line, flushed and fsynced: the claim
"this change is committed". Everything the checker needs is in the intent, so the one
action in flight when the kill lands can be judged applied, not applied, or half-applied.

``phase-<round>`` is a tiny shared-memory page saying where the writer was when killed
(a byte store, free compared with a write): it tells kills inside a transaction from kills
between actions, and a phase contradicting the database is itself a failure.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import mmap
import os
import random
import signal
import sys
import time
import traceback
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import event, func, select
from sqlalchemy.orm import Session, configure_mappers

from po_desktop.domain.enums import Decision
from po_desktop.store.database import open_database
from po_desktop.store.models import (
    Assessment,
    BoardColumn,
    Need,
    NeedTag,
    Person,
    Project,
    Sprint,
)
from po_desktop.store.services import import_types, importing, needs, scoring, sprints

# Where the writer stands (one byte of the phase file).
OPENING, READY, PREPARING, STARTED, WRITING, COMMITTING, COMMITTED, IDLE = "ORPSWCDI"
PHASE_NAMES = {
    OPENING: "opening the database",
    READY: "ready, no action yet",
    PREPARING: "choosing the next action (reads only)",
    STARTED: "in the service call, nothing written yet",
    WRITING: "in the transaction, after its first write",
    COMMITTING: "committing",
    COMMITTED: "committed, not yet journaled",
    IDLE: "between actions (last one journaled)",
}
IN_TRANSACTION = frozenset({WRITING, COMMITTING})
_PHASE_SIZE = 16  # phase byte, a space, the action's sequence number in 8 digits

COUNT_QUERIES: dict[str, str] = {
    # Rows that carry an action's unique token: once present, later actions never remove them.
    # A title prefix always ends the token with " #", so "r1a1" never matches "r1a10".
    "needs titled": "SELECT count(*) FROM need WHERE title = ?",
    "needs titled like": "SELECT count(*) FROM need WHERE title LIKE ? || '%'",
    "created events of needs titled like": (
        "SELECT count(*) FROM need_event e JOIN need n ON n.id = e.need_id"
        " WHERE e.field = 'created' AND n.title LIKE ? || '%'"
    ),
    "tags of needs titled like": (
        "SELECT count(*) FROM need_tag t JOIN need n ON n.id = t.need_id"
        " WHERE n.title LIKE ? || '%'"
    ),
    "projects coded": "SELECT count(*) FROM project WHERE code = ?",
    "assessment versions": (
        "SELECT count(*) FROM assessment WHERE need_id = ? AND version = ? AND rationale = ?"
    ),
    "assessment values": (
        "SELECT count(*) FROM assessment_value v JOIN assessment a ON a.id = v.assessment_id"
        " WHERE a.need_id = ? AND a.version = ? AND a.rationale = ?"
    ),
    "sprints named": "SELECT count(*) FROM sprint WHERE name = ?",
    "members of sprint named": (
        "SELECT count(*) FROM sprint_member m JOIN sprint s ON s.id = m.sprint_id WHERE s.name = ?"
    ),
    "sprint started": "SELECT count(*) FROM sprint WHERE id = ? AND started_at IS NOT NULL",
    "sprint commitments": "SELECT count(*) FROM sprint_commitment WHERE sprint_id = ?",
    "sprint closed": "SELECT count(*) FROM sprint WHERE id = ? AND closed_at IS NOT NULL",
    "sprint events of the close": (
        "SELECT count(*) FROM need_event e JOIN sprint s ON s.id = ?"
        " WHERE e.field = 'sprint' AND e.old_value = CAST(s.id AS TEXT) AND e.at = s.closed_at"
    ),
}

UNSTABLE_COUNTS = frozenset({"tags of needs titled like"})
"""Counts a later edit may change (it replaces tags): judged only for the action in flight."""

TRACKED_NEED_FIELDS = ("column_id", "assignee_id", "acceptance", "points", "sprint_id")
TRACKED_SPRINT_FIELDS = ("state", "velocity")
TAGS = "need_tags"  # pseudo-table: a need's tag names, sorted and joined by commas


def journal_path(directory: Path, round_no: int) -> Path:
    return directory / f"journal-{round_no:04d}.jsonl"


def phase_path(directory: Path, round_no: int) -> Path:
    return directory / f"phase-{round_no:04d}"


def read_phase(directory: Path, round_no: int) -> tuple[str, int | None]:
    """The phase byte and, once the intent is written, the action's sequence number."""
    raw = phase_path(directory, round_no).read_bytes()
    phase = raw[:1].decode("ascii", "replace")
    digits = raw[2:10].decode("ascii", "replace")
    return phase, int(digits) if digits.isdigit() else None


@dataclass
class Plan:
    """One action: what it claims to change (checked by the parent) and the call doing it."""

    kind: str
    what: str
    call: Callable[[], Any]
    fields: list[list[Any]] = field(default_factory=list)
    """``[table, row id, column, before, after]``; every one flips, or none does."""
    counts: list[list[Any]] = field(default_factory=list)
    """``[query name, params, count after, count before]`` (see COUNT_QUERIES)."""
    created: Callable[[Any], list[int]] = lambda _result: []
    """Ids of the needs the call created, from its result."""


class Phase:
    def __init__(self, path: Path) -> None:
        fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
        os.ftruncate(fd, _PHASE_SIZE)
        self._map = mmap.mmap(fd, _PHASE_SIZE)
        os.close(fd)
        self._map[:] = b" " * _PHASE_SIZE
        self.current = ""
        self.set(OPENING)

    def set(self, phase: str) -> None:
        # One byte: a kill cannot tear it.
        self._map[0:1] = phase.encode("ascii")
        self.current = phase

    def set_seq(self, seq: int) -> None:
        self._map[2:10] = f"{seq:08d}".encode("ascii")


class Journal:
    def __init__(self, path: Path) -> None:
        self._fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o644)

    def write(self, record: dict[str, Any], *, sync: bool) -> None:
        os.write(self._fd, (json.dumps(record, ensure_ascii=False) + "\n").encode())
        if sync:
            os.fsync(self._fd)


def _say(record: dict[str, Any]) -> None:
    """One line to the parent; one write() below PIPE_BUF cannot interleave with others."""
    os.write(1, (json.dumps(record) + "\n").encode())


class Writer:
    """Chooses random actions on the live database; the prep reads make the intent exact."""

    def __init__(self, session: Session, rng: random.Random, round_no: int) -> None:
        self.s = session
        self.rng = rng
        self.round = round_no
        self.seq = 0
        self.need_ids = list(session.scalars(select(Need.id)))
        columns = list(session.scalars(select(BoardColumn).order_by(BoardColumn.position)))
        self.columns = {c.id: c.name for c in columns}
        self.done_columns = {c.id for c in columns if c.is_done}
        self.people = list(session.scalars(select(Person.id).where(Person.active.is_(True))))
        self.projects = {p.code: p.id for p in session.scalars(select(Project))}
        session.commit()

    @property
    def token(self) -> str:
        return f"r{self.round}a{self.seq}"

    def next_plan(self) -> Plan:
        self.s.expire_all()  # ORM objects re-read: the intent's "before" must be the truth
        choices: list[tuple[Callable[[], Plan | None], int]] = [
            (self.move, 25),
            (self.edit, 20),
            (self.assess, 14),
            (self.import_, 10),
            (self.create, 5),
            (self.plan_sprint, 8),
            (self.sprint_lifecycle, 18),
        ]
        while True:
            action = self.rng.choices([a for a, _w in choices], [w for _a, w in choices])[0]
            plan = action()
            if plan is not None:
                return plan

    # ----- reads -------------------------------------------------------------------------

    def _needs(self, count: int) -> list[int]:
        return self.rng.sample(self.need_ids, min(count, len(self.need_ids)))

    def _row(self, need_id: int) -> dict[str, Any]:
        cols = [getattr(Need, name) for name in TRACKED_NEED_FIELDS]
        row = self.s.execute(select(*cols).where(Need.id == need_id)).one()
        return dict(zip(TRACKED_NEED_FIELDS, row, strict=True))

    def _tags(self, need_id: int) -> str:
        return ",".join(
            sorted(self.s.scalars(select(NeedTag.name).where(NeedTag.need_id == need_id)))
        )

    # ----- actions -----------------------------------------------------------------------

    def move(self) -> Plan | None:
        picked = self._needs(self.rng.choice((1, 1, 1, 2, 3)))
        rows = {n: self._row(n) for n in picked}
        targets = [c for c in self.columns if c not in {r["column_id"] for r in rows.values()}]
        column = self.rng.choice(targets)
        in_column = list(self.s.scalars(select(Need.id).where(Need.column_id == column).limit(40)))
        before_id = self.rng.choice(in_column) if in_column and self.rng.random() < 0.5 else None
        assignee: int | needs.Unchanged | None = needs.UNCHANGED
        if self.rng.random() < 0.3:
            assignee = self.rng.choice([*self.people, None])
        fields = [["need", n, "column_id", r["column_id"], column] for n, r in rows.items()]
        if not isinstance(assignee, needs.Unchanged):
            fields += [
                ["need", n, "assignee_id", r["assignee_id"], assignee] for n, r in rows.items()
            ]
        return Plan(
            "move",
            f"move needs {picked} to column {column} before {before_id}, assignee {assignee}",
            lambda: needs.move_needs(self.s, picked, column, before_id, assignee_id=assignee),
            fields,
        )

    def edit(self) -> Plan | None:
        need_id = self._needs(1)[0]
        row, tags = self._row(need_id), self._tags(need_id)
        need = self.s.get(Need, need_id)
        assert need is not None
        data = needs.need_input(need)
        data.acceptance = f"accept {self.token}"
        data.tags = [f"edit-{self.token}", *(["kept"] if self.rng.random() < 0.5 else [])]
        if self.rng.random() < 0.5:
            data.points = float(self.rng.choice((1, 2, 3, 5, 8, 13)))
        fields = [
            ["need", need_id, "acceptance", row["acceptance"], data.acceptance],
            ["need", need_id, "points", row["points"], data.points],
            [TAGS, need_id, "names", tags, ",".join(sorted(data.tags))],
        ]
        return Plan(
            "edit",
            f"edit need {need_id}: acceptance, tags {data.tags}, points {data.points}",
            lambda: needs.update_need(self.s, need_id, data),
            fields,
        )

    def create(self) -> Plan | None:
        prefix = f"new {self.token} #"  # the "#" ends the token: r1a1 is no prefix of r1a10
        title = f"{prefix}1"
        column = self.rng.choice(list(self.columns))
        data = needs.NeedInput(
            title=title,
            problem="Crash test: created by one service call.",
            project_id=self.rng.choice(list(self.projects.values())),
            column_id=column,
            points=self.rng.choice((None, 2, 5)),
            tags=["created", self.token],
        )
        return Plan(
            "create",
            f"create need {title!r} in column {column}",
            lambda: needs.create_need(self.s, data),
            counts=[
                ["needs titled", [title], 1, 0],
                ["created events of needs titled like", [prefix], 1, 0],
                ["tags of needs titled like", [prefix], 2, 0],
            ],
            created=lambda need_id: [need_id],
        )

    def import_(self) -> Plan | None:
        prefix = f"imp {self.token} #"
        size = self.rng.randint(2, 12)
        new_project = self.rng.random() < 0.15
        code = f"N{self.token.upper()}" if new_project else self.rng.choice(list(self.projects))
        records = [
            import_types.NeedRecord(
                title=f"{prefix}{i}",
                problem=f"Imported row {i} of {size}.",
                project=code,
                status=self.rng.choice(list(self.columns.values())),
                points=str(self.rng.choice((1, 2, 3, 5))),
                tags=f"imported,{self.token}",
                acceptance=f"row {i}",
            )
            for i in range(size)
        ]
        counts = [
            ["needs titled like", [prefix], size, 0],
            ["created events of needs titled like", [prefix], size, 0],
            ["tags of needs titled like", [prefix], 2 * size, 0],
        ]
        if new_project:
            counts.append(["projects coded", [code], 1, 0])

        def call() -> import_types.ImportResult:
            result = importing.import_needs(self.s, records)
            if new_project:
                project = self.s.scalar(select(Project).where(Project.code == code))
                assert project is not None
                self.projects[code] = project.id
            return result

        return Plan(
            "import",
            f"import {size} needs titled {prefix!r}… into {code}",
            call,
            counts=counts,
            created=lambda _result: list(
                self.s.scalars(select(Need.id).where(Need.title.startswith(prefix)))
            ),
        )

    def assess(self) -> Plan | None:
        need_id = self._needs(1)[0]
        grid = scoring.grid_of(scoring.active_model(self.s))
        values = {
            c.key: self.rng.randint(int(c.scale_min), int(c.scale_max)) for c in grid.criteria
        }
        latest = self.s.scalar(
            select(func.max(Assessment.version)).where(Assessment.need_id == need_id)
        )
        version = (latest or 0) + 1
        rationale = f"why {self.token}"
        decision = self.rng.choice([d.value for d in Decision])
        data = scoring.AssessmentInput(values, decision, rationale, "crash test")
        params = [need_id, version, rationale]
        return Plan(
            "assess",
            f"score need {need_id} as version {version} ({decision})",
            lambda: scoring.assess_need(self.s, need_id, data),
            counts=[
                ["assessment versions", params, 1, 0],
                ["assessment values", params, len(grid.criteria), 0],
            ],
        )

    def _sprints(self, state: str) -> list[Sprint]:
        return list(
            self.s.scalars(select(Sprint).where(Sprint.state == state).order_by(Sprint.start_date))
        )

    def plan_sprint(self) -> Plan | None:
        open_sprints = self._sprints("active") + self._sprints("planned")
        if not open_sprints:
            return None
        target = self.rng.choice(open_sprints[:2])
        rows = {n: self._row(n) for n in self._needs(self.rng.randint(1, 3))}
        rows = {n: r for n, r in rows.items() if r["sprint_id"] != target.id}
        if not rows:
            return None
        picked = list(rows)
        return Plan(
            "plan",
            f"plan needs {picked} into sprint {target.id} ({target.state})",
            lambda: needs.plan_needs(self.s, picked, target.id),
            [["need", n, "sprint_id", r["sprint_id"], target.id] for n, r in rows.items()],
        )

    def sprint_lifecycle(self) -> Plan | None:
        active, planned = self._sprints("active"), self._sprints("planned")
        if not active:
            return self.start_sprint(planned[0]) if planned else self.create_sprint()
        if len(planned) < 2 and self.rng.random() < 0.4:
            return self.create_sprint()
        return self.close_sprint(active[0])

    def create_sprint(self) -> Plan | None:
        last = self.s.scalar(select(func.max(Sprint.end_date)))
        assert last is not None
        start = last + timedelta(days=3)
        name = f"Sprint {self.token}"
        members = self.rng.sample(self.people, self.rng.randint(2, 5))
        data = sprints.SprintInput(name, start, start + timedelta(days=11), member_ids=members)
        return Plan(
            "create sprint",
            f"create sprint {name!r} from {start} with members {members}",
            lambda: sprints.create_sprint(self.s, data),
            counts=[
                ["sprints named", [name], 1, 0],
                ["members of sprint named", [name], len(members), 0],
            ],
        )

    def start_sprint(self, sprint: Sprint) -> Plan:
        scope = len(list(self.s.scalars(select(Need.id).where(Need.sprint_id == sprint.id))))
        return Plan(
            "start sprint",
            f"start sprint {sprint.id} with {scope} needs",
            lambda: sprints.start_sprint(self.s, sprint.id),
            [["sprint", sprint.id, "state", "planned", "active"]],
            [
                ["sprint started", [sprint.id], 1, 0],
                ["sprint commitments", [sprint.id], scope, 0],
            ],
        )

    def close_sprint(self, sprint: Sprint) -> Plan:
        """All or nothing: state, velocity, each unfinished need's sprint and its event."""
        members = self.s.execute(
            select(Need.id, Need.column_id, Need.points).where(Need.sprint_id == sprint.id)
        ).all()
        unfinished = [n for n, column, _p in members if column not in self.done_columns]
        velocity = float(sum(p or 0 for _n, column, p in members if column in self.done_columns))
        following = sprints.next_sprint(self.s, sprint)
        options = [sprints.BACKLOG] + ([sprints.NEXT] if following is not None else [])
        choices = {n: self.rng.choice(options) for n in unfinished}
        targets = {
            n: following.id if choice == sprints.NEXT and following is not None else None
            for n, choice in choices.items()
        }
        fields = [
            ["sprint", sprint.id, "state", "active", "closed"],
            ["sprint", sprint.id, "velocity", sprint.velocity, velocity],
            *(["need", n, "sprint_id", sprint.id, target] for n, target in targets.items()),
        ]
        sprint_id = sprint.id
        return Plan(
            "close sprint",
            f"close sprint {sprint_id}: velocity {velocity}, {len(unfinished)} unfinished"
            f" needs to {targets}",
            lambda: sprints.close_sprint(self.s, sprint_id, sprints.BACKLOG, choices),
            fields,
            [
                ["sprint closed", [sprint_id], 1, 0],
                ["sprint events of the close", [sprint_id], len(unfinished), 0],
            ],
        )


def created_fields(session: Session, created: list[int]) -> list[list[Any]]:
    """The tracked fields of needs an action created, as they were committed: from then on
    they are checked like any edited field."""
    session.expire_all()
    fields = []
    for need_id in created:
        need = session.get(Need, need_id)
        assert need is not None
        fields += [["need", need_id, c, None, getattr(need, c)] for c in TRACKED_NEED_FIELDS]
        tags = session.scalars(select(NeedTag.name).where(NeedTag.need_id == need_id))
        fields.append([TAGS, need_id, "names", None, ",".join(sorted(tags))])
    return fields


def run_writer(db: Path, directory: Path, seed: int, round_no: int, limit: float) -> None:
    """Open the database, say ready, then loop: intent, service call, fsynced ``done``."""
    phase = Phase(phase_path(directory, round_no))
    journal = Journal(journal_path(directory, round_no))
    database = open_database(db)
    engine = database.engine

    @event.listens_for(engine, "after_cursor_execute")
    def _wrote(_conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
        if phase.current == STARTED and statement.lstrip()[:6].upper() in {
            "INSERT",
            "UPDATE",
            "DELETE",
        }:
            phase.set(WRITING)

    @event.listens_for(engine, "commit")
    def _committing(_conn: Any) -> None:
        if phase.current in (STARTED, WRITING):
            phase.set(COMMITTING)

    session = database.session()
    connection = session.connection()
    journal_mode = connection.exec_driver_sql("PRAGMA journal_mode").scalar()
    synchronous = connection.exec_driver_sql("PRAGMA synchronous").scalar()
    session.commit()
    writer = Writer(session, random.Random(f"{seed}/{round_no}"), round_no)
    phase.set(READY)
    _say(
        {
            "event": "ready",
            "pid": os.getpid(),
            "journal_mode": journal_mode,
            "synchronous": synchronous,
        }
    )
    deadline = time.monotonic() + limit
    while time.monotonic() < deadline:
        writer.seq += 1
        phase.set(PREPARING)
        plan = writer.next_plan()
        journal.write(
            {
                "seq": writer.seq,
                "kind": plan.kind,
                "what": plan.what,
                "fields": plan.fields,
                "counts": plan.counts,
            },
            sync=False,  # a SIGKILL keeps what write() gave the kernel; the claim is "done"
        )
        phase.set_seq(writer.seq)
        phase.set(STARTED)
        result = plan.call()
        phase.set(COMMITTED)
        created = [n for n in plan.created(result) if n is not None]
        journal.write(
            {"seq": writer.seq, "done": True, "created": created_fields(writer.s, created)},
            sync=True,
        )
        phase.set(IDLE)
        writer.need_ids += created
    # Never reached in the test: the parent kills first. Leave no process behind anyway.
    database.close()


def zygote(db: Path, directory: Path, seed: int, limit: float) -> None:
    """Fork one writer per ``fork`` command; reap on ``reap``; at EOF kill what is left."""
    children: set[int] = set()
    configure_mappers()  # once here, not in every writer
    _say({"event": "zygote", "pid": os.getpid()})
    for line in sys.stdin:
        command = json.loads(line)
        if command["cmd"] == "fork":
            round_no = int(command["round"])
            pid = os.fork()
            if pid == 0:
                code = 0
                try:
                    run_writer(db, directory, seed, round_no, limit)
                except BaseException:
                    code = 2
                    text = traceback.format_exc()
                    Journal(journal_path(directory, round_no)).write({"error": text}, sync=True)
                    _say({"event": "error", "pid": os.getpid(), "traceback": text[-3000:]})
                finally:
                    os._exit(code)
            children.add(pid)
            _say({"event": "forked", "pid": pid, "round": round_no})
        elif command["cmd"] == "reap":
            pid = int(command["pid"])
            _pid, status = os.waitpid(pid, 0)
            children.discard(pid)
            _say({"event": "reaped", "pid": pid, "status": status})
    for pid in children:
        with contextlib.suppress(ProcessLookupError):
            os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, required=True)
    parser.add_argument("--dir", type=Path, required=True, help="journals and phase files")
    parser.add_argument("--seed", type=int, required=True)
    parser.add_argument("--limit", type=float, default=30.0, help="seconds a writer may run")
    args = parser.parse_args()
    zygote(args.db, args.dir, args.seed, args.limit)


if __name__ == "__main__":
    main()
