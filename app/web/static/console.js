// The agent console: live queue, conversations as tabs, keyboard-driven answers.
"use strict";

const $ = (id) => document.getElementById(id);
const S = {
  me: null, queue: [], tabs: [], active: null, cache: {}, customers: {}, seenQueue: {},
  selected: 0, editing: null, queueCtrl: null, typing: {}, forms: {}, typedAt: 0,
};
const EDITOR = $("editor");  // moved next to the suggestion it edits

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
  const base = `/api/conversations/${convId}`;
  const [conv, suggestions, actions, seen, notes] = await Promise.all([
    Kefu.api(base), Kefu.api(`${base}/suggestions`), Kefu.api(`${base}/actions`),
    Kefu.api(`${base}/seen`), Kefu.api(`${base}/notes`)]);
  if (!S.customers[conv.customer_id]) {
    S.customers[conv.customer_id] = await Kefu.api(`/api/customers/${encodeURIComponent(conv.customer_id)}`);
  }
  S.cache[convId] = { conv, suggestions, actions, seen, notes };
}

async function refresh(convId, { customer } = {}) {
  const data = S.cache[convId];
  if (customer && data) delete S.customers[data.conv.customer_id];
  await load(convId);
  if (convId === S.active) draw();
}

// The propose form of each conversation keeps what the agent chose in it.
function form(convId) {
  S.forms[convId] = S.forms[convId] || { name: "change_shipping_address", order: "", extra: "" };
  return S.forms[convId];
}

function drawForm(customer) {
  const f = form(S.active);
  $("propose-name").value = f.name;
  Panels.orderOptions($("propose-order"), customer, f.order);
  f.order = $("propose-order").value;
  $("propose-extra").value = f.extra;
}

function draw() {
  renderTabs();
  const data = S.cache[S.active];
  $("conv-empty").hidden = Boolean(data);
  $("conv-body").hidden = !data;
  if (!data) {
    ["suggestions", "actions", "customer", "orders", "notes"].forEach((id) => $(id).replaceChildren());
    renderQueue();
    return;
  }
  const customer = S.customers[data.conv.customer_id];
  Panels.convHead($("conv-head"), data.conv, customer && customer.customer, closeTicket);
  Team.owner($("owner"), data.conv, S.me.name, { assign, reopen });
  Panels.thread($("thread"), data.conv.messages, data.seen);
  Team.typing($("typing-line"), S.typing[S.active], S.me.name);
  const list = pending(data);
  S.selected = Math.min(S.selected, Math.max(0, list.length - 1));
  Panels.candidates($("suggestions"), list, S.selected, {
    select: (i) => { S.selected = i; draw(); }, accept, edit: startEdit, reject, source: openSource,
  });
  placeEditor();
  Team.notes($("notes"), data.notes);
  Panels.actions($("actions"), data.actions, { approve: (id) => decideAction(id, "approve"),
                                              refuse: (id) => decideAction(id, "refuse") });
  Panels.orders($("customer"), $("orders"), customer);
  drawForm(customer);
  renderQueue();
}

function tabLabel(id, names) {
  const data = S.cache[id];
  const customer = data && S.customers[data.conv.customer_id];
  const name = customer ? customer.customer.name : (data ? data.conv.customer_id : id);
  // two tabs of the same name are told apart by customer and channel
  const twin = names.filter((n) => n === name).length > 1;
  const detail = data ? `${data.conv.customer_id} · ${data.conv.channel}` : id;
  return { name, detail: twin ? detail : "", title: `${name} · ${detail} · ${id}` };
}

function renderTabs() {
  const names = S.tabs.map((id) => tabLabel(id, []).name);
  $("tabs").replaceChildren(...S.tabs.map((id) => {
    const label = tabLabel(id, names);
    const waiting = S.cache[id] ? pending(S.cache[id]).length : 0;
    return Kefu.el("div", { class: `tab ${id === S.active ? "active" : ""}`, role: "tab",
                            dataset: { id }, title: label.title },
      Kefu.el("button", { type: "button", class: "x open", onclick: () => activate(id) },
              label.name, label.detail ? Kefu.el("span", { class: "detail" }, label.detail) : null,
              waiting ? ` (${waiting})` : ""),
      Kefu.el("button", { type: "button", class: "x", "aria-label": "close",
                          onclick: () => closeTab(id) }, "×"));
  }));
}

function queueItem(q) {
  const el = Kefu.el;
  const typing = S.typing[q.conversation_id];
  return el("li", {}, el("button", {
    type: "button", dataset: { id: q.conversation_id },
    class: `${q.priority} ${S.tabs.includes(q.conversation_id) ? "open" : ""} `
           + `${q.sla && q.sla.breached.length ? "breached" : ""}`,
    onclick: () => openTab(q.conversation_id) },
    el("span", { class: "line" },
       el("strong", {}, q.customer_name || q.customer_id),
       el("span", { class: `badge ${q.priority}` }, Kefu.t(`prio.${q.priority}`))),
    el("span", { class: "line small" },
       el("span", {}, `${q.channel} · ${Intents.reason(q.reason)}`),
       q.waiting_since ? el("span", { class: "waiting", dataset: { since: q.waiting_since } }, "") : null),
    el("span", { class: "line small" },
       el("span", { class: "assignee" }, q.assignee ? `@${Team.who(q.assignee, S.me.name)}` : ""),
       Team.queueClock(q)),
    el("span", { class: `preview ${typing && typing.shopper ? "typing-now" : ""}` },
       q.last_message || "")));
}

function renderQueue() {
  const items = S.me ? Search.list(S.queue, S.me.name) : [];
  Search.drawViews();
  $("queue-count").textContent = items.length;
  $("queue-empty").hidden = items.length > 0;
  $("queue-empty").dataset.i18n = Search.searching ? "results.empty" : "queue.empty";
  Kefu.translate($("queue-empty").parentElement);
  $("queue").replaceChildren(...items.map(queueItem));
  tick();
}

function tick() {
  document.querySelectorAll(".waiting[data-since]").forEach((node) => {
    node.textContent = Kefu.duration((Date.now() - Date.parse(node.dataset.since)) / 1000);
  });
  Team.tick();
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
    typed(false);
    await refresh(S.active);
  } catch (err) { fail(err); }
}

function accept(index) { return decide(index, "accept"); }
function reject(index) { return decide(index, "reject"); }

function placeEditor() {
  const card = S.editing && document.querySelector(`.cand[data-id='${S.editing}']`);
  EDITOR.hidden = !card;
  (card || $("suggest-panel")).append(EDITOR);
}

function startEdit(index) {
  const s = current()[index];
  if (!s) return;
  S.selected = index;
  S.editing = s.id;
  draw();
  $("edit-text").value = s.text;
  $("edit-text").focus();
}

function stopEdit() {
  S.editing = null;
  placeEditor();
}

async function sendEdit() {
  const index = current().findIndex((s) => s.id === S.editing);
  const text = $("edit-text").value.trim();
  if (index < 0 || !text) return;
  await decide(index, "edit", { text });
}
