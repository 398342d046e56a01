"""A change of an order's items the message settles is proposed by the bot with the
order's whole new contents and made on the shopper's yes: another colour or size of an
item (its siblings in the store's own catalogue), an item added, more of one, one taken
out, a new quantity. Anything less certain stays a person's, and an order that can no
longer change says so. The catalogue here is made up: no words of any pack."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from app.assist.schemas import AssistResult
from app.assist.service import assist_once
from app.store.catalogue import Catalogue, kind_of
from app.store.connector import ItemSnapshot, OrderSnapshot
from app.store.product_attributes import product_words
from app.understanding.item_changes import NewLine, adds_to_order, amendment, new_contents
from tests.api_helpers import Api
from tests.shop_k1 import iso, shop

PRODUCTS = [
    {"id": "CAP/RD/S", "name": "Harbour Cap – Rust, S", "price": 20.0, "currency": "EUR",
     "attributes": {"name_zh": "港湾帽 铁锈红 S", "colour": "rust", "颜色": "铁锈红", "size": "S",
                    "aliases": ["cap", "帽子"]}},
    {"id": "CAP/RD/L", "name": "Harbour Cap – Rust, L", "price": 20.0, "currency": "EUR",
     "attributes": {"name_zh": "港湾帽 铁锈红 L", "colour": "rust", "颜色": "铁锈红", "size": "L",
                    "aliases": ["cap", "帽子"]}},
    {"id": "CAP/NV/S", "name": "Harbour Cap – Navy, S", "price": 22.0, "currency": "EUR",
     "attributes": {"name_zh": "港湾帽 藏青 S", "colour": "navy", "颜色": "藏青", "size": "S",
                    "aliases": ["cap", "帽子"]}},
    {"id": "SCF-1", "name": "Wool Scarf", "price": 30.0, "currency": "EUR",
     "attributes": {"name_zh": "羊毛围巾", "aliases": ["scarf", "围巾"]}},
    {"id": "PIN-7", "name": "Enamel Pin", "price": 5.0, "currency": "EUR",
     "attributes": {"name_zh": "珐琅胸针", "aliases": ["pin", "胸针"]}},
    # siblings named by a shade of their colour ("Sea Green" of "green")
    {"id": "MUG/GN", "name": "Glaze Mug – Sea Green", "price": 12.0, "currency": "EUR",
     "attributes": {"colour": "green", "颜色": "绿色", "aliases": ["mug", "杯子"]}},
    {"id": "MUG/BL", "name": "Glaze Mug – Dusk Blue", "price": 12.0, "currency": "EUR",
     "attributes": {"colour": "blue", "颜色": "蓝色", "aliases": ["mug", "杯子"]}},
    # sold in another currency than the orders'
    {"id": "UMB-1", "name": "Travel Umbrella", "price": 15.0, "currency": "GBP",
     "attributes": {"aliases": ["umbrella", "雨伞"]}},
]
CATALOGUE = Catalogue.build(product_words(p["id"], p["name"], p["attributes"])
                            for p in PRODUCTS)


def _order(*lines: tuple[str, int]) -> OrderSnapshot:
    items = tuple(ItemSnapshot(line=n, product_id=pid, name=pid, qty=qty, price=1.0)
                  for n, (pid, qty) in enumerate(lines, 1))
    return OrderSnapshot(id="ZX-1", customer_id="C", status="pending", total=1.0,
                         currency="EUR", created_at=iso(1), items=items)


def _new(text: str, order: OrderSnapshot, quantity: int | None = None) -> list[NewLine] | None:
    return new_contents(text, order, CATALOGUE, CATALOGUE.find(text), quantity)


def _lines(found: list[NewLine] | None) -> list[tuple[str, int]] | None:
    return None if found is None else [(n.product_id, n.qty) for n in found]


def test_a_possessive_names_the_item() -> None:
    found = CATALOGUE.find("the scarf's fringe came loose")
    assert found is not None and found.products == {"SCF-1"}


def test_the_catalogue_knows_each_products_siblings_by_its_own_names() -> None:
    assert CATALOGUE.families["CAP/RD/S"] == {"CAP/RD/S", "CAP/RD/L", "CAP/NV/S"}
    assert CATALOGUE.families["SCF-1"] == {"SCF-1"}
    assert CATALOGUE.families["MUG/GN"] == {"MUG/GN", "MUG/BL"}
    assert CATALOGUE.name_for("CAP/NV/S", "zh") == "港湾帽 藏青 S"
    assert CATALOGUE.name_for("CAP/NV/S", "en") == "Harbour Cap – Navy, S"


@pytest.mark.parametrize("text, expected", [
    ("帽子颜色换成藏青的 尺码还是S", [("CAP/NV/S", 1), ("SCF-1", 1)]),
    ("can you swap the cap for an L?", [("CAP/RD/L", 1), ("SCF-1", 1)]),
    ("铁锈红那个能换成藏青吗", [("CAP/NV/S", 1), ("SCF-1", 1)]),
    ("could you pop a pin in with it?", [("CAP/RD/S", 1), ("SCF-1", 1), ("PIN-7", 1)]),
    ("can I add another scarf", [("CAP/RD/S", 1), ("SCF-1", 2)]),
    ("please take the scarf out", [("CAP/RD/S", 1)]),
    ("围巾不要了", [("CAP/RD/S", 1)]),
    # one item for another product of the catalogue, in its place
    ("could you swap the scarf for an enamel pin instead?", [("CAP/RD/S", 1), ("PIN-7", 1)]),
    ("把围巾换成一个胸针吧", [("CAP/RD/S", 1), ("PIN-7", 1)]),
    ("any chance the scarf can be swapped for an enamel pin?", [("CAP/RD/S", 1), ("PIN-7", 1)]),
])
def test_a_change_the_message_settles_is_the_orders_whole_new_contents(
        text: str, expected: list[tuple[str, int]]) -> None:
    assert _lines(_new(text, _order(("CAP/RD/S", 1), ("SCF-1", 1)))) == expected


def test_a_new_quantity_of_the_item_named() -> None:
    order = _order(("CAP/RD/S", 1), ("SCF-1", 1))
    assert _lines(_new("make the scarf 3", order, quantity=3)) == [("CAP/RD/S", 1), ("SCF-1", 3)]
    assert _new("make the scarf 1", order, quantity=1) is None  # nothing changes


def test_several_items_counted_anew_at_once() -> None:
    order = _order(("CAP/RD/S", 1), ("SCF-1", 1))
    assert _lines(_new("Could you make it 2 caps and 3 scarves?", order)) == [
        ("CAP/RD/S", 2), ("SCF-1", 3)]
    assert _lines(_new("改成两个帽子和两条围巾", order)) == [("CAP/RD/S", 2), ("SCF-1", 2)]
    # one part that names no line of the order, or no count, leaves it to a person
    assert _new("make it 2 caps and 2 pins", order) is None
    assert _new("make it 2 caps and the scarf", order) is None


def test_what_is_added_is_read_from_the_adding_clause() -> None:
    """Things named beside the one added, and a number said of them, are not what the
    clause that adds says: "two pins on a cap is too many, then add a scarf"."""
    order = _order(("CAP/RD/S", 1))
    assert _lines(_new("two pins on a cap is too many 😅 then please add a Wool Scarf to "
                       "ZX-1 as well", order)) == [("CAP/RD/S", 1), ("SCF-1", 1)]
    # several things added in one clause, each fitting one product
    assert _lines(_new("add one navy cap and one enamel pin please", _order(("SCF-1", 1)))) == [
        ("SCF-1", 1), ("CAP/NV/S", 1), ("PIN-7", 1)]
    assert _lines(_new("再加一个胸针和一条围巾", order)) == [
        ("CAP/RD/S", 1), ("PIN-7", 1), ("SCF-1", 1)]
    # one of them fitting two products (rust in S and in L): a person's
    assert _new("add one rust cap and one enamel pin", _order(("SCF-1", 1))) is None
    # a variant word no product added has: something else named, not read
    assert _new("add an enamel pin, in navy please", order) is None


def test_the_item_given_up_then_its_replacement() -> None:
    order = _order(("CAP/RD/S", 1), ("SCF-1", 1))
    assert _lines(_new("还没付款，围巾我不想要了，能直接换成一个胸针吗", order)) == [
        ("CAP/RD/S", 1), ("PIN-7", 1)]


def test_what_it_becomes_with_the_one_line_said_apart() -> None:
    # the order's one line is what goes; with two lines the one named apart
    said = "帽子我发现戴着太紧，能帮我换成一个胸针吗？"
    assert _lines(_new(said, _order(("CAP/RD/S", 1)))) == [("PIN-7", 1)]
    assert _lines(_new(said, _order(("CAP/RD/S", 1), ("SCF-1", 1)))) == [
        ("PIN-7", 1), ("SCF-1", 1)]
    assert _new("能帮我换成一个胸针吗？", _order(("CAP/RD/S", 1), ("SCF-1", 1))) is None


def test_a_decimal_point_is_no_stop_in_what_it_becomes() -> None:
    sized = Catalogue.build([
        product_words("KT-15", "Smart Kettle 1.5L", {"name_zh": "恒温壶 1.5L",
                                                      "aliases": ["恒温壶", "kettle"]}),
        product_words("KT-17", "Steel Kettle 1.7L", {"name_zh": "不锈钢电水壶 1.7L",
                                                      "aliases": ["不锈钢电水壶", "不锈钢水壶"]})])
    said = "算了 付款的事我晚点再弄 这单里的恒温壶先帮我换成1.7L不锈钢水壶吧 便宜点"
    found = new_contents(said, _order(("KT-15", 1)), sized, sized.find(said), None)
    assert _lines(found) == [("KT-17", 1)]


def test_the_line_named_by_its_colour_alone_and_what_it_becomes() -> None:
    # "the rust one" of an order with one rust thing; the clause after a space is apart
    order = _order(("CAP/RD/S", 1), ("SCF-1", 1))
    assert _lines(_new("铁锈红的不要了 帮我换成胸针 围巾不变", order)) == [
        ("PIN-7", 1), ("SCF-1", 1)]


def test_from_one_product_to_another_of_its_family() -> None:
    models = Catalogue.build([
        product_words("TB-6", "Sonic T6 Toothbrush", {"name_zh": "声波牙刷 T6", "model": "T6",
                                                      "aliases": ["牙刷", "toothbrush"]}),
        product_words("TB-9", "Sonic T9 Toothbrush", {"name_zh": "声波牙刷 T9", "model": "T9",
                                                      "aliases": ["牙刷", "toothbrush"]}),
        product_words("HD-3", "Sensitive Heads", {"name_zh": "敏感型刷头",
                                                  "aliases": ["刷头", "heads"]})])
    said = "还没付款的那单 牙刷想从T6升级成T9 那盒敏感型刷头照旧 帮我改一下"
    found = new_contents(said, _order(("TB-6", 1), ("HD-3", 1)), models, models.find(said),
                         None)
    assert _lines(found) == [("TB-9", 1), ("HD-3", 1)]


def test_the_change_proposed_changed_again_before_the_yes(api: Api) -> None:
    asked = _say(api, "C-10", "again", "ZX-200 还没付钱，帽子我发现太紧了，能帮我换成围巾吗？")
    assert asked.action is not None and asked.action.status == "needs_confirmation"
    assert asked.action.params["items"] == [{"product_id": "SCF-1", "qty": 1}]
    again = _say(api, "C-10", "again", "再改一下，围巾要两条，我妈也要一条")
    assert again.action is not None and again.action.status == "needs_confirmation"
    assert again.action.params["items"] == [{"product_id": "SCF-1", "qty": 2}]
    done = _say(api, "C-10", "again", "对，就这样改")
    assert done.action is not None and done.action.status == "executed"
    assert done.action.params["items"] == [{"product_id": "SCF-1", "qty": 2}]


def test_the_change_asked_for_as_it_stands_after_a_question_is_its_yes(api: Api) -> None:
    asked = _say(api, "C-10", "stands", "ZX-200 的帽子数量帮我改成两个")
    assert asked.action is not None and asked.action.status == "needs_confirmation"
    # the same contents in a question are no yes
    question = _say(api, "C-10", "stands", "改成两个帽子的话要补差价吗？")
    assert question.action is None or question.action.status != "executed", question.reply
    done = _say(api, "C-10", "stands", "不用运费就好 那就改成两个")
    assert done.action is not None and done.action.status == "executed", done.reply
    assert done.action.params["items"] == [{"product_id": "CAP/RD/S", "qty": 2}]


def test_the_change_named_by_what_it_brings_in_after_a_question_is_its_yes(api: Api) -> None:
    asked = _say(api, "C-10", "brings", "ZX-200 还没付钱，帽子能帮我换成围巾吗？")
    assert asked.action is not None and asked.action.status == "needs_confirmation"
    _say(api, "C-10", "brings", "等下 围巾有多长？")
    done = _say(api, "C-10", "brings", "那就好 改成围巾吧")
    assert done.action is not None and done.action.status == "executed", done.reply
    assert done.action.params["items"] == [{"product_id": "SCF-1", "qty": 1}]


@pytest.mark.parametrize("text", [
    "can I change the cap?",  # to what?
    "swap the cap for a navy L",  # no such cap
    "swap the cap for navy and add a pin",  # two changes at once: a person's
    "can you change it",
])
def test_anything_less_certain_is_none(text: str) -> None:
    assert _new(text, _order(("CAP/RD/S", 1), ("SCF-1", 1))) is None


def test_one_item_for_another_keeps_the_count_only_when_said() -> None:
    three = _order(("CAP/RD/S", 1), ("SCF-1", 3))
    assert _lines(_new("swap the scarves for two pins", three)) == [("CAP/RD/S", 1), ("PIN-7", 2)]
    assert _new("swap the scarf for pins", three) is None  # how many pins: a person asks
    # something else named is no new count of the one item the order holds
    assert _new("一个胸针", _order(("SCF-1", 1)), quantity=1) is None


def test_the_other_variant_already_in_the_order_is_for_a_person() -> None:
    assert _new("换成藏青的", _order(("CAP/RD/S", 1), ("CAP/NV/S", 1))) is None


@pytest.mark.parametrize("text, adds", [
    ("is it paid yet? could you pop a pin in with it", True),
    ("add a pin to my order please", True),
    ("那单再加一个胸针", True),
    ("how do I add a card to my account?", False),
    ("加湿器坏了", False),
    ("the lock I ordered yesterday - could you stick a second one on it?", True),
    ("can I put another one in my basket", False),
])
def test_something_put_into_an_order(text: str, adds: bool) -> None:
    assert adds_to_order(text) is adds


STORE = {
    "customers": [{"id": "C-9", "name": "Mo Tan", "language": "en"},
                  {"id": "C-10", "name": "林小雨", "language": "zh"},
                  {"id": "C-11", "name": "Ian Reed", "language": "en"}],
    "products": PRODUCTS,
    "orders": [
        {"id": "ZX-100", "customer_id": "C-9", "status": "pending", "total": 50.0,
         "currency": "EUR", "created_at": iso(1), "items": [
             {"product_id": "CAP/RD/S", "name": "Harbour Cap – Rust, S", "qty": 1,
              "price": 20.0},
             {"product_id": "SCF-1", "name": "Wool Scarf", "qty": 1, "price": 30.0}]},
        {"id": "ZX-200", "customer_id": "C-10", "status": "pending", "total": 20.0,
         "currency": "EUR", "created_at": iso(1), "items": [
             {"product_id": "CAP/RD/S", "name": "港湾帽 铁锈红 S", "qty": 1, "price": 20.0}]},
        {"id": "ZX-300", "customer_id": "C-10", "status": "paid", "total": 30.0,
         "currency": "EUR", "created_at": iso(3), "items": [
             {"product_id": "SCF-1", "name": "羊毛围巾", "qty": 1, "price": 30.0}]},
        # an order in another currency than the catalogue's price of what it holds
        {"id": "ZX-400", "customer_id": "C-11", "status": "pending", "total": 13.0,
         "currency": "EUR", "created_at": iso(1), "items": [
             {"product_id": "UMB-1", "name": "Travel Umbrella", "qty": 1, "price": 13.0}]},
    ],
}


@pytest.fixture
def api(initialised_template: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Api]:
    with shop(initialised_template, tmp_path_factory.mktemp("changes"), STORE) as client:
        yield client


def _say(api: Api, customer: str, label: str, text: str) -> AssistResult:
    return assist_once(api.runtime, customer_id=customer, label=label, text=text).result


def test_another_colour_is_proposed_and_made_on_the_yes(api: Api) -> None:
    asked = _say(api, "C-10", "zh", "帽子那单 颜色换成藏青的 尺码不变")
    assert asked.intent == "change_order" and asked.action is not None
    assert asked.action.status == "needs_confirmation"
    assert asked.action.params["items"] == [{"product_id": "CAP/NV/S", "qty": 1}]
    assert "ZX-200" in asked.reply and "港湾帽 藏青 S" in asked.reply
    done = _say(api, "C-10", "zh", "换吧")
    assert done.action is not None and done.action.status == "executed"
    assert "港湾帽 藏青 S x1" in done.reply and "22" in done.reply


def test_an_item_put_in_is_proposed_whatever_else_the_message_asks(api: Api) -> None:
    asked = _say(api, "C-9", "pin", "the cap order isn't paid yet right? could you pop a pin in "
                 "with it before I pay")
    assert asked.intent == "change_order" and asked.action is not None
    assert asked.action.params["items"][-1] == {"product_id": "PIN-7", "qty": 1}
    # the classifier ranks the question of payment first: two readings, so an agent sends it
    assert "Enamel Pin x1" in asked.reply and asked.decision == "agent_review"
    done = _say(api, "C-9", "pin", "yes add it pls")
    assert done.action is not None and done.action.status == "executed"


def test_the_proposal_says_the_new_total(api: Api) -> None:
    asked = _say(api, "C-9", "total", "could you pop a pin in with ZX-100? what would the "
                 "total be then?")
    assert asked.action is not None and asked.action.status == "needs_confirmation"
    assert "€55.00" in asked.reply and "€50.00" in asked.reply


def test_more_of_an_item_is_priced_as_the_order_priced_it(api: Api) -> None:
    """The catalogue prices the umbrella in pounds; the order in euros holds one at
    €13: a second one costs the same, not a refusal for the currency."""
    asked = _say(api, "C-11", "more", "can I add another umbrella to ZX-400?")
    assert asked.action is not None and asked.action.status == "needs_confirmation"
    assert asked.action.params["items"] == [{"product_id": "UMB-1", "qty": 2}]
    assert "€26.00" in asked.reply
    done = _say(api, "C-11", "more", "yes please")
    assert done.action is not None and done.action.status == "executed"
    assert done.action.result is not None and done.action.result["total"] == 26.0


def test_an_order_that_cannot_change_says_so(api: Api) -> None:
    refused = _say(api, "C-10", "paid", "围巾那单 再加一个围巾")
    assert refused.intent == "change_order" and refused.action is not None
    assert refused.action.status == "blocked" and "ZX-300" in refused.reply


def test_a_change_left_unsettled_is_a_persons(api: Api) -> None:
    noted = _say(api, "C-9", "vague", "can I change the cap in ZX-100? not sure which yet")
    assert noted.intent == "change_order" and noted.decision == "agent_review"
    assert noted.action is None and "ZX-100" in noted.reply



def test_a_question_about_an_item_while_a_change_waits_is_that_question(api: Api) -> None:
    asked = _say(api, "C-9", "ask", "can I add another scarf to ZX-100?")
    assert asked.action is not None and asked.action.status == "needs_confirmation"
    question = _say(api, "C-9", "ask", "does the cap come with a gift box?")
    assert question.intent != "change_order" and question.action is None


@pytest.mark.parametrize("hold", ["actually wait, what size is the scarf?", "等一下 围巾有多长？"])
def test_wait_with_a_question_keeps_the_change_waiting(api: Api, hold: str) -> None:
    asked = _say(api, "C-9", f"hold-{hold}", "please take the scarf out of ZX-100")
    assert asked.action is not None and asked.action.status == "needs_confirmation"
    question = _say(api, "C-9", f"hold-{hold}", hold)
    assert question.action is None or question.action.status != "blocked"
    done = _say(api, "C-9", f"hold-{hold}", "ok yes go ahead")
    assert done.action is not None and done.action.status == "executed"


@pytest.mark.parametrize(("hold", "yes"), [
    ("等一下先别改，问一句：围巾有多长？", "那就碰碰运气吧，照改"),
    ("wait, don't change it yet - how long is the scarf?", "ok change it anyway")])
def test_held_not_yet_with_a_question_then_asked_as_it_stands(api: Api, hold: str,
                                                              yes: str) -> None:
    label = f"not-yet-{hold}"
    asked = _say(api, "C-9", label, "please take the scarf out of ZX-100")
    assert asked.action is not None and asked.action.status == "needs_confirmation"
    question = _say(api, "C-9", label, hold)
    assert question.action is None or question.action.status != "blocked"
    done = _say(api, "C-9", label, yes)
    assert done.action is not None and done.action.status == "executed", done.reply


@pytest.mark.parametrize("text, words", [
    ("等下 胸针先不要了 改成再加一条围巾吧 我妈也想要", "改成再加一条围巾吧 我妈也想要"),
    ("no wait, not the pin - add another scarf instead of it", "add another scarf"),
    ("no, leave it as it is", None),
])
def test_what_puts_a_waiting_change_otherwise(text: str, words: str | None) -> None:
    assert amendment(text) == words


@pytest.mark.parametrize(("customer", "first", "amended", "yes", "expected"), [
    ("C-10", "帽子那单帮我加一个胸针", "等下 胸针先不要了 改成再加一条围巾吧", "好的",
     [{"product_id": "CAP/RD/S", "qty": 1}, {"product_id": "SCF-1", "qty": 1}]),
    ("C-9", "could you pop a pin in with ZX-100?", "hmm no wait, not the pin - add another "
     "scarf instead", "yes", [{"product_id": "CAP/RD/S", "qty": 1},
                              {"product_id": "SCF-1", "qty": 2}]),
])
def test_a_change_put_otherwise_before_the_yes_is_proposed_again(
        api: Api, customer: str, first: str, amended: str, yes: str,
        expected: list[dict[str, object]]) -> None:
    asked = _say(api, customer, "amend", first)
    assert asked.action is not None and asked.action.status == "needs_confirmation"
    again = _say(api, customer, "amend", amended)
    assert again.intent == "change_order" and again.action is not None
    assert again.action.status == "needs_confirmation"
    assert again.action.params["items"] == expected
    done = _say(api, customer, "amend", yes)
    assert done.action is not None and done.action.status == "executed"
    assert done.action.params["items"] == expected


def test_a_no_with_instead_and_no_item_declines_the_change(api: Api) -> None:
    asked = _say(api, "C-9", "wait", "could you pop a pin in with ZX-100?")
    assert asked.action is not None and asked.action.status == "needs_confirmation"
    declined = _say(api, "C-9", "wait", "no, I'll just wait instead")
    assert declined.action is not None and declined.action.status == "blocked"
    assert declined.action.params.get("items") == asked.action.params["items"]


def test_items_swapped_instead_of_cancelling(api: Api) -> None:
    asked = _say(api, "C-9", "instead", "please cancel ZX-100")
    assert asked.action is not None and asked.action.status == "needs_confirmation"
    swap = _say(api, "C-9", "instead", "hmm wait, before you cancel anything - could you swap "
                "the scarf for an enamel pin instead?")
    assert swap.intent == "change_order" and swap.action is not None
    assert swap.action.status == "needs_confirmation"
    assert swap.action.params["items"] == [{"product_id": "CAP/RD/S", "qty": 1},
                                           {"product_id": "PIN-7", "qty": 1}]
    done = _say(api, "C-9", "instead", "yes, the pin instead of the scarf. go ahead")
    assert done.intent == "change_order" and done.action is not None
    assert done.action.status == "executed"


def test_another_of_an_item_the_order_holds_put_in(api: Api) -> None:
    asked = _say(api, "C-9", "more", "is ZX-100 paid yet? can you chuck another scarf into it?")
    assert asked.intent == "change_order" and asked.action is not None
    assert asked.action.params["items"] == [{"product_id": "CAP/RD/S", "qty": 1},
                                            {"product_id": "SCF-1", "qty": 2}]


def test_an_item_the_catalogue_cannot_price_for_the_order_is_a_persons(api: Api) -> None:
    noted = _say(api, "C-9", "umbrella", "the cap order isn't paid yet, could you pop an "
                 "umbrella in with it?")
    assert noted.intent == "change_order" and noted.decision == "agent_review"
    assert noted.action is None and "ZX-100" in noted.reply


@pytest.mark.parametrize("question", ["the scarf I added in that order fit the navy one as well "
                                      "right?", "藏青的也是羊毛的吧"])
def test_a_question_after_the_change_is_that_question(api: Api, question: str) -> None:
    _say(api, "C-10", question, "帽子那单 颜色换成藏青的 尺码不变")
    done = _say(api, "C-10", question, "换吧")
    assert done.action is not None and done.action.status == "executed"
    asked = _say(api, "C-10", question, question)
    assert asked.intent == "product_question" and asked.action is None


@pytest.mark.parametrize(("text", "fits"), [
    ("the heads I added fit the blue one as well right?", True), ("青绿色的也能用吗", True),
    ("能换成L码吗", False)])
def test_whether_one_thing_goes_with_another(text: str, fits: bool) -> None:
    from app.understanding import dialogue_cues as cue

    assert bool(cue.asks_if_it_fits(text)) is fits


@pytest.mark.parametrize(("name", "head"), [
    ("Bike Cleaning Kit", "kit"), ("Ridgeback 2 Tent – Green", "tent"),
    ("Road Tyre 700x28c", "tyre"), ("Kettle (1.7 L)", "kettle")])
def test_the_kind_a_product_is_of(name: str, head: str) -> None:
    # "a bike courier" names no bike cleaning kit: the kind is the name's last word
    assert kind_of(name) == head


HEADS = {
    "customers": [{"id": "C-20", "name": "Ada Ho", "language": "en"}],
    "products": [
        {"id": "HDX0602", "name": "Sonic Sensitive Brush Heads (3 pcs)", "price": 79.0,
         "currency": "EUR", "attributes": {"aliases": ["sensitive brush heads", "brush heads"]}},
        {"id": "HDX0601", "name": "Sonic Clean Brush Heads (3 pcs)", "price": 69.0,
         "currency": "EUR", "attributes": {"aliases": ["clean brush heads", "brush heads"]}}],
    "orders": [{"id": "ZX-900", "customer_id": "C-20", "status": "pending", "total": 79.0,
                "currency": "EUR", "created_at": iso(1), "items": [
                    {"product_id": "HDX0602", "name": "Sonic Sensitive Brush Heads (3 pcs)",
                     "qty": 1, "price": 79.0}]}],
}


@pytest.fixture
def heads(initialised_template: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Api]:
    with shop(initialised_template, tmp_path_factory.mktemp("heads"), HEADS) as client:
        yield client


def test_a_products_own_code_is_no_discount_code(heads: Api) -> None:
    asked = _say(heads, "C-20", "code", "on my unpaid order, could you swap the sensitive brush "
                 "heads for the clean ones (HDX0601)? they're a bit cheaper too")
    assert asked.intent == "change_order", asked.intent
