"""Who changed what: an author on each event, a login per person, a version per need

Events of a need's history record their author (a person, and their name at the time,
kept when the person is removed); a person may have the login role they use on a team
workspace's server; a need counts its changes and keeps who made the last one, so that
a form saved on an older version is refused with who changed it and when. Rows known
before have no author (nothing invented) and version 1.

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-06
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("person", recreate="never") as batch:
        batch.add_column(sa.Column("login", sa.String(63), nullable=False, server_default=""))
    op.create_index("ix_person_login", "person", ["login"])
    with op.batch_alter_table("need", recreate="never") as batch:
        batch.add_column(sa.Column("version", sa.Integer(), nullable=False, server_default="1"))
        batch.add_column(sa.Column("updated_by", sa.String(120), nullable=False, server_default=""))
    # A foreign key needs the table rebuilt on SQLite (batch "auto"); PostgreSQL alters it.
    with op.batch_alter_table("need_event") as batch:
        batch.add_column(sa.Column("author_id", sa.Integer(), nullable=True))
        batch.add_column(
            sa.Column("author_name", sa.String(120), nullable=False, server_default="")
        )
        batch.create_foreign_key(
            "fk_need_event_author_id_person", "person", ["author_id"], ["id"], ondelete="SET NULL"
        )
        batch.create_index("ix_need_event_author_id", ["author_id"])


def downgrade() -> None:
    with op.batch_alter_table("need_event") as batch:
        batch.drop_index("ix_need_event_author_id")
        batch.drop_constraint("fk_need_event_author_id_person", type_="foreignkey")
        batch.drop_column("author_name")
        batch.drop_column("author_id")
    with op.batch_alter_table("need", recreate="never") as batch:
        batch.drop_column("updated_by")
        batch.drop_column("version")
    op.drop_index("ix_person_login", "person")
    with op.batch_alter_table("person", recreate="never") as batch:
        batch.drop_column("login")
