// Small inline-SVG charts for the dashboard: no library, no network.
"use strict";

const Charts = (() => {
  const NS = "http://www.w3.org/2000/svg";
  const PALETTE = ["#2563eb", "#16a34a", "#d97706", "#dc2626", "#7c3aed", "#0891b2",
                   "#db2777", "#65a30d", "#ea580c", "#475569", "#0d9488", "#9333ea"];

  function svg(tag, attrs, ...children) {
    const node = document.createElementNS(NS, tag);
    for (const [k, v] of Object.entries(attrs || {})) node.setAttribute(k, v);
    for (const c of children) {
      if (c === null || c === undefined) continue;
      node.append(c instanceof Node ? c : document.createTextNode(String(c)));
    }
    return node;
  }

  function empty(container, text) {
    container.replaceChildren(Kefu.el("p", { class: "muted small" }, text));
  }

  // Horizontal bars: [{label, value}] with the value printed at the end of each bar.
  function hbars(container, items, opts) {
    const o = opts || {};
    if (!items.length) { empty(container, o.empty || "—"); return; }
    const row = 22; const labelW = o.labelWidth || 170; const width = 460;
    const max = Math.max(...items.map((i) => i.value), 1);
    const height = items.length * row + 4;
    const chart = svg("svg", { viewBox: `0 0 ${width} ${height}`, class: "chart", role: "img" });
    items.forEach((item, n) => {
      const y = n * row + 2;
      const w = ((width - labelW - 50) * item.value) / max;
      const label = item.label.length > 26 ? `${item.label.slice(0, 25)}…` : item.label;
      chart.append(
        svg("text", { x: labelW - 6, y: y + 14, "text-anchor": "end", class: "lbl" }, label),
        svg("rect", { x: labelW, y: y + 3, width: Math.max(w, 1), height: row - 8, rx: 3,
                      fill: item.color || o.color || PALETTE[0] },
            svg("title", {}, `${item.label}: ${item.value}`)),
        svg("text", { x: labelW + w + 4, y: y + 14, class: "val" }, o.format ? o.format(item.value) : item.value));
    });
    container.replaceChildren(chart);
  }

  // Donut of parts: [{label, value, color}], with a legend beside it.
  function donut(container, parts, opts) {
    const o = opts || {};
    const total = parts.reduce((a, p) => a + p.value, 0);
    if (!total) { empty(container, o.empty || "—"); return; }
    const chart = svg("svg", { viewBox: "0 0 300 140", class: "chart", role: "img" });
    const cx = 70; const cy = 70; const r = 52; const stroke = 22;
    const circ = 2 * Math.PI * r;
    let offset = 0;
    parts.forEach((p, n) => {
      const len = (p.value / total) * circ;
      chart.append(svg("circle", {
        cx, cy, r, fill: "none", stroke: p.color || PALETTE[n], "stroke-width": stroke,
        "stroke-dasharray": `${len} ${circ - len}`, "stroke-dashoffset": -offset,
        transform: `rotate(-90 ${cx} ${cy})`,
      }, svg("title", {}, `${p.label}: ${p.value}`)));
      offset += len;
      chart.append(
        svg("rect", { x: 150, y: 22 + n * 24, width: 12, height: 12, rx: 2, fill: p.color || PALETTE[n] }),
        svg("text", { x: 168, y: 32 + n * 24, class: "lbl" },
            `${p.label} ${p.value} (${Math.round((100 * p.value) / total)}%)`));
    });
    chart.append(svg("text", { x: cx, y: cy + 5, "text-anchor": "middle", class: "big" }, total));
    container.replaceChildren(chart);
  }

  // Stacked columns per day: byDay = {"2026-11-20": {intent: n}}; the top keys get
  // colours, the rest is "other". opts.keyLabel / opts.dayLabel name keys and days.
  function stacked(container, byDay, opts) {
    const o = opts || {};
    const keyLabel = o.keyLabel || ((k) => k);
    const dayLabel = o.dayLabel || ((d) => d.slice(5));
    const days = Object.keys(byDay).sort();
    if (!days.length) { empty(container, o.empty || "—"); return; }
    const totals = {};
    days.forEach((d) => Object.entries(byDay[d]).forEach(([k, v]) => { totals[k] = (totals[k] || 0) + v; }));
    const keys = Object.keys(totals).sort((a, b) => totals[b] - totals[a]).slice(0, 8);
    const width = 620; const height = 220; const left = 30; const bottom = 40; const legendW = 170;
    const plotW = width - left - legendW; const plotH = height - bottom - 10;
    const dayTotals = days.map((d) => Object.values(byDay[d]).reduce((a, b) => a + b, 0));
    const max = Math.max(...dayTotals, 1);
    const bw = Math.min(40, (plotW / days.length) * 0.7);
    const chart = svg("svg", { viewBox: `0 0 ${width} ${height}`, class: "chart", role: "img" });
    chart.append(svg("line", { x1: left, y1: 10 + plotH, x2: left + plotW, y2: 10 + plotH, class: "axis" }),
                 svg("text", { x: left - 4, y: 16, "text-anchor": "end", class: "val" }, max));
    days.forEach((d, n) => {
      const x = left + (plotW / days.length) * (n + 0.5) - bw / 2;
      let y = 10 + plotH;
      const parts = [...keys.map((k) => [k, byDay[d][k] || 0]),
                     ["other", dayTotals[n] - keys.reduce((a, k) => a + (byDay[d][k] || 0), 0)]];
      parts.forEach(([k, v], i) => {
        if (!v) return;
        const h = (plotH * v) / max;
        y -= h;
        chart.append(svg("rect", { x, y, width: bw, height: h, fill: k === "other" ? "#cbd5e1" : PALETTE[i] },
                         svg("title", {}, `${dayLabel(d)} ${keyLabel(k)}: ${v}`)));
      });
      chart.append(svg("text", { x: x + bw / 2, y: height - bottom + 24, "text-anchor": "middle", class: "val" },
                       dayLabel(d)));
    });
    keys.forEach((k, i) => chart.append(
      svg("rect", { x: width - legendW + 6, y: 12 + i * 20, width: 11, height: 11, rx: 2, fill: PALETTE[i] }),
      svg("text", { x: width - legendW + 22, y: 22 + i * 20, class: "lbl" },
          keyLabel(k).length > 24 ? `${keyLabel(k).slice(0, 23)}…` : keyLabel(k))));
    container.replaceChildren(chart);
  }

  return { hbars, donut, stacked, PALETTE };
})();
