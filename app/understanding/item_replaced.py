"""One item of an order for another product: "swap the three pairs of socks for one pair
of the grey gloves in M", "把袜子换成一副手套", "牙刷想从T6升级成T9": the order's new
contents with that product in the line's place, or None when the message does not settle
it (how many, or which line, left to a person)."""

from __future__ import annotations

import re
from collections.abc import Sequence

from app.store.catalogue import Catalogue
from app.store.connector import ItemSnapshot
from app.understanding.item_lines import (
    ADDS,
    CLAUSES,
    REMOVES,
    SAYING,
    NewLine,
    as_new_lines,
    line_named,
    named_values,
)
from app.understanding.slot_patterns import find_quantity, leading_count

# one item of the order for another product: "swap the three pairs of socks for one pair
# of the grey gloves in M", "把袜子换成一副手套"
_REPLACED = re.compile(
    r"\b(?:swap|switch|replace|exchange|change|trade)\b(?P<old>.{1,80}?)\b(?:for|with)\b(?P<new>.+)"
    # ... said the other way round: "can the big grey bed be swapped for the 60cm one?"
    r"|(?P<old_p>\b[\w'’ -]{1,60}?)\s+(?:be\s+)?(?:swapped|switched|exchanged|replaced)\s+"
    r"(?:for|with)\b(?P<new_p>.+)"
    # ... or changed to a product named: "change the steamer to the Quiet DC Tower Fan"
    r"|\b(?:change|switch)\b(?P<old_to>[^.?!]{1,60}?)\bto\s+(?P<new_to>(?:the|a|an)\b.+)"
    # ("把" may be left out where a clause starts: "还没付钱那单 滤芯换成干燥剂行不行")
    r"|把(?P<old_zh>[^，。,.!?！？]{1,20}?)(?:换成|改成|替换成|换为)(?P<new_zh>" + SAYING + r")"
    # (a thing named, not a question put: "是不是该换成成猫粮了" names nothing to swap)
    r"|(?:^|(?<=[\s，,。.!！?？]))(?P<bare_old_zh>[^，。,.!?！？\s是该要能可会想应]{1,8}?)"
    r"(?:换成|改成|替换成|换为)(?P<bare_new_zh>" + SAYING + r")"
    # the item given up in its own clause, its replacement in the next: "头灯我不想要了，能直接
    # 换成一个羽绒睡袋吗"
    r"|(?:^|(?<=[\s，,。.!！?？]))(?P<dropped_zh>[^，。,.!?！？\s]{1,8}?)我?(?:不想要了|不要了)"
    r"[，,\s]*(?:能|可以|麻烦)?(?:直接|帮我)?(?:换成|改成|换为)"
    r"(?P<dropped_new_zh>" + SAYING + r")"
    # "牙刷想从T6升级成T9": from the one to the other
    r"|从(?P<from_zh>[^，。,.!?！？\s]{1,10}?)(?:升级|换|改)(?:成|为|到)"
    r"(?P<to_zh>" + SAYING + r")",
    re.IGNORECASE)


def asks_replacement(text: str) -> bool:
    """"Swap the socks for the gloves", "把袜子换成手套": one thing for another."""
    return _REPLACED.search(text) is not None


def replaced(text: str, lines: Sequence[ItemSnapshot],
              catalogue: Catalogue) -> list[NewLine] | None:
    """One line named on the one side, one product outside its family (a sibling is a
    swap of variant) on the other: the order with that product in the line's place."""
    sides = _sides(text)
    if sides is None:
        return None
    old_words, new_words = sides
    if ADDS(new_words) or REMOVES(new_words):
        return None  # "swap the cap for navy and add a pin": several changes, a person's
    at = line_named(lines, catalogue.find(old_words))
    if at is None and len(lines) == 1 and (_INTO.search(text) or _IT.match(old_words)):
        # "车把包装不上我的车，能帮我换成车架包吗？", "could you swap it for the 4L cooker?":
        # the order's one line
        at = 0
    wanted = catalogue.find(new_words)
    if at is None or wanted is None or not wanted.products:
        return None
    # the grey gloves in M: the one product that carries every variant word named
    named = named_values(new_words, catalogue, wanted)
    meant = frozenset(p for p in wanted.products
                      if named and named <= catalogue.values.get(p, frozenset()))
    meant = meant or frozenset(wanted.candidates())
    old_pid = lines[at].product_id or ""
    # (a sibling named by its variant words is a swap of variant, for _swap; one named by
    # its own name, "从T6升级成T9", is the other product)
    if len(meant) != 1 or (named and meant & catalogue.families.get(old_pid, frozenset({old_pid}))):
        return None
    new_pid = next(iter(meant))
    if any(line.product_id == new_pid for line in lines):
        return None  # more of what it holds already: a person's to merge
    qty = find_quantity(new_words, catalogue) or leading_count(new_words) or (
        1 if lines[at].qty == 1 else None)
    if qty is None:
        return None  # "swap the three mugs for a kettle": how many, a person asks
    contents = as_new_lines([*lines[:at], *lines[at + 1:]])
    contents.insert(at, NewLine(product_id=new_pid, qty=qty))
    return contents


# the line said as "it": "could you swap it for …"
_IT = re.compile(r"^\s*(?:it|that|this|that\s+one|this\s+one)\s*$", re.IGNORECASE)
# "…能帮我换成车架包吗": what it becomes, the thing it replaces said apart (or not at all)
_INTO = re.compile(r"(?:换成|替换成|换为)(?P<new>" + SAYING + ")")


_ZH_CLAUSE_GAP = re.compile(r"(?<=\S)\s+(?=[\u4e00-\u9fff])")


def _sides(text: str) -> tuple[str, str] | None:
    """The words of what goes and of what comes instead, where the message swaps."""
    match = _REPLACED.search(text)
    if match is not None:
        old_words = (match.group("old") or match.group("old_p") or match.group("old_to")
                     or match.group("old_zh")
                     or match.group("bare_old_zh") or match.group("dropped_zh")
                     or match.group("from_zh") or "")
        new_words = CLAUSES.split(
            match.group("new") or match.group("new_p") or match.group("new_to")
            or match.group("new_zh")
            or match.group("bare_new_zh") or match.group("dropped_new_zh")
            or match.group("to_zh") or "")[0]
        # a Chinese clause ends at a space too: "换成T9 那盒刷头照旧"
        return old_words, _ZH_CLAUSE_GAP.split(new_words)[0]
    into = _INTO.search(text)
    return (text[:into.start()], into.group("new")) if into else None
