// The agent console: live queue, conversations as tabs, keyboard-driven answers.
"use strict";

const $ = (id) => document.getElementById(id);
const S = {
  me: null, queue: [], tabs: [], active: null, cache: {}, customers: {}, seenQueue: {},
  selected: 0, editing: null, queueCtrl: null,
};

Kefu.strings({
  en: { "need.agent": "agent", "review": "review", "prio.low": "low", "prio.normal": "normal",
        "prio.high": "high", "prio.urgent": "urgent" },
  zh: { "need.agent": "客服", "prio.low": "低", "prio.normal": "普通", "prio.high": "高",
        "prio.urgent": "紧急" },
});

function fail(err) { Kefu.showError(err.message || String(err)); }

// --- the turn waiting for an answer ------------------------------------------------

function pending(data) {
  const msgs = data.conv.messages;
  const last = msgs[msgs.length - 1];
  if (!last || last.role !== "shopper") return [];
  return data.suggestions.filter((s) => s.message_id === last.id && !s.decision)
    .sort((a, b) => a.rank - b.rank);
}

function current() {
  const data = S.cache[S.active];
  return data ? pending(data) : [];
}

// --- loading and drawing -------------------------------------------------------------

async function load(convId) {
  const [conv, suggestions, actions] = await Promise.all([
    Kefu.api(`/api/conversations/${convId}`),
    Kefu.api(`/api/conversations/${convId}/suggestions`),
    Kefu.api(`/api/conversations/${convId}/actions`)]);
  if (!S.customers[conv.customer_id]) {
    S.customers[conv.customer_id] = await Kefu.api(`/api/customers/${conv.customer_id}`);
  }
  S.cache[convId] = { conv, suggestions, actions };
}

async function refresh(convId, { customer } = {}) {
  const data = S.cache[convId];
  if (customer && data) delete S.customers[data.conv.customer_id];
  await load(convId);
  if (convId === S.active) draw();
}

function draw() {
  renderTabs();
  const data = S.cache[S.active];
  $("conv-empty").hidden = Boolean(data);
  $("conv-body").hidden = !data;
  if (!data) {
    ["suggestions", "actions", "customer", "orders"].forEach((id) => $(id).replaceChildren());
    return;
  }
  const customer = S.customers[data.conv.customer_id];
  Panels.convHead($("conv-head"), data.conv, customer && customer.customer, closeTicket);
  Panels.thread($("thread"), data.conv.messages);
  const list = pending(data);
  S.selected = Math.min(S.selected, Math.max(0, list.length - 1));
  Panels.candidates($("suggestions"), list, S.selected, {
    select: (i) => { S.selected = i; draw(); }, accept, edit: startEdit, reject, source: openSource,
  });
  Panels.actions($("actions"), data.actions, { approve: (id) => decideAction(id, "approve"),
                                              refuse: (id) => decideAction(id, "refuse") });
  Panels.orders($("customer"), $("orders"), customer);
  Panels.orderOptions($("propose-order"), customer);
  renderQueue();
}

function renderTabs() {
  $("tabs").replaceChildren(...S.tabs.map((id) => {
    const data = S.cache[id];
    const customer = data && S.customers[data.conv.customer_id];
    const name = customer ? customer.customer.name : (data ? data.conv.customer_id : id);
    const waiting = data ? pending(data).length : 0;
    return Kefu.el("div", { class: `tab ${id === S.active ? "active" : ""}`, role: "tab",
                            dataset: { id } },
      Kefu.el("button", { type: "button", class: "x open", onclick: () => activate(id) },
              name, waiting ? ` (${waiting})` : ""),
      Kefu.el("button", { type: "button", class: "x", "aria-label": "close",
                          onclick: () => closeTab(id) }, "×"));
  }));
}

function renderQueue() {
  $("queue-count").textContent = S.queue.length;
  $("queue-empty").hidden = S.queue.length > 0;
  $("queue").replaceChildren(...S.queue.map((q) => Kefu.el("li", {},
    Kefu.el("button", { type: "button", dataset: { id: q.conversation_id },
                        class: `${q.priority} ${S.tabs.includes(q.conversation_id) ? "open" : ""}`,
                        onclick: () => openTab(q.conversation_id) },
      Kefu.el("span", { class: "line" },
              Kefu.el("strong", {}, q.customer_name || q.customer_id),
              Kefu.el("span", { class: `badge ${q.priority}` }, Kefu.t(`prio.${q.priority}`))),
      Kefu.el("span", { class: "line small" },
              Kefu.el("span", {}, `${q.channel} · ${q.reason === "review" ? Kefu.t("review") : q.reason}`),
              Kefu.el("span", { class: "waiting", dataset: { since: q.waiting_since } }, "")),
      Kefu.el("span", { class: "preview" }, q.last_message || "")))));
  tick();
}

function tick() {
  document.querySelectorAll(".waiting[data-since]").forEach((node) => {
    node.textContent = Kefu.duration((Date.now() - Date.parse(node.dataset.since)) / 1000);
  });
}

// --- tabs ----------------------------------------------------------------------------

async function openTab(id) {
  if (!S.tabs.includes(id)) S.tabs.push(id);
  await activate(id);
}

async function activate(id) {
  S.active = id;
  S.selected = 0;
  stopEdit();
  try { await load(id); } catch (err) { fail(err); }
  draw();
}

function closeTab(id) {
  S.tabs = S.tabs.filter((t) => t !== id);
  delete S.cache[id];
  if (S.active === id) S.active = S.tabs[S.tabs.length - 1] || null;
  draw();
}

// --- decisions -------------------------------------------------------------------------

async function decide(index, verb, body) {
  const s = current()[index];
  if (!s) return;
  try {
    await Kefu.api(`/api/suggestions/${s.id}/${verb}`, { method: "POST", body });
    stopEdit();
    S.selected = 0;
    await refresh(S.active);
  } catch (err) { fail(err); }
}

function accept(index) { return decide(index, "accept"); }
function reject(index) { return decide(index, "reject"); }

function startEdit(index) {
  const s = current()[index];
  if (!s) return;
  S.selected = index;
  S.editing = s.id;
  $("editor").hidden = false;
  $("edit-text").value = s.text;
  $("edit-text").focus();
}

function stopEdit() {
  S.editing = null;
  $("editor").hidden = true;
}

async function sendEdit() {
  const index = current().findIndex((s) => s.id === S.editing);
  const text = $("edit-text").value.trim();
  if (index < 0 || !text) return;
  await decide(index, "edit", { text });
}

async function decideAction(id, verb) {
  try {
    await Kefu.api(`/api/actions/${id}/${verb}`, { method: "POST" });
    await refresh(S.active, { customer: true });
  } catch (err) { fail(err); }
}

async function closeTicket() {
  const data = S.cache[S.active];
  if (!data || !data.conv.ticket) return;
  try {
    await Kefu.api(`/api/tickets/${data.conv.ticket.id}/close`, { method: "POST" });
    await refresh(S.active);
  } catch (err) { fail(err); }
}

async function sendReply(e) {
  e.preventDefault();
  const text = $("reply-text").value.trim();
  if (!text || !S.active) return;
  try {
    await Kefu.api(`/api/conversations/${S.active}/reply`, { method: "POST", body: { text } });
    $("reply-text").value = "";
    await refresh(S.active);
  } catch (err) { fail(err); }
}

async function propose(e) {
  e.preventDefault();
  if (!S.active) return;
  const name = $("propose-name").value;
  const extra = $("propose-extra").value.trim();
  const params = {};
  if (name !== "set_up_shipping_address") params.order_id = $("propose-order").value;
  if (name.endsWith("shipping_address") && extra) params.address = extra;
  if ((name === "cancel_order" || name === "get_refund") && extra) params.reason = extra;
  try {
    const out = await Kefu.api(`/api/conversations/${S.active}/actions`,
                               { method: "POST", body: { name, params } });
    if (out.status === "blocked" || out.status === "failed") {
      fail({ message: `${out.name}: ${out.status} ${JSON.stringify(out.result)}` });
    }
    $("propose-extra").value = "";
    await refresh(S.active);
  } catch (err) { fail(err); }
}

async function openSource(src) {
  try {
    const p = await Kefu.api(`/api/knowledge/passage?id=${encodeURIComponent(src.id)}`);
    $("passage-title").textContent = p.title;
    $("passage-meta").textContent = [p.id, p.section, p.layer, p.language].filter(Boolean).join(" · ");
    $("passage-text").textContent = p.text;
    $("passage").showModal();
  } catch (err) { fail(err); }
}

// --- keyboard ----------------------------------------------------------------------------

function onKey(e) {
  if (!S.active || e.ctrlKey || e.metaKey || e.altKey || $("passage").open) return;
  const tag = e.target.tagName;
  if (tag === "INPUT" || tag === "TEXTAREA" || tag === "SELECT") return;
  if (e.key === "Enter" && tag === "BUTTON") return;  // the focused button handles it
  if (/^[1-9]$/.test(e.key) && Number(e.key) <= current().length) {
    S.selected = Number(e.key) - 1;
    draw();
  } else if (e.key === "e") {
    e.preventDefault();
    startEdit(S.selected);
  } else if (e.key === "Enter") {
    e.preventDefault();
    accept(S.selected);
  } else if (e.key === "r") {
    reject(S.selected);
  }
}

function onEditorKey(e) {
  if (e.key === "Enter" && !e.shiftKey && !e.isComposing) {
    e.preventDefault();
    sendEdit();
  } else if (e.key === "Escape") {
    stopEdit();
  }
}

// --- live queue ---------------------------------------------------------------------------

function onQueue(items) {
  S.queue = items;
  const changed = items.filter((q) => {
    const key = JSON.stringify({ ...q, waiting_s: undefined });  // it counts up by itself
    const was = S.seenQueue[q.conversation_id];
    S.seenQueue[q.conversation_id] = key;
    return was !== key;
  }).map((q) => q.conversation_id);
  renderQueue();
  // new turns and suggestions show up in the open conversation without a click
  if (S.active && changed.includes(S.active) && !S.editing) refresh(S.active).catch(fail);
}

async function watchQueue() {
  if (S.queueCtrl) S.queueCtrl.abort();
  const ctrl = new AbortController();
  S.queueCtrl = ctrl;
  while (!ctrl.signal.aborted) {
    try {
      await Kefu.stream("/api/queue/stream?max_s=120", { signal: ctrl.signal },
                        (name, data) => { if (name === "queue") onQueue(data); });
    } catch (err) {
      if (ctrl.signal.aborted) return;
      await new Promise((r) => setTimeout(r, 3000));
    }
  }
}

async function connect() {
  Kefu.showError("");
  Kefu.useToken($("token").value);
  Kefu.setToken("console", $("token").value);
  try {
    const me = await Kefu.api("/api/me");
    if (me.role !== "agent" && me.role !== "admin") {
      throw new Error(Kefu.t("role.wrong", { role: Kefu.t("need.agent") }));
    }
    S.me = me;
    $("who").textContent = `${me.name} (${me.role})`;
    onQueue(await Kefu.api("/api/queue"));
    watchQueue();
  } catch (err) { fail(err); }
}

function init() {
  Kefu.bindLangToggle($("lang-toggle"));
  Kefu.onLang(() => draw());
  Kefu.translate();
  $("token").value = Kefu.getToken("console");
  $("connect").addEventListener("click", connect);
  $("reply-form").addEventListener("submit", sendReply);
  $("propose").addEventListener("submit", propose);
  $("edit-send").addEventListener("click", sendEdit);
  $("edit-cancel").addEventListener("click", stopEdit);
  $("edit-text").addEventListener("keydown", onEditorKey);
  document.addEventListener("keydown", onKey);
  setInterval(tick, 1000);
  if ($("token").value) connect();
}

init();
