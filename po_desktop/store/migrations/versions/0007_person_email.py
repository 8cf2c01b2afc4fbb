"""A person's e-mail address: the requester of a mail is found by it

A mail dropped on the board (or read by ``po-desktop need from-mail``) names its sender
by address; a person with that address is its requester, whatever name the mail program
shows. People known before have none (an empty text) until someone types it.

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-06
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("person", recreate="never") as batch:
        batch.add_column(sa.Column("email", sa.String(254), nullable=False, server_default=""))
    op.create_index("ix_person_email", "person", ["email"])


def downgrade() -> None:
    op.drop_index("ix_person_email", "person")
    with op.batch_alter_table("person", recreate="never") as batch:
        batch.drop_column("email")
