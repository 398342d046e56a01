"""The detail a shopper asks that the general answer leaves out: "小程序能用云闪付吗" to
the list of payment methods that names no 云闪付, "有积分送吗" to how reviews are written.
The store's own articles say more than the template: their best passage is added after
it, for the shopper to read the detail and the agent to see where it came from."""

from __future__ import annotations

from functools import lru_cache

from app.assist import drafting
from app.assist.turn import Turn
from app.knowledge import search_knowledge
from app.understanding.cue import Cue
from retrieval.lexical import tokenize

# the words of the question that tell nothing apart on their own: a single letter or digit,
# and the words any question is asked with (how long, when, can I, 以后, 大概), whatever
# the store sells
MIN_TOKEN_CHARS = 2
_ASKING_WORDS = """long soon quick quickly much many take takes taking get gets got make know
need want like still also just time times day days week weeks hour hours now today
tomorrow later way thing things really actually able possible help tell say ok okay use
used using happen happens go going come coming send sent see look let sure usual usually
normally roughly around about exactly first next last back again ever yet already
以后 想用 大概 一般 多久 时候 什么 怎么 能不能 可不可以 现在 已经 还是 就是 一下 请问 知道 需要
问下 问问 我们 你们 有没有 是不是 多少 几天 大约 左右 平时 一直 还有 如果 这样 那样 这边 那边
"""


@lru_cache(maxsize=1)
def _asking() -> frozenset[str]:
    return frozenset(tokenize(_ASKING_WORDS))


def _telling(token: str) -> bool:
    return len(token) >= MIN_TOKEN_CHARS and not token.isdigit() and token not in _asking()


# the passages looked at, best first
LOOKED_AT = 3


# whether something is offered, asked: "小程序支持吗", "能用云闪付吗", "有积分送吗", "can I
# split it into 3 payments?", "do you take …?" (the list the template gives may lack it)
ASKS_IF_OFFERED = Cue(
    r"\b(?:can|could|may)\s+(?:i|we|you)\b|\bdo\s+you\s+(?:take|accept|offer|have|support|do"
    r"|give)\b|\b(?:is|are)\s+there\b|支持|能用|可以用|能不能|可不可以|有没有"
    r"|有[^，。？?,.]{0,8}(?:吗|么|送|不)|送[吗么]|能[^，。？?,.]{0,6}(?:吗|么|不)")


def asked_detail(turn: Turn, answer: str) -> drafting.Draft | None:
    """Of the best passages found, the one that holds the most words of the question that
    ``answer`` lacks (the items named aside: "净化器" of "给净化器写个带图评价 有积分送吗"
    asks about reviews, not about the purifier), when the question asks whether something
    is offered: the general answer covers how things are, not each thing a shopper names."""
    if not ASKS_IF_OFFERED(turn.text):
        return None
    items = {t for ref in turn.u.slots.item_refs for t in tokenize(ref)}
    wanted = {t for t in set(tokenize(turn.text)) - set(tokenize(answer)) - items
              if _telling(t)}
    if not wanted:
        return None
    # the passages found for the message, then those of the words alone (the message's
    # search may have gone to the item named)
    found = [*turn.hits, *search_knowledge(turn.rt, query=" ".join(sorted(wanted)),
                                           k=LOOKED_AT, languages=[turn.u.language],
                                           mode="lexical")]
    scored = [(len(wanted & set(tokenize(hit.text))), -at, hit)
              for at, hit in enumerate(found) if hit.layer not in drafting.GUIDANCE_LAYERS]
    best = max(scored, key=lambda s: s[:2], default=None)
    return drafting.kb_drafts([best[2]])[0] if best is not None and best[0] > 0 else None
