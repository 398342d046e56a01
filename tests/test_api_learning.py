"""Learning from agents: edited and accepted answers become knowledge-base candidates
an admin approves (searchable at once) or rejects, and the stored decisions refit the
auto-send thresholds (`kefu eval calibration --from-feedback`)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from app.knowledge import search_knowledge
from tests.api_helpers import Api, api_on_copy
from tests.conftest import invoke

MUG = "is the ceramic mug dishwasher safe?"
ANSWER = ("Yes: our ceramic mugs go in the dishwasher (top rack, up to 65°C). Washing by "
          "hand keeps the glaze bright for longer.")


@pytest.fixture(scope="module")
def api(initialised_template: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Api]:
    with api_on_copy(initialised_template, tmp_path_factory.mktemp("learning"),
                     auto_send_threshold=1.0) as client:
        yield client


def suggestions_for(api: Api, text: str, who: str = "shopper") -> list[dict[str, Any]]:
    cid = api.start(who)
    assert api.say(cid, text, who)["result"]["decision"] == "agent_review"
    rows: list[dict[str, Any]] = api.ok("GET", f"/api/conversations/{cid}/suggestions",
                                        "agent")
    return rows


def candidates(api: Api, status: str = "pending") -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = api.ok("GET", f"/api/admin/knowledge-candidates?status={status}",
                                        "admin")
    return rows


def edit(api: Api, suggestion: dict[str, Any], text: str) -> None:
    api.ok("POST", f"/api/suggestions/{suggestion['id']}/edit", "agent", json={"text": text})


def test_an_edited_answer_becomes_one_candidate(api: Api) -> None:
    first = suggestions_for(api, MUG)[0]
    edit(api, first, ANSWER)
    found = [c for c in candidates(api) if c["answer"] == ANSWER]
    assert len(found) == 1
    assert found[0]["question"] == MUG and found[0]["intent"] == "product_question"
    assert found[0]["language"] == "en" and found[0]["suggestion_id"] == first["id"]
    edit(api, suggestions_for(api, "Can the ceramic mug go in the dishwasher?")[0],
         "  " + ANSWER.upper() + " ")  # the same answer again: no second candidate
    assert len([c for c in candidates(api) if c["answer"].casefold() == ANSWER.casefold()]) == 1


def test_what_is_not_learned(api: Api) -> None:
    before = len(candidates(api, "all"))
    kb = suggestions_for(api, MUG)[0]
    api.ok("POST", f"/api/suggestions/{kb['id']}/accept", "agent")  # already knowledge
    edit(api, suggestions_for(api, MUG)[0], "Daniel, your mug is dishwasher safe.")
    edit(api, suggestions_for(api, "Can I swap the mug in order A10001 for the blue one?")[0],
         "Sure, I will swap it for you.")  # one shopper's order
    api.ok("POST", f"/api/suggestions/{suggestions_for(api, MUG)[0]['id']}/reject", "agent")
    assert len(candidates(api, "all")) == before


def test_approving_makes_the_answer_searchable_at_once(api: Api) -> None:
    edit(api, suggestions_for(api, "Is the linen shirt pre-washed?")[0],
         "It is stone-washed before sewing, so it will not shrink in the wash.")
    candidate = next(c for c in candidates(api) if "stone-washed" in c["answer"])
    approved = api.ok("POST", f"/api/admin/knowledge-candidates/{candidate['id']}/approve",
                      "admin", json={"question": "Is the linen shirt pre-washed?"})
    doc = f"agent-answer-{candidate['id']}"
    assert approved["status"] == "approved" and approved["doc_id"] == doc
    assert approved["decided_by"] == "demo-admin"
    hits = search_knowledge(api.runtime, query="linen shirt stone-washed shrink", k=3)
    assert hits[0].doc_id == doc and "will not shrink" in hits[0].text
    sources = [src["id"] for s in suggestions_for(api, "Is the linen shirt pre-washed?")
               for src in s["sources"]]
    assert any(src.startswith(f"kb:{doc}#") for src in sources)
    again = api.post(f"/api/admin/knowledge-candidates/{candidate['id']}/approve", "admin")
    assert again.status_code == 409
    assert candidate["id"] in {c["id"] for c in candidates(api, "approved")}


def test_rejecting_keeps_it_out(api: Api) -> None:
    edit(api, suggestions_for(api, "Do you sell gift cards?")[0],
         "We sell digital gift cards from 10 to 200 USD; they never expire.")
    candidate = next(c for c in candidates(api) if "gift cards" in c["answer"])
    rejected = api.ok("POST", f"/api/admin/knowledge-candidates/{candidate['id']}/reject",
                      "admin")
    assert rejected["status"] == "rejected" and rejected["doc_id"] is None
    assert api.post(f"/api/admin/knowledge-candidates/{candidate['id']}/reject",
                    "admin").status_code == 409
    assert api.post("/api/admin/knowledge-candidates/999999/approve", "admin").status_code == 404
    assert api.get("/api/admin/knowledge-candidates?status=odd", "admin").status_code == 422


def test_thresholds_refit_from_the_agents_decisions(api: Api, tmp_path: Path,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    for n in range(3):
        rows = suggestions_for(api, MUG)
        api.ok("POST", f"/api/suggestions/{rows[0]['id']}/accept", "agent")
        edit(api, rows[-1] if len(rows) > 1 else suggestions_for(api, MUG)[0], f"Edited {n}.")
    monkeypatch.setenv("KEFU_HOME", str(api.home))
    res = invoke("eval", "calibration", "--from-feedback", "--json")
    assert res.exit_code == 0, res.output
    metrics = json.loads(res.output.strip().splitlines()[-1])
    assert metrics["source"] == "feedback" and metrics["suggestions"] >= 6
    assert metrics["decisions"]["accepted"] >= 3 and metrics["decisions"]["edited"] >= 3
    assert 0 < metrics["accepted_as_is_rate"] < 1 and metrics["risk_coverage"]
    exported = tmp_path / "feedback.jsonl"
    assert invoke("export-feedback", "--out", str(exported)).exit_code == 0
    res = invoke("eval", "calibration", "--from-feedback", "--dataset", str(exported),
                 "--target-precision", "0.5", "--write-thresholds", "--json")
    assert res.exit_code == 0, res.output
    again = json.loads(res.output.strip().splitlines()[-1])
    assert again["suggestions"] == metrics["suggestions"] and again["written"]
    assert "KEFU_INTENT_THRESHOLDS=" in (api.home / "kefu.env").read_text(encoding="utf-8")
    assert invoke("eval", "intent", "--from-feedback").exit_code != 0
