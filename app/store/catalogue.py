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
import unicodedata
from collections.abc import Iterable, Mapping, Sequence, Set
from dataclasses import dataclass, field
from itertools import pairwise

import jieba

from app.store import model_numbers
from app.store.product_attributes import CJK, ProductWords
from app.understanding.text import simplified

# a word in more than this share of products tells none of them apart ("set", "pro")
MAX_SHARE = 0.35
MIN_PRODUCTS_FOR_SHARE = 8
_EN_WORD = re.compile(r"[a-z][a-z'-]*[a-z]|[a-z]")
_SIZE_MA = re.compile(r"(?<![a-z0-9])([a-z0-9]{1,4})\s?码|(?<![a-z0-9])(x{0,3}[sml])\s?号")
# function words and units of either language: never an item, whatever the store sells
# ("back" of a "back light" alias is the "back" of every "send it back")
STOPWORDS = frozenset("""a an and the of for with in on to by or my your our this that
these those it its is are be was x ml l g kg cm mm m oz lb pcs pc pack set new one two
pro plus mini max size colour color item items product order back pair pairs
""".split()) | frozenset(
    "的 了 和 与 及 款 个 件 只 套 装 新款 新 大 小 号 色".split())


def fold(text: str) -> str:
    return simplified(unicodedata.normalize("NFKC", text)).casefold()


def _singular(word: str) -> str:
    for suffix, repl in (("ies", "y"), ("ches", "ch"), ("shes", "sh"), ("sses", "ss"),
                         ("xes", "x"), ("s", "")):
        if word.endswith(suffix) and len(word) > len(suffix) + 2 and not word.endswith("ss"):
            return word[: -len(suffix)] + repl
    return word


# a hyphen inside an English word ("Freeze-dried Treats"), which shoppers leave out
# ("the freeze dried chicken one"): word pairs read it as a space on both sides, whole
# words keep it (a part alone, "out" of "Pull-out", names nothing)
_INNER_HYPHEN = re.compile(r"(?<=[a-z])-(?=[a-z])")


# a possessive names the thing ("the PawTrack's casing"); "my cat's got asthma" is "has"
_POSSESSIVE = re.compile(
    r"(?<=[a-z])'s\b(?!\s+(?:got|been|gone|not|a|an|the|just|so|very|really|always|never|still"
    r"|too|only|also|going|getting|had|done|in|on|at|ok|okay|fine|all|my|your|his|her|our"
    r"|their|it|this|that|what|how|why|when|where|who|one|no|nothing)\b)")


def _english_words(body: str) -> list[str]:
    body = _POSSESSIVE.sub("", model_numbers.without(body))
    return [_singular(w) for w in _EN_WORD.findall(body)]


def words_of(text: str) -> list[str]:
    """Comparable words: English singularised, Chinese segmented (two characters or more)."""
    body = fold(text)
    out = _english_words(body)
    for piece in re.findall(r"[\u3400-\u9fff]+", body):
        out += [w for w in jieba.lcut(piece) if len(w) >= 2]
        if len(piece) >= 2:
            out.append(piece)
    return [w for w in out if w not in STOPWORDS]


def kind_of(name: str) -> str:
    """The kind an English product name is of: its last word before a variant ("Ridgeback
    2 Tent – Green": tent; "Bike Cleaning Kit": kit, no bike)."""
    base = re.split(r"\s[–—-]\s|[(,]", name, maxsplit=1)[0]
    kinds = [w for w in words_of(base) if w.isascii() and w.isalpha()]
    return kinds[-1] if kinds else ""


def singular(word: str) -> str:
    return word[:-1] if word.endswith("s") and not word.endswith("ss") else word


# where a name sets its variant apart: "Kettle – Sage Green", "Helmet – Black, M", "(蓝色)"
_NAME_PARTS = re.compile(r"\s+[–—-]\s+|[,，(（)）]")


def _without_variant_parts(name: str, variant_words: Set[str]) -> str:
    """The name without its parts that name a variant ("Sage Green" of "… Kettle – Sage
    Green", whose colour is "green"), so that siblings named by a shade share a family."""
    first, *rest = _NAME_PARTS.split(name)
    return " ".join([first, *(part for part in rest
                              if not set(words_of(part)) & variant_words)])


def _pairs(text: str) -> list[str]:
    """Consecutive English word pairs ("cutting board", "hydration pack"); a pair may hold
    one common word, never two."""
    english = _english_words(_INNER_HYPHEN.sub(" ", fold(text)))
    return [f"{a} {b}" for a, b in pairwise(english)
            if not (a in STOPWORDS and b in STOPWORDS)]


def _phrases(text: str) -> list[str]:
    """A name's words, its word pairs and its model numbers."""
    return words_of(text) + _pairs(text) + model_numbers.in_name(fold(text), STOPWORDS)


@dataclass(frozen=True)
class ItemMention:
    surface: tuple[str, ...]  # the words as found
    products: frozenset[str]  # products the kind words name (empty: only variants named)
    variant_products: frozenset[str]  # products the variant words name
    # one set of products per thing named: "pedals and saddle" names two
    things: tuple[frozenset[str], ...] = ()
    variants: tuple[str, ...] = ()  # the words of ``surface`` that name a variant ("白色")

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
            base = tuple(w for w in words_of(_without_variant_parts(p.names[0], variant_words))
                         if w not in variant_words)
            bare.setdefault(base or (p.id,), set()).add(p.id)
            for v in variant_words:
                variants.setdefault(v, set()).add(p.id)
            for text in (*p.names, *p.kinds):
                for w in _phrases(text):
                    if w not in variant_words:
                        kinds.setdefault(w, set()).add(p.id)
            for alias in p.kinds:  # an alias counts whole, however common its words
                kinds.setdefault(fold(alias).strip(), set()).add(p.id)
        for w, ids in list(kinds.items()):
            # "scarves" reads as "scarve": the kind "scarf" (or "knife") answers to it too
            if _EN_WORD.fullmatch(w) and w.endswith(("f", "fe")):
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
        words = set(words_of(body)) | set(_pairs(body))
        words |= {w for w in self._cjk_words() if w in body}
        words |= {w for w in model_numbers.in_message(body) if w in self.kinds}
        # "L码", "42码", "L号": a size written the Chinese way ("l" alone is a unit, no word)
        words |= {m for pair in _SIZE_MA.findall(body) for m in pair if m in self.variants}
        kind_hits = _whole_words(body, sorted(w for w in words if w in self.kinds))
        variant_hits = sorted(w for w in words if w in self.variants)
        if not kind_hits and not variant_hits:
            return None
        things = tuple(self._heads(group) for group in _groups(kind_hits, self.kinds))
        products = frozenset().union(*things)
        variant = frozenset().union(*(self.variants[w] for w in variant_hits)) \
            if variant_hits else frozenset()
        return ItemMention(tuple(kind_hits + variant_hits), products, variant, things,
                           tuple(variant_hits))

    def _heads(self, group: list[str]) -> frozenset[str]:
        """The products a group of item words names. One word alone names what it is the
        head of: "净化器" the purifiers (and the "桌面净化器"), not the filters called
        "净化器滤网"; "the bike" the bikes, not the bike lock."""
        named = _narrowest(group, self.kinds)
        if len(group) > 1:
            return named
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
