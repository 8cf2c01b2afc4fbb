"""A need's external reference: where it came from in another tool

A need imported from Jira keeps its issue key ("ERP-12"), one imported from Trello its
card's address, so importing the same export again updates the need instead of making a
second one. Needs made in PO Desktop have none (an empty text).

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-06
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("need", recreate="never") as batch:
        batch.add_column(
            sa.Column("external_ref", sa.String(300), nullable=False, server_default="")
        )
    op.create_index("ix_need_external_ref", "need", ["external_ref"])


def downgrade() -> None:
    op.drop_index("ix_need_external_ref", "need")
    with op.batch_alter_table("need", recreate="never") as batch:
        batch.drop_column("external_ref")
