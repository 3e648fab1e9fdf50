"""warm-up and the unanswered budget

Ban protection (issue 14): ``profiles.warmup_stage`` (1-9 warming up, 10 graduated),
``packages.warmup_enabled`` and ``packages.max_unanswered_per_profile_per_30d``. Profiles
that exist before the upgrade are already in use, so they start graduated; packages that
exist keep sending as before (budget 0 = off) until the owner sets one. New rows get the
application's defaults (stage 1, warm-up on, budget 1,000).

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-07 18:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Plain ADD COLUMN (no table copy): SQLite would otherwise drop and recreate
    # ``packages``, and the drop cascades to every message and delivery.
    op.add_column(
        "profiles", sa.Column("warmup_stage", sa.Integer(), nullable=False, server_default="10")
    )
    op.add_column("profiles", sa.Column("warmup_reviewed_on", sa.String(10), nullable=True))
    op.add_column(
        "packages",
        sa.Column("warmup_enabled", sa.Boolean(), nullable=False, server_default=sa.true()),
    )
    op.add_column(
        "packages",
        sa.Column(
            "max_unanswered_per_profile_per_30d", sa.Integer(), nullable=False, server_default="0"
        ),
    )


def downgrade() -> None:
    # DROP COLUMN in place (SQLite 3.35+), for the same reason as above.
    op.drop_column("packages", "max_unanswered_per_profile_per_30d")
    op.drop_column("packages", "warmup_enabled")
    op.drop_column("profiles", "warmup_reviewed_on")
    op.drop_column("profiles", "warmup_stage")
