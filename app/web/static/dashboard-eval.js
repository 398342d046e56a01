// The dashboard's offline evaluation panel: the latest evaluation figures next to the
// live ones (/api/analytics/summary), and the stored runs, each report one click away
// (/api/analytics/eval-runs). A report is fetched with the bearer token and opened as
// a blob: a plain link could not send the token.
"use strict";

Kefu.strings({
  en: {
    "e.title": "Offline evaluation", "e.runs": "Stored evaluation runs",
    "e.metric": "Metric", "e.live": "Production ({d} days)", "e.eval": "Latest evaluation",
    "e.auto": "Auto-send rate", "e.precision": "Auto-send precision (offline) / acceptance (live)",
    "e.handoff": "Hand-off rate", "e.edit": "Edit distance", "e.accuracy": "Turn accuracy",
    "e.run": "Run", "e.suite": "Suite", "e.when": "When", "e.backend": "LLM",
    "e.sample": "Sample", "e.commit": "Commit", "e.cases": "Cases", "e.changed": "Settings changed",
    "e.report": "report", "e.interrupted": "interrupted", "e.none": "No stored runs: `kefu eval SUITE` stores one.",
    "e.from": "from {run}", "e.cmd": "command: {c}",
  },
  zh: {
    "e.title": "离线评测", "e.runs": "已保存的评测", "e.metric": "指标", "e.live": "线上（{d} 天）",
    "e.eval": "最近一次评测", "e.auto": "自动发送率", "e.precision": "自动发送准确率（离线）/ 采纳率（线上）",
    "e.handoff": "转人工率", "e.edit": "编辑距离", "e.accuracy": "单轮准确率", "e.run": "评测",
    "e.suite": "套件", "e.when": "时间", "e.backend": "大模型", "e.sample": "抽样", "e.commit": "提交",
    "e.cases": "用例", "e.changed": "改动的设置", "e.report": "报告", "e.interrupted": "已中断",
    "e.none": "还没有保存的评测：运行 `kefu eval SUITE`。", "e.from": "来自 {run}", "e.cmd": "命令：{c}",
  },
});

const EvalPanel = (() => {
  let data = null;
  let live = null;
  let days = 30;

  const pct = (v) => (v === null || v === undefined ? "—" : `${(v * 100).toFixed(1)}%`);
  const num = (v) => (v === null || v === undefined ? "—" : Number(v).toFixed(3));

  async function openReport(runId) {
    const token = Kefu.getToken("dashboard");
    const res = await fetch(`/api/analytics/eval-runs/${encodeURIComponent(runId)}/report`,
                            { headers: token ? { Authorization: `Bearer ${token}` } : {} });
    if (!res.ok) {
      let detail = res.statusText;
      try { detail = (await res.json()).detail || detail; } catch (e) { /* not JSON */ }
      Kefu.showError(detail);
      return;
    }
    const url = URL.createObjectURL(new Blob([await res.text()], { type: "text/html" }));
    window.open(url, "_blank", "noopener");
  }

  function reportLink(run) {
    if (run.status !== "complete") return Kefu.t("e.interrupted");
    return Kefu.el("a", { href: "#", dataset: { run: run.run_id },
                          onclick: (ev) => { ev.preventDefault(); openReport(run.run_id); } },
                   Kefu.t("e.report"));
  }

  // live production next to the newest replies run: the same quantities, side by side
  function comparison() {
    const t = Kefu.t;
    const el = Kefu.el;
    const replies = (data.latest || {}).replies;
    const f = replies ? replies.figures : {};
    const decided = live ? Object.values(live.decisions).reduce((a, b) => a + b, 0) : 0;
    const rows = [
      ["e.auto", live ? pct(live.auto_send_rate) : "—", pct(f.auto_send_rate)],
      ["e.precision", live ? pct(live.acceptance_rate) : "—", pct(f.auto_send_precision)],
      ["e.handoff", live && decided ? pct(live.decisions.handoff / decided) : "—", pct(f.handoff_rate)],
      ["e.edit", live && live.mean_edit_distance !== null ? num(live.mean_edit_distance) : "—", "—"],
      ["e.accuracy", "—", num(f.turn_accuracy)],
    ];
    const source = replies
      ? el("p", { class: "muted small" }, t("e.from", { run: replies.run_id }), " · ",
           reportLink(replies), " · ", t("e.cmd", { c: replies.command || "—" }))
      : null;
    return [el("table", { class: "agents", id: "e-compare" },
      el("thead", {}, el("tr", {}, [t("e.metric"), t("e.live", { d: days }), t("e.eval")]
        .map((h) => el("th", {}, h)))),
      el("tbody", {}, rows.map(([k, a, b]) => el("tr", {}, el("td", {}, t(k)), el("td", {}, a),
                                                  el("td", {}, b))))), source];
  }

  function runsTable() {
    const t = Kefu.t;
    const el = Kefu.el;
    if (!data.runs.length) return el("p", { class: "muted small" }, t("e.none"));
    const changed = (r) => Object.entries(r.changed || {}).map(([k, v]) => `${k}=${JSON.stringify(v)}`).join(" ") || "—";
    const cols = [["e.run", (r) => r.run_id], ["e.suite", (r) => r.suite || "—"],
                  ["e.when", (r) => (r.timestamp ? new Date(r.timestamp).toLocaleString() : "—")],
                  ["e.backend", (r) => r.llm_backend || "—"], ["e.sample", (r) => String(r.sample)],
                  ["e.commit", (r) => r.git_commit || "—"], ["e.cases", (r) => String(r.cases)],
                  ["e.changed", changed], ["e.report", reportLink]];
    return el("table", { class: "agents", id: "e-runs" },
      el("thead", {}, el("tr", {}, cols.map(([k]) => el("th", {}, t(k))))),
      el("tbody", {}, data.runs.map((r) => el("tr", { dataset: { run: r.run_id } },
                                              cols.map(([, f]) => el("td", {}, f(r)))))));
  }

  function render() {
    if (!data) return;
    document.getElementById("c-eval").replaceChildren(...comparison().filter(Boolean));
    document.getElementById("c-eval-runs").replaceChildren(runsTable());
  }

  async function refresh(summary, period) {
    live = summary;
    days = period;
    try {
      data = await Kefu.api("/api/analytics/eval-runs");
      render();
    } catch (err) { Kefu.showError(err.message); }
  }

  Kefu.onLang(render);
  return { refresh };
})();
