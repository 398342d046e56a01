"""Cues of what a shopper asks of their account and their say about what they bought:
reviewing a product, feedback, the newsletter. Patterns of either language, of no store."""

from __future__ import annotations

from app.understanding.cue import Cue

# reviewing, asked: "can I review that one once it's here?", "I wanted to write a review",
# "怎么评价", "想给个好评" (a bad review mentioned in passing is not this)
asks_to_review = Cue(
    r"\b(?:can|could|may|how\s+do|where\s+do|want(?:ed)?\s+to|like\s+to|trying\s+to)\s+"
    r"(?:i\s+)?(?:\w+\s+)?(?:review|rate)\b|\b(?:write|leave|post|give|submit)\s+(?:a\s+|my\s+)?"
    r"(?:\w+\s+)?review\b|\breview\s+(?:button|link|page|form)\b"
    r"|(?:怎么|能不能|可以|想|要)(?:给)?(?:个)?(?:写)?(?:评价|好评|追评|晒单)|评价(?:入口|按钮|链接)")
# feedback said to be no complaint: "not a complaint, just a bit of feedback",
# "不是投诉哈 就提个小建议"
gives_feedback = Cue(
    r"\bnot\s+(?:a|really\s+a)\s+complaint\b|\bjust\s+(?:a\s+(?:bit\s+of\s+|little\s+)?|some\s+)?"
    r"(?:feedback|suggestion)\b|\b(?:a|one)\s+(?:small\s+|quick\s+|little\s+)?suggestion\b"
    r"|不(?:是|算)投诉|提(?:个|一个|点)(?:小)?(?:建议|意见)|(?:小|一点)建议|反馈一下")
# the newsletter: "take me off the newsletter", "unsubscribe me", "退订邮件"
mentions_newsletter = Cue(
    # (the shop's, not one the shopper writes for: "our pet club newsletter")
    r"(?<!\bour\s)(?<!\bclub\s)(?<!\bmy\s)\bnewsletters?\b(?!\s+(?:i|we)\s+(?:write|edit|run))"
    r"|\bunsubscrib\w*|\bmailing\s+list\b|\bmarketing\s+(?:e-?mails?|messages)\b"
    r"|\bpromo(?:tional)?\s+e-?mails?\b|退订|订阅|营销(?:邮件|短信)|促销(?:邮件|短信)")
# a product registered, not an account: "do I need to register it somewhere?", "产品要注册吗"
registers_a_product = Cue(
    r"\bregister\s+(?:it|them|this|that|the\s+(?!account|site|website)\w+|my\s+(?!account|details"
    r"|email)\w+)\b|\b(?:product|warranty)\s+registration\b"
    r"|(?:产品|保修|机器|设备|商品)(?:要|需要)?注册|注册(?:一下)?(?:产品|保修|机器|设备)")
# signing in: what a forgotten password is about ("lost one of the keys to the lock" is not)
mentions_signing_in = Cue(
    r"\bpass\s?(?:word|code)s?\b|\blog\s?(?:in|on)\b|\bsign(?:ing)?\s?in\b|\baccount\b|\breset\s+link\b"
    r"|\bprofile\b|\buser\s?name\b|\bcan'?t\s+get\s+in\b|\breset\b|\bverification\b"
    r"|\bpwd\b|\blocked\s+out\b|密码|登录|登陆|账号|帐号|账户|帐户|验证码")
