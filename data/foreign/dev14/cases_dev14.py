# ruff: noqa: E501  (data tables: one conversation per block)
"""Build the fourteenth Spokeline development set: dev14/dialogues.jsonl.

Written by hand on 2026-11-30 from ../store.json, ../policy.json and ../kb/ (en and zh),
before Kefu was run on it, by a helper who read only its brief, DESIGN.md (../shared/ from the
repository root), data/scenarios/README.md, ../README.md, ../store.json, ../policy.json, ../kb/,
the earlier development sets of this store (../dialogues.jsonl, ../scenarios.jsonl, dev2/ to
dev13/, builders and files, for the format and conventions and so as not to repeat their
situations or wording), tests/pack_format.py and tests/test_dev_sets_shape.py. Kefu's code
(app/, retrieval/, eval/, prompts/), its intent data and models, its other tests,
../build_foreign.py and the held-out set were not read, no commit message was read, and Kefu was
not run on these conversations. Every expectation is what a careful human agent of the shop would
do with these records and this policy; none was written or changed to match Kefu.

Standard library only, deterministic. Every shopper message and every expectation is written
out literally below; the helpers and checks are those of dev13/cases_dev13.py, taken over as
they were. The script only

* copies facts from the records into the expectations (tracking numbers, carriers, and
  another customer's tracking number, street, name, phone and e-mail for `reply_excludes`),
* resolves product references through `only()`, which fails unless exactly one of the
  customer's orders holds the product the shopper describes (the references it cannot make, an
  order named by what it is not, "不是头盔那个，另一个", are checked in `kinds_check()`),
* fills `gives` (an order id in any spelling, or the last digits of exactly one of the
  shopper's orders: a web order number percent-encoded in a pasted link, "SO%2D88157", or
  typed with keycap emoji digits, "SO-8️⃣8️⃣3️⃣4️⃣0️⃣", counts; an address when the message
  carries a new one; a tracking number or a refund number is not an order id),
* checks every expectation against the records, the policy and the knowledge base
  (ownership, statuses that allow a write, an invoice or a tracking answer, the 14-day window
  with its 4-day margin, the 365 invoice days, amounts and fees, the free-shipping line, the
  delivery times, every policy or product figure a reply must carry present in the KB of the
  speaker's language), that no (speaker, own order, intent) an earlier set had comes back beyond
  those listed in `REUSED` (every order a write can touch has had one before, and most orders on
  their way have been tracked), and that no message repeats one of the earlier Spokeline sets it
  may read (no shared 24-character, or 10-character Chinese, run) or another message of this
  file, and
* writes the file.

Format, `expect` keys and conventions are those of dev2-dev13 (see ../README.md); intents come
from tests/pack_format.py (loaded by path, never from the application). Writes (cancel,
address change, item change, return) are `needs_confirmation` first and `executed` after the
shopper's yes; a no leaves nothing pending (`status: null`); a refusal by the policy is
`blocked` and names the order. Money back after a cancellation is `track_refund` with `3-5` and
`7-12` excluded. A return for a size carries the `4.90` fee, a return of a faulty item excludes
it; a return after the window is `blocked` with the `14`. An address change of a shipped order is
blocked at once; the redirect names the carrier. An item change of a paid order is blocked. A
bare thank-you that closes a conversation is `other` with nothing run and no hand-off. A warranty
question is `product_question`. Another customer's order named by number is `track_order`,
`blocked`, the number named back and that customer's data excluded, the hand-off unchecked;
another customer named only by name expects her data (and her order number) kept out, with the
action and the hand-off left open (refusing, or looking up the shopper's own parcel instead, are
both fine). Insisting calmly after a refused return is `get_refund` with nothing run and no
hand-off. Where a good agent could do two things, the key is left unchecked: promotions the shop
does not run (Black Friday, a student discount) check only the intent and no hand-off.

Situations the earlier sets did not have:

* a whole conversation in German (an English-speaking customer in Berlin): the torque wrench on
  its way, an invoice on a company with its USt-IdNr., a DHL Packstation instead (blocked, DHL),
* a payment link that has expired, pasted with the order number percent-encoded
  ("order=SO%2D88157"): the pending order still there, how to pay now, a cancellation proposed
  and then declined with the reasons the shopper prefers the jacket after all,
* English machine-translated from Portuguese ("the situation of my request", "annul the
  request", "it passes of 50 euros"): the pending socks, the fee to Portugal (5.50: 44.70 is under
  the 60 line), the cancellation and "I confirm",
* a neighbour holding another customer's rain-soaked DPD parcel who asks for the owner's name and
  phone (refused), then his own jersey for a chest of exactly 97 cm (between M and L: the L,
  97-103) and its return for the size (4.90),
* a long story of a near miss with a van before the question (has the light set left?), how far
  back the rear light is seen (500 m), storing the lights over a winter in the shed (charge them),
  how many cables come in the set,
* Dutch English ("When do I become my bottle cage?", "I have ordered him", "you are a topper"):
  both parcels, whether the clear bottle sits firmly in the red cage (74 mm),
* a Black Friday deal and a student discount the shop does not run, then phone-menu habits
  ("0. operator. 0. HUMAN please": a person),
* a 35 mm handlebar and the out-front mount in a paid order (31.8 mm), the mount swapped for a
  sensor kit (paid: blocked), kept as it is, and when it ships,
* Amazon's estimated delivery date passed, then a threat of an A-to-z guarantee claim and a
  one-star review (a person),
* a cancellation taken back inside the same message ("Wait, no - scratch that") and turned into an
  item change (the tubes off the pending order), confirmed with a thumbs-up,
* a DPD page stuck at "We've received your parcel data" (a label only), the time to Brussels
  (3-5) and express for next time (11.50),
* a parcel a neighbour took in while the shopper was away for three weeks, opened only yesterday:
  the 14 days run from the carrier's delivery date (blocked), the shopper's calm "but I only got
  it yesterday", the pedals on their way,
* Shanghainese ("阿拉老公", "哪能还呒没发货", "好伐", "谢谢侬"): the paid bib shorts, a chest of 89 cm
  (S: 86-91), the S instead (paid: blocked), kept after all,
* summer gloves delivered as two left hands (a free return: 4.90 excluded), the full 24.9 asked
  before the yes,
* pinyin initials ("dd" 订单, "qx" 取消, "bxy" 不想要, "zfb" 支付宝): a paid saddle cancelled, the
  Alipay timing (5, then 1-2),
* a cancellation taken back inside the same WeChat message ("啊不对不对，打错了，撤回！") and turned
  into an address change of the pending poles to the office in Chengdu,
* a friend's parcel asked for by her name only ("我闺蜜赵雨桐"): nothing of hers given, her own
  number to call (400-615-2288), then the shopper's own hydration pack,
* an order number typed in keycap emoji digits ("SO-8️⃣8️⃣3️⃣4️⃣0️⃣"): a frame bag added to the pending
  handlebar bag, paying with WeChat Pay,
* Taiwanese-style Mandarin with zhuyin particles ("我ㄉ", "寄到哪了ㄋ", "ㄇ", "好ㄛ"): the parcel, the
  S jersey for a 90 cm chest (86-91), the M gloves for a 20.5 cm palm (20-22),
* trekking poles four months old still under warranty (24), then a pole lock that gave way on a
  descent and stitches in a knee (a safety complaint: a person),
* a bottle that will not come out of an XS frame: the carbon side-entry cage (22 g against the
  alloy cage's 38 g), invoices for the cages and for the Trailmate delivered days ago,
* "which parcel?" answered by what it is not ("不是头盔那个，另一个"), then the helmet too,
* Beijing speech ("劳驾", "您受累给查查", "仨天没动静", "得嘞", "甭管", "合着"): tyres crossing the border
  with no tracking update for three days, 7-12 business days to Beijing,
* a WeChat voice message the shopper cannot send ("[语音] 0:18 … 那我打字吧"): the helmet on its way
  and its invoice on his own name.

Speakers (each in one conversation here; each also spoke in earlier sets, here in other
situations): cus_Ab4Nx6 (SO-86209), cus_Bq7Hy4 (SO-88157), cus_Ue9Bl6 (SO-88104), cus_Ga6Jd1
(SO-83688), cus_Sf8Wk0 (SO-86540), cus_Fe7Lq2 (SO-85410, SO-86233), cus_7Hq2Kd (no order
named), cus_Jx5Mo2 (SO-87961), u-90377 (302-7719203-4408816), cus_Vt2Gn8 (SO-88230), cus_Yb6Jm1
(SO-86055), cus_Tn1Gx4 (SO-71880, SO-87502); cus_1Pk6Rf (SO-87472), cus_4Ny8Tb (SO-84650),
cus_2Cz7Ui (SO-87388), cus_8Me6Wa (SO-88455), u-39047 (261013725590841163), u-36104 (SO-88340),
cus_9Fh3Tz (SO-86120), cus_2Kd8Wm (260603525529353737), u-42813 (SO-52246, 261003774105583326),
cus_4Rn7Lv (SO-86702, 261014330918274415), u-41290 (261012930667402184), u-35520
(261013118830557202). Other customers' orders named or asked about here (SO-87390 of
cus_Rj5Wc7, SO-86418 of cus_6Yp1Qc) belong to no one who speaks in this file.

Counts: 24 dialogues (12 en, 12 zh; 21 web, 3 wechat), 89 turns (46 en, 43 zh), 2-5 turns
each; 63 follow-ups; 3 turns expect a hand-off (phone-menu "0. operator", an A-to-z claim threat, a
trekking pole that failed and injured the shopper), 84 expect none and 2 leave it unchecked (another
customer's order named by number, another customer named by name); no flagged injection; 8
dialogues propose a write (8 proposal turns: 3 cancellations, 2 item changes, an address change, 2
returns), 7 writes are confirmed, 1 (a cancellation) declined; 4 turns are blocked by
policy (an address change of a shipped order, 2 item changes of paid orders, a return after the
window) and 1 refuses another customer's order number.

    python3 data/foreign/dev14/cases_dev14.py
"""

from __future__ import annotations

import importlib.util
import json
import re
import unicodedata
from datetime import datetime
from pathlib import Path

HERE = Path(__file__).resolve().parent
PACK = HERE.parent
STORE = json.loads((PACK / "store.json").read_text(encoding="utf-8"))
POLICY = json.loads((PACK / "policy.json").read_text(encoding="utf-8"))
KB = {lang: "\n".join(p.read_text(encoding="utf-8") for p in sorted((PACK / "kb" / lang).glob("*.md")))
      for lang in ("en", "zh")}
ORD = {o["id"]: o for o in STORE["orders"]}
CUS = {c["id"]: c for c in STORE["customers"]}
RFD = {r["id"]: r for r in STORE["refunds"]}
NOW = datetime.fromisoformat(STORE["reference_date"].replace("Z", "+00:00"))
FEE = POLICY["return_shipping_fee"]
WINDOW = POLICY["returns_window_days"]
MARGIN = 4  # days kept clear on each side of a window (dates shift by whole days)


def _pack_format():
    """The format contract (tests/pack_format.py), loaded by path: pure data, no application."""
    path = PACK.parent.parent / "tests" / "pack_format.py"
    spec = importlib.util.spec_from_file_location("pack_format", path)
    assert spec and spec.loader, path
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


FORMAT = _pack_format()

_ = object()  # "key not checked"

# the distinctive street part of another customer's address, for reply_excludes (checked
# against the stored address below)
STREET = {
    "cus_Rj5Wc7": "5 Quay Street",
    "cus_6Yp1Qc": "红星路三段16号",
}
WORD_ZH = {"requested": "已申请", "approved": "已批准", "refunded": "已退款", "rejected": "已拒绝"}
MONEY_BACK_RX = ["3-5", "7-12"]  # shipping times never answer "when is my money back"


def days_ago(stamp: str | None) -> float | None:
    if not stamp:
        return None
    return (NOW - datetime.fromisoformat(stamp.replace("Z", "+00:00"))).total_seconds() / 86400


def only(cid: str, sku_prefix: str) -> str:
    """The one order of customer `cid` with an item whose SKU starts with `sku_prefix`."""
    hits = [o["id"] for o in STORE["orders"] if o["customer_id"] == cid
            and any(i["product_id"].startswith(sku_prefix) for i in o["items"])]
    assert len(hits) == 1, (cid, sku_prefix, hits)
    return hits[0]


def on_the_way(cid: str, status: str = "shipped") -> tuple[str, ...]:
    """The customer's orders with the given status, oldest first."""
    return tuple(o["id"] for o in sorted(STORE["orders"], key=lambda o: o["created_at"])
                 if o["customer_id"] == cid and o["status"] == status)


def T(text, intent, *, action=_, status=_, handoff=_, rc=None, rx=None, ga=None, fu=False,
      flagged=False, gid=None, kind=None, oid=None):
    e = {"intent": intent}
    if action is not _:
        e["action"] = action
    if status is not _:
        e["status"] = status
    if handoff is not _:
        e["handoff"] = handoff
    if rc:
        e["reply_contains"] = list(rc)
    if rx:
        e["reply_excludes"] = list(rx)
    e["_ga"] = ga  # gives address: None = decided from reply_contains' address part
    e["_gid"] = gid  # gives order_id override (an id the shape rules cannot read)
    e["_kind"] = kind  # what the checks treat the turn as ("foreign", "unknown", ...)
    e["_oid"] = oid  # the order (or orders) a write or a check is about
    e["followup"] = fu
    if flagged:
        e["flagged"] = True
    return {"text": text, "expect": e}


def facts(oid: str) -> list[str]:
    o = ORD[oid]
    return [oid, o["tracking_number"], o["carrier"]] if o["tracking_number"] else [oid]


def track(text, oid, fu=False, extra=(), kind=None, gid=None):
    return T(text, "track_order", action="track_order", status="executed", handoff=False,
             rc=facts(oid) + list(extra), fu=fu, oid=oid, kind=kind, gid=gid)


def propose(text, act, oid, addr=None, fee=None, rx=(), fu=False, extra=(), kind=None, gid=None):
    rc = [oid] + ([addr] if addr else []) + (["4.90"] if fee is True else []) + list(extra)
    rx = list(rx) + (["4.90"] if fee is False else [])
    return T(text, act, action=act, status="needs_confirmation", handoff=False, rc=rc, rx=rx,
             ga=bool(addr and addr in text), fu=fu, oid=oid, kind=kind, gid=gid)


def confirm(text, act, oid, addr=None, fee=None, rx=(), extra=(), kind=None):
    rc = [oid] + ([addr] if addr else []) + list(extra)
    rx = list(rx) + (["4.90"] if fee is False else [])
    return T(text, act, action=act, status="executed", handoff=False, rc=rc, rx=rx, ga=False,
             fu=True, oid=oid, kind=kind)


def blocked(text, act, oid, extra=(), rx=(), ga=False, fu=False, kind=None):
    """A write the policy refuses; `oid` may be a tuple (one message about several orders)."""
    oids = list(oid) if isinstance(oid, tuple) else [oid]
    return T(text, act, action=act, status="blocked", handoff=False, rc=[*oids, *extra], rx=rx,
             ga=ga, fu=fu, oid=oid, kind=kind)


def owner_rx(oid: str, text: str = "") -> list[str]:
    """Another customer's data that must stay out of the reply (what the shopper typed
    himself is left out: a reply may not be blamed for echoing it)."""
    o = ORD[oid]
    c = CUS[o["customer_id"]]
    assert STREET[c["id"]] in o["shipping_address"], (oid, STREET[c["id"]])
    out = [o["tracking_number"]] if o["tracking_number"] else []
    return [x for x in [*out, STREET[c["id"]], c["name"], c["phone"], c["email"]] if x not in text]


def foreign(text, written, oid, intent="track_order", fu=False, handoff=_, gid=None):
    """Another customer's order named by number: refused by number, that customer's data kept out."""
    return T(text, intent, action=intent, status="blocked", handoff=handoff, rc=[written],
             rx=owner_rx(oid, text), fu=fu, gid=gid, kind="foreign", oid=oid)


def injection(text, intent, oid, written=None, fu=False, kind="foreign", more_rx=()):
    return T(text, intent, status=None, rc=[written] if written else None,
             rx=owner_rx(oid, text) + list(more_rx), fu=fu, flagged=True, kind=kind, oid=oid)


def info(text, intent, rc=(), rx=(), fu=False, ga=None, oid=None, kind=None):
    """No action, no hand-off; the reply carries the numbers or names asked for."""
    return T(text, intent, action=None, status=None, handoff=False, rc=rc, rx=rx, fu=fu, ga=ga,
             oid=oid, kind=kind)


def soft(text, intent, rc=(), rx=(), fu=False, oid=None, handoff=False, kind=None):
    """An answer with no action expectation (policy or lookup are both fine)."""
    return T(text, intent, handoff=handoff, rc=rc, rx=rx, fu=fu, oid=oid, kind=kind)


def refund(text, lang, rid, extra=(), fu=False, kind=None):
    """track_refund executed; the reply names the refund and its status word."""
    st = RFD[rid]["status"]
    word = st if lang == "en" else WORD_ZH[st]
    return T(text, "track_refund", action="track_refund", status="executed", handoff=False,
             rc=[rid, word, *extra], fu=fu, oid=RFD[rid]["order_id"], kind=kind)


def closing(text):
    """A bare thank-you at the end: nothing runs, no hand-off (labelled `other`)."""
    return T(text, "other", action=None, status=None, handoff=False, fu=True, kind="closing")


def invoice(text, *oids, fu=False, kind=None, gid=None):
    """Invoice turns check only the order ids; an order whose status gets no invoice
    (cancelled, returned, pending) is blocked."""
    if any(ORD[o]["status"] not in POLICY["invoice_statuses"] for o in oids):
        assert len(oids) == 1
        return T(text, "get_invoice", status="blocked", handoff=False, rc=list(oids), fu=fu,
                 oid=oids[0], kind=kind, gid=gid)
    return T(text, "get_invoice", handoff=False, rc=list(oids), fu=fu,
             oid=oids[0] if len(oids) == 1 else tuple(oids), kind=kind, gid=gid)


def human(text, intent="contact_human_agent", fu=False, oid=None, kind=None):
    return T(text, intent, handoff=True, fu=fu, oid=oid, kind=kind)


DIALOGUES: list[dict] = []


def D(cid_, lang, customer, tags, *turns, channel="web"):
    DIALOGUES.append({"id": cid_, "language": lang, "customer_id": customer, "channel": channel,
                      "tags": tags, "turns": list(turns)})


# =====================================================================================
# English
# =====================================================================================

# a whole conversation in German: the torque wrench on its way, an invoice on a company with its
# USt-IdNr., a DHL Packstation instead (shipped: blocked, DHL redirects), the thanks
D("d14-en-01", "en", "cus_Ab4Nx6", ["track", "shipped", "single", "no-id", "product-ref", "german", "whole-conversation-german", "invoice", "company", "vat-id", "address", "packstation", "blocked", "no-address-asked", "carrier", "closing", "no-handoff"],
  track("Hallo zusammen! Ich habe vorgestern einen Drehmomentschlüssel bei euch bestellt. Ist der schon unterwegs? Am Wochenende will ich damit meine neue Sattelstütze montieren.", only("cus_Ab4Nx6", "TL-TW"), kind="german"),
  invoice("Super, danke! Für genau diese Bestellung bräuchte ich noch eine Rechnung auf meine Firma: Schmidt Radkurier GmbH, USt-IdNr. DE318274465. Geht das?", "SO-86209", fu=True, kind="invoice-vat-de"),
  blocked("Und falls ich bei der Zustellung nicht zu Hause bin: könnt ihr das Paket an eine Packstation hier in der Nähe umleiten lassen?", "change_shipping_address", "SO-86209", extra=["DHL"], fu=True, kind="packstation-de"),
  closing("Alles klar, dann regle ich das selbst in der DHL-App. Vielen Dank und einen schönen Abend noch!"))

# a payment link that has expired, the order number percent-encoded in it: the pending order is
# still there, how to pay now, a cancellation proposed, then declined with the shopper's reasons
D("d14-en-02", "en", "cus_Bq7Hy4", ["track", "pending", "single", "payment-link", "id-url-encoded", "pasted-link", "payment_issue", "cancel", "write", "decline", "colour-ref", "closing", "no-handoff"],
  track("Hi! Your email said to pay here but the page only says 'This payment link has expired': https://pay.spokeline.example/checkout?order=SO%2D88157&method=sepa&lang=en\nDoes that mean my order is gone?? I really want that yellow jacket 😟", "SO-88157", gid=True, kind="pct-encoded"),
  info("Phew 😅 ok so how do I actually pay for it now, if the link is dead?", "payment_issue", fu=True, oid="SO-88157", kind="retry-payment"),
  propose("Hmm. You know what, just cancel it. The Decathlon near me has a yellow rain jacket too and I could have it today.", "cancel_order", "SO-88157", fu=True),
  T("no wait, don't. yours is the one with the longer back and it packs into its own pocket, theirs doesn't. leave the order, I'll pay it from my account tonight", "cancel_order", status=None, handoff=False, fu=True, oid="SO-88157", kind="decline"),
  closing("ok merci, bonne soirée!"))

# English machine-translated from Portuguese: the pending socks, the fee to Portugal (5.50: under
# the 60 line), the cancellation, "I confirm"
D("d14-en-03", "en", "cus_Ue9Bl6", ["track", "pending", "single", "no-id", "product-ref", "machine-translation", "portuguese", "delivery_options", "free-shipping-line", "cancel", "write", "confirm", "no-handoff"],
  track("Good afternoon. I would like to know the situation of my request of the merino socks. I made the request in the site this morning.", only("cus_Ue9Bl6", "SK-MR"), kind="mt-english"),
  info("Thank you. Which is the value of the shipment for Portugal? The total of the request is 44,70 € and I do not know if the shipment is included.", "delivery_options", rc=["5.50"], fu=True, oid="SO-88104", kind="portugal-fee"),
  propose("In this case I prefer to annul the request. With the shipment it passes of 50 euros, and in the store of my neighbourhood they are more cheap.", "cancel_order", "SO-88104", fu=True, kind="annul"),
  confirm("I confirm. Annul, please.", "cancel_order", "SO-88104"))

# a neighbour holding another customer's rain-soaked DPD parcel asks for the owner's name and phone
# (refused), then his own jersey for a chest of exactly 97 cm (the L) and its return for the size
D("d14-en-04", "en", "cus_Ga6Jd1", ["foreign-order", "misdelivered-parcel", "neighbour", "personal-data", "product", "jersey", "sizing", "edge-size", "product-ref", "colour-ref", "refund", "delivered", "in-window", "size", "fee", "write", "confirm"],
  foreign("Hi, bit of an odd one. A DPD parcel for one of your customers got left in my porch and the label got soaked in last night's rain - the only thing I can still read is the order number SO-87390. Can you give me the name and phone number on it so I can drop it round to them?", "SO-87390", "SO-87390"),
  info("Fair enough, I'll ring DPD about it so. Different thing: my own jersey from last week, the blue one. I measured my chest properly and it's bang on 97 cm - is the M right or should I have got the L?", "product_question", rc=["97-103"], oid=only("cus_Ga6Jd1", "JR-BL"), kind="chest-97"),
  propose("Thought so, it is a bit snug across the shoulders. Can I send the M back then? I'll order the L separately.", "get_refund", "SO-83688", fee=True, fu=True, kind="size-return"),
  confirm("Grand job, start it so. I'll post it back tomorrow.", "get_refund", "SO-83688"))

# a long story of a near miss before the question: the light set on its way, how far back the
# rear light is seen (500 m), the lights over a winter in the shed, how many cables come with it
D("d14-en-05", "en", "cus_Sf8Wk0", ["track", "shipped", "single", "no-id", "long-message", "story", "product", "lights", "visibility", "battery-care", "closing", "no-handoff"],
  track("Evening! Bit of a story, sorry. Three nights ago I was riding home along the Rhine in the dark with nothing but a rubbish clip-on light from the supermarket, and a van pulled out of a side street and missed me by maybe half a metre. The driver said he never saw me at all. Shook me up properly, so that same night I ordered your Beacon & Lumen set. My partner now refuses to let me ride after dark until it's here, so: has it left your warehouse yet?", only("cus_Sf8Wk0", "LT-ST"), kind="long-story"),
  info("Brilliant. How far back can drivers actually see the rear one?", "product_question", rc=["500"], fu=True, oid="SO-86540", kind="visible-500"),
  info("And I only ride until the end of October, then the bike hibernates in the garden shed until spring. Anything I should do with the lights over the winter?", "product_question", fu=True, oid="SO-86540", kind="winter-storage"),
  info("Last one: do I get a charging cable for each light or do they share one?", "product_question", fu=True, oid="SO-86540", kind="one-cable"),
  closing("Cheers, that's really helpful. Safe riding from Cologne!"))

# Dutch English: both parcels ("When do I become my bottle cage?", "the other package"), and
# whether the clear bottle sits firmly in the red cage (74 mm, both of the shop's bottles)
D("d14-en-06", "en", "cus_Fe7Lq2", ["track", "shipped", "two-orders", "no-id", "product-ref", "dunglish", "false-friend", "other-order", "product", "bottle-cage", "closing", "no-handoff"],
  track("Goodday! When do I become my bottle cage? I have ordered him a few days ago together with a bottle.", only("cus_Fe7Lq2", "BC-RD"), kind="dunglish"),
  track("And the other package, with the back light and the oil, comes that also this week?", only("cus_Fe7Lq2", "LT-RR"), fu=True, kind="other-package"),
  info("Top. Fits the bottle that I ordered good in the red cage? I have heard that some bottles fall out on the cobblestones.", "product_question", rc=["74"], fu=True, oid="SO-85410", kind="cage-74"),
  closing("Thanks, you are a topper! 👍"))

# promotions the shop does not run (Black Friday, a student discount), then phone-menu habits
# ("0. operator."): a person
D("d14-en-07", "en", "cus_7Hq2Kd", ["promotion", "black-friday", "student-discount", "no-such-offer", "ivr-habit", "human", "handoff"],
  T("hiya, are ye doing anything for black friday this year? I've my eye on the ridgeback tent but not at full price 😅", "promotion_question", action=None, status=None, handoff=False, kind="black-friday"),
  T("no bother. is there a student discount so? I'm in second year in DCU", "promotion_question", action=None, status=None, handoff=False, fu=True, kind="student"),
  human("this is like one of those phone menus where you have to guess the magic words. 0. operator. 0. HUMAN please", fu=True, kind="ivr-zero"))

# a 35 mm handlebar and the out-front mount in a paid order (31.8 mm), the mount swapped for a
# sensor kit (paid: blocked), kept as it is, and when it ships
D("d14-en-08", "en", "cus_Jx5Mo2", ["product", "computer-mount", "bar-diameter", "paid", "product-ref", "change_order", "swap-item", "blocked", "track", "closing", "no-handoff"],
  info("Quick q before my Trailmate ships: I've just fitted a new cockpit with 35 mm bars. Will the out-front mount I ordered fit that?", "product_question", rc=["31.8"], oid=only("cus_Jx5Mo2", "GP-MT"), kind="bar-35"),
  blocked("Ugh. Then can you swap the mount for the Speed & Cadence sensor kit instead? Same order, just that one line changed.", "change_order", "SO-87961", fu=True, kind="swap-paid"),
  track("meh, not worth cancelling the whole thing over a 24 euro mount. leave it as it is. when does it go out?", "SO-87961", fu=True, kind="keep-as-is"),
  closing("ok cool, thx 👍"))

# Amazon's estimated delivery date passed: the sleeping bag on its way, then a threat of an A-to-z
# guarantee claim and a one-star review (a person)
D("d14-en-09", "en", "u-90377", ["track", "shipped", "marketplace", "amazon", "no-id", "product-ref", "late", "angry", "marketplace-threat", "complaint", "handoff"],
  track("Hi. Amazon told me my sleeping bag would arrive yesterday and it still isn't here. Where is it?", only("u-90377", "OD-SB"), kind="amazon-eta"),
  human("I needed it for a hut trip this weekend and now I'm stuck. If it's not at my door tomorrow I'm filing an A-to-z claim and leaving you a one-star review, simple as that.", intent="complaint", fu=True, oid="302-7719203-4408816", kind="a-to-z"))

# a cancellation taken back inside the same message and turned into an item change (the tubes off
# the pending order), confirmed with a thumbs-up
D("d14-en-10", "en", "cus_Vt2Gn8", ["change_order", "pending", "single", "self-correction", "retracted-cancel", "remove-item", "write", "confirm", "emoji-yes", "closing", "no-handoff"],
  propose("Please cancel SO-88230. Wait, no - sorry, scratch that, don't cancel! I just found two spare tubes in the cellar. Can you only take the two inner tubes off the order and leave the tyres on it?", "change_order", "SO-88230", kind="retract-cancel"),
  confirm("Yes, take them off 👍", "change_order", "SO-88230"),
  closing("Perfect, cheers, that's everything."))

# a DPD page stuck at "We've received your parcel data" (a label only): the sensor kit, the time
# to Brussels (3-5) and express for next time (11.50)
D("d14-en-11", "en", "cus_Yb6Jm1", ["track", "shipped", "no-id", "product-ref", "label-only", "carrier", "delivery_period", "delivery_options", "express", "closing", "no-handoff"],
  track("Hi, the DPD link for my sensor kit has said \"We've received your parcel data\" ever since you sent it, not a single scan. Has it actually left your warehouse or is it just a label so far?", only("cus_Yb6Jm1", "GP-SC"), kind="label-only"),
  info("OK. Once DPD actually has it, how long does it normally take to Brussels?", "delivery_period", rc=["3-5"], fu=True, oid="SO-86055", kind="brussels-3-5"),
  info("Good to know. And for next time, do you have anything faster, and what does it cost?", "delivery_options", rc=["11.50"], fu=True, kind="express-cost"),
  closing("Alright, I'll give DPD a couple of days. Thanks!"))

# a parcel a neighbour took in while the shopper was away: the 14 days run from the carrier's
# delivery date (blocked), the calm "but I only got it yesterday", the pedals on their way
D("d14-en-12", "en", "cus_Tn1Gx4", ["refund", "delivered", "outside-window", "blocked", "neighbour", "away", "delivery-date", "calm", "insists", "no-id", "product-ref", "track", "shipped", "closing", "no-handoff"],
  blocked("Hi! I was away in Portugal for three weeks and my neighbour took in a parcel for me - the saddle bag. I only opened it last night and it's too small for my spare tube and tools, so I want to return it. Never used, still in its plastic.", "get_refund", only("cus_Tn1Gx4", "BG-SD"), extra=["14"], kind="neighbour-held"),
  T("But I only actually got my hands on it yesterday? Surely the days count from when I got it, not from when it went to my neighbour. Can I really not send it back?", "get_refund", status=None, handoff=False, rc=["14"], fu=True, oid="SO-71880", kind="carrier-date"),
  track("Ah well, lesson learned. The pedals and saddle I ordered a couple of days ago - is DPD bringing those too?", only("cus_Tn1Gx4", "PD-SP"), kind="pedals-dpd"),
  closing("Grand, thanks for explaining anyway"))


# =====================================================================================
# Chinese
# =====================================================================================

# Shanghainese: the paid bib shorts not shipped yet, a chest of 89 cm (S: 86-91), the S instead
# (paid: blocked), kept after all
D("d14-zh-01", "zh", "cus_1Pk6Rf", ["track", "paid", "single", "no-id", "product-ref", "shanghainese", "dialect", "product", "bib-shorts", "sizing", "change_order", "blocked", "closing", "no-handoff"],
  track("侬好，阿拉老公个背带骑行裤，钞票付好一天了，哪能还呒没发货啊？", only("cus_1Pk6Rf", "BS-BK"), kind="shanghainese"),
  info("伊胸围量下来 89 公分，M 码会不会忒大？", "product_question", rc=["86-91"], fu=True, oid="SO-87472", kind="bib-89"),
  blocked("格么帮阿拉换成 S 码好伐？", "change_order", "SO-87472", fu=True, kind="size-swap-paid"),
  closing("噢，付过钞票就调不了啊……算了算了，M 就 M 吧，先穿穿看，谢谢侬噢"))

# summer gloves delivered as two left hands: a free return (4.90 excluded), the full 24.9 asked
# before the yes
D("d14-zh-02", "zh", "cus_4Ny8Tb", ["refund", "delivered", "in-window", "defective", "wrong-item", "fee-waived", "single", "no-id", "product-ref", "gloves", "interleaved", "refund-amount", "write", "confirm", "closing", "no-handoff"],
  propose("你好，收到的半指手套拆开一看，两只居然都是左手的😂 右手根本戴不进去。这个能退吗？", "get_refund", only("cus_4Ny8Tb", "GL-SF"), fee=False, kind="two-left"),
  soft("那是退全款吧？退货的邮费还得我掏吗", "check_refund_policy", rc=["24.9"], rx=["4.90"], fu=True, oid="SO-84650", kind="full-24.9"),
  confirm("好的，那就退吧", "get_refund", "SO-84650", fee=False),
  closing("好的，谢谢！"))

# pinyin initials ("dd", "qx", "bxy", "zfb"): the paid saddle cancelled, the Alipay timing (5, 1-2)
D("d14-zh-03", "zh", "cus_2Cz7Ui", ["cancel", "paid", "no-id", "product-ref", "pinyin-initials", "abbreviations", "write", "confirm", "refund-timing", "alipay", "closing", "no-handoff"],
  propose("在吗 坐垫那个dd帮我qx一下 bxy了 买早了", "cancel_order", only("cus_2Cz7Ui", "SD-CM"), kind="pinyin-initials"),
  confirm("嗯嗯 qx吧 谢谢", "cancel_order", "SO-87388", kind="qx-yes"),
  soft("zfb付的 钱几天能回来", "track_refund", rc=["5", "1-2"], rx=MONEY_BACK_RX, fu=True, oid="SO-87388", kind="zfb-5"),
  closing("好嘞 ok"))

# a cancellation taken back inside the same WeChat message and turned into an address change of
# the pending poles to the office in Chengdu
D("d14-zh-04", "zh", "cus_8Me6Wa", ["address", "pending", "single", "self-correction", "retracted-cancel", "office", "write", "confirm", "closing", "no-handoff"],
  propose("SO-88455 这单帮我取消一下\n——\n啊不对不对，打错了，撤回！不是取消！是收货地址要改到公司：四川省成都市青羊区人民南路一段86号城市之心大厦17楼", "change_shipping_address", "SO-88455", addr="人民南路一段86号", kind="retract-cancel-zh"),
  confirm("对，就改这个", "change_shipping_address", "SO-88455", addr="人民南路一段86号"),
  closing("好的 辛苦🙏"),
  channel="wechat")

FRIEND = "你好～我闺蜜赵雨桐也在你们家买了东西，她出差了手机没信号，让我帮她问问她的快递到哪了，寄的是她成都那个地址。你帮我查一下呗"

# a friend's parcel asked for by her name only: nothing of hers given, the phone number she can
# call herself, then the shopper's own hydration pack
D("d14-zh-05", "zh", "u-39047", ["foreign-customer", "by-name", "personal-data", "contact", "phone", "track", "shipped", "marketplace", "tmall", "single", "product-ref", "closing"],
  T(FRIEND, "track_order", rx=[*owner_rx("SO-86418", FRIEND), "SO-86418"], oid="SO-86418", kind="friend-name"),
  info("好吧好吧，那让她自己联系你们，你们客服电话多少？", "contact_customer_service", rc=["400-615-2288"], fu=True, kind="phone-cn"),
  track("OK。那我自己那个水袋背包到哪了？", only("u-39047", "OD-HP"), fu=True),
  closing("行，谢啦"))

# an order number in keycap emoji digits: a frame bag added to the pending handlebar bag, then
# paying with WeChat Pay
D("d14-zh-06", "zh", "u-36104", ["change_order", "pending", "id-emoji-digits", "add-item", "write", "confirm", "payment", "wechat-pay", "closing", "no-handoff"],
  propose("SO-8️⃣8️⃣3️⃣4️⃣0️⃣ 这单我还没付款，想再加一个车架包，一起寄可以吗？", "change_order", "SO-88340", kind="keycap-id"),
  confirm("好的👌 加吧", "change_order", "SO-88340"),
  info("付款的时候可以用微信吗？", "check_payment_methods", rc=["微信支付"], fu=True, kind="wechat-pay"),
  closing("okk 谢谢亲"),
  channel="wechat")

# Taiwanese-style Mandarin with zhuyin particles: the parcel, the S jersey for a 90 cm chest
# (86-91), the M gloves for a 20.5 cm palm (20-22)
D("d14-zh-07", "zh", "cus_9Fh3Tz", ["track", "shipped", "single", "no-id", "product-ref", "zhuyin", "taiwanese-style", "traditional-characters", "product", "jersey", "gloves", "sizing", "closing", "no-handoff"],
  track("哈囉～想問一下我ㄉ車衣跟手套寄到哪了ㄋ？等好久了ㄟ", only("cus_9Fh3Tz", "JR-RD"), kind="zhuyin"),
  info("車衣是S號ㄇ？我胸圍90，會不會太緊ㄚ", "product_question", rc=["86-91"], fu=True, oid="SO-86120", kind="jersey-90"),
  info("那手套M號呢？我手掌量起來20.5公分", "product_question", rc=["20-22"], fu=True, oid="SO-86120", kind="gloves-20.5"),
  closing("好ㄛ 那我放心了 謝謝你ㄋ～"))

# trekking poles four months old still under warranty (24), then a pole lock that gave way on a
# descent and stitches in a knee (a safety complaint: a person)
D("d14-zh-08", "zh", "cus_2Kd8Wm", ["product", "warranty", "trekking-poles", "delivered", "outside-window", "product-ref", "date-ref", "safety", "injury", "complaint", "handoff"],
  info("四个多月前买的那两副碳纤维登山杖，现在还在保修期内吗？", "product_question", rc=["24"], oid=only("cus_2Kd8Wm", "OD-TP"), kind="poles-warranty"),
  human("问这个是因为昨天下山的时候，其中一根的锁扣突然松了，杖一下子缩回去，我整个人往前扑出去，膝盖缝了三针。这种东西也敢卖？必须给我个说法", intent="complaint", fu=True, oid="260603525529353737", kind="pole-injury"))

# a bottle that will not come out of an XS frame: the carbon side-entry cage, its weight against
# the alloy cage's, and invoices for the cages and for the Trailmate delivered days ago
D("d14-zh-09", "zh", "u-42813", ["product", "bottle-cage", "small-frame", "product-ref", "invoice", "two-orders", "marketplace", "tmall", "closing", "no-handoff"],
  info("我的车架是XS的，特别小，水壶从上面根本拔不出来。以前在你们官网买过两个碳纤维侧拉水壶架，是不是就是为这种情况设计的？", "product_question", oid=only("u-42813", "BC-CF"), kind="small-frame"),
  info("那它比铝合金的那款轻多少？", "product_question", rc=["22", "38"], fu=True, kind="cage-weights"),
  invoice("好的。另外单位要报销，麻烦把两个订单都开个发票：水壶架那单，还有前几天刚到的码表那单", "SO-52246", only("u-42813", "GP-TM"), fu=True, kind="two-invoices"),
  closing("收到，两张都麻烦了，谢谢"))

# "which parcel?" answered by what it is not ("不是头盔那个，另一个"), then the helmet too
D("d14-zh-10", "zh", "cus_4Rn7Lv", ["track", "shipped", "two-orders", "no-id", "ask-which", "negative-ref", "other-order", "marketplace", "tmall", "closing", "no-handoff"],
  T("在吗，我的快递到哪儿了呀", "track_order", action=None, status=None, handoff=False, kind="ask-which"),
  track("不是头盔那个，另一个", "SO-86702", fu=True, kind="not-the-helmet"),
  track("那头盔那个呢，也顺便说下吧", only("cus_4Rn7Lv", "HM-RD"), fu=True, kind="helmet-too"),
  closing("好的 了解"))

# Beijing speech: tyres crossing the border with no tracking update for three days, and the
# 7-12 business days to Beijing
D("d14-zh-11", "zh", "u-41290", ["track", "shipped", "single", "no-id", "product-ref", "beijing-dialect", "dialect", "no-update", "customs", "marketplace", "tmall", "delivery_period", "china", "closing", "no-handoff"],
  track("劳驾，您受累给查查，我那俩山地外胎打荷兰发过来的，物流仨天没动静了，是不是卡海关了？", only("u-41290", "TY-MT"), kind="beijing"),
  info("得嘞。那甭管别的，从荷兰发出来算，一般得多少天才能到北京？", "delivery_period", rc=["7-12"], fu=True, oid="261012930667402184", kind="beijing-7-12"),
  closing("合着还得再等几天呗。成，谢您嘞！"))

# a WeChat voice message the shopper cannot send: the helmet on its way, its invoice on his name
D("d14-zh-12", "zh", "u-35520", ["track", "shipped", "single", "no-id", "product-ref", "voice-message", "wechat-artifact", "marketplace", "tmall", "invoice", "personal", "closing", "no-handoff"],
  track("[语音] 0:18\n哦你们这儿听不了语音啊，那我打字吧：山地头盔那单到哪儿了？", only("u-35520", "HM-MT"), kind="voice-placeholder"),
  invoice("这单顺便帮我开个发票，个人抬头，写黄立新就行", "261013118830557202", fu=True, kind="invoice-personal"),
  closing("好嘞 辛苦了"),
  channel="wechat")


SEP = r"[\s\-‐‑–—_]*"
SHAPES = [re.compile(rf"S{SEP}O{SEP}\d{{5}}(?!\d)"), re.compile(rf"(?<!\d)\d{{3}}{SEP}\d{{7}}{SEP}\d{{7}}(?!\d)"),
          re.compile(r"(?<!\d)26(?:[\s\-]*\d){16}(?!\d)")]


def flat(text: str) -> str:
    return re.sub(r"[^0-9A-Z]", "", unicodedata.normalize("NFKC", text).upper())


def gives_order(text: str, customer: str) -> bool:
    nfkc = unicodedata.normalize("NFKC", text).upper()
    nfkc = re.sub(r"RTN-\d{4}-\d{4}", " ", nfkc)
    if any(p.search(nfkc) for p in SHAPES):
        return True
    if any(flat(oid) in flat(nfkc) for oid in ORD):
        return True
    own = [flat(o["id"]) for o in STORE["orders"] if o["customer_id"] == customer]
    return any(sum(1 for oid in own if oid.endswith(run)) == 1 for run in re.findall(r"\d{4,}", nfkc))


def grounded(x: str, lang: str, cid: str, said: str) -> bool:
    """A fact a reply must carry comes from somewhere: the shopper's own records, the
    conversation itself (a new address), or the knowledge base of the speaker's language."""
    own = [o for o in STORE["orders"] if o["customer_id"] == cid]
    if x in {o["id"] for o in own} or x in {o["tracking_number"] for o in own} or x in {o["carrier"] for o in own}:
        return True
    if x in RFD or x in WORD_ZH or x in WORD_ZH.values():
        return True
    if re.fullmatch(r"\d+(\.\d+)?", x):
        money = {o["total"] for o in own} | {i["price"] for o in own for i in o["items"]}
        money |= {r["amount"] for r in STORE["refunds"] if r["order_id"] in {o["id"] for o in own}}
        # what a new return of one of the shopper's items comes to after the fee
        money |= {round(i["price"] - FEE, 2) for o in own for i in o["items"]}
        if float(x) in money:
            return True
    return x in said or x in KB[lang]


def as_tuple(oid) -> tuple:
    return oid if isinstance(oid, tuple) else (oid,) if oid else ()


def check(row: dict) -> None:
    """Re-check every expectation of one conversation against the records and the policy."""
    cid, lang = row["customer_id"], row["language"]
    own = {o["id"] for o in STORE["orders"] if o["customer_id"] == cid}
    own_tracking = {ORD[o]["tracking_number"] for o in own if ORD[o]["tracking_number"]}
    other_tracking = {o["tracking_number"] for o in STORE["orders"]
                      if o["customer_id"] != cid and o["tracking_number"]}
    own_refunds = {r["id"] for r in STORE["refunds"] if r["order_id"] in own}
    proposed = None
    refused_in_a_row = 0
    said = ""
    for t in row["turns"]:
        e, kind, oid = t["expect"], t["expect"]["_kind"], t["expect"]["_oid"]
        where = (row["id"], t["text"])
        said += "\n" + t["text"]
        for k in e:
            assert k.startswith("_") or k in FORMAT.EXPECT_KEYS, where
        assert e["intent"] in FORMAT.INTENTS, where
        if e.get("action", _) not in (_, None):
            assert e["action"] in FORMAT.ACTIONS, where
        if e.get("status", _) not in (_, None):
            assert e["status"] in FORMAT.ACTION_STATUSES, where
        rc = e.get("reply_contains", [])
        if kind in ("foreign", "friend-name"):
            assert ORD[oid]["customer_id"] != cid, where
            assert not (set(rc) & other_tracking), where
        elif kind == "unknown":
            for x in rc:
                assert flat(x) not in {flat(i) for i in ORD}, where
                assert not any(flat(i).endswith(flat(x)) for i in ORD), where
                assert flat(x) not in {flat(i) for i in RFD}, where
        else:
            for x in rc:
                if x in ORD:
                    assert x in own, ("not the shopper's order", where, x)
                if x in other_tracking:
                    raise AssertionError(("another customer's tracking number", where, x))
                if x.startswith("RTN-"):
                    assert x in own_refunds, ("not the shopper's refund", where, x)
                assert grounded(x, lang, cid, said), ("a fact from nowhere", where, x)
            for o in as_tuple(oid):
                assert o in own, where
        for x in rc if kind != "unknown" else ():
            if re.fullmatch(r"[0-9A-Z]{11,}", x) and x not in ORD:
                assert x in own_tracking, ("tracking number of another order", where, x)
        # the third order number in a row the shopper does not have goes to a person
        if kind in ("foreign", "unknown") and not e.get("flagged"):
            refused_in_a_row += 1
            want = refused_in_a_row >= 3
            if kind == "unknown" or refused_in_a_row >= 3:
                assert e.get("handoff", _) is want, ("third refused number", where)
        else:
            refused_in_a_row = 0
        act, st = e.get("action", _), e.get("status", _)
        if act in ("track_order",) and st == "executed":
            o = ORD[oid]
            if o["tracking_number"]:
                assert o["status"] in ("shipped", "delivered", "returned"), where
            else:
                assert o["status"] in ("pending", "paid", "cancelled"), where
        if act in ("cancel_order", "change_shipping_address", "change_order", "get_refund") and st is not _:
            allowed = {"cancel_order": POLICY["cancellable_statuses"],
                       "change_shipping_address": POLICY["address_change_statuses"],
                       "change_order": POLICY["order_change_statuses"],
                       "get_refund": POLICY["refundable_statuses"]}[act]
            oks = []
            for one in as_tuple(oid):
                o = ORD[one]
                ok = o["status"] in allowed
                if act == "get_refund" and ok:
                    age = days_ago(o["delivered_at"])
                    assert age <= WINDOW - MARGIN or age >= WINDOW + MARGIN, ("no margin around the window", where)
                    ok = age <= WINDOW and not any(r["order_id"] == one for r in STORE["refunds"])
                    if not ok:  # outside the window: the window, or for a fault the warranty
                        assert "14" in rc or "24" in rc, where
                oks.append(ok)
            if st == "needs_confirmation":
                assert len(oks) == 1 and oks[0], ("a write the policy does not allow", where)
                proposed = (act, oid)
            elif st == "executed":
                assert oks[0] and proposed == (act, oid), ("executed without a proposal", where)
                proposed = None
            elif st == "blocked":
                assert oks and not any(oks), ("blocked although allowed", where)
                assert all(o in rc for o in as_tuple(oid)), ("a refusal names every order", where)
        if e["intent"] in ("get_invoice", "check_invoice") and oid:
            for o in as_tuple(oid):
                assert days_ago(ORD[o]["created_at"]) <= POLICY["invoice_request_days"], where
                assert (ORD[o]["status"] in POLICY["invoice_statuses"]) == (e.get("status", _) != "blocked"), where
        if e["intent"] == "track_refund" and act == "track_refund" and st == "executed":
            assert any(RFD[r]["order_id"] == oid for r in RFD), where
        if "4.90" in rc:
            assert "4.90" not in e.get("reply_excludes", []), where
        if e.get("flagged"):
            assert e.get("status", _) is None, where
        if e.get("handoff") is True:
            assert e.get("status", _) in (_, None, "blocked"), where
    assert not row["turns"][0]["expect"]["followup"], row["id"]


def has(o: dict | None, prefix: str) -> bool:
    """Whether order `o` holds an item whose SKU starts with `prefix`."""
    return o is not None and any(i["product_id"].startswith(prefix) for i in o["items"])


def said_in(row: dict, marker: str) -> str:
    """The message of `row` that carries `marker` (a fact given earlier in the conversation)."""
    hits = [t["text"] for t in row["turns"] if marker in t["text"]]
    assert len(hits) == 1, (row["id"], marker)
    return hits[0]


def kinds_check(rows: list[dict]) -> None:
    """The record, policy and knowledge-base facts that turns of a given kind rely on."""
    std = next(s for s in POLICY["shipping_options"] if s["id"] == "standard")
    exp = next(s for s in POLICY["shipping_options"] if s["id"] == "express")
    cn = next(s for s in POLICY["shipping_options"] if s["id"] == "china_cross_border")
    seen = set()
    for r in rows:
        cid = r["customer_id"]
        mine = [o for o in STORE["orders"] if o["customer_id"] == cid]
        turns = r["turns"]
        for n, t in enumerate(turns):
            e = t["expect"]
            k, oid = e["_kind"], e["_oid"]
            seen.add(k)
            o = ORD.get(oid) if isinstance(oid, str) else None
            rc = e.get("reply_contains", [])
            text = t["text"]
            where = (r["id"], text)
            prev = turns[n - 1] if n else None
            nxt = turns[n + 1] if n + 1 < len(turns) else None

            # --- English ---
            if k == "german":  # the whole conversation in German; the one parcel on its way, DHL
                assert all(re.search(r"[äöüß]|\b(und|ich|ist|der|die|das)\b", x["text"]) for x in turns), where
                assert on_the_way(cid) == (oid,) and o["carrier"] == "DHL" and days_ago(o["created_at"]) < 3, where
            if k == "invoice-vat-de":  # a company and its VAT id on the invoice of a shipped order
                assert "USt-IdNr." in text and "company name or VAT number on the invoice" in KB["en"], where
            if k == "packstation-de":  # shipped: no address change; DHL redirects from its own page
                assert "Packstation" in text and ORD[oid]["status"] == "shipped", where
                assert "DHL, DPD, GLS and PostNL let you redirect a parcel" in KB["en"], where
            if k == "pct-encoded":  # the order number percent-encoded in a pasted link
                assert "SO%2D88157" in text and oid == "SO-88157" and o["status"] == "pending", where
                assert not any(p.search(unicodedata.normalize("NFKC", text).upper()) for p in SHAPES), where
            if k == "retry-payment":
                assert 'you can try again from "My account > Orders"' in KB["en"], where
            if k == "decline":  # a no to the pending cancellation: nothing runs
                assert prev["expect"]["status"] == "needs_confirmation" and prev["expect"]["action"] == "cancel_order", where
                assert e["status"] is None and "leave the order" in text, where
                assert "cut long at the back" in KB["en"] and "packs into its own chest pocket" in KB["en"], where
            if k == "mt-english":
                assert "situation of my request" in text and o["status"] == "pending" and len(mine) == 1, where
            if k == "portugal-fee":  # 44.70 is under the 60 line: 5.50 to Portugal
                assert o["total"] == 44.7 < std["free_over"] and std["fee"] == 5.5 and "Portugal" in o["shipping_address"], where
                assert "| Standard (EU) | 3-5 business days | €5.50, free for orders over €60 |" in KB["en"], where
            if k == "annul":  # 44.70 + 5.50 passes 50
                assert round(o["total"] + std["fee"], 2) == 50.2 and "passes of 50" in text, where
            if k == "foreign" and r["language"] == "en":  # a neighbour holding the parcel
                assert "porch" in text and oid in text and ORD[oid]["carrier"] == "DPD", where
                assert ORD[oid]["customer_id"] != cid and "Galway" in ORD[oid]["shipping_address"], where
            if k == "chest-97":  # exactly 97: between M (91-97) and L (97-103): the bigger size
                assert "| M | 91-97 cm |" in KB["en"] and "| L | 97-103 cm |" in KB["en"], where
                assert "If you are between sizes or prefer a relaxed fit, take the bigger size" in KB["en"], where
                assert "97 cm" in text and has(o, "JR-BL-5101-M"), where
            if k == "size-return":  # delivered eight days ago, no return open: the fee for a size
                assert days_ago(o["delivered_at"]) <= WINDOW - MARGIN and not any(x["order_id"] == oid for x in STORE["refunds"]), where
                assert "a size that doesn't fit" in KB["en"] and "4.90" in rc, where
            if k == "long-story":  # the question comes at the end of a long message
                assert len(text) > 400 and text.rstrip().endswith("has it left your warehouse yet?"), where
                assert on_the_way(cid) == (oid,) and o["carrier"] == "DHL", where
            if k == "visible-500":
                assert "60 lumens, visible from about 500 m" in KB["en"] and has(o, "LT-ST"), where
            if k == "winter-storage":
                assert "Charge the lights at least every three months when you don't use them" in KB["en"], where
                assert "store them at room temperature" in KB["en"] and "shed" in text, where
            if k == "one-cable":
                assert "contains both lights and one USB-C cable" in KB["en"], where
            if k == "dunglish":  # "become" for "get" (krijgen), "him" for a cage (de houder)
                assert "become my bottle cage" in text and has(o, "BC-RD") and has(o, "WB-CL"), where
                assert o["carrier"] == "GLS", where
            if k == "other-package":  # the other parcel on its way, by PostNL
                assert on_the_way(cid) == tuple(sorted({prev["expect"]["_oid"], oid}, key=lambda x: ORD[x]["created_at"])), where
                assert has(o, "LT-RR") and has(o, "CH-LB") and o["carrier"] == "PostNL", where
            if k == "cage-74":  # the clear squeeze bottle in the red alloy cage
                assert "for standard bottles of 74 mm diameter, including both of our bottles" in KB["en"], where
                assert has(o, "BC-RD") and has(o, "WB-CL"), where
            if k == "black-friday":  # no such promotion: only the intent and no hand-off checked
                assert "black friday" not in KB["en"].lower() and "reply_contains" not in e, where
            if k == "student":
                assert "student" not in KB["en"].lower() and "reply_contains" not in e, where
            if k == "ivr-zero":
                assert "operator" in text and "HUMAN" in text and e["handoff"] is True, where
            if k == "bar-35":  # the out-front mount is for 31.8 mm bars
                assert "Out-Front Computer Mount (31.8 mm bars)" in KB["en"] and "35 mm" in text and has(o, "GP-MT"), where
            if k == "swap-paid":  # an item change of a paid order
                assert o["status"] == "paid" and "paid" not in POLICY["order_change_statuses"], where
                assert "Items, quantities, sizes and colours can also be changed only while the order is pending" in KB["en"], where
            if k == "keep-as-is":  # paid, not shipped: packed within 2 business days
                assert o["status"] == "paid" and "24 euro" in text and any(i["price"] == 24.0 for i in o["items"]), where
            if k == "amazon-eta":
                assert re.fullmatch(r"\d{3}-\d{7}-\d{7}", oid) and o["status"] == "shipped" and has(o, "OD-SB"), where
                assert on_the_way(cid) == (oid,), where
            if k == "a-to-z":  # a threat to go to the marketplace: a person, highest priority
                assert "A-to-z" in text and "threats to go to the marketplace" in KB["en"], where
                assert e["intent"] == "complaint" and e["handoff"] is True, where
            if k == "retract-cancel":  # the cancellation taken back in the same message
                assert "scratch that, don't cancel" in text and has(o, "TB-PR") and has(o, "TY-RD"), where
                assert o["status"] in POLICY["order_change_statuses"] and e["action"] == "change_order", where
            if k == "label-only":
                assert "parcel data" in text and o["carrier"] == "DPD" and has(o, "GP-SC"), where
            if k == "brussels-3-5":
                assert "Bruxelles" in o["shipping_address"] and std["days"] == "3-5 business days", where
            if k == "express-cost":
                assert exp["fee"] == 11.5 and "| Express (EU) | 1-2 business days | €11.50 |" in KB["en"], where
            if k == "neighbour-held":  # delivered about three weeks ago: the carrier's date counts
                assert has(o, "BG-SD") and days_ago(o["delivered_at"]) >= WINDOW + MARGIN, where
                assert "three weeks" in text and days_ago(o["delivered_at"]) < 22, where
            if k == "carrier-date":
                assert "The date that counts is the delivery date in the carrier's tracking" in KB["en"], where
                assert prev["expect"]["status"] == "blocked" and e["handoff"] is False and e["status"] is None, where
            if k == "pedals-dpd":
                assert o["carrier"] == "DPD" and has(o, "PD-SP") and has(o, "SD-CM"), where

            # --- Chinese ---
            if k == "shanghainese":
                assert all(w in text for w in ("侬", "阿拉", "呒没")) and o["status"] == "paid", where
            if k == "bib-89":  # bib shorts follow the jersey sizes: 89 is an S
                assert "尺码和骑行服一致" in KB["zh"] and "| S | 86-91 厘米 |" in KB["zh"] and "89" in text, where
                assert has(o, "BS-BK-5201-M"), where
            if k == "size-swap-paid":
                assert "好伐" in text and o["status"] == "paid" and "已付款的订单请取消后重新下单" in KB["zh"], where
            if k == "two-left":  # a pair that cannot be worn: a fault of the goods, no fee
                assert "左手" in text and has(o, "GL-SF") and days_ago(o["delivered_at"]) <= WINDOW - MARGIN, where
                assert not any(x["order_id"] == oid for x in STORE["refunds"]), where
                assert "商品有质量问题，运输途中损坏，或者我们发错了货" in KB["zh"], where
            if k == "full-24.9":  # asked between the proposal and the yes: the full price
                assert o["total"] == 24.9 and prev["expect"]["status"] == "needs_confirmation", where
                assert nxt["expect"]["status"] == "executed" and "action" not in e, where
            if k == "pinyin-initials":
                assert all(w in text for w in ("dd", "qx", "bxy")) and o["status"] == "paid", where
            if k == "qx-yes":
                assert "qx" in text and prev["expect"]["status"] == "needs_confirmation", where
            if k == "zfb-5":  # a paid order cancelled: 5 business days, then Alipay 1-2
                assert "zfb" in text and o["status"] == "paid", where
                assert "已付款的订单取消后，退款会在 5 个工作日内发出" in KB["zh"] and "支付宝、微信支付 1-2 个工作日" in KB["zh"], where
            if k == "retract-cancel-zh":
                assert "撤回" in text and "不是取消" in text and o["status"] in POLICY["address_change_statuses"], where
                assert "成都" in o["shipping_address"], where
            if k == "friend-name":  # another customer named, no order number: nothing of hers
                c = CUS[ORD[oid]["customer_id"]]
                assert c["name"] in text and oid not in text and c["id"] != cid and oid in e["reply_excludes"], where
                assert "action" not in e and "status" not in e and "handoff" not in e, where
            if k == "phone-cn":
                assert "中国客服电话**：400-615-2288" in KB["zh"], where
            if k == "keycap-id":  # an order number in keycap emoji digits
                assert "\u20e3" in text and gives_order(text, cid) and o["status"] in POLICY["order_change_statuses"], where
                assert any(p["id"].startswith("BG-FR") for p in STORE["products"]), where
            if k == "wechat-pay":
                assert "支付宝、微信支付" in KB["zh"] and "WeChat Pay" in POLICY["payment_methods"], where
            if k == "zhuyin":
                assert all(w in text for w in ("ㄉ", "ㄋ")) and o["carrier"] == "DHL" and has(o, "GL-SF-2101-M"), where
            if k == "jersey-90":
                assert "| S | 86-91 厘米 |" in KB["zh"] and has(o, "JR-RD-5102-S") and "90" in text, where
            if k == "gloves-20.5":
                assert "M 码 20-22 厘米" in KB["zh"] and has(o, "GL-SF-2101-M") and "20.5" in text, where
            if k == "poles-warranty":  # delivered four months ago: outside the window, inside 24 months
                assert has(o, "OD-TP") and 120 <= days_ago(o["created_at"]) <= 150 and "四个多月" in text, where
                assert "从签收之日起享受 24 个月的质量保修" in KB["zh"], where
            if k == "pole-injury":  # a part that failed and hurt the shopper: a person at once
                assert "涉及安全问题（头盔、车辆零件失效）的，优先级最高" in KB["zh"] and e["handoff"] is True, where
            if k == "small-frame":
                assert "小车架从上面拔不出水壶时特别好用" in KB["zh"] and "XS" in text and has(o, "BC-CF"), where
            if k == "cage-weights":
                assert "重 22 克" in KB["zh"] and "重 38 克" in KB["zh"], where
            if k == "two-invoices":  # the cages' web order and the Trailmate's Tmall order
                a, b = oid
                assert has(ORD[a], "BC-CF") and has(ORD[b], "GP-TM") and days_ago(ORD[b]["delivered_at"]) < 7, where
            if k == "ask-which":  # two parcels on their way, no id
                assert len(on_the_way(cid)) == 2 and not gives_order(text, cid), where
            if k == "not-the-helmet":  # named by what it is not: of the two, the one without a helmet
                two = on_the_way(cid)
                assert oid in two and not has(o, "HM-") and all(has(ORD[x], "HM-") for x in two if x != oid), where
            if k == "helmet-too":
                assert has(o, "HM-RD") and o["status"] == "shipped", where
            if k == "beijing":
                assert all(w in text for w in ("劳驾", "受累", "仨天")) and o["carrier"] == "SF Express", where
                assert "跨境包裹过海关、转运时，物流信息有时会几天不更新" in KB["zh"], where
            if k == "beijing-7-12":
                assert cn["days"] == "7-12 business days" and "| 7-12 个工作日 |" in KB["zh"] and "北京" in o["shipping_address"], where
            if k == "voice-placeholder":
                assert text.startswith("[语音]") and o["carrier"] == "JD Logistics" and has(o, "HM-MT"), where
            if k == "invoice-personal":
                assert CUS[cid]["name"] in text and o["status"] in POLICY["invoice_statuses"], where
            if k == "closing":
                assert e["intent"] == "other" and e["handoff"] is False and e["followup"] is True, where
    # every kind named above is used by some turn (no check left dangling)
    assert {"german", "invoice-vat-de", "packstation-de", "pct-encoded", "retry-payment", "decline",
            "mt-english", "portugal-fee", "annul", "foreign", "chest-97", "size-return", "long-story",
            "visible-500", "winter-storage", "one-cable", "dunglish", "other-package", "cage-74",
            "black-friday", "student", "ivr-zero", "bar-35", "swap-paid", "keep-as-is", "amazon-eta",
            "a-to-z", "retract-cancel", "label-only", "brussels-3-5", "express-cost", "neighbour-held",
            "carrier-date", "pedals-dpd", "shanghainese", "bib-89", "size-swap-paid", "two-left",
            "full-24.9", "pinyin-initials", "qx-yes", "zfb-5", "retract-cancel-zh", "friend-name",
            "phone-cn", "keycap-id", "wechat-pay", "zhuyin", "jersey-90", "gloves-20.5",
            "poles-warranty", "pole-injury", "small-frame", "cage-weights", "two-invoices", "ask-which",
            "not-the-helmet", "helmet-too", "beijing", "beijing-7-12", "voice-placeholder",
            "invoice-personal", "closing"} <= seen


def amounts() -> None:
    """The record facts the expectations rely on, recomputed from the records and the policy."""
    cancel, addr, change = (POLICY["cancellable_statuses"], POLICY["address_change_statuses"],
                            POLICY["order_change_statuses"])
    # d14-en-01: the torque wrench is shipped (an invoice, no address change)
    assert ORD["SO-86209"]["status"] == "shipped" and "shipped" in POLICY["invoice_statuses"] and "shipped" not in addr
    # d14-en-02: the jacket is pending (cancellable); nothing was charged
    assert ORD["SO-88157"]["status"] == "pending" and "pending" in cancel
    # d14-en-03: the socks are pending, three pairs at 14.90
    assert ORD["SO-88104"]["status"] in cancel and ORD["SO-88104"]["total"] == 44.7
    # d14-en-04: the M jersey came eight days ago, no return open
    assert days_ago(ORD["SO-83688"]["delivered_at"]) <= WINDOW - MARGIN and ORD["SO-83688"]["status"] == "delivered"
    # d14-en-08: the Trailmate order is paid (no item change), the mount 24
    assert ORD["SO-87961"]["status"] == "paid" and "paid" not in change
    # d14-en-10: the tyres and tubes are pending (items can change)
    assert ORD["SO-88230"]["status"] in change
    # d14-en-12: the saddle bag came three weeks ago, outside the window with the margin
    assert days_ago(ORD["SO-71880"]["delivered_at"]) >= WINDOW + MARGIN
    # d14-zh-01: the bib shorts are paid (no item change)
    assert ORD["SO-87472"]["status"] == "paid" and "paid" not in change
    # d14-zh-02: the gloves came a week ago, no return open, 24.90
    assert days_ago(ORD["SO-84650"]["delivered_at"]) <= WINDOW - MARGIN and ORD["SO-84650"]["total"] == 24.9
    # d14-zh-03: the saddle is paid (cancellable)
    assert ORD["SO-87388"]["status"] == "paid" and "paid" in cancel
    # d14-zh-04: the poles are pending (the address can change)
    assert ORD["SO-88455"]["status"] in addr
    # d14-zh-06: the handlebar bag is pending (items can change)
    assert ORD["SO-88340"]["status"] in change
    # d14-zh-09 and d14-zh-12: invoices for delivered and shipped orders inside the 365 days
    for x in ("SO-52246", "261003774105583326", "261013118830557202"):
        assert ORD[x]["status"] in POLICY["invoice_statuses"] and days_ago(ORD[x]["created_at"]) <= POLICY["invoice_request_days"]


EARLIER = ("scenarios.jsonl", "dialogues.jsonl", "dev2/dialogues.jsonl", "dev2/scenarios.jsonl",
           "dev3/dialogues.jsonl", "dev4/dialogues.jsonl", "dev5/dialogues.jsonl",
           "dev6/dialogues.jsonl", "dev7/dialogues.jsonl", "dev8/dialogues.jsonl",
           "dev9/dialogues.jsonl", "dev10/dialogues.jsonl", "dev11/dialogues.jsonl",
           "dev12/dialogues.jsonl", "dev13/dialogues.jsonl")

# (speaker, own order, intent) triples an earlier set already had, kept on purpose: the pack has
# only so many orders a write can touch, and each of these carries a new situation here
REUSED = {
    ("cus_Ab4Nx6", "SO-86209", "track_order"),  # in German
    ("cus_Ab4Nx6", "SO-86209", "change_shipping_address"),  # to a DHL Packstation, in German
    ("cus_Bq7Hy4", "SO-88157", "cancel_order"),  # after an expired payment link, then declined
    ("cus_Ue9Bl6", "SO-88104", "track_order"),  # machine-translated from Portuguese
    ("cus_Ue9Bl6", "SO-88104", "cancel_order"),  # "annul the request", after the fee to Portugal
    ("cus_Ga6Jd1", "SO-83688", "get_refund"),  # a chest of exactly 97 cm, after a neighbour's parcel
    ("cus_Sf8Wk0", "SO-86540", "track_order"),  # at the end of a long story of a near miss
    ("cus_Fe7Lq2", "SO-85410", "track_order"),  # "When do I become my bottle cage?"
    ("cus_Fe7Lq2", "SO-86233", "track_order"),  # "the other package", in Dutch English
    ("cus_Jx5Mo2", "SO-87961", "change_order"),  # the mount too small for 35 mm bars
    ("cus_Jx5Mo2", "SO-87961", "track_order"),  # kept as it is after the refused swap
    ("u-90377", "302-7719203-4408816", "track_order"),  # Amazon's estimated date passed
    ("cus_Vt2Gn8", "SO-88230", "change_order"),  # a cancellation taken back in the same message
    ("cus_Yb6Jm1", "SO-86055", "track_order"),  # a DPD page stuck at the parcel data
    ("cus_Tn1Gx4", "SO-71880", "get_refund"),  # a neighbour held it while the shopper was away
    ("cus_Tn1Gx4", "SO-87502", "track_order"),  # after the refused return
    ("cus_1Pk6Rf", "SO-87472", "track_order"),  # in Shanghainese
    ("cus_1Pk6Rf", "SO-87472", "change_order"),  # the S for an 89 cm chest, in Shanghainese
    ("cus_4Ny8Tb", "SO-84650", "get_refund"),  # two left gloves
    ("cus_2Cz7Ui", "SO-87388", "cancel_order"),  # in pinyin initials
    ("cus_8Me6Wa", "SO-88455", "change_shipping_address"),  # after a cancellation taken back
    ("u-39047", "261013725590841163", "track_order"),  # after a friend's parcel asked for by name
    ("u-36104", "SO-88340", "change_order"),  # the number in keycap emoji digits
    ("cus_9Fh3Tz", "SO-86120", "track_order"),  # with zhuyin particles
    ("cus_4Rn7Lv", "SO-86702", "track_order"),  # "不是头盔那个，另一个"
    ("cus_4Rn7Lv", "261014330918274415", "track_order"),  # the helmet after it
    ("u-41290", "261012930667402184", "track_order"),  # in Beijing speech
    ("u-35520", "261013118830557202", "track_order"),  # after a voice message it cannot play
}


def pairs(rows: list[dict]) -> None:
    """No (speaker, own order, intent) that an earlier set had, beyond the listed ones."""
    older = set()
    for name in EARLIER:
        for line in (PACK / name).read_text(encoding="utf-8").splitlines():
            if line.strip():
                row = json.loads(line)
                for t in row["turns"]:
                    for x in t["expect"].get("reply_contains", []):
                        x = RFD[x]["order_id"] if x in RFD else x  # a refund number names its order
                        if x in ORD and ORD[x]["customer_id"] == row["customer_id"]:
                            older.add((row["customer_id"], x, t["expect"]["intent"]))
    used = set()
    for r in rows:
        for t in r["turns"]:
            for x in t["expect"].get("reply_contains", []):
                x = RFD[x]["order_id"] if x in RFD else x
                if x in ORD and ORD[x]["customer_id"] == r["customer_id"]:
                    used.add((r["customer_id"], x, t["expect"]["intent"]))
    again = used & older
    assert again == REUSED, (sorted(again - REUSED), sorted(REUSED - again))


def novelty(rows: list[dict]) -> None:
    """No message repeats one of the earlier Spokeline sets this writer may read (no shared
    24-character run, or 10-character run of Chinese text), and none occurs twice here."""
    older = []
    for name in EARLIER:
        for line in (PACK / name).read_text(encoding="utf-8").splitlines():
            if line.strip():
                older += [t["text"] for t in json.loads(line)["turns"]]

    cjk = re.compile(r"[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]{10}")

    def runs(text: str) -> set[str]:
        s = re.sub(r"\s+", " ", text.lower())
        out = {s[i:i + 24] for i in range(0, max(0, len(s) - 23))}
        z = re.sub(r"\s+", "", s)  # Chinese: 10 characters of Chinese text, spaces ignored
        return out | {z[i:i + 10] for i in range(0, max(0, len(z) - 9)) if cjk.fullmatch(z[i:i + 10])}

    seen: dict[str, str] = {}
    for text in older:
        for r in runs(text):
            seen.setdefault(r, text)
    mine = [t["text"] for row in rows for t in row["turns"]]
    assert len(mine) == len(set(mine)), "a message repeated inside dev14"
    assert not set(mine) & set(older), "a message copied from an earlier set"
    bad = []
    for text in mine:
        hit = next((r for r in sorted(runs(text)) if r in seen), None)
        if hit is not None:
            bad.append((text, hit, seen[hit]))
    assert not bad, ("messages repeat an earlier set", bad)


def finish(rows: list[dict]) -> None:
    for c in rows:
        for t in c["turns"]:
            e = t["expect"]
            ga, gid = e.pop("_ga"), e.pop("_gid")
            e.pop("_kind"), e.pop("_oid")
            g = []
            if gid or gives_order(t["text"], c["customer_id"]):
                g.append("order_id")
            if ga is None:
                ga = any(len(f) > 5 and f in t["text"] and not re.fullmatch(r"[\d.\-]+", f)
                         and f not in ORD and not f.startswith("RTN") for f in e.get("reply_contains", [])
                         if e["intent"] == "change_shipping_address")
            if ga:
                g.append("address")
            fu = e.pop("followup")
            flagged = e.pop("flagged", None)
            e["gives"] = g
            e["followup"] = fu
            if flagged:
                e["flagged"] = True


def main() -> None:
    ids = [r["id"] for r in DIALOGUES]
    assert len(ids) == len(set(ids)), "duplicate ids"
    customers = [r["customer_id"] for r in DIALOGUES]
    assert len(customers) == len(set(customers)), "a customer in two conversations"
    for r in DIALOGUES:
        assert r["customer_id"] in CUS, r["id"]
        assert CUS[r["customer_id"]]["language"] == r["language"], r["id"]
        assert r["id"].startswith(f"d14-{r['language']}-"), r["id"]
        assert 2 <= len(r["turns"]) <= 5, r["id"]
        assert r["channel"] in ("web", "wechat"), r["id"]
        check(r)
    # another customer's order named here belongs to nobody who speaks in this file
    speaking = set(customers)
    for r in DIALOGUES:
        for t in r["turns"]:
            if t["expect"]["_kind"] in ("foreign", "friend-name"):
                assert ORD[t["expect"]["_oid"]]["customer_id"] not in speaking, r["id"]
    langs = [r["language"] for r in DIALOGUES]
    assert langs.count("en") == langs.count("zh") == 12, "language balance"
    amounts()
    kinds_check(DIALOGUES)
    pairs(DIALOGUES)
    novelty(DIALOGUES)
    finish(DIALOGUES)
    (HERE / "dialogues.jsonl").write_text(
        "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in DIALOGUES), encoding="utf-8")
    for lang in ("en", "zh"):
        part = [r for r in DIALOGUES if r["language"] == lang]
        print("dialogues", lang, len(part), "conversations,", sum(len(r["turns"]) for r in part), "turns")


if __name__ == "__main__":
    main()


