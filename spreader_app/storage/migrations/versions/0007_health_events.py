"""health events

Health with reasons (issue 14): ``health_events`` holds each deduction from a profile's
health (reason and points), written with the outcome that caused it and kept 7 days; the
score is worked out from them and recovers with time.

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-16 10:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "health_events",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("profile_id", sa.String(length=36), nullable=False),
        sa.Column("at", sa.Float(), nullable=False),
        sa.Column("reason", sa.String(length=24), nullable=False),
        sa.Column("points", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["profile_id"], ["profiles.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_health_events_profile_at", "health_events", ["profile_id", "at"])
    op.create_index("ix_health_events_at", "health_events", ["at"])


def downgrade() -> None:
    op.drop_index("ix_health_events_at", table_name="health_events")
    op.drop_index("ix_health_events_profile_at", table_name="health_events")
    op.drop_table("health_events")
