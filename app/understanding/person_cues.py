"""Who the shopper wants to answer: a person asked for, named, or declined, and the
"anyone there?" of someone waiting for an answer."""

from __future__ import annotations

from app.understanding.cue import Cue

# a person asked for in so many words ("转人工", "connect me to an agent"), as against
# a question about them ("人工客服几点下班")
asks_for_a_person = Cue(
    r"转(?:接)?人工|接人工|找人工|要人工|(?:给我|帮我)(?:转|接|找)|\b(?:talk|speak|chat)\s+(?:to|with)\b"
    r"|\b(?:connect|transfer|put)\s+me\b|\b(?:pass|hand)\s+(?:me|this|it)\s+(?:on\s+|over\s+)?to\b"
    r"|\bget\s+me\s+(?:a|an|the|your)?\s*(?:human|person|agent)")
# a person said not to be wanted: "no need to escalate or pass me on", "不用转人工"
declines_a_person = Cue(
    r"\bno\s+need\s+(?:to\s+|for\s+(?:a|an)\s+)?(?:escalat\w*|pass\s+me|transfer|a\s+(?:human|person|colleague)"
    r"|human|person|agent|colleague)"
    r"|\b(?:don'?t|do\s+not)\s+(?:need|want)\s+(?:to\s+(?:be\s+)?(?:escalat\w*|transferr?\w*|passed\s+on)"
    r"|(?:a|an)\s+(?:human|person|agent|colleague))\b"
    r"|(?:不用|不需要|不要|别|用不着|没必要)(?:给我|帮我)?(?:转|找)(?:人工|真人|客服)")
# a person named at all ("a human please", "真人"): more than a ping to see who is there
names_a_person = Cue(r"\b(?:human|person|agent|staff|manager|someone\s+real)\b|人工|真人|客服|经理")
# "hello?? anyone there", "有人吗": waiting for someone to answer
pings = Cue(
    r"\b(?:any\s*one|any\s*body|some\s*one|some\s*body)\s+(?:there|here|around|online|home)\b"
    r"|\bis\s+(?:any\s*one|some\s*one)\s+(?:reading|answering)\b|有人吗|有没有人|人呢|还有人吗"
    r"|(?:现在)?有人在(?:吗|么|嘛|不|没)|现在有人吗"
    r"|^\W*(?:hello|hi|hey|喂|在吗|在不在)\s*[?？]{2,}\W*$"
    r"|^\W*(?:亲|亲亲|你好|您好|客服|hello|hi)?\W*(?:在吗|在不在|在么|在嘛)\W*$")
# proof the shopper holds, offered to whoever takes the matter up: "I've still got the
# original post with the date on it if anyone needs proof", "箱子我还留着 面单也拍照了"
offers_proof = Cue(
    r"\b(?:still\s+(?:have|got)|i'?ve\s+(?:still\s+)?(?:got|kept)|i\s+(?:still\s+)?(?:have|kept)"
    r"|i'?m\s+keeping|i\s+am\s+keeping"
    r"|i\s+took|i'?ve\s+taken)\b[^.?!]{0,60}?\b(?:proof|screenshots?|photos?|pictures?|pics|receipts?|post"
    r"|emails?|messages?|texts?|recordings?|box|label|packaging|evidence|call\s+log)\b"
    r"|\bif\s+(?:any(?:one|body)|you|your\s+(?:team|colleague)s?)\s+(?:needs?|wants?)\s+(?:it|them"
    r"|proof|evidence|to\s+see)\b"
    # "I can forward it if that helps"
    r"|\bi\s+can\s+(?:forward|send|share|screenshot)\s+(?:it|them|that|those)\b[^.?!]{0,20}"
    r"\bif\s+(?:that|it)\s+helps\b"
    # (the thing kept is proof, not the item: "那我就留着用" keeps the goods)
    r"|(?:箱子|盒子|包装|面单|快递单|单据|小票|收据|截图|照片|聊天记录|号码|电话|通话记录|凭证|原件)"
    r"[^，。,.!?！？]{0,4}?(?:还)?(?:留着|保留着|保存着|存着)"
    # ... or sent whenever asked: "要拍照的话随时发你们", "需要的话随时发给你们"
    r"|(?:需要|要)[^，。,.!?！？]{0,6}?的话[^，。,.!?！？]{0,4}?(?:随时)?(?:可以)?发(?:给)?(?:你们|您)"
    r"|(?:你们|您)(?:需要|要)的话[^，。,.!?！？]{0,4}?(?:我)?(?:再)?发(?:过来|过去|给)"
    r"|随时(?:可以)?发(?:给)?(?:你们|您)"
    r"|拍(?:了)?照(?:片)?了|拍了照|拍下来了|截图了|截了图|录了音|录音了"
    r"|(?:我)?(?:还)?有(?:截图|照片|录音|聊天记录|视频|通话记录)")
# the person already asked for, waited for: "行，我等你们人工回复", "ok I'll wait for them to
# get back to me" (no new request for one)
waits_for_a_person = Cue(
    r"等(?:着)?(?:你们的?|人工|客服|同事)(?:客服|同事)?[^，。,.!?！？]{0,4}(?:回复|回电|联系|电话|消息)"
    r"|\bi'?ll\s+wait\s+(?:for\s+(?:them|him|her|someone|the\s+\w+)|to\s+hear)\b")
