"""temporary password hashed at delivery

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-25 19:50:00

A temporary password is hashed by the sender just before the email carrying
it goes, not in the request that made it: ``accounts.password_hash`` may be
empty meanwhile, ``accounts.password_message_id`` names that email and
``messages.password`` holds the password until it is hashed. Existing rows
keep their hashes; nothing is waiting for one when this runs.
"""
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op


revision: str = '0005'
down_revision: str | None = '0004'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table('accounts', schema=None) as batch_op:
        batch_op.alter_column('password_hash',
               existing_type=sa.String(length=200),
               nullable=True)
        batch_op.add_column(sa.Column('password_message_id', sa.String(length=36), nullable=True))
    with op.batch_alter_table('messages', schema=None) as batch_op:
        batch_op.add_column(sa.Column('password', sa.Text(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('messages', schema=None) as batch_op:
        batch_op.drop_column('password')
    # a password still waiting for its email can no longer be set: unusable, reset it
    accounts = sa.table('accounts', sa.column('password_hash', sa.String(length=200)))
    op.execute(accounts.update().where(accounts.c.password_hash.is_(None)).values(password_hash='!'))
    with op.batch_alter_table('accounts', schema=None) as batch_op:
        batch_op.drop_column('password_message_id')
        batch_op.alter_column('password_hash',
               existing_type=sa.String(length=200),
               nullable=False)
