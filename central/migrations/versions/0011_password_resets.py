"""password resets by SMS code

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-01 18:30:00

Contract v1.1: a password reset sends a code by SMS and changes nothing until
the code and the new password come back. One row per reset; ``account_id`` is
empty for a login nobody has (that reset's every code is wrong).
"""
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op


revision: str = '0011'
down_revision: str | None = '0010'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        'password_resets',
        sa.Column('id', sa.String(length=36), nullable=False),
        sa.Column('account_id', sa.String(length=36), nullable=True),
        sa.Column('phone', sa.String(length=20), nullable=True),
        sa.Column('terminal_id', sa.String(length=36), nullable=True),
        sa.Column('locale', sa.String(length=2), nullable=False),
        sa.Column('status', sa.String(length=16), nullable=False),
        sa.Column('code_hash', sa.String(length=200), nullable=True),
        sa.Column('code_sent_at', sa.DateTime(timezone=True), nullable=False),
        sa.Column('code_expires_at', sa.DateTime(timezone=True), nullable=False),
        sa.Column('attempts_left', sa.Integer(), nullable=False),
        sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
        sa.Column('done_at', sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(['account_id'], ['accounts.id'], ),
        sa.ForeignKeyConstraint(['terminal_id'], ['terminals.id'], ),
        sa.PrimaryKeyConstraint('id'),
    )


def downgrade() -> None:
    op.drop_table('password_resets')
