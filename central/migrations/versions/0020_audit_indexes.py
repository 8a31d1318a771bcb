"""audit trail indexes: by account and time, by terminal and time, by time

Revision ID: 0020
Revises: 0011
Create Date: 2026-12-01 19:00:00

``python -m central audit`` answers "what happened to this account" and "whose
data did terminal X touch between T1 and T2" on years of events; the purge
deletes events past their retention by time. The single-column account index
is replaced by the composite one that starts with the same column.
"""
from collections.abc import Sequence

from alembic import op


revision: str = '0020'
down_revision: str | None = '0011'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_index('ix_audit_events_account_at', 'audit_events', ['account_id', 'at'])
    op.create_index('ix_audit_events_terminal_at', 'audit_events', ['terminal_id', 'at'])
    op.create_index('ix_audit_events_at', 'audit_events', ['at'])
    op.drop_index('ix_audit_events_account_id', table_name='audit_events')


def downgrade() -> None:
    op.create_index('ix_audit_events_account_id', 'audit_events', ['account_id'])
    op.drop_index('ix_audit_events_at', table_name='audit_events')
    op.drop_index('ix_audit_events_terminal_at', table_name='audit_events')
    op.drop_index('ix_audit_events_account_at', table_name='audit_events')
