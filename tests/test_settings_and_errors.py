from __future__ import annotations

from pathlib import Path

import pytest

from app.errors import ConfigError
from app.settings import get_settings
from tests.conftest import reset_caches, run_kefu


def test_settings_read_environment(kefu_home: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("KEFU_AUTO_SEND_THRESHOLD", "0.9")
    monkeypatch.setenv("KEFU_INTENT_THRESHOLDS", '{"track_order": 0.7}')
    reset_caches()
    settings = get_settings()
    assert settings.home == kefu_home
    assert settings.auto_send_threshold == 0.9
    assert settings.intent_thresholds == {"track_order": 0.7}
    assert settings.db_url == f"sqlite:///{(kefu_home / 'kefu.db').resolve()}"


def test_bad_setting_is_one_config_error(kefu_home: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("KEFU_INTENT_THRESHOLDS", '{"track_order": 1.7}')
    reset_caches()
    with pytest.raises(ConfigError, match="KEFU_INTENT_THRESHOLDS"):
        get_settings()


@pytest.mark.parametrize(
    ("env", "expected"),
    [
        ({"KEFU_PORT": "eighty"}, "KEFU_PORT"),
        ({"KEFU_LLM_BACKEND": "gpt-9"}, "KEFU_LLM_BACKEND"),
    ],
)
def test_cli_reports_bad_setting_in_one_line(
    tmp_path: Path, env: dict[str, str], expected: str
) -> None:
    proc = run_kefu("init", home=tmp_path / "h", env=env)
    assert proc.returncode == 1
    assert proc.stderr.strip().count("\n") == 0, proc.stderr
    assert expected in proc.stderr
    assert "Traceback" not in proc.stderr


def test_missing_home_is_one_clear_line(tmp_path: Path) -> None:
    store = tmp_path / "store.json"
    store.write_text("{}", encoding="utf-8")
    proc = run_kefu("import-store", str(store), home=tmp_path / "nowhere")
    assert proc.returncode == 1
    assert "does not exist; run `kefu init` first" in proc.stderr
    proc = run_kefu("serve", home=tmp_path / "nowhere")
    assert proc.returncode == 1
    assert proc.stderr.strip() == (
        f"error: KEFU_HOME {(tmp_path / 'nowhere').resolve()} does not exist; "
        "run `kefu init` first"
    )
