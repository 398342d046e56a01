"""Product and colour words, in English and Chinese, and matching them to order items.

A word maps to one or more *concepts* (``mug``, ``bottle`` ...). Item names are read with
the same lexicon, so "陶瓷马克杯 350ml（蓝色）" and "Ceramic Mug 350 ml — Blue" both
become ``{mug}`` / ``{blue}`` and a shopper's "蓝色杯子" or "blue cup" matches either.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from functools import lru_cache

# concept -> words; generic words shared by several concepts are in _SHARED below
_CONCEPTS: Mapping[str, tuple[str, ...]] = {
    "mug": ("mug", "coffee mug", "cup", "teacup", "马克杯", "咖啡杯", "陶瓷杯"),
    "teapot": ("teapot", "tea pot", "茶壶", "带滤网"),  # the infuser is no purifier filter
    "skillet": ("skillet", "pan", "frying pan", "frypan", "煎锅", "平底锅", "铸铁锅", "锅"),
    "cutting_board": ("cutting board", "chopping board", "砧板", "菜板", "案板"),
    "bottle": ("water bottle", "bottle", "flask", "thermos", "tumbler",
               "保温杯", "保温瓶", "水杯", "水壶"),
    "jacket": ("jacket", "down jacket", "coat", "puffer", "parka", "羽绒服", "外套", "棉服"),
    "sweater": ("sweater", "jumper", "pullover", "cardigan", "羊毛衫", "毛衣", "针织衫"),
    "tshirt": ("t-shirt", "tshirt", "t shirt", "tee", "shirt", "t恤", "体恤", "短袖"),
    "shoes": ("shoe", "shoes", "sneaker", "sneakers", "trainers", "running shoes",
              "跑鞋", "跑步鞋", "运动鞋", "鞋子", "鞋"),
    "earbuds": ("earbuds", "earbud", "headphones", "earphones", "headset",
                "耳机", "蓝牙耳机"),
    "power_bank": ("power bank", "powerbank", "portable charger", "battery pack",
                   "充电宝", "移动电源"),
    "charger": ("charger", "adapter", "充电器", "充电头", "适配器"),
    "watch": ("watch", "smartwatch", "smart watch", "手表", "智能手表", "手环"),
    "pillow": ("pillow", "memory foam pillow", "枕头", "记忆棉枕头"),
    "pillowcase": ("pillowcase", "pillow case", "pillowslip", "枕套", "枕巾"),
    "bedding": ("bedding", "bedding set", "bed sheets", "sheets", "duvet cover",
                "床品", "四件套", "床单", "被套"),
    "lamp": ("lamp", "desk lamp", "台灯", "灯"),
    "backpack": ("backpack", "rucksack", "bag", "双肩包", "背包", "书包"),
    "yoga_mat": ("yoga mat", "mat", "瑜伽垫", "垫子"),
    "purifier": ("air purifier", "purifier", "空气净化器", "净化器"),
    # the whole filter name is listed so that its "Air Purifier" prefix is not read as one
    "filter": ("filter", "replacement filter", "air purifier replacement filter",
               "滤网", "滤芯", "空气净化器替换滤网", "替换滤网"),
}

_SHARED: Mapping[str, frozenset[str]] = {
    "杯子": frozenset({"mug", "bottle"}),
    "clothes": frozenset({"jacket", "sweater", "tshirt"}),
    "衣服": frozenset({"jacket", "sweater", "tshirt"}),
}

_COLOURS: Mapping[str, tuple[str, ...]] = {
    "blue": ("blue", "蓝色", "蓝的"),
    "navy": ("navy", "藏青", "深蓝"),
    "black": ("black", "黑色", "黑的"),
    "white": ("white", "白色", "白的"),
    "green": ("green", "绿色", "绿的", "墨绿"),
    "olive": ("olive", "橄榄绿"),
    "sage": ("sage", "灰绿"),
    "yellow": ("yellow", "黄色", "黄的"),
    "pink": ("pink", "blush", "粉色", "粉红", "浅粉", "粉的"),
    "grey": ("grey", "gray", "灰色", "灰的", "银灰"),
    "red": ("red", "红色", "红的"),
    "silver": ("silver", "银色"),
    "clear": ("clear", "transparent", "透明"),
    "purple": ("purple", "紫色"),
    "teal": ("teal", "青色"),
    "coral": ("coral", "珊瑚红"),
    "camel": ("camel", "驼色"),
    "ivory": ("ivory", "象牙白"),
    "champagne": ("champagne", "香槟色"),
    "rose_gold": ("rose gold", "玫瑰金"),
    "wood": ("wood", "木纹"),
}


def _invert(groups: Mapping[str, tuple[str, ...]]) -> dict[str, frozenset[str]]:
    table: dict[str, set[str]] = {}
    for key, words in groups.items():
        for word in words:
            table.setdefault(word, set()).add(key)
    return {word: frozenset(keys) for word, keys in table.items()}


def _alternation(words: Iterable[str]) -> re.Pattern[str]:
    # longest first, so "保温杯" wins over "杯子"-like shorter words at the same position;
    # English words need letter boundaries ("pan" must not match inside "japan")
    parts = []
    for word in sorted(words, key=len, reverse=True):
        body = re.escape(word).replace(r"\ ", r"[\s-]?").replace(r"\-", r"[\s-]?")
        if word.isascii():
            body = rf"(?<![a-z]){body}(?:s|es)?(?![a-z])"
        parts.append(body)
    return re.compile("|".join(parts), re.IGNORECASE)


_WORD_CONCEPTS = {**_invert(_CONCEPTS), **_SHARED}
_COLOUR_KEYS = _invert(_COLOURS)
_ITEM_RE = _alternation(_WORD_CONCEPTS)
_COLOUR_RE = _alternation(_COLOUR_KEYS)


def _lookup(table: Mapping[str, frozenset[str]], surface: str) -> frozenset[str]:
    word = re.sub(r"[\s-]+", " ", surface.lower())
    for candidate in (word, word.replace(" ", "-"), word.replace(" ", ""),
                      word.removesuffix("es"), word.removesuffix("s")):
        if candidate in table:
            return table[candidate]
    return frozenset()


def find_item_words(text: str) -> list[tuple[str, frozenset[str]]]:
    """The product words in ``text``, as written, each with its concepts."""
    found = []
    for match in _ITEM_RE.finditer(text):
        concepts = _lookup(_WORD_CONCEPTS, match.group(0))
        if concepts:
            found.append((match.group(0), concepts))
    return found


def find_colours(text: str) -> frozenset[str]:
    return frozenset(
        key for match in _COLOUR_RE.finditer(text) for key in _lookup(_COLOUR_KEYS, match.group(0))
    )


@lru_cache(maxsize=4096)
def describe_item(name: str) -> tuple[frozenset[str], frozenset[str]]:
    """(concepts, colours) of an item name; cached because the same catalogue names recur."""
    concepts = frozenset(c for _, found in find_item_words(name) for c in found)
    return concepts, find_colours(name)


def item_matches(name: str, concepts: frozenset[str], colours: frozenset[str]) -> bool:
    """Whether the item called ``name`` is one of ``concepts`` (any, when empty) and, when
    ``colours`` is given, one of those colours. Both empty matches nothing."""
    if not concepts and not colours:
        return False
    item_concepts, item_colours = describe_item(name)
    if concepts and not concepts & item_concepts:
        return False
    return not colours or bool(colours & item_colours)
