"""A second question joined to the shopper's request ("where are my two parcels? also,
how hot does the air fryer get"). The request is read on its own, so the question's
words do not pull it elsewhere (the air fryer is not the parcel asked after), and the
question, when the shop answers it in words (a policy or product question: no action,
no hand-off), is answered after the request from its own passages or its policy
template. A reply that answers two things is only as sure as its less sure half.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from app.intents import spec
from app.knowledge import KB_HITS, search_knowledge
from app.runtime import Runtime
from app.store.store_facts import StoreFacts
from app.understanding.closings import asks_nothing
from app.understanding.intent import classify
from app.understanding.social import second_question
from retrieval.index import Hit

# below this the second part may be no question of its own ("also cancel the other
# one" reads as a request): the message is read whole, as before
MIN_CONFIDENCE = 0.5


@dataclass
class Aside:
    text: str
    intent: str
    confidence: float
    margin: float
    hits: list[Hit] = field(default_factory=list)
    products: list[str] = field(default_factory=list)  # the store's products it names
    words: list[str] = field(default_factory=list)  # and the words that name them

    @property
    def by_knowledge(self) -> bool:
        return spec(self.intent).answer == "knowledge"


def split(rt: Runtime, text: str) -> tuple[str, Aside | None]:
    """The request to read and the question answered after it (None: read ``text``).
    A question the classifier finds out of scope is kept for :func:`settle`: it may
    ask about one of the store's products ("how hot does the air fryer get")."""
    parts = second_question(text)
    if parts is None:
        return text, None
    request, question = parts
    if asks_nothing(request):
        return text, None  # "he loves the bike by the way, I wanted to review it": one ask
    found = classify(question, rt.settings)
    asked = spec(found.intent)
    if found.intent != "other" and (asked.action is not None or asked.handoff is not None
                                    or found.confidence < MIN_CONFIDENCE):
        return text, None
    runner_up = found.top[1][1] if len(found.top) > 1 else 0.0
    hits = search_knowledge(rt, query=question, k=KB_HITS, languages=[found.language],
                            query_vector=found.vector, vector_model=found.embedder)
    return request, Aside(question, found.intent, found.confidence,
                          found.confidence - runner_up, hits)


def settle(aside: Aside | None, facts: StoreFacts) -> Aside | None:
    """The joined question as the shop reads it: one naming the store's products is a
    product question; one still out of scope is not answered (the request is)."""
    if aside is None:
        return None
    named = facts.catalogue.find(aside.text)
    if named is not None:
        aside.products, aside.words = sorted(named.products), list(named.surface)
    if aside.intent == "other":
        if not aside.products:
            return None
        aside.intent = "product_question"
    return aside
