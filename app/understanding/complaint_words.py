"""Words of the complaint lexicon said where they complain of nothing: someone unhappy
with the shopper ("my flatmates are not happy with me"), a thing owned for a time ("I've
had it roughly three weeks"), a quantity ("the cat has had enough food"), something upset
("will that upset the cats?"), a door nobody answers if the courier comes."""

from __future__ import annotations

import re

# unhappy with the shopper: "my flatmates are not happy with me" (the noise), not of
# the shop ("my wife is not happy with the quality" is)
_PEOPLE = (r"(?:he|she|they|my\s+(?:mum|mom|dad|mate|mates|friend|friends|husband|wife|partner"
           r"|son|daughter|sister|brother|boyfriend|girlfriend|kid|kids|flatmates?|roommates?"
           r"|housemates?|neighbou?rs?|family|parents|colleagues?|boss|cat|cats|dog|dogs))")
_THEIR_FEELING = re.compile(_PEOPLE + r"(?:'re|'s|\s+(?:are|is|was|were|aren'?t|isn'?t|won'?t\s+be"
                            r"|will\s+not\s+be))\s+(?:so\s+|really\s+|very\s+)?$", re.IGNORECASE)
# "I've had enough (of this)": fed up; "the cat has had enough food" is a quantity
_ENOUGH_OF_IT = re.compile(r"^\s*(?:$|[.!,;:)]|of\s+(?:this|that|it|you|your|the\s+way)\b|now\b"
                           r"|already\b|and\b)", re.IGNORECASE)
# "will that upset the cats?": to upset something, no one upset with the shop
_AN_OBJECT = re.compile(r"^\s+(?:the|my|your|his|her|their|our|him|them|a|an|any|\w+'s)\b",
                        re.IGNORECASE)
_WITH_ME = re.compile(r"^\s+(?:with|at)\s+(?:me|us)\b", re.IGNORECASE)
# "I've had it roughly three weeks": owned for a time, not fed up
_HELD_FOR = re.compile(r"^\s+(?:for\s+|since\s+)?(?:about|roughly|around|only|just|nearly|almost"
                       r"|over|under|less|more|a|an|\d+|one|two|three|four|five|six|seven|eight"
                       r"|nine|ten|a\s+few|several|a\s+couple|since|last|this)\b", re.IGNORECASE)


# "if it comes while I'm away and nobody answers": the door not answered, supposed
_SUPPOSED = re.compile(r"\b(?:if|when|whenever|in\s+case|should|what\s+if)\b[^.!?;]*$",
                       re.IGNORECASE)


def no_complaint_meant(surface: str, before: str, after: str) -> bool:
    """Whether the lexicon's ``surface``, with the words ``before`` and ``after`` it, says
    nothing against the shop."""
    word = surface.lower()
    return bool((_THEIR_FEELING.search(before) and _WITH_ME.match(after))
                or (word.endswith("answers") and _SUPPOSED.search(before))
                or (word.endswith("had it") and _HELD_FOR.match(after))
                or (word == "had enough" and not _ENOUGH_OF_IT.match(after))
                or (word == "upset" and _AN_OBJECT.match(after)))
