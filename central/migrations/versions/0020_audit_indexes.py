"""audit trail indexes: by account and time, by terminal and time, by time; email corrections

Revision ID: 0020
Revises: 0030
Create Date: 2026-12-01 19:00:00

``python -m central audit`` answers "what happened to this account" and "whose
data did terminal X touch between T1 and T2" on years of events; the purge
deletes events past their retention by time. The single-column account index
is replaced by the composite one that starts with the same column.
``email_corrections``: a pending account's email corrected after its phone's
SMS code (issue 11 §1).
"""
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op


revision: str = '0020'
down_revision: str | None = '0030'  # after the fleet's 0030, already in main
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_index('ix_audit_events_account_at', 'audit_events', ['account_id', 'at'])
    op.create_index('ix_audit_events_terminal_at', 'audit_events', ['terminal_id', 'at'])
    op.create_index('ix_audit_events_at', 'audit_events', ['at'])
    op.drop_index('ix_audit_events_account_id', table_name='audit_events')
    op.create_table(
        'email_corrections',
        sa.Column('id', sa.String(length=36), nullable=False),
        sa.Column('account_id', sa.String(length=36), nullable=False),
        sa.Column('new_email', sa.String(length=320), nullable=False),
        sa.Column('new_email_key', sa.String(length=320), nullable=False),
        sa.Column('terminal_id', sa.String(length=36), nullable=True),
        sa.Column('operator', sa.String(length=64), nullable=True),
        sa.Column('status', sa.String(length=16), nullable=False),
        sa.Column('code_hash', sa.String(length=200), nullable=True),
        sa.Column('code_expires_at', sa.DateTime(timezone=True), nullable=False),
        sa.Column('attempts_left', sa.Integer(), nullable=False),
        sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
        sa.Column('done_at', sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(['account_id'], ['accounts.id'], ),
        sa.ForeignKeyConstraint(['terminal_id'], ['terminals.id'], ),
        sa.PrimaryKeyConstraint('id'),
    )
    op.create_index('ix_email_corrections_account_id', 'email_corrections', ['account_id'])


def downgrade() -> None:
    op.drop_index('ix_email_corrections_account_id', table_name='email_corrections')
    op.drop_table('email_corrections')
    op.create_index('ix_audit_events_account_id', 'audit_events', ['account_id'])
    op.drop_index('ix_audit_events_at', table_name='audit_events')
    op.drop_index('ix_audit_events_terminal_at', table_name='audit_events')
    op.drop_index('ix_audit_events_account_at', table_name='audit_events')
