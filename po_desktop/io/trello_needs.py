"""A Trello board's JSON export (board menu → Print, export and share → Export as JSON)
read as needs.

* the board's open lists → the cards' statuses, mapped to board columns like any
  import's statuses; a closed (archived) list is left out with its cards;
* open cards → needs: name → title, description → the problem statement's draft (a card
  without one waits in the first column, to be qualified), the card's address → the
  need's external reference (a re-import updates the need);
* the due date → the last line of the problem statement ("Due date in Trello: …");
* labels → tags (a label without a name by its colour, in the user's language);
  checklists → acceptance criteria, one line per item, "[x]" for a checked one and
  "[ ]" for the others;
* the card's members → people (created when missing), the first one the assignee;
* comments (the board's ``commentCard`` actions) → the need's comments;
* the card's creation (its ``createCard`` action, else the time its id begins with) →
  the need's creation date;
* archived cards are left out and counted in the import's summary.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from po_desktop.domain.messages import Message, os_reason
from po_desktop.io.needs_table import Table, tracker_table
from po_desktop.store.errors import StorageError, ValidationError
from po_desktop.store.services.import_types import Comment

MAX_BYTES = 200 * 1024 * 1024
"""Trello exports a board up to its last thousand actions: far below this."""
CARD_FIELDS = ("name", "desc", "due", "idList", "labels", "checklists", "idMembers", "shortUrl")
"""What of a card is read: every board export has them, its layout for the assistant."""
_SOURCES = {
    "title": "trello.card_name",
    "problem": "trello.description",
    "status": "trello.list",
    "tags": "trello.labels",
    "acceptance": "trello.checklists",
}
"""Our column ← what of a card fills it, as Trello names it."""


def looks_like_trello(data: object) -> bool:
    """A board export by its shape: an object with its lists and its cards."""
    return (
        isinstance(data, dict)
        and isinstance(data.get("lists"), list)
        and isinstance(data.get("cards"), list)
    )


def load_board(path: Path) -> dict[str, Any]:
    try:
        if path.stat().st_size > MAX_BYTES:
            raise ValidationError("exchange.not_trello", file=str(path))
        raw = path.read_bytes()
    except OSError as exc:
        raise StorageError("file.read_failed", path=str(path), reason=os_reason(exc)) from exc
    try:
        data = json.loads(raw.decode("utf-8-sig"))
    except (UnicodeDecodeError, ValueError) as exc:
        raise ValidationError("exchange.not_trello", file=str(path)) from exc
    if not looks_like_trello(data):
        raise ValidationError("exchange.not_trello", file=str(path))
    return data  # type: ignore[no-any-return]


def _text(value: object) -> str:
    return value if isinstance(value, str) else ""


def _objects(data: dict[str, Any], name: str) -> list[dict[str, Any]]:
    items = data.get(name)
    return [item for item in items if isinstance(item, dict)] if isinstance(items, list) else []


def _when(text: str) -> datetime | None:
    """Trello's ISO time ("2025-09-15T16:42:00.000Z") as naive UTC; None when absent."""
    if not text:
        return None
    try:
        at = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        return None
    if at.tzinfo is not None:
        at = at.astimezone(UTC).replace(tzinfo=None)
    return at


def _checklists(data: dict[str, Any]) -> dict[str, list[str]]:
    """Card id → its acceptance criteria lines, checklist by checklist, item by item."""
    lines: dict[str, list[tuple[float, float, str]]] = {}
    for checklist in _objects(data, "checklists"):
        card = _text(checklist.get("idCard"))
        order = _number(checklist.get("pos"))
        for item in _objects(checklist, "checkItems"):
            name = _text(item.get("name")).strip()
            if not name:
                continue
            mark = "[x]" if item.get("state") == "complete" else "[ ]"
            lines.setdefault(card, []).append((order, _number(item.get("pos")), f"{mark} {name}"))
    return {card: [text for _o, _p, text in sorted(items)] for card, items in lines.items()}


def _number(value: object) -> float:
    return float(value) if isinstance(value, int | float) and not isinstance(value, bool) else 0.0


def _comments(data: dict[str, Any]) -> dict[str, list[Comment]]:
    found: dict[str, list[Comment]] = {}
    for action in _objects(data, "actions"):
        if action.get("type") != "commentCard":
            continue
        details = action.get("data")
        details = details if isinstance(details, dict) else {}
        card = details.get("card")
        card = card if isinstance(card, dict) else {}
        text = _text(details.get("text"))
        creator = action.get("memberCreator")
        author = ""
        if isinstance(creator, dict):
            author = _text(creator.get("fullName")) or _text(creator.get("username"))
        if text.strip() and card:
            comment = Comment(text=text, author=author, at=_when(_text(action.get("date"))))
            found.setdefault(_text(card.get("id")), []).append(comment)
    for comments in found.values():
        comments.sort(key=lambda c: c.at or datetime.min)  # Trello lists the newest first
    return found


def _creations(data: dict[str, Any]) -> dict[str, datetime]:
    """Card id → when it was created, as the board's "createCard" actions tell (an
    export keeps its latest actions only: older cards are dated by their ids)."""
    found: dict[str, datetime] = {}
    for action in _objects(data, "actions"):
        details = action.get("data")
        card = details.get("card") if isinstance(details, dict) else None
        at = _when(_text(action.get("date")))
        if action.get("type") == "createCard" and isinstance(card, dict) and at is not None:
            found[_text(card.get("id"))] = at
    return found


def open_trello(path: Path | str) -> Table:
    """A Trello board export as a table of needs, one row per open card."""
    path = Path(path)
    data = load_board(path)
    lists = {_text(item.get("id")): item for item in _objects(data, "lists")}
    members = {
        _text(m.get("id")): _text(m.get("fullName")) or _text(m.get("username"))
        for m in _objects(data, "members")
    }
    checklists = _checklists(data)
    comments = _comments(data)
    creations = _creations(data)
    items = []
    set_aside = 0
    cards = sorted(
        enumerate(_objects(data, "cards")),
        key=lambda pair: (
            _number(lists.get(_text(pair[1].get("idList")), {}).get("pos")),
            _number(pair[1].get("pos")),
        ),
    )
    for position, card in cards:
        column = lists.get(_text(card.get("idList")), {})
        if card.get("closed") is True or column.get("closed") is True:
            set_aside += 1
            continue
        card_id = _text(card.get("id"))
        description = _text(card.get("desc"))
        due = _when(_text(card.get("due")))
        problem = description.rstrip()
        if due is not None:
            line = Message("exchange.due_date", {"tool": "Trello", "date": due.date().isoformat()})
            problem = f"{problem}\n\n{line.render()}" if problem else line.render()
        labels = []
        for label in _objects(card, "labels"):
            labels.append(_text(label.get("name")).strip() or _colour(label.get("color")))
        card_members = [members.get(_text(m), "") for m in card.get("idMembers") or []]
        card_members = [name for name in card_members if name.strip()]
        cells = {
            "title": _text(card.get("name")),
            "problem": problem,
            # A card without a description waits in the first column, due date or not
            # (the import puts it there, and says how many it held back).
            "status": _text(column.get("name")),
            "tags": ",".join(label.replace(",", " ") for label in labels if label),
            "acceptance": "\n".join(checklists.get(card_id, [])),
        }
        extra: dict[str, object] = {
            "external_ref": _text(card.get("shortUrl")) or _text(card.get("url")) or card_id,
            "assignee": card_members[0] if card_members else None,
            "people": tuple(card_members),
            "comments": tuple(comments.get(card_id, [])),
            "create_missing": "Trello",
            "created": creations.get(card_id) or _created(card_id),
        }
        items.append((position + 1, cells, extra))
    names = {column: Message(msg_id).render() for column, msg_id in _SOURCES.items()}
    return tracker_table(
        path, "trello", items, set_aside=set_aside, source_header=CARD_FIELDS, sources=names
    )


_COLOURS = ("green", "yellow", "orange", "red", "purple", "blue", "sky", "lime", "pink", "black")


def _colour(value: object) -> str:
    """An unnamed label's tag: its colour in the user's language (« violet », « vert
    foncé »), not Trello's English id (« purple », « green_dark »); an unknown one as is."""
    colour = _text(value).strip()
    base, _, shade = colour.partition("_")
    if base not in _COLOURS or shade not in ("", "dark", "light"):
        return colour
    name = Message(f"trello.{base}").render()
    return Message(f"trello.{shade}", {"colour": name}).render() if shade else name


def _created(card_id: str) -> datetime | None:
    """When a card was created, in UTC: Trello's ids begin with that second, in hex.
    None for an id that is not one of Trello's."""
    if len(card_id) != 24:
        return None
    try:
        seconds = int(card_id[:8], 16)
    except ValueError:
        return None
    return datetime.fromtimestamp(seconds, UTC).replace(tzinfo=None)
