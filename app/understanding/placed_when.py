"""When an order was placed, as the shopper says it ("the mat I bought last month",
"上周买的那个"): a window of days, to tell apart orders that hold the same item."""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date, timedelta

from app.store.connector import OrderSnapshot

_LAST_MONTH = re.compile(r"\blast\s+month\b|上个?月", re.IGNORECASE)
_THIS_MONTH = re.compile(r"\bthis\s+month\b|这个?月|本月", re.IGNORECASE)
_LAST_WEEK = re.compile(r"\blast\s+week\b|上个?(?:周|星期|礼拜)", re.IGNORECASE)
_THIS_WEEK = re.compile(r"\bthis\s+week\b|这个?(?:周|星期|礼拜)|本周", re.IGNORECASE)
_YESTERDAY = re.compile(r"\byesterday\b|昨天", re.IGNORECASE)
_TODAY = re.compile(r"\btoday\b|今天", re.IGNORECASE)
# "a few days ago", "前几天", "3 days ago", "前天": counted back from today, and only in a
# sentence about ordering ("the cage I ordered a few days ago"); "arrived a few days ago"
# dates the delivery, not the order
_ORDERING = re.compile(
    r"\b(?:order(?:ed)?|bought|purchased|placed)\b|买|下单|下的单|订的|订了|拍的|拍了",
    re.IGNORECASE)
_FEW_DAYS_AGO = re.compile(
    r"\b(?:a\s+few|a\s+couple(?:\s+of)?|couple(?:\s+of)?|few|several)\s+days?\s+(?:ago|back)\b"
    r"|\bthe\s+other\s+day\b|前几天|这几天|几天前|前两天|两三天前", re.IGNORECASE)
_DAYS_AGO = re.compile(r"\b(\d{1,2}|two|three|four|five|six)\s+days?\s+ago\b"
                       r"|(?<!\d)(\d{1,2}|两|三|四|五|六)\s*天前", re.IGNORECASE)
_DAY_BEFORE_YESTERDAY = re.compile(r"\bday\s+before\s+yesterday\b|(?<!几)前天", re.IGNORECASE)
_COUNTS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
           "两": 2, "三": 3, "四": 4, "五": 5, "六": 6}
_SENTENCE_END = re.compile(r"[.?!;。？！；\n]")
# a day or a week said of the delivery, not of the order: "is my parcel going to arrive this
# week?", "今天能送到吗"
_ARRIVAL = re.compile(r"\b(?:arriv\w*|deliver\w*|get\s+here|turn\s+up|land\w*|dispatch\w*|ship)\b"
                      r"|到货|送到|寄到|能到|会到|发货", re.IGNORECASE)
# ... unless the day names the order: "昨天下午那单啥时候能发货", "yesterday's order"
_DATED_ORDER = re.compile(
    r"(?:昨天|今天|前天|上周|这周|本周|上个?月|这个?月)[^，。,.!?！？\s]{0,4}(?:那单|的单|那笔|订单|下的)"
    r"|\b(?:yesterday|today|this\s+week|last\s+week|last\s+month|this\s+month)'s\s+order\b"
    r"|\border\s+(?:from|of|placed)\s+(?:yesterday|today|this\s+week|last\s+week|last\s+month"
    r"|this\s+month)\b", re.IGNORECASE)


# the shopping festivals people date their orders by, and "11月11日"; the day before
# counts too, as a night order in UTC+8 is the day before in UTC
_FESTIVALS = ((re.compile(r"双\s*(?:11|十一)|\b11\.11\b"), (11, 11)),
              (re.compile(r"双\s*(?:12|十二)|\b12\.12\b"), (12, 12)),
              (re.compile(r"(?<!\d)618(?!\d)"), (6, 18)))
_MONTH_DAY = re.compile(r"(?<!\d)(1[0-2]|0?[1-9])\s*月\s*([12]\d|3[01]|0?[1-9])\s*(?:日|号)")


def _named_day(text: str, today: date) -> tuple[date, date] | None:
    found = next((md for rx, md in _FESTIVALS if rx.search(text)), None)
    if found is None:
        m = _MONTH_DAY.search(text)
        found = (int(m.group(1)), int(m.group(2))) if m else None
    if found is None:
        return None
    try:
        day = date(today.year, *found)
        if day > today:
            day = date(today.year - 1, *found)
    except ValueError:  # "2月30日"
        return None
    return day - timedelta(days=1), day


def placed_within(text: str, today: date) -> tuple[date, date] | None:
    """The first and last day the message's "last month", "上周", "yesterday", "双11",
    "11月3日" ... cover."""
    named = _named_day(text, today)
    if named is not None:
        return named
    month_start = today.replace(day=1)
    week_start = today - timedelta(days=today.weekday())
    last_month_end = month_start - timedelta(days=1)
    windows = ((_LAST_MONTH, (last_month_end.replace(day=1), last_month_end)),
               (_THIS_MONTH, (month_start, today)),
               (_LAST_WEEK, (week_start - timedelta(days=7), week_start - timedelta(days=1))),
               (_THIS_WEEK, (week_start, today)),
               (_YESTERDAY, (today - timedelta(days=1), today - timedelta(days=1))),
               (_TODAY, (today, today)))
    for said, window in windows:
        found = said.search(text)
        if found is not None and not _of_the_delivery(text, found.start()):
            return window
    return _days_ago(text, today)


def _of_the_delivery(text: str, at: int) -> bool:
    """The sentence holding ``at`` dates the delivery, saying nothing of ordering."""
    start = max((m.end() for m in _SENTENCE_END.finditer(text, 0, at)), default=0)
    end = _SENTENCE_END.search(text, at)
    sentence = text[start:end.start() if end else len(text)]
    return bool(_ARRIVAL.search(sentence)) and not (
        _ORDERING.search(sentence) or _DATED_ORDER.search(sentence))


def _days_ago(text: str, today: date) -> tuple[date, date] | None:
    """Days counted back, said of ordering: the window they cover (a day more before, as
    a night order in UTC+8 is the day before in UTC)."""
    for sentence in _SENTENCE_END.split(text):
        if not _ORDERING.search(sentence):
            continue
        if _FEW_DAYS_AGO.search(sentence):
            return today - timedelta(days=7), today
        if _DAY_BEFORE_YESTERDAY.search(sentence):
            return today - timedelta(days=3), today - timedelta(days=2)
        counted = _DAYS_AGO.search(sentence)
        if counted:
            word = (counted.group(1) or counted.group(2)).lower()
            n = int(word) if word.isdigit() else _COUNTS[word]
            return today - timedelta(days=n + 1), today - timedelta(days=n - 1)
    return None


def placed_in(window: tuple[date, date], candidates: Sequence[str],
              orders: Sequence[OrderSnapshot]) -> list[str]:
    """The candidates placed within the window, in the candidates' order."""
    first, last = window
    placed = {o.id: o.created_at.date() for o in orders}
    return [oid for oid in candidates if oid in placed and first <= placed[oid] <= last]
