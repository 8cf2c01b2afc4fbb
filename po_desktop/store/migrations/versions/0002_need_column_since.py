"""need.column_since: when a need entered its current column

The board shows each card's age in its column. Reading it from the event
history costs a grouped scan of every event at start-up (about 60 ms at
10,000 needs); one column on the need costs nothing to read.

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


def downgrade() -> None:
    with op.batch_alter_table("need") as batch:
        batch.drop_column("column_since")
