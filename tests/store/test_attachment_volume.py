"""100 MB of attachments in one workspace: attached as the interface attaches them (each
one change, recorded for undo), all read back exactly, in a memory that is a few times
the data, not ten.

The work runs in a child process: its peak resident memory is then this workload's
alone, not the test session's.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

MB = 1024 * 1024

CHILD = r"""
import hashlib, json, os, resource, sys
from pathlib import Path
from po_desktop.store import changes, dossier_queries as dq
from po_desktop.store.database import open_database
from po_desktop.store.services import dossier, needs, projects

path, count, size = Path(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3])
digests = []
with open_database(path) as db, db.session() as s:
    pid = projects.create_project(s, projects.ProjectInput("ERP", "ERP")).id
    need_id = needs.create_need(s, needs.NeedInput("Pièces lourdes", "", pid))
    start = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    for i in range(count):
        data = os.urandom(size)
        digests.append(hashlib.sha256(data).hexdigest())
        with changes.capture(s) as change:  # as Workspace.perform runs a service
            dossier.attach_file(s, need_id, f"pièce {i}.bin", data)
        del data, change
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    read = [
        hashlib.sha256(dq.attachment_bytes(s, a.id)).hexdigest()
        for a in sorted(dq.attachments(s, need_id), key=lambda a: a.id)
    ]
    totals = dq.attachment_totals(s)
print(json.dumps({"start_kb": start, "peak_kb": peak, "same": read == digests,
                  "totals": totals, "file": path.stat().st_size}))
"""


def _run(tmp_path: Path, count: int, size: int) -> dict[str, object]:
    env = os.environ | {"PO_DESKTOP_HOME": str(tmp_path / "home")}
    done = subprocess.run(
        [sys.executable, "-c", CHILD, str(tmp_path / "lourd.podb"), str(count), str(size)],
        capture_output=True,
        text=True,
        env=env,
        check=False,
        timeout=600,
    )
    assert done.returncode == 0, done.stderr
    result: dict[str, object] = json.loads(done.stdout)
    return result


def test_a_hundred_megabytes_of_attachments_fit_in_memory_and_come_back(tmp_path: Path) -> None:
    count, size = 4, 25 * MB  # four files at the limit
    result = _run(tmp_path, count, size)
    total = count * size
    assert result["same"] is True
    assert result["totals"] == [count, total]
    assert isinstance(result["file"], int) and total <= result["file"] < total * 1.1
    grown = (int(result["peak_kb"]) - int(result["start_kb"])) * 1024  # type: ignore[call-overload]
    assert grown < 2.5 * total, f"attaching {total // MB} MB took {grown // MB} MB more memory"
