"""Store-wide facts kept in ``store_meta``: the shapes of its ids and a generation
counter; and the per-runtime cache of what is derived from them (the catalogue).

Every import records the shapes of the ids it brought and bumps the generation in the
same transaction; a worker compares the generation (one indexed read per turn) and
rebuilds its catalogue only when it moved, so an import is usable at once everywhere.
"""

from __future__ import annotations

import threading
from collections.abc import Iterable
from typing import Any

from sqlmodel import Session, col, select

from app.models import Product, Refund, StoreMeta
from app.settings import Settings
from app.store.catalogue import Catalogue
from app.store.id_shapes import IdShapes, Shape, learn
from app.store.product_attributes import product_words
from app.store.store_facts import StoreFacts

GENERATION = "generation"
REFUND_SAMPLE = 2000
ORDER_SHAPES = "order_id_shapes"


def _get(session: Session, key: str) -> Any:
    row = session.get(StoreMeta, key)
    return None if row is None else row.value


def _put(session: Session, key: str, value: Any) -> None:
    row = session.get(StoreMeta, key)
    if row is None:
        session.add(StoreMeta(key=key, value=value))
    else:
        row.value = value
        session.add(row)


def generation(session: Session) -> int:
    return int(_get(session, GENERATION) or 0)


def record_import(session: Session, *, order_ids: Iterable[str]) -> None:
    """After an import changed the store: learn its order id shapes, bump the generation."""
    known = [Shape.from_json(s) for s in _get(session, ORDER_SHAPES) or []]
    shapes = learn(order_ids, known)
    _put(session, ORDER_SHAPES, [s.to_json() for s in shapes])
    _put(session, GENERATION, generation(session) + 1)
    session.flush()


def load_facts(session: Session, settings: Settings) -> StoreFacts:
    products = session.exec(select(Product.id, Product.name, Product.attributes)).all()
    catalogue = Catalogue.build(product_words(pid, name, attrs) for pid, name, attrs in products)
    shapes = tuple(Shape.from_json(s) for s in _get(session, ORDER_SHAPES) or [])
    # the newest refunds are enough to know how the store writes their ids
    refund_ids = session.exec(select(Refund.id).order_by(col(Refund.created_at).desc())
                              .limit(REFUND_SAMPLE)).all()
    return StoreFacts(catalogue, IdShapes(shapes, settings.order_id_pattern),
                      generation(session), IdShapes(tuple(learn(refund_ids))))


class StoreFactsCache:
    """The runtime's copy of the store facts, rebuilt when the generation moves."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self._lock = threading.Lock()
        self._facts: StoreFacts | None = None

    def get(self, session: Session) -> StoreFacts:
        current = generation(session)
        facts = self._facts
        if facts is not None and facts.generation == current:
            return facts
        with self._lock:
            if self._facts is None or self._facts.generation != current:
                self._facts = load_facts(session, self.settings)
            return self._facts
