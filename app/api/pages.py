"""The web pages: plain HTML, JavaScript and CSS from app/web, no build step."""

from __future__ import annotations

from pathlib import Path

from fastapi import APIRouter
from fastapi.responses import FileResponse

WEB_DIR = Path(__file__).resolve().parent.parent / "web"
STATIC_DIR = WEB_DIR / "static"

router = APIRouter(include_in_schema=False)


def _page(name: str) -> FileResponse:
    # pages are tiny and change with the code: no stale copies after an upgrade
    return FileResponse(WEB_DIR / f"{name}.html", media_type="text/html",
                        headers={"Cache-Control": "no-cache"})


@router.get("/")
def index() -> FileResponse:
    return _page("index")


@router.get("/console")
def console() -> FileResponse:
    return _page("console")


@router.get("/chat")
def chat() -> FileResponse:
    return _page("chat")


@router.get("/dashboard")
def dashboard() -> FileResponse:
    return _page("dashboard")
