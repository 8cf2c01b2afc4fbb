"""board_column entry rules: a problem statement, an estimate, a go decision

A column may ask that a need arriving in it is ready (its "definition of
ready"): a move that breaks a rule asks first, like a work-in-progress limit.
One flag per rule, false by default: every existing column keeps no rule, and
the board behaves as before until someone sets one.

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-02
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

RULES = ("requires_problem", "requires_estimate", "requires_go")


def upgrade() -> None:
    # ALTER TABLE, never a copy of the table: a copy would drop its AUTOINCREMENT, and the
    # ids of removed columns, which events still name, could be handed out again (0002).
    with op.batch_alter_table("board_column", recreate="never") as batch:
        for name in RULES:
            batch.add_column(
                sa.Column(name, sa.Boolean(), nullable=False, server_default=sa.false())
            )


def downgrade() -> None:
    # ALTER TABLE ... DROP COLUMN (SQLite 3.35 and later), for the same reason.
    with op.batch_alter_table("board_column", recreate="never") as batch:
        for name in reversed(RULES):
            batch.drop_column(name)
