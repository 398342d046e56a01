"""The text of a message as Kefu reads it: invisible and control characters removed.

A message of only zero-width spaces, NULs or lone surrogates is an empty message, not
a question; and none of those characters may reach the database, a log line or a
prompt.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from functools import lru_cache
from urllib.parse import unquote

from opencc import OpenCC

from app.understanding.address_case import capitalised, in_capitals
from app.understanding.slot_addresses import find_address

# format (Cf: zero-width, bidi controls), control (Cc) except line breaks and tabs,
# surrogates (Cs: invalid alone), private use (Co) and unassigned (Cn)
_DROP = frozenset({"Cf", "Cs", "Co", "Cn"})
_KEEP_CONTROL = frozenset("\n\t")
_SPACES = re.compile(r"[ \t\u00a0\u3000]+")
_LINES = re.compile(r"\n{3,}")


def clean_message(text: str) -> str:
    kept = []
    for ch in text:
        category = unicodedata.category(ch)
        if category in _DROP or (category == "Cc" and ch not in _KEEP_CONTROL):
            continue
        kept.append(ch)
    body = "".join(kept).replace("\r", "")
    body = _SPACES.sub(" ", body)
    return _LINES.sub("\n\n", body).strip()


# a digit written as a keycap emoji ("SO-8️⃣8️⃣3️⃣4️⃣0️⃣"): the digit, with its emoji
# selector and enclosing keycap dropped
_KEYCAP = re.compile(r"([0-9#*])\ufe0f?\u20e3")


def keycaps_as_digits(text: str) -> str:
    return _KEYCAP.sub(r"\1", text)


# a number dictated digit by digit and typed out by the voice keyboard in Chinese
# ("订单号六九五八四五二六五三五七七八三八", "幺" for one): read in digits, one for one;
# six or more in a row, so words ("一一", "三三两两") stay words
_SPOKEN_DIGIT = dict(zip("零〇一幺二两三四五六七八九", "0011223456789", strict=True))
_SPOKEN_RUN = re.compile(r"[零〇一幺二两三四五六七八九]{6,}")


def spoken_digits(text: str) -> str:
    return _SPOKEN_RUN.sub(lambda m: "".join(_SPOKEN_DIGIT[c] for c in m.group(0)), text)


# a link pasted with its query percent-encoded ("?order=SO%2D88157"): read decoded, so
# the order number in it is found
_LINK = re.compile(r"https?://\S+", re.IGNORECASE)


def links_decoded(text: str) -> str:
    return _LINK.sub(lambda m: unquote(m.group(0)), text) if "%" in text else text


# Chinese in traditional characters ("請問現在有人在嗎", "謝謝"), read in the simplified ones
# the cues, the classifier and the knowledge base are written in; a store's own names are
# folded the same way (app.store.catalogue.fold), so either script finds them
_TRADITIONAL = OpenCC("t2s")
_CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")


@lru_cache(maxsize=65536)
def _converted(text: str) -> str:
    return str(_TRADITIONAL.convert(text))


def simplified(text: str) -> str:
    """``text`` with traditional Chinese characters in their simplified form (one for
    one, so positions hold); text without Chinese is returned as it is."""
    if not _CJK.search(text):
        return text
    converted = _converted(text)
    return converted if len(converted) == len(text) else text


# clauses: set off by punctuation or a dash, or by a space between Chinese words ("等下
# 头灯先不要了 改成…", "no wait, not the pin - add another scarf instead"); a question mark
# stays with its clause
_CLAUSE_BREAK = re.compile(r"[,，.。!！;；]+|\s+-+\s+|(?<=[\u4e00-\u9fff])\s+(?=[\u4e00-\u9fff\d])")


def clauses(text: str) -> list[str]:
    return [part.strip() for part in _CLAUSE_BREAK.split(text) if part.strip()]


def _sentences(text: str) -> list[str]:
    return [p for p in re.split(r"(?<=[.!?。！？])\s*", text) if p.strip()]


def the_question(text: str) -> str:
    """The sentence that asks ("I'll sort that with DHL myself. the lock, is it gold?": the
    lock's), else the last."""
    sentences = _sentences(text)
    return next((p for p in reversed(sentences) if "?" in p or "？" in p),
                sentences[-1] if sentences else text)


def questions_asked(text: str) -> str:
    """The sentences with a question mark, else the whole message: what is only told
    around them is left out."""
    asked = [p for p in _sentences(text) if "?" in p or "？" in p]
    return " ".join(asked) if asked else text


# a dictated message with its punctuation spoken: "will it work in tokyo comma I'm there
# for work question mark"; read only when two such words are said, so "a comma" alone
# or "the period of the warranty" stay words
_SPOKEN_MARK = re.compile(r"\s*\b(question\s+mark|exclamation\s+(?:mark|point)|full\s+stop|period"
                          r"|comma|colon|new\s+line)\b", re.IGNORECASE)
_MARKS = {"question mark": "?", "exclamation mark": "!", "exclamation point": "!",
          "full stop": ".", "period": ".", "comma": ",", "colon": ":", "new line": "\n"}
MIN_SPOKEN_MARKS = 2
_ALSO_WORDS = frozenset({"period", "colon"})


def spoken_punctuation(text: str) -> str:
    """``text`` with its spoken punctuation written, when it is dictated: two marks said,
    one of them a mark that is no other word ("question mark", "comma", not "period":
    "the return period and the warranty period" is no dictation)."""
    said = [re.sub(r"\s+", " ", m.lower()) for m in _SPOKEN_MARK.findall(text)]
    if len(said) < MIN_SPOKEN_MARKS or all(m in _ALSO_WORDS for m in said):
        return text
    return _SPOKEN_MARK.sub(
        lambda m: _MARKS[re.sub(r"\s+", " ", m.group(1).lower())], text).strip()


# a message typed with caps lock on ("HOW MANY DAYS CAN I USE IT"): read in small letters,
# as the classifier and the cues were written (ids fold case anyway). A message all in
# capitals says nothing of the mood (an older shopper's caps lock); shouted words in a
# message otherwise in small letters still raise the anger read
MIN_SHOUTED_LETTERS = 12


def _mostly_chinese(text: str) -> bool:
    return len(_CJK.findall(text)) >= sum(1 for c in text if c.isascii() and c.isalpha())


def unshouted(text: str) -> str:
    """The message in small letters; an address in it keeps its capitals, which tell a
    street and a town from ordinary words ("14 ELM GROVE, LEEDS LS6 2AB")."""
    if not in_capitals(text, MIN_SHOUTED_LETTERS) or _mostly_chinese(text):
        return text  # (a Chinese message's codes and ids are capitals, no shouting)
    small = text.lower()
    address = find_address(text)[0]
    at = text.find(address) if address else -1
    if address is None or at == -1:
        return small
    return small[:at] + (capitalised(address) or address) + small[at + len(address):]


# a reply under a quote of the message it answers ("> Cancel order …? Reply yes…\n\nyes",
# "「确认取消订单…吗？」\n是"): the quote is the other side's words, the answer is what follows
_QUOTE = re.compile(r"^(?:(?:>[^\n]*\n)+|(?:「[^」]+」|“[^”]+”|\"[^\"]+\")\s*\n)\s*")


def without_quote(text: str) -> str:
    rest = _QUOTE.sub("", text, count=1).strip()
    return rest or text


# an e-mail's sign-off and what follows it (name, address, phone, "Sent from my iPhone"):
# the sender's card, not a request ("Kind regards,\nJack\n3 Douglas Street, Cork…" is no
# new address). Cut only when a few short lines follow it and something came before it
_SIGN_OFF = re.compile(
    r"\n[ \t]*(?:(?:kind|best|warm|many)\s+(?:regards|wishes|thanks)|regards|best|cheers"
    r"|thanks|thank\s+you|many\s+thanks|sincerely|yours\s+(?:sincerely|truly|faithfully)"
    r"|br|此致|顺祝(?:商祺|安好)?|祝好|谢谢)[ \t]*[,，!！.。]?[ \t]*\n"
    r"(?P<card>(?:[^\n]*\n?){1,6})$",
    re.IGNORECASE)
_SENT_FROM = re.compile(r"\n[ \t]*(?:sent\s+from\s+my\s+[^\n]{1,30}|发自我的[^\n]{1,20}"
                        r"|get\s+outlook\s+for\s+[^\n]{1,20})[ \t]*$", re.IGNORECASE)
MAX_CARD_CHARS = 200
_NAME = re.compile(r"^(?:[A-Z][\w'.-]*(?:\s+[A-Z][\w'.-]*){0,3}|[\u4e00-\u9fff]{1,4})[,.]?$")


def without_signature(text: str) -> str:
    body = _SENT_FROM.sub("", text.rstrip()).rstrip()
    card = _SIGN_OFF.search(body)
    # (a name comes first on a card: "thanks\n12 Main St…" is the address asked for)
    if card is not None and card.start() > 0 and len(card.group("card")) <= MAX_CARD_CHARS \
            and _NAME.match(card.group("card").strip().split("\n")[0].strip()):
        body = body[:card.start()].rstrip()
    return body or text


# a chat app's emoticon typed as its code ("[OK][OK]" for a yes, "[抱拳]" for thanks, "[发怒]"):
# read as the emoji it shows. WeChat's and Weibo's common codes; any other "[...]" (an
# "[图片]" placeholder, a note in brackets) stays as written
_EMOTICONS = {
    "ok": "👌", "强": "👍", "赞": "👍", "good": "👍", "弱": "👎", "握手": "🤝", "抱拳": "🙏",
    "合十": "🙏", "胜利": "✌", "耶": "✌", "拳头": "👊", "鼓掌": "👏", "爱心": "❤", "心": "❤",
    "玫瑰": "🌹", "微笑": "🙂", "愉快": "😊", "呲牙": "😁", "憨笑": "😄", "偷笑": "🤭",
    "笑哭": "😂", "破涕为笑": "😂", "捂脸": "🤦", "尴尬": "😅", "汗": "😓", "擦汗": "😓",
    "哭": "😭", "大哭": "😭", "流泪": "😢", "难过": "😞", "委屈": "🥺", "可怜": "🥺",
    "发怒": "😡", "怒": "😡", "生气": "😠", "白眼": "🙄", "疑问": "❓", "再见": "👋",
    "奸笑": "😏", "机智": "😎", "让我看看": "👀", "叹气": "😮‍💨", "裂开": "💔", "衰": "😩",
}
_EMOTICON = re.compile(r"\[([^\[\]\s]{1,6})\]")


def emoticons_as_emoji(text: str) -> str:
    return _EMOTICON.sub(lambda m: _EMOTICONS.get(m.group(1).lower(), m.group(0)), text)


# pictographs, their skin tones and joiners, as a message's last word: "改吧👌", "go ahead 👍"
_TRAILING_EMOJI = re.compile(
    r"[\s\u200d\ufe0f\u2600-\u27bf\U0001F000-\U0001FAFF]+$")


def without_trailing_emoji(text: str) -> str:
    return _TRAILING_EMOJI.sub("", text) or text


def as_written(found: str, written: str) -> str:
    """``found``, read from the message in simplified characters, as the shopper wrote it
    where it stands there one for one: a Hong Kong address keeps its 九龍 and 彌敦道."""
    if found in written or not _CJK.search(found):
        return found
    size = len(found)
    return next((written[at:at + size] for at in range(len(written) - size + 1)
                 if simplified(written[at:at + size]) == found), found)


def without_words(text: str, words: Iterable[str]) -> str:
    """``text`` with each of ``words`` blanked out, in the order given, whatever its case:
    the message without the items it names, read for what else it says."""
    for word in words:
        text = re.sub(re.escape(word), " ", text, flags=re.IGNORECASE)
    return text
