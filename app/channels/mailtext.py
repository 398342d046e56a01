"""The new words of an email: body picked from its parts, quoted history and signatures
cut off, in the formats common mail clients write (English and Chinese).

Cutting is conservative in one direction: everything from the first line that starts
a quote ("On ... wrote:", "在 ... 写道：", an Outlook header block, "-----Original
Message-----", "> ...") or a signature ("-- ", "Sent from my iPhone", "发自我的iPhone")
is dropped, so history never reaches the pipeline as if the shopper had just said it.
"""

from __future__ import annotations

import re
from email.message import EmailMessage
from html.parser import HTMLParser

# a line that starts the quoted history
_QUOTE_HEADERS = [
    re.compile(r"^-{2,}\s*(original message|forwarded message)\s*-{2,}", re.I),
    re.compile(r"^-{2,}\s*(原始邮件|原始郵件|转发邮件|轉寄郵件)\s*-{2,}"),
    re.compile(r"^_{10,}\s*$"),  # Outlook's rule above its header block
    re.compile(r"^on\b.{0,200}\bwrote:?\s*$", re.I),
    re.compile(r"^在.{0,200}(写道|寫道)\s*[:：]?\s*$"),
    re.compile(r"^.{0,200}于.{0,80}(写道|寫道)\s*[:：]\s*$"),
]
# the first line of an Outlook/Foxmail/QQ header block ("From: ..." then "Sent: ...")
_BLOCK_START = re.compile(r"^\**\s*(from|发件人|寄件者)\s*[:：]", re.I)
_BLOCK_NEXT = re.compile(r"^\**\s*(sent|date|to|subject|发送时间|日期|收件人|主题|寄件日期|"
                         r"主旨)\s*[:：]", re.I)
# a "wrote:" header that the client wrapped onto a second line
_WROTE_SPLIT = re.compile(r"^on\b.{0,200}$", re.I)
_SIGNATURES = [
    re.compile(r"^--\s*$"),
    re.compile(r"^(sent from|get outlook for|sent via)\b.{0,60}$", re.I),
    re.compile(r"^(发自|来自|從我的|从我的).{0,30}(iphone|ipad|android|手机|手機|邮箱|郵箱|"
               r"mail|客户端|华为|小米|发送|傳送)", re.I),
]


def _starts_quote(lines: list[str], i: int) -> bool:
    line = lines[i].strip()
    if any(p.match(line) for p in _QUOTE_HEADERS):
        return True
    nxt = lines[i + 1].strip() if i + 1 < len(lines) else ""
    if _WROTE_SPLIT.match(line) and re.match(r"^.{0,120}wrote:?\s*$", nxt, re.I):
        return True
    if _BLOCK_START.match(line):
        following = [x.strip() for x in lines[i + 1:i + 4]]
        return any(_BLOCK_NEXT.match(x) for x in following)
    return False


def strip_reply(text: str) -> str:
    """The text above the quoted history and the signature."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    kept: list[str] = []
    for i, raw in enumerate(lines):
        line = raw.strip()
        if _starts_quote(lines, i) or any(p.match(line) for p in _SIGNATURES):
            break
        if line.startswith(">"):
            continue  # an interleaved quote: the shopper's own lines around it stay
        kept.append(raw.rstrip())
    out = "\n".join(kept).strip()
    return re.sub(r"\n{3,}", "\n\n", out)


class _HTMLText(HTMLParser):
    """Text of an HTML body without what clients mark as quoted history."""

    SKIP = frozenset({"style", "script", "head", "title", "blockquote"})
    QUOTE_MARKS = ("gmail_quote", "yahoo_quoted", "moz-cite-prefix", "divrplyfwdmsg",
                   "appendonsend", "ntes-mailmaster-quote", "qm_con_body_content")
    BREAKS = frozenset({"br", "p", "div", "tr", "li", "h1", "h2", "h3", "h4", "h5", "h6"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skip = 0
        self._stopped = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        marks = " ".join(v or "" for k, v in attrs if k in ("class", "id")).lower()
        if any(m in marks for m in self.QUOTE_MARKS):
            self._stopped = True  # history starts here; nothing after it is new
        if tag in self.SKIP:
            self._skip += 1
        if tag in self.BREAKS:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in self.SKIP and self._skip:
            self._skip -= 1
        if tag in self.BREAKS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self._skip and not self._stopped:
            self.parts.append(data)


def html_to_text(html: str) -> str:
    parser = _HTMLText()
    parser.feed(html)
    parser.close()
    text = "".join(parser.parts).replace("\xa0", " ")
    return "\n".join(line.strip() for line in text.split("\n"))


def body_text(msg: EmailMessage) -> str:
    """The message's text: its plain part, else its HTML part as text."""
    part = msg.get_body(preferencelist=("plain", "html"))
    if part is None:
        return ""
    try:
        content = part.get_content()
    except (LookupError, ValueError):  # an unknown charset or a broken encoding
        payload = part.get_payload(decode=True)
        content = payload.decode("utf-8", "replace") if isinstance(payload, bytes) else ""
    if not isinstance(content, str):
        return ""
    return html_to_text(content) if part.get_content_type() == "text/html" else content


_REPLY_PREFIX = re.compile(r"^\s*((re|fw|fwd|aw|sv|回复|回覆|答复|转发|轉寄)\s*[:：]\s*)+", re.I)


def bare_subject(subject: str) -> str:
    """The subject without "Re:", "回复：" and the like."""
    return _REPLY_PREFIX.sub("", subject or "").strip()


def new_text(msg: EmailMessage, *, first_in_thread: bool) -> str:
    """What the shopper wrote in this email. A thread's first email often says it all
    in the subject ("Order A1002 never arrived"), so that comes first there."""
    text = strip_reply(body_text(msg))
    subject = bare_subject(str(msg.get("Subject") or ""))
    if first_in_thread and subject and subject.lower() not in text.lower():
        text = f"{subject}\n{text}".strip()
    return text
