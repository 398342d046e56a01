// Sharing the queue: who owns a conversation, its service-level clocks, internal notes,
// who is typing. Drawing only; console.js owns the state and the requests.
"use strict";

Kefu.strings({
  en: {
    "owner": "Owner", "owner.none": "unassigned", "owner.me": "you", "owner.take": "Take it",
    "owner.unassign": "Unassign", "owner.to.ph": "agent or team:name", "owner.assign": "Assign",
    "owner.other": "{who} owns this conversation: assign it to yourself to answer.",
    "reopen": "Reopen", "sla.reply": "Reply", "sla.resolution": "Resolve",
    "sla.first_response": "First response", "sla.left": "{label} in {t}",
    "sla.over": "{label} overdue {t}", "sla.met": "{label} met", "sla.missed": "{label} missed",
    "typing.shopper": "The shopper is typing…", "typing.agents": "{who} is typing too…",
    "notes.none": "No notes yet.", "k.canned": "canned reply",
  },
  zh: {
    "owner": "负责人", "owner.none": "未分配", "owner.me": "我", "owner.take": "我来处理",
    "owner.unassign": "取消分配", "owner.to.ph": "客服或 team:组名", "owner.assign": "分配",
    "owner.other": "此会话由 {who} 负责：分配给自己后才能回复。", "reopen": "重新打开",
    "sla.reply": "回复", "sla.resolution": "解决", "sla.first_response": "首次响应",
    "sla.left": "{label}剩余 {t}", "sla.over": "{label}已超时 {t}", "sla.met": "{label}达标",
    "sla.missed": "{label}超时", "typing.shopper": "顾客正在输入…",
    "typing.agents": "{who} 也在输入…", "notes.none": "暂无备注。", notes: "内部备注",
    "note.ph": "仅团队可见", "note.add": "添加备注", "k.canned": "快捷回复",
  },
});

const Team = (() => {
  const { el, t } = Kefu;

  function who(assignee, me) {
    if (!assignee) return t("owner.none");
    return assignee === me ? t("owner.me") : assignee;
  }

  function ownedByOther(assignee, me) {
    return Boolean(assignee) && assignee !== me && !assignee.startsWith("team:");
  }

  // A clock badge; tick() keeps its text current while it runs.
  function clockBadge(name, clock) {
    const label = t(`sla.${name}`);
    if (clock.done_at) {
      return el("span", { class: `badge sla ${clock.breached ? "bad" : "ok"}`, dataset: { clock: name } },
                t(clock.breached ? "sla.missed" : "sla.met", { label }));
    }
    return el("span", { class: "badge sla running", dataset: { due: clock.due_at, label, clock: name } });
  }

  function slaBadges(sla) {
    if (!sla) return [];
    return ["reply", "resolution", "first_response"].filter((n) => sla[n])
      .filter((n) => n !== "resolution" || !sla.resolution.done_at || sla.resolution.breached)
      .map((n) => clockBadge(n, sla[n]));
  }

  // The clock a queue item is held to now: the reply owed, else the open ticket's.
  function queueClock(item) {
    const sla = item.sla;
    if (!sla) return null;
    if (sla.reply) return clockBadge("reply", sla.reply);
    return sla.resolution && !sla.resolution.done_at ? clockBadge("resolution", sla.resolution) : null;
  }

  function tick() {
    document.querySelectorAll(".sla.running[data-due]").forEach((node) => {
      const left = (Date.parse(node.dataset.due) - Date.now()) / 1000;
      const label = node.dataset.label;
      node.textContent = left >= 0 ? t("sla.left", { label, t: Kefu.duration(left) })
                                    : t("sla.over", { label, t: Kefu.duration(-left) });
      node.classList.toggle("breached", left < 0);
    });
  }

  function owner(node, conv, me, handlers) {
    const staff = conv.staff || {};
    const assignee = staff.assignee;
    const parts = [
      el("span", { class: "small muted" }, `${t("owner")}:`),
      el("strong", { id: "assignee", class: ownedByOther(assignee, me) ? "other" : "" }, who(assignee, me)),
      assignee !== me ? el("button", { type: "button", id: "assign-me", class: "primary",
                                       onclick: () => handlers.assign("me") }, t("owner.take")) : null,
      assignee ? el("button", { type: "button", id: "unassign",
                                onclick: () => handlers.assign(null) }, t("owner.unassign")) : null,
      el("input", { id: "assign-to", list: "assignees", maxlength: 64, placeholder: t("owner.to.ph"),
                    onkeydown: (e) => { if (e.key === "Enter") { e.preventDefault(); e.target.nextSibling.click(); } } }),
      el("button", { type: "button", id: "assign-go", onclick: () => {
        const value = document.getElementById("assign-to").value.trim();
        if (value) handlers.assign(value);
      } }, t("owner.assign")),
      conv.status === "resolved" ? el("button", { type: "button", id: "reopen",
                                                  onclick: handlers.reopen }, t("reopen")) : null,
      el("span", { class: "grow" }),
      ...slaBadges(staff.sla),
      ownedByOther(assignee, me) ? el("p", { class: "owner-warning small" },
                                      t("owner.other", { who: assignee })) : null];
    node.replaceChildren(...parts.filter(Boolean));
    tick();
  }

  function assignees(datalist, names) {
    datalist.replaceChildren(...names.map((n) => el("option", { value: n })));
  }

  function notes(node, list) {
    if (!list.length) {
      node.replaceChildren(el("p", { class: "muted small" }, t("notes.none")));
      return;
    }
    node.replaceChildren(...list.map((n) => el("div", { class: "note", dataset: { id: n.id } },
      el("span", { class: "who small muted" }, `${n.author} · ${Kefu.time(n.created_at)}`),
      el("div", {}, n.text))));
  }

  // data: the queue stream's typing entry of the conversation ({shopper, agents}).
  function typing(node, data, me) {
    const others = ((data && data.agents) || []).filter((a) => a !== me);
    const parts = [];
    if (data && data.shopper) parts.push(t("typing.shopper"));
    if (others.length) parts.push(t("typing.agents", { who: others.join(", ") }));
    node.textContent = parts.join(" ");
    node.classList.toggle("on", parts.length > 0);
  }

  return { owner, notes, typing, tick, queueClock, slaBadges, assignees, ownedByOther, who };
})();
