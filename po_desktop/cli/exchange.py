"""Needs in and out of files: import (CSV or workbook, with a preview and a progress bar),
export by extension, and the former CSV-only commands."""

from __future__ import annotations

import argparse
import sys

from po_desktop.cli.common import EXIT_OK, db_location, sign_in
from po_desktop.domain.messages import translate


def cmd_import(args: argparse.Namespace, lang: str) -> int:
    """Needs from a CSV file, a workbook, a Jira CSV export or a Trello board, all or
    nothing, with a progress bar on a terminal; ``--dry-run`` says what would happen and
    writes nothing."""
    from po_desktop.io.needs_files import open_needs
    from po_desktop.io.needs_table import default_mapping, records
    from po_desktop.store.database import open_database
    from po_desktop.store.errors import DatabaseFileError, ValidationError
    from po_desktop.store.services.import_types import ImportOptions
    from po_desktop.store.services.importing import import_needs, preview_import
    from po_desktop.terminal import ProgressBar

    path = db_location(args, required=True)
    if not args.file.is_file():
        raise DatabaseFileError("db.not_found", path=str(args.file))
    project = (args.project or "").strip()
    with open_needs(args.file, args.format) as table:
        if table.format == "trello" and not project:  # its cards name none: said first
            raise ValidationError("exchange.trello_project")
        optional = ("project",) if project else ()
        mapping = default_mapping(table.header, line=table.header_line, optional=optional)
        bar = ProgressBar(table.progress, lang) if sys.stderr.isatty() else None
        options = ImportOptions(
            default_project=project, progress=bar.update if bar is not None else None
        )
        with open_database(path, create=False) as db, db.session() as session:
            sign_in(session, args)
            run = preview_import if args.dry_run else import_needs
            try:
                result = run(session, records(table, mapping, by_header=True), options)
            finally:
                if bar is not None:
                    bar.finish()
        result.set_aside = table.set_aside
    print(result.summary(preview=args.dry_run).render(lang))
    return EXIT_OK


def cmd_export_csv(args: argparse.Namespace, lang: str) -> int:
    from po_desktop.io.csv_needs import write_needs_csv
    from po_desktop.io.needs_files import WORKBOOK_SUFFIXES
    from po_desktop.store.database import open_database
    from po_desktop.store.errors import DatabaseFileError, ValidationError

    if args.output.suffix.lower() in WORKBOOK_SUFFIXES:
        raise ValidationError("exchange.csv_into_workbook", file=str(args.output))
    path = db_location(args, required=True)
    with open_database(path, create=False) as db, db.session() as session:
        if db.owns(args.output):
            raise DatabaseFileError("db.output_is_database", path=str(args.output))
        count = write_needs_csv(
            session, args.output, delimiter=args.sep, project=args.project, lang=lang
        )
    print(translate("cli.export_done", lang, count=count, path=args.output))
    return EXIT_OK


def cmd_export(args: argparse.Namespace, lang: str) -> int:
    from po_desktop.io.needs_files import export_format, export_needs
    from po_desktop.store.database import open_database
    from po_desktop.store.errors import DatabaseFileError

    export_format(args.output)  # an unknown extension is refused before anything opens
    path = db_location(args, required=True)
    with open_database(path, create=False) as db, db.session() as session:
        if db.owns(args.output):
            raise DatabaseFileError("db.output_is_database", path=str(args.output))
        count = export_needs(
            session, args.output, project=args.project, lang=lang, delimiter=args.sep
        )
    print(translate("cli.export_done", lang, count=count, path=args.output))
    return EXIT_OK
