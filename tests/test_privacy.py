"""Personal data: redaction (logs, remote prompts, exports), private files, token expiry
and rotation, message retention."""

from __future__ import annotations

import logging
import re
import sqlite3
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest

from app.assist.drafter import make_draft
from app.assist.service import assist_once
from app.privacy import SafeFormatter, redact, scrub_url
from tests.api_helpers import Api, api_on_copy
from tests.conftest import current, invoke, run_kefu
from tests.fakes.llm import install_fake_llm

EMAIL, PHONE, CARD = "lena.hartmann@example.org", "+49 30 1234 5678", "4111 1111 1111 1111"


# --- redaction ---------------------------------------------------------------------------


@pytest.mark.parametrize(("text", "gone", "placeholder"), [
    (f"write to {EMAIL} please", EMAIL, "[email]"),
    (f"call me on {PHONE} after six", PHONE, "[phone]"),
    ("我的手机是13812345678，谢谢", "13812345678", "[phone]"),
    (f"card {CARD} was charged twice", CARD, "[card]"),
    ("send it to 77 River Rd, Austin, TX 78702 instead", "77 River Rd", "[address]"),
])
def test_redact_replaces_personal_data_with_what_it_was(text: str, gone: str,
                                                        placeholder: str) -> None:
    out = redact(text)
    assert gone not in out and placeholder in out


def test_redact_keeps_what_is_not_personal() -> None:
    text = "order 4111 1111 1111 1112 arrived, ticket 20261128, 3 items for 59.90"
    assert redact(text) == text  # not a valid card number (Luhn), no phone shape


def test_log_lines_cannot_be_forged_and_carry_no_personal_data() -> None:
    record = logging.LogRecord("kefu", logging.INFO, __file__, 1, "action %s by %s",
                               ("cancel\n2026-01-01 INFO kefu: admin granted", EMAIL), None)
    line = SafeFormatter("%(levelname)s %(message)s").format(record)
    assert "\n" not in line and "\\n2026-01-01" in line
    assert EMAIL not in line and "[email]" in line


def test_credentials_in_query_strings_stay_out_of_access_logs() -> None:
    secret = "kefu_3q2-Uu8fPZkA0rT_wz5yYbEXAMPLEtoken00"
    assert secret not in scrub_url(f"/chat/start?t={secret}&lang=zh")
    assert "lang=zh" in scrub_url(f"/chat/start?t={secret}&lang=zh")
    assert scrub_url("/api/queue?status=open") == "/api/queue?status=open"


@pytest.mark.parametrize("redacting", [True, False])
def test_prompts_for_a_remote_llm_are_redacted(home: Path, monkeypatch: pytest.MonkeyPatch,
                                               redacting: bool) -> None:
    monkeypatch.setenv("KEFU_LLM_REDACT_REMOTE", str(redacting).lower())
    backend = install_fake_llm(monkeypatch, replies=["We will look into it [1]."],
                               as_backend="ollama")
    text = (f"This is the third time I write! My email is {EMAIL} and my phone "
            f"{PHONE}, call me now, I want a person.")
    out = assist_once(current(), customer_id="C001", text=text, label="pii")
    assert out.draft is not None and out.draft.wanted
    make_draft(current(), out.draft)
    prompt = "\n".join(str(m.content) for call in backend.calls for m in call["messages"])
    assert prompt, "the drafter asked the LLM nothing"
    assert (EMAIL in prompt, PHONE in prompt) == (not redacting, not redacting)


def test_exported_feedback_is_redacted_unless_asked(home: Path) -> None:
    out = assist_once(current(), customer_id="C001", label="fb",
                      text=f"Please email the invoice to {EMAIL}, my phone is {PHONE}")
    with sqlite3.connect(home / "kefu.db") as conn:
        conn.execute("UPDATE suggestion SET decision='accepted', decided_by='agent:ana' "
                     "WHERE conversation_id = ?", (out.result.conversation_id,))
    redacted, plain = invoke("export-feedback").output, invoke("export-feedback",
                                                                "--no-redact").output
    assert EMAIL in plain and PHONE in plain
    assert EMAIL not in redacted and PHONE not in redacted and "[email]" in redacted


# --- files --------------------------------------------------------------------------------


def test_files_kefu_creates_are_its_owners_alone(kefu_home: Path) -> None:
    run_kefu("init", "--no-demo", home=kefu_home, check=True)
    run_kefu("policy", "show", home=kefu_home, check=True)
    made = [p for p in kefu_home.rglob("*") if p.is_file()]
    assert any(p.name == "kefu.db" for p in made) and any(p.suffix == ".log" for p in made)
    for path in made:
        mode = stat.S_IMODE(path.stat().st_mode)
        assert mode & 0o077 == 0, f"{path.relative_to(kefu_home)} is {oct(mode)}"


# --- tokens ----------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def api(initialised_template: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Api]:
    with api_on_copy(initialised_template, tmp_path_factory.mktemp("privacy")) as client:
        yield client


def _new_token(api: Api, **body: object) -> dict[str, object]:
    made: dict[str, object] = api.ok("POST", "/api/admin/tokens", "admin", status=201,
                                     json={"role": "agent", "name": "pat", **body})
    return made


def _expire(api: Api, token_id: object) -> None:
    with sqlite3.connect(api.home / "kefu.db") as conn:
        conn.execute("UPDATE api_token SET expires_at = '2020-01-01 00:00:00.000000' "
                     "WHERE id = ?", (token_id,))


def test_tokens_expire(api: Api) -> None:
    made = _new_token(api)
    assert made["expires_at"] is not None  # KEFU_TOKEN_TTL_DAYS by default
    auth = {"Authorization": f"Bearer {made['token']}"}
    assert api.client.get("/api/queue", headers=auth).status_code == 200
    _expire(api, made["id"])
    assert api.client.get("/api/queue", headers=auth).status_code == 401
    forever = _new_token(api, ttl_days=0)
    assert forever["expires_at"] is None


@pytest.mark.parametrize("grace_s", [0, 600])
def test_rotation_hands_over_to_a_new_token(api: Api, grace_s: int) -> None:
    old = _new_token(api)
    new = api.ok("POST", f"/api/admin/tokens/{old['id']}/rotate?grace_s={grace_s}", "admin",
                 status=201)
    assert (new["role"], new["name"]) == ("agent", "pat") and new["token"] != old["token"]
    old_ok = api.client.get("/api/queue", headers={"Authorization": f"Bearer {old['token']}"})
    new_ok = api.client.get("/api/queue", headers={"Authorization": f"Bearer {new['token']}"})
    assert new_ok.status_code == 200
    assert old_ok.status_code == (200 if grace_s else 401)
    again = api.post(f"/api/admin/tokens/{old['id']}/rotate", "admin")
    assert again.status_code == (201 if grace_s else 409)


def test_token_cli_lifetimes(demo_home: Path) -> None:
    short = run_kefu("token", "create", "--role", "agent", "--name", "kim", "--ttl", "2h",
                     home=demo_home, check=True)
    assert "valid until" in short.stdout and "revoked" not in short.stdout.split(";")[0]
    never = run_kefu("token", "create", "--role", "agent", "--name", "lee", "--ttl", "never",
                     home=demo_home, check=True)
    assert "valid until revoked" in never.stdout
    bad = run_kefu("token", "create", "--role", "agent", "--name", "x", "--ttl", "soon",
                   home=demo_home)
    assert bad.returncode == 1 and bad.stderr.startswith("error: --ttl")
    token_id = short.stdout.split()[1]
    rotated = run_kefu("token", "rotate", token_id, home=demo_home, check=True)
    assert f"token {token_id} replaced by token" in rotated.stdout
    listing = run_kefu("token", "list", home=demo_home, check=True).stdout
    assert re.search(rf"^\s*{token_id}\s.*revoked", listing, re.M)


# --- retention ---------------------------------------------------------------------------------


def _age(home: Path, days: int, conversation_id: str) -> None:
    with sqlite3.connect(home / "kefu.db") as conn:
        old = f"datetime('now', '-{days} days')"
        conn.execute(f"UPDATE message SET created_at = {old} WHERE conversation_id = ?",
                     (conversation_id,))
        conn.execute(f"UPDATE suggestion SET created_at = {old} WHERE conversation_id = ?",
                     (conversation_id,))
        conn.execute(f"UPDATE action_audit SET created_at = {old} WHERE action_id IN "
                     "(SELECT id FROM action WHERE conversation_id = ?)", (conversation_id,))


def test_purge_forgets_old_words_once_and_keeps_new_ones(home: Path) -> None:
    from sqlmodel import select

    old = assist_once(current(), customer_id="C001", label="old",
                      text="Please change the address of my last order to 9 Elm St, Austin, "
                           f"TX 78701, phone {PHONE}").result
    new = assist_once(current(), customer_id="C002", label="new",
                      text=f"my email is {EMAIL}, where is my order?").result
    _age(home, 40, old.conversation_id)
    dry = invoke("purge", "--older-than", "30", "--dry-run")
    assert dry.exit_code == 0 and "would change" in dry.output
    with sqlite3.connect(home / "kefu.db") as conn:
        assert conn.execute("SELECT COUNT(*) FROM message WHERE text = '[removed]'"
                            ).fetchone()[0] == 0
    done = invoke("purge", "--older-than", "30")
    assert done.exit_code == 0, done.output
    with sqlite3.connect(home / "kefu.db") as conn:
        texts = dict(conn.execute("SELECT conversation_id, group_concat(text, '|') FROM "
                                  "message GROUP BY conversation_id"))
        audit = " ".join(r[0] for r in conn.execute(
            "SELECT detail FROM action_audit WHERE action_id IN (SELECT id FROM action "
            "WHERE conversation_id = ?)", (old.conversation_id,)))
    assert set(texts[old.conversation_id].split("|")) == {"[removed]"}
    assert EMAIL in texts[new.conversation_id]
    assert "9 Elm St" not in audit and PHONE not in audit
    again = invoke("purge", "--older-than", "30")
    assert "changed 0 rows" in again.output
    from app.models import Message

    with current().session() as session:  # the rows are still there for analytics
        assert session.exec(select(Message).where(
            Message.conversation_id == old.conversation_id)).first() is not None


def test_purge_without_a_retention_period_says_so(home: Path) -> None:
    result = run_kefu("purge", home=home)
    assert result.returncode == 1 and "KEFU_MESSAGE_RETENTION_DAYS" in result.stderr
