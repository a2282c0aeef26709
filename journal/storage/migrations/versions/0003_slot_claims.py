"""one dose per planned slot through "Given now": a claim that the database itself enforces

Two caregivers pressing "Given now" for the same planned dose on two computers must store one
dose. A dose logged that way claims its slot (slot_claim); a unique index over the claimed,
not-removed doses of a medication's slot lets only the first claim commit, on SQLite and on
PostgreSQL alike (a constraint, not a check-then-write). Other doses (an extra dose, an import)
claim nothing, so the double-dose check still sees two entries for one slot.

Revision ID: 0003_slot_claims
Revises: 0002_limits_and_stock
Create Date: 2026-11-30 13:00:00
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0003_slot_claims'
down_revision = '0002_limits_and_stock'
branch_labels = None
depends_on = None

CLAIMED = "slot_claim AND NOT removed"


def upgrade() -> None:
    # A plain ADD COLUMN on both engines (no batch copy: doses is pointed at by nothing, but a
    # copy is slow on a large journal and needless here).
    op.add_column('doses', sa.Column('slot_claim', sa.Boolean(), nullable=False, server_default=sa.false()))
    op.create_index('ux_doses_slot_claim', 'doses', ['medication_id', 'scheduled'], unique=True,
                    sqlite_where=sa.text(CLAIMED), postgresql_where=sa.text(CLAIMED))


def downgrade() -> None:
    op.drop_index('ux_doses_slot_claim', table_name='doses')
    with op.batch_alter_table('doses') as batch_op:
        batch_op.drop_column('slot_claim')
