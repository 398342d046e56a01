// The analyst dashboard: KPIs and charts from /api/analytics/summary; the offline
// evaluation next to them (dashboard-eval.js).
"use strict";

Kefu.strings({
  en: {
    "k.turns": "Shopper messages", "k.auto": "Auto-send rate", "k.accept": "Acceptance rate",
    "k.asis": "sent as drafted: {v}", "k.edit": "Edit distance", "k.edit.sub": "0 = sent as drafted",
    "k.first": "First response", "k.agent": "Agent response", "k.resolution": "Resolution time",
    "k.csat": "CSAT", "k.tickets": "Open tickets", "median": "median · mean {v}",
    "n.ratings": "{n} ratings", "none": "No data yet.", "updated": "Updated {t}",
    "dec.auto_send": "auto-send", "dec.agent_review": "agent review", "dec.handoff": "hand-off",
    "ag.accepted": "accepted", "ag.edited": "edited", "ag.rejected": "rejected",
    "need.analyst": "analyst", "k.sla.first": "First-response SLA", "k.sla.resolution": "Resolution SLA",
    "sla.sub": "{b} breached · {r} running · {n} in all", "c.sla": "SLA breaches by priority",
    "c.agents": "Agents: acceptance and edits", "sla.first": "first response",
    "sla.resolution": "resolution", "prio.low": "low", "prio.normal": "normal", "prio.high": "high",
    "prio.urgent": "urgent", "a.agent": "Agent", "a.decided": "Decided", "a.accepted": "Sent as drafted",
    "a.edited": "Edited", "a.rejected": "Rejected", "a.acceptance": "Acceptance rate",
    "a.edit_rate": "Edit rate", "a.distance": "Edit distance",
  },
  zh: {
    title: "分析看板", period: "时间范围", d1: "1 天", d7: "7 天", d30: "30 天", d90: "90 天",
    "c.decisions": "路由决策", "c.agent": "客服对推荐回复的处理", "c.intents": "意图趋势",
    "c.top": "热门话题：意图", "c.sources": "热门话题：知识库文章", "c.handoff": "转人工原因",
    "c.csat": "顾客满意度", "k.turns": "顾客消息数", "k.auto": "自动发送率", "k.accept": "采纳率",
    "k.asis": "原样发送：{v}", "k.edit": "编辑距离", "k.edit.sub": "0 表示原样发送",
    "k.first": "首次响应", "k.agent": "人工响应", "k.resolution": "解决时长", "k.csat": "满意度",
    "k.tickets": "未关闭工单", "median": "中位数 · 平均 {v}", "n.ratings": "{n} 个评分",
    "none": "暂无数据。", "updated": "更新于 {t}", "dec.auto_send": "自动发送",
    "dec.agent_review": "人工审核", "dec.handoff": "转人工", "ag.accepted": "采纳",
    "ag.edited": "编辑后发送", "ag.rejected": "拒绝", "need.analyst": "分析师",
    "k.sla.first": "首次响应达标率", "k.sla.resolution": "解决时效达标率",
    "sla.sub": "超时 {b} · 进行中 {r} · 共 {n}", "c.sla": "各优先级超时数", "c.agents": "客服采纳与修改",
    "sla.first": "首次响应", "sla.resolution": "解决", "prio.low": "低", "prio.normal": "普通",
    "prio.high": "高", "prio.urgent": "紧急", "a.agent": "客服", "a.decided": "已处理",
    "a.accepted": "原样发送", "a.edited": "修改后发送", "a.rejected": "拒绝", "a.acceptance": "采纳率",
    "a.edit_rate": "修改率", "a.distance": "编辑距离",
  },
});

const $ = (id) => document.getElementById(id);
let last = null;

function pct(v) { return v === null || v === undefined ? "—" : `${(v * 100).toFixed(1)}%`; }
function secs(v) { return v === null || v === undefined ? "—" : Kefu.duration(v); }

function locale() { return Kefu.lang === "zh" ? "zh-CN" : "en-US"; }

// "2026-11-20" as the reader writes a day (Nov 20 / 11月20日)
function day(iso) {
  const [y, m, d] = iso.split("-").map(Number);
  return new Date(y, m - 1, d).toLocaleDateString(locale(), { month: "short", day: "numeric" });
}

function kpi(label, value, sub, css) {
  return Kefu.el("div", { class: `panel kpi ${css || ""}` },
    Kefu.el("div", { class: "label" }, label),
    Kefu.el("div", { class: "value" }, value),
    sub ? Kefu.el("div", { class: "sub" }, sub) : null);
}

function renderKpis(s) {
  const t = Kefu.t;
  $("kpis").replaceChildren(
    kpi(t("k.turns"), s.turns),
    kpi(t("k.auto"), pct(s.auto_send_rate)),
    kpi(t("k.accept"), pct(s.acceptance_rate), t("k.asis", { v: pct(s.accepted_as_is_rate) })),
    kpi(t("k.edit"), s.mean_edit_distance === null ? "—" : s.mean_edit_distance.toFixed(3),
        t("k.edit.sub")),
    kpi(t("k.first"), secs(s.first_response.median_s), t("median", { v: secs(s.first_response.mean_s) })),
    kpi(t("k.agent"), secs(s.agent_response.median_s), t("median", { v: secs(s.agent_response.mean_s) })),
    kpi(t("k.resolution"), secs(s.resolution.median_s), t("median", { v: secs(s.resolution.mean_s) })),
    kpi(t("k.csat"), s.csat_average === null ? "—" : `${s.csat_average.toFixed(2)} / 5`,
        t("n.ratings", { n: s.csat_count })),
    kpi(t("k.tickets"), s.open_tickets),
    ...slaKpis(s.sla));
}

function slaKpis(sla) {
  if (!sla) return [];
  const t = Kefu.t;
  const one = (key, f) => kpi(t(key), pct(f.attainment),
                              t("sla.sub", { b: f.breached, r: f.running, n: f.total }),
                              f.breached ? "breached" : "");
  return [one("k.sla.first", sla.first_response), one("k.sla.resolution", sla.resolution)];
}

function renderAgents(rows) {
  const t = Kefu.t;
  const el = Kefu.el;
  if (!rows.length) { $("c-agents").replaceChildren(el("p", { class: "muted small" }, t("none"))); return; }
  const cols = [["a.agent", (r) => r.agent], ["a.decided", (r) => r.decided],
                ["a.accepted", (r) => r.accepted], ["a.edited", (r) => r.edited],
                ["a.rejected", (r) => r.rejected], ["a.acceptance", (r) => pct(r.acceptance_rate)],
                ["a.edit_rate", (r) => pct(r.edit_rate)],
                ["a.distance", (r) => (r.mean_edit_distance === null ? "—" : r.mean_edit_distance.toFixed(3))]];
  $("c-agents").replaceChildren(el("table", { class: "agents" },
    el("thead", {}, el("tr", {}, cols.map(([k]) => el("th", {}, t(k))))),
    el("tbody", {}, rows.map((r) => el("tr", { dataset: { agent: r.agent } },
                                       cols.map(([, f]) => el("td", {}, f(r))))))));
}

function slaBars(sla) {
  const t = Kefu.t;
  const items = [];
  if (sla) {
    [["first_response", "sla.first"], ["resolution", "sla.resolution"]].forEach(([key, label]) => {
      Object.entries(sla[key].breached_by_priority).forEach(([p, n]) =>
        items.push({ label: `${t(`prio.${p}`)} · ${t(label)}`, value: n }));
    });
  }
  Charts.hbars($("c-sla"), items, { empty: t("none"), color: "#dc2626" });
}

function renderCharts(s) {
  const t = Kefu.t;
  const none = t("none");
  Charts.donut($("c-decisions"), [
    { label: t("dec.auto_send"), value: s.decisions.auto_send, color: "#16a34a" },
    { label: t("dec.agent_review"), value: s.decisions.agent_review, color: "#2563eb" },
    { label: t("dec.handoff"), value: s.decisions.handoff, color: "#d97706" }], { empty: none });
  Charts.donut($("c-agent"), [
    { label: t("ag.accepted"), value: s.agent_decisions.accepted, color: "#16a34a" },
    { label: t("ag.edited"), value: s.agent_decisions.edited, color: "#d97706" },
    { label: t("ag.rejected"), value: s.agent_decisions.rejected, color: "#dc2626" }], { empty: none });
  Charts.stacked($("c-intents"), s.intents_by_day, { empty: none, keyLabel: Intents.label,
                                                     dayLabel: day });
  Charts.hbars($("c-top"), s.top_intents.map((r) => ({ label: Intents.label(r.key), value: r.count })),
               { empty: none });
  Charts.hbars($("c-sources"), s.top_sources.map((r) => ({ label: r.label, value: r.count })),
               { empty: none, color: "#0891b2", labelWidth: 200 });
  Charts.hbars($("c-handoff"), Object.entries(s.handoff_reasons).map(([k, v]) => ({ label: Intents.reason(k), value: v })),
               { empty: none, color: "#d97706" });
  Charts.hbars($("c-csat"), ["5", "4", "3", "2", "1"].map((k) => ({ label: "★".repeat(Number(k)),
               value: s.csat_distribution[k] || 0 })), { empty: none, color: "#f59e0b", labelWidth: 90 });
  slaBars(s.sla);
  renderAgents(s.agents || []);
}

function render() {
  if (!last) return;
  renderKpis(last);
  renderCharts(last);
  $("updated").textContent = Kefu.t("updated", { t: new Date().toLocaleString(locale()) });
}

async function refresh() {
  try {
    last = await Kefu.api(`/api/analytics/summary?days=${$("days").value}`);
    Kefu.showError("");
    render();
    await EvalPanel.refresh(last, Number($("days").value));
  } catch (err) { Kefu.showError(err.message); }
}

async function connect() {
  Kefu.useToken($("token").value);
  Kefu.setToken("dashboard", $("token").value);
  try {
    const me = await Kefu.api("/api/me");
    if (me.role !== "analyst" && me.role !== "admin") {
      throw new Error(Kefu.t("role.wrong", { role: Kefu.t("need.analyst") }));
    }
    $("who").textContent = `${me.name} (${me.role})`;
    await refresh();
  } catch (err) { Kefu.showError(err.message); }
}

function init() {
  Kefu.bindLangToggle($("lang-toggle"));
  Kefu.onLang(render);
  Kefu.translate();
  $("token").value = Kefu.getToken("dashboard");
  $("connect").addEventListener("click", connect);
  $("days").addEventListener("change", refresh);
  setInterval(() => { if (last) refresh(); }, 30000);
  if ($("token").value) connect();
}

init();
