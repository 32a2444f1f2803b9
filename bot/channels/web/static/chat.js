// kyrbot trainers' demo: a chat on the app's JSON API (bot/channels/web.py), with the flow diagram beside it.
// Every text from the user or the bot goes into the page with textContent, never as HTML.
"use strict";

(function () {
  const $ = (id) => document.getElementById(id);
  const state = {
    session: randomId(),
    lang: "en",
    view: "telegram",          // "telegram" (text and buttons) or "sms" (the bodies Twilio would carry)
    turns: [],                 // {who: "user", typed, label} or {who: "bot", data} in order
    busy: false,
    flow: null,                // the flow whose diagram is shown
  };

  function randomId() {
    const bytes = new Uint8Array(16);
    crypto.getRandomValues(bytes);
    return Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
  }

  function el(tag, attrs, text) {
    const node = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (v !== null && v !== undefined) node.setAttribute(k, v);
    }
    if (text !== undefined) node.textContent = text;
    return node;
  }

  // --- talking to the app --------------------------------------------------------------------------
  async function post(path, payload) {
    const body = Object.assign({ session: state.session, channel: state.view }, payload);
    const res = await fetch(path, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify(body),
    });
    const data = await res.json().catch(() => ({ error: "the server answered " + res.status }));
    if (!res.ok) throw new Error(data.error || "the server answered " + res.status);
    return data;
  }

  async function run(path, payload, userTurn, fromButton) {
    if (state.busy) return;
    setBusy(true);
    if (userTurn) addTurn(userTurn);
    try {
      const data = await post(path, payload);
      addTurn({ who: "bot", data: data });
      update(data);
      if (fromButton) focusFirstOption();
    } catch (err) {
      addTurn({ who: "note", text: "Not sent: " + err.message });
    } finally {
      setBusy(false);
    }
  }

  function sendText(text) {
    run("/api/message", { text: text }, { who: "user", typed: text, label: text }, false);
  }

  function sendOption(option) {
    run("/api/message", { text: option.key }, { who: "user", typed: option.key, label: option.label }, true);
  }

  function pickLanguage(code) {
    run("/api/language", { lang: code }, null, false);
  }

  function reset() {
    state.turns = [];   // the server forgets the conversation: the same id starts afresh
    renderLog();
    run("/api/reset", { lang: state.lang }, null, false);
  }

  function setBusy(busy) {
    state.busy = busy;
    document.body.classList.toggle("busy", busy);
    $("send").disabled = busy;
    $("log").setAttribute("aria-busy", busy ? "true" : "false");
  }

  // --- the conversation ----------------------------------------------------------------------------
  function addTurn(turn) {
    state.turns.push(turn);
    renderLog();
  }

  function renderLog() {
    const log = $("log");
    log.replaceChildren();
    const who = state.turns.map((t) => t.who);
    const lastBot = who.lastIndexOf("bot");
    const lastUser = who.lastIndexOf("user");
    // The latest exchange: the user's message and the answer to it (none while an answer is awaited).
    const start = lastUser > lastBot ? -1 : (lastUser === lastBot - 1 ? lastUser : lastBot);
    state.first = null;
    state.turns.forEach((turn, i) => {
      for (const item of renderTurn(turn, i === lastBot)) {
        if (state.first === null && start >= 0 && i >= start) state.first = item;
        log.appendChild(item);
      }
    });
    scrollLog();
  }

  function scrollLog() {
    // Show the end of the chat, unless the latest exchange is taller than the log: then its start,
    // so the audience reads a long reply from its first line.
    const log = $("log");
    log.scrollTop = log.scrollHeight;
    const first = state.first;
    if (first && first.isConnected && first.offsetTop < log.scrollTop) log.scrollTop = first.offsetTop - 8;
  }

  function renderTurn(turn, live) {
    if (turn.who === "note") return [el("li", { class: "note" }, turn.text)];
    if (turn.who === "user") {
      const shown = state.view === "sms" ? turn.typed : turn.label;
      return [el("li", { class: "bubble user", dir: "auto" }, shown)];
    }
    return state.view === "sms" ? smsBubbles(turn.data, live) : telegramBubbles(turn.data, live);
  }

  function telegramBubbles(data, live) {
    return data.replies.map((reply) => {
      const li = el("li", { class: "bubble bot" + (reply.kind === "officer" ? " officer" : ""),
                            lang: reply.lang, dir: reply.rtl ? "rtl" : "ltr" });
      li.appendChild(el("p", { class: "text" }, reply.text));
      if (reply.options.length) li.appendChild(optionButtons(reply.options, live, false));
      return li;
    });
  }

  function smsBubbles(data, live) {
    if (!data.sms.length) {
      return [el("li", { class: "note" }, "No SMS is sent for this message.")];
    }
    const items = data.sms.map((sms, i) => {
      const li = el("li", { class: "bubble bot sms", lang: data.lang });
      li.appendChild(el("p", { class: "text" }, sms.body));
      const meta = el("p", { class: "meta", lang: "en", dir: "ltr" });
      meta.appendChild(el("span", { class: "segments" }, String(sms.segments)));
      meta.appendChild(document.createTextNode(sms.segments === 1 ? " segment · " : " segments · "));
      meta.appendChild(el("span", { class: "encoding" }, sms.encoding));
      if (data.sms.length > 1) meta.appendChild(document.createTextNode(" · SMS " + (i + 1) + " of " + data.sms.length));
      li.appendChild(meta);
      return li;
    });
    const options = data.replies.flatMap((r) => r.options);
    if (options.length) {
      const li = el("li", { class: "quick", lang: data.lang, dir: data.rtl ? "rtl" : "ltr" });
      li.appendChild(optionButtons(options, live, true));
      items.push(li);
    }
    return items;
  }

  function optionButtons(options, live, keysOnly) {
    const box = el("div", { class: keysOnly ? "options keys" : "options" });
    for (const option of options) {
      const button = el("button", { type: "button", class: "option", "data-key": option.key,
                                    "aria-label": keysOnly ? option.key + " " + option.label : null },
                        keysOnly ? option.key : option.label);
      if (keysOnly) button.title = option.label;
      button.disabled = !live;   // as in Telegram, a keyboard is used once: older ones are spent
      button.addEventListener("click", () => sendOption(option));
      box.appendChild(button);
    }
    return box;
  }

  function focusFirstOption() {
    const first = $("log").querySelector("button.option:not([disabled])");
    (first || $("text")).focus({ preventScroll: true });   // keep the reply's first line in view
  }

  // --- where the conversation stands ---------------------------------------------------------------
  function update(data) {
    state.lang = data.lang;
    const dir = data.rtl ? "rtl" : "ltr";
    for (const node of [$("log"), $("text")]) {
      node.setAttribute("lang", data.lang);
    }
    $("log").setAttribute("dir", dir);
    if (data.ui) {  // the message box and its button in the conversation's language (seen on the projector)
      $("text").setAttribute("placeholder", data.ui.placeholder);
      $("text").setAttribute("dir", dir);
      $("send").textContent = data.ui.send;
      $("send").setAttribute("lang", data.lang);
    }
    $("where").textContent = data.flow + "." + data.node;
    $("card").setAttribute("href", "/card/" + encodeURIComponent(data.lang));
    for (const button of document.querySelectorAll("button.lang")) {
      button.setAttribute("aria-pressed", String(button.dataset.lang === data.lang));
    }
    showDiagram(data.flow, data.node);
  }

  async function showDiagram(flow, node) {
    $("flow-name").textContent = flow;
    if (flow !== state.flow) {
      state.flow = flow;
      await loadDiagram(flow);
      if (state.flow !== flow) return;   // a newer turn moved on meanwhile
    }
    highlight(flow, node);
  }

  async function loadDiagram(flow) {
    const box = $("diagram");
    let svg = null;
    try {
      const res = await fetch("/diagram/" + encodeURIComponent(flow) + ".svg");
      if (res.ok) svg = safeSvg(await res.text());
    } catch (err) {
      svg = null;
    }
    box.replaceChildren(svg || el("p", { class: "no-diagram" }, "No diagram for this flow."));
    if (svg) {
      state.svgWidth = svg.getBoundingClientRect().width;
      zoom(0);
    }
  }

  function zoom(step) {
    // Graphviz draws at its own size; the trainer scales it for the room (kept across flows).
    state.zoom = Math.min(3, Math.max(0.4, (state.zoom || 1) * (step > 0 ? 1.25 : step < 0 ? 0.8 : 1)));
    const svg = $("diagram").querySelector("svg");
    if (!svg) return;
    svg.style.width = Math.round(state.svgWidth * state.zoom) + "px";
    recentre();
  }

  function recentre() {
    const current = $("diagram").querySelector(".current");
    if (current) centre(current);
  }

  function safeSvg(source) {
    // Our own server drew it, but it is inlined: keep only drawing elements, never scripts or handlers.
    const doc = new DOMParser().parseFromString(source, "image/svg+xml");
    const root = doc.documentElement;
    if (!root || root.nodeName !== "svg" || doc.querySelector("parsererror")) return null;
    for (const bad of root.querySelectorAll("script, foreignObject, iframe")) bad.remove();
    for (const node of [root, ...root.querySelectorAll("*")]) {
      for (const attr of Array.from(node.attributes)) {
        if (/^on/i.test(attr.name) || /^\s*javascript:/i.test(attr.value)) node.removeAttribute(attr.name);
      }
    }
    return document.importNode(root, true);
  }

  function highlight(flow, node) {
    const box = $("diagram");
    for (const old of box.querySelectorAll(".current")) old.classList.remove("current");
    const target = document.getElementById("n-" + flow + "-" + node);
    if (!target || !box.contains(target)) return;
    target.classList.add("current");
    centre(target);
  }

  function centre(target) {
    // Scroll only the diagram panel (scrollIntoView would also move the page and the chat).
    const box = $("diagram");
    const b = box.getBoundingClientRect();
    const t = target.getBoundingClientRect();
    box.scrollTo({
      left: box.scrollLeft + t.left - b.left - (b.width - t.width) / 2,
      top: box.scrollTop + t.top - b.top - (b.height - t.height) / 2,
      behavior: "smooth",
    });
  }

  // --- views, presenter mode, keys -----------------------------------------------------------------
  function setView(view) {
    state.view = view;
    for (const button of document.querySelectorAll("button[data-view]")) {
      button.setAttribute("aria-pressed", String(button.dataset.view === view));
    }
    $("channel-name").textContent = view === "sms" ? "SMS" : "Telegram";
    renderLog();
  }

  function togglePresenter(on) {
    const next = on === undefined ? !document.body.classList.contains("presenter") : on;
    document.body.classList.toggle("presenter", next);
    document.documentElement.classList.toggle("presenter", next);   // rem sizes follow the root
    $("presenter").setAttribute("aria-pressed", String(next));
    scrollLog();
    recentre();
  }

  function onKey(event) {
    if (event.altKey && !event.ctrlKey && !event.metaKey && event.code === "KeyP") {
      event.preventDefault();
      togglePresenter();
    } else if (event.altKey && !event.ctrlKey && !event.metaKey && event.code === "KeyS") {
      event.preventDefault();
      setView(state.view === "sms" ? "telegram" : "sms");
    } else if (event.key === "Escape") {
      $("text").focus();
    }
  }

  function start() {
    const params = new URLSearchParams(location.search);
    const codes = Array.from(document.querySelectorAll("button.lang"), (b) => b.dataset.lang);
    if (codes.includes(params.get("lang"))) state.lang = params.get("lang");
    setView(params.get("view") === "sms" ? "sms" : "telegram");
    togglePresenter(params.get("presenter") === "1");

    $("composer").addEventListener("submit", (event) => {
      event.preventDefault();
      const input = $("text");
      const text = input.value;
      if (state.busy || !text.trim()) return;
      input.value = "";
      sendText(text);
    });
    for (const button of document.querySelectorAll("button.lang")) {
      button.addEventListener("click", () => pickLanguage(button.dataset.lang));
    }
    for (const button of document.querySelectorAll("button[data-view]")) {
      button.addEventListener("click", () => setView(button.dataset.view));
    }
    $("presenter").addEventListener("click", () => togglePresenter());
    $("reset").addEventListener("click", reset);
    $("zoom-in").addEventListener("click", () => zoom(1));
    $("zoom-out").addEventListener("click", () => zoom(-1));
    window.addEventListener("resize", recentre);
    document.addEventListener("keydown", onKey);
    run("/api/reset", { lang: state.lang }, null, false);
    $("text").focus();
    // For the demo's fake responders (responders.js): this conversation's id, view, and a way to show a message
    // the volunteer side sent as a bot turn.
    window.kyrChat = {
      session: () => state.session,
      view: () => state.view,
      addBotTurn: (data) => addTurn({ who: "bot", data: data }),
    };
  }

  document.addEventListener("DOMContentLoaded", start);
})();
