"""Why an item goes back, read from ordinary words: a part that does not do its job is a
fault, a dent is damage; words that only look alike are no reason."""

from __future__ import annotations

import pytest

from app.understanding.return_reasons import find_return_reason


@pytest.mark.parametrize(("text", "reason"), [
    ("水壶用了一周多 底座不通电了 还能退吗", "defective"),
    # an order that never came is no wrong item
    ("whatever happened to the lamp I ordered in may? it never came", None),
    ("I ordered the blue one and got a red one", "wrong_item"),
    ("吹风机开不了机", "defective"),
    ("这件雨衣做工太差了 线头到处都是", "defective"), ("terrible quality, I want to return it",
                                                 "defective"),
    ("the jersey arrived with a hole in the seam", "damaged"),
    ("there's a split along the bottom where the stuffing shows", "damaged"),
    ("it has a tear in the seam", "damaged"), ("can I split the order in two", None),
    ("it's not a split at all, it's the zip", None),
    ("猫包收到了 颜色跟图片差好多", "not_as_described"),
    ("the bar tape colour is different from the website photo", "not_as_described"),
    ("its not the colour i expected", "changed_mind"), ("跟我想的不一样", "changed_mind"),
    ("盖子关不上", "defective"),
    ("the kettle lid doesn't close properly, can i send it back", "defective"),
    # a pair that is no pair: the wrong thing sent; "left" and "right" that say else
    ("两只居然都是左手的 右手根本戴不进去", "wrong_item"),
    # a label that is not what is inside; a part come off after a few tries
    ("the mug came in a box marked blue but it's green", "wrong_item"),
    ("盒子上印着256G 拆开是128G的", "wrong_item"), ("the box says fragile but whatever", None),
    ("背包的拉链拉了两三次就掉下来了", "defective"),
    ("锅的涂层一块块往下掉", "defective"), ("the non-stick coating is flaking", "defective"),
    ("窗户吊床 吸盘老是掉", "defective"),
    # food gone bad; a warning light that stays on after the fix tried
    ("猫粮拆开一股哈喇味 还有小虫在爬", "defective"), ("逗猫棒是虫子造型的吗", None),
    ("拆开洗了叶轮 装回去还是红灯", "defective"), ("饮水机灯一直闪红色", None),
    ("cleaned the pump and put it back, still red", "defective"),
    ("the red light is on when charging, is that normal?", None),
    ("got two left shoes in the box", "wrong_item"),
    ("both gloves are for the left hand", "wrong_item"), ("they both left yesterday", None),
    ("both of them are right", None), ("都是左边的问题吗", None),
    ("the heater isn't heating properly", "defective"),
    ("the blender won't start", "defective"),
    ("the voltage switch broke already", "defective"),
    ("一开机就有股焦糊味", "defective"),
    ("there's a burning smell when it heats", "defective"),
    ("用了两天脸上起红疹了", "defective"),
    ("I had an allergic reaction to the cream", "defective"),
    ("电饭煲收到了 内胆有个凹痕", "damaged"),
    ("the box came with two dents in the side", "damaged"),
    ("the helmet does not fit properly", "wrong_size"),
    # one bought too many: the shopper's own mistake, as a change of mind
    ("多拍了一个HEPA滤网 没拆封的", "changed_mind"),
    ("I accidentally ordered two of the lamps", "changed_mind"),
    ("we bought one too many", "changed_mind"),
    # crushed on the way, snapped in two, soaked through, never switching off
    ("外盒整个压扁了 项圈卡扣直接断成两截 肯定是路上压的 我要退", "damaged"),
    ("卡扣断成两截了", "defective"),
    # cut open on the way; a pocket that is a slit is no damage
    ("纸箱被压塌了 裤腿上被划了一条三厘米的口子", "damaged"),
    ("the tent bag came with a gash down one side", "damaged"),
    ("does the jacket have a slit pocket on the chest?", None),
    ("骑了二十分钟，肩膀和后背全湿透了，说好的防水呢", "defective"),
    ("the jacket soaks through in ten minutes", "defective"),
    ("The steel kettle doesn't click off when it boils", "defective"),
    ("The collar keeps switching itself off", "defective"),
    ("can you not do that right now", None),
    ("the app won't connect to my phone", None),
    ("I don't think it's right for me", None),
])
def test_the_reason_in_the_words(text: str, reason: str | None) -> None:
    assert find_return_reason(text) == reason


@pytest.mark.parametrize(("text", "reason"), [
    ("sorry, wrong one - I meant the mini pump order", None),
    ("oops wrong number, I meant the other order", None),
    ("wrong one, I mean the helmet order", None),
    ("you sent the wrong one, sorry but I ordered blue", "wrong_item"),
    ("got the wrong one in the box", "wrong_item"),
])
def test_naming_the_wrong_order_oneself_is_no_wrong_item(text: str, reason: str | None) -> None:
    assert find_return_reason(text) == reason


@pytest.mark.parametrize(("text", "reason"), [
    ("one of the two bags came split right down the side", "damaged"),
    ("the box arrived burst open", "damaged"), ("插头松了 插紧就好了", None),
    ("裤子穿着有点紧", "wrong_size"), ("头盔太松了", "wrong_size"),
    # the device's own socket or a strap that gave way is a fault
    ("底座的type-c口松了 线要歪着插才通电 猫一碰就断", "defective"),
    ("The shoulder strap came unstitched on our first walk - one side just let go",
     "defective"),
    ("the handle gave way when I lifted it", "defective"),
    ("the middle pocket isn't a pocket at all - the top of it is stitched shut", "defective"),
    # age, no size: "我爸年纪大了"
    ("我爸年纪大了不太会打字", None), ("这件衣服大了一号", "wrong_size")])
def test_burst_on_the_way_and_loose_on_the_body(text: str, reason: str | None) -> None:
    assert find_return_reason(text) == reason


@pytest.mark.parametrize(("text", "reason"), [
    ("那件外套我想退了。没有质量问题，就是公司发了一件差不多的，两件用不过来", None),
    ("不是质量问题 就是不想要了", "changed_mind"),
    ("nothing wrong with it, I just changed my mind", "changed_mind"),
    ("it's not faulty, just too big", "wrong_size"),
    # a fault said after all
    ("坏了 有质量问题", "defective"), ("works fine but the strap broke", "defective")])
def test_a_fault_denied_is_no_fault(text: str, reason: str | None) -> None:
    assert find_return_reason(text) == reason


@pytest.mark.parametrize(("text", "reason"), [
    ("emptied it and filled it again, and it still says E2 with 1.6 kg of food in it",
     "defective"), ("洗了叶轮 装回去还是报E11", "defective"), ("it still says hi", None)])
def test_its_code_still_shown_after_the_fix_is_a_fault(text: str, reason: str | None) -> None:
    assert find_return_reason(text) == reason
