"""Shipping addresses in English and Chinese, and references to the customer's own
home or work address ("改成公司地址", "ship it to my work address").

An address is only taken when it looks like one (a street with a number, a postcode, or
Chinese administrative units); "change it to blue" or "改成明天送" is no address.
"""

from __future__ import annotations

import re
from typing import Literal

from app.understanding.address_case import capitalised
from app.understanding.address_lists import picked_from_a_list, said_right_after_the_wrong
from app.understanding.address_zh import (
    chinese_address,
    house_number_and_rest,
    without_house_number,
)
from app.understanding.unnumbered_streets import unnumbered_street_address

# "partial": a street with no number yet ("新地址是南京市建邺区江东中路 门牌号等下发你");
# "recipient": the address stays, who takes the parcel in changes ("收件人想换成我爸")
AddressKind = Literal["explicit", "home", "work", "partial", "recipient"]

# words that are also ordinary English ("on the way") count only when capitalised
STREET_SUFFIX = (
    r"(?:street|st|road|rd|avenue|ave|boulevard|blvd|dr|lane|ln|parkway|pkwy|highway|hwy"
    r"|(?-i:Way|Drive|Court|Ct|Place|Pl|Terrace|Ter|Circle|Cir|Square|Sq|Trail|Trl|Lorong"
    r"|Crescent|Close|Walk|Bow|Link|Rise|View|Vale|Heights|Grove|Green|Loop|Vista|Hill"
    r"|Gardens|Quay|Wharf|Parade|Row|Mews|Esplanade|Promenade|Embankment|Plaza|Mall))"
)
_EN_STREET_RE = re.compile(
    rf"\b\d{{1,6}}[A-Za-z]?\s+(?:[A-Za-z0-9.'-]+\s+){{0,4}}?{STREET_SUFFIX}\b\.?"
    r"(?:\s*,?\s*(?:apt|apartment|suite|ste|unit|#)\.?\s*[\w-]+)?"
    # ", City, ST 12345" or " City ST" or " ST 12345"; the state must be upper case,
    # or "Austin" would read as city "Aust" in state "in"
    r"(?:(?:\s*,\s*|\s+)[A-Za-z][A-Za-z.' ]{0,30}?(?:,\s*|\s+)(?-i:[A-Z]{2})\b"
    r"(?:\s+\d{5}(?:-\d{4})?)?|\s*,?\s*(?-i:[A-Z]{2})\s+\d{5}(?:-\d{4})?)?",
    re.IGNORECASE,
)
_POSTCODE_RE = re.compile(
    r"\b[A-Z]{2}\s+\d{5}\b|\b\d{5}(?:-\d{4})?\b|\b[A-Z]{1,2}\d[A-Z\d]?\s\d[A-Z]{2}\b"
)
# the words that introduce a new address, in both languages
_EN_CUE_RE = re.compile(
    r"\b(?:(?:new\s+)?address(?:\s+(?:is|to|should\s+be))?|to|live\s+at|moved\s+to)\s*:?\s*",
    re.IGNORECASE,
)
_EN_START_RE = re.compile(r"(?:\d|apt\b|apartment\b|flat\b|unit\b|suite\b|blk\b|block\b|#"
                          r"|p\.?o\.?\s*box)",
                          re.IGNORECASE)
_EN_TAIL_RE = re.compile(
    r"[!?;\n]|\.\s*$|\.\s+|,?\s+(?:please|pls|plz|thanks|thank\s+you|asap|instead|for\s+order)\b"
    r"|,?\s+(?:and|but)\s+(?!apt|suite|unit)",
    re.IGNORECASE,
)
_STREET_ABBREVIATION_RE = re.compile(r"(?:\b(?:st|rd|ave|dr|ln|blvd|ct|pl|apt|ste|no)|str)$",
                                     re.IGNORECASE)

_WORK_RE = re.compile(
    r"\b(?:work|office|company|workplace)\s+address\b|\b(?:to|at|use)\s+(?:my|the)\s+"
    r"(?:work|office|workplace)\b(?!\s+(?:account|email|phone|computer|laptop))|(?:公司|单位|办公室)的?地址"
    r"|(?:寄到|送到|发到|改成|改为|换成|改到|寄去|送去)(?:我的?|我们)?(?:公司|单位|办公室)",
    re.IGNORECASE,
)
_HOME_RE = re.compile(
    r"\b(?:home|house)\s+address\b|\b(?:to|use)\s+my\s+(?:home|house)\b|\bship\s+it\s+home\b"
    # "switch it back to my own address": the one on the account
    r"|\b(?:to|use)\s+my\s+own\s+(?:address|place|flat|house)\b"
    r"|(?:家里|家庭|我家)的?地址|(?<!老)家的地址"
    r"|(?:寄到|送到|发到|改成|改为|换成|改到|寄回|送回)(?:我的?)?(?:家里|家)(?!具|电)",
    re.IGNORECASE,
)


_A_DAY_IN_A_STREET = re.compile(r"\.\s+(?:[a-zà-ÿ]|[A-ZÀ-Þ]\w*\s+\d)")


def _cut_english(rest: str) -> str:
    """``rest`` up to the end of the address: a sentence end or a polite tail. A period
    after a street abbreviation ("Oak St. Austin") does not end it."""
    end = len(rest)
    for match in _EN_TAIL_RE.finditer(rest):
        if match.group(0).startswith(".") and _STREET_ABBREVIATION_RE.search(rest[: match.start()]):
            continue
        if match.group(0).startswith(".") and _A_DAY_IN_A_STREET.match(rest, match.start()) and (
                re.search(r"(?:^|\s)\d{1,2}$", rest[: match.start()])):
            continue  # "Cesta 27. aprila 31", "Straße des 17. Juni 135": a day in its name
        end = match.start()
        break
    return rest[:end].strip(" ,.")


# what may stand before a street: a unit ("#03-11", "18/F", "Flat 3", "Unit 5B")
_EN_UNIT_BEFORE_RE = re.compile(
    # ("3/1, 58 Hyndland Road": Glasgow's floor and flat, written bare)
    r"(?:#\d{1,3}-\d{1,5}|\d{1,3}/F|\d{1,2}/\d{1,2}|(?:flat|unit|apt|suite|room|rm)\.?\s*[\w-]{1,6}"
    r"|blk|block)"
    # (and the named building the unit is in: "Room 1507, Wing On Plaza, 62 Mody Road")
    r"\s*,?\s*(?:(?-i:[A-Z][A-Za-z'-]*(?:\s+[A-Z][A-Za-z'-]*){0,4})\s*,\s*)?$",
    re.IGNORECASE)
# and after it: a district word of the street's name ("Road Central"), then a town or
# district and maybe a postcode ("Singapore 597071"), each after a comma
_EN_PLACE_AFTER_RE = re.compile(
    r"(?:\s+\d{1,3}[A-Z]?(?=\s*(?:,|$)))?"  # the number of a numbered street ("Bedok North St 2")
    r"(?:\s+(?!(?:Please|Thanks|Thank|And|But|Asap|Instead)\b)[A-Z][a-z]+(?=\s*(?:,|$)))?"
    # (the town and postcode without a comma after a unit: "#05-12 Singapore 540268")
    r"(?:(?:\s*,\s*|\s+(?=(?-i:[A-Z][a-z]+)\s+\d{4,6}\b))(?:#\d{1,3}-\d{1,5}|(?-i:(?:[AC-FHKNPRTV-Y]\d{2}|D6W)\s?[0-9AC-FHKNPRTV-Y]{4})"
    r"|(?!(?:Please|Thanks|Thank|And|But|Asap|Instead)\b)"
    r"[A-Z][A-Za-z]+(?:-[A-Z][A-Za-z]+)?(?:\s[A-Z][A-Za-z]+){0,2}"
    # then a postcode: digits ("Singapore 597071") or lettered ("Bath BA1 5EX", "K1A 0B1"),
    # or a district's number ("Dublin 4", then its Eircode "D04 X2F7" as a part of its own)
    r"(?:\s+\d{4,6}|\s+(?-i:[A-Z]{1,2}\d[A-Z\d]?\s?\d[A-Z]{2}|[A-Z]\d[A-Z]\s?\d[A-Z]\d)"
    r"|\s+\d{1,2}(?=\s*,))?)"
    r"(?![\w-])){0,3}")


# a few more parts, the last with its postcode: ", Asia Square Tower 1, Singapore 018960"
_MORE_PARTS_RE = re.compile(r"[^,.?!;\n]{0,12}?(?:\s*,\s*[^,.?!;\n]{1,40}?){0,3}"
                            r"\s*,\s*(?:(?!Order|Ref|Invoice|Tel|Phone|Mobile)[A-Z][A-Za-z]+\s+)?"
                            r"\d{4,6}\b")


def _widened(text: str, start: int, end: int) -> str:
    """The street with the unit before it and the district, town and postcode after it
    (and the parts on to a postcode a few commas on)."""
    before = _EN_UNIT_BEFORE_RE.search(text[:start])
    after = _EN_PLACE_AFTER_RE.match(text, end)
    stop = after.end() if after else end
    more = _MORE_PARTS_RE.match(text, stop)
    return text[before.start() if before else start: more.end() if more else stop].strip(" ,.")


def _english_address(text: str) -> str | None:
    for cue in _EN_CUE_RE.finditer(text):
        rest = _cut_english(text[cue.end():])
        if not _EN_START_RE.match(rest):
            continue
        # from the cue on, so that "Flat 3, 10 Downing Street, London SW1A 2AA" keeps its
        # flat and its foreign postcode, which the street pattern alone would drop
        street = _EN_STREET_RE.search(rest)
        postcode = _POSTCODE_RE.search(rest, street.end() if street else 0)
        # a bare five-digit number is a postcode only after a street
        lettered = postcode is not None and re.search("[A-Z]", postcode.group(0)) is not None
        if postcode and "," in rest[: postcode.start()] and (street or lettered):
            return rest[: postcode.end()]
        if street:
            return _widened(rest, 0, street.end())
    street = _EN_STREET_RE.search(text)
    return _widened(text, street.start(), street.end()) if street else None


_LETTER = r"A-Za-zÀ-ÖØ-öø-ÿĀ-ž"
_WORD = rf"[{_LETTER}][{_LETTER}'.-]*"
# "Keizersgracht 221" / "Rue de la Loi 155" (street then number) or "14 Rue des Martyrs"
# (number then street); then a postcode with its town, in either order, and maybe a
# country: the shape of most addresses outside North America and China (a street may
# hold a day: "Cesta 27. aprila 31", "Straße des 17. Juni 135")
_STREET_FIRST = (rf"{_WORD}\s+(?:(?:{_WORD}|\d{{1,2}}\.)\s+){{0,4}}\d{{1,5}}[a-zA-Z]?"
                 rf"(?:[-/](?:\d{{1,4}}|[A-Za-z]\b))?")
_NUMBER_FIRST = rf"\d{{1,5}}[a-zA-Z]?,?\s+(?:{_WORD}\s*){{1,5}}"
_TOWN = rf"[A-ZÀ-ÖØ-Þ][{_LETTER}'.-]*"  # a town is written with a capital
_POSTCODE_TOWN = (rf"(?:[A-Z]{{0,2}}-?\d[\dA-Z]{{2,5}}(?:[ -]\d{{3}}|[ ][A-Z]{{2}})?\s+{_TOWN}"
                  rf"(?:[ -]{_WORD}){{0,2}}"
                  # town then a lettered postcode (SW1A 2AA, K1A 0B1): digits alone
                  # after a word are a ticket or an order number, not a postcode
                  rf"|{_WORD}(?:\s{_WORD}){{0,2}}\s+[A-Z][A-Z0-9]{{1,3}}\s?\d[A-Z0-9]{{1,3}})")
# a floor, a door or a flat between the street and the town: "piso 3", "2º B", "bus 4"
_FLAT_PART = rf"(?:{_WORD}\.?\s*)?\d{{1,4}}[A-Za-zºª°]?(?:\s*[A-Za-z]{{1,4}}\b)?"
_INTERNATIONAL_RE = re.compile(
    rf"(?:{_STREET_FIRST}|{_NUMBER_FIRST})(?:\s*,\s*{_FLAT_PART}){{0,2}}\s*,\s*{_POSTCODE_TOWN}"
    rf"(?:,\s*{_WORD}(?:\s{_WORD})?)?")


def _international_address(text: str) -> str | None:
    match = _INTERNATIONAL_RE.search(text)
    if match is None:
        return None
    found = _cut_english(match.group(0))
    # the street part starts at its first capitalised word or its number, not at the
    # "to"/"its" before it
    start = re.search(r"\d|[A-ZÀ-ÖØ-Þ]", found)
    found = found[start.start():] if start else found
    # with the flat or unit written before it: "Flat 2, 14 Marine Parade, Brighton ..."
    unit = _EN_UNIT_BEFORE_RE.search(text[: match.start() + (start.start() if start else 0)])
    return text[unit.start(): match.start()] + found if unit else found


# a building named instead of numbered: "Unit 4, Brook Farm Barns, Acle Road, Norwich NR13
# 3BW", "Rose Cottage, Mill Lane, Holt NR25 6AB": capitalised parts joined by commas up to
# a town and a lettered postcode
_PART = rf"(?:(?:Unit|Flat|Apt|Suite)\s+\d+[A-Za-z]?|{_TOWN}(?:\s+{_WORD}){{0,4}})"
_NAMED_BUILDING_RE = re.compile(
    rf"{_PART}(?:,\s*{_PART}){{1,4}}(?:,\s*|\s+)[A-Z]{{1,2}}\d[A-Z\d]?\s?\d[A-Z]{{2}}\b")


def _named_building(text: str) -> str | None:
    match = _NAMED_BUILDING_RE.search(text)
    if match is None:
        return None
    # the sentence before the address is no part of it: start after its last stop or colon
    found = match.group(0)
    head = max(found.rfind(": "), found.rfind(". "))
    return found[head + 2:] if head != -1 else found


# a Singapore floor and unit ("#08-12") beside a block, the word Singapore or a 6-digit
# postcode: part of an address, whatever of it the patterns above could read
_UNIT_NUMBER_RE = re.compile(
    r"(?:\b(?:blk|block)\b.{0,60}?)(#\d{1,3}-\d{1,5})\b|(#\d{1,3}-\d{1,5})\b(?=.{0,60}?"
    r"(?:\bsingapore\b|(?<!\d)\d{6}(?!\d)))"
    # ... or right after a street: "Bedok North Ave 2 #08-115"
    rf"|\b{STREET_SUFFIX}\b\.?(?:\s+\d{{1,3}}[A-Za-z]?)?\s*,?\s*(#\d{{1,3}}-\d{{1,5}})\b",
    re.IGNORECASE)


_UNIT_WORD_RE = re.compile(r"\b(?:unit|flat|apt|apartment|suite|room|floor|level|storey)\b",
                           re.IGNORECASE)
_FLOOR_UNIT_RE = re.compile(r"#\d{1,3}-\d{1,5}\b")


def unit_numbers(text: str) -> list[str]:
    """The "#floor-unit" numbers of addresses in ``text``: never an order number (all of
    them where the message speaks of a unit: "unit is #23-01 not #32-01")."""
    if _UNIT_WORD_RE.search(text):
        return _FLOOR_UNIT_RE.findall(text)
    return [m.group(1) or m.group(2) or m.group(3) for m in _UNIT_NUMBER_RE.finditer(text)]


_BLOCK_RE = re.compile(r"(?:blk|block)\b", re.IGNORECASE)
# a floor and unit or a postcode finishing a block's address: "#07-1452, Singapore 560456"
_SG_REST_RE = re.compile(r"#\d{1,3}-\d{1,5}(?:\s*,?\s*singapore)?(?:\s*,?\s*\d{6})?"
                         r"|singapore\s*\d{6}|(?<!\d)\d{6}(?!\d)", re.IGNORECASE)


# a street and house number said alone, the town to follow: "Kanaalstraat 12", "14 Rue
# des Martyrs" (the whole message: "order 12" names no street)
_STREET_ALONE_RE = re.compile(rf"^\s*(?:{_STREET_FIRST}|{_NUMBER_FIRST})\s*[,.]?\s*$")
_POSTCODE_TOWN_RE = re.compile(rf"^\s*{_POSTCODE_TOWN}(?:,\s*{_WORD}(?:\s{_WORD})?)?\s*[.]?\s*$")


def is_a_block(address: str) -> bool:
    """A Singapore-style block's address ("Blk 321 Ghim Moh Link"): whole with its unit
    or its postcode."""
    return _BLOCK_RE.match(address) is not None


def street_alone(text: str) -> str | None:
    """A street and number and nothing else, given when an address was asked for."""
    match = _STREET_ALONE_RE.match(text)
    return match.group(0).strip(" ,.") if match and re.search(r"\d", text) else None


def rest_of_address(text: str) -> tuple[str, str] | None:
    """What finishes a partial address, said on its own, and how it joins on: a house
    number and what follows it ("369号…", joined as is), a unit and postcode ("#07-1452,
    Singapore 560456", after a comma), or a postcode and town ("3531 CJ Utrecht")."""
    rest = house_number_and_rest(text)
    if rest:
        return rest, ""
    match = _SG_REST_RE.search(text) or _POSTCODE_TOWN_RE.match(text)
    return (match.group(0).strip(" ."), ", ") if match else None


def _on_one_line(text: str) -> str:
    """An address pasted line by line ("7 Quay Parade\nSwansea SA1 1UR") as it is written
    on one line, its parts set off by commas."""
    if "\n" not in text:
        return text
    joined = re.sub(r"[ \t]*\n\s*", ", ", text.strip())
    return re.sub(r"([:,.!?;])\s*,\s", r"\1 ", joined)


def find_address(text: str) -> tuple[str | None, AddressKind | None]:
    """(address, kind): a written address is ``explicit`` (``partial`` while its street
    has no number); "my work address" / "公司地址" is ``work`` and "home address" /
    "寄到家里" ``home``, with no address text."""
    picked = picked_from_a_list(text) or said_right_after_the_wrong(text)
    if picked is not None and picked != text:
        address, kind = find_address(picked)
        if address is not None:
            return address, kind
    zh = chinese_address(text)
    if zh and without_house_number(zh):
        return zh, "partial"  # no house number on the street yet
    one_line = _on_one_line(text)
    address = (zh or _english_address(one_line) or _international_address(one_line)
               or _named_building(one_line) or unnumbered_street_address(text))
    if address and is_a_block(address) and not _SG_REST_RE.search(text):
        return address, "partial"  # a Singapore block with no unit or postcode yet
    if address:
        return address, "explicit"
    if (fixed := capitalised(text)) is not None and (found := find_address(fixed))[0]:
        at = fixed.find(found[0])  # the same span, in the shopper's own letters
        return text[at: at + len(found[0])], found[1]
    if _WORK_RE.search(text):
        return None, "work"
    if _HOME_RE.search(text):
        return None, "home"
    return None, None
