"""Postcodes in written addresses, of whatever country: what tells a delivery address
that names its postcode from one that stops at the town ("27 Glenfield Road, Paisley").

No country's format is assumed from the store: an address is measured against the
order's own address, so a shop whose addresses carry no postcodes (Hong Kong, most
Chinese addresses) is never asked for one.
"""

from __future__ import annotations

import re

from app.countries import country_of
from app.understanding.slot_addresses import STREET_SUFFIX

_CJK = re.compile(r"[\u3400-\u9fff]")
# a postcode is a token of its own: digits inside a Chinese address ("延安西路1088号"),
# a unit ("#12-04") or a phone number are none
_POSTCODE_RE = re.compile(
    r"(?<![\w#/-])(?:"
    r"[A-Z]{1,2}\d[A-Z\d]?\s?\d[A-Z]{2}"  # GB: G12 9UX, SW1A 2AA
    r"|[A-Z]\d{2}\s?[A-Z\d]{4}"  # IE Eircode: D02 H364
    r"|[A-Z]\d[A-Z]\s?\d[A-Z]\d"  # CA: K1A 0B1
    r"|\d{4}\s?[A-Z]{2}(?=\s|,|$)"  # NL: 1016 DV
    r"|(?:[A-Z]{1,2}-)?\d{3,6}(?:-\d{3,4})?"  # most others: 1050, 75010, 278803, 1100-053
    r")(?![\w/-])")
# a number before its street is the house's: "100 Caine Road", "4410 Alder Creek Rd"
_STREET_AFTER_RE = re.compile(rf"\s+(?:[\w.'-]+\s+){{0,4}}?{STREET_SUFFIX}\b", re.IGNORECASE)


def postcode_in(address: str) -> str | None:
    """The postcode ``address`` names, if any: the last postcode-shaped token that is not
    the house number."""
    found = None
    for match in _POSTCODE_RE.finditer(address.upper()):
        if not _is_house_number(address, match.start(), match.end()):
            found = match.group(0)
    return found


def _is_house_number(address: str, start: int, end: int) -> bool:
    """Digits before a street, or closing the first part of the address after a word
    ("Avenue Louise 231", "Blk 321"): a house's number. Five digits and more, or letters
    in it, make a postcode."""
    token = address[start:end]
    if not token.isdigit() or len(token) >= 5:
        return False
    if _STREET_AFTER_RE.match(address, end):
        return True
    before = address[:start]
    return "," not in before and (not before.strip()
                                  or re.search(r"[A-Za-z]{2,}\.?\s+$", before) is not None)


def lacks_the_postcode(new: str, old: str | None) -> bool:
    """``new`` stops short of the postcode the order's address ``old`` has: a written
    street and town with no postcode, where this order's addresses carry one. An address
    written in Chinese is measured by its own units, and one in another country by that
    country's ways, not by this order's postcode."""
    if not old or _CJK.search(new):
        return False
    elsewhere = country_of(new)
    if elsewhere is not None and elsewhere != country_of(old):
        return False
    return postcode_in(old) is not None and postcode_in(new) is None


# the words that call a code a postcode, shared with the amendment that adds one
POSTCODE_WORDS = r"\bpost\s*code|\bpostal\s+code|\bzip(?:\s*code)?\b|\beircode|邮编|邮政编码"
_POSTCODE_WORD_RE = re.compile(POSTCODE_WORDS, re.IGNORECASE)


def postcode_alone(text: str) -> str | None:
    """The postcode a short message gives on its own ("postcode's PA2 8PE", "Sorry! It's
    NR18 0JT", "278803"), to finish an address that lacked it. Digits alone count only
    when they are the whole message or called a postcode: "order 4410" names an order."""
    if len(text.split()) > 8:
        return None
    found = [m.group(0) for m in _POSTCODE_RE.finditer(text.upper())]
    if len(found) != 1 or not any(c.isdigit() for c in found[0]):
        return None
    token = found[0]
    alone = text.strip(" .!,").upper() == token
    return token if alone or not token.isdigit() or _POSTCODE_WORD_RE.search(text) else None
