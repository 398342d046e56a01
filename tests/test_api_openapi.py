"""The OpenAPI document agrees with the server (issue 15, item 9): the 422 body as it is
sent, the error codes each route answers with, the request fields' real constraints.
tests/test_api_fuzz.py checks the same with schemathesis, for every operation and role.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.api_helpers import Api, api_on_copy


@pytest.fixture(scope="module")
def api(initialised_template: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Api]:
    with api_on_copy(initialised_template, tmp_path_factory.mktemp("openapi")) as client:
        yield client


@pytest.fixture(scope="module")
def doc(api: Api) -> dict[str, Any]:
    result: dict[str, Any] = api.get("/openapi.json", None).json()
    return result


def ops(doc: dict[str, Any]) -> Iterator[tuple[str, str, dict[str, Any]]]:
    for path, item in doc["paths"].items():
        for method, op in item.items():
            yield method, path, op


def test_422_is_documented_as_sent(api: Api, doc: dict[str, Any]) -> None:
    schemas = doc["components"]["schemas"]
    assert "HTTPValidationError" not in schemas
    documented = schemas["ValidationErrorOut"]
    for method, path, op in ops(doc):
        if op.get("parameters") or op.get("requestBody"):
            ref = op["responses"]["422"]["content"]["application/json"]["schema"]["$ref"]
            assert ref.endswith("/ValidationErrorOut"), (method, path)
    sent = api.post("/api/conversations", json={"label": 5})
    assert sent.status_code == 422
    assert set(sent.json()) == set(documented["properties"]) == set(documented["required"])
    assert isinstance(sent.json()["detail"], str)
    assert set(sent.json()["errors"][0]) == {"field", "msg"}


def test_error_codes_are_documented_where_they_are_answered(doc: dict[str, Any]) -> None:
    for method, path, op in ops(doc):
        codes = set(op["responses"])
        if op.get("security"):
            assert {"401", "403"} <= codes, (method, path)
        if "{" in path:
            assert "404" in codes, (method, path)
        if method == "post" and op.get("security"):
            assert {"409", "413", "422"} <= codes, (method, path)
            names = {p["name"] for p in op["parameters"]}
            assert "Idempotency-Key" in names, (method, path)
        for code in codes - {"422"}:
            if code.startswith("4"):
                body = op["responses"][code]["content"]["application/json"]["schema"]
                assert body["$ref"].endswith("/ErrorOut"), (method, path, code)
    orders = doc["paths"]["/api/orders"]["get"]
    assert "400" in orders["responses"]
    customer = next(p for p in orders["parameters"] if p["name"] == "customer_id")
    assert "required for staff" in customer["description"]


def test_request_fields_show_their_real_constraints(doc: dict[str, Any]) -> None:
    schemas = doc["components"]["schemas"]
    text = schemas["MessageIn"]["properties"]["text"]
    assert text["minLength"] == 1 and text["pattern"] == r"\S" and text["maxLength"] == 4000
    score = schemas["RatingIn"]["properties"]["score"]
    assert (score["type"], score["minimum"], score["maximum"]) == ("integer", 1, 5)
    tickets = doc["paths"]["/api/tickets"]["get"]["parameters"][0]["schema"]
    assert tickets["enum"] == ["open", "closed", "all"]


def test_the_server_keeps_those_constraints(api: Api) -> None:
    cid = api.start()
    for body in ({"text": ""}, {"text": "  \u200b "}, {"text": 5}):
        assert api.post(f"/api/conversations/{cid}/messages", json=body).status_code == 422
    for score in (3.0, "3", 0, 6, True):
        res = api.post(f"/api/conversations/{cid}/rating", json={"score": score})
        assert res.status_code == 422, score
    assert api.post(f"/api/conversations/{cid}/rating", json={"score": 3}).status_code == 200
    assert api.get("/api/orders", "agent").status_code == 400
    assert api.get("/api/tickets?status=nope", "agent").status_code == 422
