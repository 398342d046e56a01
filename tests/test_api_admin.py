"""Admin (tokens, store import, ingestion), the channel webhook, analytics, metrics."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any, ClassVar

import pytest
from sqlalchemy import text

from tests.api_helpers import Api, api_on_database
from tests.pg import DATABASES


@pytest.fixture(scope="module", params=DATABASES)
def api(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory,
        ) -> Iterator[Api]:
    # product questions always wait for an agent (test_analytics_summary decides them)
    with api_on_database(request, tmp_path_factory.mktemp("admin"),
                     intent_thresholds={"product_question": 1.0}) as client:
        yield client


def count(api: Api, table: str) -> int:
    with api.runtime.engine.connect() as conn:
        return int(conn.execute(text(f'SELECT COUNT(*) FROM "{table}"')).scalar_one())


class TestTokens:
    def test_create_use_and_revoke(self, api: Api) -> None:
        new = api.ok("POST", "/api/admin/tokens", "admin", status=201,
                     json={"role": "agent", "name": "alice"})
        assert new["token"].startswith("kefu_") and new["role"] == "agent"
        header = {"Authorization": f"Bearer {new['token']}"}
        assert api.client.get("/api/me", headers=header).json()["name"] == "alice"
        listed = api.ok("GET", "/api/admin/tokens", "admin")
        assert all("token" not in t for t in listed)
        assert new["id"] in {t["id"] for t in listed}
        revoked = api.call("DELETE", f"/api/admin/tokens/{new['id']}", "admin")
        assert revoked.json()["revoked_at"]
        assert api.client.get("/api/me", headers=header).status_code == 401

    def test_shopper_token_is_bound_to_its_customer(self, api: Api) -> None:
        new = api.ok("POST", "/api/admin/tokens", "admin", status=201,
                     json={"role": "shopper", "customer_id": "C003"})
        assert new["name"] == "shopper-C003"
        orders = api.client.get("/api/orders",
                                headers={"Authorization": f"Bearer {new['token']}"}).json()
        assert {o["customer_id"] for o in orders} == {"C003"}

    @pytest.mark.parametrize(("body", "status"), [
        ({"role": "shopper", "name": "x"}, 400),
        ({"role": "shopper", "customer_id": "C999"}, 404),
        ({"role": "agent", "name": "has space"}, 400),
        ({"role": "agent", "name": "bob", "customer_id": "C001"}, 400),
        ({"role": "agent"}, 400),
        ({"role": "root", "name": "x"}, 422),
        ({"role": "agent", "name": 7}, 422),
    ])
    def test_bad_requests(self, api: Api, body: dict[str, Any], status: int) -> None:
        res = api.post("/api/admin/tokens", "admin", json=body)
        assert res.status_code == status, res.text
        assert res.json()["detail"]

    def test_unknown_token_id(self, api: Api) -> None:
        assert api.call("DELETE", "/api/admin/tokens/999999", "admin").status_code == 404


def test_import_store_reports_rejections(api: Api) -> None:
    data = {"customers": [
        {"id": "C900", "name": "New Shopper", "email": "n@example.com", "language": "en"},
        {"id": "C901"},
    ], "orders": [{"id": "B1", "customer_id": "C404", "status": "paid",
                   "created_at": "2026-11-18T10:00:00Z", "items": [], "total": 1.0}]}
    out = api.ok("POST", "/api/admin/import-store", "admin", json=data)
    assert out["counts"]["customers"]["inserted"] == 1
    reasons = {(r["section"], r["index"]) for r in out["rejected"]}
    assert ("customers", 1) in reasons and ("orders", 0) in reasons
    assert api.ok("GET", "/api/customers/C900", "agent")["customer"]["name"] == "New Shopper"
    odd = api.ok("POST", "/api/admin/import-store", "admin", json={"customers": "nope"})
    assert odd["rejected"][0]["reason"] == "must be a list of records"
    dated = api.ok("POST", "/api/admin/import-store", "admin",
                   json={"exported_at": "2026-11-20", "customers": []})
    assert dated["ignored"] == ["exported_at"] and dated["rejected"] == []
    assert api.post("/api/admin/import-store", "admin", json=[1, 2]).status_code == 422


def test_ingest_uploads_and_paths(api: Api, tmp_path: Path) -> None:
    doc = "---\ntitle: Gift wrapping\nlayer: policy\n---\nWe gift-wrap any order for $3."
    out = api.ok("POST", "/api/admin/ingest", "admin",
                 json={"files": [{"name": "gift-wrap.md", "content": doc}]})
    assert out["added"] == 1 and out["chunks"] >= 1 and out["errors"] == []
    again = api.ok("POST", "/api/admin/ingest", "admin",
                   json={"files": [{"name": "gift-wrap.md", "content": doc}]})
    assert again["unchanged"] == 1
    (tmp_path / "faq.txt").write_text("Opening hours: 9 to 5.", encoding="utf-8")
    by_path = api.ok("POST", "/api/admin/ingest", "admin",
                     json={"paths": [str(tmp_path / "faq.txt"), str(tmp_path / "gone.md")]})
    assert by_path["added"] == 1 and "no such file" in by_path["errors"][0]


@pytest.mark.parametrize(("body", "status"), [
    ({}, 400),
    ({"files": [{"name": "../evil.md", "content": "x"}]}, 400),
    ({"files": [{"name": "run.sh", "content": "x"}]}, 400),
    ({"files": [{"name": "a.md"}]}, 422),
    ({"paths": "data/kb"}, 422),
    ({"layer": "weird", "paths": ["x"]}, 422),
])
def test_bad_ingest_requests(api: Api, body: dict[str, Any], status: int) -> None:
    res = api.post("/api/admin/ingest", "admin", json=body)
    assert res.status_code == status, res.text


class TestWebhook:
    BODY: ClassVar[dict[str, str]] = {"external_id": "mail-0001", "customer_id": "C001",
            "text": "Where is my order A10572?"}

    def test_replay_returns_the_first_result_and_creates_nothing(self, api: Api) -> None:
        first = api.ok("POST", "/api/webhooks/email", "channel", json=self.BODY)
        assert first["duplicate"] is False and first["result"]["decision"] == first["decision"]
        messages, suggestions = count(api, "message"), count(api, "suggestion")
        again = api.ok("POST", "/api/webhooks/email", "channel", json=self.BODY)
        assert again["duplicate"] is True and again["result"] is None
        for key in ("conversation_id", "message_id", "decision", "shopper"):
            assert again[key] == first[key], key
        assert (count(api, "message"), count(api, "suggestion")) == (messages, suggestions)

    def test_replay_of_a_proposal_shows_what_the_first_showed(self, api: Api) -> None:
        body = {"external_id": "wx-77", "customer_id": "C001",
                "text": "Please change the shipping address of order A10315 to 9 Bay St, "
                        "Austin, TX 78704"}
        first = api.ok("POST", "/api/webhooks/wechat", "channel", json=body)
        again = api.ok("POST", "/api/webhooks/wechat", "channel", json=body)
        assert again["duplicate"] and again["shopper"] == first["shopper"]
        assert again["decision"] == first["decision"]

    def test_same_id_on_another_channel_is_another_message(self, api: Api) -> None:
        body = {**self.BODY, "external_id": "shared-1"}
        one = api.ok("POST", "/api/webhooks/email", "channel", json=body)
        two = api.ok("POST", "/api/webhooks/app", "channel", json=body)
        assert not two["duplicate"] and two["message_id"] != one["message_id"]

    def test_one_thread_per_customer_and_channel(self, api: Api) -> None:
        a = api.ok("POST", "/api/webhooks/sms", "channel",
                   json={**self.BODY, "external_id": "sms-1"})
        b = api.ok("POST", "/api/webhooks/sms", "admin",
                   json={**self.BODY, "external_id": "sms-2", "text": "And my refund policy?"})
        c = api.ok("POST", "/api/webhooks/sms", "channel",
                   json={**self.BODY, "external_id": "sms-3", "thread": "T-9"})
        assert a["conversation_id"] == b["conversation_id"] != c["conversation_id"]

    @pytest.mark.parametrize(("channel", "body", "status"), [
        ("email", {"external_id": "x", "customer_id": "C999", "text": "hi"}, 404),
        ("email", {"external_id": "x", "customer_id": "C001", "text": ""}, 422),
        ("email", {"external_id": "", "customer_id": "C001", "text": "hi"}, 422),
        ("email", {"customer_id": "C001", "text": "hi"}, 422),
        ("email", {"external_id": 5, "customer_id": "C001", "text": "hi"}, 422),
        ("E Mail", {"external_id": "x", "customer_id": "C001", "text": "hi"}, 422),
        ("email", {"external_id": "x", "customer_id": "C001", "text": "z" * 5000}, 422),
    ])
    def test_bad_deliveries(self, api: Api, channel: str, body: dict[str, Any],
                            status: int) -> None:
        res = api.post(f"/api/webhooks/{channel}", "channel", json=body)
        assert res.status_code == status, res.text


def test_analytics_summary(api: Api) -> None:
    cid = api.start()
    api.say(cid, "What is your return policy?")
    review = api.start()
    assert api.say(review, "is the ceramic mug dishwasher safe?")["result"]["decision"] == (
        "agent_review")
    suggestions = api.ok("GET", f"/api/conversations/{review}/suggestions", "agent")
    api.ok("POST", f"/api/suggestions/{suggestions[0]['id']}/edit", "agent",
           json={"text": suggestions[0]["text"] + " Thanks!"})
    api.ok("POST", f"/api/suggestions/{suggestions[1]['id']}/reject", "agent")
    api.ok("POST", f"/api/conversations/{cid}/rating", json={"score": 4})
    s = api.ok("GET", "/api/analytics/summary?days=7", "analyst")
    assert s["turns"] >= 2 and s["decisions"]["auto_send"] >= 1
    assert s["decisions"]["agent_review"] >= 1
    assert 0 < s["auto_send_rate"] < 1
    assert s["agent_decisions"]["edited"] >= 1 and s["agent_decisions"]["rejected"] >= 1
    assert 0 < s["mean_edit_distance"] < 0.5 and s["acceptance_rate"] is not None
    assert s["first_response"]["count"] >= 1 and s["agent_response"]["count"] >= 1
    assert s["csat_count"] >= 1 and s["csat_distribution"]["4"] >= 1
    assert s["top_intents"] and s["top_sources"] and s["intents_by_day"]
    assert api.get("/api/analytics/summary?days=0", "analyst").status_code == 422
    assert api.ok("GET", "/api/analytics/summary", "admin")["turns"] == s["turns"]
    agent = {a["agent"]: a for a in s["agents"]}["demo-agent"]
    assert agent["edited"] >= 1 and agent["rejected"] >= 1 and agent["edit_rate"] == 1.0
    assert s["sla"]["first_response"]["total"] >= 1 and s["sla"]["targets"]["resolution_s"]


def test_metrics(api: Api) -> None:
    cid = api.start()
    api.say(cid, "What is your return policy?")
    text = api.get("/metrics", None).text
    assert 'kefu_http_requests_total{method="POST",route="/api/conversations/' \
           '{conversation_id}/messages",status="200"}' in text
    assert 'kefu_assist_decisions_total{decision="auto_send"}' in text
    assert "kefu_assist_pipeline_seconds_bucket" in text
    assert "kefu_http_request_duration_seconds_bucket" in text
