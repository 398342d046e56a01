"""The complete new contents of an order that a change of its items asks for, when the
message settles them: another colour or size of an item ("头盔颜色换成黑色的", "can you
swap it for an L?"), an item added ("pop a mini pump in with it"), an item taken out, or
a new quantity ("make it two kettles"). Anything less certain is None, and a person
settles the change with the shopper.

Variants and families come from the store's catalogue (app/store/catalogue.py): a
product's variant words, and the products that differ from it only in them."""

from __future__ import annotations

import re
from collections.abc import Sequence

from app.store.catalogue import Catalogue, ItemMention
from app.store.connector import ItemSnapshot, OrderSnapshot
from app.understanding.cue import Cue
from app.understanding.item_lines import (
    ADDS,
    CLAUSES,
    REMOVES,
    NewLine,
    as_new_lines,
    line_named,
    named_values,
)
from app.understanding.item_replaced import asks_replacement, replaced
from app.understanding.slot_patterns import find_quantity, leading_count
from app.understanding.text import clauses

__all__ = ["NewLine", "adds_to_order", "amendment", "asks_replacement", "new_contents",
           "takes_out_of_order"]


# something put into an order: "pop a mini pump in with it", "add a bell to my order",
# "那单再加一个水壶架", "加个尾灯到订单里"
adds_to_order = Cue(
    r"\b(?:add|pop|throw|chuck|stick|put)\s+(?:\w+\s+){0,7}?(?:in|into|to|onto)\s+"
    r"(?:it|that|this|the\s+order|my\s+order|that\s+order|with\s+it|there"
    # "pop a third bag in the parcel that's already on its way"
    r"|(?:the|my|that)\s+(?:parcel|box|package|delivery|shipment))\b"
    # another of what it holds: "could you stick a second one on it?"
    r"|\b(?:add|stick|put|pop|throw|chuck)\s+(?:a\s+)?(?:second|another|one\s+more|an\s+extra)\s+"
    r"(?:one\s+)?(?:on|in|into|onto|to)\s+(?:it|that|this|the\s+order|my\s+order)\b"
    r"|\bpop\s+(?:\w+\s+){0,5}?in\b|\badd\s+(?:\w+\s+){0,4}?to\s+(?:order|#)"
    # the order by its number: "could you add one Beacon 60 rear light to SO-88104"
    r"|\b(?:add|put|pop|stick|throw|chuck|drop|slip|toss)\s+(?:[\w()-]+\s+){0,9}?(?:to|onto|into|in)\s+"
    r"(?:order\s+)?(?:#?[a-z][\w/-]*\d|#?\d{4,})"
    # ... or by what it holds: "add a bag of the chicken treats to the lamb dog food order"
    # (not one to come: "I'll add one to my next order")
    r"|\badd\s+(?:[\w-]+\s+){0,8}?to\s+(?:the|my|that)\s+(?!next\b|future\b|upcoming\b|new\b)"
    r"(?:[\w-]+\s+){0,4}?order\b"
    r"|加(?:一个|个|一件|一份|上)?[\u4e00-\u9fff]{0,8}?(?:到|进)(?:订单|这单|那单|单子|里)"
    # "能不能往里面再加两双袜子"
    r"|往(?:里面?|单子里|订单里|那单里?|这单里?)(?:再|也)?加"
    r"|(?:那单|这单|订单里?|单子里?)(?:能|可以|帮我|能不能|可不可以)?(?:再|也)?(?:给我|帮我)?(?:再|也)?"
    r"加(?:一个|个|一件|上|[两二三四五六七八九十\d]+[袋包件个盒瓶罐支双套])")

# something taken out of an order: "take the scarf out of ZX-100", "remove the pin from my
# order", "订单里的围巾去掉"
takes_out_of_order = Cue(
    r"\btake\s+(?:\w+\s+){0,4}?(?:out\s+of|off)\s+(?:my|the|this|that|order|#|[\w-]*\d)"
    # the order named apart: "SO-88199: can you take out the little seat bag?"
    r"|\btake\s+out\s+(?:the|that|this|one\s+of\s+the)\s+(?!trash|rubbish|bins?\b)"
    # ... or "off" said last, asked of the shop: "on SO-88199 can you take the saddle bag off?"
    r"|\b(?:(?:can|could|would)\s+(?:you|u)|please|pls)\s+(?:please\s+)?take\s+(?:the|that|this"
    r"|those|these|one\s+of\s+the)\s+(?:[\w-]+\s+){0,3}?off\b(?=\s*(?:[?.!,]|$|\s+though))"
    # ... or "out", the rest shipped: "can you take the Trailmate out and ship just the mount?"
    # ("Can you take it out and just send me the mat?")
    r"|\b(?:(?:can|could|would)\s+(?:you|u)|please|pls)\s+(?:please\s+)?take\s+(?:(?:it|them)\s+|(?:the"
    r"|that|this|those|these)\s+(?:[\w-]+\s+){0,3}?)out\b(?=\s+and\s+(?:just\s+|only\s+)?(?:ship|send))"
    r"|\bremove\s+(?:\w+\s+){0,3}?from\s+(?:my|the|this|that|order|#|[\w-]*\d)"
    # the items named before, dropped: "I won't need the 2 tubes in it any more. can you drop
    # them?"
    r"|\b(?:(?:can|could|would)\s+(?:you|u)|please|pls)\s+(?:please\s+)?(?:drop|remove)\s+(?:them"
    r"|those|these)\s*(?:[?.!,]|$)"
    r"|从(?:订单|这单|那单)里?(?:去掉|删掉|拿掉)|(?:订单|那单|这单)里?的?[^，。,.!?！？]{0,8}(?:去掉|删掉|拿掉)"
    # "(那单还没付款) 里面那盒喷嘴帮我删掉吧"
    r"|里面(?:的|那)?[^，。,.!?！？\s]{0,8}?(?:帮我)?(?:去掉|删掉|拿掉)")


# the change put otherwise while it waits for the yes: "头灯先不要了 改成再加一副登山杖吧",
# "nah not the bell - add a second bottle cage instead"
_OTHERWISE = Cue(r"\binstead\b|改成|改为|换成")
_INSTEAD_OF = re.compile(r"\binstead\s+of\b.*$", re.IGNORECASE)


def amendment(text: str) -> str | None:
    """The words that put a waiting change otherwise, from the clause holding "instead"
    or "改成" on (what is said before it is what no longer holds), None without one."""
    parts = clauses(text)
    at = next((i for i, part in enumerate(parts) if _OTHERWISE(part)), None)
    if at is None:
        return None
    # "add a pump instead of the bell": the bell is what no longer holds
    return _INSTEAD_OF.sub(" ", " ".join(parts[at:])).strip() or None


def new_contents(text: str, order: OrderSnapshot, catalogue: Catalogue,
                 mention: ItemMention | None, quantity: int | None) -> list[NewLine] | None:
    """The order's whole new contents, or None when the message does not settle one
    change (or asks for several at once)."""
    lines = [line for line in order.items if line.product_id]
    if not lines or len(lines) != len(order.items):
        return None
    swapped = replaced(text, lines, catalogue)
    if swapped is not None:
        return swapped
    each = _each_requantified(text, lines, catalogue)
    if each is not None:
        return each
    changes = [c for c in (_swap(text, lines, catalogue, mention),
                           _removed(text, lines, catalogue, mention),
                           _added(text, lines, mention, quantity, catalogue),
                           _requantified(text, lines, mention, quantity)) if c is not None]
    return changes[0] if len(changes) == 1 else None


def _swap(text: str, lines: Sequence[ItemSnapshot], catalogue: Catalogue,
          mention: ItemMention | None) -> list[NewLine] | None:
    """Another variant of one line: the sibling holding every variant word named that the
    line's product lacks, and keeping the most of the rest ("换成黑色的" keeps the size)."""
    named = named_values(text, catalogue, mention)
    kinds = mention.products if mention else frozenset()
    swaps: list[tuple[int, str]] = []
    for at, line in enumerate(lines):
        pid = line.product_id or ""
        family = catalogue.families.get(pid, frozenset())
        if len(family) < 2 or (kinds and not kinds & family):
            continue
        own = catalogue.values.get(pid, frozenset())
        new = named - own
        fits = [s for s in family - {pid} if new and new <= catalogue.values.get(s, frozenset())]
        if not fits:
            continue
        kept = {s: len(own & catalogue.values.get(s, frozenset())) for s in fits}
        best = max(kept.values())
        winners = [s for s in fits if kept[s] == best]
        if len(winners) == 1:
            swaps.append((at, winners[0]))
    if len(swaps) != 1:
        return None
    at, to = swaps[0]
    contents = as_new_lines([*lines[:at], *lines[at + 1:]])
    if any(c.product_id == to for c in contents):
        return None  # the other variant is in the order already: merge or not, a person's
    contents.insert(at, NewLine(product_id=to, qty=lines[at].qty))
    return contents


def _removed(text: str, lines: Sequence[ItemSnapshot], catalogue: Catalogue,
             mention: ItemMention | None) -> list[NewLine] | None:
    """The line named in the clause that takes it out ("can you take the frame bag off my
    order? I just want the saddle bag now": the frame bag)."""
    if len(lines) < 2 or not REMOVES(text):
        return None
    at = line_named(lines, mention)
    clause = next((c for c in CLAUSES.split(text) if REMOVES(c)), "")
    if at is None:
        at = line_named(lines, catalogue.find(clause))
    if at is None and (said := REMOVES.pattern.search(clause)) is not None:
        # what follows the words that drop it: "... running the Ridgelines tubeless, so I
        # won't need the 2 tubes in it any more" (the tyres kept, named before)
        at = line_named(lines, catalogue.find(clause[said.start():]))
    if at is None:
        return None
    return as_new_lines([*lines[:at], *lines[at + 1:]])


# from the verb that adds to the end of its clause: "put the Track Floor Pump in SO-1 as well"
_ADDED_HERE = re.compile(rf"(?:{ADDS.pattern.pattern})[^,，。.!?！？;；]*", re.IGNORECASE)


def _added(text: str, lines: Sequence[ItemSnapshot], mention: ItemMention | None,
           quantity: int | None, catalogue: Catalogue) -> list[NewLine] | None:
    """One product of the catalogue not in the order yet, the one thing named besides
    the order's own ("could you pop a mini pump in with the balance bike?"); or more of
    the one item named that it holds ("can I add a second kettle?"). Where the message
    names other things too, the words from the adding verb to the clause's end say which
    ("7 bar on a mini pump sounds like torture, then put the Track Floor Pump in too")."""
    if mention is None or not ADDS(text):
        return None
    said = _ADDED_HERE.search(text)
    several = _several_added(said.group(), lines, catalogue) if said is not None else None
    if several is not None:
        return several
    if said is not None and said.group() != text:
        narrowed = catalogue.find(said.group())
        if narrowed is not None and narrowed.things and narrowed.things != mention.things:
            found = _added(said.group(), lines, narrowed,
                           find_quantity(said.group(), catalogue), catalogue)
            if found is not None:
                return found
    outside = [t for t in mention.things if not any(line.product_id in t for line in lines)]
    at = line_named(lines, mention)
    if not outside and at is not None:
        contents = as_new_lines(lines)
        more = next(c for c in contents if c.product_id == lines[at].product_id)
        more.qty += quantity or 1
        return contents
    if len(outside) != 1:
        return None
    meant = (outside[0] & mention.variant_products) or outside[0]
    if len(meant) != 1:
        return None
    (pid,) = meant
    if not _has_every_variant(pid, mention, catalogue):
        return None  # "one red cage and one clear bottle": something else named, not read
    return [*as_new_lines(lines), NewLine(product_id=pid, qty=quantity or 1)]


# the things added, joined: "one red cage and one clear bottle", "一个红色水壶架和一个透明水壶"
_JOINED = re.compile(r"\s+(?:and|plus|&)\s+|(?<=[\u4e00-\u9fff])(?:和|跟|还有|、)", re.IGNORECASE)


def _several_added(clause: str, lines: Sequence[ItemSnapshot],
                   catalogue: Catalogue) -> list[NewLine] | None:
    """Two things or more added in one clause, each named so that one product fits it
    (its kind and its variant words) and none in the order yet; else None."""
    verb = ADDS.pattern.search(clause)
    parts = _JOINED.split(clause[verb.end():] if verb else clause)
    if len(parts) < 2:
        return None
    added: list[NewLine] = []
    for part in parts:
        found = catalogue.find(part)
        fits = found.candidates() if found is not None else frozenset()
        if found is None or len(fits) != 1 or len(found.things) > 1:
            return None
        (pid,) = fits
        if any(line.product_id == pid for line in lines) or not _has_every_variant(
                pid, found, catalogue):
            return None
        added.append(NewLine(product_id=pid, qty=leading_count(part.strip()) or 1))
    if len({line.product_id for line in added}) != len(added):
        return None
    return [*as_new_lines(lines), *added]


def _has_every_variant(pid: str, mention: ItemMention, catalogue: Catalogue) -> bool:
    """Every variant word the mention says ("red", "clear") is one of the product's own."""
    return all(pid in catalogue.variants.get(word, frozenset()) for word in mention.variants)


def _requantified(text: str, lines: Sequence[ItemSnapshot], mention: ItemMention | None,
                  quantity: int | None) -> list[NewLine] | None:
    at = line_named(lines, mention)
    held = {line.product_id for line in lines}
    if at is None and len(lines) == 1 and not (mention and mention.products - held):
        at = 0  # the one line, unless the message names something else ("一副手套")
    if at is None or quantity is None or quantity == lines[at].qty or ADDS(text):
        return None
    contents = as_new_lines([line for i, line in enumerate(lines) if i != at])
    contents.insert(at, NewLine(product_id=lines[at].product_id or "", qty=quantity))
    return contents


# a new count for each of several items at once: "could you make it 2 balance bikes and 2
# kids helmets?", "改成两辆平衡车和两个头盔"
_MAKES_IT = Cue(r"\bmake\s+(?:it|that|them|the\s+order)\b|\bchange\s+(?:it|that)\s+to\b"
                r"|改成|改为|变成")
_EACH = re.compile(r"\s+and\s+|\s*[,，、和]\s*|\s+plus\s+", re.IGNORECASE)


def _each_requantified(text: str, lines: Sequence[ItemSnapshot],
                       catalogue: Catalogue) -> list[NewLine] | None:
    """Every part of the list naming one line of the order and its new count; None
    unless two lines or more are counted anew and nothing else is named."""
    said = _MAKES_IT.pattern.search(text)
    if said is None or len(lines) < 2:
        return None
    counts: dict[int, int] = {}
    for part in _EACH.split(text[said.end():].split("?")[0].split("？")[0]):
        qty = find_quantity(part, catalogue) or leading_count(part.strip())
        at = line_named(lines, catalogue.find(part))
        if qty is None or at is None or at in counts:
            return None
        counts[at] = qty
    if len(counts) < 2:
        return None
    return [NewLine(product_id=line.product_id or "", qty=counts.get(at, line.qty))
            for at, line in enumerate(lines)]
