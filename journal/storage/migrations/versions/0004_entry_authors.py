"""who recorded each symptom, reading, pump event, note and stock event

Doses always kept who gave them ("by"); the other entries did not, although the window and a
shared journal's role know who is writing. Each of these tables gets a "by" column; entries made
before the upgrade keep an empty one (nobody was recorded then).

Revision ID: 0004_entry_authors
Revises: 0003_slot_claims
Create Date: 2026-11-30 15:00:00
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0004_entry_authors'
down_revision = '0003_slot_claims'
branch_labels = None
depends_on = None

TABLES = ('symptoms', 'observations', 'pump_events', 'notes', 'stock_events')


def upgrade() -> None:
    # A plain ADD COLUMN with a default on both engines (no batch copy of a large journal).
    for table in TABLES:
        op.add_column(table, sa.Column('by', sa.Text(), nullable=False, server_default=''))


def downgrade() -> None:
    for table in TABLES:
        with op.batch_alter_table(table) as batch_op:
            batch_op.drop_column('by')
