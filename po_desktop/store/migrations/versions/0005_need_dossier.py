"""The need's dossier: comments, attachments, links, the archive

A need keeps its conversation with the requester (comments), the files that came
with it (attachments, stored inside the workspace file so the single file stays the
whole workspace, backups included), its links to other needs (blocks, duplicates,
relates, parent/child) and the time it left the board (archived_at). The event
history learns the new kinds of change, so the activity timeline tells them too.

An attachment's bytes live in a table of their own: moving, renaming or listing
attachments never reads, and undo never records, their content.

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-08
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None

OLD_EVENTS = ("created", "column", "sprint", "points", "decision")
NEW_EVENTS = (*OLD_EVENTS, "comment", "attachment", "link", "archive", "merge")
LINK_KINDS = ("blocks", "duplicates", "relates", "parent")


def _quoted(values: tuple[str, ...]) -> str:
    return ", ".join(f"'{value}'" for value in values)


def _need_event(fields: tuple[str, ...]) -> sa.Table:
    """need_event as it stands, with the event kinds its CHECK accepts."""
    return sa.Table(
        "need_event",
        sa.MetaData(),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("need_id", sa.Integer(), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("field", sa.String(length=16), nullable=False),
        sa.Column("old_value", sa.String(length=64), nullable=True),
        sa.Column("new_value", sa.String(length=64), nullable=True),
        sa.CheckConstraint(f"field IN ({_quoted(fields)})", name="ck_need_event_field_valid"),
        sa.ForeignKeyConstraint(
            ["need_id"], ["need.id"], name="fk_need_event_need_id_need", ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name="pk_need_event"),
        sa.Index("ix_need_event_need_id", "need_id"),
    )


def upgrade() -> None:
    # ALTER TABLE, not a copy: the need table keeps its rows and ids untouched.
    with op.batch_alter_table("need", recreate="never") as batch:
        batch.add_column(sa.Column("archived_at", sa.DateTime(), nullable=True))
    # SQLite cannot alter a CHECK constraint: the table is copied under the new one
    # (ids kept; nothing refers to an event's id).
    with op.batch_alter_table("need_event", recreate="always", copy_from=_need_event(NEW_EVENTS)):
        pass
    op.create_table(
        "need_comment",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("need_id", sa.Integer(), nullable=False),
        sa.Column("author_id", sa.Integer(), nullable=True),
        sa.Column("author_name", sa.String(length=120), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("edited_at", sa.DateTime(), nullable=True),
        sa.Column("text", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["author_id"],
            ["person.id"],
            name="fk_need_comment_author_id_person",
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["need_id"], ["need.id"], name="fk_need_comment_need_id_need", ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name="pk_need_comment"),
    )
    op.create_index("ix_need_comment_need_id", "need_comment", ["need_id"])
    op.create_index("ix_need_comment_author_id", "need_comment", ["author_id"])
    op.create_table(
        "attachment",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("need_id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=255), nullable=False),
        sa.Column("media_type", sa.String(length=127), nullable=False),
        sa.Column("size", sa.Integer(), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("added_at", sa.DateTime(), nullable=False),
        sa.CheckConstraint("size >= 0", name="ck_attachment_size_positive"),
        sa.ForeignKeyConstraint(
            ["need_id"], ["need.id"], name="fk_attachment_need_id_need", ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name="pk_attachment"),
        sa.UniqueConstraint("need_id", "name", name="uq_attachment_need_name"),
    )
    op.create_index("ix_attachment_need_id", "attachment", ["need_id"])
    op.create_table(
        "attachment_data",
        sa.Column("attachment_id", sa.Integer(), nullable=False),
        sa.Column("data", sa.LargeBinary(), nullable=False),
        sa.ForeignKeyConstraint(
            ["attachment_id"],
            ["attachment.id"],
            name="fk_attachment_data_attachment_id_attachment",
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("attachment_id", name="pk_attachment_data"),
    )
    op.create_table(
        "need_link",
        sa.Column("source_id", sa.Integer(), nullable=False),
        sa.Column("target_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.CheckConstraint(f"kind IN ({_quoted(LINK_KINDS)})", name="ck_need_link_kind_valid"),
        sa.CheckConstraint("source_id <> target_id", name="ck_need_link_not_self"),
        sa.ForeignKeyConstraint(
            ["source_id"], ["need.id"], name="fk_need_link_source_id_need", ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["target_id"], ["need.id"], name="fk_need_link_target_id_need", ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("source_id", "target_id", "kind", name="pk_need_link"),
    )
    op.create_index("ix_need_link_target_id", "need_link", ["target_id"])


def downgrade() -> None:
    op.drop_table("need_link")
    op.drop_table("attachment_data")
    op.drop_table("attachment")
    op.drop_table("need_comment")
    # Events of the new kinds have no meaning in the older schema (and its CHECK refuses them).
    op.execute(f"DELETE FROM need_event WHERE field NOT IN ({_quoted(OLD_EVENTS)})")
    with op.batch_alter_table("need_event", recreate="always", copy_from=_need_event(OLD_EVENTS)):
        pass
    with op.batch_alter_table("need", recreate="never") as batch:
        batch.drop_column("archived_at")
