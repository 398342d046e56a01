"""Regional Chinese read in Mandarin, word for word of the same length; Mandarin's own
uses of the same characters left alone."""

from __future__ import annotations

import pytest

from app.understanding.dialect_words import as_mandarin
from app.understanding.slot_cues import find_affirmation


@pytest.mark.parametrize(("text", "read"), [
    ("咯个滤芯装上去以后 大概好久要换一回咯", "这个滤芯装上去以后 大概多久要换一回咯"),
    ("阿拉猫一趟也勿肯睏 还好退伐", "我们猫一趟也不肯睏 还好退吗"),
    ("滤芯那单还冇发货吧", "滤芯那单还没发货吧"),
    ("啥子时候到", "什么时候到"), ("咋个退货", "怎么退货"), ("这个好多钱", "这个多少钱"),
    # the north-west's and Shanghai's
    ("嫑咧嫑咧 额屋里的还能用 帮额取消", "别了别了 我家里的还能用 帮我取消"),
    ("额妈说还是嫑取消咧", "我妈说还是别取消了"), ("对额 就迭能改", "对的 就这样改"),
    ("够额屋五口人吃不", "够我家五口人吃吗"), ("能退不？", "能退吗？"),
    ("算了 我也不", "算了 我也不"),
    # Mandarin's own: a complaint of waiting, a greeting, a notice, an amount, a filler
    ("等了好久还没到", "等了好久还没到"), ("好久不见", "好久不见"), ("请勿回复", "请勿回复"),
    ("退款金额是多少", "退款金额是多少"), ("全额退吗", "全额退吗"),
    ("额，我想问一下", "额，我想问一下"),
    ("咧嘴笑", "咧嘴笑"),
])
def test_regional_words_are_read_in_mandarin(text: str, read: str) -> None:
    assert as_mandarin(text) == read
    assert len(as_mandarin(text)) == len(text)


@pytest.mark.parametrize(("text", "answer"), [
    ("对咯 就是这个地址 蛮好", "yes"), ("行哒", "yes"), ("行咯", "yes"), ("管 就这么寄", "yes"),
    ("管不管用啊", None),
    ("对了 还有个问题", None), ("好像不对", None)])
def test_a_yes_with_a_regional_particle(text: str, answer: str | None) -> None:
    assert find_affirmation(text) == answer
