"""need.column_since, and board column ids that are never reused

The board shows each card's age in its column. Reading it from the event
history costs a grouped scan of every event at start-up (about 60 ms at
10,000 needs); one column on the need costs nothing to read.

Need events name columns by id. Without AUTOINCREMENT, SQLite gives a new
column the id of a removed one, and the removed column's history would then
read as the new one's; the sequence starts above every id events mention.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-28
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("need") as batch:
        batch.add_column(sa.Column("column_since", sa.DateTime(), nullable=True))
    op.execute(
        "UPDATE need SET column_since = coalesce("
        "(SELECT max(e.at) FROM need_event AS e"
        " WHERE e.need_id = need.id AND e.field IN ('created', 'column')),"
        " need.created_at)"
    )
    with op.batch_alter_table("need") as batch:
        batch.alter_column("column_since", existing_type=sa.DateTime(), nullable=False)
    with op.batch_alter_table(
        "board_column", recreate="always", table_kwargs={"sqlite_autoincrement": True}
    ):
        pass
    op.execute(
        "INSERT INTO sqlite_sequence (name, seq) SELECT 'board_column', max(id) FROM ("
        " SELECT id FROM board_column"
        " UNION ALL SELECT CAST(new_value AS INTEGER) FROM need_event"
        "  WHERE field IN ('created', 'column') AND new_value GLOB '[0-9]*'"
        " UNION ALL SELECT CAST(old_value AS INTEGER) FROM need_event"
        "  WHERE field = 'column' AND old_value GLOB '[0-9]*')"
        " WHERE NOT EXISTS (SELECT 1 FROM sqlite_sequence WHERE name = 'board_column')"
    )
    op.execute(
        "UPDATE sqlite_sequence SET seq = max(seq, coalesce((SELECT max(CAST(v AS INTEGER))"
        " FROM (SELECT new_value AS v FROM need_event WHERE field IN ('created', 'column')"
        "       UNION ALL SELECT old_value FROM need_event WHERE field = 'column')"
        " WHERE v GLOB '[0-9]*'), 0)) WHERE name = 'board_column'"
    )


def downgrade() -> None:
    with op.batch_alter_table("board_column", recreate="always"):
        pass
    with op.batch_alter_table("need") as batch:
        batch.drop_column("column_since")
