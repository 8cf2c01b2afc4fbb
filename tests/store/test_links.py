"""Links between needs and merging a duplicate: what is refused, what each need then
shows, and a merge undone exactly."""

from __future__ import annotations

import pytest
from helpers.undo import act, need_state, redo, undo
from sqlalchemy import select
from sqlalchemy.orm import Session

from po_desktop.domain.enums import LinkRole
from po_desktop.store import board_links
from po_desktop.store import dossier_queries as dq
from po_desktop.store.errors import ConflictError, PoDesktopError, ValidationError
from po_desktop.store.models import Attachment, AttachmentData, NeedComment, NeedLink
from po_desktop.store.services import dossier, links, needs


@pytest.fixture
def ids(session: Session, project_id: int) -> list[int]:
    """ERP-1 … ERP-6."""
    return [
        needs.create_need(session, needs.NeedInput(f"Besoin {n}", "", project_id))
        for n in range(1, 7)
    ]


def _links(session: Session) -> set[tuple[int, int, str]]:
    return set(session.execute(select(NeedLink.source_id, NeedLink.target_id, NeedLink.kind)))


def _roles(session: Session, need_id: int) -> list[tuple[LinkRole, str]]:
    return [(link.role, link.other_key) for link in dq.links(session, need_id)]


def test_each_need_sees_a_link_in_its_own_words(session: Session, ids: list[int]) -> None:
    one, two, three, four, five, _six = ids
    links.link_needs(session, one, "blocks", two)
    links.link_needs(session, one, "parent", three)
    links.link_needs(session, four, "duplicates", one)
    links.link_needs(session, five, "relates", one)
    assert _roles(session, one) == [
        (LinkRole.BLOCKS, "ERP-2"),
        (LinkRole.DUPLICATED_BY, "ERP-4"),
        (LinkRole.RELATES, "ERP-5"),
        (LinkRole.PARENT_OF, "ERP-3"),
    ]
    assert _roles(session, two) == [(LinkRole.BLOCKED_BY, "ERP-1")]
    assert _roles(session, three) == [(LinkRole.CHILD_OF, "ERP-1")]
    timeline = [(i.kind, i.role, i.new_label) for i in dq.activity(session, two)]
    assert timeline[-1] == ("link", LinkRole.BLOCKED_BY, "ERP-1")
    assert board_links.blocked_needs(session) == {two: [one]}
    parents, progress = board_links.epics(session)
    assert parents == {three: one} and progress[one].children == 1


@pytest.mark.parametrize(
    ("made", "attempt", "msg_id", "english"),
    [
        ([], (0, "blocks", 0), "link.self", "A need cannot be linked to itself (ERP-1)."),
        (
            [(0, "blocks", 1)],
            (0, "blocks", 1),
            "link.exists",
            "This link already exists: ERP-1 blocks ERP-2.",
        ),
        (
            [(0, "relates", 1)],
            (1, "relates", 0),
            "link.exists",
            "This link already exists: ERP-2 relates to ERP-1.",
        ),
        ([(0, "duplicates", 1)], (1, "duplicates", 0), "link.exists", None),
        (
            [(0, "blocks", 1)],
            (1, "blocks", 0),
            "link.cycle",
            "ERP-2 cannot block ERP-1: that would close a circle of blocked needs "
            "(ERP-2 → ERP-1 → ERP-2), where none could ever start.",
        ),
        (
            [(0, "blocks", 1), (1, "blocks", 2), (2, "blocks", 3)],
            (3, "blocks", 0),
            "link.cycle",
            "ERP-4 cannot block ERP-1: that would close a circle of blocked needs "
            "(ERP-4 → ERP-1 → ERP-2 → ERP-3 → ERP-4), where none could ever start.",
        ),
        (
            [(0, "parent", 1), (1, "parent", 2)],
            (2, "parent", 0),
            "link.parent_cycle",
            "ERP-3 cannot be the parent of ERP-1: ERP-3 would be inside its own epic "
            "(ERP-3 → ERP-1 → ERP-2 → ERP-3).",
        ),
        (
            [(0, "parent", 2)],
            (1, "parent", 2),
            "link.second_parent",
            "ERP-3 already belongs to the epic ERP-1, and a need has one parent: remove that "
            "link first.",
        ),
    ],
)
def test_links_that_make_no_sense_are_refused_and_nothing_is_written(
    session: Session,
    ids: list[int],
    made: list[tuple[int, str, int]],
    attempt: tuple[int, str, int],
    msg_id: str,
    english: str | None,
) -> None:
    for source, kind, target in made:
        links.link_needs(session, ids[source], kind, ids[target])
    before = _links(session)
    source, kind, target = attempt
    with pytest.raises(PoDesktopError) as refused:
        links.link_needs(session, ids[source], kind, ids[target])
    assert refused.value.message.msg_id == msg_id
    if english is not None:
        assert refused.value.render("en") == english
    assert refused.value.render("fr") != refused.value.render("en")
    assert _links(session) == before


def test_blocks_may_branch_and_join_without_a_cycle(session: Session, ids: list[int]) -> None:
    a, b, c, d, *_ = ids
    for source, target in ((a, b), (a, c), (b, d), (c, d)):
        links.link_needs(session, source, "blocks", target)
    links.link_needs(session, b, "parent", a)  # another kind: its own graph
    assert len(_links(session)) == 5


def test_unlink_either_way_for_symmetric_links(session: Session, ids: list[int]) -> None:
    a, b, c, *_ = ids
    links.link_needs(session, a, "relates", b)
    links.link_needs(session, a, "blocks", c)
    links.unlink_needs(session, b, "relates", a)
    with pytest.raises(ConflictError, match="There is no such link: ERP-3 blocks ERP-1"):
        links.unlink_needs(session, c, "blocks", a)
    links.unlink_needs(session, a, "blocks", c)
    assert _links(session) == set()
    with pytest.raises(ValidationError, match="Invalid value “follows”"):
        links.link_needs(session, a, "follows", b)


def _full_state(session: Session, need_ids: list[int]) -> object:
    return (
        [need_state(session, n) for n in need_ids],
        sorted(_links(session)),
        sorted(
            (a.id, a.need_id, a.name, a.sha256, dq.attachment_bytes(session, a.id))
            for a in session.scalars(select(Attachment))
        ),
        sorted((c.id, c.need_id, c.text) for c in session.scalars(select(NeedComment))),
    )


def test_merging_a_duplicate_moves_its_dossier_and_is_undone_exactly(
    session: Session, ids: list[int]
) -> None:
    dup, into, blocked, epic, child, related = ids
    dossier.add_comment(session, dup, "Le client a relancé", author_name="Client")
    dossier.add_comment(session, into, "Déjà prévu")
    dossier.attach_file(session, dup, "demande.eml", b"Subject: x\r\n\r\ncorps")
    dossier.attach_file(session, dup, "capture.png", b"\x89PNG dup")
    dossier.attach_file(session, into, "capture.png", b"\x89PNG into")
    links.link_needs(session, dup, "blocks", blocked)
    links.link_needs(session, epic, "parent", dup)
    links.link_needs(session, dup, "parent", child)
    links.link_needs(session, related, "relates", dup)
    links.link_needs(session, related, "relates", into)  # already there: not twice
    links.link_needs(session, into, "blocks", dup)  # between the two: dropped
    before = _full_state(session, ids)

    change = act(session, lambda s: links.merge_needs(s, dup, into))
    assert change.result == links.MergeResult(comments=1, attachments=2, links=3)
    assert [c.text for c in dq.comments(session, into)] == ["Le client a relancé", "Déjà prévu"]
    files = {a.name: dq.attachment_bytes(session, a.id) for a in dq.attachments(session, into)}
    assert files == {
        "capture.png": b"\x89PNG into",
        "capture (2).png": b"\x89PNG dup",
        "demande.eml": b"Subject: x\r\n\r\ncorps",
    }
    assert _roles(session, into) == [
        (LinkRole.BLOCKS, "ERP-3"),
        (LinkRole.DUPLICATED_BY, "ERP-1"),
        (LinkRole.RELATES, "ERP-6"),
        (LinkRole.PARENT_OF, "ERP-5"),
        (LinkRole.CHILD_OF, "ERP-4"),
    ]
    closed = dq.dossier(session, dup)
    assert closed.archived_at is not None and closed.comments == closed.attachments == []
    assert [(link.role, link.other_key) for link in closed.links] == [
        (LinkRole.DUPLICATES, "ERP-2")
    ]
    assert [i.new for i in dq.activity(session, dup) if i.kind == "archive"] == ["merged"]
    assert [i.new_label for i in dq.activity(session, into) if i.kind == "merge"] == ["ERP-1"]

    undo(session, change)
    assert _full_state(session, ids) == before
    redo(session, change)
    assert dq.dossier(session, dup).archived_at is not None
    assert session.query(AttachmentData).count() == 3


def test_a_merge_that_would_close_a_cycle_is_refused_whole(
    session: Session, ids: list[int]
) -> None:
    dup, into, middle, *_ = ids
    links.link_needs(session, dup, "blocks", middle)
    links.link_needs(session, middle, "blocks", into)
    dossier.add_comment(session, dup, "reste ici")
    before = _full_state(session, ids)
    with pytest.raises(ConflictError, match="circle of blocked needs"):
        links.merge_needs(session, dup, into)
    assert _full_state(session, ids) == before


def test_merge_refusals(session: Session, ids: list[int]) -> None:
    a, b, c, *_ = ids
    with pytest.raises(ValidationError, match="cannot be merged into itself"):
        links.merge_needs(session, a, a)
    links.merge_needs(session, a, b)
    with pytest.raises(ConflictError, match="ERP-1 is archived: restore it before merging it"):
        links.merge_needs(session, a, c)
    with pytest.raises(ConflictError, match="before merging a duplicate into it"):
        links.merge_needs(session, c, a)
