"""A version for projects, people, sprints and board columns, as needs have since 0008.

Each of these rows counts its changes and keeps who made the last one and when, so that
a form saved on an older version (two product owners editing one project, a sprint, the
board's columns) is refused with who changed it and when, and an undo that someone
else's change has overtaken says who. Rows known before have version 1, no author and
no time of change (nothing invented).

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-06
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None

TABLES = ("person", "project", "sprint", "board_column")


def upgrade() -> None:
    for table in TABLES:
        with op.batch_alter_table(table, recreate="never") as batch:
            batch.add_column(sa.Column("version", sa.Integer(), nullable=False, server_default="1"))
            batch.add_column(
                sa.Column("updated_by", sa.String(120), nullable=False, server_default="")
            )
            batch.add_column(sa.Column("updated_at", sa.DateTime(), nullable=True))


def downgrade() -> None:
    for table in reversed(TABLES):
        with op.batch_alter_table(table, recreate="never") as batch:
            batch.drop_column("updated_at")
            batch.drop_column("updated_by")
            batch.drop_column("version")
