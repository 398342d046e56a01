// The console's other requests (actions, replies, assignment, notes, typing), the
// keyboard, the live queue and the start-up. State and drawing are console.js's.
"use strict";

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

async function assign(assignee) {
  if (!S.active) return;
  try {
    await Kefu.api(`/api/conversations/${S.active}/assign`, { method: "POST", body: { assignee } });
    Kefu.showError("");
    await refresh(S.active);
    await loadQueue();
  } catch (err) { fail(err); }
}

async function reopen() {
  try {
    await Kefu.api(`/api/conversations/${S.active}/reopen`, { method: "POST" });
    await refresh(S.active);
  } catch (err) { fail(err); }
}

async function addNote(e) {
  e.preventDefault();
  const text = $("note-text").value.trim();
  if (!text || !S.active) return;
  try {
    await Kefu.api(`/api/conversations/${S.active}/notes`, { method: "POST", body: { text } });
    $("note-text").value = "";
    await refresh(S.active);
  } catch (err) { fail(err); }
}

// The shopper sees "an agent is typing" while the agent writes (announced every few
// seconds; the server forgets it a few seconds after the last announcement).
function typed(on) {
  const now = Date.now();
  if (!S.active || (on && now - S.typedAt < 2500)) return;
  S.typedAt = on ? now : 0;
  Kefu.api(`/api/conversations/${S.active}/typing`, { method: "POST", body: { typing: on } })
    .catch(() => {});
}

async function sendReply(e) {
  e.preventDefault();
  const text = $("reply-text").value.trim();
  if (!text || !S.active) return;
  try {
    await Kefu.api(`/api/conversations/${S.active}/reply`, { method: "POST", body: { text } });
    $("reply-text").value = "";
    typed(false);
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
    form(S.active).extra = "";
    await refresh(S.active);
  } catch (err) { fail(err); }
}

function rememberForm() {
  if (!S.active) return;
  Object.assign(form(S.active), { name: $("propose-name").value, order: $("propose-order").value,
                                  extra: $("propose-extra").value });
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
  if (!S.active || e.ctrlKey || e.metaKey || e.altKey || document.querySelector("dialog[open]")) return;
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
  } else if (e.key === "/") {
    e.preventDefault();
    $("reply-text").focus();
    $("reply-text").setRangeText("/", $("reply-text").selectionStart, $("reply-text").selectionEnd, "end");
    $("reply-text").dispatchEvent(new Event("input"));
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
    // waiting time and time left count by themselves
    const key = JSON.stringify({ ...q, waiting_s: undefined });
    const was = S.seenQueue[q.conversation_id];
    S.seenQueue[q.conversation_id] = key;
    return was !== key;
  }).map((q) => q.conversation_id);
  renderQueue();
  // new turns and suggestions show up in the open conversation without a click
  if (S.active && changed.includes(S.active) && !S.editing) refresh(S.active).catch(fail);
}

function onTyping(data) {
  S.typing = data;
  Team.typing($("typing-line"), S.typing[S.active], S.me.name);
  document.querySelectorAll("#queue button[data-id] .preview").forEach((node) => {
    const t = data[node.parentElement.dataset.id];
    node.classList.toggle("typing-now", Boolean(t && t.shopper));
  });
}

async function loadQueue() { onQueue(await Kefu.api("/api/queue")); }

async function watchQueue() {
  if (S.queueCtrl) S.queueCtrl.abort();
  const ctrl = new AbortController();
  S.queueCtrl = ctrl;
  while (!ctrl.signal.aborted) {
    try {
      await Kefu.stream("/api/queue/stream?max_s=120", { signal: ctrl.signal }, (name, data) => {
        if (name === "queue") onQueue(data);
        else if (name === "typing") onTyping(data);
      });
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
    $("canned-manage").hidden = me.role !== "admin";
    const people = await Kefu.api("/api/agents");
    Team.assignees($("assignees"), [...people.agents, ...people.teams]);
    await Promise.all([loadQueue(), Canned.load()]);
    watchQueue();
  } catch (err) { fail(err); }
}

function init() {
  Kefu.bindLangToggle($("lang-toggle"));
  Kefu.onLang(() => draw());
  Kefu.translate();
  $("token").value = Kefu.getToken("console");
  $("connect").addEventListener("click", connect);
  // the canned-reply picker sees the editors' keys before their own handlers
  const context = () => ({ conversation: S.active, warn: fail,
                           language: S.cache[S.active] && S.cache[S.active].conv.language });
  Canned.bind(context);
  ["reply-text", "edit-text"].forEach((id) => {
    Canned.attach($(id));
    $(id).addEventListener("input", () => typed(true));
  });
  Search.bind(renderQueue, fail);
  $("reply-form").addEventListener("submit", sendReply);
  $("note-form").addEventListener("submit", addNote);
  $("propose").addEventListener("submit", propose);
  ["propose-name", "propose-order", "propose-extra"].forEach((id) =>
    $(id).addEventListener("input", rememberForm));
  $("edit-send").addEventListener("click", sendEdit);
  $("edit-cancel").addEventListener("click", () => { stopEdit(); typed(false); });
  $("edit-text").addEventListener("keydown", onEditorKey);
  document.addEventListener("keydown", onKey);
  setInterval(tick, 1000);
  if ($("token").value) connect();
}

init();
