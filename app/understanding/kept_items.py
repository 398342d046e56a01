"""What the shopper keeps, said beside what they ask about: "just the light, I'm keeping
the bar tape", "净化器我留着 滤网想退", "leave the collar order alone". The item kept is
not the one meant; a thing only likened to ("it's basically a tin can") is no item."""

from __future__ import annotations

import re
from dataclasses import replace

from app.store.catalogue import Catalogue, ItemMention
from app.understanding.order_excluded import NOT_THE_ONE

# "just the light, I'm keeping the bar tape": what follows "keep" is not meant
_KEEP_RE = re.compile(
    # "the descaler is fine and I'd like to keep it": the clause that names what "it" is
    # (not "how long will a charge keep it going": keeping it in a state)
    r"[^.;!?。；！？,]*\bkeep(?:ing)?\s+(?:it|them|that|this|those|these)\b(?!\s+(?:going|running"
    r"|charged|on|up|working|alive|clean|dry|warm|cool|cold|safe|fresh|together))"
    # "(the bar tape is fine, I'm keeping that)": the item said fine, then kept
    r"|[^.;!?。；！？,(]*\b(?:is|are)\s+(?:fine|ok(?:ay)?|good|perfect|great)\s*(?:,|and)\s*"
    r"(?:i'?m\s+|i\s+am\s+|i'?ll\s+|i\s+will\s+)?keep(?:ing)?\s+(?:it|them|that|this|those|these)\b"
    # "keep the air fryer, I only want to return the kettle": up to a clause of its own
    r"|\b(?:i'?(?:m|ll|d)?\s+)?keep(?:ing)?\b(?:[^.;!?。；！？,]|,(?!\s*(?:i|but|and\s+i|just|only"
    r"|return|send)\b))*"
    # a Chinese clause ends at a space too ("净化器我留着 滤网想退")
    r"|保留[^，,。；！？\s]*|留着[^，,。；！？\s]*|(?<!想)不退[^，,。；！？\s]*"
    r"|[\u4e00-\u9fff]{1,8}?我?先?留着"
    # "项圈我要的", "水壶我还要": the item before "I still want it"
    r"|[\u4e00-\u9fff]{1,6}?我?还?要的(?!是)|[\u4e00-\u9fff]{1,6}?我还要"
    # "项圈那单别动", "leave the collar order alone", "don't touch the bed one": left as it is
    r"|[\u4e00-\u9fff]{1,8}?(?:先?别动|不要动|不用动|别碰)"
    r"|\bleave\s+[^.;!?。；！？,]{1,40}?\s+alone\b|\bdon'?t\s+touch\s+[^.;!?。；！？,]{1,40}"
    # "不是头盔那个", "not the helmet one": the order meant does not hold it
    r"|" + NOT_THE_ONE +
    # "… and leave the tyres on it": what stays in the order
    r"|\bleave\s+[^.;!?。；！？,]{1,40}?\s+(?:on|in)\s+(?:it|there|the\s+order)\b",
    re.IGNORECASE)


# a thing likened to, no item meant: "it's basically a tin can in there", "像个蒸笼一样"
_LIKENED_RE = re.compile(
    r"\b(?:basically|practically|literally|essentially|(?:feels?|looks?|sounds?|is|it'?s|more"
    r"|kind\s+of|sort\s+of|just)\s+like)\s+(?:a|an)\s+[a-z-]+(?:\s+[a-z-]+)?"
    r"|(?:跟|像)(?:个|一个|是)?[\u4e00-\u9fff]{1,5}?(?:似的|一样)", re.IGNORECASE)


def without_kept(text: str) -> str:
    return _KEEP_RE.sub(" ", _LIKENED_RE.sub(" ", text))


def kept_clause(text: str) -> re.Match[str] | None:
    return _KEEP_RE.search(text)


def less_the_kept(found: ItemMention | None, text: str,
                   catalogue: Catalogue) -> ItemMention | None:
    """"两袋狗粮加一把脱毛梳那单 … 这两袋能退吗 梳子我留着": the comb named to say which
    order is kept all the same; what is meant is the rest, when there is a rest."""
    said = " ".join(m.group() for m in _KEEP_RE.finditer(text))
    kept = catalogue.find(said) if found is not None and said.strip() else None
    if found is None or kept is None or not kept.products:
        return found
    things = tuple(t for t in found.things if not t <= kept.products)
    rest = found.products - kept.products
    if not rest or not things:
        return found
    return replace(found, products=rest, things=things)
