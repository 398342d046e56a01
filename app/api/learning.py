"""Knowledge-base candidates learned from agents' answers: an admin approves them (they
are ingested and searchable at once) or rejects them."""

from __future__ import annotations

from typing import Literal

from fastapi import APIRouter

from app.api.deps import Admin, RuntimeDep
from app.api.schemas import RowId
from app.api.team_schemas import CandidateIn, CandidateOut, Responses
from app.console import learning
from app.models import KnowledgeCandidate

router = APIRouter(prefix="/api/admin/knowledge-candidates", tags=["admin"])

DECIDED: Responses = {409: {"description": "The candidate was approved or rejected already"}}


def _out(row: KnowledgeCandidate) -> CandidateOut:
    return CandidateOut.model_validate(row, from_attributes=True)


@router.get("", response_model=list[CandidateOut])
def list_candidates(rt: RuntimeDep, principal: Admin,
                    status: Literal["pending", "approved", "rejected", "all"] = "pending",
                    ) -> list[CandidateOut]:
    """Candidates, newest first: ``pending`` (default), ``approved``, ``rejected``, ``all``."""
    with rt.session() as session:
        return [_out(r) for r in learning.list_candidates(
            session, None if status == "all" else status)]


@router.post("/{candidate_id}/approve", response_model=CandidateOut, responses=DECIDED)
def approve(rt: RuntimeDep, candidate_id: RowId, principal: Admin,
            body: CandidateIn | None = None) -> CandidateOut:
    """Ingest the candidate as knowledge document ``agent-answer-<id>`` (optionally with
    a reworded question or answer); search finds it at once."""
    edits = body or CandidateIn()
    return _out(learning.approve(rt, candidate_id, by=principal.name, question=edits.question,
                                 answer=edits.answer))


@router.post("/{candidate_id}/reject", response_model=CandidateOut, responses=DECIDED)
def reject(rt: RuntimeDep, candidate_id: RowId, principal: Admin) -> CandidateOut:
    """Keep the candidate out of the knowledge base."""
    return _out(learning.reject(rt, candidate_id, by=principal.name))
