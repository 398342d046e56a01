// The chat's thread: the server's messages by id, the bubbles of the turn in flight,
// and confirmation cards bound to the action they ask about.
"use strict";

Kefu.strings({
  en: {
    "who.shopper": "You", "who.bot": "Assistant", "who.agent": "Agent", "who.system": "Notice",
    "confirm.yes": "Yes", "confirm.no": "No", "confirm.done": "Confirmed",
    "confirm.declined": "Declined", "confirm.closed": "No longer pending",
    welcome: "Hello! Ask me about your orders, delivery, returns or our products.",
  },
  zh: {
    "who.shopper": "我", "who.bot": "助手", "who.agent": "客服", "who.system": "提示",
    "confirm.yes": "是", "confirm.no": "否", "confirm.done": "已确认", "confirm.declined": "已取消",
    "confirm.closed": "已失效",
    welcome: "您好！关于订单、配送、退货或商品的问题都可以问我。",
  },
});

const Thread = (() => {
  const byId = new Map();      // message id -> bubble node
  const cards = new Map();     // action id -> card node
  let local = [];              // bubbles of the turn in flight, not yet known by id
  let messages = [];           // the last server copy of the conversation's messages
  let onDecide = null;         // (actionId, yes, card) => Promise

  const root = () => document.getElementById("thread");
  const scrollDown = () => { root().scrollTop = root().scrollHeight; };

  function bubble(role, text, extra) {
    const body = Kefu.el("span", { class: "body" }, text);
    const node = Kefu.el("div", { class: `msg ${role} ${extra || ""}`.trim(), dataset: { role } },
                         Kefu.el("span", { class: "who", "data-i18n": `who.${role}` },
                                 Kefu.t(`who.${role}`)), body);
    root().append(node);
    scrollDown();
    return node;
  }

  function reset(decide) {
    onDecide = decide;
    byId.clear();
    cards.clear();
    local = [];
    messages = [];
    root().replaceChildren();
  }

  function welcome() {
    const node = bubble("bot", Kefu.t("welcome"), "welcome");
    node.querySelector(".body").dataset.i18n = "welcome";
  }

  // A bubble drawn before the server answered; adopted by the message it becomes.
  function provisional(role, text, extra) {
    const node = bubble(role, text, extra);
    if (role !== "system") local.push(node);
    return node;
  }

  function forget(node) {
    local = local.filter((n) => n !== node);
    node.remove();
  }

  // A bubble that stays as drawn (a notice the server does not keep).
  function keep(node) { local = local.filter((n) => n !== node); }

  function adopt(node, id) {
    local = local.filter((n) => n !== node);
    node.dataset.id = id;
    byId.set(id, node);
  }

  // Draw the server's messages: known ones stay, this turn's bubbles take their ids,
  // anything else (an agent's reply, the other browser's turn) is appended.
  function sync(list) {
    messages = list;
    let added = false;
    for (const m of list) {
      if (byId.has(m.id)) continue;
      const mine = local.find((n) => n.dataset.role === m.role
                              && n.querySelector(".body").textContent === m.text);
      if (mine) adopt(mine, m.id);
      else {
        const node = bubble(m.role, m.text);
        node.dataset.id = m.id;
        byId.set(m.id, node);
        added = true;
      }
    }
    if (list.length) root().querySelectorAll(".msg.welcome").forEach((n) => n.remove());
    return added;
  }

  function settle(card, key, ok) {
    const buttons = card.querySelector(".buttons");
    if (!buttons) return;
    buttons.replaceWith(Kefu.el("span", { class: `badge result ${ok ? "ok" : ""}`,
                                          "data-i18n": key }, Kefu.t(key)));
    card.classList.add("settled");
  }

  function note(card, text) {
    card.querySelector(".card-note")?.remove();
    card.append(Kefu.el("span", { class: "card-note" }, text));
  }

  // Turn a bot bubble into the question's card: Yes and No bound to the action.
  function makeCard(node, actionId) {
    if (cards.has(actionId) || node.classList.contains("confirm-card")) return;
    node.classList.add("confirm-card");
    node.dataset.action = actionId;
    const press = (yes) => async () => {
      node.querySelectorAll(".buttons button").forEach((b) => { b.disabled = true; });
      await onDecide(actionId, yes, node);
      node.querySelectorAll(".buttons button").forEach((b) => { b.disabled = false; });
    };
    node.append(Kefu.el("div", { class: "buttons" },
      Kefu.el("button", { class: "primary confirm-yes", type: "button", onclick: press(true),
                          "data-i18n": "confirm.yes" }, Kefu.t("confirm.yes")),
      Kefu.el("button", { class: "confirm-no", type: "button", onclick: press(false),
                          "data-i18n": "confirm.no" }, Kefu.t("confirm.no"))));
    cards.set(actionId, node);
    scrollDown();
  }

  // The bubble that asked about an action: the first bot message after it was proposed.
  function askedBy(action) {
    const since = Date.parse(action.created_at);
    const asked = messages.find((m) => m.role === "bot" && Date.parse(m.created_at) >= since);
    const bots = [...root().querySelectorAll(".msg.bot:not(.welcome):not(.waiting)")];
    return (asked && byId.get(asked.id)) || bots[bots.length - 1] || null;
  }

  // Cards follow their action: answered ones show the result (whoever answered, by
  // button or by typing "yes"), the newest pending one keeps its buttons.
  function actions(list) {
    list.forEach((a, i) => {
      if (a.status === "needs_confirmation") {
        if (!cards.has(a.id) && i === list.findIndex((b) => b.status === "needs_confirmation")) {
          const node = askedBy(a);
          if (node) makeCard(node, a.id);
        }
        return;
      }
      const card = cards.get(a.id);
      if (!card) return;
      if (a.status === "executed") settle(card, "confirm.done", true);
      // the shopper's own No; a question the bot withdrew (a new request) just closes
      else if (a.result && a.result.reason === "rejected" && a.result.rejected_by !== "system") {
        settle(card, "confirm.declined", false);
      }
      else settle(card, "confirm.closed", false);
    });
  }

  return { reset, welcome, provisional, forget, keep, adopt, sync, makeCard, actions, note,
           settle, scrollDown, has: (id) => byId.has(id) };
})();
