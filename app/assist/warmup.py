"""Load every model a turn needs before the service reports healthy.

Without it the first shoppers after a start wait for the embedder, the intent model,
the knowledge index, the Chinese segmenter, the confidence model and the embedded LLM
to load, all at once (seconds each on a small machine). A turn in each language runs
through the real pipeline inside a transaction that is rolled back: nothing of it is
kept.
"""

from __future__ import annotations

import logging
import time
from typing import TYPE_CHECKING

from sqlmodel import col, select

from app.assist.pipeline import assist
from app.errors import KefuError
from app.models import Customer

if TYPE_CHECKING:
    from app.runtime import Runtime

log = logging.getLogger(__name__)

SAMPLES = ("where is my order?", "我的订单到哪了？")


class _Discard(Exception):
    """Raised to roll the warm-up's transaction back."""


def warm_up(rt: Runtime, *, llm: bool = True) -> float:
    """Seconds spent; a store without customers warms the index and models only.
    ``llm=False``: not the LLM (an evaluation without drafts, or drafting elsewhere)."""
    start = time.monotonic()
    _loaded = (rt.policy, rt.confidence_model)
    for text in SAMPLES:
        rt.index.search(text, k=1)
    try:
        with rt.session(write=True) as session:
            customer = session.exec(select(Customer.id).where(col(Customer.guest).is_(False))
                                    .limit(1)).first()
            for text in SAMPLES:
                if customer is not None:
                    assist(rt, session=session, customer_id=customer, text=text, label=None)
            raise _Discard
    except _Discard:
        pass
    if llm:
        _load_llm(rt)
    seconds = time.monotonic() - start
    log.info("models loaded in %.1f s", seconds)
    return seconds


def _load_llm(rt: Runtime) -> None:
    try:
        # the embedded model loads now, not while the first shoppers' turns wait for CPU
        _llm = rt.llm
    except KefuError as exc:
        log.warning("LLM backend not loaded at start (drafts will say why): %s", exc)
