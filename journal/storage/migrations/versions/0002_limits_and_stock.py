"""as-needed limits, the daily ceiling with its unit, and stock events

The prescriber's daily ceiling was a number of mg (prescribed_max_daily_mg); it is now kept as
entered (value and unit), so the old values move over as mg. Stock events (counted, received,
discarded) get a table of their own; like every record they are corrected through revisions and
removed with a flag, never deleted.

Revision ID: 0002_limits_and_stock
Revises: 0001_initial
Create Date: 2026-11-30 12:10:00
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0002_limits_and_stock'
down_revision = '0001_initial'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('medications', schema=None) as batch_op:
        batch_op.add_column(sa.Column('max_daily_value', sa.Float(), nullable=True))
        batch_op.add_column(sa.Column('max_daily_unit', sa.String(length=8), nullable=True))
        batch_op.add_column(sa.Column('prn_max_doses_per_day', sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column('prn_min_interval_hours', sa.Float(), nullable=True))
        batch_op.add_column(sa.Column('prn_max_amount_value', sa.Float(), nullable=True))
        batch_op.add_column(sa.Column('prn_max_amount_unit', sa.String(length=8), nullable=True))
    op.execute(
        "UPDATE medications SET max_daily_value = prescribed_max_daily_mg, max_daily_unit = 'mg' "
        "WHERE prescribed_max_daily_mg IS NOT NULL"
    )
    # SQLite (3.35 and later) drops a plain column in place. A batch (copy the table) would have to
    # drop `medications`, which doses and regimens point at while foreign keys are on.
    op.execute("ALTER TABLE medications DROP COLUMN prescribed_max_daily_mg")

    op.create_table('stock_events',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('medication_id', sa.Integer(), nullable=False),
    sa.Column('at', sa.String(length=26), nullable=False),
    sa.Column('kind', sa.String(length=16), nullable=False),
    sa.Column('amount_value', sa.Float(), nullable=False),
    sa.Column('amount_unit', sa.String(length=8), nullable=False),
    sa.Column('note', sa.Text(), nullable=False),
    sa.Column('removed', sa.Boolean(), nullable=False),
    sa.ForeignKeyConstraint(['medication_id'], ['medications.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('stock_events', schema=None) as batch_op:
        batch_op.create_index('ix_stock_events_medication_at', ['medication_id', 'at'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('stock_events', schema=None) as batch_op:
        batch_op.drop_index('ix_stock_events_medication_at')
    op.drop_table('stock_events')
    op.execute("ALTER TABLE medications ADD COLUMN prescribed_max_daily_mg FLOAT")
    op.execute(
        "UPDATE medications SET prescribed_max_daily_mg = CASE max_daily_unit "
        "WHEN 'mg' THEN max_daily_value WHEN 'mcg' THEN max_daily_value / 1000.0 END "
        "WHERE max_daily_value IS NOT NULL"
    )
    for column in ('prn_max_amount_unit', 'prn_max_amount_value', 'prn_min_interval_hours',
                   'prn_max_doses_per_day', 'max_daily_unit', 'max_daily_value'):
        op.execute(f"ALTER TABLE medications DROP COLUMN {column}")
