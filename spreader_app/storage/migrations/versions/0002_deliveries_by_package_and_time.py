"""deliveries by package and time

Today's totals per mode (``GET /packages/{id}/stats`` and the profiles page, which polls it
every second) counted every delivery the package ever had; this index holds exactly the
columns that count reads, so it reads only the day's rows.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-25 17:15:00
"""

from __future__ import annotations

from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("deliveries", schema=None) as batch_op:
        batch_op.create_index(
            "ix_deliveries_package_updated",
            ["package_id", "updated_at", "mode", "status"],
            unique=False,
        )


def downgrade() -> None:
    with op.batch_alter_table("deliveries", schema=None) as batch_op:
        batch_op.drop_index("ix_deliveries_package_updated")
