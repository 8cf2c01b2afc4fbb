"""What every command shares: exit codes, the one-line error, the database argument."""

from __future__ import annotations

import argparse
import atexit
import contextlib
import os
import sys
import threading
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn

from po_desktop.domain import messages
from po_desktop.domain.messages import translate

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

EXIT_OK = 0


EXIT_PROBLEMS = 1


EXIT_UNUSABLE = 2


EXIT_INTERRUPTED = 130  # 128 + SIGINT, as shells report a command stopped by Ctrl+C


class CliError(Exception):
    """A one-line error for stderr, already in the user's language."""


_tear_down = True


def skip_teardown() -> None:
    """For a command that is the whole process (the review pack): :func:`leave` ends it
    without tearing the interpreter down, once everything it opened is closed."""
    global _tear_down
    _tear_down = False


def leave(code: int) -> NoReturn:
    """End the process with ``code``, as ``sys.exit`` does.

    After :func:`skip_teardown`, the exit handlers run (logging's flush among them) and
    the standard streams are flushed, then the process ends at once: the interpreter's
    teardown frees every module and object one by one (20 to 30 ms after a pack, half
    of it reportlab and SQLAlchemy) for memory the system takes back whole. The command
    has closed its files and its database by then (a pack's PDF is synced and renamed);
    with another thread still running, the usual exit waits for it.
    """
    if _tear_down or threading.active_count() > 1:
        raise SystemExit(code)
    atexit._run_exitfuncs()
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(Exception):  # a closed pipe: nothing more to say
            stream.flush()
    os._exit(code)


def db_location(args: argparse.Namespace, *, required: bool = False) -> Path | str:
    """``--db``: a workspace file, or a team workspace's address (``postgresql://…``),
    for the commands that work on an open workspace."""
    db = getattr(args, "db", None)
    if db is not None and "://" in str(db):
        from po_desktop.store import team

        if not team.is_server_address(str(db)):
            raise CliError(translate("team.not_an_address", value=db))
        return str(db)
    return db_path(args, required=required)


def db_path(args: argparse.Namespace, *, required: bool = False) -> Path:
    """``--db`` for the commands that work on the file itself (backups, restore, check):
    an address is refused, saying how a team workspace is backed up."""
    db = getattr(args, "db", None)
    if db is not None:
        if "://" in str(db):  # a team workspace's address where a file is meant
            from po_desktop.store import team

            shown = team.shown(str(db)) if team.is_server_address(str(db)) else db
            raise CliError(translate("team.file_command", address=shown))
        return Path(db)
    if required:
        raise CliError(translate("field.required", field="--db"))
    from po_desktop import paths

    return paths.default_database()


def add_author(parser: argparse.ArgumentParser, help_text: str) -> None:
    """``--author NAME`` on a command that writes: who does it (by default, the person
    whose login or name is the computer's login name)."""
    parser.add_argument("--author", default=None, metavar="NAME", help=help_text)


def sign_in(session: Session, args: argparse.Namespace) -> None:
    """Make ``--author`` (or the login) the author of what the command writes."""
    from po_desktop.store import identity

    identity.sign_in(session, identity.who(session, getattr(args, "author", None)))


def warn(problems: Sequence[messages.Message], lang: str) -> None:
    """Rows left out of an output, one line each on stderr (ten at most, then how many)."""
    for problem in problems[: messages.MAX_ITEMS]:
        print(f"po-desktop: {translate('cli.skipped', lang, problem=problem)}", file=sys.stderr)
    if len(problems) > messages.MAX_ITEMS:
        more = messages.thousands(len(problems) - messages.MAX_ITEMS)
        print(f"po-desktop: {translate('cli.skipped_more', lang, count=more)}", file=sys.stderr)


def fail(text: str) -> int:
    print(f"po-desktop: {text}", file=sys.stderr)
    return EXIT_UNUSABLE
