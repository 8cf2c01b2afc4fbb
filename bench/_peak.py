"""Run a command and print its wall time and peak memory, measured from a small process.

On Linux a child's peak memory (``ru_maxrss``) counts the parent's memory at the time
of the fork: a benchmark that has imported 100,000 rows itself would see its own size
in every command it times. This helper starts with only the standard library loaded,
so the figure it prints is the command's own. Usage: python _peak.py LOG COMMAND...
Prints one JSON object: seconds, peak_mb (None where wait4 is missing), returncode.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time


def main() -> int:
    log, command = sys.argv[1], sys.argv[2:]
    with open(log, "wb") as out:
        started = time.perf_counter()
        proc = subprocess.Popen(command, stdout=out, stderr=subprocess.STDOUT)
        peak = None
        if hasattr(os, "wait4"):
            _, status, usage = os.wait4(proc.pid, 0)
            returncode = os.waitstatus_to_exitcode(status)
            peak = usage.ru_maxrss / (2**20 if sys.platform == "darwin" else 1024)
        else:
            returncode = proc.wait()
        seconds = time.perf_counter() - started
    print(json.dumps({"seconds": seconds, "peak_mb": peak, "returncode": returncode}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
