"""The store's catalogue as words shoppers use, read from its own products.

Every product contributes the words of its name in each language (``name``, and any
``name_<lang>`` attribute), its ``aliases`` (an attribute: other names shoppers use,
in any language) and its category-like attributes as *kind* words ("mug", "尾灯"),
and its variant attributes (colour, size, ...) as *variant* words ("blue", "蓝色").
A message names an item when it holds such words; the item is then whatever product
carries them: a kind word names the products of that kind, a variant word narrows
them. Nothing here knows any particular store.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from app.store import model_numbers
from app.store.catalogue_words import (
    EN_WORD,
    STOPWORDS,
    fold,
    kind_of,
    pairs,
    phrases,
    singular,
    without_variant_parts,
    words_of,
)
from app.store.product_attributes import CJK, ProductWords

__all__ = ["STOPWORDS", "Catalogue", "ItemMention", "fold", "kind_of", "singular", "words_of"]

# a word in more than this share of products tells none of them apart ("set", "pro")
MAX_SHARE = 0.35
MIN_PRODUCTS_FOR_SHARE = 8
_SIZE_MA = re.compile(r"(?<![a-z0-9])([a-z0-9]{1,4})\s?码|(?<![a-z0-9])(x{0,3}[sml])\s?号")


@dataclass(frozen=True)
class ItemMention:
    surface: tuple[str, ...]  # the words as found
    products: frozenset[str]  # products the kind words name (empty: only variants named)
    variant_products: frozenset[str]  # products the variant words name
    # one set of products per thing named: "pedals and saddle" names two
    things: tuple[frozenset[str], ...] = ()
    variants: tuple[str, ...] = ()  # the words of ``surface`` that name a variant ("白色")
    # the things of ``things`` named by a word alone that no product is, beside another
    # thing: "cat" (of "Cat Litter", "Cat Teaser") in "the smart feeder - the cat's moving in"
    loose: tuple[frozenset[str], ...] = ()

    def candidates(self) -> frozenset[str]:
        """The products meant: kind narrowed by variant when both fit some product;
        "the blue mug" still finds the shopper's one black mug."""
        if self.products and self.variant_products:
            both = self.products & self.variant_products
            return both or self.products
        return self.products or self.variant_products


@dataclass
class Catalogue:
    """Word -> products, for the kind words and the variant words of a store."""

    kinds: dict[str, frozenset[str]] = field(default_factory=dict)
    variants: dict[str, frozenset[str]] = field(default_factory=dict)
    names: dict[str, tuple[str, ...]] = field(default_factory=dict)  # product -> names
    # product -> its aliases, folded: "净化器" ends "桌面净化器" (a purifier) but only
    # begins "净化器滤网" (a filter)
    aliases: dict[str, tuple[str, ...]] = field(default_factory=dict)
    # product -> its variant words, folded ("black", "黑色", "m")
    values: dict[str, frozenset[str]] = field(default_factory=dict)
    # product -> the products that differ from it only in variant words ("Aero Road Helmet
    # – Black, M" and "– White, M"), itself included
    families: dict[str, frozenset[str]] = field(default_factory=dict)

    @classmethod
    def build(cls, products: Iterable[ProductWords]) -> Catalogue:
        kinds: dict[str, set[str]] = {}
        variants: dict[str, set[str]] = {}
        names: dict[str, tuple[str, ...]] = {}
        values: dict[str, frozenset[str]] = {}
        bare: dict[tuple[str, ...], set[str]] = {}
        plist = list(products)
        for p in plist:
            names[p.id] = p.names
            variant_words = {w for v in p.variants for w in (*words_of(v), fold(v))}
            values[p.id] = frozenset(variant_words)
            base = tuple(w for w in words_of(without_variant_parts(p.names[0], variant_words))
                         if w not in variant_words)
            bare.setdefault(base or (p.id,), set()).add(p.id)
            for v in variant_words:
                variants.setdefault(v, set()).add(p.id)
            for text in (*p.names, *p.kinds):
                for w in phrases(text):
                    if w not in variant_words:
                        kinds.setdefault(w, set()).add(p.id)
            for alias in p.kinds:  # an alias counts whole, however common its words
                kinds.setdefault(fold(alias).strip(), set()).add(p.id)
        for w, ids in list(kinds.items()):
            # "scarves" reads as "scarve": the kind "scarf" (or "knife") answers to it too
            if EN_WORD.fullmatch(w) and w.endswith(("f", "fe")):
                kinds.setdefault(w[:-1 if w.endswith("f") else -2] + "ve", set()).update(ids)
        limit = max(MIN_PRODUCTS_FOR_SHARE, int(MAX_SHARE * len(plist)))
        aliases = {p.id: tuple(fold(a).strip() for a in p.kinds) for p in plist}
        every_alias = {a for folded in aliases.values() for a in folded}
        return cls({w: frozenset(ids) for w, ids in kinds.items()
                    if len(ids) <= limit or w in every_alias},
                   {w: frozenset(ids) for w, ids in variants.items()}, names, aliases,
                   values, {pid: frozenset(ids) for ids in bare.values() for pid in ids})

    def __bool__(self) -> bool:
        return bool(self.kinds or self.variants)

    def find(self, text: str) -> ItemMention | None:
        """The item words of ``text`` and the products they name, if any."""
        body = fold(text)
        words = set(words_of(body)) | set(pairs(body))
        words |= {w for w in self._cjk_words() if w in body}
        words |= {w for w in model_numbers.in_message(body) if w in self.kinds}
        # "L码", "42码", "L号": a size written the Chinese way ("l" alone is a unit, no word)
        words |= {m for pair in _SIZE_MA.findall(body) for m in pair if m in self.variants}
        kind_hits = _whole_words(body, sorted(w for w in words if w in self.kinds))
        variant_hits = sorted(w for w in words if w in self.variants)
        if not kind_hits and not variant_hits:
            return None
        groups = _groups(kind_hits, self.kinds)
        things = tuple(self._heads(group) for group in groups)
        loose = tuple(thing for group, thing in zip(groups, things, strict=True)
                      if self._only_a_modifier(group)) if len(groups) > 1 else ()
        products = frozenset().union(*things)
        variant = frozenset().union(*(self.variants[w] for w in variant_hits)) \
            if variant_hits else frozenset()
        return ItemMention(tuple(kind_hits + variant_hits), products, variant, things,
                           tuple(variant_hits), loose)

    def _only_a_modifier(self, group: list[str]) -> bool:
        """One word that heads none of the products it names: no alias ends with it, and
        no name says it is one."""
        if len(group) != 1:
            return False
        word = group[0]
        return not any(any(a.endswith(word) for a in self.aliases.get(pid, ()))
                       or word in self._name_kinds(pid) for pid in self.kinds[word])

    def _name_kinds(self, pid: str) -> set[str]:
        """What the product is by its names in Latin script ("Robot Vacuum & Mop": a
        vacuum and a mop)."""
        return {k for n in self.names.get(pid, ()) if not CJK.search(n) for k in _kinds_of(n)}

    def _heads(self, group: list[str]) -> frozenset[str]:
        """The products a group of item words names. One word alone names what it is the
        head of: "净化器" the purifiers (and the "桌面净化器"), not the filters called
        "净化器滤网"; "the bike" the bikes, not the bike lock."""
        named = _narrowest(group, self.kinds)
        if len(group) > 1:
            # "the IH rice cooker 4L": the cooker, not the "IH Rice Cooker 4L Inner Pot"
            # its name holds too (what a product is comes last in its name), where that
            # leaves the one product
            headed = frozenset(pid for pid in named if self._name_kinds(pid) & set(group))
            return headed if len(headed) == 1 else named
        heads = frozenset(pid for pid in named
                          if any(a.endswith(group[0]) for a in self.aliases.get(pid, ())))
        return heads or named

    def find_after(self, text: str, before: str | None) -> ItemMention | None:
        """Like :meth:`find`; a message naming only a variant ("那黑色的呢", "and in
        black?") takes the kind of item from the message before ("白色头盔能退吗")."""
        mention = self.find(text)
        if mention is None or before is None:
            return mention
        if not all(w in self.variants for w in mention.surface):
            return mention  # a kind is named ("the black t-shirt")
        earlier = self.find(before)
        if earlier is None or not earlier.products:
            return mention
        # the kind alone: "头盔" of "白色头盔", every helmet, not the white one
        variants = [w for w in earlier.surface if w in self.variants]
        # "白色头盔" without its "白色": the kind "头盔"
        bare = [_without_any(w, variants) for w in earlier.surface if w in self.kinds]
        kinds = [w for w in bare if w in self.kinds]
        products = frozenset().union(*(self.kinds[w] for w in kinds))
        if not products:
            return mention
        return ItemMention(mention.surface, products, mention.variant_products, (products,),
                           mention.variants)

    def name_for(self, pid: str, language: str) -> str | None:
        """The product's name in the shopper's script, else the store's own."""
        names = self.names.get(pid)
        if not names:
            return None
        chinese = language == "zh"
        return next((n for n in names if bool(CJK.search(n)) == chinese), names[0])

    def names_item(self, text: str) -> bool:
        mention = self.find(text)
        return mention is not None and bool(mention.products)

    def _cjk_words(self) -> list[str]:
        cached: list[str] | None = self.__dict__.get("_cjk")
        if cached is None:
            cached = [w for w in (*self.kinds, *self.variants) if CJK.search(w) and len(w) >= 2]
            self.__dict__["_cjk"] = cached
        return cached


def _kinds_of(name: str) -> set[str]:
    """What a product is, by its name: "Robot Vacuum & Mop" is a vacuum and a mop."""
    return {kind_of(part.replace("-", " ")) for part in re.split(r"\s+(?:&|and|\+)\s+", name)}


def _without_any(word: str, parts: list[str]) -> str:
    for part in parts:
        word = word.replace(part, "")
    return word.strip()


def _whole_words(body: str, hits: list[str]) -> list[str]:
    """Hits without the Chinese ones found only inside a longer hit: "加湿" of "加湿器" is
    no mention of its own (but "码表" beside "码表座" elsewhere in the message is)."""
    longer = [(w, [m.start() for m in re.finditer(re.escape(w), body)]) for w in hits
              if CJK.search(w)]

    def inside(word: str, at: int) -> bool:
        return any(len(w) > len(word) and word in w and any(
            s <= at and at + len(word) <= s + len(w) for s in starts) for w, starts in longer)

    kept = []
    for word in hits:
        starts = [m.start() for m in re.finditer(re.escape(word), body)]
        if CJK.search(word) and starts and all(inside(word, at) for at in starts):
            continue
        kept.append(word)
    return kept


def _groups(hits: Sequence[str], table: Mapping[str, frozenset[str]]) -> list[list[str]]:
    """Item words grouped by the item they name: "red", "tail light" and "light" name one
    thing; "pedals" and "saddle" two. Rarest words first, each joins the first group
    whose products it shares."""
    groups: list[tuple[set[str], list[str]]] = []
    for word in sorted(hits, key=lambda w: (len(table[w]), w)):
        for products, members in groups:
            if table[word] & products:
                members.append(word)
                break
        else:
            groups.append((set(table[word]), [word]))
    return [members for _, members in groups]


def _narrowest(group: list[str], table: Mapping[str, frozenset[str]]) -> frozenset[str]:
    """The products every word of the group names (or the rarest word's, if none)."""
    both = frozenset.intersection(*(table[w] for w in group))
    return both or table[group[0]]
