"""terminal clock offset

Revision ID: 0040
Revises: 0020
Create Date: 2026-12-02 12:30:00

A terminal's heartbeat says what its clock reads; the central keeps how far that
is from its own (seconds, + ahead), so ``terminals list`` can flag a terminal whose
clock is wrong: its logs, its clerk's day list and (by years) its TLS checks go by
that clock, though codes and late registrations are corrected for it.
"""
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op


revision: str = '0040'
down_revision: str | None = '0020'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table('terminals') as batch:
        batch.add_column(sa.Column('clock_offset_s', sa.Integer(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('terminals') as batch:
        batch.drop_column('clock_offset_s')
