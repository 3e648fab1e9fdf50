"""message templates and per-delivery texts

Campaign content (issue 18): ``message_templates`` keeps a package's saved messages;
``deliveries.text`` keeps the text a personalised message sent to that one recipient (NULL:
the message's own text, so an unpersonalised campaign stores nothing more).

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-07 18:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "message_templates",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("package_id", sa.String(length=36), nullable=False),
        sa.Column("name", sa.String(length=100), nullable=False),
        sa.Column("type", sa.String(length=16), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("media_url", sa.Text(), nullable=True),
        sa.Column("caption", sa.Text(), nullable=True),
        sa.Column("media_path", sa.Text(), nullable=True),
        sa.Column("created_at", sa.Float(), nullable=False),
        sa.Column("updated_at", sa.Float(), nullable=False),
        sa.ForeignKeyConstraint(["package_id"], ["packages.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("package_id", "name", name="uq_template_name"),
    )
    # In place: a table copy on SQLite would cascade-delete every attempt.
    op.add_column("deliveries", sa.Column("text", sa.Text(), nullable=True))


def downgrade() -> None:
    op.drop_column("deliveries", "text")
    op.drop_table("message_templates")
