"""`kefu token ...` and `kefu export-feedback`."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.api_helpers import api_on_copy
from tests.conftest import invoke


def test_token_create_list_revoke(demo_home: Path) -> None:
    out = invoke("token", "create", "--role", "agent", "--name", "alice")
    assert out.exit_code == 0, out.output
    token = out.output.strip().splitlines()[-1]
    assert token.startswith("kefu_") and "shown once" in out.output
    shopper = invoke("token", "create", "--role", "shopper", "--customer", "C001")
    assert shopper.exit_code == 0 and "shopper C001" in shopper.output
    listed = invoke("token", "list").output
    assert "alice" in listed and "shopper-C001" in listed and token not in listed
    token_id = out.output.split()[1]
    assert "revoked" in invoke("token", "revoke", token_id).output
    assert "revoked" in next(line for line in invoke("token", "list").output.splitlines()
                             if "alice" in line)


@pytest.mark.parametrize("args", [
    ["--role", "shopper"],
    ["--role", "shopper", "--customer", "C999"],
    ["--role", "agent"],
    ["--role", "agent", "--name", "two words"],
])
def test_token_create_refuses_bad_input(demo_home: Path, args: list[str]) -> None:
    from click.testing import CliRunner

    from app.cli import cli

    res = CliRunner().invoke(cli, ["token", "create", *args])
    assert res.exit_code != 0


def test_demo_tokens_are_stable_per_home(demo_home: Path) -> None:
    first, second = invoke("token", "demo").output, invoke("token", "demo").output
    assert first == second and "kefu-demo-agent-" in first and "shopper C002" in first
    # a fresh home gets its own secret, hence other tokens
    (demo_home / "demo-token-secret").unlink()
    assert invoke("token", "demo").output != first


def test_init_prints_the_same_demo_tokens_again(demo_home: Path) -> None:
    again = invoke("init")
    assert again.exit_code == 0, again.output
    printed = again.output[again.output.index("demo tokens"):]
    assert printed.strip() == invoke("token", "demo").output.strip()


def test_export_feedback(initialised_template: Path, tmp_path: Path,
                         monkeypatch: pytest.MonkeyPatch) -> None:
    # product questions always wait for an agent here, whatever the confidence model says
    with api_on_copy(initialised_template, tmp_path,
                     intent_thresholds={"product_question": 1.0}) as api:
        monkeypatch.setenv("KEFU_HOME", str(api.home))
        chats = [api.start() for _ in range(3)]
        for cid in chats:
            api.say(cid, "Is the ceramic mug dishwasher safe?")
        api.say(api.start(), "What is your return policy?")
        s = [api.ok("GET", f"/api/conversations/{cid}/suggestions", "agent")[0] for cid in chats]
        api.ok("POST", f"/api/suggestions/{s[0]['id']}/accept", "agent")
        api.ok("POST", f"/api/suggestions/{s[1]['id']}/edit", "agent", json={"text": "Edited."})
        api.ok("POST", f"/api/suggestions/{s[2]['id']}/reject", "agent")
        out = tmp_path / "feedback.jsonl"
        res = invoke("export-feedback", "--out", str(out))
        assert res.exit_code == 0, res.output
        rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
        assert [r["decision"] for r in rows] == ["accepted", "edited", "rejected"]
        assert {r["intent"] for r in rows} == {"product_question"}
        assert rows[0]["final_text"] == rows[0]["suggestion"]
        assert rows[1]["final_text"] == "Edited." and rows[2]["final_text"] is None
        assert rows[0]["message"].startswith("Is the ceramic") and rows[0]["decided_by"]
        with_bot = invoke("export-feedback", "--include-bot").output.splitlines()
        assert len(with_bot) > len(rows)
        assert any(json.loads(line)["decided_by"] == "bot" for line in with_bot)
