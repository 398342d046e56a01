"""A detail the general answer leaves out: the policy's template lists the ways to pay,
the shopper asks about one it does not name; the store's article that says it is added
after the template (and only then), with its source."""

from __future__ import annotations

from pathlib import Path

from app.assist.schemas import AssistResult
from app.assist.service import assist_once
from tests.conftest import current


def _ask(text: str, label: str) -> AssistResult:
    return assist_once(current(), customer_id="C001", text=text, label=label).result


def _top(result: AssistResult) -> tuple[str, list[str]]:
    top = result.suggestions[0]
    return top.text, [s.id for s in top.sources]


def test_the_detail_asked_comes_from_the_article(home: Path) -> None:
    text, sources = _top(_ask("do you take cash on delivery?", "cod"))
    assert text.startswith("We accept Visa")  # the policy's own list first
    assert "Cash on delivery is not available" in text
    assert any("payment-methods-en" in s for s in sources)


def test_a_question_the_template_answers_gets_the_template_alone(home: Path) -> None:
    text, _ = _top(_ask("what payment methods do you accept?", "methods"))
    assert text.startswith("We accept Visa") and "Cash on delivery" not in text


def test_the_detail_of_a_review(home: Path) -> None:
    text, _ = _top(_ask("can I put photos in my review?", "photos"))
    assert "add photos" in text

