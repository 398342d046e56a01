"""Sentiment and complaint signals of one shopper message (DESIGN.md step 1).

Lexicon cues (:mod:`app.understanding.sentiment_lexicon`) give the heat of a message;
intensity (!!!, ???, shouted words) raises it only when something is already wrong or
the shopper is shouting a question, so "Thanks!!!" stays positive while "转人工！！！"
and "WHERE IS MY ORDER???" are angry. Routing hands off on ``complaint``, ``anger``,
``wants_human`` and ``threatens_to_leave``; ``signals`` explain why.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Literal

from pydantic import BaseModel, Field

from app.understanding import sentiment_lexicon as lex
from app.understanding.complaint_words import no_complaint_meant

SentimentLabel = Literal["positive", "neutral", "negative", "angry"]

ANGRY_AT = 0.5
NEGATIVE_AT = 0.25

# heat per cue; one insult alone makes a message angry, a polite complaint stays negative
_WEIGHTS = {"insult": 0.55, "strong": 0.28, "mild": 0.1}
_THREAT_HEAT = 0.25
_HUMAN_HEAT = 0.2
_COMPLAINT_HEAT = 0.1
_POLITE_RELIEF = 0.1
_MAX_INTENSITY = 0.5


class Sentiment(BaseModel):
    label: SentimentLabel
    anger: float = Field(ge=0.0, le=1.0)
    complaint: bool = False
    wants_human: bool = False
    threatens_to_leave: bool = False
    signals: list[str] = Field(default_factory=list)


def _term_pattern(terms: Iterable[str]) -> re.Pattern[str]:
    # longest first so that "不满意" is read before "满意" and "麻烦" before "烦"
    parts = []
    for term in sorted(terms, key=len, reverse=True):
        body = re.escape(term).replace(r"\ ", r"\s+")
        parts.append(rf"(?<![a-z]){body}(?:s|es)?(?![a-z])" if term.isascii() else body)
    return re.compile("|".join(parts), re.IGNORECASE)


def _categories() -> dict[str, frozenset[str]]:
    table: dict[str, set[str]] = {}
    for category, terms in (("insult", lex.INSULTS), ("strong", lex.STRONG_NEGATIVE),
                            ("mild", lex.MILD_NEGATIVE), ("positive", lex.POSITIVE),
                            ("thanks", lex.THANKS), ("complaint", lex.COMPLAINT),
                            ("neutral", lex.NEUTRAL_IDIOMS)):
        for term in terms:
            table.setdefault(term.lower(), set()).add(category)
    return {term: frozenset(cats) for term, cats in table.items()}


_CATEGORIES = _categories()
_TERMS_RE = _term_pattern(_CATEGORIES)
_POLITE_RE = _term_pattern(lex.POLITE)
_HUMAN_RE = re.compile("|".join(lex.WANTS_HUMAN), re.IGNORECASE)
_THREAT_RE = re.compile("|".join(lex.THREATENS_TO_LEAVE), re.IGNORECASE)
_BOT_QUESTION_RE = re.compile("|".join(lex.ASKS_IF_BOT), re.IGNORECASE)
_HARMED_RE = re.compile("|".join(lex.HARMED), re.IGNORECASE)


def asks_if_bot(text: str) -> bool:
    """Whether the message asks if a machine answers ("are you a bot?", "你是真人吗")."""
    return bool(_BOT_QUESTION_RE.search(text))
# within two words and no punctuation: in "not bad, thanks" the thanks is not negated
_EN_NEGATION_RE = re.compile(
    r"(?:\b(?:not|no|never|hardly|barely|nothing)\b|n't\b)\s+(?:[a-z']+\s+){0,2}$",
    re.IGNORECASE,
)
_ZH_NEGATION_RE = re.compile(
    r"(?:不|没|没有|别|并不|不太|不怎么|一点也不|一点都不|不是|并非|算不上|不需要|无需|用不着)$")
# a person declined, not asked for: "不用给我转人工", "please don't pass me on to a person"
_NO_HUMAN_RE = re.compile(
    r"(?:不用|不要|不需要|别|用不着|没必要)(?:给我|帮我|再)?\s*$"
    r"|\b(?:don'?t|do\s+not|no\s+need\s+to)\s+(?:\w+\s+){0,4}$", re.IGNORECASE)
_EXCLAIM_RE = re.compile(r"[!！]{2,}")
_QUESTION_RUN_RE = re.compile(r"[?？]{2,}|[?？][!！]|[!！][?？]")
_SHOUT_RE = re.compile(r"(?<![A-Za-z])[A-Z]{3,}(?![A-Za-z])")


class _Tally(BaseModel):
    heat: float = 0.0
    positive: float = 0.0
    negative: float = 0.0
    insults: int = 0
    complaint: bool = False
    signals: list[str] = Field(default_factory=list)


def _lookup(surface: str) -> frozenset[str]:
    term = re.sub(r"\s+", " ", surface.lower())
    for candidate in (term, term.removesuffix("s"), term.removesuffix("es")):
        if candidate in _CATEGORIES:
            return _CATEGORIES[candidate]
    return frozenset()


def _negated(text: str, start: int) -> bool:
    before = text[max(0, start - 30):start]
    return bool(_EN_NEGATION_RE.search(before) or _ZH_NEGATION_RE.search(before.rstrip()))


# a let-down taken back in the same breath: "a bit disappointed, but it's fine", "有点失望
# 不过还好": said, not complained of
_CONCEDED_RE = re.compile(
    r"\b(?:but|though)\s+(?:it'?s|that'?s|its|it\s+is)\s+(?:fine|ok(?:ay)?|alright|no\s+big\s+deal)\b"
    r"|\bbut\s+(?:never\s*mind|no\s+worries|no\s+big\s+deal)\b"
    r"|(?:不过|但是?)(?:也)?(?:还好|还行|没关系|问题不大|没事)", re.IGNORECASE)
CONCEDE_WITHIN = 60


def _conceded(text: str, end: int) -> bool:
    return bool(_CONCEDED_RE.search(text[end:end + CONCEDE_WITHIN]))


# a swear word said of the news, on its own before the request ("damn. can you swap them
# then?", "Damn, ok"): a let-down, not a complaint of the shop
_LET_DOWN_RE = re.compile(r"^\W*(?:(?:oh|ah|aw)\W+)?(?:damn|dammit|dang|darn)\s*[.,!…]+",
                          re.IGNORECASE)


# someone else's complaint, told: "my mum keeps complaining"
_REPORTED_RE = re.compile(r"\b(?:he|she|they|my\s+(?!order|parcel)\w+)\s+"
                          r"(?:(?:keeps|kept|always|often|was|is|has\s+been|had\s+been|would)\s+)?$",
                          re.IGNORECASE)


# a strong word said of someone of the shopper's own, not of the shop: "she's useless"
_OF_A_PERSON = re.compile(r"\b(?:he|she|my\s+(?:mum|mom|dad|mate|friend|husband|wife|partner"
                          r"|son|daughter|sister|brother|boyfriend|girlfriend|kid|kids))"
                          r"(?:'s|\s+is|\s+was|\s+are)\s+(?:so\s+|just\s+|really\s+)?$",
                          re.IGNORECASE)


# how a thing would look, said of the goods: no complaint of the shop
_LOOKS_RE = re.compile(r"\b(?:look|looks|looked|looking)\s+(?:\w+\s+)?$", re.IGNORECASE)
_OF_THE_SHOP = re.compile(r"\b(?:service|shop|store|site|website|app|support|company|you|your)\b",
                          re.IGNORECASE)


def _tally_terms(text: str) -> _Tally:
    tally = _Tally()
    let_down = _LET_DOWN_RE.match(text)
    for match in _TERMS_RE.finditer(text):
        surface = match.group(0)
        cats = _lookup(surface)
        if "neutral" in cats:
            continue
        before = text[max(0, match.start() - 40):match.start()]
        if "strong" in cats and ((let_down and match.end() <= let_down.end()) or (
                _LOOKS_RE.search(text[max(0, match.start() - 20):match.start()])
                and not _OF_THE_SHOP.search(before))):
            cats = frozenset({"mild"})  # ... and "they'll look awful on my red frame"
        if "strong" in cats and _OF_A_PERSON.search(before):
            cats = frozenset({"mild"})  # "she's useless with forms": said of someone else
        if _REPORTED_RE.search(before) and surface.lower().startswith("complain"):
            tally.signals.append(f"reported:{surface}")
            continue  # "my mum keeps complaining her old kettle is slow": not of the shop
        plain = not cats & {"insult", "strong"}  # (insults and strong words stand as said)
        if plain and no_complaint_meant(surface, before, text[match.end():]):
            tally.signals.append(f"reported:{surface}")
            continue  # "I've had it three weeks", "my flatmates are not happy with me"
        if plain and _conceded(text, match.end()):
            tally.signals.append(f"conceded:{surface}")
            continue
        # "not bad", "不喜欢", "no complaints": negation turns a one-word cue around; phrases
        # ("no one replied") and insults are meant as they stand
        if " " not in surface and "insult" not in cats and _negated(text, match.start()):
            if cats & {"strong", "mild"}:
                tally.positive += 0.5
            elif cats & {"positive", "thanks"}:
                tally.heat += _WEIGHTS["mild"]
                tally.negative += 1
                tally.complaint = tally.complaint or surface.lower() in lex.SATISFIED
            tally.signals.append(f"negated:{surface}")
            continue
        _count(tally, cats, surface)
    if _HATE_RE.search(text):
        _count(tally, frozenset({"strong"}), "hate")
    return tally


# "I hate this shop" is anger; "my cats hate the tofu litter" is a reason for a return
_HATE_RE = re.compile(r"\b(?:i|we)\s+(?:really\s+|just\s+|absolutely\s+)?hate\b"
                      r"|\bhate\s+(?:you|your|this\s+(?:shop|store|company|service|place))\b",
                      re.IGNORECASE)


def _count(tally: _Tally, cats: frozenset[str], surface: str) -> None:
    for category in ("insult", "strong", "mild"):
        if category in cats:
            tally.heat += _WEIGHTS[category]
            tally.negative += 1
            tally.insults += category == "insult"
            tally.signals.append(f"{'insult' if category == 'insult' else 'negative'}:{surface}")
            break
    if "positive" in cats:
        tally.positive += 1
        tally.signals.append(f"positive:{surface}")
    elif "thanks" in cats:
        tally.positive += 0.5
        tally.signals.append(f"thanks:{surface}")
    if "complaint" in cats or cats & {"insult", "strong"}:
        tally.complaint = True
        if "complaint" in cats:
            tally.signals.append(f"complaint:{surface}")


def _intensity(text: str) -> tuple[float, float, list[str]]:
    """(exclamation, question-or-shouting) intensity and their signals."""
    signals = []
    exclaim = max((len(m.group(0)) for m in _EXCLAIM_RE.finditer(text)), default=0)
    exclaim_score = 0.3 if exclaim >= 3 else 0.15 if exclaim == 2 else 0.0
    if exclaim:
        signals.append("intensity:" + "!" * exclaim)
    questions = [m.group(0) for m in _QUESTION_RUN_RE.finditer(text)]
    question_score = 0.0
    if questions:
        longest = max(questions, key=len)
        question_score = 0.25 if len(longest) >= 3 else 0.15
        signals.append(f"intensity:{longest}")
    shouted = [w for w in _SHOUT_RE.findall(text) if w not in lex.ACRONYMS]
    shout_score = 0.3 if len(shouted) >= 2 else 0.1 if shouted else 0.0
    if shouted:
        signals.append("caps:" + " ".join(shouted[:5]))
    return exclaim_score, question_score + shout_score, signals


def _label(anger: float, tally: _Tally) -> SentimentLabel:
    if anger >= ANGRY_AT:
        return "angry"
    if anger >= NEGATIVE_AT or tally.complaint or tally.negative > tally.positive:
        return "negative"
    if tally.positive >= 1 and tally.positive > tally.negative:
        return "positive"
    return "neutral"


def analyze_sentiment(text: str, language: str | None = None) -> Sentiment:
    """The sentiment of one message. Both languages' cues always apply (shoppers mix
    them), so ``language`` is accepted for symmetry with the other analysers only."""
    tally = _tally_terms(text)
    # the words of a question about the bot ("是真人吗") ask nothing by themselves
    asked = _BOT_QUESTION_RE.sub(" ", text)
    human = [m.group(0) for m in _HUMAN_RE.finditer(asked)
             if not _NO_HUMAN_RE.search(asked[max(0, m.start() - 30):m.start()])]
    threats = [m.group(0) for m in _THREAT_RE.finditer(text)]
    tally.signals += [f"human:{h.strip()}" for h in human] + [f"leave:{t}" for t in threats]
    harmed = [m.group(0) for m in _HARMED_RE.finditer(text)]
    tally.signals += [f"harmed:{h}" for h in harmed]
    complaint = tally.complaint or bool(threats) or bool(harmed)
    heat = (tally.heat + _THREAT_HEAT * bool(threats) + _HUMAN_HEAT * bool(human)
            + _COMPLAINT_HEAT * complaint)
    exclaim, shouting, intensity_signals = _intensity(text)
    if heat > 0:
        anger = heat + min(_MAX_INTENSITY, exclaim + shouting)
    elif tally.positive > 0:
        anger = 0.0  # "Thanks!!!" and "GREAT" are enthusiasm
        tally.positive += 0.5 if exclaim else 0.0
    else:
        anger = min(_MAX_INTENSITY, shouting)  # a shouted question, not a cheerful "Hi!!"
    if anger > 0 and tally.insults == 0 and _POLITE_RE.search(text):
        anger -= _POLITE_RELIEF
    anger = round(min(1.0, max(0.0, anger)), 3)
    if anger > 0:
        tally.signals += intensity_signals
    tally.complaint = complaint
    return Sentiment(
        label=_label(anger, tally),
        anger=anger,
        complaint=complaint,
        wants_human=bool(human),
        threatens_to_leave=bool(threats),
        signals=tally.signals,
    )
