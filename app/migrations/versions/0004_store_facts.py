"""store facts: normalised order reference key, store meta; message flags

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-28 10:00:00
"""

import re
import unicodedata
from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision: str = '0004'
down_revision: str | None = '0003'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def _normalise(ref: str) -> str:
    # frozen copy of app.store.id_shapes.normalise: a migration must not change later
    folded = unicodedata.normalize("NFKC", ref).casefold()
    return re.sub(r"[\s#_\-./:]+", "", folded)


def upgrade() -> None:
    with op.batch_alter_table('order', schema=None) as batch_op:
        batch_op.add_column(sa.Column('ref_key', sqlmodel.sql.sqltypes.AutoString(length=64),
                                      nullable=False, server_default=''))
        batch_op.create_index(batch_op.f('ix_order_ref_key'), ['ref_key'], unique=False)
    op.create_table('store_meta',
    sa.Column('key', sqlmodel.sql.sqltypes.AutoString(length=64), nullable=False),
    sa.Column('value', sa.JSON(), nullable=True),
    sa.PrimaryKeyConstraint('key')
    )
    with op.batch_alter_table('message', schema=None) as batch_op:
        batch_op.add_column(sa.Column('flags', sa.JSON(), nullable=True))
    conn = op.get_bind()
    rows = conn.execute(sa.text('SELECT id FROM "order"')).fetchall()
    for (oid,) in rows:
        conn.execute(sa.text('UPDATE "order" SET ref_key = :k WHERE id = :i'),
                     {"k": _normalise(oid), "i": oid})


def downgrade() -> None:
    with op.batch_alter_table('message', schema=None) as batch_op:
        batch_op.drop_column('flags')
    op.drop_table('store_meta')
    with op.batch_alter_table('order', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_order_ref_key'))
        batch_op.drop_column('ref_key')
