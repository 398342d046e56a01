// Typing indicators in the shopper chat: the shopper's typing is announced to the agents
// (every few seconds while it lasts), and "an agent is typing" shows while one does.
"use strict";

Kefu.strings({
  en: { "agent.typing": "An agent is typing…" },
  zh: { "agent.typing": "客服正在输入…" },
});

const ChatTyping = (() => {
  const EVERY_MS = 2500;
  let sentAt = 0;

  function announce(convId) {
    const now = Date.now();
    if (!convId || now - sentAt < EVERY_MS) return;
    sentAt = now;
    Kefu.api(`/api/conversations/${convId}/typing`, { method: "POST", body: { typing: true } })
      .catch(() => {});  // a hint only: never an error for the shopper
  }

  function line() {
    let node = document.getElementById("agent-typing");
    if (!node) {
      node = Kefu.el("p", { id: "agent-typing", class: "agent-typing small muted", hidden: true,
                            "data-i18n": "agent.typing" }, Kefu.t("agent.typing"));
      document.getElementById("composer").before(node);
    }
    return node;
  }

  // data: the conversation stream's ``typing`` event ({shopper, agent}).
  function show(data) { line().hidden = !(data && data.agent); }

  function bind(conversationId) {
    const text = document.getElementById("text");
    text.addEventListener("input", () => announce(conversationId()));
    text.form.addEventListener("submit", () => { sentAt = 0; });
    line();
  }

  return { bind, show };
})();
