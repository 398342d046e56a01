"""The shopper's orders that hold the items a message names: by the product the
catalogue picks, by a thing of the same kind, or by a model number its name carries;
where several things are named, the orders holding most of them (of the things a word
that is no product's kind names, only to choose among those)."""

from __future__ import annotations

import re
from collections.abc import Sequence

from app.store.catalogue import ItemMention, fold, kind_of, singular, words_of
from app.store.connector import ItemSnapshot, OrderSnapshot


def item_fits(item: ItemSnapshot, mention: ItemMention) -> bool:
    """Whether an order line is the item the words name (by product, else by its name)."""
    meant = mention.candidates()
    if item.product_id is not None and meant:
        return item.product_id in meant
    return bool(set(words_of(item.name)) & set(mention.surface))


# the last characters of a Chinese product word name its kind ("空气净化器": a 净化器); an
# order line is of that kind when its name ends the same, not when it only begins so
# ("净化器滤网" is a filter)
KIND_CHARS = 3


def _same_kind(name: str, mention: ItemMention) -> bool:
    """The line is a thing of the kind the words name, though not the product the store's
    catalogue picked for them ("the tyres" of a shopper whose order holds a road tyre,
    while the catalogue's best match for "bike tyres" is a mountain one)."""
    words = set(words_of(name))
    # a colour or size is no kind: "换白色" of a green kettle is not the white robot vacuum
    for word in (w for w in mention.surface if w not in mention.variants):
        # a short word is a kind whole ("猫包" of a "双肩猫包"), a long one by its end
        if re.fullmatch(r"[\u4e00-\u9fff]{2,}", word) and re.search(
                re.escape(word[-KIND_CHARS:]) + r"(?![\u4e00-\u9fff])", name):
            return True
        if word.isascii() and word.isalpha() and len(word) >= KIND_CHARS and word in words and (
                singular(word) == singular(kind_of(name))):
            return True
    return False


def _same_model(name: str, mention: ItemMention) -> bool:
    """The item's name carries a model number the message says ("s7" of "CleanBot S7
    Robot Vacuum")."""
    numbers = [w for w in mention.surface if any(c.isdigit() for c in w) and " " not in w]
    folded = fold(name)
    return any(re.search(rf"(?<![a-z0-9]){re.escape(w)}(?![a-z0-9])", folded) for w in numbers)


def matching_orders(mention: ItemMention | None,
                    orders: list[OrderSnapshot]) -> list[OrderSnapshot]:
    """The orders holding the items named; where several things are named ("my pedals
    and saddle"), the orders holding most of them."""
    if mention is None:
        return []
    fits = [o for o in orders if any(item_fits(i, mention) for i in o.items)]
    if not fits:  # "空气净化器" of the shopper's one "桌面净化器": the same kind of thing
        fits = [o for o in orders if any(_same_kind(i.name, mention) for i in o.items)]
    if not fits:  # "the S7's pads": the shopper has no pads, but has the S7
        fits = [o for o in orders if any(_same_model(i.name, mention) for i in o.items)]
    if len(fits) < 2 or len(mention.things) < 2:
        return fits
    most_held = _holding_most(fits, mention.things)
    firm = [t for t in mention.things if t not in mention.loose]
    if len(most_held) < 2 or not mention.loose or not firm:
        return most_held
    # "the smart feeder - the cat's moving in": the feeder's order, not every order with
    # something for cats in it
    return _holding_most(most_held, firm, at_least=1) or most_held


def _holding_most(orders: list[OrderSnapshot], things: Sequence[frozenset[str]],
                  at_least: int = 0) -> list[OrderSnapshot]:
    held = {o.id: sum(any(i.product_id in thing for i in o.items) for thing in things)
            for o in orders}
    most = max(held.values())
    return [o for o in orders if held[o.id] == most] if most >= at_least else []
