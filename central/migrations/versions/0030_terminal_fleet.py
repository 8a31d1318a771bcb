"""terminal fleet: heartbeats and token rotation

Revision ID: 0030
Revises: 0011
Create Date: 2026-12-01 19:00:00

Issue 13 §5: a terminal reports its version and outbox backlog every few
minutes (``last_seen_at`` and the figures of its latest heartbeat), and rotates
its token daily; the token it replaced is kept (as a hash) until the new one has
been used and a grace period has passed.
"""
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op


revision: str = '0030'
down_revision: str | None = '0011'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table('terminals') as batch:
        batch.add_column(sa.Column('token_issued_at', sa.DateTime(timezone=True), nullable=True))
        batch.add_column(sa.Column('previous_token_hash', sa.String(length=64), nullable=True))
        batch.add_column(
            sa.Column('previous_token_expires_at', sa.DateTime(timezone=True), nullable=True)
        )
        batch.add_column(sa.Column('last_seen_at', sa.DateTime(timezone=True), nullable=True))
        batch.add_column(sa.Column('app_version', sa.String(length=40), nullable=True))
        batch.add_column(sa.Column('user_agent', sa.String(length=200), nullable=True))
        batch.add_column(sa.Column('outbox_pending', sa.Integer(), nullable=True))
        batch.add_column(sa.Column('outbox_needs_attention', sa.Integer(), nullable=True))
        batch.add_column(sa.Column('outbox_oldest_age_s', sa.Integer(), nullable=True))
        batch.create_unique_constraint(
            'uq_terminals_previous_token_hash', ['previous_token_hash']
        )


def downgrade() -> None:
    with op.batch_alter_table('terminals') as batch:
        batch.drop_constraint('uq_terminals_previous_token_hash', type_='unique')
        for column in (
            'outbox_oldest_age_s', 'outbox_needs_attention', 'outbox_pending', 'user_agent',
            'app_version', 'last_seen_at', 'previous_token_expires_at', 'previous_token_hash',
            'token_issued_at',
        ):
            batch.drop_column(column)
