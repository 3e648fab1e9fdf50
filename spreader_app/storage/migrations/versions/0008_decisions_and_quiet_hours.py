"""decision records and quiet hours on the recipient's clock

Issue 19: ``packages.recipient_quiet_hours`` (``"21:00-09:00"`` for new packages; packages
that exist before the upgrade keep sending as before, so NULL = off) and
``packages.recipient_zones`` (per-country default zones, JSON, NULL = none);
``deliveries.decision`` (the compact decision record), ``deliveries.recipient_zone`` (the
recipient's zones, space-separated; empty = the package's) and ``deliveries.zone_source``.

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-11 10:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Plain ADD COLUMN (no table copy): on SQLite a copy of ``packages`` would cascade-delete
    # every message (see 0004).
    op.add_column("packages", sa.Column("recipient_quiet_hours", sa.String(11), nullable=True))
    op.add_column("packages", sa.Column("recipient_zones", sa.Text(), nullable=True))
    op.add_column("deliveries", sa.Column("decision", sa.Text(), nullable=True))
    op.add_column("deliveries", sa.Column("recipient_zone", sa.String(255), nullable=True))
    op.add_column("deliveries", sa.Column("zone_source", sa.String(16), nullable=True))


def downgrade() -> None:
    op.drop_column("deliveries", "zone_source")
    op.drop_column("deliveries", "recipient_zone")
    op.drop_column("deliveries", "decision")
    op.drop_column("packages", "recipient_zones")
    op.drop_column("packages", "recipient_quiet_hours")
