"""The figure a question asks for leads the answer: of a product's passages, the one
whose line gives that kind of figure in the question's words, and of a section heading
naming two products, the one whose own heading names the item asked about. Made-up
articles (a kettle and a lantern shop), not the packs'."""

from __future__ import annotations

import pytest

from app.assist.item_answers import FIGURE_WITHIN, sections_first
from app.understanding.figures import Figure, asked, lines_giving
from retrieval.index import Hit


def _hit(n: int, section: str, text: str) -> Hit:
    return Hit(id=f"kb:doc-{n}#0", title=section, text=text, score=1.0 - n / 100,
               source="kb", layer="product", language="en", section=section,
               doc_id=f"kb:doc-{n}")


@pytest.mark.parametrize(("question", "kind"), [
    ("how long will the lantern keep going on low?", Figure.DURATION),
    ("这个水壶烧开要多长时间", Figure.DURATION),
    ("how heavy is the big tent?", Figure.WEIGHT),
    ("这盏灯多重", Figure.WEIGHT),
    ("what wattage is the kettle?", Figure.POWER),
    ("晚上开着吵不吵", Figure.NOISE),
    ("how much water does the tank hold?", Figure.VOLUME),
    ("能用在多大的房间", Figure.AREA),
])
def test_the_kind_of_figure_a_question_asks(question: str, kind: Figure) -> None:
    assert kind in asked(question)


@pytest.mark.parametrize("question", ["what colours does the lantern come in?",
                                      "是不是正品", "can I pay with PayPal?"])
def test_no_figure_asked(question: str) -> None:
    assert asked(question) == frozenset()


def test_the_lines_that_give_a_duration_lose_their_figures() -> None:
    text = "- 300 lumens on high.\n- Runs about 40 hours on low.\n- Weighs 450 g."
    assert lines_giving(text, frozenset({Figure.DURATION})) == ["- Runs about on low"]
    assert len(lines_giving(text, frozenset({Figure.WEIGHT}))) == 1
    assert lines_giving(text, frozenset({Figure.NOISE})) == []


def test_the_passage_whose_line_gives_the_duration_asked_comes_first() -> None:
    codes = _hit(1, "Lantern > Status lights",
                 "- Red: battery low, charge soon.\n- Blinking: pairing, up to 2 minutes.")
    charging = _hit(2, "Lantern > Charging", "A full charge over USB-C takes about 5 hours.")
    hits = sections_first([codes, charging], ["lantern"], 1,
                          question="how long does a full charge take?")
    assert hits == [charging, codes]
    # asked no figure: the search's order stands
    assert sections_first([codes, charging], ["lantern"], 1,
                          question="does it come with a cable?") == [codes, charging]


def test_a_passage_far_down_the_search_does_not_come_up() -> None:
    others = [_hit(n, "Lantern > Other", f"Note {n}.") for n in range(FIGURE_WITHIN)]
    charging = _hit(9, "Lantern > Charging", "A full charge takes about 5 hours.")
    hits = sections_first([*others, charging], ["lantern"], 1,
                          question="how long does a full charge take?")
    assert hits[-1] is charging


def test_the_heading_of_the_item_asked_about_wins_a_tie_of_the_article_title() -> None:
    title = "Kettle 1.5L and Kettle 1.7L"
    small = _hit(1, f"{title} > Kettle 1.5L", "1800 W, keeps warm for 8 hours.")
    big = _hit(2, f"{title} > Kettle 1.7L", "2000 W, boil-dry protection.")
    assert sections_first([small, big], ["kettle", "1.7l"], 1) == [big, small]


def test_a_unit_asked_wants_a_duration_in_it() -> None:
    brush = _hit(1, "Personal care > Toothbrush", "About 30 days per charge.")
    robot = _hit(2, "Robot vacuums", "| Runtime | 180 minutes | 120 minutes |")
    assert sections_first([brush, robot], [], 0,
                          question="battery on a full charge - how many minutes?") == [robot, brush]


def test_the_figure_asked_before_a_heading_naming_the_item() -> None:
    washing = _hit(1, "Clothing care > Washing", "Wash inside out at 30 °C, no softener.")
    sizes = _hit(2, "Clothing care > Gloves", "M fits 20-22 cm, L fits 22-24 cm.")
    assert sections_first([washing, sizes], ["glove"], 1,
                          question="can the gloves go in the machine, at what temperature?") == [
        washing, sizes]


def test_one_word_of_several_makes_no_heading_of_the_item() -> None:
    codes = _hit(1, "L2 camping lantern > App codes", "- E1: no signal.")
    light = _hit(2, "L2 camping lantern > The light on the lantern", "- Blue: charging.")
    words = ["lantern", "camping", "camping lantern", "l2"]
    assert sections_first([codes, light], words, 1) == [codes, light]
