"""The store's own catalogue entry for the item a product question names, given with
the answer: articles explain how things work and compare models, the product's own
description and attributes hold its figures ("is the AirPure 3200 ok for 40 m²?":
"... for rooms of 28-48 m² ..."; "how long do the trekking poles go?": 105-135 cm).
Which product is meant comes from the store's catalogue words (app.store.catalogue).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

import numpy as np
from sqlmodel import col, select

from app.assist import drafting
from app.assist.schemas import Suggestion
from app.assist.state import DialogueState
from app.assist.templates import render
from app.assist.turn import Turn
from app.models import Product
from app.store.catalogue import fold
from app.store.connector import OrderSnapshot, order_of
from app.store.product_attributes import name_in, price_in, variant_details
from app.understanding import dialogue_cues as cue, figures
from app.understanding.currency_asked import currency_asked
from app.understanding.slots import Slots
from retrieval.chunking import ROW_ITEM
from retrieval.index import Hit
from retrieval.lexical import tokenize

# more entries than this (every helmet of the shop) is a question for a person or an
# article, not a list of descriptions
MAX_ENTRIES = 2
# words naming more products than this ("the filter") name no one product's section
MAX_SECTION_PRODUCTS = 3
# how far down the search's order a passage giving the figure asked may come up from
FIGURE_WITHIN = 4


def catalogue_line(turn: Turn) -> str | None:
    """The store's own entry for the item a product question names ("is the AirPure
    3200 ok for 40 m²?": "... for rooms of 28-48 m² ..."), when the words name one
    product or a few that share a description (the variants of one), or a further
    question points back at the item the question before named."""
    named = turn.u.slots.item_products
    if not named and of_the_item_before(turn.u.slots, turn.state, turn.intent):
        named = turn.state.slots.item_products  # "how noisy is it?" after the purifier
    if turn.intent != "product_question" or not named:
        return None
    order = turn.order_in_hand()
    bought = {i.product_id for i in order.items} if order else set()
    # "that kids helmet" of the order in hand is the one bought, whatever else "head"
    # or "helmet" could name
    named = [p for p in named if p in bought] or named
    lang = turn.u.language
    entries: dict[str, dict[str, object]] = {}
    products = turn.session.exec(select(Product).where(col(Product.id).in_(named))
                                 .order_by(col(Product.id)))
    priced = bool(cue.asks_price(turn.text))  # "how much?": its price, from the catalogue
    # ... in the currency asked ("on your Hong Kong site?") or the shopper's own (their
    # order's), where the store prices it so
    currency = (currency_asked(turn.text) if priced else None) or (
        order.currency if order else None)
    for product in products:
        text = _description(product, lang)
        key = text or (product.id if priced else "")
        if not key or key in entries:
            continue
        entries[key] = {"id": product.id, "name": name_in(product.name, product.attributes,
                                                          lang),
                        "description": text, "details": _details(product, lang),
                        **_price(product, currency, priced)}
        if len(entries) > MAX_ENTRIES:
            return None
    if not entries:
        return None
    return render(turn.rt.settings.prompts_dir, language=lang, name="_catalogue",
                  context={"entries": list(entries.values())})


def _price(product: Product, currency: str | None, priced: bool) -> dict[str, object]:
    shown = price_in(product, currency) if currency else None
    if shown is None:
        return {"price": product.price if priced else None, "currency": product.currency}
    return {"price": shown if priced else None, "currency": currency}


def with_catalogue(turn: Turn, line: str | None,
                   drafts: list[drafting.Draft]) -> list[drafting.Draft]:
    """Each passage or order line given with the item's catalogue entry after it: the
    article says how, the entry gives this model's own figures. Without a passage, the
    entry is the answer, its confidence resting on how close it is to the question."""
    if line is None:
        return drafts
    if not drafts:
        closeness = _closeness(turn, line)
        return [drafting.Draft(Suggestion(text=line, kind="kb", confidence=0.0),
                               retrieval_score=closeness)]
    for d in drafts:
        if line not in d.suggestion.text:
            d.suggestion.text = f"{d.suggestion.text.rstrip()}\n\n{line}"
    return drafts


def words_for_the_item(turn: Turn) -> tuple[list[str], int, bool]:
    """The shopper's words for the item asked about, how many products they name, and
    whether they are of the item asked about before: words naming many ("the filter")
    after a question about one item ("the AirPure 3200") are of that item's ("how often
    do I change the filter?": the 3200's)."""
    words, named = list(turn.u.slots.item_refs), len(turn.u.slots.item_products)
    before = turn.state.slots
    if of_the_item_before(turn.u.slots, turn.state, turn.intent):
        return [*before.item_refs, *words], len(before.item_products), True
    # "it" read as the item before (the pipeline gave the turn its words)
    again = turn.state.intent == "product_question" and bool(words) and (
        set(turn.u.slots.item_products) == set(before.item_products))
    return words, named, again


def of_the_item_before(slots: Slots, state: DialogueState, intent: str) -> bool:
    """A product question right after one about an item that names no item, or words
    that name many ("the filter"): of that item."""
    before = state.slots
    return (intent == state.intent == "product_question" and bool(before.item_refs)
            and len(before.item_products) <= MAX_SECTION_PRODUCTS
            and (not slots.item_refs or len(slots.item_products) > MAX_SECTION_PRODUCTS))


# a word of an item's name with a letter in it ("PawTrack", "T3"; not "12" or "×")
_NAME_WORD = re.compile(r"\w*[^\W\d_]\w*")


def items_of_the_order_in_hand(slots: Slots, intent: str, text: str, state: DialogueState,
                               orders: Sequence[OrderSnapshot]) -> tuple[list[str],
                                                                          list[str]] | None:
    """"How much does it hold by the way?" after the slow feeder bowl's receipt: a
    product question that names no item and points back at one ("it")
    is of the items of the order in hand, when they are few: their products and the
    words of their names. (Right after a question about an item, "it" is that item.)"""
    if intent != "product_question" or slots.item_products or slots.item_refs:
        return None
    if state.intent == "product_question" or not cue.points_back(text):
        return None
    # a fault shown ("一直报E11") is for the troubleshooting the question's own words find;
    # while the items are being changed, "it" may be the item to come
    if cue.shows_error_code(text) or slots.return_reason or state.intent == "change_order":
        return None
    order = order_of(orders, slots.order_id)
    if order is None:
        return None
    products = list(dict.fromkeys(i.product_id for i in order.items if i.product_id))
    if not products or len(products) > MAX_SECTION_PRODUCTS:
        return None
    words = [w.lower() for i in order.items for w in _NAME_WORD.findall(i.name) if len(w) > 1]
    return products, list(dict.fromkeys(words))


def sections_first(hits: list[Hit], words: Sequence[str], products: int,
                   of_rows: bool = False, question: str = "") -> list[Hit]:
    """Passages under the heading (a table row's is its item's) that holds most of the
    shopper's words for the item first ("how many people is the 4L rice cooker for": the
    "IH Rice Cooker 4L" section before the 3 L cooker's, which the search may rank higher
    on the words they share).
    ``products``: how many products the words name; words naming many ("the filter")
    point at no one section. A table row's item counts only ``of_rows``, for a question
    of the item asked about before ("how noisy is it?": its row of the table); a
    message naming the item and asking something else ("the 3200's filter light stays
    red") is left to the search. Among passages under headings that hold as many of the
    words, one of the search's first few whose line gives the figure the ``question``
    asks for comes first ("how long does it take to charge?": "about 2 hours for a full
    charge"), then the one whose own heading holds more (of an article "Beacon 60 rear
    light and Lumen 800 front light", its "> Lumen 800 front light" before its "> Beacon
    60 rear light")."""
    if not words or products > MAX_SECTION_PRODUCTS:
        words = []
    patterns = [re.compile(rf"(?<![a-z0-9]){re.escape(fold(w))}(?![a-z0-9])") for w in words]
    gives = figure_giver(question)

    def held(heading: str) -> int:
        return sum(1 for p in patterns if p.search(heading))

    def own(heading: str, rank: int) -> int:
        """The words its own heading holds, when they are at least half the shopper's:
        of the search's best two only, and not of an article's title alone (a heading
        of one level), nor one word of several ("> The light on the collar" is no
        heading of "the orange GPS collar")."""
        if rank >= 2 or " > " not in heading:
            return 0
        count = held(heading.rpartition(" > ")[2])
        return count if 2 * count >= len(patterns) else 0

    def key(ranked: tuple[int, Hit]) -> tuple[int, bool, int]:
        rank, hit = ranked
        section = hit.section or ""
        heading = fold(section if of_rows else section.split(ROW_ITEM, 1)[0])
        return (-held(heading), not (rank < FIGURE_WITHIN and gives(hit.text)),
                -own(heading, rank))

    return [hit for _, hit in sorted(enumerate(hits), key=key)]


def figure_giver(question: str) -> Callable[[str], bool]:
    """Whether a passage gives the kind of figure ``question`` asks for: in the unit
    asked ("how many minutes?": "180 minutes"), in a unit of no other kind ("6.0 bar"),
    or on a line that shares a word with the question besides its unit ("how long does a
    full charge take?": not "up to 10 minutes for a first fix" of the codes' list)."""
    kinds = figures.asked(question)
    if not kinds:
        return lambda text: False
    asked = set(tokenize(question))
    # "how many minutes?": a duration in minutes, whatever its line says
    units = figures.units_asked(question)
    plain, vague = kinds & figures.UNAMBIGUOUS, kinds - figures.UNAMBIGUOUS
    if units:
        vague -= {figures.Figure.DURATION}

    def gives(text: str) -> bool:
        return (bool(units) and figures.gives_in_units(text, units)) or bool(
            plain and figures.lines_giving(text, plain)) or any(
            asked & set(tokenize(line)) for line in figures.lines_giving(text, vague))

    return gives


def _description(product: Product, language: str) -> str:
    own = (product.attributes or {}).get(f"description_{language}")
    return (own if isinstance(own, str) and own.strip() else product.description).strip()


def _details(product: Product, language: str) -> list[str]:
    details = variant_details(product.attributes, language)
    # a measure ("105-135 cm") reads the same in every language
    return details + [d for d in variant_details(product.attributes, "en")
                      if any(c.isdigit() for c in d) and d not in details]


def _closeness(turn: Turn, text: str) -> float:
    """Cosine of question and entry, on the index's embedder (the question's vector is
    reused when the classifier embedded it with the same model)."""
    embedder = turn.rt.index.embedder
    query = turn.u.vector if turn.u.vector_model == embedder.name else None
    if query is None:
        query = embedder.embed_query(turn.text)
    entry = embedder.embed_documents([text])[0]
    return float(np.dot(np.asarray(query, dtype=np.float32), entry))
