"""What the command line prints or writes for people: the ranked backlog, a sprint's
capacity, the calendar, the review pack, the decision letter and the printed cards."""

from __future__ import annotations

import argparse
import atexit
import gc
import sys
from pathlib import Path

from po_desktop.cli.common import EXIT_OK, db_location, skip_teardown, warn
from po_desktop.domain import messages
from po_desktop.domain.messages import translate


def cmd_backlog(args: argparse.Namespace, lang: str) -> int:
    from po_desktop.reports.backlog import as_csv, as_table, ranked_backlog
    from po_desktop.store import files
    from po_desktop.store.database import open_database
    from po_desktop.store.errors import DatabaseFileError

    path = db_location(args, required=True)
    with open_database(path, create=False) as db, db.session() as session:
        if args.output is not None and db.owns(args.output):
            raise DatabaseFileError("db.output_is_database", path=str(args.output))
        lines = ranked_backlog(session, args.grid)
    text = as_csv(lines, lang) if args.format == "csv" else as_table(lines, lang)
    if args.output is None:
        sys.stdout.write(text)
        return EXIT_OK
    files.write_text(args.output, text, encoding="utf-8-sig" if args.format == "csv" else "utf-8")
    return EXIT_OK


def cmd_capacity(args: argparse.Namespace, lang: str) -> int:
    from po_desktop.reports.capacity import capacity_report
    from po_desktop.store import calendar_queries
    from po_desktop.store.database import open_database
    from po_desktop.store.services import sprints

    path = db_location(args, required=True)
    with open_database(path, create=False) as db, db.session() as session:
        sprint = sprints.find_sprint(session, args.sprint)
        report = capacity_report(calendar_queries.capacity(session, sprint.id, lang), lang)
    sys.stdout.write(report)
    return EXIT_OK


def cmd_ics(args: argparse.Namespace, lang: str) -> int:
    from po_desktop.io.ics import export_ics
    from po_desktop.store import files
    from po_desktop.store.database import open_database
    from po_desktop.store.errors import DatabaseFileError

    path = db_location(args, required=True)
    with open_database(path, create=False) as db, db.session() as session:
        if db.owns(args.output):
            raise DatabaseFileError("db.output_is_database", path=str(args.output))
        skipped: list[messages.Message] = []
        data = export_ics(session, args.sprint, lang, skipped)
    files.write_bytes(args.output, data)
    warn(skipped, lang)
    print(translate("cli.ics_done", lang, path=args.output, count=data.count(b"BEGIN:VEVENT")))
    return EXIT_OK


def cmd_pack(args: argparse.Namespace, lang: str) -> int:
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
    skip_teardown()  # and run as a program, not even that walk (see common.leave)
    try:
        return _pack(args, lang)
    finally:
        if collecting:
            # Everything allocated since gc.disable() is still in the youngest generation:
            # the first collection after gc.enable() would walk it all (0.1 s for 300
            # needs, to free a few thousand objects). Moved to the oldest generation
            # instead (freeze then unfreeze: two list splices, no walk), it is collected
            # with the rest of the heap, if ever (atexit's freeze above, at exit).
            gc.freeze()
            gc.unfreeze()
            gc.enable()


def _pack(args: argparse.Namespace, lang: str) -> int:
    from po_desktop.store.database import examine_ahead, open_database

    path = db_location(args, required=True)
    if isinstance(path, Path):
        # The file's integrity check (SQLite, outside Python's lock) runs on the second
        # core while reportlab and the pack's modules load, as the app's start-up does;
        # open_database takes its verdict only if nothing touched the file meanwhile.
        examine_ahead(path)
    from po_desktop.reports.export import export_pack

    with open_database(path, create=False) as db, db.session() as session:
        pages = export_pack(session, args.sprint, args.output, lang, database=db)
    print(translate("cli.pack_done", lang, path=args.output, pages=pages))
    return EXIT_OK


def cmd_letter(args: argparse.Namespace, lang: str) -> int:
    from po_desktop.reports.export import export_letter
    from po_desktop.store.database import open_database

    path = db_location(args, required=True)
    with open_database(path, create=False) as db, db.session() as session:
        letter = export_letter(session, args.key, args.output, args.eml, lang, database=db)
    print(translate("cli.letter_done", lang, key=letter.key, path=args.output))
    if args.eml is not None:
        print(translate("cli.eml_done", lang, path=args.eml))
    return EXIT_OK


def cmd_cards(args: argparse.Namespace, lang: str) -> int:
    from po_desktop.reports.export import export_cards
    from po_desktop.store.database import open_database

    path = db_location(args, required=True)
    keys = [k.strip() for k in (args.keys or "").split(",") if k.strip()]
    with open_database(path, create=False) as db, db.session() as session:
        count, sheets = export_cards(
            session,
            args.output,
            lang,
            sprint=args.sprint,
            needs=keys,
            per_page=args.per_page,
            database=db,
        )
    print(translate("cli.cards_done", lang, path=args.output, count=count))
    print(translate("cli.cards_sheets", lang, count=sheets))
    return EXIT_OK
