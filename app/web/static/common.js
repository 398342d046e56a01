// Shared by every page: translations, the token, API calls, server-sent events.
"use strict";

const Kefu = (() => {
  const dict = { en: {}, zh: {} };
  let lang = localStorage.getItem("kefu.lang") || (navigator.language || "en").slice(0, 2);
  if (!(lang in dict)) lang = "en";

  // Pages add their own strings: Kefu.strings({en: {...}, zh: {...}}).
  function strings(more) {
    for (const l of Object.keys(dict)) Object.assign(dict[l], more[l] || {});
  }

  function t(key, vars) {
    let text = (dict[lang] && dict[lang][key]) || dict.en[key] || key;
    for (const [k, v] of Object.entries(vars || {})) text = text.replaceAll(`{${k}}`, v);
    return text;
  }

  // Elements say what they show: data-i18n (text), data-i18n-ph (placeholder),
  // data-i18n-title (tooltip).
  // The English text written in the page is the fallback for keys without an entry.
  function translate(root) {
    const scope = root || document;
    const pick = (key, original) => (dict[lang] && dict[lang][key]) || dict.en[key] || original;
    scope.querySelectorAll("[data-i18n]").forEach((e) => {
      if (e.dataset.i18nEn === undefined) e.dataset.i18nEn = e.textContent.trim().replace(/\s+/g, " ");
      e.textContent = pick(e.dataset.i18n, e.dataset.i18nEn);
    });
    scope.querySelectorAll("[data-i18n-ph]").forEach((e) => {
      if (e.dataset.i18nPhEn === undefined) e.dataset.i18nPhEn = e.placeholder;
      e.placeholder = pick(e.dataset.i18nPh, e.dataset.i18nPhEn);
    });
    scope.querySelectorAll("[data-i18n-title]").forEach((e) => {
      if (e.dataset.i18nTitleEn === undefined) e.dataset.i18nTitleEn = e.title;
      e.title = pick(e.dataset.i18nTitle, e.dataset.i18nTitleEn);
    });
    document.documentElement.lang = lang === "zh" ? "zh-CN" : "en";
  }

  const langListeners = [];
  function setLang(value) {
    lang = value;
    localStorage.setItem("kefu.lang", value);
    translate();
    langListeners.forEach((fn) => fn(value));
  }

  function onLang(fn) { langListeners.push(fn); }

  function bindLangToggle(button) {
    const label = () => { button.textContent = lang === "zh" ? "English" : "中文"; };
    button.addEventListener("click", () => { setLang(lang === "zh" ? "en" : "zh"); label(); });
    label();
  }

  // One token per page kind, so an agent and a shopper can be tried side by side.
  function tokenKey(page) { return `kefu.token.${page}`; }
  function getToken(page) { return localStorage.getItem(tokenKey(page)) || ""; }
  function setToken(page, value) { localStorage.setItem(tokenKey(page), value.trim()); }

  let token = "";
  function useToken(value) { token = value.trim(); }

  // Without a token the browser's own session cookie (if any) is what signs the call in.
  function auth() { return token ? { Authorization: `Bearer ${token}` } : {}; }

  class ApiError extends Error {
    constructor(status, detail) { super(detail); this.status = status; }
  }

  async function api(path, options) {
    const opts = options || {};
    const headers = auth();
    let body;
    if (opts.body !== undefined) {
      headers["Content-Type"] = "application/json";
      body = JSON.stringify(opts.body);
    }
    const res = await fetch(path, { method: opts.method || "GET", headers, body });
    const text = await res.text();
    let data = null;
    try { data = text ? JSON.parse(text) : null; } catch (e) { data = { detail: text }; }
    if (!res.ok) throw new ApiError(res.status, (data && data.detail) || res.statusText);
    return data;
  }

  // Server-sent events over fetch (EventSource cannot send an Authorization header).
  // Calls onEvent(name, data) per event; resolves when the stream ends.
  async function stream(path, options, onEvent) {
    const opts = options || {};
    const headers = { ...auth(), Accept: "text/event-stream" };
    let body;
    if (opts.body !== undefined) {
      headers["Content-Type"] = "application/json";
      body = JSON.stringify(opts.body);
    }
    const res = await fetch(path, { method: opts.method || "GET", headers, body,
                                    signal: opts.signal });
    if (!res.ok) {
      let detail = res.statusText;
      try { detail = (await res.json()).detail || detail; } catch (e) { /* not JSON */ }
      throw new ApiError(res.status, detail);
    }
    const reader = res.body.getReader();
    const decoder = new TextDecoder();
    let buffer = "";
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      buffer += decoder.decode(value, { stream: true }).replace(/\r\n/g, "\n");
      let cut;
      while ((cut = buffer.indexOf("\n\n")) >= 0) {
        const block = buffer.slice(0, cut);
        buffer = buffer.slice(cut + 2);
        let name = "message";
        const data = [];
        for (const line of block.split("\n")) {
          if (line.startsWith("event:")) name = line.slice(6).trim();
          else if (line.startsWith("data:")) data.push(line.slice(5).replace(/^ /, ""));
        }
        if (data.length) onEvent(name, JSON.parse(data.join("\n")));
      }
    }
  }

  // el("div", {class: "x", onclick: fn}, "text", child...)
  function el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (v === null || v === undefined || v === false) continue;
      if (k.startsWith("on")) node.addEventListener(k.slice(2), v);
      else if (k === "dataset") Object.assign(node.dataset, v);
      else node.setAttribute(k, v === true ? "" : v);
    }
    for (const child of children.flat()) {
      if (child === null || child === undefined || child === false) continue;
      node.append(child instanceof Node ? child : document.createTextNode(String(child)));
    }
    return node;
  }

  function duration(seconds) {
    const s = Math.max(0, Math.round(seconds));
    if (s < 60) return t("dur.s", { n: s });
    if (s < 3600) return t("dur.m", { m: Math.floor(s / 60), s: s % 60 });
    if (s < 86400) return t("dur.h", { h: Math.floor(s / 3600), m: Math.floor((s % 3600) / 60) });
    return t("dur.d", { d: Math.floor(s / 86400), h: Math.floor((s % 86400) / 3600) });
  }

  function time(iso) {
    const d = new Date(iso);
    return d.toLocaleTimeString(lang === "zh" ? "zh-CN" : "en-US",
                                { hour: "2-digit", minute: "2-digit" });
  }

  function showError(message) {
    const bar = document.getElementById("error-bar");
    if (!bar) return;
    bar.textContent = message || "";
    bar.classList.toggle("show", Boolean(message));
  }

  strings({
    en: { "dur.s": "{n}s", "dur.m": "{m}m {s}s", "dur.h": "{h}h {m}m", "dur.d": "{d}d {h}h",
          "token": "Token", "connect": "Connect", "token.ph": "Paste a bearer token",
          "role.wrong": "This page needs a {role} token." },
    zh: { "dur.s": "{n}秒", "dur.m": "{m}分{s}秒", "dur.h": "{h}小时{m}分", "dur.d": "{d}天{h}小时",
          "token": "令牌", "connect": "连接", "token.ph": "粘贴访问令牌",
          "role.wrong": "此页面需要{role}令牌。" },
  });

  return { strings, t, translate, setLang, onLang, bindLangToggle, getToken, setToken,
           useToken, api, stream, el, duration, time, showError, ApiError,
           get lang() { return lang; } };
})();
