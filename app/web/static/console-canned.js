// Canned replies: typing "/" in a reply or the editor lists them (the conversation's
// language first); Enter or Tab inserts one with the customer's and order's facts filled
// in by the server. Admins manage them in a dialog.
"use strict";

Kefu.strings({
  en: {
    "canned.manage": "Canned replies", "canned.title": "Title", "canned.shortcut": "shortcut",
    "canned.save": "Save", "canned.new": "New", "canned.delete": "Delete", "canned.edit": "Edit",
    "canned.missing": "Fill in before sending: {vars}", "canned.none": "No canned replies yet.",
    "canned.vars": "Variables: {{name}} {{customer_id}} {{email}} {{order_id}} {{order_status}} "
                   + "{{tracking_number}} {{carrier}} {{agent}}",
  },
  zh: {
    "canned.manage": "快捷回复", "canned.title": "标题", "canned.shortcut": "快捷键",
    "canned.save": "保存", "canned.new": "新建", "canned.delete": "删除", "canned.edit": "编辑",
    "canned.missing": "发送前请补充：{vars}", "canned.none": "还没有快捷回复。",
    "canned.vars": "可用变量：{{name}} {{customer_id}} {{email}} {{order_id}} {{order_status}} "
                   + "{{tracking_number}} {{carrier}} {{agent}}",
  },
});

const Canned = (() => {
  const { el, t } = Kefu;
  const byId = (id) => document.getElementById(id);
  const TRIGGER = /(^|\s)\/([\w-]*)$/;
  const S = { replies: [], target: null, matches: [], index: 0, start: -1, context: null };

  async function load() { S.replies = await Kefu.api("/api/canned-replies"); }

  function close() {
    byId("canned-picker").hidden = true;
    S.target = null;
  }

  function find(area) {
    const before = area.value.slice(0, area.selectionStart);
    const m = before.match(TRIGGER);
    if (!m) return null;
    const text = m[2].toLowerCase();
    const language = S.context().language;
    const found = S.replies.filter((r) => r.shortcut.startsWith(text)
                                    || r.title.toLowerCase().includes(text));
    found.sort((a, b) => (b.language === language) - (a.language === language));
    return found.length ? { found, start: before.length - m[2].length - 1 } : null;
  }

  function open(area) {
    const hit = S.context().conversation ? find(area) : null;
    if (!hit) { close(); return; }
    S.target = area;
    S.matches = hit.found;
    S.start = hit.start;
    S.index = Math.min(S.index, S.matches.length - 1);
    draw();
  }

  function draw() {
    const picker = byId("canned-picker");
    const box = S.target.getBoundingClientRect();
    Object.assign(picker.style, { left: `${box.left + window.scrollX}px`,
                                  width: `${Math.max(box.width, 320)}px` });
    picker.replaceChildren(...S.matches.map((r, i) => el("button", {
      type: "button", role: "option", class: i === S.index ? "active" : "",
      dataset: { id: r.id, shortcut: r.shortcut }, "aria-selected": String(i === S.index),
      onmousedown: (e) => { e.preventDefault(); insert(r); } },
      el("strong", {}, `/${r.shortcut}`), ` ${r.title} `, el("span", { class: "badge" }, r.language),
      el("span", { class: "preview small muted" }, r.text))));
    picker.hidden = false;
    // below the editor, or above it where the window ends first
    const below = box.bottom + picker.offsetHeight + 4 <= window.innerHeight;
    const top = below ? box.bottom + 2 : box.top - picker.offsetHeight - 2;
    picker.style.top = `${Math.max(0, top) + window.scrollY}px`;
  }

  async function insert(reply) {
    const area = S.target;
    const ctx = S.context();
    if (!area) return;
    const start = S.start;
    const end = area.selectionStart;
    close();
    try {
      const out = await Kefu.api(`/api/canned-replies/${reply.id}/render?conversation_id=`
                                 + `${encodeURIComponent(ctx.conversation)}`, { method: "POST" });
      area.value = area.value.slice(0, start) + out.text + area.value.slice(end);
      const caret = start + out.text.length;
      area.setSelectionRange(caret, caret);
      area.focus();
      if (out.missing.length) ctx.warn(t("canned.missing", { vars: out.missing.join(", ") }));
    } catch (err) { ctx.warn(err.message); }
  }

  function onKey(e) {
    if (S.target !== e.target || byId("canned-picker").hidden) return;
    const moves = { ArrowDown: 1, ArrowUp: -1 };
    if (e.key in moves) {
      S.index = (S.index + moves[e.key] + S.matches.length) % S.matches.length;
      draw();
    } else if ((e.key === "Enter" || e.key === "Tab") && !e.isComposing) {
      insert(S.matches[S.index]);
    } else if (e.key === "Escape") {
      close();
    } else {
      return;
    }
    e.preventDefault();
    e.stopImmediatePropagation();  // the editor's own Enter (send) and Esc must not run
  }

  // Call before the textarea's other keydown listeners, so the picker sees keys first.
  function attach(area) {
    area.addEventListener("keydown", onKey);
    area.addEventListener("input", () => open(area));
    area.addEventListener("blur", () => setTimeout(() => { if (S.target === area) close(); }, 150));
  }

  // --- admins: the management dialog ------------------------------------------------------
  function fillForm(r) {
    byId("canned-id").value = r ? r.id : "";
    byId("canned-title").value = r ? r.title : "";
    byId("canned-shortcut").value = r ? r.shortcut : "";
    byId("canned-language").value = r ? r.language : Kefu.lang;
    byId("canned-text").value = r ? r.text : "";
  }

  function drawList() {
    const list = byId("canned-list");
    if (!S.replies.length) { list.replaceChildren(el("p", { class: "muted" }, t("canned.none"))); return; }
    list.replaceChildren(...S.replies.map((r) => el("div", { class: "canned-row", dataset: { id: r.id } },
      el("strong", {}, `/${r.shortcut}`), el("span", { class: "badge" }, r.language),
      el("span", { class: "grow" }, r.title),
      el("button", { type: "button", class: "edit", onclick: () => fillForm(r) }, t("canned.edit")),
      el("button", { type: "button", class: "danger delete", onclick: () => remove(r) }, t("canned.delete")))));
  }

  async function remove(r) {
    try {
      await Kefu.api(`/api/canned-replies/${r.id}`, { method: "DELETE" });
      await load();
      drawList();
    } catch (err) { S.context().warn(err.message); }
  }

  async function save(e) {
    e.preventDefault();
    const id = byId("canned-id").value;
    const body = { title: byId("canned-title").value.trim(), shortcut: byId("canned-shortcut").value.trim(),
                   language: byId("canned-language").value, text: byId("canned-text").value.trim() };
    try {
      await Kefu.api(id ? `/api/canned-replies/${id}` : "/api/canned-replies",
                     { method: id ? "PUT" : "POST", body });
      await load();
      fillForm(null);
      drawList();
    } catch (err) { S.context().warn(err.message); }
  }

  function bind(context) {
    S.context = context;
    byId("canned-manage").addEventListener("click", async () => {
      try { await load(); } catch (err) { context().warn(err.message); }
      drawList();
      fillForm(null);
      byId("canned-dialog").showModal();
    });
    byId("canned-form").addEventListener("submit", save);
    byId("canned-new").addEventListener("click", () => fillForm(null));
    byId("canned-close").addEventListener("click", () => byId("canned-dialog").close());
  }

  return { load, attach, bind, close };
})();
