"""The kind of figure a question asks for, and the lines of a text that give one: "how
long does it take to charge?" asks a duration, "多重" a weight, "how big a room" an area.
A product's section lists many figures; the line that gives the kind asked, in the
question's own words ("about 2 hours for a full charge"), is the answer. Units are the
same in every shop, so these are kept here once, not learnt from a store's articles."""

from __future__ import annotations

import re
from enum import StrEnum

from app.understanding.cue import spaced


class Figure(StrEnum):
    DURATION = "duration"
    LENGTH = "length"
    AREA = "area"
    VOLUME = "volume"
    WEIGHT = "weight"
    PRESSURE = "pressure"
    TEMPERATURE = "temperature"
    VOLTAGE = "voltage"
    POWER = "power"
    NOISE = "noise"
    RATE = "rate"
    PEOPLE = "people"


_TIME = r"(?:hours?|hrs?|minutes?|mins?|days?|weeks?|months?|years?|seconds?|secs?)"
# the Chinese units of time a question asks in and a line gives its figure in
_ZH_UNITS = "小时|钟头|分钟|天|周|星期|月|年|秒"
_TIME_ZH = rf"(?:个)?(?:{_ZH_UNITS}|日|礼拜)"
_MEASURE = "(?:多少|几)"

# what each kind of question sounds like
_ASKED: dict[Figure, re.Pattern[str]] = {kind: re.compile(pattern, re.IGNORECASE) for
                                         kind, pattern in {
    Figure.DURATION: rf"\bhow\s+(?:long|quickly|fast|soon|often)\b|\bhow\s+many\s+{_TIME}\b"
                     rf"|多久|多长时间|多长(?:的)?时间|{_MEASURE}{_TIME_ZH}|多快|多频繁",
    Figure.LENGTH: r"\bhow\s+(?:tall|wide|high|thick|deep|big|far)\b|\bwhat\s+size\b"
                   r"|\bdimensions?\b|\blength\b|尺寸|多长|多宽|多高|多厚|多深|多大|多远"
                   r"|多少(?:厘米|公分|毫米|米)",
    Figure.AREA: r"\bhow\s+big\s+(?:a\s+)?(?:room|space|area|flat|house)\b|\bsquare\s+met|m²|㎡"
                 r"|平米|平方|面积|多大(?:的)?(?:房间|空间|地方)",
    Figure.VOLUME: r"\bcapacity\b|\bhow\s+much\s+(?:\w+\s+){0,4}(?:hold|take|fit)s?\b"
                   r"|\bhow\s+many\s+(?:ml|millilitres?|litres?|liters?)\b|容量|装多少|能装"
                   r"|多少(?:毫升|升)|几升",
    Figure.WEIGHT: r"\bhow\s+heavy\b|\bweigh(?:s|t)?\b|重量|多重|几斤|多少(?:斤|克|公斤|千克)",
    Figure.PRESSURE: r"\bpressure\b|\bpsi\b|\bhow\s+(?:much|hard)\s+(?:air\b|to\s+pump|should\s+i"
                     r"\s+pump)|\bpump\s+(?:it|them)\s+up\b|气压|胎压|打多少气",
    Figure.TEMPERATURE: r"\btemperature\b|\bhow\s+hot\b|\bdegrees?\b|温度|多少度|几度",
    Figure.VOLTAGE: r"\bvolt(?:age|s)?\b|电压|多少伏",
    Figure.POWER: r"\bwatt(?:age|s)?\b|\bhow\s+powerful\b|功率|多少瓦",
    Figure.NOISE: r"\bnois[ey]\b|\bloud\b|\bdecibels?\b|吵|噪音|噪声|分贝|声音(?:大|多大)",
    Figure.RATE: r"\bper\s+(?:hour|minute|second)\b|\ban\s+hour\b|每小时|每分钟|一小时",
    Figure.PEOPLE: r"\bhow\s+many\s+(?:people|persons|of\s+us)\b|几个人|几口人|多少人",
}.items()}

_NUMBER = r"\d+(?:[.,]\d+)?(?:\s*(?:-|–|~|to|至|到)\s*\d+(?:[.,]\d+)?)?\s*"
# what a line that gives each kind holds: a number and its unit
_GIVEN: dict[Figure, re.Pattern[str]] = {kind: re.compile(_NUMBER + unit, re.IGNORECASE) for
                                         kind, unit in {
    Figure.DURATION: rf"(?:{_TIME}\b|h\b|{_TIME_ZH})",
    Figure.LENGTH: r"(?:mm|cm|m|km|metres?|meters?|inch(?:es)?|miles?)\b"
                   r"|(?:毫米|厘米|公分|米|公里)",
    Figure.AREA: r"(?:m²|㎡|m2\b|sq\.?\s*(?:m|ft)\b|square\s+met(?:re|er)s?|平米|平方米)",
    Figure.VOLUME: r"(?:ml|l|litres?|liters?|mah)\b|(?:毫升|升)",
    Figure.WEIGHT: r"(?:kg|g|grams?|kilos?|lbs?|pounds?)\b|(?:公斤|千克|克|斤)",
    Figure.PRESSURE: r"(?:bar|psi|kpa)\b",
    Figure.TEMPERATURE: r"(?:°\s*[cf]?|℃|degrees?\b)",
    Figure.VOLTAGE: r"(?:v|volts?)\b|伏",
    Figure.POWER: r"(?:w|kw|watts?)\b|瓦",
    Figure.NOISE: r"(?:db)\b|分贝",
    Figure.RATE: r"\S{0,6}\s*/\s*(?:h|hr|hour|min|minute|s)\b"
                 r"|\S{0,6}\s*(?:per|an|a)\s+(?:hour|minute)",
    Figure.PEOPLE: r"(?:people|persons?)\b|人",
}.items()}

# a text's lines: its own line breaks, and sentences ("." before a space, not in "1.5");
# a table row's "k: v; k: v" stays one line, of one item
_LINES = re.compile(r"\n|[。！？!?]|\.(?=\s|$)")


# units that give no other kind of figure: a line with one answers whatever its words
# (a table row "| 70-85 kg | 6.0 bar |" gives the pressure asked); a number of hours,
# centimetres or litres may be of anything, so its line must share the question's words
UNAMBIGUOUS = frozenset({Figure.AREA, Figure.WEIGHT, Figure.PRESSURE, Figure.TEMPERATURE,
                         Figure.VOLTAGE, Figure.POWER, Figure.NOISE, Figure.RATE})

_MEASURES = frozenset(Figure) - {Figure.DURATION, Figure.RATE, Figure.PEOPLE}


def asked(text: str) -> frozenset[Figure]:
    """The kinds of figure a question asks for (none: it asks for no figure)."""
    said = spaced(text)
    return frozenset(kind for kind, pattern in _ASKED.items() if pattern.search(said))


def asks_a_measure(text: str) -> bool:
    """A question of a thing's own measure (how hot, heavy, big, loud), which no order,
    return or delivery answers."""
    return bool(asked(text) & _MEASURES)


_UNIT = re.compile(rf"\b{_TIME}\b|(?:{_ZH_UNITS})", re.IGNORECASE)
_UNIT_ASKED = re.compile(rf"\bhow\s+many\s+({_TIME})\b|(?:几|多少)(?:个)?((?:{_ZH_UNITS}))",
                         re.IGNORECASE)


def _unit(word: str) -> str:
    word = word.lower()
    return word[:-1] if word.endswith("s") and len(word) > 1 else word


def units_asked(text: str) -> frozenset[str]:
    """The unit of time a question asks in ("how many minutes": minute; "几个小时": 小时)."""
    return frozenset(_unit(m.group(1) or m.group(2)) for m in _UNIT_ASKED.finditer(spaced(text)))


def gives_in_units(text: str, units: frozenset[str]) -> bool:
    """Whether ``text`` gives a duration in one of ``units`` ("180 minutes")."""
    return any(_unit(m.group()) in units for g in _GIVEN[Figure.DURATION].finditer(text)
               for m in _UNIT.finditer(g.group()))


def lines_giving(text: str, kinds: frozenset[Figure]) -> list[str]:
    """The lines of ``text`` that give a figure of one of ``kinds``, each with its figures
    taken out: what is left is what the line is about ("for a full charge")."""
    out = []
    for line in _LINES.split(text):
        rest = line
        for kind in kinds:
            rest = _GIVEN[kind].sub(" ", rest)
        if rest != line:
            out.append(" ".join(rest.split()))
    return out
