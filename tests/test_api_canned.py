"""Canned replies: admins manage them, agents read them and render them with the
customer's and the order's facts, in English and Chinese."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.api_helpers import Api, api_on_copy

SHIPPED_EN = ("Hi {{name}}, order {{order_id}} is {{order_status}}: {{carrier}} "
              "{{tracking_number}}. — {{agent}}")
SHIPPED_ZH = "{{name}}您好，订单 {{order_id}} {{order_status}}，物流单号 {{tracking_number}}。"


@pytest.fixture(scope="module")
def api(initialised_template: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Api]:
    with api_on_copy(initialised_template, tmp_path_factory.mktemp("canned")) as client:
        yield client


def create(api: Api, shortcut: str, language: str, text: str, **extra: Any) -> dict[str, Any]:
    body = {"title": f"{shortcut} ({language})", "shortcut": shortcut, "language": language,
            "text": text, **extra}
    out: dict[str, Any] = api.ok("POST", "/api/canned-replies", "admin", status=201, json=body)
    return out


def order_of(api: Api, customer: str, status: str) -> dict[str, Any]:
    orders = api.ok("GET", f"/api/orders?customer_id={customer}", "agent")
    return next(o for o in orders if o["status"] == status and (
        status != "delivered" or o["tracking_number"]))


def render(api: Api, reply_id: int, cid: str, **params: Any) -> dict[str, Any]:
    out: dict[str, Any] = api.ok("POST", f"/api/canned-replies/{reply_id}/render", "agent",
                                 params={"conversation_id": cid, **params})
    return out


def test_admins_manage_agents_read(api: Api) -> None:
    made = create(api, "hello", "en", "Hello {{name}}!")
    assert made["variables"] == ["name"] and made["created_by"] == "demo-admin"
    listed = api.ok("GET", "/api/canned-replies", "agent")
    assert made["id"] in {r["id"] for r in listed}
    assert api.ok("GET", f"/api/canned-replies/{made['id']}", "agent")["shortcut"] == "hello"
    changed = api.ok("PUT", f"/api/canned-replies/{made['id']}", "admin", json={
        "title": "Hello", "shortcut": "hello", "language": "en", "text": "Hi {{name}}!"})
    assert changed["text"] == "Hi {{name}}!" and changed["updated_at"] >= made["updated_at"]
    assert api.post("/api/canned-replies", "agent", json={}).status_code == 403
    res = api.call("DELETE", f"/api/canned-replies/{made['id']}", "admin")
    assert res.status_code == 204
    assert api.get(f"/api/canned-replies/{made['id']}", "agent").status_code == 404
    assert api.call("DELETE", f"/api/canned-replies/{made['id']}", "admin").status_code == 404


def test_bad_replies_are_refused(api: Api) -> None:
    create(api, "thanks", "en", "Thank you!")
    create(api, "thanks", "zh", "谢谢！")  # the same shortcut in another language
    dup = api.post("/api/canned-replies", "admin", json={
        "title": "t", "shortcut": "thanks", "language": "en", "text": "Thanks again"})
    assert dup.status_code == 409
    unknown = api.post("/api/canned-replies", "admin", json={
        "title": "t", "shortcut": "oops", "language": "en", "text": "Hi {{nickname}}"})
    assert unknown.status_code == 400 and "nickname" in unknown.json()["detail"]
    for body in ({"title": "t", "shortcut": "Has Space", "language": "en", "text": "x"},
                 {"title": "t", "shortcut": "ok", "language": "fr", "text": "x"},
                 {"title": "", "shortcut": "ok", "language": "en", "text": "x"},
                 {"title": "t", "shortcut": "ok", "language": "en", "text": ""}):
        assert api.post("/api/canned-replies", "admin", json=body).status_code == 422
    zh_only = api.ok("GET", "/api/canned-replies?language=zh", "agent")
    assert zh_only and {r["language"] for r in zh_only} == {"zh"}


def test_render_fills_the_customer_and_the_order_in_english(api: Api) -> None:
    reply = create(api, "shipped", "en", SHIPPED_EN)
    shipped = order_of(api, "C001", "delivered")
    cid = api.start()
    api.say(cid, f"Where is my order {shipped['id']}?")
    out = render(api, reply["id"], cid)
    name = api.ok("GET", "/api/customers/C001", "agent")["customer"]["name"]
    assert out["order_id"] == shipped["id"] and out["missing"] == []
    assert out["text"] == (f"Hi {name}, order {shipped['id']} is delivered: {shipped['carrier']} "
                           f"{shipped['tracking_number']}. — demo-agent")


def test_render_in_chinese_with_a_chosen_order_and_missing_values(api: Api) -> None:
    reply = create(api, "shipped", "zh", SHIPPED_ZH)
    pending = order_of(api, "C001", "pending")
    cid = api.start()
    out = render(api, reply["id"], cid, order_id=pending["id"])
    name = api.ok("GET", "/api/customers/C001", "agent")["customer"]["name"]
    assert out["language"] == "zh" and out["missing"] == ["tracking_number"]
    assert out["text"] == (f"{name}您好，订单 {pending['id']} 待付款，物流单号 "
                           "{{tracking_number}}。")
    other = api.ok("GET", "/api/orders?customer_id=C002", "agent")[0]["id"]
    res = api.post(f"/api/canned-replies/{reply['id']}/render", "agent",
                   params={"conversation_id": cid, "order_id": other})
    assert res.status_code == 404
    res = api.post(f"/api/canned-replies/{reply['id']}/render", "agent",
                   params={"conversation_id": "c_nope"})
    assert res.status_code == 404
    assert api.post(f"/api/canned-replies/{reply['id']}/render", "agent").status_code == 422
