"""What understanding needs to know about the store as a whole: its catalogue as words,
the shapes of its order and refund ids, and its own names."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from app.store.catalogue import Catalogue
from app.store.id_shapes import IdShapes
from app.store.shop_names import name_variants


@dataclass(frozen=True)
class StoreFacts:
    """What understanding needs to know about the store as a whole."""

    catalogue: Catalogue
    order_ids: IdShapes
    generation: int = 0
    # the shapes of its refund ids: one written that we cannot find is still a refund's
    refund_ids: IdShapes = field(default_factory=IdShapes)
    # the shop's own names (the policy's store_name), which name no product
    shop_names: tuple[str, ...] = ()

    def without_shop_name(self, text: str) -> str:
        """``text`` with the shop's name blanked, positions kept: "轮语骑行的扣款" names
        no cycling product, nor "paid to Spokeline Cycling" one."""
        for name in name_variants(self.shop_names):
            text = re.sub(re.escape(name), lambda m: " " * len(m.group(0)), text,
                          flags=re.IGNORECASE)
        return text


EMPTY_FACTS = StoreFacts(Catalogue(), IdShapes())
