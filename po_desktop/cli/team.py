"""``po-desktop team init``, ``push`` and ``pull``: moving into a team workspace and out.

A team workspace lives on a PostgreSQL server; these commands make one, fill it from
a workspace file, and write it back into a file (the team's backup, a copy to read
offline). Each writes in one transaction: it lands whole or not at all. No Qt here.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path

from po_desktop.cli.common import EXIT_OK, CliError, db_path
from po_desktop.domain.messages import translate


def add_parsers(
    sub: argparse._SubParsersAction[argparse.ArgumentParser],
    common: argparse.ArgumentParser,
    h: Callable[[str], str],
) -> None:
    """``team init``, ``push`` and ``pull`` on the main parser's ``sub``."""
    team = sub.add_parser(
        "team", parents=[common], help=h("team"), description=h("team"), allow_abbrev=False
    )
    commands: argparse._SubParsersAction[argparse.ArgumentParser] = team.add_subparsers(
        dest="team_command", metavar=h("command_metavar")
    )
    commands.required = True
    init = commands.add_parser(
        "init", parents=[common], help=h("team_init"), description=h("team_init")
    )
    init.add_argument("address", metavar="URL", help=h("team_address"))
    push = sub.add_parser(
        "push", parents=[common], help=h("push"), description=h("push"), allow_abbrev=False
    )
    push.add_argument("--to", required=True, metavar="URL", help=h("push_to"))
    pull = sub.add_parser(
        "pull", parents=[common], help=h("pull"), description=h("pull"), allow_abbrev=False
    )
    pull.add_argument("-o", "--output", type=Path, required=True, help=h("pull_output"))


def _address(value: str, lang: str) -> str:
    from po_desktop.store import team

    if not team.is_server_address(value):
        raise CliError(translate("team.not_an_address", lang, value=value))
    return value


def _shown(address: str) -> str:
    """The address as it may be printed: never a password."""
    from po_desktop.store.team import server_url

    return server_url(address).set(drivername="postgresql").render_as_string(hide_password=True)


def cmd_team(args: argparse.Namespace, lang: str) -> int:
    from po_desktop.store import team

    address = _address(args.address, lang)
    engine = team.make_server_engine(address)
    try:
        team.create_schema(engine)
    finally:
        engine.dispose()
    print(translate("cli.team_ready", lang, address=_shown(address)))
    return EXIT_OK


def cmd_push(args: argparse.Namespace, lang: str) -> int:
    from po_desktop.store import team, transfer
    from po_desktop.store.database import open_database

    address = _address(args.to, lang)
    target = team.make_server_engine(address)
    try:
        with open_database(db_path(args, required=True), create=False, read_only=True) as local:
            copied = transfer.push(local.engine, target)
    finally:
        target.dispose()
    count = copied.count("need")
    print(translate("cli.pushed", lang, address=_shown(address), count=count))
    return EXIT_OK


def cmd_pull(args: argparse.Namespace, lang: str) -> int:
    from po_desktop.store import team, transfer
    from po_desktop.store.errors import DatabaseFileError

    address = _address(str(getattr(args, "db", "") or ""), lang)
    output = Path(args.output).expanduser()
    if output.exists():
        raise DatabaseFileError("team.pull_exists", path=str(output))
    source = team.make_server_engine(address)
    try:
        copied = transfer.pull(source, output)
    finally:
        source.dispose()
    count = copied.count("need")
    print(translate("cli.pulled", lang, path=output, count=count))
    return EXIT_OK
