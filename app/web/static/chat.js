// The shopper chat. A shopper arrives signed in through the store's link (a session
// cookie); without one, a shopper token can be pasted to try the chat out. The chat
// shows the shopper's one current conversation, the same in every browser, and shows
// each turn as the server describes it: an answer, a question to confirm, a notice
// that a colleague will answer, a hand-over to a person, or nothing while a person
// has the conversation.
"use strict";

Kefu.strings({
  en: {
    "mode.human": "Human agent", rated: "Thanks for your rating!", "need.shopper": "shopper",
    "signin.failed": "This chat link has expired or is not valid. Please open the chat again from the shop.",
    "session.ended": "Your chat session has ended. Please open the chat again from the shop.",
  },
  zh: {
    title: "在线客服", assistant: "购物助手", "mode.bot": "机器人", new: "新会话",
    "handoff.title": "人工客服正在接入。", "handoff.body": "我们的同事会在这里回复您。",
    placeholder: "输入消息…（回车发送）", send: "发送", rate: "请为本次服务评分：",
    "mode.human": "人工客服", rated: "感谢您的评价！", "need.shopper": "顾客",
    "signin.hint": "请从商城网站打开在线客服。",
    "signin.failed": "此客服链接已过期或无效，请从商城重新打开在线客服。",
    "session.ended": "本次会话已结束，请从商城重新打开在线客服。",
  },
});

const $ = (id) => document.getElementById(id);
const state = { conv: null, busy: false, watcher: null, langChosen: false };

function setHuman(on) {
  $("handoff-banner").hidden = !on;
  const badge = $("mode-badge");
  badge.dataset.i18n = on ? "mode.human" : "mode.bot";
  badge.classList.toggle("warn", on);
  Kefu.translate(badge.parentElement);
}

// The page speaks the shopper's language: the conversation's, unless they chose one.
function follow(language) {
  if (!state.langChosen && (language === "en" || language === "zh") && language !== Kefu.lang) {
    Kefu.setLang(language);
  }
}

function enable(on) {
  ["text", "send", "new-conv"].forEach((id) => { $(id).disabled = !on; });
}

function ended() {
  if (state.watcher) state.watcher.abort();
  state.conv = null;
  enable(false);
  Kefu.showError(Kefu.t("session.ended"));
}

function fail(err) {
  if (err.status === 401 && state.conv) ended();
  else Kefu.showError(err.message);
}

function show(conv, actions) {
  state.conv = conv;
  Thread.sync(conv.messages);
  if (actions) Thread.actions(actions);
  setHuman(conv.status === "handed_off");
  follow(conv.language);
  $("rating").hidden = !conv.messages.length;
}

async function refresh() {
  if (!state.conv) return;
  const id = state.conv.id;
  const [conv, actions] = await Promise.all([
    Kefu.api(`/api/conversations/${id}`), Kefu.api(`/api/conversations/${id}/actions`)]);
  if (state.conv && state.conv.id === id) show(conv, actions);
}

async function load(conv) {
  state.conv = conv;  // at once: what is typed from now on belongs to this conversation
  Thread.reset(decide);
  if (!conv.messages.length) Thread.welcome();
  show(conv, await Kefu.api(`/api/conversations/${conv.id}/actions`));
  renderStars(conv.csat);
  enable(true);
  watch(conv.id);
}

// The card's Yes / No. A question already answered (by typing "yes", or in another
// window) gets the server's own words for it, in the shopper's language.
async function decide(actionId, yes, card) {
  try {
    const out = await Kefu.api(`/api/actions/${actionId}/${yes ? "confirm" : "reject"}`,
                               { method: "POST" });
    Thread.actions([out.action]);
  } catch (err) {
    if (err.status === 409) Thread.note(card, err.message);
    else { fail(err); return; }
  }
  try { await refresh(); } catch (err) { fail(err); }
}

async function send(text) {
  state.busy = true;
  $("send").disabled = true;
  const mine = Thread.provisional("shopper", text);
  const reply = Thread.provisional("bot", "", "typing");
  const body = reply.querySelector(".body");
  let view = null;
  try {
    await Kefu.stream(`/api/conversations/${state.conv.id}/messages?stream=1`,
                      { method: "POST", body: { text, channel: "web" } }, (name, data) => {
      if (name === "meta") {
        view = data.shopper;
        Thread.adopt(mine, data.message_id);
        follow(data.result.language);
      } else if (name === "token") {
        body.textContent += data.text;
        Thread.scrollDown();
      } else if (name === "done") {
        body.textContent = data.text;
      }
    });
    reply.classList.remove("typing");
    if (!view || view.state === "silent" || !body.textContent) Thread.forget(reply);
    else if (view.state === "waiting") { reply.classList.add("waiting"); Thread.keep(reply); }
    else if (view.state === "confirm" && view.confirmation) {
      Thread.makeCard(reply, view.confirmation.action_id);
    }
    if (view && view.handed_off) setHuman(true);
    $("rating").hidden = false;
    await refresh();
  } catch (err) {
    Thread.forget(reply);
    if (!view) { Thread.forget(mine); $("text").value = $("text").value || text; }
    fail(err);
  } finally {
    state.busy = false;
    $("send").disabled = !state.conv;
  }
}

// Agent replies, the ticket closing and the other window's turns arrive as server-sent
// events; the stream is reopened when it ends or fails.
async function watch(convId) {
  if (state.watcher) state.watcher.abort();
  const ctrl = new AbortController();
  state.watcher = ctrl;
  while (!ctrl.signal.aborted) {
    try {
      await Kefu.stream(`/api/conversations/${convId}/events?max_s=120`, { signal: ctrl.signal },
                        (name, data) => {
        if (name === "typing") { ChatTyping.show(data); return; }
        if (name !== "conversation" || state.busy || !state.conv || state.conv.id !== convId) return;
        if (Thread.sync(data.messages)) refresh().catch(fail);
        setHuman(data.status === "handed_off");
      });
    } catch (err) {
      if (ctrl.signal.aborted) return;
      if (err.status === 401) { ended(); return; }
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
        } catch (err) { fail(err); }
      },
    }, "★"));
  }
}

// The shopper's current conversation: the one they had in any browser, or a new one.
async function start(me) {
  const conv = await Kefu.api("/api/conversations/current", { method: "POST" });
  $("signin-hint").hidden = true;
  await load(conv);
  $("text").focus();
  return me;
}

async function connectToken() {
  Kefu.showError("");
  Kefu.useToken($("token").value);
  Kefu.setToken("chat", $("token").value);
  try {
    const me = await Kefu.api("/api/me");
    if (me.role !== "shopper") throw new Error(Kefu.t("role.wrong", { role: Kefu.t("need.shopper") }));
    $("who").textContent = me.customer_id;
    await start(me);
  } catch (err) { Kefu.showError(err.message); }
}

// The composer stays shut until the new conversation is there, so nothing typed in
// the meantime lands in the old one.
async function newConversation() {
  enable(false);
  try {
    await load(await Kefu.api("/api/conversations", { method: "POST", body: { channel: "web" } }));
  } catch (err) {
    enable(Boolean(state.conv));
    fail(err);
  }
}

async function signIn() {
  const params = new URLSearchParams(window.location.search);
  if (["en", "zh"].includes(params.get("lang"))) {
    Kefu.setLang(params.get("lang"));
    state.langChosen = true;
  }
  const failed = params.get("signin") === "failed";
  if (params.has("signin") || params.has("lang")) window.history.replaceState(null, "", "/chat");
  try {
    const me = await Kefu.api("/api/me");  // signed in by the session cookie
    if (me.role === "shopper") { await start(me); return; }
  } catch (err) {
    if (err.status !== 401) Kefu.showError(err.message);
  }
  $("token-form").hidden = false;
  $("signin-hint").hidden = false;
  if (failed) Kefu.showError(Kefu.t("signin.failed"));
  $("token").value = Kefu.getToken("chat");
  if ($("token").value && !failed) connectToken();
}

function init() {
  const toggle = $("lang-toggle");
  Kefu.bindLangToggle(toggle);
  toggle.addEventListener("click", () => { state.langChosen = true; });
  Kefu.onLang((lang) => { toggle.textContent = lang === "zh" ? "English" : "中文"; });
  Kefu.translate();
  $("token-form").addEventListener("submit", (e) => { e.preventDefault(); connectToken(); });
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
  signIn();
}

init();
