"""Learning from agents: answers they sent become knowledge-base candidates.

An accepted LLM draft (new wording agents vouched for) or an edited answer is proposed
as a candidate; an admin approves it (it is ingested as a knowledge document with a
stable id, ``agent-answer-<id>``, searchable at once) or rejects it. Left out: answers
already in the knowledge base as they are (accepted KB passages and templates), answers
about one shopper's order or account (an action's facts), and any text that names the
customer, their contact details or their orders. Candidates are deduplicated on the
answer's normalised text per language.
"""

from __future__ import annotations

import re

from sqlmodel import Session, col, select

from app.errors import ConflictError, NotFoundError
from app.intents import spec
from app.knowledge import upsert_documents
from app.models import Conversation, Customer, KnowledgeCandidate, Message, Order, Suggestion
from app.models._common import utcnow
from app.runtime import Runtime
from retrieval.documents import SourceDocument

DOC_PREFIX = "agent-answer-"
SOURCE = "agents"
LAYERS = {"product_question": "product", "promotion_question": "promotion",
          "complaint": "complaint"}
STATUSES = ("pending", "approved", "rejected")


def normalise(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip().casefold()


_CJK = re.compile(r"[\u3400-\u9fff]")


def _personal(session: Session, customer_id: str, text: str) -> bool:
    """Whether ``text`` names the customer (any part of the name), their contact details
    or their orders."""
    customer = session.get(Customer, customer_id)
    words: list[str] = []
    if customer is not None:
        words += [customer.name, *customer.name.split(), customer.email or "",
                  customer.phone or ""]
    words.extend(session.exec(select(Order.id).where(Order.customer_id == customer_id)).all())
    low = text.casefold()
    # a Chinese name is often two characters; a shorter Latin word is no name
    return any(len(w) >= (2 if _CJK.search(w) else 3) and w.casefold() in low for w in words)


def _worth_learning(row: Suggestion, intent: str | None) -> bool:
    if row.decision == "accepted" and row.kind != "llm":
        return False  # a KB passage or a template, sent as it already is
    about_one_shopper = intent is not None and (spec(intent).action is not None
                                                or spec(intent).about_order)
    return row.decision in ("accepted", "edited") and not about_one_shopper


def propose(session: Session, row: Suggestion, question: Message,
            conv: Conversation) -> KnowledgeCandidate | None:
    """A candidate for an agent's decision on ``row``, if it is worth one (in the
    decision's transaction)."""
    answer = (row.final_text or "").strip()
    if not answer or not _worth_learning(row, question.intent):
        return None
    if _personal(session, conv.customer_id, answer):
        return None
    language = question.language or conv.language or "en"
    key = normalise(answer)
    for existing in session.exec(select(KnowledgeCandidate).where(
            KnowledgeCandidate.language == language)):
        if normalise(existing.answer) == key:
            return None
    candidate = KnowledgeCandidate(suggestion_id=row.id, question=question.text[:4000],
                                   answer=answer[:8000], language=language,
                                   intent=question.intent)
    session.add(candidate)
    return candidate


def list_candidates(session: Session, status: str | None) -> list[KnowledgeCandidate]:
    query = select(KnowledgeCandidate).order_by(col(KnowledgeCandidate.id).desc())
    if status:
        query = query.where(KnowledgeCandidate.status == status)
    return list(session.exec(query.limit(500)))


def _pending(session: Session, candidate_id: int) -> KnowledgeCandidate:
    row = session.get(KnowledgeCandidate, candidate_id)
    if row is None:
        raise NotFoundError("knowledge candidate not found")
    if row.status != "pending":
        raise ConflictError(f"candidate {candidate_id} is already {row.status}")
    return row


def document_for(row: KnowledgeCandidate) -> SourceDocument:
    """The knowledge document of an approved candidate: the question as its heading,
    the answer as its text."""
    title = re.sub(r"\s+", " ", row.question).strip()[:120] or "Agent answer"
    return SourceDocument(doc_id=f"{DOC_PREFIX}{row.id}", title=title,
                          text=f"# {title}\n\n{row.answer}",
                          layer=LAYERS.get(row.intent or "", "policy"), language=row.language,
                          source=SOURCE, meta={"intents": [row.intent] if row.intent else []})


def approve(rt: Runtime, candidate_id: int, *, by: str, question: str | None = None,
            answer: str | None = None) -> KnowledgeCandidate:
    """Ingest the candidate (optionally as the admin reworded it)."""
    with rt.session(write=True) as session:
        row = _pending(session, candidate_id)
        row.question, row.answer = question or row.question, answer or row.answer
        doc = document_for(row)
        upsert_documents(rt, docs=[doc], session=session)
        row.status, row.decided_by, row.decided_at = "approved", by, utcnow()
        row.doc_id = doc.doc_id
        session.add(row)
        return _detached(session, row)


def reject(rt: Runtime, candidate_id: int, *, by: str) -> KnowledgeCandidate:
    with rt.session(write=True) as session:
        row = _pending(session, candidate_id)
        row.status, row.decided_by, row.decided_at = "rejected", by, utcnow()
        session.add(row)
        return _detached(session, row)


def _detached(session: Session, row: KnowledgeCandidate) -> KnowledgeCandidate:
    session.flush()
    session.refresh(row)
    session.expunge(row)
    return row
