"""What a store's record ids look like, learned from the ids themselves.

A store's order numbers are its own ("#1001", "SO-88231", "123-4567890-1234567", an
18-digit platform number). Kefu never assumes a shape: it reads the shapes off the
imported ids (runs of letters, digits and separators, with the lengths seen and, for
letter runs, the few values seen) and a message's token counts as an order number
when it has one of those shapes. ``KEFU_ORDER_ID_PATTERN`` adds a shape by hand.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field

# a letter run keeps its values (prefixes such as "SO", "W") when a store uses only a few
MAX_LETTER_VALUES = 6
MAX_SHAPES = 24
# a new id may be a little longer or shorter than every one seen so far (#999 -> #1000)
DIGIT_SLACK = 1
# an id with its head left off ("3318-0072" of "T7-3318-0042") keeps this many digits
MIN_TAIL_DIGITS = 6
_RUN = re.compile(r"[A-Za-z]+|[0-9]+|.")


def normalise(ref: str) -> str:
    """The key two spellings of one id share: full-width folded, case and "#" and
    separators dropped ("ＳＯ－８８２３１", "so 88231" and "SO-88231" -> "so88231")."""
    folded = unicodedata.normalize("NFKC", ref).casefold()
    return re.sub(r"[\s#_\-./:]+", "", folded)


def _kind(run: str) -> str:
    if run.isdigit():
        return "9"
    if run.isascii() and run.isalpha():
        return "A"
    return run  # a separator stands for itself


# runs of very different lengths are different shapes: a 4-digit web order number and
# an 18-digit platform number must not merge into "any number of 2 to 19 digits"
LENGTH_BUCKET = 4


@dataclass
class Shape:
    """One sequence of runs, e.g. letters-"-"-digits, with lengths and letter values."""

    kinds: tuple[str, ...]
    lengths: list[tuple[int, int]]
    letters: list[set[str] | None] = field(default_factory=list)

    @property
    def key(self) -> tuple[tuple[str, int], ...]:
        return tuple((kind, high // LENGTH_BUCKET)
                     for kind, (_, high) in zip(self.kinds, self.lengths, strict=True))

    @classmethod
    def of(cls, ident: str) -> Shape:
        runs = _RUN.findall(ident)
        return cls(tuple(_kind(r) for r in runs), [(len(r), len(r)) for r in runs],
                   [{r.upper()} if _kind(r) == "A" else None for r in runs])

    def absorb(self, ident: str) -> None:
        runs = _RUN.findall(ident)
        for i, run in enumerate(runs):
            low, high = self.lengths[i]
            self.lengths[i] = (min(low, len(run)), max(high, len(run)))
            seen = self.letters[i]
            if seen is not None:
                seen.add(run.upper())
                if len(seen) > MAX_LETTER_VALUES:
                    self.letters[i] = None  # too many prefixes to be one: any letters

    def regex(self, *, compact: bool = False) -> str:
        """The shape as a regular expression; ``compact`` leaves the separators out, to
        match a normalised id (app.store.id_shapes.normalise)."""
        parts = []
        for kind, (low, high), letters in zip(self.kinds, self.lengths, self.letters,
                                              strict=True):
            if compact and kind not in ("9", "A"):
                continue
            if kind == "9":
                parts.append(rf"[0-9]{{{max(1, low - DIGIT_SLACK)},{high + DIGIT_SLACK}}}")
            elif kind == "A" and letters and all(len(v) <= high for v in letters):
                parts.append("(?:" + "|".join(sorted(map(re.escape, letters))) + ")")
            elif kind == "A":
                parts.append(rf"[A-Za-z]{{{low},{high}}}")
            else:
                parts.append(re.escape(kind))
        return "".join(parts)

    @property
    def distinctive(self) -> bool:
        """Whether a token of this shape is an id even with no "order" word near it:
        letters or separators mixed with digits, or a long number. A bare "1042" is
        as likely a quantity, a year or a street number."""
        digits = sum(high for kind, (_, high) in zip(self.kinds, self.lengths, strict=True)
                     if kind == "9")
        return len(self.kinds) > 1 or digits >= 8

    def to_json(self) -> dict[str, object]:
        return {"kinds": list(self.kinds), "lengths": [list(x) for x in self.lengths],
                "letters": [sorted(v) if v is not None else None for v in self.letters]}

    @classmethod
    def from_json(cls, data: dict[str, object]) -> Shape:
        kinds = tuple(str(k) for k in data["kinds"])  # type: ignore[attr-defined]
        lengths = [(int(a), int(b)) for a, b in data["lengths"]]  # type: ignore[attr-defined]
        letters = [set(v) if v is not None else None
                   for v in data["letters"]]  # type: ignore[attr-defined]
        return cls(kinds, lengths, letters)


def _fits(runs: list[str], lengths: list[tuple[int, int]]) -> bool:
    return all(low - DIGIT_SLACK <= len(run) <= high + DIGIT_SLACK
               for run, (low, high) in zip(runs, lengths, strict=True))


_DIGITS = str.maketrans("0123456789", "9" * 10)


def _skeletons(ids: Iterable[str]) -> dict[str, int]:
    """Each id with its digits made 9s, and how often it occurs: ids that differ only
    in their digits have one shape and add the same lengths and letters, so a store of
    100k order numbers is measured as a few dozen skeletons."""
    found: dict[str, int] = {}
    for ident in ids:
        # a leading "#" is how people write a number, not part of its shape
        text = unicodedata.normalize("NFKC", ident.strip()).lstrip("#")
        if text:
            skeleton = text.translate(_DIGITS)
            found[skeleton] = found.get(skeleton, 0) + 1
    return found


def learn(ids: Iterable[str], known: Iterable[Shape] = ()) -> list[Shape]:
    """Shapes covering ``ids`` (merged into ``known``); the most common ones are kept."""
    shapes: dict[tuple[tuple[str, int], ...], Shape] = {s.key: s for s in known}
    counts: dict[tuple[tuple[str, int], ...], int] = dict.fromkeys(shapes, 1)
    for text, seen in _skeletons(ids).items():
        shape = Shape.of(text)
        if shape.key in shapes:
            shapes[shape.key].absorb(text)
        else:
            shapes[shape.key] = shape
        counts[shape.key] = counts.get(shape.key, 0) + seen
    kept = sorted(shapes, key=lambda k: -counts[k])[:MAX_SHAPES]
    return [shapes[k] for k in kept]


@dataclass(frozen=True)
class IdShapes:
    """A matcher for "could this token be one of the store's ids"."""

    shapes: tuple[Shape, ...] = ()
    extra_pattern: str | None = None

    def _full(self) -> list[tuple[re.Pattern[str], bool]]:
        found = [(re.compile(rf"^{s.regex(compact=True)}$", re.IGNORECASE), s.distinctive)
                 for s in self.shapes]
        if self.extra_pattern:
            found.append((re.compile(rf"^(?:{self.extra_pattern})$", re.IGNORECASE), True))
        return found

    def match(self, token: str) -> bool | None:
        """Whether ``token``, however spaced or separated, has one of the store's shapes.
        None: no shape fits; True: a distinctive shape; False: a plain one (a short bare
        number), which counts only next to an order word."""
        verdict: bool | None = None
        key = normalise(token)
        for pattern, distinctive in self._compiled:
            if pattern.match(key) or (self.extra_pattern and pattern.match(token)):
                if distinctive:
                    return True
                verdict = False
        return verdict

    def match_tail(self, token: str) -> bool:
        """Whether ``token`` is an id of a distinctive shape with its head left off:
        "3318-0072" for a store whose numbers read "T7-3318-0042". It must keep a
        separator and at least MIN_TAIL_DIGITS digits, so a date, a price or a bare
        count never passes."""
        written = unicodedata.normalize("NFKC", token).lstrip("#")
        runs = _RUN.findall(written)
        kinds = tuple(_kind(r) for r in runs)
        if len(runs) < 3 or all(k in ("9", "A") for k in kinds) or sum(
                len(r) for r in runs if r.isdigit()) < MIN_TAIL_DIGITS:
            return False
        return any(shape.distinctive and len(shape.kinds) > len(runs)
                   and shape.kinds[-len(runs):] == kinds
                   and _fits(runs, shape.lengths[-len(runs):]) for shape in self.shapes)

    def prefix_left_off(self, token: str) -> bool:
        """Whether ``token`` is the number of an id whose letters were left off: "88213"
        for a store whose numbers read "SO-88231". Only digits of exactly the lengths
        seen, and never a year, so a count or a date does not pass."""
        written = unicodedata.normalize("NFKC", token).lstrip("#")
        if not written.isdigit() or re.fullmatch(r"(?:19|20)\d\d", written):
            return False
        return any(shape.distinctive and len(shape.kinds) > 1 and shape.kinds[-1] == "9"
                   and "A" in shape.kinds
                   and shape.lengths[-1][0] <= len(written) <= shape.lengths[-1][1]
                   for shape in self.shapes)

    @property
    def _compiled(self) -> list[tuple[re.Pattern[str], bool]]:
        cached: list[tuple[re.Pattern[str], bool]] | None = self.__dict__.get("_cache")
        if cached is None:
            cached = self._full()
            object.__setattr__(self, "_cache", cached)
        return cached
