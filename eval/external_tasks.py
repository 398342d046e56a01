"""tau-bench retail and ECom-Bench tasks -> action-resolution cases.

Both benchmarks describe a shopper's goals to a user simulator in the second person
("You received your order ... and wish to exchange ..."; "你希望取消订单"). A case is
the request part of that description rewritten in the first person, as the shopper's
first message, with the benchmark's ground-truth write action mapped to ours:

- tau-bench: one case per task; persona, identity and simulator directions ("if the
  agent asks ...", "do not reveal ...") are dropped, up to three request sentences kept.
  Expected = the first mappable write action; "any" also accepts the task's later ones.
- ECom-Bench: one case per goal that a mappable action belongs to (found by its order
  id, else by a keyword such as 取消 / 退货 / 换货); the order id is appended when the
  goal leaves it out, as the shopper would when asked "which order?".

The expected status is computed from the order's (mapped) status under OUR policy:
``needs_confirmation`` when the policy allows the write in the bot, else ``blocked``.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from app.policy import StorePolicy
from eval.external_stores import Converted

TAU_ACTIONS = {"cancel_pending_order": "cancel_order",
               "modify_pending_order_address": "change_shipping_address",
               "return_delivered_order_items": "get_refund",
               "exchange_delivered_order_items": "change_order",
               "modify_pending_order_items": "change_order",
               "modify_user_address": "set_up_shipping_address",
               "transfer_to_human_agents": "handoff"}
ECOM_ACTIONS = {("manage_order", "取消"): "cancel_order",
                ("manage_order", "修改"): "change_shipping_address",
                ("manage_return", None): "get_refund",
                ("manage_exchange", "换货"): "change_order"}
ECOM_KEYWORDS = {"cancel_order": ("取消",), "change_shipping_address": ("地址", "修改", "更改"),
                 "get_refund": ("退货", "退掉", "退回"), "change_order": ("换货", "换成")}
# our action -> the policy list of order statuses it is allowed for
POLICY_LISTS = {"cancel_order": "cancellable_statuses",
                "change_shipping_address": "address_change_statuses",
                "get_refund": "refundable_statuses"}


@dataclass
class ActionCase:
    id: str
    dataset: str
    language: str
    customer_id: str
    text: str
    expected: str  # our action name, or "handoff"
    acceptable: list[str]
    order_id: str | None = None  # ours
    expected_status: str | None = None
    their_action: str = ""
    their_status: str | None = None


@dataclass
class Derived:
    cases: list[ActionCase] = field(default_factory=list)
    tasks: int = 0
    skipped: dict[str, int] = field(default_factory=dict)
    skipped_unit: str = "tasks"  # tau-bench skips whole tasks, ECom-Bench single actions

    def skip(self, reason: str) -> None:
        self.skipped[reason] = self.skipped.get(reason, 0) + 1


def expected_status(action: str, status: str | None, policy: StorePolicy) -> str | None:
    attr = POLICY_LISTS.get(action)
    if attr is None or status is None:
        return None  # change_order: proposed only when the message settles the contents
    allowed = {str(s) for s in getattr(policy, attr)}
    return "needs_confirmation" if status in allowed else "blocked"


_SENTENCE = re.compile(r"(?<=[.!?])\s+")
_IDENTITY = re.compile(r"^(you are|you're|your name is|you name is|you live|your email|"
                       r"your zip|your user id)\b", re.I)
_META = re.compile(r"^(but )?(if|when|once) (the )?agent\b|\breveal\b|\bmake (everything|up)\b|"
                   r"^be (polite|brief|nice)|^provide all|^you are (a |an )?\w+(, \w+)*\.?$",
                   re.I)
_REQUEST = re.compile(r"\b(want|wish|would like|'d like|need|cancel|return|exchange|change|"
                      r"modify|update|refund|track|human)\b", re.I)
_ASIDE = re.compile(r"\s*\([^)]*(reveal|agent|mention)[^)]*\)", re.I)
_OBJECT_YOU = re.compile(r"\b(to|for|with|help|ask|give|send|tell|let|asks|helps)\s+you\b",
                         re.I)
_PRONOUNS = ((r"\byou are\b", "I am"), (r"\byou're\b", "I'm"), (r"\byou'd\b", "I'd"),
             (r"\byou've\b", "I've"), (r"\byourself\b", "myself"), (r"\byours\b", "mine"),
             (r"\byour\b", "my"), (r"\byou\b", "I"))
TAU_ORDER = re.compile(r"#?\bW\d{7}\b")


def first_person_en(text: str) -> str:
    text = _OBJECT_YOU.sub(lambda m: f"{m.group(1)} me", text)
    for pattern, repl in _PRONOUNS:
        text = re.sub(pattern, _keep_case(repl), text, flags=re.I)
    return text


def _keep_case(repl: str) -> Callable[[re.Match[str]], str]:
    """"Your" -> "My", "your" -> "my"; "I" stays upper case either way."""
    def sub(match: re.Match[str]) -> str:
        return repl if match.group(0)[0].islower() or repl[0] == "I" else repl.capitalize()
    return sub


def tau_message(instruction: str, order_ids: dict[str, str]) -> str:
    kept = []
    for sentence in _SENTENCE.split(_ASIDE.sub("", instruction.strip())):
        if _IDENTITY.match(sentence):
            # "You are X (zip 28236) and you want to ..." keeps the request part
            tail = re.split(r"\band (?=you )", sentence, maxsplit=1)
            if len(tail) < 2 or not _REQUEST.search(tail[1]):
                continue
            sentence = tail[1][0].upper() + tail[1][1:]
        if _META.search(sentence) or not sentence.strip():
            continue
        kept.append(sentence)
    text = " ".join(kept[:3]) or instruction
    text = TAU_ORDER.sub(lambda m: order_ids.get("#" + m.group(0).lstrip("#"), m.group(0)), text)
    return first_person_en(text)


def derive_tau(tasks: list[dict[str, Any]], store: Converted, policy: StorePolicy) -> Derived:
    out = Derived(tasks=len(tasks))
    for task in tasks:
        writes = [a for a in task["actions"] if a["name"] in task.get("write_actions", [])]
        if not writes:
            out.skip("information-only task (no write action)")
            continue
        ours = [TAU_ACTIONS.get(a["name"]) for a in writes]
        if ours[0] is None:
            out.skip(f"first write action {writes[0]['name']} has no Kefu action")
            continue
        if task["user_id"] not in store.customer_ids:
            out.skip("user missing from the converted store")
            continue
        order = store.order_ids.get(str(writes[0]["kwargs"].get("order_id", "")))
        status = store.order_status(order) if order else None
        out.cases.append(ActionCase(
            id=task["id"], dataset="tau_bench_retail", language="en",
            customer_id=store.customer_ids[task["user_id"]],
            text=tau_message(task["instruction"], store.order_ids), expected=str(ours[0]),
            acceptable=sorted({a for a in ours if a}), order_id=order,
            expected_status=expected_status(str(ours[0]), status, policy),
            their_action=writes[0]["name"],
            their_status=store.their_status.get(order) if order else None))
    return out


_ZH_ASIDE = re.compile(r"[（(][^）)]*(注意|禁止|透露)[^）)]*[）)]")
_ZH_LEAD = re.compile(r"^(然后|最后|此外|同时|之后|现在|接着|另外)[，,]?")


def zh_message(goal: str, their_order: str | None, order_ids: dict[str, str]) -> str:
    text = _ZH_LEAD.sub("", _ZH_ASIDE.sub("", goal).strip())
    text = text.replace("你", "我")
    for theirs, ours in order_ids.items():
        text = text.replace(theirs, ours)
    mapped = order_ids.get(their_order or "")
    if mapped and mapped not in text:
        text = f"{text.rstrip('。')}，订单号{mapped}。"
    return text


def _ecom_goal(task: dict[str, Any], action: str, order: str | None) -> int | None:
    goals = task["goals"]
    with_order = [i for i, g in enumerate(goals) if order and order in g]
    keyed = [i for i, g in enumerate(goals) if any(k in g for k in ECOM_KEYWORDS[action])]
    for pick in ([i for i in with_order if i in keyed], keyed, with_order):
        if pick:
            return pick[0]
    return None


def derive_ecom(tasks: list[dict[str, Any]], store: Converted, policy: StorePolicy) -> Derived:
    out = Derived(tasks=len(tasks), skipped_unit="actions")
    for task in tasks:
        by_goal: dict[int, list[tuple[str, str | None, str]]] = {}
        for a in task["actions"]:
            args = a["arguments"]
            key = (a["name"], args.get("action") if a["name"] != "manage_return" else None)
            ours = ECOM_ACTIONS.get(key)
            if ours is None:
                out.skip(f"{a['name']}({args.get('action', '')}) has no Kefu action")
                continue
            if ours == "change_shipping_address" and not args.get("address"):
                out.skip("manage_order(修改) of a phone number only has no Kefu action")
                continue
            goal = _ecom_goal(task, ours, args.get("order_id"))
            if goal is None:
                out.skip("no goal of the task describes the action")
                continue
            by_goal.setdefault(goal, []).append((ours, args.get("order_id"), a["name"]))
        for goal, actions in sorted(by_goal.items()):
            _add_ecom_case(out, task, goal, actions, store, policy)
    return out


def _add_ecom_case(out: Derived, task: dict[str, Any], goal: int,
                   actions: list[tuple[str, str | None, str]], store: Converted,
                   policy: StorePolicy) -> None:
    customer = store.customer_ids.get(task["user_id"])
    if customer is None:
        out.skip("user missing from the converted store")
        return
    expected, their_order, their_action = actions[0]
    order = store.order_ids.get(their_order or "")
    out.cases.append(ActionCase(
        id=f"{task['id']}#g{goal}", dataset="ecom_bench_zh", language="zh",
        customer_id=customer, text=zh_message(task["goals"][goal], their_order, store.order_ids),
        expected=expected, acceptable=sorted({a for a, _, _ in actions}), order_id=order,
        expected_status=expected_status(expected, store.order_status(order) if order else None,
                                        policy),
        their_action=their_action, their_status=store.their_status.get(order or "")))
