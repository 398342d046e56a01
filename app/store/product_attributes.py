"""What a product's own attributes say, read by their keys and nothing else: its names
in each language (``name_zh``, ``title_en`` ...), its aliases, its kind (``category``,
``type``, ``类目`` ...) and its variants (colour, size, ``尺码`` ...). Nothing here knows
any particular store."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Protocol

# attribute keys whose values tell variants of one product apart
VARIANT_KEYS = re.compile(r"colou?r|variant|size|shade|finish|pattern|flavou?r|scent|"
                          r"颜色|颜色分类|色|尺码|尺寸|规格|款式|口味", re.IGNORECASE)
KIND_KEYS = re.compile(r"line|category|type|kind|family|类目|分类|品类|类型", re.IGNORECASE)
ALIAS_KEYS = re.compile(r"^(aliases|alias|别名|俗称)$", re.IGNORECASE)
NAME_KEYS = re.compile(r"^(name_[a-z]{2}|title_[a-z]{2}|[a-z]{2}_name)$", re.IGNORECASE)
# a character of Chinese script
CJK = re.compile(r"[\u3400-\u9fff]")


@dataclass(frozen=True)
class ProductWords:
    id: str
    names: tuple[str, ...]  # every name of the product, any language
    kinds: tuple[str, ...] = ()  # aliases and category values: what the thing is
    variants: tuple[str, ...] = ()  # colour, size ... values


def product_words(pid: str, name: str, attributes: Mapping[str, Any] | None) -> ProductWords:
    names, kinds, variants = [name], [], []
    for key, value in (attributes or {}).items():
        texts = _texts(value)
        if NAME_KEYS.match(key):
            names += texts
        elif ALIAS_KEYS.match(key):
            kinds += texts
        elif VARIANT_KEYS.search(key):
            variants += [p.strip() for t in texts for p in re.split(r"[/|,，、]", t)]
        elif KIND_KEYS.search(key):
            kinds += texts
    return ProductWords(pid, tuple(names), tuple(kinds), tuple(v for v in variants if v))


def variant_details(attributes: Mapping[str, Any] | None, language: str) -> list[str]:
    """A product's colour, size ... as a shopper of ``language`` reads them: per kind of
    detail, the value in that language's script where the store gives one."""
    chinese: list[str] = []
    latin: list[str] = []
    for key, value in (attributes or {}).items():
        if not VARIANT_KEYS.search(key) or not isinstance(value, str | int | float):
            continue
        text = str(value).strip()
        if text:
            (chinese if CJK.search(text) else latin).append(text)
    if language == "zh":
        return chinese or latin
    return latin


def _texts(value: Any) -> list[str]:
    """An attribute's value (one, or a list) as the texts it holds."""
    values = value if isinstance(value, list) else [value]
    return [str(v) for v in values if isinstance(v, str | int | float) and str(v).strip()]


def categories(attributes: Mapping[str, Any] | None) -> list[str]:
    """The values of a product's category-like attributes ("air_purifier", "头盔")."""
    return [text for key, value in (attributes or {}).items()
            if KIND_KEYS.search(key) and not ALIAS_KEYS.match(key) for text in _texts(value)]


def name_in(name: str, attributes: Mapping[str, Any] | None, language: str) -> str:
    """The product's name for a shopper of ``language`` (its ``name_zh`` ... attribute
    where the store gives one)."""
    for key, value in (attributes or {}).items():
        if NAME_KEYS.match(key) and language in key.casefold().split("_") and (
                isinstance(value, str) and value.strip()):
            return value.strip()
    return name


class Priced(Protocol):
    @property
    def price(self) -> float: ...
    @property
    def currency(self) -> str: ...
    @property
    def attributes(self) -> Mapping[str, Any]: ...


def price_in(product: Priced, currency: str) -> float | None:
    """The product's price in ``currency``: its own, or the one a store selling in several
    currencies gives as the attribute ``price_<code>`` ("price_hkd": 409)."""
    if product.currency == currency:
        return product.price
    value = (product.attributes or {}).get(f"price_{currency.lower()}")
    try:
        return float(value) if value is not None and float(value) >= 0 else None
    except (TypeError, ValueError):
        return None
