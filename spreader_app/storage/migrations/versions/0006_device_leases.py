"""device leases

Several engines on one PostgreSQL (issue 15): ``engine_instances`` holds each running
engine and its heartbeat, ``device_leases`` which engine dispatches each profile's Open Chat,
and ``delivery_attempts.instance_id`` which engine made a gateway call, so the calls of an
engine that died (and only those) become ``uncertain``.

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-09 10:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "engine_instances",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("host", sa.String(length=255), nullable=False),
        sa.Column("pid", sa.Integer(), nullable=False),
        sa.Column("role", sa.String(length=16), nullable=False),
        sa.Column("started_at", sa.Float(), nullable=False),
        sa.Column("heartbeat_at", sa.Float(), nullable=False),
        sa.Column("expires_at", sa.Float(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_table(
        "device_leases",
        sa.Column("profile_id", sa.String(length=36), nullable=False),
        sa.Column("instance_id", sa.String(length=36), nullable=True),
        sa.Column("acquired_at", sa.Float(), nullable=True),
        sa.Column("expires_at", sa.Float(), nullable=True),
        sa.ForeignKeyConstraint(["profile_id"], ["profiles.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("profile_id"),
    )
    op.create_index("ix_device_leases_instance", "device_leases", ["instance_id"])
    # In place, as the other column additions (no table copy on SQLite).
    op.add_column(
        "delivery_attempts", sa.Column("instance_id", sa.String(length=36), nullable=True)
    )
    op.create_index(
        "ix_attempts_open",
        "delivery_attempts",
        ["instance_id"],
        sqlite_where=sa.text("outcome IS NULL"),
        postgresql_where=sa.text("outcome IS NULL"),
    )


def downgrade() -> None:
    op.drop_index("ix_attempts_open", table_name="delivery_attempts")
    op.drop_column("delivery_attempts", "instance_id")
    op.drop_index("ix_device_leases_instance", table_name="device_leases")
    op.drop_table("device_leases")
    op.drop_table("engine_instances")
