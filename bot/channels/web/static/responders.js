// kyrbot trainers' demo, volunteer side: fake local responders (KYR_DEMO_RESPONDERS=1) on the app's JSON API
// (bot/channels/web/responders.py). Every text goes into the page with textContent, never as HTML.
"use strict";

(function () {
  const $ = (id) => document.getElementById(id);
  const POLL_MS = 1500;

  function el(tag, attrs, text) {
    const node = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) node.setAttribute(k, v);
    if (text !== undefined) node.textContent = text;
    return node;
  }

  async function call(method, path, payload) {
    const res = await fetch(path, {
      method: method,
      headers: payload ? { "Content-Type": "application/json" } : {},
      body: payload ? JSON.stringify(payload) : undefined,
    });
    return res.json().catch(() => ({}));
  }

  // --- what the volunteer side sends the person: shown in the chat as the bot's messages -------------
  async function pollInbox() {
    const chat = window.kyrChat;
    if (!chat) return;
    const query = "?session=" + encodeURIComponent(chat.session()) + "&channel=" + encodeURIComponent(chat.view());
    const data = await call("GET", "/api/inbox" + query);
    for (const turn of data.turns || []) chat.addBotTurn(turn);
  }

  // --- emergency contacts: the contact's phone, and the check-in question the person gets later --------
  async function pollFamily() {
    const chat = window.kyrChat;
    if (!chat) return;
    const query = "?session=" + encodeURIComponent(chat.session()) + "&channel=" + encodeURIComponent(chat.view());
    const data = await call("GET", "/api/demo/family" + query);
    for (const turn of data.turns || []) chat.addBotTurn(turn);
    const phone = $("contact-phone");
    for (const sms of data.contact || []) {
      const li = el("li", { class: "msg bot" });
      li.appendChild(el("p", { class: "to" }, "To " + sms.name + ":"));
      li.appendChild(el("p", { dir: "auto" }, sms.text));
      phone.appendChild(li);
    }
  }

  // --- the panel --------------------------------------------------------------------------------------
  async function refresh() {
    const data = await call("GET", "/api/demo/cases");
    const list = $("cases");
    const typing = list.querySelector("input:focus");
    if (typing && typing.value) return;   // do not redraw under a volunteer who is typing
    list.replaceChildren(...(data.cases || []).map(renderCase));
  }

  function renderCase(c) {
    const li = el("li", { class: "case " + c.status });
    const head = el("p", { class: "case-head" }, "Case #" + c.case + " · " + c.status +
                    (c.claimed_by ? " · " + c.claimed_by : ""));
    li.appendChild(head);
    li.appendChild(el("pre", { class: "card-text" }, c.card));
    const thread = el("ol", { class: "thread" });
    for (const line of c.thread) thread.appendChild(el("li", { class: "from-" + line.from }, line.from + ": " + line.text));
    li.appendChild(thread);
    const actions = el("div", { class: "case-actions" });
    if (c.status === "open") actions.appendChild(button("Claim", () => act("claim", { case: c.case })));
    if (c.status === "claimed") {
      const form = el("form", { class: "write" });
      const input = el("input", { type: "text", "aria-label": "Write to the person", placeholder: "Write to the person" });
      form.appendChild(input);
      form.appendChild(el("button", { type: "submit" }, "Send"));
      form.addEventListener("submit", (event) => {
        event.preventDefault();
        if (input.value.trim()) act("write", { case: c.case, text: input.value }).then(() => { input.value = ""; });
      });
      actions.appendChild(form);
    }
    if (c.status !== "closed") actions.appendChild(button("Close", () => act("close", { case: c.case })));
    li.appendChild(actions);
    return li;
  }

  function button(label, onClick) {
    const b = el("button", { type: "button" }, label);
    b.addEventListener("click", onClick);
    return b;
  }

  async function act(action, payload) {
    const data = await call("POST", "/api/demo/" + action, payload);
    if (data.message) $("cases").setAttribute("data-last", data.message);
    await refresh();
    await pollInbox();
  }

  function start() {
    setInterval(() => { pollInbox(); pollFamily(); refresh(); }, POLL_MS);
    refresh();
  }

  document.addEventListener("DOMContentLoaded", start);
})();
