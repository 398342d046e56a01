"""Sentiment and complaint signals: colloquial English and Chinese, intensifiers, negation,
requests for a human and threats to leave."""

from __future__ import annotations

import time

import pytest

from app.understanding.sentiment import ANGRY_AT, analyze_sentiment, asks_if_bot


@pytest.mark.parametrize("text, label", [
    # plain requests are neutral, whatever their punctuation
    ("where is my order?", "neutral"),
    ("我的订单到哪了？", "neutral"),
    ("请问发票怎么开", "neutral"),
    ("麻烦帮我查一下订单", "neutral"),
    ("你好，我想改一下地址", "neutral"),
    ("退款什么时候到账", "neutral"),
    ("Hello!!", "neutral"),
    ("The USB charger from UPS is fine", "neutral"),
    ("where is my package? thanks", "neutral"),
    ("谢谢", "neutral"),
    # praise
    ("Great, thanks!", "positive"),
    ("Thanks!!!", "positive"),
    ("thank you so much, you were super helpful", "positive"),
    ("质量不错，很喜欢", "positive"),
    ("太好了，谢谢！", "positive"),
    ("not bad, thanks", "positive"),
    ("no complaints, love it", "positive"),
    ("I LOVE IT", "positive"),
    # unhappy, but not angry
    ("Where is my order???", "negative"),
    ("我的快递怎么还没到？？？", "negative"),
    ("不喜欢这个颜色", "negative"),
    ("我不太满意", "negative"),
    ("I am not happy with the service", "negative"),
    ("This is unacceptable. I want my money back.", "negative"),
    ("I am never buying from you again", "negative"),
    ("the mugs arrived broken", "negative"),
    ("东西还没收到，已经等了两周了", "neutral"),
    ("😡😡😡 你们的包装是纸糊的吗？？锅盖直接碎了", "angry"),
    # angry
    ("WHERE IS MY ORDER???", "angry"),
    ("转人工！！！", "angry"),
    ("垃圾客服，骗子！", "angry"),
    ("什么破快递，气死我了！！！", "angry"),
    ("你们这是坑人吧", "angry"),
    ("wtf where is my package", "angry"),
    ("This is ridiculous!!!", "angry"),
    ("I hate this, worst company ever", "angry"),
    ("YOU PEOPLE ARE USELESS", "angry"),
    ("what a scam, I want my money back NOW", "angry"),
    ("再也不买了，差评！！！", "angry"),
])
def test_label(text: str, label: str) -> None:
    result = analyze_sentiment(text)
    assert result.label == label, result.signals
    assert (result.anger >= ANGRY_AT) == (label == "angry")


@pytest.mark.parametrize("text", [
    "Hi, I'm a bit disappointed - the jacket arrived with a torn zipper. Could you please help?",
    "您好，我对这次购物不太满意，杯子收到就是坏的，麻烦处理一下，谢谢",
    "my package still hasn't arrived and no one replied to my emails",
    "I'd like to make a complaint about the delivery, please.",
    "Sorry to bother you, but this is the third time my order came with a missing part.",
    "客服一直踢皮球，能不能给个说法",
    "你好，我想投诉一下你们的快递员",
    "发错货了，这是第二次了，你们能不能上点心",
    # who answers for the harm: "耽误我行程谁负责"
    "快递一直不到 耽误了我的事 这个谁来负责",
    "the delay ruined my weekend trip, who is responsible?",
    # the service mocked
    "发货倒是挺积极 想取消就各种不行 你们客服除了说不行还会点啥？",
    # a used item sold as new
    "滤网里有别人的头发 这是用过退回来的吧 拿二手货当新品卖",
    "I think you sent me a used kettle, there's limescale inside it",
    "说来说去啥都办不了 你们这客服是摆设吗",
    "I'm honestly fuming. PostNL dropped my helmet into the garden-waste bin and rang no bell.",
])
def test_polite_complaints_are_complaints_but_not_angry(text: str) -> None:
    result = analyze_sentiment(text)
    assert result.complaint, result.signals
    assert result.label == "negative"
    assert result.anger < ANGRY_AT


@pytest.mark.parametrize("text", [
    # a problem the actions can solve is negative, but routing need not hand it off
    "您好，我收到的杯子坏了，麻烦帮我处理一下，谢谢",
    "Unfortunately the mug arrived damaged. Could you send a replacement? Thank you.",
    "不好意思，我收到的T恤发错颜色了，能换一下吗",
    "refund pls, the lamp arrived broken",
    # the goods judged, however strongly: a reason for the return asked for
    "这件雨衣做工太差了 线头到处都是 想退货", "台灯质量太差了 想退",
    "terrible quality, I want to return it",
])
def test_a_plain_problem_is_negative_but_no_complaint(text: str) -> None:
    result = analyze_sentiment(text)
    assert result.label == "negative", result.signals
    assert not result.complaint


@pytest.mark.parametrize("text", [
    "where is my order?", "Great, thanks!", "is it too late to cancel?", "我想退货", "谢谢",
    "tell me a joke", "这张券不满足使用条件吗", "我妈的账号能不能合并", "快递放在垃圾桶旁边了吗",
    "东西还没收到，已经等了两周了", "i was charged twice for A10023",
    "不是投诉哈 就提个小建议", "where do the rubbish bags go?",
    "好的 发票到了我再看 谢谢你帮我避了个坑",
    # the shopper's own purchase left unused, not the service for show
    "猫天天跟我挤床上睡 窝买了也是摆设 能换成猫砂盆吗",
    "盒子跟泡沫当时都当垃圾扔了 没有原包装还能退吗",
])
def test_no_complaint_without_dissatisfaction(text: str) -> None:
    assert not analyze_sentiment(text).complaint


@pytest.mark.parametrize("text", [
    "转人工", "转人工！！！", "我要人工客服", "找真人", "叫你们经理出来", "人工", "能不能找人工",
    "I want to talk to a real person", "let me speak to someone", "can I speak with a human?",
    "get me a manager", "transfer me to an agent please", "I need a representative",
    "Can I chat with a live agent", "are you a bot? I want a human", "agent agent agent",
    "operator", "你是真人吗？我要找真人", "机器人吗 转人工",
    "bot isnt helping, need a human for A10023", "escalate this to a staff member",
    "找个活人来", "可以转到人工坐席吗", "我不想跟AI聊，找个人", "转人功", "能跟你们主管说话吗",
    "别自动回复了，要人", "帮我接通售后人员", "麻烦让值班的客服小姐姐来一下",
    "is there someone in billing I could speak with?", "anyone there I can talk to about this",
    "有没有人可以直接沟通一下", "rubbish answer. I want this escalated to a manager",
    # one person of the shop asked for again
    "上次帮我处理发票的那位客服小周今天在吗 我还想找她",
    "is the agent who helped me last week in today?",
    "I doubt the chat can produce that, so please pass me to a person who can arrange it.",
    "could you hand this over to a colleague?",
    "Nobody rang the bell. Get someone on your side to take this up with PostNL, properly.",
])
def test_wants_human(text: str) -> None:
    assert analyze_sentiment(text).wants_human


@pytest.mark.parametrize("text", [
    "人工智能客服吗", "where is my order?", "I'll talk to my husband about it", "转账失败了",
    "the person at the door said nothing", "someone to talk to my dog while I'm away, lol",
    "is there anyone who can use this code?", "我要找她的订单", "the man who delivered it was rude",
    # a person declined, not asked for
    "不用给我转人工啊 你直接告诉我就行", "please don't pass me on to a person, just tell me",
    "pass it to the courier when he comes", "can you hand me the tracking number?",
    "HR just announced that every staff member is getting a desk purifier, so cancel mine",
    "I'll get someone to look at the bike at my local shop",
])
def test_does_not_want_human(text: str) -> None:
    assert not analyze_sentiment(text).wants_human


@pytest.mark.parametrize("text", [
    "I am never buying from you again", "never again.", "再也不买了", "我要给差评",
    "我要投诉到12315", "找消协去", "I will file a chargeback", "I'm going to report you",
    "my lawyer will hear about this", "you'll get a one star review", "卸载了",
    "以后不来你们店了", "I'm taking my business elsewhere",
])
def test_threatens_to_leave(text: str) -> None:
    result = analyze_sentiment(text)
    assert result.threatens_to_leave
    assert result.complaint and result.label in ("negative", "angry")


@pytest.mark.parametrize("text", [
    "I will buy again", "好评！", "where is my order?", "can I return it?",
    "给睡袋打了个差评 后来发现是我自己拉链没拉好 能帮我把那条评价删了吗",
])
def test_does_not_threaten(text: str) -> None:
    assert not analyze_sentiment(text).threatens_to_leave


def test_signals_explain_the_verdict() -> None:
    result = analyze_sentiment("垃圾客服！！！转人工")
    assert "insult:垃圾" in result.signals
    assert "human:转人工" in result.signals
    assert "intensity:!!!" in result.signals
    shouted = analyze_sentiment("WHERE IS MY ORDER???")
    assert "caps:WHERE ORDER" in shouted.signals and "intensity:???" in shouted.signals
    assert analyze_sentiment("not bad").signals == ["negated:bad"]


def test_anger_rises_with_intensity() -> None:
    calm = analyze_sentiment("this is ridiculous").anger
    loud = analyze_sentiment("this is ridiculous!!!").anger
    shouting = analyze_sentiment("THIS IS RIDICULOUS!!!").anger
    assert 0 < calm < loud <= shouting <= 1


def test_politeness_softens() -> None:
    plain = analyze_sentiment("the mug arrived broken, I am disappointed").anger
    polite = analyze_sentiment("the mug arrived broken, I am disappointed. Could you please help?")
    assert polite.anger < plain and polite.complaint


def test_language_hint_does_not_change_the_result() -> None:
    text = "我的order还没到，this is ridiculous"
    assert analyze_sentiment(text, "zh") == analyze_sentiment(text, "en")
    assert analyze_sentiment(text).complaint


def test_fast_enough() -> None:
    texts = ["什么破快递，气死我了！！！", "Hi, I'm a bit disappointed - the jacket arrived "
             "with a torn zipper. Could you please help?", "where is my order?"] * 100
    start = time.perf_counter()
    for text in texts:
        analyze_sentiment(text)
    assert (time.perf_counter() - start) / len(texts) < 0.005


@pytest.mark.parametrize("text", [
    "are you a bot?", "Are you a real person", "am I talking to a robot?", "你是机器人吗",
    "是真人吗", "你是不是机器人",
])
def test_asking_if_a_machine_answers_is_no_request_for_a_person(text: str) -> None:
    assert asks_if_bot(text) and not analyze_sentiment(text).wants_human


@pytest.mark.parametrize("text", [
    "说好两天到，现在都第四天了还在路上？？你们到底行不行啊，烦死了",
    "快递员态度很差，东西直接扔在门口也不打电话",
])
def test_broken_promises_and_rudeness_are_complaints(text: str) -> None:
    assert analyze_sentiment(text).complaint


@pytest.mark.parametrize("text", [
    "服务太差了", "the service is terrible", "质量太差了 客服也不回 垃圾",
])
def test_the_shop_judged_is_still_a_complaint(text: str) -> None:
    assert analyze_sentiment(text).complaint


@pytest.mark.parametrize("text", [
    "I'm a bit disappointed the bed is smaller than it looked, but it's fine. how do I wash it?",
    "有点失望 不过还好 滤网多久换一次",
])
def test_a_let_down_taken_back_is_no_complaint(text: str) -> None:
    assert not analyze_sentiment(text).complaint


def test_a_let_down_not_taken_back_still_complains() -> None:
    assert analyze_sentiment("I am disappointed with the service").complaint


@pytest.mark.parametrize("text", ["你好 我的袜子少发了一双", "the socks were missing from the box"])
def test_something_left_out_of_the_parcel_is_for_a_person(text: str) -> None:
    assert analyze_sentiment(text).complaint


def test_rubbish_said_of_the_goods_is_angry_with_escalation() -> None:
    result = analyze_sentiment("two months and it's shredded? rubbish product and a rubbish "
                               "answer. I want this escalated to a manager")
    assert result.complaint and result.wants_human and result.label == "angry"
