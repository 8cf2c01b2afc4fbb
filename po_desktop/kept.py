"""Values every run would work out again the same way, kept in the cache folder.

A printed document parses the same fonts and works out the same public holidays on
every run, from files that seldom change. What such work finds is written once with
:mod:`marshal` (plain values only: numbers, strings, bytes, lists, tuples, dicts) beside
the ``key`` it was made from, and read back while the key is the same. The key says
everything the value depends on (a file's size and modification time, a library's
version): a copy whose key differs, or that cannot be read (damaged, half written,
from another version of Python), is made again, and a cache folder that cannot be
written only means the work is done each time. Nothing here is user data: the cache
folder can be emptied at any time.
"""

from __future__ import annotations

import contextlib
import marshal
import os
import sys
import threading
from collections.abc import Callable
from typing import Any

from po_desktop import paths

_PYTHON = sys.version_info[:2]
"""Part of every key: marshal's format is Python's own."""


def value(name: str, key: Any, make: Callable[[], Any]) -> Any:
    """The value kept under ``name`` (a relative file name) for ``key``; else ``make()``'s,
    kept for next time. ``key`` and the value are plain values (see the module)."""
    found = read(name, key)
    if found is not None:
        return found[0]
    made = make()
    write(name, key, made)
    return made


def read(name: str, key: Any) -> tuple[Any] | None:
    """``(value,)`` when a copy made for ``key`` is kept under ``name``, else None."""
    try:
        stored_key, stored = marshal.loads((paths.cache_dir() / name).read_bytes())
    except Exception:  # damaged in any way (marshal checks little): made again
        return None
    return (stored,) if stored_key == (_PYTHON, key) else None


def write(name: str, key: Any, made: Any) -> None:
    """Keep ``made`` for ``key`` under ``name``: written whole or not at all (a temporary
    file renamed over the old copy), never an error (a full disk, a read-only folder, a
    value marshal cannot write only mean it is made again next time)."""
    try:
        blob = marshal.dumps(((_PYTHON, key), made))
    except ValueError:
        return
    target = paths.cache_dir() / name
    # Its own temporary name in each process and thread: two writers never share one.
    temporary = target.with_name(f"{target.name}.{os.getpid()}-{threading.get_ident()}.tmp")
    with contextlib.suppress(OSError):
        target.parent.mkdir(parents=True, exist_ok=True)
        try:
            temporary.write_bytes(blob)
            os.replace(temporary, target)
        finally:
            temporary.unlink(missing_ok=True)
