"""The lines of an order as a change of its items sees them: the new contents it is
written as (one line per product), the line a message names, the variant words it says,
and the words that add to an order or take out of it. Shared by the readings of
:mod:`app.understanding.item_changes` and :mod:`app.understanding.item_replaced`."""

from __future__ import annotations

import re
from collections.abc import Sequence

from pydantic import BaseModel

from app.store.catalogue import Catalogue, ItemMention, fold
from app.store.connector import ItemSnapshot
from app.understanding.cue import Cue


class NewLine(BaseModel):
    product_id: str
    qty: int = 1


# a size written alone in capitals ("an L", "尺码还是M"); lower case is too often a word
_SIZE = re.compile(r"(?<![A-Za-z0-9-])([A-Z]{1,3})(?![A-Za-z0-9'’-])")
# (a decimal point is no stop: "换成1.7L不锈钢那款")
CLAUSES = re.compile(r"(?:(?<!\d)\.|\.(?!\d)|[?!;。？！；])+")
SAYING = r"(?:[^，。,.!?！？]|(?<=\d)\.(?=\d))+"
ADDS = Cue(r"\b(?:add|adding|pop|throw|chuck|stick|put|include)\b|\bone more\b"
           r"|加一|加个|加上|加购|再加|添加|加到|多加|也加|再来|顺便带|顺便买")
REMOVES = Cue(r"\b(?:remove|delete|drop)\b|\btake\s+(?:\w+\s+){0,4}(?:out|off)\b"
              r"|\b(?:don'?t|won'?t)\s+(?:want|need)\s+the\b|\bwithout\s+the\b"
              r"|去掉|删掉|删除|拿掉|减掉|不要了|不要那|不要这")


def as_new_lines(lines: Sequence[ItemSnapshot]) -> list[NewLine]:
    """The order's lines as the new contents are written: one line per product."""
    qty: dict[str, int] = {}
    for line in lines:
        assert line.product_id is not None
        qty[line.product_id] = qty.get(line.product_id, 0) + line.qty
    return [NewLine(product_id=pid, qty=n) for pid, n in qty.items()]


def named_values(text: str, catalogue: Catalogue, mention: ItemMention | None) -> set[str]:
    """The variant words the message says: those of the mention, and a size in capitals."""
    named = set(mention.variants) if mention else set()
    return named | {fold(m) for m in _SIZE.findall(text) if fold(m) in catalogue.variants}


def line_named(lines: Sequence[ItemSnapshot], mention: ItemMention | None) -> int | None:
    """The one line the message names (by kind, narrowed by variant; or by its variant
    alone: "米色的窝不要了" of an order with one beige thing), if one."""
    meant = mention.candidates() if mention is not None else frozenset()
    if not meant:
        return None
    hits = [at for at, line in enumerate(lines) if line.product_id in meant]
    return hits[0] if len({lines[at].product_id for at in hits}) == 1 else None
