// The shopper chat: streamed bot replies, yes/no confirmations, hand-over to a human.
"use strict";

Kefu.strings({
  en: {
    who: { shopper: "You", bot: "Assistant", agent: "Agent", system: "Notice" },
    "confirm.yes": "Yes", "confirm.no": "No", "confirm.done": "Confirmed",
    "confirm.declined": "Declined", "confirm.pending": "Waiting for your confirmation",
    "mode.human": "Human agent", "rated": "Thanks for your rating!",
    "need.shopper": "shopper", "welcome": "Hello! Ask me about your orders, delivery, returns or our products.",
  },
  zh: {
    title: "在线客服", assistant: "购物助手", "mode.bot": "机器人", new: "新会话",
    "handoff.title": "人工客服正在接入。", "handoff.body": "我们的同事会在这里回复您。",
    placeholder: "输入消息…（回车发送）", send: "发送", rate: "请为本次服务评分：",
    who: { shopper: "我", bot: "助手", agent: "客服", system: "提示" },
    "confirm.yes": "是", "confirm.no": "否", "confirm.done": "已确认", "confirm.declined": "已拒绝",
    "confirm.pending": "等待您确认", "mode.human": "人工客服", "rated": "感谢您的评价！",
    "need.shopper": "顾客", "welcome": "您好！关于订单、配送、退货或商品的问题都可以问我。",
  },
});

const $ = (id) => document.getElementById(id);
const state = { conv: null, seen: new Set(), busy: false, watcher: null, customer: null };

function whoLabel(role) {
  const names = Kefu.t("who");
  return (typeof names === "object" && names[role]) || role;
}

function scrollDown() { $("thread").scrollTop = $("thread").scrollHeight; }

function bubble(role, text, extra) {
  const body = Kefu.el("span", { class: "body" }, text);
  const node = Kefu.el("div", { class: `msg ${role} ${extra || ""}`, dataset: { role } },
                       Kefu.el("span", { class: "who" }, whoLabel(role)), body);
  $("thread").append(node);
  scrollDown();
  return { node, body };
}

function renderMessage(m) {
  if (state.seen.has(m.id)) return;
  state.seen.add(m.id);
  bubble(m.role, m.text);
  if (m.role === "agent") setHuman(true);
}

function setHuman(on) {
  $("handoff-banner").hidden = !on;
  const badge = $("mode-badge");
  badge.dataset.i18n = on ? "mode.human" : "mode.bot";
  badge.classList.toggle("warn", on);
  Kefu.translate(badge.parentElement);
}

function actionSummary(action) {
  const p = action.params || {};
  return [action.name.replaceAll("_", " "), p.order_id, p.address].filter(Boolean).join(" · ");
}

function renderConfirmation(conf) {
  const card = Kefu.el("div", { class: "confirm-card", dataset: { action: conf.action_id } });
  const buttons = Kefu.el("div", { class: "buttons" });
  const decide = async (yes) => {
    buttons.querySelectorAll("button").forEach((b) => { b.disabled = true; });
    try {
      const verb = yes ? "confirm" : "reject";
      const out = await Kefu.api(`/api/actions/${conf.action_id}/${verb}`, { method: "POST" });
      buttons.replaceChildren(Kefu.el("span", { class: `badge ${yes ? "ok" : ""}` },
                                      Kefu.t(yes ? "confirm.done" : "confirm.declined")));
      if (out.message) renderMessage(out.message);
    } catch (err) {
      Kefu.showError(err.message);
      buttons.querySelectorAll("button").forEach((b) => { b.disabled = false; });
    }
  };
  buttons.append(
    Kefu.el("button", { class: "primary confirm-yes", type: "button", onclick: () => decide(true) },
            Kefu.t("confirm.yes")),
    Kefu.el("button", { class: "confirm-no", type: "button", onclick: () => decide(false) },
            Kefu.t("confirm.no")));
  card.append(Kefu.el("div", {}, conf.prompt), buttons);
  $("thread").append(card);
  scrollDown();
}

async function loadConversation(conv) {
  state.conv = conv;
  state.seen.clear();
  $("thread").replaceChildren();
  if (!conv.messages.length) bubble("bot", Kefu.t("welcome"), "welcome");
  conv.messages.forEach(renderMessage);
  setHuman(conv.status === "handed_off" || conv.messages.some((m) => m.role === "agent"));
  $("rating").hidden = !conv.messages.length;
  renderStars(conv.csat);
  const actions = await Kefu.api(`/api/conversations/${conv.id}/actions`);
  actions.filter((a) => a.status === "needs_confirmation").reverse().forEach((a) =>
    renderConfirmation({ action_id: a.id, prompt: `${Kefu.t("confirm.pending")}: ${actionSummary(a)}` }));
  localStorage.setItem(`kefu.chat.conv.${state.customer}`, conv.id);
  watch(conv.id);
}

async function send(text) {
  state.busy = true;
  $("send").disabled = true;
  bubble("shopper", text);
  const reply = bubble("bot", "", "typing");
  let meta = null;
  try {
    await Kefu.stream(`/api/conversations/${state.conv.id}/messages?stream=1`,
                      { method: "POST", body: { text, channel: "web" } }, (name, data) => {
      if (name === "meta") {
        meta = data;
        if (data.shopper.state === "waiting") reply.node.classList.add("waiting");
      } else if (name === "token") {
        reply.body.textContent += data.text;
        scrollDown();
      } else if (name === "done") {
        reply.body.textContent = data.text;
      }
    });
    reply.node.classList.remove("typing");
    if (meta && meta.shopper.confirmation) renderConfirmation(meta.shopper.confirmation);
    if (meta && meta.shopper.handed_off) setHuman(true);
    $("rating").hidden = false;
    // this turn's own messages are on screen already: mark them seen, do not redraw;
    // anything else (an agent's reply that came meanwhile) is drawn now
    const conv = await Kefu.api(`/api/conversations/${state.conv.id}`);
    conv.messages.forEach((m) => {
      const own = meta && (m.id === meta.message_id || (m.id === meta.message_id + 1 && m.role === "bot"));
      if (own) state.seen.add(m.id); else renderMessage(m);
    });
  } catch (err) {
    reply.node.remove();
    Kefu.showError(err.message);
  } finally {
    state.busy = false;
    $("send").disabled = false;
  }
}

// Agent replies and status changes arrive as server-sent events; reconnects when a
// stream ends or fails.
async function watch(convId) {
  if (state.watcher) state.watcher.abort();
  const ctrl = new AbortController();
  state.watcher = ctrl;
  while (!ctrl.signal.aborted) {
    try {
      await Kefu.stream(`/api/conversations/${convId}/events?max_s=120`, { signal: ctrl.signal },
                        (name, data) => {
        if (name === "typing") { ChatTyping.show(data); return; }
        if (name !== "conversation" || state.busy) return;
        data.messages.forEach(renderMessage);
        if (data.status === "handed_off") setHuman(true);
      });
    } catch (err) {
      if (ctrl.signal.aborted) return;
      await new Promise((r) => setTimeout(r, 3000));
    }
  }
}

function renderStars(score) {
  const stars = $("stars");
  stars.replaceChildren();
  for (let n = 1; n <= 5; n += 1) {
    stars.append(Kefu.el("button", {
      type: "button", class: n <= (score || 0) ? "on" : "", "aria-label": `${n}`,
      dataset: { score: n },
      onclick: async () => {
        try {
          const conv = await Kefu.api(`/api/conversations/${state.conv.id}/rating`,
                                      { method: "POST", body: { score: n } });
          renderStars(conv.csat);
          $("rated").textContent = Kefu.t("rated");
        } catch (err) { Kefu.showError(err.message); }
      },
    }, "★"));
  }
}

async function connect() {
  Kefu.showError("");
  Kefu.useToken($("token").value);
  Kefu.setToken("chat", $("token").value);
  try {
    const me = await Kefu.api("/api/me");
    if (me.role !== "shopper") throw new Error(Kefu.t("role.wrong", { role: Kefu.t("need.shopper") }));
    state.customer = me.customer_id;
    $("who").textContent = me.customer_id;
    const saved = localStorage.getItem(`kefu.chat.conv.${me.customer_id}`);
    let conv = null;
    if (saved) conv = await Kefu.api(`/api/conversations/${saved}`).catch(() => null);
    conv = conv || await Kefu.api("/api/conversations", { method: "POST", body: { channel: "web" } });
    await loadConversation(conv);
    $("text").focus();
  } catch (err) {
    Kefu.showError(err.message);
  }
}

async function newConversation() {
  try {
    const conv = await Kefu.api("/api/conversations", { method: "POST", body: { channel: "web" } });
    await loadConversation(conv);
  } catch (err) { Kefu.showError(err.message); }
}

function init() {
  Kefu.bindLangToggle($("lang-toggle"));
  Kefu.translate();
  $("token").value = Kefu.getToken("chat");
  $("connect").addEventListener("click", connect);
  $("new-conv").addEventListener("click", newConversation);
  $("composer").addEventListener("submit", (e) => {
    e.preventDefault();
    const text = $("text").value.trim();
    if (!text || state.busy || !state.conv) return;
    $("text").value = "";
    send(text);
  });
  $("text").addEventListener("keydown", (e) => {
    if (e.key === "Enter" && !e.shiftKey && !e.isComposing) {
      e.preventDefault();
      $("composer").requestSubmit();
    }
  });
  ChatTyping.bind(() => state.conv && state.conv.id);
  if ($("token").value) connect();
}

init();
