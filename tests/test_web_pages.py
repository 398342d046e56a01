"""The web pages are served, reference only local assets and carry both languages."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from app.api.pages import STATIC_DIR, WEB_DIR
from tests.api_helpers import Api, api_on_copy

PAGES = {"/": "index", "/console": "console", "/chat": "chat", "/dashboard": "dashboard"}


@pytest.fixture(scope="module")
def api(initialised_template: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Api]:
    with api_on_copy(initialised_template, tmp_path_factory.mktemp("web")) as client:
        yield client


@pytest.mark.parametrize("path", PAGES)
def test_page_is_served_with_its_assets(api: Api, path: str) -> None:
    res = api.get(path, None)
    assert res.status_code == 200 and res.headers["content-type"].startswith("text/html")
    assets = re.findall(r'(?:src|href)="(/static/[^"]+)"', res.text)
    assert "/static/common.js" in assets or path == "/"
    for asset in assets:
        assert api.get(asset, None).status_code == 200, asset
    assert 'id="lang-toggle"' in res.text


def test_index_links_the_three_pages_and_the_token_hint(api: Api) -> None:
    html = api.get("/", None).text
    for page in ("/console", "/chat", "/dashboard"):
        assert f'href="{page}"' in html
    assert "kefu token demo" in html


def test_nothing_is_fetched_from_outside() -> None:
    for path in [*WEB_DIR.glob("*.html"), *STATIC_DIR.iterdir()]:
        text = path.read_text(encoding="utf-8")
        assert not re.search(r"(?:src|href)=\"https?://|url\(https?:|fetch\(\"https?:", text), path


def zh_blocks(script: str) -> str:
    """The text of every `zh: {...}` object literal in the scripts."""
    out = []
    for match in re.finditer(r"\bzh: \{", script):
        depth, i = 0, match.end() - 1
        for i in range(match.end() - 1, len(script)):
            depth += {"{": 1, "}": -1}.get(script[i], 0)
            if depth == 0:
                break
        out.append(script[match.end():i])
    return "\n".join(out)


def test_every_translated_key_has_chinese() -> None:
    """Each data-i18n key of a page has a zh entry in that page's scripts."""
    for page in ("console", "chat", "dashboard", "index"):
        html = (WEB_DIR / f"{page}.html").read_text(encoding="utf-8")
        scripts = html + "".join(
            (STATIC_DIR / name).read_text(encoding="utf-8")
            for name in re.findall(r'src="/static/([^"]+\.js)"', html))
        zh = zh_blocks(scripts)
        keys = set(re.findall(r'data-i18n(?:-ph|-title)?="([^"]+)"', html))
        missing = {k for k in keys if f'"{k}":' not in zh and f"{k}:" not in zh}
        assert not missing, f"{page}: no Chinese for {sorted(missing)}"


def test_unknown_static_file_is_404(api: Api) -> None:
    assert api.get("/static/nope.js", None).status_code == 404
    assert api.get("/static/../app/auth.py", None).status_code == 404
