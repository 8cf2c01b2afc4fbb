"""Command line: the GUI by default, and subcommands that never import Qt.

Qt is imported only by the ``gui`` and ``screenshot`` paths, so ``check``,
``demo`` and the CSV commands start fast and run on machines without a screen.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections.abc import Callable, Sequence
from datetime import date, datetime
from pathlib import Path
from typing import NoReturn
from zoneinfo import ZoneInfo

from po_desktop import APP_NAME, __version__
from po_desktop.cli import need as cli_need
from po_desktop.cli import team as cli_team
from po_desktop.cli.common import (
    EXIT_INTERRUPTED,
    EXIT_OK,
    EXIT_PROBLEMS,
    CliError,
    add_author,
    db_location,
    db_path,
    fail,
    leave,
    sign_in,
)
from po_desktop.cli.exchange import cmd_export, cmd_export_csv, cmd_import
from po_desktop.cli.printouts import (
    cmd_backlog,
    cmd_capacity,
    cmd_cards,
    cmd_ics,
    cmd_letter,
    cmd_pack,
)
from po_desktop.domain import messages
from po_desktop.domain.messages import Message, translate


def _common(h: Callable[[str], str]) -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    # A file's path, or a team workspace's address (postgresql://...: a Path would fold
    # its "//"); db_path() makes it a path where a file is meant.
    common.add_argument("--db", default=argparse.SUPPRESS, help=h("db"))
    common.add_argument(
        "--lang", choices=messages.LANGUAGES, default=argparse.SUPPRESS, help=h("lang")
    )
    common.add_argument("--debug", action="store_true", default=argparse.SUPPRESS, help=h("debug"))
    return common


def build_parser(lang: str | None = None) -> argparse.ArgumentParser:
    """The parser, its help and argparse's own words in ``lang``."""
    lang = lang or messages.language()
    _speak_argparse(lang)

    def h(key: str) -> str:
        return translate(f"cli.help.{key}", lang)

    common = _common(h)
    parser = argparse.ArgumentParser(
        prog="po-desktop", description=h("description"), parents=[common], allow_abbrev=False
    )
    parser.add_argument(
        "--version", action="version", version=f"{APP_NAME} {__version__}", help=h("version")
    )
    sub = parser.add_subparsers(dest="command", metavar=h("command_metavar"))

    def command(name: str) -> argparse.ArgumentParser:
        return sub.add_parser(
            name, parents=[common], help=h(name), description=h(name), allow_abbrev=False
        )

    command("gui")

    demo = command("demo")
    demo.add_argument("--needs", type=int, default=240, help=h("demo_needs"))
    demo.add_argument("--seed", type=int, default=7, help=h("demo_seed"))
    demo.add_argument("--force", action="store_true", help=h("demo_force"))

    command("check")

    for name in ("import", "import-csv"):  # import-csv: the name it had before xlsx
        imp = command(name)
        imp.add_argument("file", type=Path, help=h("import_file"))
        imp.add_argument(
            "--format",
            choices=("auto", "csv", "xlsx", "jira", "trello"),
            default="auto",
            help=h("import_format"),
        )
        imp.add_argument("--project", help=h("import_project"))
        imp.add_argument("--dry-run", action="store_true", help=h("dry_run"))
        add_author(imp, h("author"))

    exp = command("export-csv")
    exp.add_argument("-o", "--output", type=Path, required=True, help=h("output"))
    exp.add_argument("--sep", choices=[";", ","], default=";", help=h("sep"))
    exp.add_argument("--project", help=h("project"))

    export = command("export")
    export.add_argument("-o", "--output", type=Path, required=True, help=h("export_output"))
    export.add_argument("--sep", choices=[";", ","], default=";", help=h("sep"))
    export.add_argument("--project", help=h("project"))

    backlog = command("backlog")
    backlog.add_argument("--format", choices=("table", "csv"), default="table", help=h("format"))
    backlog.add_argument("--grid", help=h("grid"))
    backlog.add_argument("-o", "--output", type=Path, help=h("output_optional"))

    cap = command("capacity")
    cap.add_argument("--sprint", required=True, help=h("sprint"))

    ics = command("ics")
    ics.add_argument("--sprint", help=h("ics_sprint"))
    ics.add_argument("-o", "--output", type=Path, required=True, help=h("output"))

    pack = command("pack")
    pack.add_argument("--sprint", required=True, help=h("sprint"))
    pack.add_argument("-o", "--output", type=Path, required=True, help=h("output"))

    letter = command("letter")
    letter.add_argument("key", metavar=h("key_metavar"), help=h("need_key"))
    letter.add_argument("-o", "--output", type=Path, required=True, help=h("letter_output"))
    letter.add_argument("--eml", type=Path, help=h("eml"))

    cards = command("cards")
    which = cards.add_mutually_exclusive_group(required=True)
    which.add_argument("--sprint", help=h("sprint"))
    which.add_argument("--keys", help=h("keys"))
    cards.add_argument("-o", "--output", type=Path, required=True, help=h("output"))
    cards.add_argument("--per-page", type=int, choices=(6, 8), default=8, help=h("per_page"))

    shot = command("screenshot")
    shot.add_argument("--view", default="main", help=h("view"))
    shot.add_argument("-o", "--output", type=Path, required=True, help=h("output"))
    shot.add_argument("--size", default="1280x800", help=h("size"))

    backup = command("backup")
    backup.add_argument("--list", action="store_true", help=h("backup_list"))

    restore = command("restore")
    restore.add_argument(
        "--from", dest="source", type=Path, required=True, metavar="BACKUP", help=h("from")
    )
    archive = command("archive")
    archive.add_argument("--older-than", type=int, metavar="DAYS", help=h("older_than"))
    archive.add_argument("--dry-run", action="store_true", help=h("archive_dry_run"))
    add_author(archive, h("author"))

    cli_need.add_parser(sub, common, h)
    cli_team.add_parsers(sub, common, h)
    return parser


def _speak_argparse(lang: str) -> None:
    """argparse words its usage and errors through gettext, with no French catalogue in
    Python: route its strings through ours so "usage:" and "required" read in French."""
    argparse._ = lambda text: messages.argparse_text(text, lang)  # type: ignore[attr-defined]


def _peek_language(argv: Sequence[str]) -> str | None:
    """--lang before parsing, so the parser itself (help, errors) speaks it."""
    for index, arg in enumerate(argv):
        if arg.startswith("--lang="):
            value = arg.split("=", 1)[1]
            return value if value in messages.LANGUAGES else None
        if arg == "--lang" and index + 1 < len(argv):
            value = argv[index + 1]
            return value if value in messages.LANGUAGES else None
    return None


def _file_to_open(arguments: list[str]) -> list[str]:
    """``po-desktop FILE [--lang fr]`` (a double click on a .podb, a file manager's "Open
    with": the desktop entry runs ``po-desktop %f``) opens that workspace, as ``--db FILE``
    does. Only a first argument that names a file, not a command: ``po-desktop chek``
    stays an error about the command."""
    if arguments and not arguments[0].startswith("-") and arguments[0] not in _HANDLERS:
        path = Path(arguments[0])
        if path.suffix or path.exists() or path.is_absolute():
            return ["--db", *arguments]
    return arguments


def main(argv: Sequence[str] | None = None) -> int:
    arguments = _file_to_open(list(sys.argv[1:] if argv is None else argv))
    lang = _peek_language(arguments) or messages.system_language()
    messages.set_language(lang)
    args = build_parser(lang).parse_args(arguments)
    if getattr(args, "lang", None):  # "--lang=en" after a subcommand's own options
        lang = args.lang
        messages.set_language(lang)
    debug = bool(getattr(args, "debug", False))
    command = args.command or "gui"
    try:
        handler = _HANDLERS[command]
        return handler(args, lang)
    except CliError as exc:
        return fail(str(exc))
    except KeyboardInterrupt:
        # Ctrl+C: every command is one transaction (an import is all or nothing) and every
        # output is written atomically, so stopping here leaves things as they were.
        if debug:
            raise
        importing = command in ("import", "import-csv")
        interrupted = "cli.interrupted_import" if importing else "cli.interrupted"
        fail(translate(interrupted, lang))
        return EXIT_INTERRUPTED
    except Exception as exc:
        if debug:
            raise
        return fail(_explain(exc, lang))


def run() -> NoReturn:
    """The program: ``python -m po_desktop`` and the ``po-desktop`` command."""
    leave(main())


def _explain(exc: Exception, lang: str) -> str:
    """The one line an error gets: ours are said as they are; a system or database error
    in the user's words, never Python's or SQLite's English; anything else is a bug."""
    from sqlalchemy.exc import DBAPIError

    from po_desktop.store.errors import PoDesktopError
    from po_desktop.store.services._base import driver_fault, storage_error

    if isinstance(exc, PoDesktopError):
        return exc.render(lang)
    if isinstance(exc, OSError):
        _log(exc)
        return messages.os_message(exc).render(lang)
    if isinstance(exc, DBAPIError) and not driver_fault(exc):
        _log(exc)
        return storage_error(exc).render(lang)
    return _unexpected(exc, lang)


def _log(exc: BaseException, text: str = "Command failed") -> Path | None:
    """The traceback to the log file, if there is one; returns its path.

    Nothing is printed when the log cannot be written (a full disk is often the very
    error being reported): the terminal gets one line, whatever happens here.
    """
    import logging

    from po_desktop import logs

    path = logs.configure()
    if path is None:
        return None
    raising = logging.raiseExceptions
    logging.raiseExceptions = False  # a failed log write says nothing on stderr
    try:
        logging.getLogger("po_desktop.cli").error(text, exc_info=exc)
    finally:
        logging.raiseExceptions = raising
    return path


def _unexpected(exc: Exception, lang: str) -> str:
    """One line for the terminal; the traceback goes to the log file for a bug report."""
    path = _log(exc, "Unexpected error")
    summary = f"{type(exc).__name__}: {exc}"
    if path is None:
        return summary
    return translate("cli.unexpected", lang, error=summary, log=path)


def _cmd_gui(args: argparse.Namespace, lang: str) -> int:
    import gc

    from po_desktop.store import check_ahead  # neither SQLAlchemy nor Qt

    # Start-up makes a few hundred thousand objects (modules, classes, the board's rows)
    # and next to no garbage: Python's collector walking them again and again costs
    # about a tenth of the time to the first paint. It is paused until the board is
    # painted, then what start-up made is set aside from later collections (gc.freeze,
    # ui.app.start_gui), so a pause while typing never walks it either.
    gc.disable()

    db = getattr(args, "db", None)  # None: the database used last
    location = db_location(args) if db is not None else None
    # The file's integrity check first, in a thread of its own: at 100,000 needs it is
    # longer than all the imports below, which it runs beside.
    ahead = location if isinstance(location, Path) else _last_file() if db is None else None
    if ahead is not None:
        check_ahead.start(ahead)
    # The store (SQLAlchemy) next: once PySide6 is loaded, its import hook makes
    # every later import slower, about 0.2 s of start-up for SQLAlchemy alone. The app's
    # backups too: the database module loads them only when it makes one.
    import po_desktop.store.backups
    import po_desktop.store.database  # noqa: F401
    from po_desktop.ui.app import run_gui

    return run_gui(location, lang=getattr(args, "lang", None))


_PLAIN_VALUE = re.compile(r"[A-Za-z0-9_./:~+()-][A-Za-z0-9 _./:~+()-]*[A-Za-z0-9_./:~+()-]")
"""A settings value Qt writes as it is (no escape, no quotes)."""


def _last_file() -> Path | None:
    """The file the window will open (``ui.app._file_to_open``), read before Qt is
    imported: the last database the settings name when it is still there, else the
    default one. None when that value is not plain text Qt wrote as it is: the window
    then starts the check itself once it has read the settings (an address, a path
    with accents or backslashes, an unreadable file)."""
    from po_desktop import paths

    try:
        text = (paths.config_dir() / "settings.ini").read_text("utf-8")
    except FileNotFoundError:
        text = ""
    except (OSError, UnicodeError):
        return None
    section, last = "", ""
    for line in text.splitlines():
        if line.startswith("["):
            section = line.strip()
        elif section == "[files]" and line.startswith("last_database="):
            last = line.removeprefix("last_database=")
    if last and ("://" in last or not _PLAIN_VALUE.fullmatch(last)):
        return None
    usable = last and Path(last).exists()
    return Path(last) if usable else paths.default_database()


def _cmd_demo(args: argparse.Namespace, lang: str) -> int:
    from po_desktop.demo import seed_demo
    from po_desktop.store import engine
    from po_desktop.store.database import backup_before_replacing, open_database
    from po_desktop.store.errors import DatabaseFileError
    from po_desktop.store.migrate import KNOWN_REVISIONS

    path = db_path(args, required=True)
    if path.exists():
        if not args.force:
            raise DatabaseFileError("db.exists", path=str(path))
        # --force replaces only a PO Desktop database this version understands, and
        # keeps a verified copy of it first: a mistyped path must not cost a workspace.
        info = engine.inspect_file(path)
        if info.revision not in KNOWN_REVISIONS:
            raise DatabaseFileError("db.too_new", path=str(path), revision=info.revision)
        lock = engine.FileLock(path.resolve())
        lock.acquire()
        try:
            kept = backup_before_replacing(path)
            for suffix in ("", "-wal", "-shm"):
                Path(f"{path}{suffix}").unlink(missing_ok=True)
        finally:
            lock.release()
        print(translate("cli.demo_backup", lang, path=kept))
    with open_database(path) as db, db.session() as session:
        clock = datetime.now(ZoneInfo("Europe/Paris")).replace(tzinfo=None)  # the demo's zone
        summary = seed_demo(
            session, needs=args.needs, seed=args.seed, today=date.today(), clock=clock
        )
    print(translate("cli.demo_done", lang, path=path, needs=summary.needs))
    return EXIT_OK


def _cmd_check(args: argparse.Namespace, lang: str) -> int:
    """The same verdict as opening gives (:func:`~po_desktop.store.database.examine`): an
    unusable file (damaged, foreign, too new, busy...) exits 2 with the message opening
    shows; a usable one is checked in full, exiting 1 when problems are found."""
    from sqlalchemy.orm import Session

    from po_desktop.store import engine
    from po_desktop.store.database import examine, table_counts
    from po_desktop.store.errors import DatabaseFileError
    from po_desktop.store.migrate import HEAD
    from po_desktop.store.services.sprints import dates_out_of_range

    path = db_path(args, required=True)
    info = examine(path)
    if not info.exists:
        raise DatabaseFileError("db.not_found", path=str(path))
    ro = engine.make_engine(info.path, read_only=True)
    try:
        problems: list[object] = list(engine.integrity_problems(ro))
        counts = {}
        if not problems:
            with Session(ro) as session:
                counts = table_counts(session)
                if info.revision == HEAD:  # older schemas lack columns the models read
                    # Dates no report can work with (a sprint ending in 9999), to be fixed.
                    problems += dates_out_of_range(session)
    finally:
        ro.dispose()
    print(translate("cli.check_file", lang, path=path, size=messages.thousands(info.size)))
    print(translate("cli.check_schema", lang, revision=info.revision, head=HEAD))
    if info.read_only is not None:
        print(Message("db.opened_read_only", {"reason": info.read_only}).render(lang))
    elif info.revision != HEAD:
        print(translate("cli.check_upgrade", lang))
    for name, count in counts.items():
        print(f"  {translate('count.' + name, lang)}: {count}")
    if problems:
        for problem in problems[:20]:
            print(translate("cli.check_problem", lang, problem=problem))
        return EXIT_PROBLEMS
    print(translate("cli.check_ok", lang))
    return EXIT_OK


def _cmd_backup(args: argparse.Namespace, lang: str) -> int:
    from po_desktop.store import backups
    from po_desktop.store import engine as sqlite
    from po_desktop.store.errors import DatabaseFileError

    path = db_path(args, required=True).expanduser().resolve()
    if args.list:
        found = backups.list_backups(path)
        if not found:
            folder = backups.folder_for(path)
            print(translate("cli.backup_none", lang, path=path, folder=folder))
            return EXIT_OK
        print(translate("cli.backup_list_header", lang, path=path))
        for backup in found:
            taken = backup.taken.strftime("%Y-%m-%d %H:%M:%S")
            reason = messages.backup_reason(backup.reason, lang)
            print(f"  {taken}  {reason:<28} {backup.path}")
        return EXIT_OK
    # Read-only checks first: a backup of a file that is not ours would only mislead.
    info = sqlite.inspect_file(path)
    if not info.exists:
        raise DatabaseFileError("db.not_found", path=str(path))
    # No lock needed: the online backup API takes a consistent snapshot while the
    # application keeps the file open and writes to it.
    print(translate("cli.backup_done", lang, path=backups.create(path, "manual")))
    return EXIT_OK


def _cmd_restore(args: argparse.Namespace, lang: str) -> int:
    from po_desktop.store import backups

    path = db_path(args, required=True)
    kept = backups.restore(path, args.source)
    print(translate("cli.restore_done", lang, source=args.source))
    if kept is not None:
        print(translate("cli.restore_kept", lang, path=kept))
    return EXIT_OK


def _cmd_archive(args: argparse.Namespace, lang: str) -> int:
    """The needs closed (done or no-go) for more than the days, archived as one step."""
    from po_desktop.store.database import open_database
    from po_desktop.store.models import utcnow
    from po_desktop.store.services import archive

    days = args.older_than
    if days is not None and not 0 < days <= archive.MAX_AUTO_ARCHIVE_DAYS:
        raise CliError(
            translate(
                "field.out_of_range",
                lang,
                field="--older-than",
                value=days,
                min=1,
                max=archive.MAX_AUTO_ARCHIVE_DAYS,
            )
        )
    path = db_location(args, required=True)
    with open_database(path, create=False) as db, db.session() as session:
        sign_in(session, args)
        if days is None:
            days = archive.auto_archive_days(session)
        if days is None:
            print(translate("cli.auto_archive_off", lang))
            return EXIT_OK
        now = utcnow()
        if args.dry_run:
            count, said = len(archive.closed_since(session, days, now)), "cli.auto_archive_preview"
        else:
            count = len(archive.archive_done_needs(session, now=now, days=days))
            said = "cli.auto_archive_done"
    if not count:
        said = "cli.auto_archive_none"
    print(translate(said, lang, count=count, days=Message("count.days", {"count": days})))
    return EXIT_OK


def _cmd_need(args: argparse.Namespace, lang: str) -> int:
    return cli_need.run(args, lang, db_location(args, required=True))


def parse_size(text: str) -> tuple[int, int]:
    try:
        width_text, height_text = text.lower().split("x")
        width, height = int(width_text), int(height_text)
    except ValueError:
        raise CliError(translate("cli.bad_size", value=text)) from None
    if not (200 <= width <= 8000 and 200 <= height <= 8000):
        raise CliError(translate("cli.bad_size", value=text))
    return width, height


def _cmd_screenshot(args: argparse.Namespace, lang: str) -> int:
    size = parse_size(args.size)
    path = db_path(args, required=True)
    from po_desktop.ui.screenshot import VIEWS, render_view

    if args.view not in VIEWS:
        raise CliError(
            translate(
                "field.bad_choice",
                field="--view",
                value=args.view,
                choices=messages.listing(VIEWS, limit=None),
            )
        )
    render_view(path, args.view, args.output, size=size, lang=lang)
    print(translate("cli.screenshot_done", lang, path=args.output))
    return EXIT_OK


_HANDLERS = {
    "gui": _cmd_gui,
    "demo": _cmd_demo,
    "check": _cmd_check,
    "import": cmd_import,
    "import-csv": cmd_import,
    "export-csv": cmd_export_csv,
    "export": cmd_export,
    "backlog": cmd_backlog,
    "capacity": cmd_capacity,
    "ics": cmd_ics,
    "pack": cmd_pack,
    "letter": cmd_letter,
    "cards": cmd_cards,
    "screenshot": _cmd_screenshot,
    "backup": _cmd_backup,
    "restore": _cmd_restore,
    "need": _cmd_need,
    "team": cli_team.cmd_team,
    "push": cli_team.cmd_push,
    "pull": cli_team.cmd_pull,
    "archive": _cmd_archive,
}


if __name__ == "__main__":  # pragma: no cover
    run()
