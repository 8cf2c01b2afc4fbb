"""Command line: the GUI by default, and subcommands that never import Qt.

Qt is imported only by the ``gui`` and ``screenshot`` paths, so ``check``,
``demo`` and the CSV commands start fast and run on machines without a screen.
"""

from __future__ import annotations

import argparse
import atexit
import gc
import sys
from collections.abc import Sequence
from datetime import date
from pathlib import Path

from po_desktop import APP_NAME, __version__
from po_desktop.domain import messages
from po_desktop.domain.messages import translate

EXIT_OK = 0
EXIT_PROBLEMS = 1
EXIT_UNUSABLE = 2


class CliError(Exception):
    """A one-line error for stderr, already in the user's language."""


def _common() -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--db", type=Path, default=argparse.SUPPRESS, help="database file")
    common.add_argument(
        "--lang", choices=messages.LANGUAGES, default=argparse.SUPPRESS, help="language"
    )
    common.add_argument(
        "--debug", action="store_true", default=argparse.SUPPRESS, help="show tracebacks"
    )
    return common


def build_parser() -> argparse.ArgumentParser:
    common = _common()
    parser = argparse.ArgumentParser(
        prog="po-desktop",
        description=f"{APP_NAME}: needs, scoring, board and sprints for product owners.",
        parents=[common],
    )
    parser.add_argument("--version", action="version", version=f"{APP_NAME} {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    sub.add_parser("gui", parents=[common], help="open the application (default)")

    demo = sub.add_parser("demo", parents=[common], help="create a French demo workspace")
    demo.add_argument("--needs", type=int, default=240, help="number of needs (default 240)")
    demo.add_argument("--seed", type=int, default=7, help="random seed (default 7)")
    demo.add_argument("--force", action="store_true", help="replace an existing demo database")

    sub.add_parser("check", parents=[common], help="integrity check, schema version, counts")

    imp = sub.add_parser("import-csv", parents=[common], help="import needs from a CSV file")
    imp.add_argument("file", type=Path)

    exp = sub.add_parser("export-csv", parents=[common], help="export needs to a CSV file")
    exp.add_argument("-o", "--output", type=Path, required=True)
    exp.add_argument("--sep", choices=[";", ","], default=";", help="separator (default ;)")
    exp.add_argument("--project", help="only this project code")

    backlog = sub.add_parser(
        "backlog", parents=[common], help="print the ranked backlog (open needs by score)"
    )
    backlog.add_argument("--format", choices=("table", "csv"), default="table")
    backlog.add_argument("--grid", help="rank by the assessments made with this grid (name or id)")
    backlog.add_argument("-o", "--output", type=Path, help="write to this file instead")

    cap = sub.add_parser(
        "capacity", parents=[common], help="a sprint's capacity per person and its forecast"
    )
    cap.add_argument("--sprint", required=True, help="sprint name or id")

    ics = sub.add_parser("ics", parents=[common], help="export sprints and rituals to iCalendar")
    ics.add_argument("--sprint", help="only this sprint (name or id); default: every sprint")
    ics.add_argument("-o", "--output", type=Path, required=True)

    pack = sub.add_parser("pack", parents=[common], help="print a sprint-review pack (PDF)")
    pack.add_argument("--sprint", required=True, help="sprint name or id")
    pack.add_argument("-o", "--output", type=Path, required=True)

    shot = sub.add_parser("screenshot", parents=[common], help="render a view to a PNG file")
    shot.add_argument("--view", default="main", help="view to render (main, board, ...)")
    shot.add_argument("-o", "--output", type=Path, required=True)
    shot.add_argument("--size", default="1280x800", help="WIDTHxHEIGHT (default 1280x800)")
    return parser


def _db_path(args: argparse.Namespace, *, required: bool = False) -> Path:
    db = getattr(args, "db", None)
    if db is not None:
        return Path(db)
    if required:
        raise CliError(translate("field.required", field="--db"))
    from po_desktop import paths

    return paths.default_database()


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    lang = getattr(args, "lang", None) or messages.system_language()
    messages.set_language(lang)
    debug = bool(getattr(args, "debug", False))
    command = args.command or "gui"
    try:
        handler = _HANDLERS[command]
        return handler(args, lang)
    except CliError as exc:
        return _fail(str(exc))
    except Exception as exc:
        from po_desktop.store.errors import PoDesktopError

        if debug:
            raise
        if isinstance(exc, PoDesktopError):
            return _fail(exc.render(lang))
        return _fail(f"{type(exc).__name__}: {exc}")


def _fail(text: str) -> int:
    print(f"po-desktop: {text}", file=sys.stderr)
    return EXIT_UNUSABLE


def _cmd_gui(args: argparse.Namespace, lang: str) -> int:
    # The store (SQLAlchemy) first: once PySide6 is loaded, its import hook makes
    # every later import slower, about 0.2 s of start-up for SQLAlchemy alone.
    import po_desktop.store.database  # noqa: F401
    from po_desktop.ui.app import run_gui

    return run_gui(_db_path(args), lang=getattr(args, "lang", None))


def _cmd_demo(args: argparse.Namespace, lang: str) -> int:
    from po_desktop.store import engine
    from po_desktop.store.database import backup_before_replacing, open_database
    from po_desktop.store.errors import DatabaseFileError
    from po_desktop.store.migrate import KNOWN_REVISIONS
    from po_desktop.store.services.demo import seed_demo

    path = _db_path(args, required=True)
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
        summary = seed_demo(session, needs=args.needs, seed=args.seed, today=date.today())
    print(translate("cli.demo_done", lang, path=path, needs=summary.needs))
    return EXIT_OK


def _cmd_check(args: argparse.Namespace, lang: str) -> int:
    from sqlalchemy.orm import Session

    from po_desktop.store import engine
    from po_desktop.store.database import table_counts
    from po_desktop.store.errors import DatabaseFileError
    from po_desktop.store.migrate import HEAD

    path = _db_path(args, required=True)
    info = engine.inspect_file(path)
    if not info.exists:
        raise DatabaseFileError("db.not_found", path=str(path))
    ro = engine.make_engine(path, read_only=True)
    try:
        problems = engine.integrity_problems(ro)
        with Session(ro) as session:
            counts = table_counts(session) if not problems else {}
    finally:
        ro.dispose()
    print(translate("cli.check_file", lang, path=path, size=f"{info.size:,}".replace(",", " ")))
    print(translate("cli.check_schema", lang, revision=info.revision, head=HEAD))
    if info.revision != HEAD:
        print(translate("cli.check_upgrade", lang))
    for name, count in counts.items():
        print(f"  {translate('count.' + name, lang)}: {count}")
    if problems:
        for problem in problems[:20]:
            print(translate("cli.check_problem", lang, problem=problem))
        return EXIT_PROBLEMS
    print(translate("cli.check_ok", lang))
    return EXIT_OK


def _cmd_import_csv(args: argparse.Namespace, lang: str) -> int:
    from po_desktop.io.csv_needs import read_needs_csv
    from po_desktop.store.database import open_database
    from po_desktop.store.errors import DatabaseFileError
    from po_desktop.store.services.importing import import_needs

    path = _db_path(args, required=True)
    if not args.file.is_file():
        raise DatabaseFileError("db.not_found", path=str(args.file))
    records = read_needs_csv(args.file)
    with open_database(path, create=False) as db, db.session() as session:
        result = import_needs(session, records)
    print(
        translate(
            "cli.import_done",
            lang,
            created=result.created,
            updated=result.updated,
            projects=result.projects_created,
        )
    )
    return EXIT_OK


def _cmd_export_csv(args: argparse.Namespace, lang: str) -> int:
    from po_desktop.io.csv_needs import write_needs_csv
    from po_desktop.store.database import open_database
    from po_desktop.store.errors import DatabaseFileError

    path = _db_path(args, required=True)
    with open_database(path, create=False) as db, db.session() as session:
        if db.owns(args.output):
            raise DatabaseFileError("db.output_is_database", path=str(args.output))
        try:
            count = write_needs_csv(
                session, args.output, delimiter=args.sep, project_code=args.project
            )
        except OSError as exc:
            raise CliError(
                translate("cli.output_unwritable", lang, path=args.output, detail=exc.strerror)
            ) from exc
    print(translate("cli.export_done", lang, count=count, path=args.output))
    return EXIT_OK


def _cmd_backlog(args: argparse.Namespace, lang: str) -> int:
    from po_desktop.io.backlog import as_csv, as_table, ranked_backlog
    from po_desktop.store.database import open_database
    from po_desktop.store.errors import DatabaseFileError

    path = _db_path(args, required=True)
    with open_database(path, create=False) as db, db.session() as session:
        if args.output is not None and db.owns(args.output):
            raise DatabaseFileError("db.output_is_database", path=str(args.output))
        lines = ranked_backlog(session, args.grid)
    text = as_csv(lines, lang) if args.format == "csv" else as_table(lines, lang)
    if args.output is None:
        sys.stdout.write(text)
        return EXIT_OK
    try:
        args.output.write_text(text, encoding="utf-8-sig" if args.format == "csv" else "utf-8")
    except OSError as exc:
        raise CliError(
            translate("cli.output_unwritable", lang, path=args.output, detail=exc.strerror)
        ) from exc
    return EXIT_OK


def _cmd_capacity(args: argparse.Namespace, lang: str) -> int:
    from po_desktop.io.capacity import capacity_report
    from po_desktop.store.database import open_database
    from po_desktop.store.services import sprints

    path = _db_path(args, required=True)
    with open_database(path, create=False) as db, db.session() as session:
        sprint = sprints.find_sprint(session, args.sprint)
        report = capacity_report(sprints.capacity(session, sprint.id, lang), lang)
    sys.stdout.write(report)
    return EXIT_OK


def _cmd_ics(args: argparse.Namespace, lang: str) -> int:
    from po_desktop.io.ics import export_ics
    from po_desktop.store.database import open_database
    from po_desktop.store.errors import DatabaseFileError

    path = _db_path(args, required=True)
    with open_database(path, create=False) as db, db.session() as session:
        if db.owns(args.output):
            raise DatabaseFileError("db.output_is_database", path=str(args.output))
        data = export_ics(session, args.sprint, lang)
    try:
        args.output.write_bytes(data)
    except OSError as exc:
        raise CliError(
            translate("cli.output_unwritable", lang, path=args.output, detail=exc.strerror)
        ) from exc
    print(translate("cli.ics_done", lang, path=args.output, count=data.count(b"BEGIN:VEVENT")))
    return EXIT_OK


def _cmd_pack(args: argparse.Namespace, lang: str) -> int:
    # One document built in a short process: the cyclic garbage collector would walk
    # the whole heap again and again while SQLAlchemy, reportlab and the layout
    # allocate (0.2 s of about 2 s for 300 needs), to free next to nothing (peak
    # memory is the same, about 90 MB). Reference counting still frees as usual.
    collecting = gc.isenabled()
    gc.disable()
    # The same walk happens once more as the interpreter exits, over everything the
    # document left behind (0.6 s): frozen objects are skipped. The PDF is closed and
    # renamed by then; the database session and its lock are released explicitly.
    atexit.register(gc.freeze)
    try:
        return _pack(args, lang)
    finally:
        if collecting:
            gc.enable()


def _pack(args: argparse.Namespace, lang: str) -> int:
    from po_desktop.reports.export import export_pack
    from po_desktop.store.database import open_database

    path = _db_path(args, required=True)
    with open_database(path, create=False) as db, db.session() as session:
        pages = export_pack(session, args.sprint, args.output, lang, database=db)
    print(translate("cli.pack_done", lang, path=args.output, pages=pages))
    return EXIT_OK


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
    path = _db_path(args, required=True)
    from po_desktop.ui.screenshot import VIEWS, render_view

    if args.view not in VIEWS:
        raise CliError(
            translate("field.bad_choice", field="--view", value=args.view, choices=", ".join(VIEWS))
        )
    render_view(path, args.view, args.output, size=size, lang=lang)
    print(translate("cli.screenshot_done", lang, path=args.output))
    return EXIT_OK


_HANDLERS = {
    "gui": _cmd_gui,
    "demo": _cmd_demo,
    "check": _cmd_check,
    "import-csv": _cmd_import_csv,
    "export-csv": _cmd_export_csv,
    "backlog": _cmd_backlog,
    "capacity": _cmd_capacity,
    "ics": _cmd_ics,
    "pack": _cmd_pack,
    "screenshot": _cmd_screenshot,
}


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
