"""sprint.team, and workspace settings

Sprints belong to a team: two teams of one workspace may run sprints on the
same dates, one team may not run two at once. Settings that describe the
workspace itself (its public-holiday region, the id that keeps calendar
exports stable) live in the file, so they travel with it.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-28
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("sprint") as batch:
        batch.add_column(sa.Column("team", sa.String(80), nullable=False, server_default=""))
    op.create_table(
        "setting",
        sa.Column("key", sa.String(60), primary_key=True),
        sa.Column("value", sa.Text(), nullable=False, server_default=""),
    )
    # Calendar exports put this id in their UIDs: a re-import updates, never duplicates.
    op.execute(
        "INSERT INTO setting (key, value) VALUES ('workspace_uid', lower(hex(randomblob(16))))"
    )


def downgrade() -> None:
    op.drop_table("setting")
    with op.batch_alter_table("sprint") as batch:
        batch.drop_column("team")
