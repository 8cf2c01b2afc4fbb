"""``po-desktop need ...``: a need's dossier from the command line, for scripts and tests;
``need from-mail`` makes a need from an e-mail file.

Each command that changes something is one service call, one transaction: it is done
whole or not at all, and says what it did in one line (``--lang`` picks the language).
No Qt here.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from po_desktop.cli.common import add_author, sign_in
from po_desktop.domain.formatting import FileSize
from po_desktop.domain.messages import Message

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

SUBCOMMANDS = (
    "show",
    "comment",
    "attach",
    "attachment",
    "link",
    "unlink",
    "merge",
    "move",
    "archive",
    "restore",
    "from-mail",
)
WRITERS = frozenset(SUBCOMMANDS) - {"show", "attachment"}
"""The commands that change the workspace: each takes ``--author``."""
LINK_OPTIONS = ("blocks", "duplicates", "relates", "parent")


def add_parser(
    sub: argparse._SubParsersAction[argparse.ArgumentParser],
    common: argparse.ArgumentParser,
    h: Callable[[str], str],
) -> None:
    """The ``need`` command and its own commands, on the main parser's ``sub``."""
    need = sub.add_parser(
        "need", parents=[common], help=h("need"), description=h("need"), allow_abbrev=False
    )
    commands: argparse._SubParsersAction[argparse.ArgumentParser] = need.add_subparsers(
        dest="need_command", metavar=h("command_metavar")
    )
    commands.required = True

    def command(name: str) -> argparse.ArgumentParser:
        parser: argparse.ArgumentParser = commands.add_parser(
            name,
            parents=[common],
            help=h(f"need_{name}"),
            description=h(f"need_{name}"),
            allow_abbrev=False,
        )
        parser.add_argument("key", metavar="KEY", help=h("need_key"))
        return parser

    command("show")
    comment = command("comment")
    comment.add_argument("--text", required=True, help=h("comment_text"))
    add_author(comment, h("comment_author"))
    attach = command("attach")
    attach.add_argument("file", type=Path, metavar="FILE", help=h("attach_file"))
    saved = command("attachment")
    saved.add_argument("name", metavar="NAME", help=h("attachment_name"))
    saved.add_argument("-o", "--output", type=Path, required=True, help=h("output"))
    for name in ("link", "unlink"):
        kinds = command(name).add_mutually_exclusive_group(required=True)
        for kind in LINK_OPTIONS:
            kinds.add_argument(f"--{kind}", metavar="OTHER", help=h(f"link_{kind}"))
    merge = command("merge")
    merge.add_argument("--into", required=True, metavar="OTHER", help=h("merge_into"))
    move = command("move")
    move.add_argument("--column", required=True, metavar="NAME", help=h("move_column"))
    command("archive")
    command("restore")
    for name in WRITERS - {"comment", "from-mail"}:
        add_author(commands.choices[name], h("author"))
    from_mail = commands.add_parser(
        "from-mail",
        parents=[common],
        help=h("need_from-mail"),
        description=h("need_from-mail"),
        allow_abbrev=False,
    )
    from_mail.add_argument("file", type=Path, metavar="FILE", help=h("mail_file"))
    from_mail.add_argument("--project", required=True, metavar="CODE", help=h("mail_project"))
    from_mail.add_argument("--dry-run", action="store_true", help=h("mail_dry_run"))
    add_author(from_mail, h("author"))


def run(args: argparse.Namespace, lang: str, db_path: Path | str) -> int:
    """Run ``need <command>`` on the database at ``db_path``; the exit status."""
    from po_desktop.store.database import open_database

    handler = _HANDLERS[args.need_command]
    with open_database(db_path, create=False) as db, db.session() as session:
        if args.need_command == "attachment" and db.owns(args.output):
            from po_desktop.store.errors import DatabaseFileError

            raise DatabaseFileError("db.output_is_database", path=str(args.output))
        if args.need_command in WRITERS:
            sign_in(session, args)
        print(handler(session, args, lang), end="")
    return 0


def _show(session: Session, args: argparse.Namespace, lang: str) -> str:
    from po_desktop.reports.dossier import dossier_text
    from po_desktop.store import dossier_queries

    found = dossier_queries.dossier(session, args.key)
    timeline = dossier_queries.activity(session, found.id)
    return dossier_text(found, timeline, lang)


def _say(msg_id: str, lang: str, **params: object) -> str:
    return Message(msg_id, dict(params)).render(lang) + "\n"


def _comment(session: Session, args: argparse.Namespace, lang: str) -> str:
    from po_desktop.store.services import dossier, needs

    need = needs.find_need(session, args.key)
    dossier.add_comment(session, need.id, args.text)  # by the --author signed in
    return _say("cli.comment_done", lang, key=need.key)


def _attach(session: Session, args: argparse.Namespace, lang: str) -> str:
    from po_desktop.store import dossier_queries
    from po_desktop.store.errors import DatabaseFileError
    from po_desktop.store.services import dossier, needs

    need = needs.find_need(session, args.key)
    path: Path = args.file
    if not path.is_file():
        raise DatabaseFileError("db.not_found", path=str(path))
    dossier.refuse_too_big(path.name, path.stat().st_size)  # before reading it
    attachment_id = dossier.attach_file(session, need.id, path.name, path.read_bytes())
    made = dossier_queries.attachment(session, attachment_id)
    return _say(
        "cli.attach_done",
        lang,
        name=made.name,
        key=need.key,
        size=FileSize(made.size),
        sha256=made.sha256,
    )


def _attachment(session: Session, args: argparse.Namespace, lang: str) -> str:
    from po_desktop.store import dossier_queries, files
    from po_desktop.store.services import needs

    need = needs.find_need(session, args.key)
    found = dossier_queries.attachment_named(session, need.id, args.name)
    data = dossier_queries.attachment_bytes(session, found.id)
    files.write_bytes(args.output, data)
    return _say(
        "cli.attachment_saved", lang, name=found.name, path=args.output, size=FileSize(len(data))
    )


def _link(session: Session, args: argparse.Namespace, lang: str) -> str:
    from po_desktop.domain import links as rules
    from po_desktop.domain.enums import LinkKind
    from po_desktop.store.services import links, needs

    need = needs.find_need(session, args.key)
    kind = next(LinkKind(k) for k in LINK_OPTIONS if getattr(args, k) is not None)
    other = needs.find_need(session, getattr(args, kind.value))
    change = links.link_needs if args.need_command == "link" else links.unlink_needs
    if kind == LinkKind.PARENT:  # "KEY --parent OTHER": OTHER is the parent of KEY
        change(session, other.id, kind, need.id)
        role = rules.roles(kind)[1]
    else:
        change(session, need.id, kind, other.id)
        role = rules.roles(kind)[0]
    said = "cli.link_done" if args.need_command == "link" else "cli.unlink_done"
    return _say(said, lang, source=need.key, role=links.role_message(role), target=other.key)


def _merge(session: Session, args: argparse.Namespace, lang: str) -> str:
    from po_desktop.store.services import links, needs

    duplicate = needs.find_need(session, args.key)
    into = needs.find_need(session, args.into)
    moved = links.merge_needs(session, duplicate.id, into.id)
    return _say(
        "cli.merge_done",
        lang,
        key=duplicate.key,
        into=into.key,
        comments=Message("count.comments", {"count": moved.comments}),
        attachments=Message("count.attachments", {"count": moved.attachments}),
        links=Message("count.links", {"count": moved.links}),
    )


def _move(session: Session, args: argparse.Namespace, lang: str) -> str:
    from po_desktop.store.models import BoardColumn
    from po_desktop.store.services import needs
    from po_desktop.store.services._base import find_named

    need = needs.find_need(session, args.key)
    column = find_named(session, BoardColumn, args.column, "column.not_found")
    needs.move_needs(session, [need.id], column.id)
    return _say("cli.move_done", lang, key=need.key, column=column.name)


def _archive(session: Session, args: argparse.Namespace, lang: str) -> str:
    from po_desktop.store.services import archive, needs

    need = needs.find_need(session, args.key)
    archive.archive_needs(session, [need.id])
    return _say("cli.archive_done", lang, key=need.key)


def _restore(session: Session, args: argparse.Namespace, lang: str) -> str:
    from po_desktop.store.services import archive, needs

    need = needs.find_need(session, args.key)
    archive.restore_needs(session, [need.id])
    return _say("cli.restore_need_done", lang, key=need.key)


def _from_mail(session: Session, args: argparse.Namespace, lang: str) -> str:
    """A need from an .eml or .msg file, its requester found or made; with ``--dry-run``
    the same, rolled back: the key it would get, nothing written."""
    from po_desktop.io.mail import read_mail_file
    from po_desktop.store.errors import DatabaseFileError
    from po_desktop.store.services import dossier, needs, projects
    from po_desktop.store.services._base import rolled_back

    path: Path = args.file
    if not path.is_file():
        raise DatabaseFileError("db.not_found", path=str(path))
    mail = read_mail_file(path)
    project_id = projects.find_project(session, args.project).id

    def said(made: dossier.MailNeed) -> str:
        need = needs.find_need(session, made.need_id)
        return _say(
            "cli.mail_preview" if args.dry_run else "cli.mail_done",
            lang,
            key=need.key,
            title=need.title,
            file=path.name,
            requester=Message(f"cli.mail_requester.{made.matched}", {"name": made.requester}),
        )

    if args.dry_run:
        with rolled_back(session):
            return said(dossier.create_need_from_mail(session, project_id, mail))
    return said(dossier.create_need_from_mail(session, project_id, mail))


_HANDLERS: dict[str, Callable[[Session, argparse.Namespace, str], str]] = {
    "show": _show,
    "comment": _comment,
    "attach": _attach,
    "attachment": _attachment,
    "link": _link,
    "unlink": _link,
    "merge": _merge,
    "move": _move,
    "archive": _archive,
    "restore": _restore,
    "from-mail": _from_mail,
}
assert set(_HANDLERS) == set(SUBCOMMANDS)
