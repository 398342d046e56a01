// Rendering for the console: the conversation, recommended answers, actions, orders.
// console.js owns the state and the requests; these functions only draw and call back.
"use strict";

Kefu.strings({
  en: {
    who: { shopper: "Shopper", bot: "Bot", agent: "Agent", system: "System" },
    "kind.llm": "LLM draft", "kind.kb": "Knowledge base", "kind.template": "Template",
    "cand.none": "No reply is waiting for a suggestion.", "accept": "Send", "edit": "Edit",
    "reject": "Reject", "approve": "Approve", "refuse": "Refuse", "close.ticket": "Close ticket",
    "waiting.shopper": "waiting for the shopper", "ticket": "Ticket", "no.actions": "No actions yet.",
    "default.address": "Default address", "decided": "{decision} by {who}",
    "seen.card": "Shopper saw a yes/no card", "seen.yes": "Yes", "seen.no": "No",
    "seen.notice": "Shopper saw", "seen.silent": "No reply shown: a person owns the conversation",
    "card.pending": "waiting for the shopper", "card.confirmed": "confirmed",
    "card.declined": "declined",
  },
  zh: {
    title: "客服工作台", queue: "队列", "queue.empty": "暂无待处理会话。",
    "conv.empty": "从队列中打开会话，可同时以标签页打开多个会话。", "reply.ph": "自己撰写回复…",
    "reply.send": "发送回复", suggest: "推荐回复", "edit.send": "发送修改", "edit.cancel": "取消",
    "edit.keys": "回车发送 · Shift+回车换行 · Esc 取消", "k.choose": "选择", "k.edit": "编辑",
    "k.send": "发送", "k.reject": "拒绝", actions: "操作", "propose.extra": "新地址 / 原因",
    propose: "提议", orders: "顾客与订单", close: "关闭",
    who: { shopper: "顾客", bot: "机器人", agent: "客服", system: "系统" },
    "kind.llm": "大模型草稿", "kind.kb": "知识库", "kind.template": "模板",
    "cand.none": "当前没有等待推荐回复的消息。", accept: "发送", edit: "编辑", reject: "拒绝",
    approve: "批准", refuse: "驳回", "close.ticket": "关闭工单", "waiting.shopper": "等待顾客确认",
    ticket: "工单", "no.actions": "暂无操作。", "default.address": "默认地址",
    "decided": "{who}：{decision}", "review": "待审核",
    "seen.card": "顾客看到的确认卡片", "seen.yes": "是", "seen.no": "否", "seen.notice": "顾客看到",
    "seen.silent": "未向顾客显示回复：会话由人工处理", "card.pending": "等待顾客确认",
    "card.confirmed": "已确认", "card.declined": "已拒绝",
  },
});

const Panels = (() => {
  const { el, t } = Kefu;
  const CARD_BADGE = { confirmed: "ok", declined: "bad", pending: "warn" };
  const STATUS_BADGE = { executed: "ok", needs_approval: "warn", needs_confirmation: "warn",
                         blocked: "bad", failed: "bad", rejected: "bad" };

  function who(role) {
    const names = t("who");
    return (typeof names === "object" && names[role]) || role;
  }

  function bubble(m) {
    return el("div", { class: `msg ${m.role}`, dataset: { id: m.id } },
      el("span", { class: "who" }, `${who(m.role)} · ${Kefu.time(m.created_at)}`
         + (m.intent && m.role === "shopper" ? ` · ${Intents.label(m.intent)}` : "")), m.text);
  }

  // The yes/no card the shopper was shown, with what became of it.
  function card(m, turn) {
    const c = turn.confirmation;
    return el("div", { class: "confirm-card seen", dataset: { id: m.id, action: c.action_id } },
      el("span", { class: "who" }, `${t("seen.card")} · ${Kefu.time(m.created_at)}`),
      el("div", {}, m.text),
      el("div", { class: "buttons" },
         el("button", { type: "button", disabled: true }, t("seen.yes")),
         el("button", { type: "button", disabled: true }, t("seen.no")),
         el("span", { class: `badge ${CARD_BADGE[c.status] || ""}` },
            t(`card.${c.status}`) === `card.${c.status}` ? c.status : t(`card.${c.status}`))));
  }

  function notice(turn) {
    if (turn.state === "waiting") {
      return el("div", { class: "msg notice seen-waiting" },
                el("span", { class: "who" }, t("seen.notice")), turn.text);
    }
    return turn.state === "silent" ? el("p", { class: "seen-silent small muted" },
                                         t("seen.silent")) : null;
  }

  // The conversation as the shopper saw it: ``seen`` says per shopper message what
  // they were shown (app/console/seen.py).
  function thread(node, messages, seen) {
    const byMessage = {};
    const cards = {};
    (seen || []).forEach((s) => {
      byMessage[s.message_id] = s;
      if (s.state === "confirm" && s.reply_id) cards[s.reply_id] = s;
    });
    const parts = [];
    messages.forEach((m) => {
      parts.push(cards[m.id] ? card(m, cards[m.id]) : bubble(m));
      const turn = m.role === "shopper" && byMessage[m.id];
      if (turn) parts.push(notice(turn));
    });
    fill(node, parts);
    node.scrollTop = node.scrollHeight;
  }

  // replaceChildren would print a skipped (null) part as the text "null"
  function fill(node, ...children) {
    node.replaceChildren(...children.flat().filter((c) => c !== null && c !== undefined && c !== false));
  }

  function convHead(node, conv, customer, onCloseTicket) {
    fill(node,
      el("strong", {}, customer ? `${customer.name} (${conv.customer_id})` : conv.customer_id),
      el("span", { class: "badge" }, conv.channel),
      el("span", { class: `badge status ${conv.status === "handed_off" ? "warn" : ""}` },
         t(`st.${conv.status}`)),
      conv.ticket && el("span", { class: `badge ${conv.ticket.priority}` },
                        `${t("ticket")} · ${t(`prio.${conv.ticket.priority}`)} · `
                        + Intents.reason(conv.ticket.reason)),
      el("span", { class: "grow" }),
      conv.ticket && el("button", { type: "button", id: "close-ticket", onclick: onCloseTicket },
                        t("close.ticket")));
  }

  // Candidates for the turn waiting for an answer; `selected` is an index into them.
  function candidates(node, list, selected, handlers) {
    if (!list.length) {
      node.replaceChildren(el("p", { class: "muted" }, t("cand.none")));
      return;
    }
    node.replaceChildren(...list.map((s, i) => {
      const pct = Math.round(s.confidence * 100);
      return el("div", { class: `cand ${i === selected ? "selected" : ""}`,
                         dataset: { id: s.id, index: i }, onclick: () => handlers.select(i) },
        el("div", { class: "head" },
           el("span", { class: "num" }, `${i + 1}`),
           el("span", { class: "badge" }, t(`kind.${s.kind}`)),
           el("span", { class: "conf", title: `${pct}%` }, el("span", { style: `width:${pct}%` })),
           el("span", { class: "small" }, `${pct}%`)),
        el("div", { class: "text" }, s.text),
        s.sources.length ? el("div", { class: "sources" }, s.sources.map((src) =>
          el("button", { type: "button", class: "source", title: src.id,
                         onclick: (e) => { e.stopPropagation(); handlers.source(src); } },
             `${src.title} · ${Math.round(src.score * 100)}%`))) : null,
        el("div", { class: "row" },
           el("button", { type: "button", class: "primary accept",
                          onclick: (e) => { e.stopPropagation(); handlers.accept(i); } }, t("accept")),
           el("button", { type: "button", class: "edit",
                          onclick: (e) => { e.stopPropagation(); handlers.edit(i); } }, t("edit")),
           el("button", { type: "button", class: "danger reject",
                          onclick: (e) => { e.stopPropagation(); handlers.reject(i); } }, t("reject"))));
    }));
  }

  function params(p) {
    return Object.entries(p || {}).map(([k, v]) =>
      `${k}: ${typeof v === "object" ? JSON.stringify(v) : v}`).join(" · ");
  }

  function actions(node, list, handlers) {
    const shown = list.filter((a) => a.name !== "handoff");
    if (!shown.length) {
      node.replaceChildren(el("p", { class: "muted small" }, t("no.actions")));
      return;
    }
    node.replaceChildren(...shown.map((a) => el("div", { class: "action", dataset: { id: a.id } },
      el("div", { class: "row" },
         el("strong", {}, a.name),
         el("span", { class: `badge ${STATUS_BADGE[a.status] || ""}` }, a.status)),
      el("div", { class: "small muted" }, params(a.params)),
      a.result && a.status !== "executed" && a.result.detail
        ? el("div", { class: "small" }, a.result.detail) : null,
      a.status === "needs_approval" || a.status === "needs_confirmation" ? el("div", { class: "row" },
        a.status === "needs_approval"
          ? el("button", { type: "button", class: "primary approve",
                           onclick: () => handlers.approve(a.id) }, t("approve"))
          : el("span", { class: "small muted" }, t("waiting.shopper")),
        el("button", { type: "button", class: "danger refuse",
                       onclick: () => handlers.refuse(a.id) }, t("refuse"))) : null)));
  }

  function money(amount, currency) {
    return `${Number(amount).toFixed(2)} ${currency}`;
  }

  function orders(customerNode, ordersNode, data) {
    if (!data) {
      customerNode.replaceChildren();
      ordersNode.replaceChildren();
      return;
    }
    const c = data.customer;
    fill(customerNode,
      el("div", {}, el("strong", {}, c.name), ` · ${c.id} · ${c.language}`),
      el("div", { class: "small muted" }, [c.email, c.phone].filter(Boolean).join(" · ")),
      c.default_address ? el("div", { class: "small" }, `${t("default.address")}: ${c.default_address}`) : null);
    ordersNode.replaceChildren(...data.orders.map((o) => el("div", { class: "order", dataset: { id: o.id } },
      el("div", { class: "row" },
         el("strong", {}, o.id),
         el("span", { class: "badge" }, o.status),
         el("span", {}, money(o.total, o.currency)),
         el("span", { class: "muted small" }, o.created_at.slice(0, 10))),
      el("ul", {}, o.items.map((i) => el("li", {}, `${i.name} ×${i.qty}`))),
      o.shipping_address ? el("div", { class: "small muted" }, o.shipping_address) : null,
      o.tracking_number ? el("div", { class: "small muted" }, `${o.carrier || ""} ${o.tracking_number}`) : null)));
  }

  // The active customer's orders; ``wanted`` (this conversation's earlier choice) is
  // kept when it is one of them, so switching tabs never leaves another customer's order.
  function orderOptions(select, data, wanted) {
    const orders = data ? data.orders : [];
    select.replaceChildren(...orders.map((o) =>
      el("option", { value: o.id }, `${o.id} · ${o.status}`)));
    if (orders.some((o) => o.id === wanted)) select.value = wanted;
  }

  return { thread, convHead, candidates, actions, orders, orderOptions };
})();
