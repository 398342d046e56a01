// Views (mine / unassigned / all) and search with filters over every conversation.
// The left list shows the live queue, or the search results while a search is on.
"use strict";

Kefu.strings({
  en: {
    "search.ph": "Customer, order, text…", "search.go": "Search", "search.clear": "Clear",
    "f.status": "Any status", "f.priority": "Any priority", "f.language": "Any language",
    "f.channel": "Channel", "f.intent": "Intent", "f.order": "Order id", "f.since": "From",
    "f.until": "To", "view.mine": "Mine", "view.none": "Unassigned", "view.all": "All",
    "results": "Results", "results.empty": "No conversation matches.",
    "st.open": "open", "st.handed_off": "handed off", "st.resolved": "resolved",
  },
  zh: {
    "search.ph": "顾客、订单号、内容…", "search.go": "搜索", "search.clear": "清除",
    "f.status": "全部状态", "f.priority": "全部优先级", "f.language": "全部语言",
    "f.channel": "渠道", "f.intent": "意图", "f.order": "订单号", "f.since": "从", "f.until": "到",
    "view.mine": "我的", "view.none": "未分配", "view.all": "全部", "results": "搜索结果",
    "results.empty": "没有匹配的会话。", "st.open": "进行中", "st.handed_off": "已转人工",
    "st.resolved": "已解决",
  },
});

const Search = (() => {
  const byId = (id) => document.getElementById(id);
  const FIELDS = [["f-status", "status"], ["f-priority", "priority"], ["f-language", "language"],
                  ["f-channel", "channel"], ["f-intent", "intent"], ["f-order", "order_id"]];
  const state = { view: localStorage.getItem("kefu.console.view") || "all", results: null };

  // A local calendar day, as the instant it starts or ends.
  function dayBound(value, end) {
    return new Date(`${value}T${end ? "23:59:59.999" : "00:00:00"}`).toISOString();
  }

  function params() {
    const p = new URLSearchParams();
    const q = byId("search-q").value.trim();
    if (q) p.set("q", q);
    FIELDS.forEach(([id, key]) => { const v = byId(id).value.trim(); if (v) p.set(key, v); });
    if (byId("f-since").value) p.set("since", dayBound(byId("f-since").value, false));
    if (byId("f-until").value) p.set("until", dayBound(byId("f-until").value, true));
    if (state.view !== "all") p.set("assignee", state.view);
    return p;
  }

  // A search result drawn like a queue item.
  function asItem(c) {
    const s = c.staff || {};
    return { conversation_id: c.id, customer_id: c.customer_id, customer_name: s.customer_name,
             channel: c.channel, priority: s.priority || "normal", status: c.status,
             reason: c.status, last_message: s.last_message, assignee: s.assignee,
             sla: s.sla, waiting_since: null, intent: s.intent };
  }

  async function run() {
    const p = params();
    p.set("limit", "100");
    const found = await Kefu.api(`/api/conversations?${p}`);
    state.results = found.map(asItem);
  }

  function clear() {
    byId("search").reset();
    state.results = null;
  }

  function inView(item, me) {
    if (state.view === "mine") return item.assignee === me;
    if (state.view === "none") return !item.assignee;
    return true;
  }

  // What the left list shows: the search results, else the queue in the current view.
  function list(queue, me) {
    return state.results || queue.filter((q) => inView(q, me));
  }

  function drawViews() {
    byId("views").querySelectorAll("button").forEach((b) => {
      b.classList.toggle("active", b.dataset.view === state.view);
      b.setAttribute("aria-selected", String(b.dataset.view === state.view));
    });
    const title = byId("list-title");
    title.dataset.i18n = state.results ? "results" : "queue";
    Kefu.translate(title.parentElement);
  }

  function setView(view) {
    state.view = view;
    localStorage.setItem("kefu.console.view", view);
  }

  function bind(onChange, onError) {
    byId("intent-list").replaceChildren(...Intents.names().map((n) =>
      Kefu.el("option", { value: n }, Intents.label(n))));
    byId("search").addEventListener("submit", async (e) => {
      e.preventDefault();
      try { await run(); onChange(); } catch (err) { onError(err); }
    });
    byId("search-clear").addEventListener("click", () => { clear(); onChange(); });
    byId("views").addEventListener("click", async (e) => {
      const view = e.target.dataset && e.target.dataset.view;
      if (!view) return;
      setView(view);
      try { if (state.results) await run(); onChange(); } catch (err) { onError(err); }
    });
  }

  return { bind, list, drawViews, get searching() { return Boolean(state.results); } };
})();
